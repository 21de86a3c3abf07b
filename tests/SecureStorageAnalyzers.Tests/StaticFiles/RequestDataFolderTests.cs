using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.StaticFiles.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.StaticFiles;

/// <summary>Issue #21: a folder the project writes request data into is private, whatever it is called.</summary>
public class RequestDataFolderTests
{
    private const string Before = "it runs before UseAuthorization(), or with none";

    [Fact]
    public async Task UploadedFormFilesFolder_ServedAnonymously_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var mediaRoot = Path.Combine(builder.Environment.ContentRootPath, "media");
            app.MapPost("/media", async (IFormFile file) =>
            {
                var path = Path.Combine(mediaRoot, Guid.NewGuid().ToString("N"));
                await using var stream = File.Create(path);
                await file.CopyToAsync(stream);
                return Results.Ok();
            });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(mediaRoot), RequestPath = "/media" })|};
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "site")) });
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(0)
                .WithArguments("UseStaticFiles", "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:10", Before));
    }

    [Fact]
    public async Task RequestBodyWrittenUnderAField_FolderServedFromTheField_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            public static class Media
            {
                public static readonly string Root = "/srv/app/m";

                public static async Task Save(HttpRequest request, string name)
                {
                    using var file = new FileStream(Path.Combine(Root, name), FileMode.Create);
                    await request.Body.CopyToAsync(file);
                }

                public static void Serve(IApplicationBuilder app)
                {
                    var provider = new PhysicalFileProvider(Root);
                    app.{|#0:UseFileServer(new FileServerOptions { FileProvider = provider, RequestPath = "/m" })|};
                }
            }
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(0)
                .WithArguments("UseFileServer", "a folder the app writes request bodies into", "Request.Body.CopyToAsync writes into it at Test0.cs:10", Before));
    }

    /// <summary>
    /// The whole web root, however it is spelled, is public by design: uploads written under it are SSA0006's finding,
    /// not a reason to call the web root private (a plain UseStaticFiles() is never reported).
    /// </summary>
    [Fact]
    public async Task UploadsUnderTheWebRoot_WebRootServedExplicitly_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/media", async (IFormFile file) =>
            {
                await using var stream = File.Create(Path.Combine(app.Environment.WebRootPath, "media", Guid.NewGuid().ToString("N")));
                await file.CopyToAsync(stream);
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.WebRootFileProvider });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath) });
            app.Run();
            """);
    }

    /// <summary>Not request data (the app's own text), and a served folder that is another variable: nothing.</summary>
    [Fact]
    public async Task OtherWritesAndOtherFolders_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var siteRoot = Path.Combine(builder.Environment.ContentRootPath, "site");
            var mediaRoot = Path.Combine(builder.Environment.ContentRootPath, "media");
            File.WriteAllText(Path.Combine(siteRoot, "build.txt"), "1.0");
            app.MapPost("/media", async (IFormFile file) =>
            {
                await using var stream = File.Create(Path.Combine(mediaRoot, "x"));
                await file.CopyToAsync(stream);
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(siteRoot) });
            app.Run();
            """);
    }
}
