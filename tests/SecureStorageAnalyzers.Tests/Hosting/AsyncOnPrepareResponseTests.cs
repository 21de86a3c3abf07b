using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Issue #21: an async <c>OnPrepareResponse</c> (async void: the middleware does not wait for it) returns at its first
/// await and the file is sent, so it is no gate unless it sets the status code before awaiting.
/// </summary>
public class AsyncOnPrepareResponseTests
{
    private const string Before = "it runs before UseAuthorization(), or with none";

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously);

    private const string AsyncGateProgram = """
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.{|#0:UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "attachments")),
            RequestPath = "/files",
            OnPrepareResponse = async ctx =>
            {
                var audit = ctx.Context.RequestServices.GetRequiredService<ILoggerFactory>();
                await Task.Yield();
                if (ctx.Context.User.Identity?.IsAuthenticated != true)
                {
                    ctx.Context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    ctx.Context.Response.ContentLength = 0;
                    ctx.Context.Response.Body = Stream.Null;
                }
            },
        })|};
        app.Run();
        """;

    [Fact]
    public async Task AsyncLambdaThatChecksAuthentication_IsNoGate_ReportedWithWhyAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(AsyncGateProgram,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "a private folder", "the name 'attachments'",
                "an async OnPrepareResponse cannot stop the file: the callback returns at its first await and the file is sent"));
    }

    [Fact]
    public async Task AsyncGate_OverAnyFolder_IsReported_TheCheckSaysTheFilesArePrivateAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions
            {
                OnPrepareResponse = async ctx =>
                {
                    var user = await Task.FromResult(ctx.Context.User);
                    if (!user.Identity!.IsAuthenticated)
                    {
                        ctx.Context.Response.StatusCode = 401;
                    }
                },
            })|};
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithArguments("UseStaticFiles", "files it means to keep from anonymous users",
                "its OnPrepareResponse checks User.Identity.IsAuthenticated",
                "an async OnPrepareResponse cannot stop the file: the callback returns at its first await and the file is sent"));
    }

    [Fact]
    public async Task SyncLambdaThatChecksAuthenticationAndSets401_IsAGateAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider("/srv/recordings"),
                RequestPath = "/recordings",
                OnPrepareResponse = ctx =>
                {
                    if (!ctx.Context.User.Identity!.IsAuthenticated)
                    {
                        ctx.Context.Response.StatusCode = 401;
                        ctx.Context.Response.ContentLength = 0;
                        ctx.Context.Response.Body = Stream.Null;
                    }
                },
            });
            app.Run();
            """);
    }

    /// <summary>The status is set before the first await: the sync part runs before the middleware goes on.</summary>
    [Fact]
    public async Task AsyncLambdaThatSetsTheStatusBeforeAwaiting_IsAGateAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/recordings",
                OnPrepareResponse = async ctx =>
                {
                    if (ctx.Context.User.Identity?.IsAuthenticated != true)
                    {
                        ctx.Context.Response.StatusCode = 401;
                        ctx.Context.Response.Body = Stream.Null;
                    }

                    await Task.Yield();
                },
            });
            app.UseFileServer(new FileServerOptions
            {
                RequestPath = "/uploads",
                StaticFileOptions =
                {
                    OnPrepareResponseAsync = async ctx =>
                    {
                        await Task.Yield();
                        if (ctx.Context.User.Identity?.IsAuthenticated != true)
                        {
                            ctx.Context.Response.StatusCode = 401;
                        }
                    },
                },
            });
            app.Run();
            """);
    }

    /// <summary>The OnPrepareResponse gate fix would assign the property twice (CS1912): not offered.</summary>
    [Fact]
    public async Task AsyncGate_GetsNoSecondOnPrepareResponseAsync()
    {
        var source = AsyncGateProgram.Replace("app.{|#0:", "app.", StringComparison.Ordinal).Replace("})|};", "});", StringComparison.Ordinal);
        var offers = await CodeFixOffers.GetAsync(source, new SSA0001AnonymousStaticFilesAnalyzer(), new SSA0001AnonymousStaticFilesCodeFixProvider());
        var offer = Assert.Single(offers);
        Assert.Empty(offer.EquivalenceKeys);
    }
}
