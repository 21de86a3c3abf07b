using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using FixVerifier = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider>;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0001AnonymousStaticFilesTests
{
    private const string BeforeOrWithout = "it runs before UseAuthorization(), or with none";
    private const string NoFallback = "no fallback authorization policy requires a signed-in user";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously);

    [Fact]
    public async Task Incident_RecordingsServedWithNoAuthorization_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordingsRoot = Path.Combine(app.Environment.ContentRootPath, "recordings");
            var recordings = new PhysicalFileProvider(recordingsRoot);
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = recordings, RequestPath = "/recordings" })|};
            app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = recordings, RequestPath = "/recordings" }); // SSA0002's finding
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'recordings'", BeforeOrWithout));
    }

    /// <summary>A shared library's setup helpers: the model cannot see into them until .editorconfig names them.</summary>
    [Theory]
    [InlineData("", true)]
    [InlineData("ssa.authorization_methods = Company.Security.UseCompanySecurity", true)]
    [InlineData("ssa.authorization_methods = Company.Security.UseCompanySecurity\nssa.fallback_policy_methods = Company.Security.AddCompanySecurity", false)]
    public async Task ProjectAuthorizationHelpers_CountOnceConfiguredAsync(string editorConfig, bool reported)
    {
        var test = new VerifyCS.Test("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            Company.Security.AddCompanySecurity(builder.Services);
            var app = builder.Build();
            Company.Security.UseCompanySecurity(app);
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/uploads"), RequestPath = "/uploads" })|};
            app.Run();

            namespace Company
            {
                public static class Security
                {
                    public static void AddCompanySecurity(IServiceCollection services) { }
                    public static void UseCompanySecurity(IApplicationBuilder app) { }
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig.Replace("\\n", "\n", StringComparison.Ordinal)));
        if (reported)
        {
            test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a folder outside the app", "the absolute path \"/srv/uploads\"",
                editorConfig.Length == 0 ? BeforeOrWithout : NoFallback));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task AfterUseAuthorization_WithAFallbackPolicy_IsAuthorizedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization(options =>
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            });
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "uploads")),
                RequestPath = "/uploads",
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task AuthorizationBuilderFallback_InAStartupClass_IsAuthorizedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.Extensions.FileProviders;

            public class Startup(IConfiguration configuration)
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.AddAuthorizationBuilder()
                        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(configuration["Storage:Root"]!) });
                }
            }
            """);
    }

    [Fact]
    public async Task BeforeUseAuthorization_OrWithoutFallback_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider({|#2:"/var/calls"|}) })|};
            app.UseAuthorization();
            app.{|#1:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Configuration["Storage:Exports"]!) })|};
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a folder outside the app", "the absolute path \"/var/calls\"", BeforeOrWithout),
            Diagnostic().WithLocation(1).WithArguments("UseStaticFiles", "a folder from configuration", "its path comes from configuration", NoFallback));
    }

    [Fact]
    public async Task FallbackButServedFirst_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.{|#0:UseStaticFiles("/attachments")|};
            app.UseAuthorization();
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'attachments'", BeforeOrWithout));
    }

    [Fact]
    public async Task OnPrepareResponseGate_IsAuthorizationAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "attachments")),
                RequestPath = "/attachments",
                OnPrepareResponse = ctx =>
                {
                    if (ctx.Context.User.Identity?.IsAuthenticated != true)
                    {
                        ctx.Context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        ctx.Context.Response.ContentLength = 0;
                        ctx.Context.Response.Body = Stream.Null;
                    }
                },
            });
            app.Run();
            """);
    }

    [Fact]
    public async Task Branches_InheritWhatRunsBeforeThemAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            var exports = new PhysicalFileProvider("/srv/exports");
            app.Map("/early", branch => branch.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = exports })|});
            app.UseAuthorization();
            app.Map("/late", branch => branch.UseStaticFiles(new StaticFileOptions { FileProvider = exports }));
            app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/x"), branch =>
            {
                branch.UseStaticFiles(new StaticFileOptions { FileProvider = exports });
            });
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'exports'", BeforeOrWithout));
    }

    [Fact]
    public async Task ProjectExtensionMethods_AreJudgedAtTheirCallSitesAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            public static class RecordingsExtensions
            {
                public static IApplicationBuilder UseRecordings(this IApplicationBuilder app, string root) =>
                    app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), RequestPath = "/recordings" })|};

                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();

                public static IApplicationBuilder UseBackups(this IApplicationBuilder app) =>
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/backups") });
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRecordings("/srv/recordings");
                    app.UseSecurity();
                    app.UseBackups();
                }
            }
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'recordings'", BeforeOrWithout));
    }

    [Fact]
    public async Task PublicByDesign_AndDevelopmentOnly_AndContentRoot_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.UseFileServer();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "MyStaticFiles")),
                RequestPath = "/StaticFiles",
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "images")) });
            app.MapStaticAssets();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser(new DirectoryBrowserOptions { FileProvider = new PhysicalFileProvider("/var/log/app"), RequestPath = "/logs" });
            }

            // The content root is SSA0004's finding, not this rule's.
            app.UseStaticFiles(new StaticFileOptions { FileProvider = builder.Environment.ContentRootFileProvider, RequestPath = "/data" });
            app.Run();
            """);
    }

    [Fact]
    public async Task ConfiguredFolderNames_AreAddedAsync()
    {
        var test = new VerifyCS.Test("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "dossiers")) })|};
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nSSA0001.private_folder_names = dossiers\n"));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'dossiers'", BeforeOrWithout));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingIsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Tool { public string Recordings => "/var/recordings"; }
            """, TestFramework.NoAspNetCore);
    }
}

public class SSA0001AnonymousStaticFilesCodeFixTests
{
    /// <summary>
    /// SSA0001 is judged at the end of the compilation (the fallback policy may be in any file), so its diagnostics are
    /// non-local: the testing library's check that fixes only touch local diagnostics does not apply.
    /// </summary>
    private static async Task VerifyFixAsync(string source, string fixedSource, string key)
    {
        var test = new FixVerifier.Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = key,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task WithFallbackPolicy_MovesAfterUseAuthorization_FixAllAsync()
    {
        await VerifyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.[|UseStaticFiles("/uploads")|];
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "ok");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles("/uploads");
            app.MapGet("/", () => "ok");
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey);
    }

    [Fact]
    public async Task WithoutFallbackPolicy_AddsAnOnPrepareResponseGate_FixAllAsync()
    {
        await VerifyFixAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/recordings"),
            })|];
            app.[|UseFileServer(new FileServerOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/exports"),
            })|];
            app.Run();
            """, """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/recordings"),
                OnPrepareResponse = context => {
                    if (context.Context.User.Identity?.IsAuthenticated != true)
                    {
                        context.Context.Response.StatusCode = 401;
                        context.Context.Response.ContentLength = 0;
                        context.Context.Response.Body = Stream.Null;
                        context.Context.Response.Headers["Cache-Control"] = "no-store";
                    }
                }
            });
            app.UseFileServer(new FileServerOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/exports"),
                StaticFileOptions =
                {
                    OnPrepareResponse = context => {
                        if (context.Context.User.Identity?.IsAuthenticated != true)
                        {
                            context.Context.Response.StatusCode = 401;
                            context.Context.Response.ContentLength = 0;
                            context.Context.Response.Body = Stream.Null;
                            context.Context.Response.Headers["Cache-Control"] = "no-store";
                        }
                    }
                }
            });
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey);
    }
    [Fact]
    public async Task Gate_UploadThenServe_SameFilesSamePathsOnlyAnonymousTurnedAwayAsync()
    {
        // The upload endpoint writes into the folder the static files serve: the fix changes who is served (anonymous
        // requests get a 401), not which file a URL maps to: the provider, the request path and the write are untouched.
        await VerifyFixAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordings = Path.Combine(app.Environment.ContentRootPath, "recordings");
            app.[|UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(recordings),
                RequestPath = "/recordings",
            })|];
            app.MapPost("/upload/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(recordings, id + ".mp3"));
                await request.Body.CopyToAsync(file);
                return Results.Created($"/recordings/{id}.mp3", null);
            }).RequireAuthorization();
            app.Run();
            """, """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordings = Path.Combine(app.Environment.ContentRootPath, "recordings");
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(recordings),
                RequestPath = "/recordings",
                OnPrepareResponse = context => {
                    if (context.Context.User.Identity?.IsAuthenticated != true)
                    {
                        context.Context.Response.StatusCode = 401;
                        context.Context.Response.ContentLength = 0;
                        context.Context.Response.Body = Stream.Null;
                        context.Context.Response.Headers["Cache-Control"] = "no-store";
                    }
                }
            });
            app.MapPost("/upload/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(recordings, id + ".mp3"));
                await request.Body.CopyToAsync(file);
                return Results.Created($"/recordings/{id}.mp3", null);
            }).RequireAuthorization();
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey);
    }

    [Fact]
    public async Task Gate_NotOffered_WhenTheAppHasItsOwnOnPrepareResponseAsync()
    {
        // A second OnPrepareResponse in the same initializer would not compile (CS1912), and replacing the app's own
        // would drop what it does: no gate.
        const string source = """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/recordings"),
                OnPrepareResponse = context => context.Context.Response.Headers["Cache-Control"] = "public, max-age=600",
            })|];
            app.Run();
            """;
        await VerifyFixAsync(source, source, SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey);
    }

    [Fact]
    public async Task Gate_FileServerWithStaticFileOptions_GoesIntoTheExistingInitializerAsync()
    {
        await VerifyFixAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.[|UseFileServer(new FileServerOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/exports"),
                StaticFileOptions = { ServeUnknownFileTypes = false },
            })|];
            app.Run();
            """, """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer(new FileServerOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/exports"),
                StaticFileOptions =
                {
                    ServeUnknownFileTypes = false,
                    OnPrepareResponse = context => {
                        if (context.Context.User.Identity?.IsAuthenticated != true)
                        {
                            context.Context.Response.StatusCode = 401;
                            context.Context.Response.ContentLength = 0;
                            context.Context.Response.Body = Stream.Null;
                            context.Context.Response.Headers["Cache-Control"] = "no-store";
                        }
                    }
                },
            });
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey);
    }
}
