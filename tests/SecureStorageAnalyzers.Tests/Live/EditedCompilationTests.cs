using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
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

    /// <summary>
    /// A keystroke in one file: the recorded facts of every other tree are taken over (counted by the analyzer's cache),
    /// only the edited tree is looked at again, and when the edit changes a fact (a fallback policy set or removed inside
    /// a method body of another file) the findings of the unchanged Program.cs follow it in the next compilation.
    /// </summary>
    [Fact]
    public async Task EditInOneFile_OtherTreesFactsAreReusedAndTheEditedFactFollowsAsync()
    {
        const string Notes = """
            public static class Notes
            {
                public static string Title() => "notes";
            }
            """;
        var withFallback = NoFallback.Replace("services.AddAuthorization()",
            "services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())", StringComparison.Ordinal);
        var analyzer = new SecureStorageAnalyzer();
        var cache = analyzer.SyntaxCache;
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Program), ("/src/Security.cs", withFallback), ("/src/Notes.cs", Notes)]);
        var trees = compilation.SyntaxTrees.Count();
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        Assert.Empty(await FindingsAsync(compilation, program, analyzer));

        Assert.Equal((0, trees), (cache.TreeFactsReused, cache.TreeFactsComputed));

        // A keystroke in Notes.cs, from the first compilation on (its shape was taken pending): the other trees' facts are
        // taken over, Notes.cs (no candidate) is looked at, nothing is bound. A garbage collection between the two
        // compilations, as an IDE may have one anywhere, changes nothing: the replaced version of Notes.cs is still there
        // to compare with (with the shape's trees held weakly, a collection here made every tree's facts be found again).
        for (var keystroke = 0; keystroke < 2; keystroke++)
        {
            var before = (cache.TreeFactsReused, cache.TreeFactsComputed, cache.TreesBound);
            compilation = keystroke == 0
                ? Edit(compilation, "/src/Notes.cs", "\"notes\"", "\"notes!\"")
                : Edit(compilation, "/src/Notes.cs", "\"notes!\"", "\"notes\"");
            FullCollection();
            Assert.Empty(await FindingsAsync(compilation, program, analyzer));
            Assert.Equal((trees - 1, 1, 0), (cache.TreeFactsReused - before.TreeFactsReused, cache.TreeFactsComputed - before.TreeFactsComputed,
                cache.TreesBound - before.TreesBound));
        }

        var (reused, computed, bound) = (cache.TreeFactsReused, cache.TreeFactsComputed, cache.TreesBound);

        // The fallback policy removed inside AddStaffOnly's body: the declarations are the same, Security.cs alone is bound
        // again, and Program.cs (reused) gets its finding.
        compilation = Edit(compilation, "/src/Security.cs",
            "services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())", "services.AddAuthorization()");
        FullCollection();
        Assert.Same(program, compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs"));
        Assert.Contains("SSA0001 at /src/Program.cs:8", await FindingsAsync(compilation, program, analyzer));
        Assert.Equal((trees - 1, 1, 1), (cache.TreeFactsReused - reused, cache.TreeFactsComputed - computed, cache.TreesBound - bound));
        Assert.Equal(Facts(compilation.Clone(), Options, cache: null), Facts(compilation.Clone(), Options, cache));

        // And back: the finding goes again.
        compilation = Edit(compilation, "/src/Security.cs", "services.AddAuthorization()",
            "services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())");
        Assert.Empty(await FindingsAsync(compilation, program, analyzer));

        // A keystroke in Program.cs's top-level statements: Program.cs alone is bound again.
        (reused, computed, bound) = (cache.TreeFactsReused, cache.TreeFactsComputed, cache.TreesBound);
        compilation = Edit(compilation, "/src/Program.cs", "app.Run();", "app.Run(); ");
        FullCollection();
        program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        Assert.Empty(await FindingsAsync(compilation, program, analyzer));
        Assert.Equal((trees - 1, 1, 1), (cache.TreeFactsReused - reused, cache.TreeFactsComputed - computed, cache.TreesBound - bound));
    }

    /// <summary>
    /// The same project parsed again, as a compiler server that keeps the analyzer instance compiles it in the next build:
    /// no tree is the same object, so no tree's recorded facts can be taken over, and the declaration shapes are not
    /// compared (no tree's skeleton is walked, on either side); the findings are those of a fresh instance.
    /// </summary>
    [Fact]
    public async Task ProjectParsedAgain_NoSkeletonIsWalkedAndTheFindingsAreAFreshInstancesAsync()
    {
        var analyzer = new SecureStorageAnalyzer();
        var cache = analyzer.SyntaxCache;
        (string, string)[] files = [("/src/Program.cs", Program), ("/src/Security.cs", NoFallback)];
        var builds = new List<Compilation>();
        for (var build = 0; build < 2; build++)
        {
            Compilation compilation = DocumentScope.Compile(files);
            builds.Add(compilation);
            var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
            var findings = await FindingsAsync(compilation, program, analyzer);
            Assert.Equal(await FindingsAsync(compilation, program, new SecureStorageAnalyzer()), findings);
            Assert.Contains("SSA0001 at /src/Program.cs:8", findings);
        }

        Assert.Equal(0, cache.TreeFactsReused);
        Assert.All(builds.SelectMany(c => c.SyntaxTrees), tree => Assert.Null(cache.Get(tree).KnownSkeleton));
    }

    /// <summary>
    /// A helper renamed in a third file becomes the method the unchanged Program.cs calls (a better overload for a
    /// <c>WebApplication</c>), and it does not authorize: Program.cs's recorded facts name the old callee, so they must
    /// not survive a change of any declaration. The names the scan looks for are the same before and after (both names
    /// stay declared), so only the declaration shape tells.
    /// </summary>
    [Fact]
    public async Task HelperRenamedInAnotherFile_UnchangedCallerIsRecordedAgainAsync()
    {
        const string Secured = """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

                public static IApplicationBuilder Harden(this IApplicationBuilder app) => app.UseAuthorization();

                public static IApplicationBuilder Loosen(this IApplicationBuilder app) => app;
            }
            """;
        const string Extra = """
            public static class Extra
            {
                public static WebApplication Loosen(this WebApplication app) => app;
            }
            """;
        var program = Program.Replace("Security.Harden(app);", "app.Harden();", StringComparison.Ordinal);
        var analyzer = new SecureStorageAnalyzer();
        var cache = analyzer.SyntaxCache;
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", program), ("/src/Security.cs", Secured), ("/src/Extra.cs", Extra)]);
        var programTree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        Assert.Empty(await FindingsAsync(compilation, programTree, analyzer));
        compilation = Edit(compilation, "/src/Extra.cs", "=> app;", "=>  app;");
        Assert.Empty(await FindingsAsync(compilation, programTree, analyzer));

        var reused = cache.TreeFactsReused;
        compilation = Edit(compilation, "/src/Extra.cs", "Loosen", "Harden");
        Assert.Same(programTree, compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs"));
        Assert.Contains("SSA0001 at /src/Program.cs:8", await FindingsAsync(compilation, programTree, analyzer));
        Assert.Equal(reused, cache.TreeFactsReused);
        await AssertSameAsFreshAsync(compilation, programTree, analyzer, Options, fallback: true);

        compilation = Edit(compilation, "/src/Extra.cs", "Harden", "Loosen");
        Assert.Empty(await FindingsAsync(compilation, programTree, analyzer));
        await AssertSameAsFreshAsync(compilation, programTree, analyzer, Options, fallback: true);
    }

    /// <summary>
    /// A handler mapped as a method group in Program.cs and marked <c>[AllowAnonymous]</c> in its own file: Program.cs's
    /// recorded mapping points at the attribute in Handlers.cs. A keystroke in Handlers.cs (inside a body: the
    /// declarations are the same) makes that tree a new object, so Program.cs is recorded again, and SSA0005's finding
    /// in Handlers.cs points at the attribute of the new tree, as a fresh analysis says.
    /// </summary>
    [Fact]
    public async Task MarkerInAnotherFileEdited_MappingIsRecordedAgainAsync()
    {
        const string Mapped = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/files/{name}", Handlers.Get);
            app.Run();
            """;
        const string Handlers = """
            using Microsoft.AspNetCore.Authorization;

            public static class Handlers
            {
                [AllowAnonymous]
                public static IResult Get(string name) => Results.File(Path.Combine("/srv/files", name));
            }
            """;
        var analyzer = new SecureStorageAnalyzer();
        var cache = analyzer.SyntaxCache;
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Mapped), ("/src/Handlers.cs", Handlers)]);
        var handlers = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Handlers.cs");
        Assert.Contains("SSA0005 at /src/Handlers.cs:6", await FindingsAsync(compilation, handlers, analyzer));
        compilation = Edit(compilation, "/src/Handlers.cs", "\"/srv/files\"", "\"/srv/files2\"");
        handlers = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Handlers.cs");
        Assert.Contains("SSA0005 at /src/Handlers.cs:6", await FindingsAsync(compilation, handlers, analyzer));

        var (reused, bound) = (cache.TreeFactsReused, cache.TreesBound);
        compilation = Edit(compilation, "/src/Handlers.cs", "\"/srv/files2\"", "\"/srv/files\"");
        handlers = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Handlers.cs");
        var reusedFindings = (await DocumentScope.InDocumentAsync(compilation, handlers, analyzers: [analyzer])).Where(d => d.Id == "SSA0005").ToList();
        var freshFindings = (await DocumentScope.InDocumentAsync(compilation, handlers, analyzers: [new SecureStorageAnalyzer()])).Where(d => d.Id == "SSA0005").ToList();
        Assert.Single(reusedFindings);
        Assert.Equal(freshFindings.Select(DocumentScope.Identity), reusedFindings.Select(DocumentScope.Identity));
        Assert.All(reusedFindings[0].AdditionalLocations, l => Assert.True(compilation.ContainsSyntaxTree(l.SourceTree!), $"{l} is not in the compilation"));
        Assert.Contains(reusedFindings[0].AdditionalLocations, l => l.SourceTree == handlers && handlers.GetText().ToString(l.SourceSpan) == "AllowAnonymous");

        // Program.cs had to be recorded again (its mapping pointed into the old Handlers.cs), Handlers.cs is new: both bound.
        Assert.Equal(compilation.SyntaxTrees.Count() - 2, cache.TreeFactsReused - reused);
        Assert.Equal(1, cache.TreesBound - bound);
    }

    /// <summary>
    /// The helper settings of one file change (an <c>.editorconfig</c> section for Program.cs alone now names
    /// <c>Security.Protect</c> as an authorization method) while every tree stays the same and the names the scan looks
    /// for do not change (Security.cs's own section named it all along): Program.cs's recorded facts were recorded
    /// without the helper and must not be taken over.
    /// </summary>
    [Fact]
    public async Task HelperSettingsOfOneFileChange_ItsFactsAreRecordedAgainAsync()
    {
        const string Protected = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseAuthentication();
            Security.Protect(app);
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" });
            app.Run();
            """;
        const string Secured = """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

                public static void Protect(IApplicationBuilder app) => app.UseAuthorization();
            }
            """;
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Protected), ("/src/Security.cs", Secured)]);
        var program = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        var helper = new Dictionary<string, string> { [AuthorizationHelpers.MethodsKey] = "Security.Protect" };
        var securityOnly = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, TestConfigOptions.ByTree(t => t.FilePath == "/src/Security.cs" ? helper : []));
        var programToo = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
            TestConfigOptions.ByTree(t => t.FilePath is "/src/Security.cs" or "/src/Program.cs" ? helper : []));

        async Task<List<string>> InProgramAsync(AnalyzerOptions options) =>
            DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation.Clone(), program, analyzers: [analyzer], options: options));

        // Twice each way, so that the second of each reads what the first recorded.
        Assert.Contains("SSA0001 at /src/Program.cs:6", await InProgramAsync(securityOnly));
        Assert.Contains("SSA0001 at /src/Program.cs:6", await InProgramAsync(securityOnly));
        var reused = analyzer.SyntaxCache.TreeFactsReused;
        Assert.Empty(await InProgramAsync(programToo));
        Assert.Equal(compilation.SyntaxTrees.Count() - 1, analyzer.SyntaxCache.TreeFactsReused - reused);
        Assert.Empty(await InProgramAsync(programToo));
        Assert.Contains("SSA0001 at /src/Program.cs:6", await InProgramAsync(securityOnly));
    }

    private static readonly AnalyzerOptions Options = new(ImmutableArray<AdditionalText>.Empty);

    private static async Task AssertSameAsFreshAsync(Compilation compilation, SyntaxTree document, DiagnosticAnalyzer reused, AnalyzerOptions options, bool fallback = true)
    {
        Assert.Equal(await FindingsAsync(compilation, document, new SecureStorageAnalyzer()), await FindingsAsync(compilation, document, reused));

        // The facts themselves: a scan through a cache filled by the earlier compilations, and one with an empty cache.
        // Each on its own copy of the compilation, so that neither finds the other's facts.
        var cached = Facts(compilation.Clone(), options, ((PackAnalyzer)reused).SyntaxCache);
        var fresh = Facts(compilation.Clone(), options, cache: null);
        Assert.Equal(fresh, cached);
        Assert.Contains($"fallback {fallback}", fresh, StringComparison.Ordinal);
    }

    private static string Facts(Compilation compilation, AnalyzerOptions options, CompilationFacts.SyntaxCache? cache)
    {
        var shared = CompilationFacts.For(WellKnownTypes.GetOrCreate(compilation));
        if (cache is not null)
        {
            shared.UseSyntaxCache(cache);
        }

        var facts = shared.Get(compilation, options, CancellationToken.None);
        return string.Join("\n", facts.PipelineEvents.Select(e => $"{e.Kind} {e.Owner} {e.Callee} {e.Location.GetLineSpan()}").Order(StringComparer.Ordinal)) +
               $"\nlisting {facts.HasListingMiddleware}, fallback {facts.Authorization.HasFallbackPolicy}, controllers authorized {facts.Authorization.ControllersRequireAuthorization}";
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

    private static void FullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static async Task<List<string>> FindingsAsync(Compilation compilation, SyntaxTree document, DiagnosticAnalyzer analyzer) =>
        DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, document, analyzers: [analyzer]));
}
