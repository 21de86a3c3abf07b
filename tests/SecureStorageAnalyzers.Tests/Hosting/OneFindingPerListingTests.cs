using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using FixVerifier = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsingAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider>;
using Pack = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureStorageAnalyzers.SecureStorageAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Issue #21, one finding per place: SSA0002 owns every directory listing (SSA0001 does not report
/// <c>UseDirectoryBrowser</c>; SSA0002's message names the private folder), and <c>AddDirectoryBrowser()</c>, which
/// lists nothing by itself, is reported only where the compilation has no listing middleware. The whole pack runs here.
/// </summary>
public class OneFindingPerListingTests
{
    /// <summary>Who can list, as the message says it for a listing nobody authorizes.</summary>
    private const string Anyone = "anyone can list the folder's files";

    private const string RemoveKey = SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey;

    private static DiagnosticResult SSA0002() => Pack.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled);

    [Fact]
    public async Task DirectoryBrowserOverAPrivateFolder_OneFindingWithBothReasonsAsync()
    {
        await Pack.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            var recordings = new PhysicalFileProvider("/srv/calls");
            app.{|#0:UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = recordings, RequestPath = "/calls" })|};
            app.{|#1:UseDirectoryBrowser("/exports")|};
            app.{|#2:UseDirectoryBrowser()|};
            app.Run();
            """,
            SSA0002().WithLocation(0).WithArguments("UseDirectoryBrowser over a private folder (the name 'recordings')", Anyone),
            SSA0002().WithLocation(1).WithArguments("UseDirectoryBrowser over a private folder (the name 'exports')", Anyone),
            SSA0002().WithLocation(2).WithArguments("UseDirectoryBrowser", Anyone));
    }

    [Fact]
    public async Task ServicesAndMiddleware_OneFinding_TheMiddlewareAsync()
    {
        await Pack.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.{|#0:UseDirectoryBrowser()|};
            app.Run();
            """,
            SSA0002().WithLocation(0).WithArguments("UseDirectoryBrowser", Anyone));
    }

    [Theory]
    [InlineData("app.{|#0:UseFileServer(enableDirectoryBrowsing: true)|};", "UseFileServer")]
    [InlineData("app.UseFileServer(new FileServerOptions { {|#0:EnableDirectoryBrowsing = true|} });", "EnableDirectoryBrowsing = true")]
    public async Task ServicesAndAFileServerThatLists_OneFindingAsync(string listing, string shown)
    {
        await Pack.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            {{listing}}
            app.Run();
            """,
            SSA0002().WithLocation(0).WithArguments(shown, Anyone));
    }

    /// <summary>The listing is kept to Development: production lists nothing, and the services alone list nothing.</summary>
    [Fact]
    public async Task ServicesAndADevelopmentOnlyListing_NothingAsync()
    {
        await Pack.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }

            app.Run();
            """);
    }

    /// <summary>No listing middleware the pack can see (it may be in a library): the services are the only trace.</summary>
    [Fact]
    public async Task ServicesAlone_ReportedAsync()
    {
        await Pack.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddDirectoryBrowser()|};
            builder.Build().Run();
            """,
            SSA0002().WithLocation(0).WithArguments("AddDirectoryBrowser", Anyone));
    }

    [Fact]
    public async Task FixOfTheLastListing_RemovesTheServicesTooAsync()
    {
        await FixVerifier.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.UseFileServer();
            app.Run();
            """, RemoveKey);
    }

    /// <summary>A Development listing still needs the services: they stay.</summary>
    [Fact]
    public async Task FixWithADevelopmentListingLeft_KeepsTheServicesAsync()
    {
        await FixVerifier.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser("/dev");
            }

            app.[|UseDirectoryBrowser("/files")|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser("/dev");
            }
            app.Run();
            """, RemoveKey);
    }
}
