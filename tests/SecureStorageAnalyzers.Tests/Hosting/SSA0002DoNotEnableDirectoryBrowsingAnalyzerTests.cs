using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsingAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0002DoNotEnableDirectoryBrowsingAnalyzerTests
{
    /// <summary>Who can list, as the message says it for a listing nobody authorizes.</summary>
    private const string Anyone = "anyone can list the folder's files";

    // ---- What is reported: every way code turns directory listing on ----

    [Fact]
    public async Task TopLevel_UseDirectoryBrowser_ReportedWithMethodNameAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.{|#0:UseDirectoryBrowser()|};
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0).WithArguments("UseDirectoryBrowser", Anyone));
    }

    [Fact]
    public async Task TopLevel_EveryUseDirectoryBrowserOverload_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.[|UseDirectoryBrowser("/recordings")|];
            app.[|UseDirectoryBrowser(new DirectoryBrowserOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings")),
                RequestPath = "/recordings",
            })|];
            IApplicationBuilder pipeline = app;
            pipeline.[|UseDirectoryBrowser()|];
            app.Run();
            """);
    }

    [Fact]
    public async Task TopLevel_AddDirectoryBrowser_ReportedWithMethodNameAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddDirectoryBrowser()|};
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0).WithArguments("AddDirectoryBrowser", Anyone));
    }

    /// <summary>The "Directory browsing" example of the ASP.NET Core static files documentation, as it stands.</summary>
    [Fact]
    public async Task DocsDirectoryBrowsingExample_ReportedTwiceAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.StaticFiles;
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            builder.Services.AddDirectoryBrowser();

            var app = builder.Build();

            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.UseStaticFiles();

            var fileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.WebRootPath, "images"));
            var requestPath = "/MyImages";

            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = fileProvider,
                RequestPath = requestPath
            });

            app.[|UseDirectoryBrowser(new DirectoryBrowserOptions
            {
                FileProvider = fileProvider,
                RequestPath = requestPath
            })|];

            app.UseAuthorization();
            app.MapRazorPages();
            app.Run();
            """);
    }

    [Fact]
    public async Task UseFileServer_ConstantTrue_ReportedInEveryFormAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            const bool Browse = true;
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseFileServer(true)|};
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            app.[|UseFileServer(Browse)|];
            FileServerExtensions.[|UseFileServer(app, true)|];
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0).WithArguments("UseFileServer", Anyone));
    }

    [Fact]
    public async Task UseFileServer_WithoutBrowsing_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var browse = args.Length > 3;
            app.UseFileServer();
            app.UseFileServer(false);
            app.UseFileServer(enableDirectoryBrowsing: false);
            app.UseFileServer("/files");
            app.UseFileServer(browse);
            app.UseFileServer(new FileServerOptions());
            app.Run();
            """);
    }

    [Fact]
    public async Task EnableDirectoryBrowsing_ConstantTrue_ReportedInInitializerAndAssignmentAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = "/recordings",
                {|#0:EnableDirectoryBrowsing = true|},
            });
            var options = new FileServerOptions();
            [|options.EnableDirectoryBrowsing = true|];
            [|options.EnableDirectoryBrowsing = Settings.Browse|];
            app.UseFileServer(options);
            app.Run();

            static class Settings
            {
                public const bool Browse = true;
            }
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0).WithArguments("EnableDirectoryBrowsing = true", Anyone));
    }

    [Fact]
    public async Task EnableDirectoryBrowsing_FalseOrNotConstant_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var options = new FileServerOptions { EnableDirectoryBrowsing = false };
            options.EnableDirectoryBrowsing = builder.Configuration.GetValue<bool>("Browse");
            options.EnableDirectoryBrowsing = args.Length == 0;
            var enabled = options.EnableDirectoryBrowsing;
            app.UseFileServer(options);
            app.Run();
            """);
    }

    [Fact]
    public async Task FluentChain_ReportedAtTheCallAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles().[|UseDirectoryBrowser()|];
            app.[|UseDirectoryBrowser()|].UseRouting();
            app.UseStaticFiles().[|UseFileServer(true)|].UseRouting();
            app.Run();
            """);
    }

    [Fact]
    public async Task StaticCallForm_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            DirectoryBrowserServiceExtensions.AddDirectoryBrowser(builder.Services);
            var app = builder.Build();
            DirectoryBrowserExtensions.[|UseDirectoryBrowser(app)|];
            DirectoryBrowserExtensions.[|UseDirectoryBrowser(app, "/recordings")|];
            app.Run();
            """);
    }

    [Fact]
    public async Task StartupClass_ConfigureAndConfigureServices_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
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
                    app.[|UseDirectoryBrowser("/recordings")|];
                    app.[|UseFileServer(enableDirectoryBrowsing: true)|];
                    app.UseRouting();
                }
            }
            """);
    }

    [Fact]
    public async Task ProjectOwnExtensionMethods_ReportedInsideAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public static class RecordingsPipelineExtensions
            {
                public static IApplicationBuilder UseRecordingsBrowser(this IApplicationBuilder app)
                {
                    return app.[|UseDirectoryBrowser("/recordings")|];
                }

                public static IApplicationBuilder UseRecordingsFileServer(this IApplicationBuilder app) =>
                    app.[|UseFileServer(enableDirectoryBrowsing: true)|];

                public static IServiceCollection AddRecordings(this IServiceCollection services)
                {
                    services.AddDirectoryBrowser();
                    services.Configure<FileServerOptions>(o => [|o.EnableDirectoryBrowsing = true|]);
                    return services;
                }
            }
            """);
    }

    /// <summary>
    /// Documented limitation: the guard is looked for around the registration, not at the call sites of the project's
    /// own extension method. The helper's body is reported even when every caller is guarded.
    /// </summary>
    [Fact]
    public async Task ProjectOwnExtensionMethod_GuardAtCallSiteNotFollowedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseRecordingsBrowser();
            }

            app.Run();

            static class RecordingsPipelineExtensions
            {
                public static IApplicationBuilder UseRecordingsBrowser(this IApplicationBuilder app) =>
                    app.[|UseDirectoryBrowser()|];
            }
            """);
    }

    [Fact]
    public async Task BranchLambdas_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/recordings", branch => branch.[|UseDirectoryBrowser()|]);
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/files"), branch =>
            {
                branch.[|UseFileServer(true)|];
            });
            app.Run();
            """);
    }

    /// <summary>A security pack reports in generated code too (a scaffolder or source generator can turn browsing on).</summary>
    [Fact]
    public async Task GeneratedCode_ReportedAsync()
    {
        var test = new VerifyCS.Test("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseScaffoldedFiles();
            app.Run();
            """);
        test.TestState.Sources.Add(("Scaffolded.g.cs", """
            // <auto-generated/>
            public static class ScaffoldedFiles
            {
                public static Microsoft.AspNetCore.Builder.IApplicationBuilder UseScaffoldedFiles(this Microsoft.AspNetCore.Builder.IApplicationBuilder app) =>
                    Microsoft.AspNetCore.Builder.FileServerExtensions.[|UseFileServer(app, true)|];
            }
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- Development-only registrations are not reported ----

    [Fact]
    public async Task TopLevel_AppEnvironmentIsDevelopmentGuard_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddDirectoryBrowser();
            }

            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
                app.UseFileServer(enableDirectoryBrowsing: true);
                app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = true });
            }

            if (app.Environment.IsDevelopment()) app.UseDirectoryBrowser("/recordings");
            app.Run();
            """);
    }

    [Fact]
    public async Task Startup_EnvParameterGuards_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                        app.UseDirectoryBrowser();
                    }

                    if (!env.IsDevelopment())
                    {
                        app.UseExceptionHandler("/Error");
                        app.UseHsts();
                    }
                    else
                    {
                        app.UseDirectoryBrowser("/recordings");
                    }

                    if (env.IsEnvironment("Development"))
                    {
                        app.UseFileServer(true);
                    }

                    if (env.IsEnvironment("development") && app.ApplicationServices is not null)
                    {
                        app.UseDirectoryBrowser();
                    }

                    if (env.IsEnvironment(Environments.Development))
                    {
                        app.UseDirectoryBrowser();
                    }

                    app.UseStaticFiles();
                }
            }
            """);
    }

    [Fact]
    public async Task TopLevel_EarlyReturnOutsideDevelopment_NotReportedAfterItAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.[|UseFileServer(true)|];
            if (!app.Environment.IsDevelopment())
            {
                app.Run();
                return;
            }

            app.UseDirectoryBrowser();
            app.Run();
            """);
    }

    [Fact]
    public async Task Startup_EarlyReturnOutsideDevelopment_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseStaticFiles();
                    if (!env.IsDevelopment()) return;
                    app.UseDirectoryBrowser();
                }
            }
            """);
    }

    [Fact]
    public async Task AndCombination_EitherSide_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var browse = builder.Configuration.GetValue<bool>("Browse");
            if (browse && app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }

            if (app.Environment.IsDevelopment() && browse)
            {
                app.UseDirectoryBrowser();
            }

            app.Run();
            """);
    }

    // ---- Decided semantics: only Development is the safe line ----

    [Fact]
    public async Task NotProductionStagingAndOtherNames_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsProduction())
                    {
                        app.[|UseDirectoryBrowser()|];
                    }

                    if (env.IsStaging())
                    {
                        app.[|UseDirectoryBrowser()|];
                    }

                    if (env.IsEnvironment("Staging"))
                    {
                        app.[|UseFileServer(true)|];
                    }

                    if (env.IsEnvironment("Local"))
                    {
                        app.[|UseDirectoryBrowser()|];
                    }

                    if (env.IsProduction()) return;
                    app.[|UseDirectoryBrowser("/recordings")|];
                }
            }
            """);
    }

    [Fact]
    public async Task GuardsThatDoNotImplyDevelopment_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var browse = builder.Configuration.GetValue<bool>("Browse");
            var environmentName = builder.Configuration["Environment"] ?? "Development";

            if (app.Environment.IsDevelopment() || browse)
            {
                app.[|UseDirectoryBrowser()|];
            }

            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.[|UseDirectoryBrowser()|];
            }

            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.[|UseDirectoryBrowser()|];

            if (app.Environment.IsEnvironment(environmentName))
            {
                app.[|UseDirectoryBrowser()|];
            }

            app.Run();
            """);
    }

    [Fact]
    public async Task ObsoleteIHostingEnvironment_GuardRecognizedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete, and still in old Startup classes
            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }

                    if (env.IsStaging())
                    {
                        app.[|UseDirectoryBrowser()|];
                    }
                }
            }
            """);
    }

    // ---- Known safe code ----

    [Theory]
    [MemberData(nameof(KnownSafeSources.Names), MemberType = typeof(KnownSafeSources))]
    public async Task TemplatesAndDocsExamples_NotReportedAsync(string name)
    {
        await VerifyCS.VerifyAnalyzerAsync(KnownSafeSources.Get(name));
    }

    [Fact]
    public async Task UserTypeWithSameNames_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseDirectoryBrowser(1);
            new Options { EnableDirectoryBrowsing = true }.UseFileServer(true);
            app.Run();

            static class LookAlikes
            {
                public static WebApplication UseDirectoryBrowser(this WebApplication app, int depth) => app;
            }

            class Options
            {
                public bool EnableDirectoryBrowsing { get; set; }
                public Options UseFileServer(bool enableDirectoryBrowsing) => this;
            }
            """);
    }

    // ---- .NET 8 (LTS) surface ----

    [Fact]
    public async Task AspNetCore8_ReportedAndGuardRecognizedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.[|UseDirectoryBrowser()|];
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            app.UseFileServer(new FileServerOptions { [|EnableDirectoryBrowsing = true|] });
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser("/dev");
            }

            app.Run();
            """, TestFramework.AspNetCore8);
    }

    [Fact]
    public async Task AspNetCore8_StartupEarlyReturn_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        return;
                    }

                    app.UseDirectoryBrowser();
                }
            }
            """, TestFramework.AspNetCore8);
    }

    // ---- Without ASP.NET Core ----

    [Fact]
    public async Task NoAspNetCore_LookAlikeApi_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            namespace Recordings.Hosting
            {
                public interface IApplicationBuilder { }

                public class FileServerOptions
                {
                    public bool EnableDirectoryBrowsing { get; set; }
                }

                public static class App
                {
                    public static IApplicationBuilder UseDirectoryBrowser(this IApplicationBuilder app) => app;
                    public static IApplicationBuilder UseFileServer(this IApplicationBuilder app, bool enableDirectoryBrowsing) => app;

                    public static void Configure(IApplicationBuilder app)
                    {
                        app.UseDirectoryBrowser();
                        app.UseFileServer(true);
                        _ = new FileServerOptions { EnableDirectoryBrowsing = true };
                    }
                }
            }
            """, TestFramework.NoAspNetCore);
    }
}
