using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0004DoNotServeContentRootAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0004DoNotServeContentRootTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0004ContentRootServed);

    [Fact]
    public async Task TopLevel_ContentRootAndItsProvider_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                {|#0:FileProvider = new PhysicalFileProvider({|#1:builder.Environment.ContentRootPath|})|},
                RequestPath = "/files",
            });
            app.UseFileServer(new FileServerOptions { {|#2:FileProvider = {|#3:app.Environment.ContentRootFileProvider|}|} });
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("FileProvider", "the content root", "builder.Environment.ContentRootPath"),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("FileProvider", "the content root", "app.Environment.ContentRootFileProvider"));
    }

    [Fact]
    public async Task AppAndCurrentDirectoriesAndFilesystemRoots_ReportedThroughLocalsAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var here = {|#1:Directory.GetCurrentDirectory()|};
            var provider = new PhysicalFileProvider(here);
            app.UseDirectoryBrowser(new DirectoryBrowserOptions { {|#0:FileProvider = provider|} });
            app.UseStaticFiles(new StaticFileOptions { {|#2:FileProvider = new PhysicalFileProvider({|#3:AppContext.BaseDirectory|})|} });
            app.UseStaticFiles(new StaticFileOptions { {|#4:FileProvider = new PhysicalFileProvider({|#5:AppDomain.CurrentDomain.BaseDirectory|})|} });
            app.UseStaticFiles(new StaticFileOptions { {|#6:FileProvider = new PhysicalFileProvider({|#7:Environment.CurrentDirectory|})|} });
            app.UseStaticFiles(new StaticFileOptions { {|#8:FileProvider = new PhysicalFileProvider({|#9:"/"|})|} });
            app.UseStaticFiles(new StaticFileOptions { {|#10:FileProvider = new PhysicalFileProvider({|#11:@"D:\"|})|} });
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("FileProvider", "the current directory", "Directory.GetCurrentDirectory()"),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("FileProvider", "the app's own directory", "AppContext.BaseDirectory"),
            Diagnostic().WithLocation(4).WithLocation(5).WithArguments("FileProvider", "the app's own directory", "AppDomain.CurrentDomain.BaseDirectory"),
            Diagnostic().WithLocation(6).WithLocation(7).WithArguments("FileProvider", "the current directory", "Environment.CurrentDirectory"),
            Diagnostic().WithLocation(8).WithLocation(9).WithArguments("FileProvider", "a filesystem root", "\"/\""),
            Diagnostic().WithLocation(10).WithLocation(11).WithArguments("FileProvider", "a filesystem root", "@\"D:\\\""));
    }

    [Fact]
    public async Task WebRootRedirected_ToTheContentRoot_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, {|#0:WebRootPath = {|#1:"."|}|} });
            builder.WebHost.{|#2:UseWebRoot({|#3:Directory.GetCurrentDirectory()|})|};
            {|#4:builder.Environment.WebRootPath = {|#5:builder.Environment.ContentRootPath|}|};
            var app = builder.Build();
            app.UseStaticFiles();
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("WebRootPath", "the current directory", "\".\""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("UseWebRoot", "the current directory", "Directory.GetCurrentDirectory()"),
            Diagnostic().WithLocation(4).WithLocation(5).WithArguments("WebRootPath", "the content root", "builder.Environment.ContentRootPath"));
    }

    [Fact]
    public async Task StartupClass_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseFileServer(new FileServerOptions
                    {
                        {|#0:FileProvider = new PhysicalFileProvider({|#1:env.ContentRootPath|})|},
                        EnableDirectoryBrowsing = false,
                    });
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("FileProvider", "the content root", "env.ContentRootPath"));
    }

    [Fact]
    public async Task DocumentedSafePatterns_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            // Reading configuration or templates from the content root is not serving it.
            var templates = new PhysicalFileProvider(builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<IFileProvider>(templates);
            var app = builder.Build();

            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider(app.Environment.ContentRootPath) });
            }

            app.UseHttpsRedirection();
            app.UseStaticFiles();
            // The ASP.NET Core documentation's example: a folder of public assets under the content root.
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "MyStaticFiles")),
                RequestPath = "/StaticFiles",
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.WebRootFileProvider });
            app.MapStaticAssets();
            app.Run();
            """);
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingIsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Tool
            {
                public string Root => System.IO.Directory.GetCurrentDirectory();
            }
            """, TestFramework.NoAspNetCore);
    }

    [Fact]
    public async Task NetEight_ContentRootProvider_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { {|#0:FileProvider = {|#1:builder.Environment.ContentRootFileProvider|}|} });
            app.Run();
            """, TestFramework.AspNetCore8,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("FileProvider", "the content root", "builder.Environment.ContentRootFileProvider"));
    }
}
