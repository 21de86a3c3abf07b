using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.Tests.Live;

namespace SecureStorageAnalyzers.Tests.Pipeline;

/// <summary>
/// The pipeline and endpoint-authorization models are the compilation's, built once: every rule that reads them
/// (SSA0001, SSA0002, SSA0005, SSA0009) and the pre-scan of <see cref="CompilationFacts"/>, which records each tree into
/// a record of its own, share one of each; and the per-tree reuse of an IDE's next compilation still works with them.
/// </summary>
public class AuthorizationModelTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddStaffOnly();
        var app = builder.Build();
        app.UseAuthentication();
        Security.Harden(app);
        app.UseStaticFiles();
        app.MapGet("/recordings/{name}", Recordings.Get);
        app.MapControllers();
        app.Run();
        """;

    private const string Security = """
        using Microsoft.AspNetCore.Authorization;

        public static class Security
        {
            public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

            public static IApplicationBuilder Harden(this IApplicationBuilder app) => app.UseAuthorization();
        }
        """;

    private const string Recordings = """
        public static class Recordings
        {
            public static IResult Get(string name) => Results.File(System.IO.Path.Combine("/srv/recordings", name));
        }
        """;

    private const string Notes = """
        public static class Notes
        {
            public static string Title() => "notes";
        }
        """;

    private static readonly AnalyzerOptions Options = new(ImmutableArray<AdditionalText>.Empty);

    [Fact]
    public void EveryRuleAndThePreScan_BuildOneModelOfEachPerCompilation()
    {
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Program), ("/src/Security.cs", Security), ("/src/Recordings.cs", Recordings),
            ("/src/Notes.cs", Notes)]);
        var types = WellKnownTypes.GetOrCreate(compilation);

        // Every rule of the pack made for this compilation, as the analyzer's start does: the ones that read the models among them.
        var rules = analyzer.CreateRules(compilation, CancellationToken.None);
        Assert.Contains(rules, r => r.GetType().DeclaringType?.Name == "SSA0001AnonymousStaticFiles");
        Assert.Contains(rules, r => r.GetType().DeclaringType?.Name == "SSA0005AnonymousFileEndpoint");
        Assert.Contains(rules, r => r.GetType().DeclaringType?.Name == "SSA0009ExposureChain");
        Assert.Equal(2, AuthorizationModel.ModelsBuiltFor(types));

        // The pre-scan records the two trees with candidates (each into a record of its own) and builds no model.
        var shared = CompilationFacts.For(types);
        shared.UseSyntaxCache(analyzer.SyntaxCache);
        var facts = shared.Get(compilation, Options, CancellationToken.None);
        Assert.Equal(2, AuthorizationModel.ModelsBuiltFor(types));
        Assert.Same(AuthorizationModel.For(types).Pipeline, facts.Pipeline);
        Assert.Same(AuthorizationModel.For(types).Endpoints, facts.Endpoints);
        Assert.Equal(2, analyzer.SyntaxCache.TreesBound);

        // What the trees recorded, added up in the compilation's record.
        Assert.True(facts.Authorization.HasFallbackPolicy);
        Assert.Contains(facts.PipelineEvents, e => e.Kind == PipelineEventKind.Authorization);
        var get = compilation.GetTypeByMetadataName("Recordings")!.GetMembers("Get").OfType<IMethodSymbol>().Single();
        Assert.Single(facts.Authorization.MappedAs(get));
    }

    [Fact]
    public void NextCompilationAfterAnEdit_ReusesTheOtherTreesFactsAndBuildsItsOwnModelsOnce()
    {
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", Program), ("/src/Security.cs", Security), ("/src/Recordings.cs", Recordings),
            ("/src/Notes.cs", Notes)]);
        Scan(analyzer, compilation);

        // A keystroke in Security.cs's body removes the fallback policy: the other trees' records are taken over.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Security.cs");
        var text = tree.GetText();
        const string Fallback = "o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()";
        var at = text.ToString().IndexOf(Fallback, StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, Fallback.Length), "o => { }"))));
        var reused = analyzer.SyntaxCache.TreeFactsReused;
        var (types, facts) = Scan(analyzer, edited);

        Assert.Equal(edited.SyntaxTrees.Count() - 1, analyzer.SyntaxCache.TreeFactsReused - reused);
        Assert.Equal(2, AuthorizationModel.ModelsBuiltFor(types));
        Assert.False(facts.Authorization.HasFallbackPolicy);
        Assert.Contains(facts.PipelineEvents, e => e.Kind == PipelineEventKind.Authorization);
        var get = edited.GetTypeByMetadataName("Recordings")!.GetMembers("Get").OfType<IMethodSymbol>().Single();
        Assert.Single(facts.Authorization.MappedAs(get));
    }

    private static (WellKnownTypes Types, CompilationFacts.Facts Facts) Scan(SecureStorageAnalyzer analyzer, Compilation compilation)
    {
        var types = WellKnownTypes.GetOrCreate(compilation);
        Assert.NotEmpty(analyzer.CreateRules(compilation, CancellationToken.None));
        var shared = CompilationFacts.For(types);
        shared.UseSyntaxCache(analyzer.SyntaxCache);
        return (types, shared.Get(compilation, Options, CancellationToken.None));
    }
}
