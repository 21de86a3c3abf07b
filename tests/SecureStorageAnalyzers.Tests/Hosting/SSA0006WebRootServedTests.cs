using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 asks whether the web root is served at all (held-out set 3, a payroll API): a compilation that builds its
/// pipeline (top-level <c>WebApplication.CreateBuilder</c>, or <c>UseStartup&lt;T&gt;()</c>) and registers nothing that
/// serves the web root does not expose what it writes there. Without a pipeline in the compilation (a class library)
/// nothing is known, and the write is reported.
/// </summary>
public class SSA0006WebRootServedTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    /// <summary>The documents written under the web root of an API whose pipeline serves no static files.</summary>
    private const string Writes = """

        public class DocumentsController(IWebHostEnvironment env) : Microsoft.AspNetCore.Mvc.ControllerBase
        {
            public async Task Upload(IFormFile file)
            {
                var root = env.WebRootPath ?? Directory.GetCurrentDirectory();
                var name = $"{Guid.NewGuid()}_{Path.GetFileName(file.FileName)}";
                await using var stream = new FileStream(Path.Combine(root, "documentos", name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }

        public class LocalFileStorageService
        {
            private readonly string _uploadPath;

            public LocalFileStorageService(IWebHostEnvironment env) => _uploadPath = Path.Combine(env.WebRootPath ?? env.ContentRootPath, "Uploads");

            public async Task UploadAsync(IFormFile file, string blobPath)
            {
                using var stream = new FileStream(Path.Combine(_uploadPath, blobPath), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }
        """;

    private static string NotServed(string writes) => writes.Replace(" //! SSA0006", "");

    [Fact]
    public Task PipelineWithoutStaticFiles_WritesUnderTheWebRoot_NotReportedAsync() => VerifyAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        app.Run();
        """ + NotServed(Writes));

    /// <summary>A file provider over another folder serves that folder, not the web root.</summary>
    [Fact]
    public Task PipelineServingOnlyAnotherFolder_NotReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var exports = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "exports"));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = exports, RequestPath = "/exports" });
        app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "docs")) });
        app.Run();
        """ + NotServed(Writes));

    [Fact]
    public Task StartupWithoutStaticFiles_NotReportedAsync() => VerifyAsync("""
        public static class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseEndpoints(endpoints => endpoints.MapControllers());
            }
        }
        """ + NotServed(Writes));

    [Fact]
    public Task PipelineServingTheWebRoot_ReportedAsync() => VerifyAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles();
        app.Run();
        """ + Writes);

    [Fact]
    public Task StartupServingTheWebRoot_ReportedAsync() => VerifyAsync("""
        public static class Program
        {
            public static void Main(string[] args) =>
                Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup
        {
            public void Configure(IApplicationBuilder app) => app.UseFileServer();
        }
        """ + Writes);

    /// <summary>
    /// <c>MapStaticAssets()</c> (the .NET 9 templates) and a static-file registration whose file provider the call does not
    /// show (a parameter) count as serving the web root: reported.
    /// </summary>
    [Fact]
    public Task MapStaticAssetsOrAnUnknownProvider_ReportedAsync()
    {
        const string mapStaticAssets = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapStaticAssets();
            app.Run();
            """;
        const string unknownProvider = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            Files.Serve(app, app.Environment.ContentRootFileProvider);
            app.Run();

            public static class Files
            {
                public static void Serve(IApplicationBuilder app, Microsoft.Extensions.FileProviders.IFileProvider provider) =>
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = provider });
            }
            """;
        return Task.WhenAll(VerifyAsync(mapStaticAssets + Writes), VerifyAsync(unknownProvider + Writes));
    }

    /// <summary>A file provider over the content root holds the web root; one over <c>ContentRootPath/wwwroot</c> is the web root: reported.</summary>
    [Fact]
    public Task ProviderOverTheContentRootOrWwwroot_ReportedAsync()
    {
        const string contentRoot = """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Environment.ContentRootPath), RequestPath = "/support" });
            app.Run();
            """;
        const string wwwroot = """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var site = Path.Combine(builder.Environment.ContentRootPath, "wwwroot");
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(site) });
            app.Run();
            """;
        return Task.WhenAll(VerifyAsync(contentRoot + Writes), VerifyAsync(wwwroot + Writes));
    }

    /// <summary>A class library that writes under the web root of an app it does not hold: unknown, reported.</summary>
    [Fact]
    public Task NoPipelineInTheCompilation_ReportedAsync() => VerifyAsync(Writes);
}
