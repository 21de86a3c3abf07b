using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Ways of naming the web root that held-out set 4 showed SSA0006 did not read (docs/precision.md, "Held-out set 4"):
/// an interpolated string with no hole, a path joined with backslashes inside one literal or interpolation, and a web
/// root reached through the application's own computed property. Each negative is the same shape over a folder that is
/// not served.
/// </summary>
public class SSA0006PathFormTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    /// <summary>An error log (with the signed-in user's name) appended under the web root through a hole-less <c>$"…"</c>.</summary>
    [Fact]
    public Task InterpolatedStringWithoutHoles_UnderWebRoot_IsReportedAsync() => VerifyAsync("""
        public class Diagnostics
        {
            public void Record(string message, string who)
            {
                using (var log = File.AppendText($"wwwroot/Diagnostics/errors.txt")) //! SSA0006
                {
                    log.WriteLine($"{DateTime.Now}: {message} ({who})");
                }

                using (var log = File.AppendText($"Logs/errors.txt"))
                {
                    log.WriteLine(message);
                }

                File.AppendAllText($"App_Data/errors.txt", message);
            }
        }
        """);

    /// <summary>Letter previews written to <c>wwwroot\Previews\…</c>: one backslash-joined literal, with and without holes.</summary>
    [Fact]
    public Task BackslashJoinedWebRootPaths_AreReportedAsync() => VerifyAsync("""
        public class Letters
        {
            public void Preview(byte[] pdf, string clinician, IFormFile scan)
            {
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), $"wwwroot\\Previews\\letter-{clinician}.pdf"), pdf); //! SSA0006
                File.WriteAllBytes($".\\wwwroot\\Previews\\letter-{clinician}.pdf", pdf); //! SSA0006
                using var stream = new FileStream(Directory.GetCurrentDirectory() + "wwwroot\\Scans\\" + scan.FileName, FileMode.Create); //! SSA0006
                scan.CopyTo(stream);
            }

            public void Archive(byte[] pdf, string clinician)
            {
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), $"Archive\\Previews\\letter-{clinician}.pdf"), pdf);
                File.WriteAllBytes($"wwwrootBackup\\letter-{clinician}.pdf", pdf);
            }
        }
        """);

    /// <summary>Support-session recordings under a web root the class reaches through its own expression-bodied property.</summary>
    [Fact]
    public Task WebRootThroughTheClassesOwnProperty_IsReportedAsync() => VerifyAsync("""
        public class SessionRecordings(IWebHostEnvironment environment)
        {
            private string PublicRoot => environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot");

            private string Store
            {
                get { return Path.Combine(environment.WebRootPath, "sessions"); }
            }

            private string Private => Path.Combine(environment.ContentRootPath, "App_Data");

            public async Task Save(IFormFile video, string sessionId)
            {
                var folder = Path.Combine(PublicRoot, "sessions", sessionId);
                await using (var a = new FileStream(Path.Combine(folder, $"{sessionId}.webm"), FileMode.Create)) { await video.CopyToAsync(a); } //! SSA0006
                await using (var b = File.Create(Path.Combine(Store, video.FileName))) { await video.CopyToAsync(b); } //! SSA0006
                await using (var c = File.Create(Path.Combine(Private, "sessions", video.FileName))) { await video.CopyToAsync(c); }
            }
        }
        """);
}
