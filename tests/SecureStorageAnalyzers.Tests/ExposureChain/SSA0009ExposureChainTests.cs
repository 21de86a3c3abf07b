using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.ExposureChain;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.ExposureChain.SSA0009ExposureChainAnalyzer>;

namespace SecureStorageAnalyzers.Tests.ExposureChain;

/// <summary>
/// Issue #15: one finding for the incident's chain (a folder served anonymously, files named after people written into
/// it, listed or not), across files, through IOptions&lt;T&gt;, constructors and helpers; nothing on the near misses.
/// </summary>
public class SSA0009ExposureChainTests
{
    private static DiagnosticResult Chain() => VerifyCS.Diagnostic(Descriptors.SSA0009ExposureChain);

    [Fact]
    public async Task TheIncident_InOneFile_OneFindingWithTheWholeChainAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordingsRoot = Path.Combine(app.Environment.ContentRootPath, "recordings");
            var recordings = new PhysicalFileProvider(recordingsRoot);
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = recordings, RequestPath = "/recordings" })|};
            app.{|#1:UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = recordings, RequestPath = "/recordings" })|};
            app.MapPost("/calls/{callerPhoneNumber}", async (string callerPhoneNumber, HttpRequest request) =>
            {
                var day = DateTime.UtcNow.ToString("yyyy-MM-dd");
                var path = Path.Combine(recordingsRoot, day, callerPhoneNumber + ".mp3");
                await using var file = File.{|#2:Create(path)|};
                await request.Body.CopyToAsync(file);
            });
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(
                "the folder 'recordings' under the content root", "Test0.cs:7", ", which is listed (Test0.cs:8)", "a phone number", "callerPhoneNumber",
                "Test0.cs:13", "anyone can list the files and download every one, and each name says whose it is"));
    }

    /// <summary>The way real code spreads it: options bound from configuration, a storage service, the hosting in an extension method.</summary>
    [Fact]
    public async Task AcrossFiles_ThroughIOptions_OneFindingAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
            builder.Services.AddSingleton<CallStore>();
            var app = builder.Build();
            app.UseRecordings(app.Configuration);
            app.MapPost("/calls/{callerNumber}", (string callerNumber, byte[] audio, CallStore store) => store.Save(callerNumber, audio));
            app.Run();
            """);
        test.TestState.Sources.Add(("StorageOptions.cs", """
            public class StorageOptions
            {
                public string Recordings { get; set; } = "";
            }
            """));
        test.TestState.Sources.Add(("CallStore.cs", """
            using Microsoft.Extensions.Options;

            public class CallStore
            {
                private readonly string _root;

                public CallStore(IOptions<StorageOptions> options) => _root = options.Value.Recordings;

                public void Save(string callerNumber, byte[] audio) =>
                    File.{|#1:WriteAllBytes(Path.Combine(_root, $"{callerNumber}.wav"), audio)|};
            }
            """));
        test.TestState.Sources.Add(("Hosting.cs", """
            using Microsoft.Extensions.FileProviders;

            public static class Hosting
            {
                public static void UseRecordings(this WebApplication app, IConfiguration configuration)
                {
                    var folder = configuration["Storage:Recordings"]!;
                    app.{|#0:UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/rec", EnableDirectoryBrowsing = true })|};
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Chain().WithLocation(0).WithLocation(1).WithArguments(
            "the folder configured at 'Storage:Recordings'", "Hosting.cs:8", ", which is listed (Hosting.cs:8)", "a phone number", "callerNumber",
            "CallStore.cs:10", "anyone can list the files and download every one, and each name says whose it is"));
        await test.RunAsync();
    }

    [Fact]
    public async Task ThroughAConstructorParameter_AndAProjectHelper_ReportedAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var store = new RecordingStore(StoragePaths.Recordings(app.Environment));
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(StoragePaths.Recordings(app.Environment)) })|};
            app.MapPost("/r/{email}", (string email, byte[] body) => store.Keep(email, body));
            app.Run();
            """);
        test.TestState.Sources.Add(("StoragePaths.cs", """
            public static class StoragePaths
            {
                public static string Recordings(IWebHostEnvironment env) => Path.Combine(env.ContentRootPath, "data", "recordings");
            }
            """));
        test.TestState.Sources.Add(("RecordingStore.cs", """
            public sealed class RecordingStore
            {
                private readonly string _folder;

                public RecordingStore(string folder) { _folder = folder; }

                public void Keep(string email, byte[] body)
                {
                    var day = Path.Combine(_folder, DateTime.UtcNow.ToString("yyyy-MM-dd"));
                    using var stream = {|#1:new FileStream(Path.Combine(day, email + ".mp3"), FileMode.Create)|};
                    stream.Write(body);
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Chain().WithLocation(0).WithLocation(1).WithArguments(
            "the folder 'data/recordings' under the content root", "Test0.cs:4", "", "an e-mail address", "email", "RecordingStore.cs:10",
            "anyone who knows or guesses an e-mail address can download that person's files"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WebRoot_ServedByDefault_PersonalNamesWrittenUnderIt_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles()|};
            app.MapPost("/exports/{phoneNumber}", async (string phoneNumber, IWebHostEnvironment env) =>
                await File.{|#1:WriteAllTextAsync(Path.Combine(env.WebRootPath, "exports", $"{phoneNumber}.csv"), "…")|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the web root", "Test0.cs:3", "", "a phone number", "phoneNumber", "Test0.cs:5",
                "anyone who knows or guesses a phone number can download that person's files"));
    }

    /// <summary>The web root served through its own provider counts as a plain UseStaticFiles() does: no privacy needed.</summary>
    [Fact]
    public async Task WebRoot_ServedThroughWebRootFileProvider_PersonalNamesWrittenUnderIt_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.WebRootFileProvider })|};
            app.MapPost("/exports/{phoneNumber}", async (string phoneNumber, IWebHostEnvironment env) =>
                await File.{|#1:WriteAllTextAsync(Path.Combine(env.WebRootPath, "exports", $"{phoneNumber}.csv"), "…")|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the web root", "Test0.cs:3", "", "a phone number", "phoneNumber", "Test0.cs:5",
                "anyone who knows or guesses a phone number can download that person's files"));
    }

    /// <summary>One finding per folder: two registrations of it, and the content root above it (SSA0004's), make one chain at the recordings folder.</summary>
    [Fact]
    public async Task TwoRegistrationsAndTheContentRoot_OneFindingAtTheMostSpecificFolderAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = "/a" })|};
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = "/b" });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = builder.Environment.ContentRootFileProvider, RequestPath = "/support" });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.{|#1:WriteAllBytes(Path.Combine(root, phone), a)|});
            app.MapPost("/d/{email}", (string email, byte[] a) => File.{|#2:WriteAllBytes(Path.Combine(root, "by-mail", email), a)|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(
                "the folder 'recordings' under the content root", "Test0.cs:6", "", "a phone number", "phone", "Test0.cs:9 and 1 more write",
                "anyone who knows or guesses a phone number can download that person's files"));
    }

    // ---- An anonymous file endpoint (SSA0005) as the "served anonymously" link ----

    /// <summary>No static files at all: an endpoint that returns any file the request names from the folder, to anyone.</summary>
    [Fact]
    public async Task AnonymousFileEndpointOverTheFolder_ReportedAtTheFileResultAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "media");
            app.MapPost("/calls/{phone}", (string phone, byte[] audio) => File.{|#1:WriteAllBytes(Path.Combine(root, "2024", phone + ".wav"), audio)|});
            app.MapGet("/calls/{name}", (string name) => Results.{|#0:File(Path.Combine(root, name), "audio/wav")|});
            app.Run();
            """,
            Chain().WithLocation(0).WithLocation(1).WithArguments(
                "the folder 'media' under the content root", "Test0.cs:5, by an endpoint that returns the file the request names", "", "a phone number", "phone",
                "Test0.cs:4", "anyone who knows or guesses a phone number can download that person's files"));
    }

    /// <summary>The endpoint opens the file itself (a stream) in a controller; the store writes in another file through a field.</summary>
    [Fact]
    public async Task AnonymousControllerStreamingAFileFromTheFolder_AcrossFiles_ReportedAsync()
    {
        var test = new VerifyCS.Test("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("recordings")]
            public class RecordingsController : ControllerBase
            {
                [HttpGet("{file}")]
                public IActionResult Get(string file)
                {
                    var stream = System.IO.File.OpenRead(Path.Combine(Store.Root, file));
                    return {|#0:File(stream, "audio/wav")|};
                }
            }
            """);
        test.TestState.Sources.Add(("Store.cs", """
            public static class Store
            {
                public static readonly string Root = "/srv/calls";

                public static void Save(string email, byte[] audio) => File.{|#1:WriteAllBytes(Root + "/" + email + ".wav", audio)|};
            }
            """));
        test.ExpectedDiagnostics.Add(Chain().WithLocation(0).WithLocation(1).WithArguments(
            "the folder '/srv/calls'", "Test0.cs:11, by an endpoint that returns the file the request names", "", "an e-mail address", "email",
            "Store.cs:5", "anyone who knows or guesses an e-mail address can download that person's files"));
        await test.RunAsync();
    }

    [Fact]
    public async Task FileEndpointThatRequiresAuthorization_OrOverAnotherFolder_OrWithAFixedFile_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "media");
            app.MapPost("/calls/{phone}", (string phone, byte[] audio) => File.WriteAllBytes(Path.Combine(root, phone + ".wav"), audio));
            app.MapGet("/a/{name}", (string name) => Results.File(Path.Combine(root, name), "audio/wav")).RequireAuthorization();
            app.MapGet("/b/{name}", (string name) => Results.File(Path.Combine(root, "public", name), "audio/wav"));
            app.MapGet("/c/{name}", (string name) => Results.File(Path.Combine(builder.Environment.ContentRootPath, "medias", name), "audio/wav"));
            app.MapGet("/terms", () => Results.File(Path.Combine(root, "terms.pdf"), "application/pdf"));
            app.Run();
            """);
    }

    // ---- Near misses: no chain ----

    [Fact]
    public async Task ServedAndWrittenFoldersDifferByOneSegment_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings", "public")) });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(builder.Environment.ContentRootPath, "recordings", phone + ".wav"), a));
            app.MapPost("/d/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(builder.Environment.ContentRootPath, "recording", "public", phone + ".wav"), a));
            app.Run();
            """);
    }

    [Fact]
    public async Task ServedBehindAuthorizationWithAFallbackPolicy_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
            app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(root) });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(root, phone + ".wav"), a));
            app.Run();
            """);
    }

    [Fact]
    public async Task GatedByOnPrepareResponse_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = ctx => { if (ctx.Context.User.Identity?.IsAuthenticated != true) { ctx.Context.Response.StatusCode = 401; } },
            });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(root, phone + ".wav"), a));
            app.Run();
            """);
    }

    [Fact]
    public async Task RandomNames_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
            app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(root) });
            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(root, Guid.NewGuid().ToString("N") + ".wav"), a));
            app.Run();
            """);
    }

    [Fact]
    public async Task DevelopmentOnlyRegistration_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            if (app.Environment.IsDevelopment())
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
            }

            app.MapPost("/c/{phone}", (string phone, byte[] a) => File.WriteAllBytes(Path.Combine(root, phone + ".wav"), a));
            app.Run();
            """);
    }

    /// <summary>Unknown stays unknown: the write's folder comes from a parameter nobody in the project passes.</summary>
    [Fact]
    public async Task FolderOfTheWriteUnknown_NotReportedAsync()
    {
        var test = new VerifyCS.Test("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings")) });
            app.Run();
            """);
        test.TestState.Sources.Add(("Store.cs", """
            public class Store
            {
                public void Save(string folder, string phone, byte[] a) => File.WriteAllBytes(Path.Combine(folder, phone + ".wav"), a);
            }
            """));
        await test.RunAsync();
    }

    /// <summary>The same configuration key on both sides, but options bound from two sections: no chain on a guess.</summary>
    [Fact]
    public async Task OptionsBoundFromTwoSections_NotReportedAsync()
    {
        var test = new VerifyCS.Test("""
            using Microsoft.Extensions.FileProviders;
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StorageOptions>("calls", builder.Configuration.GetSection("Calls"));
            builder.Services.Configure<StorageOptions>("public", builder.Configuration.GetSection("Public"));
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Configuration["Public:Folder"]!) });
            app.MapPost("/c/{phone}", (string phone, byte[] a, IOptionsMonitor<StorageOptions> o) => File.WriteAllBytes(Path.Combine(o.Get("calls").Folder, phone), a));
            app.Run();
            """);
        test.TestState.Sources.Add(("StorageOptions.cs", "public class StorageOptions { public string Folder { get; set; } = \"\"; }"));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            public static class Worker
            {
                public static void Save(string phone, byte[] a) => File.WriteAllBytes(Path.Combine("/var/rec", phone), a);
            }
            """, TestFramework.NoAspNetCore);
    }
}
