using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.Tests.Live;
using SecureStorageAnalyzers.Tests.Verifiers;

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

    /// <summary>
    /// MVC 5 (classic ASP.NET) actions are asked of the same endpoint-authorization model: [Authorize] on the action, the
    /// controller or a base controller (or an attribute deriving from it) authorizes, [AllowAnonymous] on the action or the
    /// controller wins and is the marker, [NonAction] and non-public methods are no actions, and a global
    /// AuthorizeAttribute filter is the compilation-wide fact.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ClassicActions_AskTheSameModel(bool globalFilter)
    {
        var source = """
            using System.Web.Mvc;

            public class StaffOnlyAttribute : AuthorizeAttribute { }

            [Authorize]
            public abstract class SecureController : Controller { }

            public class FilesController : Controller
            {
                public ActionResult Open(string name) => null;
                [Authorize] public ActionResult Mine(string name) => null;
                [StaffOnly] public ActionResult Staff(string name) => null;
                [Authorize, AllowAnonymous] public ActionResult Public(string name) => null;
                [NonAction] public ActionResult Helper(string name) => null;
                private ActionResult Hidden(string name) => null;
            }

            [AllowAnonymous]
            public class OpenController : SecureController
            {
                [Authorize] public ActionResult Get(string name) => null;
            }

            public class RecordsController : SecureController
            {
                public ActionResult Get(string name) => null;
            }
            """ + (globalFilter ? """

            public static class FilterConfig
            {
                public static void RegisterGlobalFilters(GlobalFilterCollection filters) => filters.Add(new HandleErrorAttribute());
                public static void Register(GlobalFilterCollection filters) { filters.Add(new StaffOnlyAttribute()); }
            }
            """ : "");
        var compilation = CSharpCompilation.Create("Classic", [CSharpSyntaxTree.ParseText(source)], TestReferences.NetFramework48,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var types = WellKnownTypes.GetOrCreate(compilation);
        var endpoints = AuthorizationModel.For(types).Endpoints;
        string Access(string type, string method)
        {
            var action = compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>().Single();
            return endpoints.FindClassicAction(action) is { } endpoint
                ? endpoint.Access + (endpoint.Marker is null ? string.Empty : " at " + endpoint.Marker)
                : "none";
        }

        Assert.Equal(
            ["Unspecified", "Authorized", "Authorized", "ExplicitlyAnonymous at AllowAnonymous", "none", "none", "ExplicitlyAnonymous at AllowAnonymous", "Authorized"],
            new[]
            {
                Access("FilesController", "Open"), Access("FilesController", "Mine"), Access("FilesController", "Staff"), Access("FilesController", "Public"),
                Access("FilesController", "Helper"), Access("FilesController", "Hidden"), Access("OpenController", "Get"), Access("RecordsController", "Get"),
            });
        Assert.Equal(globalFilter, endpoints.ClassicControllersRequireAuthorization(CancellationToken.None));
        Assert.Equal(2, AuthorizationModel.ModelsBuiltFor(types));
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
