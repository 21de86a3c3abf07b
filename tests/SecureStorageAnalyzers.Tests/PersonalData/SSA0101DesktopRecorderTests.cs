using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A desktop recorder (WinForms on .NET Framework) that names each recording after the person recorded: the name typed
/// in a text box goes through the project's own file-name cleaner and a few locals before <c>File.Create</c>,
/// <c>new FileStream</c> or an audio library's WAV writer. Cleaning a name keeps it a name, whatever shape the cleaner
/// has; a cleaner handed something else reports nothing.
/// </summary>
public class SSA0101DesktopRecorderTests
{
    private const string Libraries = """
        namespace System.Windows.Forms
        {
            public class Control { public virtual string Text { get; set; } = ""; }
            public class TextBoxBase : Control { }
            public class TextBox : TextBoxBase { }
            public class Form : Control { }
        }

        namespace NAudio.Wave
        {
            public class WaveFormat { public WaveFormat(int rate, int channels) { } }
            public class WaveFileWriter : System.IO.Stream
            {
                public WaveFileWriter(string filename, WaveFormat format) { }
                public WaveFileWriter(System.IO.Stream outStream, WaveFormat format) { }
                public override bool CanRead => false;
                public override bool CanSeek => false;
                public override bool CanWrite => true;
                public override long Length => 0;
                public override long Position { get; set; }
                public override void Flush() { }
                public override int Read(byte[] buffer, int offset, int count) => 0;
                public override long Seek(long offset, System.IO.SeekOrigin origin) => 0;
                public override void SetLength(long value) { }
                public override void Write(byte[] buffer, int offset, int count) { }
            }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyWithLibraryAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, Libraries,
            TestFramework.NetFramework48, "System.Windows.Forms");

    [Fact]
    public Task NameThroughTheProjectsCleanerAndLocals_IntoFileCreate_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Windows.Forms;

        public class RecorderForm : Form
        {
            private TextBox txtName = new TextBox();
            private string recordingsFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "Recordings");
            private Stream output;

            private void btnRecord_Click(object sender, EventArgs e)
            {
                string personName = txtName.Text.Trim();
                string safeName = SanitizeFileName(personName);
                string stamp = DateTime.Now.ToString("yyyyMMdd_HHmmss");
                string outputFile = Path.Combine(recordingsFolder, safeName + "_" + stamp + ".wav"); //! SSA0101
                output = File.Create(outputFile);
            }

            private static string SanitizeFileName(string name)
            {
                foreach (char c in Path.GetInvalidFileNameChars())
                {
                    name = name.Replace(c, '_');
                }

                return name;
            }
        }
        """);

    [Fact]
    public Task NameThroughACleanerInAnotherClass_IntoNewFileStream_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Linq;
        using System.Windows.Forms;

        internal static class FileNames
        {
            public static string SanitizeFileName(string text)
            {
                if (string.IsNullOrWhiteSpace(text))
                    return "recording";

                var invalid = Path.GetInvalidFileNameChars();
                var cleaned = new string(text.Select(ch => invalid.Contains(ch) ? '_' : ch).ToArray());
                return cleaned.Length > 60 ? cleaned.Substring(0, 60) : cleaned;
            }
        }

        public class RecorderForm : Form
        {
            private TextBox txtPatientName = new TextBox();
            private string folder = @"C:\Recordings";
            private FileStream stream;

            private void Start()
            {
                string fileName = FileNames.SanitizeFileName(txtPatientName.Text);
                fileName = fileName + "_" + DateTime.Now.Ticks;
                string fullPath = folder + "\\" + fileName + ".wav"; //! SSA0101
                stream = new FileStream(fullPath, FileMode.Create, FileAccess.Write);
            }
        }
        """);

    [Fact]
    public Task NameThroughARegexCleanerIntoAWaveWriter_IsReportedAtTheWriterAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Text.RegularExpressions;
        using System.Windows.Forms;
        using NAudio.Wave;

        public class RecorderForm : Form
        {
            private TextBox txtFirstName = new TextBox();
            private TextBox txtLastName = new TextBox();
            private WaveFileWriter writer;

            private static string CleanForFile(string value)
            {
                var cleaned = Regex.Replace(value, @"[^\w\-]", "_");
                return string.IsNullOrEmpty(cleaned) ? "unnamed" : cleaned;
            }

            private void StartRecording(string folder)
            {
                var who = CleanForFile(txtFirstName.Text + "_" + txtLastName.Text);
                var target = Path.Combine(folder, who); //! SSA0101
                writer = new WaveFileWriter(target, new WaveFormat(44100, 1));
            }

            private void StartRecordingWithoutAPathBuilder()
            {
                var who = CleanForFile(txtLastName.Text);
                var target = who + "-" + DateTime.Now.ToString("HHmmss");
                writer = new WaveFileWriter(target, new WaveFormat(44100, 1)); //! SSA0101
            }
        }
        """);

    [Fact]
    public Task TheSameCleaner_HandedATopicOrAStamp_IsSilentAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Windows.Forms;
        using NAudio.Wave;

        public class RecorderForm : Form
        {
            private TextBox txtTopic = new TextBox();
            private TextBox txtName = new TextBox();
            private string recordingsFolder = @"C:\Recordings";
            private WaveFileWriter writer;

            private static string SanitizeFileName(string name)
            {
                foreach (char c in Path.GetInvalidFileNameChars())
                {
                    name = name.Replace(c, '_');
                }

                return name;
            }

            private void Start()
            {
                string topic = SanitizeFileName(txtTopic.Text);
                File.Create(Path.Combine(recordingsFolder, topic + "_" + DateTime.Now.Ticks + ".wav"));

                // The name is only shown; the file is named by a fresh id.
                string title = SanitizeFileName(txtName.Text);
                Text = title;
                writer = new WaveFileWriter(Path.Combine(recordingsFolder, Guid.NewGuid().ToString("N") + ".wav"), new WaveFormat(8000, 1));
            }
        }
        """);
}
