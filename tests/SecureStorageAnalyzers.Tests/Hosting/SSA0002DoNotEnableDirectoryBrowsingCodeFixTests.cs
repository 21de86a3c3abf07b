using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsingAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0002DoNotEnableDirectoryBrowsingCodeFixTests
{
    private const string Remove = SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey;
    private const string Guard = SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.GuardWithIsDevelopmentKey;
    private const string Disable = SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey;

    // ---- DisableDirectoryBrowsingKey ----

    [Fact]
    public async Task Remove_TopLevelStatements_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseStaticFiles();
            app.[|UseDirectoryBrowser()|];
            // Recordings are listed by date for the call centre.
            app.[|UseDirectoryBrowser("/recordings")|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            // Recordings are listed by date for the call centre.
            app.Run();
            """, Remove);
    }

    /// <summary>Found by Fix All over the incident sample: a removal next to a flag to turn off, in one pass.</summary>
    [Fact]
    public async Task RemoveAndDisable_AdjacentStatements_OneFixAllPassAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider("/srv/files");
            // Listed by date.
            app.[|UseDirectoryBrowser(new DirectoryBrowserOptions
            {
                FileProvider = files,
                RequestPath = "/files",
            })|];

            // The old URL.
            app.UseFileServer(new FileServerOptions
            {
                FileProvider = files,
                RequestPath = "/archive",
                [|EnableDirectoryBrowsing = true|],
            });
            app.Run();
            """, """
            var app = WebApplication.CreateBuilder(args).Build();
            var files = new Microsoft.Extensions.FileProviders.PhysicalFileProvider("/srv/files");
            // Listed by date.

            // The old URL.
            app.UseFileServer(new FileServerOptions
            {
                FileProvider = files,
                RequestPath = "/archive",
                EnableDirectoryBrowsing = false,
            });
            app.Run();
            """, Remove);
    }

    [Fact]
    public async Task Remove_StartupClass_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRazorPages();
                    services.AddDirectoryBrowser();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles();
                    app.[|UseDirectoryBrowser()|];
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRazorPages();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles();
                    app.UseRouting();
                }
            }
            """, Remove);
    }

    [Fact]
    public async Task Remove_FluentChain_KeepsTheRestOfTheChainAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles().[|UseDirectoryBrowser()|];
            app.[|UseDirectoryBrowser()|].UseRouting();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.UseRouting();
            app.Run();
            """, Remove);
    }

    [Fact]
    public async Task Remove_ReturnedRegistration_ReturnsTheReceiverAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public static class RecordingsPipelineExtensions
            {
                public static IApplicationBuilder UseRecordingsBrowser(this IApplicationBuilder app)
                {
                    return app.[|UseDirectoryBrowser("/recordings")|];
                }

                public static IApplicationBuilder UseCallsBrowser(this IApplicationBuilder app) =>
                    app.[|UseDirectoryBrowser("/calls")|];

                public static IApplicationBuilder UseArchiveBrowser(this IApplicationBuilder app)
                {
                    return DirectoryBrowserExtensions.[|UseDirectoryBrowser(app, "/archive")|];
                }
            }
            """, """
            public static class RecordingsPipelineExtensions
            {
                public static IApplicationBuilder UseRecordingsBrowser(this IApplicationBuilder app)
                {
                    return app;
                }

                public static IApplicationBuilder UseCallsBrowser(this IApplicationBuilder app) =>
                    app;

                public static IApplicationBuilder UseArchiveBrowser(this IApplicationBuilder app)
                {
                    return app;
                }
            }
            """, Remove);
    }

    [Fact]
    public async Task Remove_ConditionalAccess_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public static class RecordingsExtensions
            {
                public static void UseRecordings(IApplicationBuilder app)
                {
                    app?.[|UseDirectoryBrowser("/recordings")|];
                    app?.UseStaticFiles().[|UseDirectoryBrowser("/calls")|];
                }

                public static IApplicationBuilder UseArchive(IApplicationBuilder app) => app?.[|UseDirectoryBrowser()|];
            }
            """, """
            public static class RecordingsExtensions
            {
                public static void UseRecordings(IApplicationBuilder app)
                {
                    app?.UseStaticFiles();
                }

                public static IApplicationBuilder UseArchive(IApplicationBuilder app) => app;
            }
            """, Remove);
    }

    [Fact]
    public async Task Remove_StaticCallForm_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            DirectoryBrowserServiceExtensions.AddDirectoryBrowser(builder.Services);
            var app = builder.Build();
            DirectoryBrowserExtensions.[|UseDirectoryBrowser(app.UseStaticFiles())|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.Run();
            """, Remove);
    }

    [Fact]
    public async Task Remove_EmbeddedStatement_LeavesAnEmptyBlockAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsStaging())
                        app.[|UseDirectoryBrowser()|];
                    app.UseStaticFiles();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsStaging())
                    {
                    }
                    app.UseStaticFiles();
                }
            }
            """, Remove);
    }

    [Fact]
    public async Task Remove_FixAllAcrossTwoDocumentsAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRecordings();
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.UseRecordings();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRecordings();
            var app = builder.Build();
            app.UseRecordings();
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = Remove,
        };
        test.TestState.Sources.Add(("RecordingsExtensions.cs", """
            public static class RecordingsExtensions
            {
                public static IServiceCollection AddRecordings(this IServiceCollection services)
                {
                    services.AddDirectoryBrowser();
                    return services;
                }

                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app)
                {
                    app.UseStaticFiles();
                    app.[|UseDirectoryBrowser("/recordings")|];
                    return app;
                }
            }
            """));
        test.FixedState.Sources.Add(("RecordingsExtensions.cs", """
            public static class RecordingsExtensions
            {
                public static IServiceCollection AddRecordings(this IServiceCollection services)
                {
                    return services;
                }

                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app)
                {
                    app.UseStaticFiles();
                    return app;
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- GuardWithIsDevelopmentKey ----

    [Fact]
    public async Task Guard_TopLevel_UsesAppAndBuilderEnvironment_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseStaticFiles();
            app.[|UseDirectoryBrowser()|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseStaticFiles();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            app.Run();
            """, Guard);
    }

    [Fact]
    public async Task Guard_Startup_UsesEnvParameter_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles();
                    app.[|UseDirectoryBrowser()|];
                    DirectoryBrowserExtensions.[|UseDirectoryBrowser(app, "/recordings")|];
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles();
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }
                    if (env.IsDevelopment())
                    {
                        DirectoryBrowserExtensions.UseDirectoryBrowser(app, "/recordings");
                    }
                    app.UseRouting();
                }
            }
            """, Guard);
    }

    [Fact]
    public async Task Guard_WithoutGlobalUsings_AddsHostingUsingOnceAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDirectoryBrowser()|];
                    app.[|UseDirectoryBrowser("/recordings")|];
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser("/recordings");
                    }
                }
            }
            """, Guard, webUsings: false);
    }

    [Fact]
    public async Task Guard_TopLevelWithoutGlobalUsings_AddsHostingUsingAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            app.Run();
            """, Guard, webUsings: false);
    }

    [Fact]
    public async Task Guard_WithHostingUsingAlreadyThere_NoSecondUsingAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDirectoryBrowser()|];
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }
                }
            }
            """, Guard, webUsings: false);
    }

    [Fact]
    public async Task Guard_ObsoleteIHostingEnvironment_AddsAspNetCoreHostingUsingAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and still in old Startup classes
            using Microsoft.AspNetCore.Builder;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    app.[|UseDirectoryBrowser()|];
                }
            }
            """, """
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and still in old Startup classes
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }
                }
            }
            """, Guard, webUsings: false);
    }

    [Fact]
    public async Task Guard_InjectedEnvironmentField_InConfigureServicesAsync()
    {
        // AddDirectoryBrowser() alone is reported at the end of the compilation (no listing middleware seen): non-local.
        var test = new VerifyCS.Test("""
            public class Startup(IWebHostEnvironment environment)
            {
                private readonly IWebHostEnvironment _environment = environment;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRazorPages();
                    services.[|AddDirectoryBrowser()|];
                }
            }
            """, """
            public class Startup(IWebHostEnvironment environment)
            {
                private readonly IWebHostEnvironment _environment = environment;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRazorPages();
                    if (_environment.IsDevelopment())
                    {
                        services.AddDirectoryBrowser();
                    }
                }
            }
            """)
        {
            CodeActionEquivalenceKey = Guard,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Guard_InsideBranchLambda_UsesTheCapturedAppAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/recordings", branch =>
            {
                branch.[|UseDirectoryBrowser()|];
            });
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/recordings", branch =>
            {
                if (app.Environment.IsDevelopment())
                {
                    branch.UseDirectoryBrowser();
                }
            });
            app.Run();
            """, Guard);
    }

    [Fact]
    public async Task Guard_FixAllAcrossTwoDocumentsWithoutGlobalUsings_AddsUsingInEachAsync()
    {
        var test = new VerifyCS.Test("""
            using Microsoft.AspNetCore.Builder;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.[|UseDirectoryBrowser("/calls")|];
            app.Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Hosting;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser("/calls");
            }
            app.Run();
            """, webUsings: false)
        {
            CodeActionEquivalenceKey = Guard,
        };
        test.TestState.Sources.Add(("Startup.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDirectoryBrowser("/recordings")|];
                }
            }
            """));
        test.FixedState.Sources.Add(("Startup.cs", """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;

            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser("/recordings");
                    }
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Guard_LocalFunctions_UseTheirOwnParameterAsync()
    {
        // The static one cannot capture app (CS8421); the other one could, but its own parameter is the closer choice.
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            UseRecordings(app);
            UseCalls(app);
            app.Run();

            static void UseRecordings(WebApplication web)
            {
                web.[|UseDirectoryBrowser("/recordings")|];
            }

            void UseCalls(WebApplication site)
            {
                site.[|UseDirectoryBrowser("/calls")|];
            }
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            UseRecordings(app);
            UseCalls(app);
            app.Run();

            static void UseRecordings(WebApplication web)
            {
                if (web.Environment.IsDevelopment())
                {
                    web.UseDirectoryBrowser("/recordings");
                }
            }

            void UseCalls(WebApplication site)
            {
                if (site.Environment.IsDevelopment())
                {
                    site.UseDirectoryBrowser("/calls");
                }
            }
            """, Guard);
    }

    [Fact]
    public async Task Offers_StaticLocalFunctionWithoutEnvironment_RemoveOnlyAsync()
    {
        var offers = await OffersAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            UseRecordings(app);
            app.Run();

            static void UseRecordings(IApplicationBuilder pipeline)
            {
                pipeline.UseDirectoryBrowser("/recordings");
            }
            """);

        Assert.Equal(new[] { Remove }, Assert.Single(offers));
    }

    [Fact]
    public async Task Guard_FixAllAcrossTwoDocumentsAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = Guard,
        };
        test.TestState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.[|UseDirectoryBrowser("/recordings")|];
                }
            }
            """));
        test.FixedState.Sources.Add(("Startup.cs", """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser("/recordings");
                    }
                }
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- DisableDirectoryBrowsingKey ----

    [Fact]
    public async Task Disable_UseFileServerTrue_DropsTheArgument_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseFileServer(true)|];
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            FileServerExtensions.[|UseFileServer(app, true)|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer();
            app.UseFileServer();
            FileServerExtensions.UseFileServer(app);
            app.Run();
            """, Disable);
    }

    [Fact]
    public async Task Disable_ConstantFlag_DropsTheArgumentAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            public static class Files
            {
                private const bool Browse = true;

                public static IApplicationBuilder UseFiles(this IApplicationBuilder app) => app.[|UseFileServer(Browse)|];
            }
            """, """
            public static class Files
            {
                private const bool Browse = true;

                public static IApplicationBuilder UseFiles(this IApplicationBuilder app) => app.UseFileServer();
            }
            """, Disable);
    }

    [Fact]
    public async Task Disable_EnableDirectoryBrowsing_SetToFalse_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<FileServerOptions>(o => [|o.EnableDirectoryBrowsing = true|]);
            var app = builder.Build();
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = "/recordings",
                [|EnableDirectoryBrowsing = true|],
            });
            var options = new FileServerOptions();
            [|options.EnableDirectoryBrowsing = true|];
            app.[|UseFileServer(true)|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<FileServerOptions>(o => o.EnableDirectoryBrowsing = false);
            var app = builder.Build();
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = "/recordings",
                EnableDirectoryBrowsing = false,
            });
            var options = new FileServerOptions();
            options.EnableDirectoryBrowsing = false;
            app.UseFileServer();
            app.Run();
            """, Disable);
    }

    [Fact]
    public async Task Disable_AspNetCore8Async()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            app.UseFileServer(new FileServerOptions { [|EnableDirectoryBrowsing = true|] });
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer();
            app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = false });
            app.Run();
            """, Disable, TestFramework.AspNetCore8);
    }

    // ---- Which fixes are offered where ----

    [Fact]
    public async Task Offers_RegistrationWithEnvironment_RemoveAndGuardAsync()
    {
        var offers = await OffersAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseDirectoryBrowser();
            app.Run();
            """);

        // AddDirectoryBrowser() is not reported where the listing is: one finding, the middleware.
        Assert.Equal(new[] { Remove, Guard }, Assert.Single(offers));
    }

    [Fact]
    public async Task Offers_NoEnvironmentInScope_RemoveOnlyAsync()
    {
        var offers = await OffersAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDirectoryBrowser();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseDirectoryBrowser();
                }
            }

            public static class RecordingsExtensions
            {
                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app)
                {
                    app.UseDirectoryBrowser("/recordings");
                    return app;
                }
            }
            """);

        Assert.Equal(2, offers.Length);
        Assert.All(offers, keys => Assert.Equal(new[] { Remove }, keys));
    }

    [Fact]
    public async Task Offers_EnvironmentFieldOfStartup_GuardOfferedInConfigureServicesAsync()
    {
        var offers = await OffersAsync("""
            public class Startup(IWebHostEnvironment environment)
            {
                private readonly IWebHostEnvironment _environment = environment;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDirectoryBrowser();
                }
            }
            """);

        Assert.Equal(new[] { Remove, Guard }, Assert.Single(offers));
    }

    [Fact]
    public async Task Offers_RegistrationNotAStatement_RemoveOnlyAsync()
    {
        var offers = await OffersAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles().UseDirectoryBrowser();
            app.UseDirectoryBrowser().UseRouting();
            app.Run();

            static class RecordingsExtensions
            {
                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app) => app.UseDirectoryBrowser();
            }
            """);

        Assert.Equal(3, offers.Length);
        Assert.All(offers, keys => Assert.Equal(new[] { Remove }, keys));
    }

    [Fact]
    public async Task Offers_UseFileServerAndProperty_DisableOnlyAsync()
    {
        var offers = await OffersAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer(true);
            app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = true });
            app.Run();
            """);

        Assert.Equal(2, offers.Length);
        Assert.All(offers, keys => Assert.Equal(new[] { Disable }, keys));
    }

    [Fact]
    public async Task Offers_WebConfigDiagnostic_NoFixAsync()
    {
        var diagnostic = Diagnostic.Create(Descriptors.SSA0002DirectoryBrowsingEnabled,
            Location.Create("/app/web.config", new TextSpan(10, 14), new LinePositionSpan(new LinePosition(0, 10), new LinePosition(0, 24))),
            "<directoryBrowse enabled=\"true\" /> in web.config", "anyone can list the folder's files");
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("P", LanguageNames.CSharp).AddDocument("Program.cs", "class C { }");
        var actions = new List<CodeAction>();
        await new SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider().RegisterCodeFixesAsync(
            new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        Assert.Empty(actions);
    }

    private static async Task<ImmutableArray<ImmutableArray<string>>> OffersAsync(string source)
    {
        var offers = await CodeFixOffers.GetAsync(source, new SSA0002DoNotEnableDirectoryBrowsingAnalyzer(),
            new SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider());
        return offers.Select(o => o.EquivalenceKeys).ToImmutableArray();
    }
}
