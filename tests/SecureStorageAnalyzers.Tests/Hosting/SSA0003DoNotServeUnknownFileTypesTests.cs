using System.Collections.Immutable;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyAnalyzer = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0003DoNotServeUnknownFileTypesAnalyzer>;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0003DoNotServeUnknownFileTypesAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0003DoNotServeUnknownFileTypesCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0003DoNotServeUnknownFileTypesTests
{
    private const string SetFalse = SSA0003DoNotServeUnknownFileTypesCodeFixProvider.SetFalseKey;
    private const string Remove = SSA0003DoNotServeUnknownFileTypesCodeFixProvider.RemoveKey;

    // ---- Analyzer: reported ----

    [Fact]
    public async Task ObjectInitializer_ReportedWithMessageAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                {|#0:ServeUnknownFileTypes = true|},
                DefaultContentType = "application/octet-stream",
            });
            app.Run();
            """,
            VerifyAnalyzer.Diagnostic(Descriptors.SSA0003UnknownFileTypesServed).WithLocation(0)
                .WithMessage("ServeUnknownFileTypes = true makes every file in the served folder downloadable, whatever its extension"));
    }

    /// <summary>The documentation's own example of the setting, the one it warns about.</summary>
    [Fact]
    public async Task DocsServeUnknownFileTypesExample_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();

            var app = builder.Build();

            app.UseStaticFiles(new StaticFileOptions
            {
                [|ServeUnknownFileTypes = true|],
                DefaultContentType = "image/png"
            });

            app.UseAuthorization();
            app.MapRazorPages();
            app.Run();
            """);
    }

    [Fact]
    public async Task LaterAssignmentAndConstant_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            const bool ServeAll = true;
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new StaticFileOptions();
            [|options.ServeUnknownFileTypes = true|];
            [|options.ServeUnknownFileTypes = ServeAll|];
            app.UseStaticFiles(options);
            app.Run();
            """);
    }

    [Fact]
    public async Task ThroughFileServerOptions_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new FileServerOptions { RequestPath = "/recordings" };
            [|options.StaticFileOptions.ServeUnknownFileTypes = true|];
            app.UseFileServer(options);
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = "/calls",
                StaticFileOptions = { [|ServeUnknownFileTypes = true|] },
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task OptionsCallbacks_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(o => [|o.ServeUnknownFileTypes = true|]);
            builder.Services.Configure<StaticFileOptions>(o =>
            {
                o.RedirectToAppendTrailingSlash = true;
                [|o.ServeUnknownFileTypes = true|];
            });
            builder.Services.Configure<FileServerOptions>(o => [|o.StaticFileOptions.ServeUnknownFileTypes = true|]);
            var app = builder.Build();
            app.Run();
            """);
    }

    [Fact]
    public async Task StartupAndOwnExtension_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<StaticFileOptions>(options => [|options.ServeUnknownFileTypes = true|]);
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
                }
            }

            public static class RecordingsExtensions
            {
                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app) =>
                    app.UseStaticFiles(new StaticFileOptions { RequestPath = "/recordings", [|ServeUnknownFileTypes = true|] });
            }
            """);
    }

    [Fact]
    public async Task OnlyDevelopmentIsSafe_StagingReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });
            }

            if (!app.Environment.IsProduction())
            {
                app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
            }

            app.Run();
            """);
    }

    // ---- Analyzer: not reported ----

    [Fact]
    public async Task FalseOrNotConstant_NotReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new StaticFileOptions { ServeUnknownFileTypes = false };
            options.ServeUnknownFileTypes = false;
            options.ServeUnknownFileTypes = builder.Configuration.GetValue<bool>("ServeAll");
            var current = options.ServeUnknownFileTypes;
            builder.Services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = false);
            app.UseFileServer(new FileServerOptions { StaticFileOptions = { ServeUnknownFileTypes = false } });
            app.UseStaticFiles(options);
            app.Run();
            """);
    }

    [Fact]
    public async Task ContentTypeProviderWithMappings_NotReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.StaticFiles;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var provider = new FileExtensionContentTypeProvider();
            provider.Mappings[".webmanifest"] = "application/manifest+json";
            app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = provider });
            app.Run();
            """);
    }

    [Theory]
    [MemberData(nameof(KnownSafeSources.Names), MemberType = typeof(KnownSafeSources))]
    public async Task TemplatesAndDocsExamples_NotReportedAsync(string name)
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(KnownSafeSources.Get(name));
    }

    [Fact]
    public async Task UserTypeWithSameName_NotReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            public class DownloadOptions
            {
                public bool ServeUnknownFileTypes { get; set; }
            }

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    var options = new DownloadOptions { ServeUnknownFileTypes = true };
                    options.ServeUnknownFileTypes = true;
                }
            }
            """);
    }

    [Fact]
    public async Task AspNetCore8_ReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
            app.UseFileServer(new FileServerOptions { StaticFileOptions = { [|ServeUnknownFileTypes = true|] } });
            app.Run();
            """, TestFramework.AspNetCore8);
    }

    [Fact]
    public async Task NoAspNetCore_LookAlike_NotReportedAsync()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync("""
            namespace Recordings.Hosting
            {
                public class StaticFileOptions
                {
                    public bool ServeUnknownFileTypes { get; set; }
                }

                public static class Setup
                {
                    public static StaticFileOptions Create() => new StaticFileOptions { ServeUnknownFileTypes = true };
                }
            }
            """, TestFramework.NoAspNetCore);
    }

    // ---- SetFalseKey ----

    [Fact]
    public async Task SetFalse_EveryForm_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(o => [|o.ServeUnknownFileTypes = true|]);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
            var options = new FileServerOptions { StaticFileOptions = { [|ServeUnknownFileTypes = true|] } };
            [|options.StaticFileOptions.ServeUnknownFileTypes = true|];
            app.UseFileServer(options);
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = false);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = false });
            var options = new FileServerOptions { StaticFileOptions = { ServeUnknownFileTypes = false } };
            options.StaticFileOptions.ServeUnknownFileTypes = false;
            app.UseFileServer(options);
            app.Run();
            """, SetFalse);
    }

    [Fact]
    public async Task SetFalse_FixAllAcrossTwoDocumentsAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = false });
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = SetFalse,
        };
        test.TestState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.Configure<StaticFileOptions>(o => [|o.ServeUnknownFileTypes = true|]);
            }
            """));
        test.FixedState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = false);
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- RemoveKey ----

    [Fact]
    public async Task Remove_InitializerAndStatement_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/recordings",
                [|ServeUnknownFileTypes = true|],
                DefaultContentType = "audio/mpeg",
            });
            var options = new StaticFileOptions();
            [|options.ServeUnknownFileTypes = true|];
            app.UseStaticFiles(options);
            builder.Services.Configure<StaticFileOptions>(o =>
            {
                o.RedirectToAppendTrailingSlash = true;
                [|o.ServeUnknownFileTypes = true|];
            });
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/recordings",
                DefaultContentType = "audio/mpeg",
            });
            var options = new StaticFileOptions();
            app.UseStaticFiles(options);
            builder.Services.Configure<StaticFileOptions>(o =>
            {
                o.RedirectToAppendTrailingSlash = true;
            });
            app.Run();
            """, Remove);
    }

    [Fact]
    public async Task Remove_OnlyMemberOfInitializer_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
                    app.UseFileServer(new FileServerOptions { StaticFileOptions = { [|ServeUnknownFileTypes = true|] } });
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseStaticFiles(new StaticFileOptions { });
                    app.UseFileServer(new FileServerOptions { StaticFileOptions = { } });
                }
            }
            """, Remove);
    }

    [Fact]
    public async Task Remove_FixAllAcrossTwoDocumentsAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new StaticFileOptions { RequestPath = "/recordings", [|ServeUnknownFileTypes = true|] };
            app.UseStaticFiles(options);
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new StaticFileOptions { RequestPath = "/recordings" };
            app.UseStaticFiles(options);
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = Remove,
        };
        test.TestState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    var options = new FileServerOptions();
                    [|options.StaticFileOptions.ServeUnknownFileTypes = true|];
                    app.UseFileServer(options);
                }
            }
            """));
        test.FixedState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    var options = new FileServerOptions();
                    app.UseFileServer(options);
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Offers_LambdaExpressionBody_SetFalseOnlyAsync()
    {
        var offers = await CodeFixOffers.GetAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = true);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });
            app.Run();
            """, new SSA0003DoNotServeUnknownFileTypesAnalyzer(), new SSA0003DoNotServeUnknownFileTypesCodeFixProvider());

        Assert.Collection(offers,
            offer => Assert.Equal(new[] { SetFalse }, offer.EquivalenceKeys),
            offer => Assert.Equal(new[] { SetFalse, Remove }, offer.EquivalenceKeys));
    }
}
