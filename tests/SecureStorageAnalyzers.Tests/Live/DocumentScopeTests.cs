using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// Every rule reports live: in the IDE's default scope (document-scoped analysis of the file being edited, which runs no
/// compilation-end action), each file of a case gets exactly the findings its <c>//! SSAxxxx</c> markers name, the same
/// as full analysis (a build). The cases put what decides a finding in another file than the finding: a fallback policy,
/// <c>UseAuthorization()</c> in a project extension, a global authorize filter, a method-group mapping, the upload that
/// makes a folder private, the listing middleware that <c>AddDirectoryBrowser()</c> serves.
/// </summary>
public class DocumentScopeTests
{
    private const string Recordings = "new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, \"recordings\"))";

    private static readonly Dictionary<string, (string Path, string Text)[]> Cases = new()
    {
        ["SSA0001 incident"] = [("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" }); //! SSA0001
            app.Run();
            """)],
        ["SSA0001 fallback policy set in another file: no finding"] = [("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.Run();
            """), ("/src/Security.cs", """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }
            """)],
        ["SSA0001 SetFallbackPolicy in another file: no finding"] = [("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            Security.Configure(builder.Services);
            var app = builder.Build();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.Run();
            """), ("/src/Security.cs", """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }
            """)],
        ["SSA0001 no fallback policy anywhere: finding"] = [("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" }); //! SSA0001
            app.Run();
            """), ("/src/Security.cs", """
            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) => services.AddAuthorization();
            }
            """)],
        ["SSA0001 UseAuthorization in a project extension of another file: no finding"] = [("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseCompanySecurity();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.Run();
            """), ("/src/Security.cs", """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

                public static IApplicationBuilder UseCompanySecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();
            }
            """)],
        ["SSA0001 registration in a project extension called before UseAuthorization in another file: finding there"] = [("/src/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseRecordings();
            app.UseAuthorization();
            app.Run();
            """), ("/src/Files.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.Extensions.FileProviders;

            public static class Files
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app) =>
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" }); //! SSA0001
            }
            """)],
        ["SSA0001 folder private because another file writes uploads into it"] = [("/src/Media.cs", """
            public static class Media
            {
                public static readonly string Root = "/srv/app/m";

                public static async Task Save(HttpRequest request, string name)
                {
                    using var file = new FileStream(Path.Combine(Root, name), FileMode.Create);
                    await request.Body.CopyToAsync(file);
                }
            }
            """), ("/src/Serving.cs", """
            using Microsoft.Extensions.FileProviders;

            public static class Serving
            {
                public static void Serve(IApplicationBuilder app)
                {
                    var provider = new PhysicalFileProvider(Media.Root);
                    app.UseFileServer(new FileServerOptions { FileProvider = provider, RequestPath = "/m" }); //! SSA0001
                }
            }
            """)],
        ["SSA0002 AddDirectoryBrowser with no listing anywhere"] = [("/src/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser(); //! SSA0002
            var app = builder.Build();
            app.Run();
            """)],
        ["SSA0002 AddDirectoryBrowser with the listing in another file: the listing is the finding"] = [("/src/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseListing();
            app.Run();
            """), ("/src/Listing.cs", """
            public static class Listing
            {
                public static IApplicationBuilder UseListing(this IApplicationBuilder app) => app.UseDirectoryBrowser("/files"); //! SSA0002
            }
            """)],
        ["SSA0003 and SSA0004"] = [("/src/Program.cs", """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true }); //! SSA0003
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Environment.ContentRootPath), RequestPath = "/files" }); //! SSA0004
            app.Run();
            """)],
        ["SSA0005 minimal API with nothing"] = [("/src/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg")); //! SSA0005
            app.Run();
            """)],
        ["SSA0005 fallback policy set in another file: no finding"] = [("/src/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg"));
            app.Run();
            """), ("/src/Security.cs", """
            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            }
            """)],
        ["SSA0005 handler mapped as a method group in another file: finding in the handler's file"] = [("/src/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/recordings/{name}", Recordings.Get);
            app.MapGet("/secure/{name}", Recordings.GetSecure).RequireAuthorization();
            app.Run();
            """), ("/src/Recordings.cs", """
            public static class Recordings
            {
                public static IResult Get(string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg"); //! SSA0005
                public static IResult GetSecure(string name) => Results.File(Path.Combine("/srv/secure", name), "audio/mpeg");
                public static IResult Unmapped(string name) => Results.File(Path.Combine("/srv/other", name), "audio/mpeg");
            }
            """)],
        ["SSA0005 controller with a global authorize filter in another file: no finding"] = [("/src/Program.cs", """
            using Microsoft.AspNetCore.Mvc.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """), ("/src/RecordingsController.cs", """
            using Microsoft.AspNetCore.Mvc;

            public class RecordingsController : ControllerBase
            {
                [HttpGet("/recordings/{name}")]
                public IActionResult Get(string name) => PhysicalFile(Path.Combine("/srv/recordings", name), "audio/mpeg");
            }
            """)],
        ["SSA0005 controller with no filter anywhere: finding"] = [("/src/Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """), ("/src/RecordingsController.cs", """
            using Microsoft.AspNetCore.Mvc;

            public class RecordingsController : ControllerBase
            {
                [HttpGet("/recordings/{name}")]
                public IActionResult Get(string name) => PhysicalFile(Path.Combine("/srv/recordings", name), "audio/mpeg"); //! SSA0005
            }
            """)],
        ["SSA0006"] = [("/src/Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseStaticFiles();
            app.MapPost("/upload", async (IFormFile file, IWebHostEnvironment env) =>
            {
                var folder = Path.Combine(env.WebRootPath, "uploads");
                var path = Path.Combine(folder, file.FileName);
                await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            });
            app.Run();
            """)],
        ["SSA0007, SSA0008 and SSA0101"] = [("/src/Storage.cs", """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public static class Storage
            {
                public static async Task Create(BlobContainerClient container)
                {
                    await container.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                    await container.SetAccessPolicyAsync(PublicAccessType.BlobContainer); //! SSA0008
                }

                public static void Upload(BlobContainerClient container, string callerId, Stream audio) => container.UploadBlob(callerId, audio); //! SSA0101
            }
            """)],
        ["SSA0010 Azure SAS and S3 presigned URL, and a short-lived link: no finding"] = [("/src/Links.cs", """
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Sas;

            public static class Links
            {
                public static Uri Forever(BlobClient blob) =>
                    blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.MaxValue); //! SSA0010

                public static Uri Brief(BlobClient blob) =>
                    blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(15));

                public static string Years(IAmazonS3 s3, string key) => s3.GetPreSignedURL(new GetPreSignedUrlRequest
                {
                    BucketName = "recordings",
                    Key = key,
                    Expires = DateTime.UtcNow.AddYears(5), //! SSA0010
                });
            }
            """)],
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task EachFile_GetsItsFindings_InDocumentScope_AndInAFullAnalysisAsync(string name)
    {
        var compilation = DocumentScope.Compile(Cases[name]);
        var caseTrees = compilation.SyntaxTrees.Where(t => Cases[name].Any(f => f.Path == t.FilePath)).ToList();
        var expected = caseTrees.SelectMany(DocumentScope.Markers).Order(StringComparer.Ordinal).ToList();

        foreach (var tree in caseTrees)
        {
            var inDocument = DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, tree));
            Assert.Equal(DocumentScope.Markers(tree).Order(StringComparer.Ordinal), inDocument);

            // The span the editor asks about (the line being typed): its finding is there too.
            foreach (var marker in DocumentScope.Markers(tree))
            {
                var line = tree.GetText().Lines[int.Parse(marker[(marker.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1];
                var inSpan = DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, tree, line.Span));
                Assert.Contains(marker, inSpan);
            }
        }

        Assert.Equal(expected, DocumentScope.Lines(await DocumentScope.FullAsync(compilation)));
    }

    /// <summary>The project's own helpers named in .editorconfig (a fallback-policy helper declared in another file) count in document scope too.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConfiguredFallbackPolicyHelper_InAnotherFile_CountsInDocumentScopeAsync(bool configured)
    {
        var compilation = DocumentScope.Compile([("/src/Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            Company.Security.AddCompanySecurity(builder.Services);
            var app = builder.Build();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg"));
            app.Run();
            """), ("/src/Company.cs", """
            namespace Company;

            public static class Security
            {
                public static void AddCompanySecurity(IServiceCollection services) { }
            }
            """)]);
        var settings = new Dictionary<string, string>();
        if (configured)
        {
            settings[SecureStorageAnalyzers.Pipeline.AuthorizationHelpers.FallbackPolicyMethodsKey] = "Company.Security.AddCompanySecurity";
        }

        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([], TestConfigOptions.Everywhere(settings));
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        var found = DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, program, options: options));
        var full = DocumentScope.Lines(await DocumentScope.FullAsync(compilation, options: options));
        Assert.Equal(full, found);
        Assert.Equal(configured ? [] : new[] { "SSA0001 at /src/Program.cs:7", "SSA0005 at /src/Program.cs:8" }, found);
    }
}
