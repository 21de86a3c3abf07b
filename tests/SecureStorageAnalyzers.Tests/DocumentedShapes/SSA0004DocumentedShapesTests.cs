using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.DocumentedShapes;

/// <summary>
/// Served folders docs/rules/SSA0004.md names, each reported and not reported. Asserted by line
/// (<see cref="LineFindings"/>): a line ending in <c>//! SSA0004</c> gets the finding, every other line none.
/// </summary>
public class SSA0004DocumentedShapesTests
{
    private static Task VerifyAsync(string source) => LineFindings.VerifyAsync(new SSA0004DoNotServeContentRootAnalyzer(), source);

    [Fact]
    public Task CurrentDirectoryLiteral_AsARoot_ReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseWebRoot("."); //! SSA0004
        builder.WebHost.UseWebRoot("./"); //! SSA0004
        var here = ".";
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(here) }); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(".\\") }); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("./public") });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(".well-known") });
        builder.WebHost.UseWebRoot("public");
        app.Run();
        """);

    [Fact]
    public Task CompositeFileProvider_OverTheContentRoot_ReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var env = app.Environment;
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new CompositeFileProvider(env.WebRootFileProvider, new PhysicalFileProvider(env.ContentRootPath)) }); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new CompositeFileProvider(env.WebRootFileProvider, env.ContentRootFileProvider) }); //! SSA0004
        var providers = new CompositeFileProvider(env.WebRootFileProvider, new PhysicalFileProvider(AppContext.BaseDirectory));
        app.UseFileServer(new FileServerOptions { FileProvider = providers }); //! SSA0004
        env.WebRootFileProvider = new CompositeFileProvider(env.WebRootFileProvider, new PhysicalFileProvider(Directory.GetCurrentDirectory())); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new CompositeFileProvider(env.WebRootFileProvider, new PhysicalFileProvider(Path.Combine(env.ContentRootPath, "MyStaticFiles"))) });
        app.Run();
        """);

    [Fact]
    public Task ParentOfTheContentRoot_ReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.UseWebRoot(Path.Combine(builder.Environment.ContentRootPath, "..")); //! SSA0004
        var app = builder.Build();
        var parent = Path.Combine(app.Environment.ContentRootPath, "..");
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(parent) }); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "..", "..")) }); //! SSA0004
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "..", "shared-assets")) });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "MyStaticFiles")) });
        app.Run();
        """);
}
