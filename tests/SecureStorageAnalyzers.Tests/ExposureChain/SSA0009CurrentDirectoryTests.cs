using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.ExposureChain.SSA0009ExposureChainAnalyzer>;

namespace SecureStorageAnalyzers.Tests.ExposureChain;

/// <summary>
/// Issue #15, found on public code (tests/SecureStorageAnalyzers.RealCode/chain-dev): a write under the current
/// directory (<c>".\\wwwroot" + name</c>, <c>Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", …)</c>, a relative
/// literal path) lands under the content root, and its <c>wwwroot</c> is the web root, because the host's default content
/// root is the current directory. Not when the project moves a root or the current directory: then no chain.
/// </summary>
public class SSA0009CurrentDirectoryTests
{
    private static DiagnosticResult Chain() => VerifyCS.Diagnostic(Descriptors.SSA0009ExposureChain);

    private const string PhoneConsequence = "anyone who knows or guesses a phone number can download that person's files";

    /// <summary>A voice note saved under the current directory's wwwroot, named by the caller's number; the web root served as is.</summary>
    [Fact]
    public async Task CurrentDirectoryWwwroot_IsTheWebRoot_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles()|};
            app.MapPost("/notes/{callerPhone}", (string callerPhone, byte[] audio) =>
                File.{|#1:WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "notes", $"{callerPhone}.ogg"), audio)|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the web root", "Test0.cs:3", "", "a phone number", "callerPhone", "Test0.cs:5", PhoneConsequence));
    }

    /// <summary>A relative path spelled with a backslash and the folder in a separate local, as a Razor page wrote it.</summary>
    [Fact]
    public async Task RelativeWwwrootConcatenation_IsTheWebRoot_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles()|};
            app.MapPost("/clips/{phoneNumber}", async (string phoneNumber, HttpRequest request) =>
            {
                var name = $@"\clips\{phoneNumber}_{DateTime.UtcNow:yyyyMMddHHmmss}.mp4";
                await using var stream = {|#1:new FileStream(".\\wwwroot" + name, FileMode.Create)|};
                await request.Body.CopyToAsync(stream);
            });
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the web root", "Test0.cs:3", "", "a phone number", "phoneNumber", "Test0.cs:7", PhoneConsequence));
    }

    /// <summary>The current directory is the content root: a relative write into the served recordings folder is a write into it.</summary>
    [Fact]
    public async Task CurrentDirectoryFolder_IsTheContentRootFolder_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings")) })|};
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.{|#1:WriteAllBytes(Path.Combine("recordings", phone + ".wav"), a)|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the folder 'recordings' under the content root", "Test0.cs:5", "", "a phone number", "phone", "Test0.cs:6", PhoneConsequence));
    }

    /// <summary>Near miss: the served folder and the written one differ by one segment.</summary>
    [Fact]
    public async Task CurrentDirectoryFolder_OtherSegment_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings")) });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "recording", phone + ".wav"), a));
            app.Run();
            """);
    }

    /// <summary>Near miss: the web root is moved, so the current directory's wwwroot is not what UseStaticFiles serves.</summary>
    [Fact]
    public async Task WebRootMoved_CurrentDirectoryWwwrootIsNotServed_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseWebRoot("public");
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/notes/{callerPhone}", (string callerPhone, byte[] audio) =>
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "notes", $"{callerPhone}.ogg"), audio));
            app.Run();
            """);
    }

    /// <summary>Near miss: the content root is set to the app's base directory (a service's setup); the current directory is elsewhere.</summary>
    [Fact]
    public async Task ContentRootMoved_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/notes/{callerPhone}", (string callerPhone, byte[] audio) =>
                File.WriteAllBytes("wwwroot/notes/" + callerPhone + ".ogg", audio));
            app.Run();
            """);
    }

    /// <summary>Near miss: the app changes its current directory, so a relative path no longer says where it lands.</summary>
    [Fact]
    public async Task CurrentDirectoryChanged_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            Directory.SetCurrentDirectory(Path.GetTempPath());
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/notes/{callerPhone}", (string callerPhone, byte[] audio) =>
                File.WriteAllBytes("wwwroot/notes/" + callerPhone + ".ogg", audio));
            app.Run();
            """);
    }

    /// <summary>Near miss: the web root is served only after UseAuthorization with a fallback policy that requires a signed-in user.</summary>
    [Fact]
    public async Task CurrentDirectoryWwwroot_ServedBehindAuthorization_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles();
            app.MapPost("/notes/{callerPhone}", (string callerPhone, byte[] audio) =>
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "notes", $"{callerPhone}.ogg"), audio));
            app.Run();
            """);
    }

    /// <summary>Near miss: the same write, but the name is random.</summary>
    [Fact]
    public async Task CurrentDirectoryWwwroot_RandomNames_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/notes", (byte[] audio) =>
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "notes", $"{Guid.NewGuid():N}.ogg"), audio));
            app.Run();
            """);
    }
}
