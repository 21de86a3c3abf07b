using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// The IDE's next compilation after an edit: the analyzer instance is the same, every unchanged tree is the same object,
/// and <see cref="CompilationFacts"/> reuses what it found in those trees by syntax. Nothing stale may survive: after
/// each edit, the document-scoped findings of the reused instance equal those of a fresh instance (a fresh scan of every
/// tree), and they follow the edit.
/// </summary>
public class EditedCompilationTests
{
    private const string Program = """
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddStaffOnly();
        var app = builder.Build();
        app.UseAuthentication();
        Security.Harden(app);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" });
        app.Run();
        """;

    private const string NoFallback = """
        using Microsoft.AspNetCore.Authorization;

        public static class Security
        {
            public static IServiceCollection AddStaffOnly(this IServiceCollection services) => services.AddAuthorization();

            public static IApplicationBuilder Harden(this IApplicationBuilder app) => app.UseAuthorization();
        }
        """;

    [Fact]
    public async Task FallbackPolicyAddedInAnotherFile_RemovesTheFindingInTheNextCompilationAsync()
    {
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Program), ("/src/Security.cs", NoFallback)]);
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        Assert.Contains("SSA0001 at /src/Program.cs:8", await FindingsAsync(compilation, program, analyzer));

        // The edit: the fallback policy in Security.cs. Program.cs is the same tree; its facts must not be the old ones.
        compilation = Edit(compilation, "/src/Security.cs", "services.AddAuthorization()",
            "services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())");
        Assert.Same(program, compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs"));
        Assert.Empty(await FindingsAsync(compilation, program, analyzer));

        // And back.
        compilation = Edit(compilation, "/src/Security.cs",
            "services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())", "services.AddAuthorization()");
        Assert.Contains("SSA0001 at /src/Program.cs:8", await FindingsAsync(compilation, program, analyzer));
    }

    /// <summary>
    /// A folder private only by the uploads written into it (SSA0001 through the folder model, whose per-tree index the
    /// analyzer keeps): editing the write's folder in the other file takes the finding away in the next compilation, and
    /// editing it back brings it back.
    /// </summary>
    [Fact]
    public async Task UploadsFolderEditedInAnotherFile_PrivateByWritesFollowsTheEditAsync()
    {
        const string Serve = """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "media")) });
            app.Run();
            """;
        const string Store = """
            public class MediaStore(IWebHostEnvironment env)
            {
                private readonly string _root = Path.Combine(env.ContentRootPath, "media");

                public async Task SaveAsync(IFormFile file)
                {
                    await using var stream = File.Create(Path.Combine(_root, Guid.NewGuid().ToString("N")));
                    await file.CopyToAsync(stream);
                }
            }
            """;
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Serve), ("/src/MediaStore.cs", Store)]);
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        Assert.Contains("SSA0001 at /src/Program.cs:5", await FindingsAsync(compilation, program, analyzer));

        compilation = Edit(compilation, "/src/MediaStore.cs", "\"media\"", "\"other\"");
        Assert.Same(program, compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs"));
        Assert.DoesNotContain("SSA0001 at /src/Program.cs:5", await FindingsAsync(compilation, program, analyzer));

        compilation = Edit(compilation, "/src/MediaStore.cs", "\"other\"", "\"media\"");
        Assert.Contains("SSA0001 at /src/Program.cs:5", await FindingsAsync(compilation, program, analyzer));
    }

    [Fact]
    public async Task MethodBecomesAProjectExtension_UnchangedFileIsScannedForItAgainAsync()
    {
        // Program.cs calls Security.Harden(app) in both versions; only the second declares it as an extension method, which
        // makes the call a pipeline step (it runs UseAuthorization before the files are served). The names the scan looks
        // for change, so the unchanged Program.cs must be walked again.
        var plain = NoFallback
            .Replace("services.AddAuthorization()", "services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy)", StringComparison.Ordinal)
            .Replace("Harden(this IApplicationBuilder app) => app.UseAuthorization()", "Harden(IApplicationBuilder app) => app", StringComparison.Ordinal);
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Program), ("/src/Security.cs", plain)]);
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        var before = await FindingsAsync(compilation, program, analyzer);
        Assert.Contains("SSA0001 at /src/Program.cs:8", before);

        compilation = Edit(compilation, "/src/Security.cs", "Harden(IApplicationBuilder app) => app", "Harden(this IApplicationBuilder app) => app.UseAuthorization()");
        Assert.Empty(await FindingsAsync(compilation, program, analyzer));
    }

    [Fact]
    public async Task ParameterTypeChangesMeaningThroughAnotherFile_ExtensionIsDecidedAgainAsync()
    {
        // Which declarations are extensions on an application builder is reused while no declaration of any file changes.
        // Here Security.cs and Program.cs stay the same trees, but a global alias in a third file makes Harden's parameter
        // an IApplicationBuilder: the answer must be decided again, and the facts must equal a fresh scan's each time.
        const string Declared = """
            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) => services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);

                public static Pipeline Harden(this Pipeline app) => app;
            }
            """;
        var program = Program.Replace("Security.Harden(app);", "app.Harden();", StringComparison.Ordinal);
        var analyzer = new SecureStorageAnalyzer();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        Compilation compilation = DocumentScope.Compile([
            ("/src/Program.cs", program), ("/src/Security.cs", Declared),
            ("/src/Aliases.cs", "global using Pipeline = Microsoft.AspNetCore.Routing.IEndpointRouteBuilder;")]);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var programTree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        await AssertSameAsFreshAsync(compilation, programTree, analyzer, options);
        var before = Facts(compilation.Clone(), options, cache: null);

        compilation = Edit(compilation, "/src/Aliases.cs", "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder", "Microsoft.AspNetCore.Builder.IApplicationBuilder");
        Assert.Same(programTree, compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs"));
        await AssertSameAsFreshAsync(compilation, programTree, analyzer, options);
        var after = Facts(compilation.Clone(), options, cache: null);
        Assert.DoesNotContain("Harden", before, StringComparison.Ordinal);
        Assert.Contains("Harden", after, StringComparison.Ordinal);

        // A keystroke inside a body changes no declaration: the reused answer still equals a fresh scan.
        compilation = Edit(compilation, "/src/Security.cs", "=> app;", "=>  app;");
        await AssertSameAsFreshAsync(compilation, programTree, analyzer, options);
    }

    [Fact]
    public async Task EditsOfTheBenchmarkCodeBase_ReusedScanEqualsAFreshOneAsync()
    {
        var codeBase = SecureStorageAnalyzers.Benchmarks.CodeBaseGenerator.GenerateWebApp(features: 6);
        Compilation compilation = DocumentScope.Compile(codeBase.Files.Select(f => ("/src/" + f.Path, f.Text)), TestReferences.AspNetCore, webUsings: false);
        var analyzer = new SecureStorageAnalyzer();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var seeded = compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Endpoints.cs", StringComparison.Ordinal) &&
                                                        t.GetText().ToString().Contains(".AllowAnonymous()", StringComparison.Ordinal));
        var first = await FindingsAsync(compilation, seeded, analyzer);
        Assert.Contains(first, f => f.StartsWith("SSA0005", StringComparison.Ordinal));

        // A keystroke in another file, then a project extension renamed where it is declared and where it is called: each
        // time the reused instance answers as a fresh one, for the open document and for the facts themselves.
        var service = compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("Service.cs", StringComparison.Ordinal));
        compilation = Edit(compilation, service.FilePath, "return", " return");
        await AssertSameAsFreshAsync(compilation, seeded, analyzer, options);

        var endpoints = compilation.SyntaxTrees.First(t => t != seeded && t.FilePath.EndsWith("Endpoints.cs", StringComparison.Ordinal));
        var extension = endpoints.GetText().ToString();
        var at = extension.IndexOf("public static IEndpointRouteBuilder Map", StringComparison.Ordinal);
        Assert.True(at >= 0, "the generated endpoints declare a Map…Endpoints extension");
        var name = extension[(at + "public static IEndpointRouteBuilder ".Length)..].Split('(')[0];
        var caller = compilation.SyntaxTrees.First(t => t.GetText().ToString().Contains("." + name + "(", StringComparison.Ordinal));
        compilation = Edit(compilation, endpoints.FilePath, "public static IEndpointRouteBuilder Map", "public static IEndpointRouteBuilder Map2", check: false);
        compilation = Edit(compilation, caller.FilePath, "." + name + "(", "." + name.Replace("Map", "Map2", StringComparison.Ordinal) + "(");
        await AssertSameAsFreshAsync(compilation, seeded, analyzer, options);
        await AssertSameAsFreshAsync(compilation, compilation.SyntaxTrees.First(t => t.FilePath == caller.FilePath), analyzer, options);
    }

    private static async Task AssertSameAsFreshAsync(Compilation compilation, SyntaxTree document, DiagnosticAnalyzer reused, AnalyzerOptions options)
    {
        Assert.Equal(await FindingsAsync(compilation, document, new SecureStorageAnalyzer()), await FindingsAsync(compilation, document, reused));

        // The facts themselves: a scan through a cache filled by the earlier compilations, and one with an empty cache.
        // Each on its own copy of the compilation, so that neither finds the other's facts.
        var cached = Facts(compilation.Clone(), options, ((PackAnalyzer)reused).SyntaxCache);
        var fresh = Facts(compilation.Clone(), options, cache: null);
        Assert.Equal(fresh, cached);
        Assert.Contains("fallback True", fresh, StringComparison.Ordinal);
    }

    private static string Facts(Compilation compilation, AnalyzerOptions options, CompilationFacts.SyntaxCache? cache)
    {
        var shared = CompilationFacts.For(WellKnownTypes.GetOrCreate(compilation));
        if (cache is not null)
        {
            shared.UseSyntaxCache(cache);
        }

        var facts = shared.Get(compilation, options, CancellationToken.None);
        return string.Join("\n", facts.PipelineEvents.Select(e => $"{e.Kind} {e.Owner.ToDisplayString()} {e.Callee?.ToDisplayString()} {e.Location.GetLineSpan()}")) +
               $"\nlisting {facts.HasListingMiddleware}, fallback {facts.Pipeline.HasFallbackPolicy}, controllers authorized {facts.Endpoints.ControllersRequireAuthorization}";
    }

    private static Compilation Edit(Compilation compilation, string path, string find, string replace, bool check = true)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in {path}");
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replace)));
        var next = compilation.ReplaceSyntaxTree(tree, edited);
        if (check)
        {
            Assert.Empty(next.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        return next;
    }

    private static async Task<List<string>> FindingsAsync(Compilation compilation, SyntaxTree document, DiagnosticAnalyzer analyzer) =>
        DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, document, analyzers: [analyzer]));
}
