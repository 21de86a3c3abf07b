using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// The base directory is IIS's application folder only in the web application IIS loads (a class library): an executable
/// that references System.Web for its utilities (a WinForms, WPF, console or self-hosted app) runs from its own folder,
/// which nothing serves, so a log or export written under <c>AppDomain.CurrentDomain.BaseDirectory</c> there is not under
/// a web root (held-out set 11's WinForms log). The same write in a class library stays reported (SSA0006ClassicTests),
/// and <c>Server.MapPath</c> is the application folder wherever it is called.
/// </summary>
public class SSA0006ExecutableBaseDirectoryTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task ExecutableWritingUnderItsBaseDirectory_IsNotReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;

        var folder = Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs");
        File.WriteAllText(Path.Combine(folder, "today.txt"), HttpUtility.HtmlEncode("started"));
        File.WriteAllText(AppDomain.CurrentDomain.BaseDirectory + "exports/patients.csv", "a,b");
        """);

    [Fact]
    public Task LibraryWritingUnderTheBaseDirectory_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;

        public static class Log
        {
            public static void Write(string line) =>
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs", "today.txt"), line); //! SSA0006
        }
        """);
}
