using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.ExposureChain.SSA0009ExposureChainAnalyzer>;

namespace SecureStorageAnalyzers.Tests.ExposureChain;

/// <summary>
/// Issue #21: a listing wrapper named in <c>SSA0002.listing_methods</c> (a package's method the compilation cannot see
/// into) is the exposure chain's listing link when its arguments say which folder it lists (a file provider or a
/// <c>DirectoryInfo</c>). The package is a compiled assembly, as a NuGet package is.
/// </summary>
public class SSA0009ConfiguredListingTests
{
    private const string PackageSource = """
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.FileProviders;

        namespace FileServerPlus.Mvc.Extensions
        {
            public static class ApplicationBuilderExtension
            {
                public static void UseFileServerPlus(this IApplicationBuilder app, string name, DirectoryInfo physicalDirectory, string requestPath, bool enableDirectoryBrowsing)
                {
                    var options = new FileServerOptions { FileProvider = new PhysicalFileProvider(physicalDirectory.FullName), RequestPath = requestPath };
                    options.EnableDirectoryBrowsing = enableDirectoryBrowsing;
                    app.UseFileServer(options);
                }

                public static void UseBrowsableFolder(this IApplicationBuilder app, IFileProvider provider, string requestPath) =>
                    app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = provider, RequestPath = requestPath });

                public static void UseBrowsableStorage(this IApplicationBuilder app, string root) =>
                    app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(root), EnableDirectoryBrowsing = true });
            }
        }
        """;

    private const string Settings =
        "SSA0002.listing_methods = FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseFileServerPlus:enableDirectoryBrowsing, " +
        "FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseBrowsableFolder, FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseBrowsableStorage\n";

    private const string Listed = "anyone can list the files and download every one, and each name says whose it is";
    private const string Guessed = "anyone who knows or guesses a phone number can download that person's files";

    private static readonly Lazy<MetadataReference> Package =
        new(() => TestReferences.CompiledLibrary("FileServerPlus.Mvc", PackageSource, TestReferences.AspNetCore));

    private static string Program(string listing) => $$"""
        using FileServerPlus.Mvc.Extensions;
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var recordingsRoot = Path.Combine(app.Environment.ContentRootPath, "recordings");
        app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(recordingsRoot), RequestPath = "/recordings" })|};
        {{listing}}
        app.MapPost("/calls/{callerPhoneNumber}", async (string callerPhoneNumber, HttpRequest request) =>
        {
            await using var file = File.{|#2:Create(Path.Combine(recordingsRoot, callerPhoneNumber + ".mp3"))|};
            await request.Body.CopyToAsync(file);
        });
        app.Run();
        """;

    private static async Task VerifyAsync(string source, string? editorConfig, DiagnosticResult expected)
    {
        var test = new VerifyCS.Test(source);
        test.TestState.AdditionalReferences.Add(Package.Value);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }

    private static DiagnosticResult Chain(bool listed)
    {
        var chain = VerifyCS.Diagnostic(Descriptors.SSA0009ExposureChain).WithLocation(0);
        chain = listed ? chain.WithLocation(1).WithLocation(2) : chain.WithLocation(2);
        return chain.WithArguments("the folder 'recordings' under the content root", "Test0.cs:7",
            listed ? ", which is listed (Test0.cs:8)" : string.Empty, "a phone number", "callerPhoneNumber", "Test0.cs:11",
            listed ? Listed : Guessed);
    }

    [Theory]
    [InlineData("app.{|#1:UseFileServerPlus(\"Calls\", new DirectoryInfo(recordingsRoot), \"/calls\", enableDirectoryBrowsing: true)|};")]
    [InlineData("var calls = new DirectoryInfo(recordingsRoot); app.{|#1:UseFileServerPlus(\"Calls\", calls, \"/calls\", true)|};")]
    [InlineData("app.{|#1:UseBrowsableFolder(new PhysicalFileProvider(recordingsRoot), \"/recordings\")|};")]
    public Task ConfiguredWrapperListingTheServedFolder_IsTheListingLinkAsync(string listing) =>
        VerifyAsync(Program(listing), Settings, Chain(listed: true));

    [Theory]
    // The setting is the project's to write: without it the wrapper's body is out of sight.
    [InlineData("app.UseFileServerPlus(\"Calls\", new DirectoryInfo(recordingsRoot), \"/calls\", true);", null)]
    // Its flag is off.
    [InlineData("app.UseFileServerPlus(\"Calls\", new DirectoryInfo(recordingsRoot), \"/calls\", false);", Settings)]
    // Another folder.
    [InlineData("app.UseBrowsableFolder(new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, \"public\")), \"/public\");", Settings)]
    // A string argument: a name, a request path or a folder, the type does not say which.
    [InlineData("app.UseBrowsableStorage(recordingsRoot);", Settings)]
    public Task ConfiguredWrapperOffOrElsewhereOrUnknown_IsNoListingLinkAsync(string listing, string? settings) =>
        VerifyAsync(Program(listing), settings, Chain(listed: false));
}
