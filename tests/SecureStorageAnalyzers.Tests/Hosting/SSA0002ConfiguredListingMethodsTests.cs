using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsingAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// <c>SSA0002.listing_methods</c> (issue #21, held-out set 5): a file-server package's
/// <c>app.UseFileServerPlus(name, dir, "/storage1", enableDirectoryBrowsing: true)</c> turns listing on inside a body the
/// compilation cannot see. The package here is a compiled assembly (a metadata reference, as a NuGet package is), so
/// the pack knows it lists only from the setting: by method name with its flag parameter, by documentation-comment id,
/// or as a method that always lists.
/// </summary>
public class SSA0002ConfiguredListingMethodsTests
{
    private const string Anyone = "anyone can list the folder's files";

    private const string PackageSource = """
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.FileProviders;

        namespace FileServerPlus.Mvc.Extensions
        {
            public static class ApplicationBuilderExtension
            {
                public static void UseFileServerPlus(this IApplicationBuilder app, string name, DirectoryInfo physicalDirectory, string requestPath) =>
                    UseFileServerPlus(app, name, physicalDirectory, requestPath, false);

                public static void UseFileServerPlus(this IApplicationBuilder app, string name, DirectoryInfo physicalDirectory, string requestPath, bool enableDirectoryBrowsing)
                {
                    var options = new FileServerOptions { FileProvider = new PhysicalFileProvider(physicalDirectory.FullName), RequestPath = requestPath };
                    options.EnableDirectoryBrowsing = enableDirectoryBrowsing;
                    app.UseFileServer(options);
                }

                public static void UseBrowsableStorage(this IApplicationBuilder app, string root, bool cache = true) =>
                    app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(root), EnableDirectoryBrowsing = true });

                public static void UseListing(this IApplicationBuilder app, bool enableDirectoryBrowsing = true) =>
                    app.UseFileServer(enableDirectoryBrowsing);
            }
        }
        """;

    private static readonly Lazy<MetadataReference> Package =
        new(() => TestReferences.CompiledLibrary("FileServerPlus.Mvc", PackageSource, TestReferences.AspNetCore));

    private const string Startup = """
        using FileServerPlus.Mvc.Extensions;

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseStaticFiles();
                var rootDirectory1 = new DirectoryInfo("..\\storages\\storage1\\");
                app.{|#0:UseFileServerPlus("Server1", rootDirectory1, "/storage1", enableDirectoryBrowsing: true)|};
                var rootDirectory2 = new DirectoryInfo("..\\storages\\storage2\\");
                app.{|#1:UseFileServerPlus("Server2", rootDirectory2, "/storage2", true)|};
                app.UseFileServerPlus("Public", new DirectoryInfo("public"), "/public", enableDirectoryBrowsing: false);
                app.UseFileServerPlus("Plain", new DirectoryInfo("plain"), "/plain");
                app.UseBrowsableStorage("assets", cache: false);
                app.UseListing(enableDirectoryBrowsing: false);
                app.UseRouting();
            }
        }
        """;

    private static async Task VerifyAsync(string source, string? editorConfig, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(source);
        test.TestState.AdditionalReferences.Add(Package.Value);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Listing(int location, string method) =>
        VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(location).WithArguments(method, Anyone);

    [Fact]
    public async Task Unconfigured_AWrapperOutOfSight_IsNotReportedAsync()
    {
        // The pack does not see into the package and matches no name: without the setting nothing is known.
        await VerifyAsync(Startup.Replace("{|#0:", "").Replace("{|#1:", "").Replace(")|};", ");"), null);
    }

    [Fact]
    public async Task MethodWithItsFlagParameter_ReportedWhenTheFlagIsTrueAsync()
    {
        await VerifyAsync(Startup,
            "SSA0002.listing_methods = FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseFileServerPlus:enableDirectoryBrowsing\n",
            Listing(0, "UseFileServerPlus"), Listing(1, "UseFileServerPlus"));
    }

    [Fact]
    public async Task DocumentationCommentId_WithItsFlag_AndAMethodThatAlwaysLists_ReportedAsync()
    {
        await VerifyAsync("""
            using FileServerPlus.Mvc.Extensions;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseFileServerPlus("Server1", new DirectoryInfo("s1"), "/storage1", enableDirectoryBrowsing: true)|};
            app.UseFileServerPlus("Server2", new DirectoryInfo("s2"), "/storage2", enableDirectoryBrowsing: false);
            app.{|#1:UseBrowsableStorage("assets")|};
            app.{|#2:UseListing()|};
            app.UseListing(false);
            if (app.Environment.IsDevelopment())
            {
                app.UseBrowsableStorage("dev");
            }

            app.Run();
            """,
            "SSA0002.listing_methods = M:FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseFileServerPlus(Microsoft.AspNetCore.Builder.IApplicationBuilder,System.String,System.IO.DirectoryInfo,System.String,System.Boolean):enableDirectoryBrowsing, " +
            "FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseBrowsableStorage, FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseListing:enableDirectoryBrowsing\n",
            Listing(0, "UseFileServerPlus"), Listing(1, "UseBrowsableStorage"), Listing(2, "UseListing"));
    }

    [Fact]
    public async Task NamesTheCompilationDoesNotDefine_OrAParameterThatIsNotABool_AreIgnoredAsync()
    {
        await VerifyAsync(Startup.Replace("{|#0:", "").Replace("{|#1:", "").Replace(")|};", ");"),
            "SSA0002.listing_methods = Other.Package.UseFiles:browse, M:Nowhere.T.M(System.Boolean), " +
            "FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseFileServerPlus:requestPath, " +
            "FileServerPlus.Mvc.Extensions.ApplicationBuilderExtension.UseFileServerPlus:noSuchParameter\n");
    }
}
