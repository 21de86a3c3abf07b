using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Pipeline;

/// <summary>
/// The endpoint half of the model on its own: for every call of <c>Probe()</c>, which endpoint is it in and what does
/// its metadata say? Each probe line ends with the expected answer: <c>// Authorized</c>, <c>// ExplicitlyAnonymous</c>,
/// <c>// Unspecified</c>, or <c>// none</c> when the code is in no endpoint.
/// </summary>
public class EndpointAuthorizationTests
{
    [Theory]
    [InlineData("MinimalApis", """
        using Microsoft.AspNetCore.Authorization;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a", () => Probe()); // Unspecified
        app.MapGet("/b", () => Probe()).RequireAuthorization(); // Authorized
        app.MapGet("/c", [Authorize] () => Probe()); // Authorized
        app.MapGet("/d", [Authorize(Policy = "Staff")] () => Probe()); // Authorized
        app.MapGet("/e", () => Probe()).RequireAuthorization().AllowAnonymous(); // ExplicitlyAnonymous
        app.MapPost("/f", [AllowAnonymous] () => Probe()).RequireAuthorization(); // ExplicitlyAnonymous
        var group = app.MapGroup("/g").RequireAuthorization();
        group.MapGet("/h", () => Probe()); // Authorized
        var open = app.MapGroup("/o").AllowAnonymous();
        open.MapGet("/i", () => Probe()).RequireAuthorization(); // ExplicitlyAnonymous
        app.MapGroup("/j").RequireAuthorization().MapGet("/k", () => Probe()); // Authorized
        Probe(); // none
        app.Run();

        static int Probe() => 0;
        """)]
    [InlineData("Controllers", """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize]
        public abstract class SecuredController : Controller
        {
            protected static int Probe() => 0;
        }

        public class DocumentsController : SecuredController
        {
            public int Get() => Probe(); // Authorized

            [AllowAnonymous]
            public int Public() => Probe(); // ExplicitlyAnonymous

            private int Helper() => Probe(); // none
        }

        [AllowAnonymous]
        public class OpenController : SecuredController
        {
            [Authorize]
            public int Get() => Probe(); // ExplicitlyAnonymous
        }

        public class PlainController : ControllerBase
        {
            public int Get() => SecuredController2.Probe(); // Unspecified
        }

        public static class SecuredController2
        {
            public static int Probe() => 0;
            public static int NotAnAction() => Probe(); // none
        }
        """)]
    [InlineData("MethodGroups", """
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a", Handlers.Open);
        app.MapGet("/b", Handlers.Secured).RequireAuthorization();
        app.MapGet("/c", Local);
        app.Run();

        int Local() => Handlers.Probe(); // Unspecified

        static class Handlers
        {
            public static int Probe() => 0;
            public static int Open() => Probe(); // Unspecified
            public static int Secured() => Probe(); // Authorized
            public static int Unmapped() => Probe(); // none
        }
        """)]
    public void EndpointAccess(string name, string source)
    {
        var results = Analyze(source, "");
        Assert.NotEmpty(results);
        foreach (var (line, access) in results)
        {
            var text = source.Split('\n')[line];
            var expected = text[(text.LastIndexOf("// ", StringComparison.Ordinal) + 3)..].Trim();
            Assert.True(expected == access, $"{name}, line {line + 1}: expected {expected}, the model says {access}\n{text}");
        }

        // And nothing is missing: every marked line is answered, exactly once, in order.
        var lines = source.Split('\n');
        var marked = Enumerable.Range(0, lines.Length)
            .Select(i => (Line: i, Match: Marker.Match(lines[i].TrimEnd())))
            .Where(m => m.Match.Success)
            .Select(m => (m.Line, m.Match.Groups[1].Value))
            .ToList();
        Assert.Equal(marked, results);
    }

    [Theory]
    [InlineData("", "Unspecified", "Unspecified")]
    [InlineData("ssa.authorization_methods = Company.Security.RequireStaff", "Authorized", "Unspecified")]
    [InlineData("ssa.authorization_attributes = Company.StaffOnlyAttribute", "Unspecified", "Authorized")]
    public void ConfiguredHelpers_AuthorizeLikeTheFrameworksOwn(string editorConfig, string convention, string attribute)
    {
        var results = Analyze("""
            using Company;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/a", () => Probe()).RequireStaff();
            app.MapGet("/b", [StaffOnly] () => Probe());
            app.Run();

            static int Probe() => 0;

            namespace Company
            {
                public static class Security
                {
                    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
                }

                public sealed class StaffOnlyAttribute : System.Attribute { }
            }
            """, editorConfig);
        Assert.Equal(new[] { convention, attribute }, results.Select(r => r.Access).ToArray());
    }

    private static readonly System.Text.RegularExpressions.Regex Marker =
        new(@"// (Authorized|ExplicitlyAnonymous|Unspecified|none)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static List<(int Line, string Access)> Analyze(string source, string editorConfig)
    {
        var probe = new Probe();
        ModelProbe.Run(source, probe, editorConfig);
        return probe.Results.OrderBy(r => r.Line).ToList();
    }

    /// <summary>Asks the model about every <c>Probe()</c> call; method-group handlers are answered at the end.</summary>
#pragma warning disable RS1036, RS1001, RS2008 // test-only analyzer
    private sealed class Probe : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("PROBE0002", "Probe", "Probe", "Test", DiagnosticSeverity.Info, true);

        public ConcurrentBag<(int Line, string Access)> Results { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var endpoints = AuthorizationModel.For(types).Endpoints;
                var record = new AuthorizationRecord();
                var helpers = AuthorizationHelpers.Cache.For(types);
                var pending = new ConcurrentBag<(int Line, IMethodSymbol Handler)>();
                start.RegisterOperationAction(c =>
                {
                    var configured = helpers.For(c.Options, c.Operation.Syntax.SyntaxTree);
                    endpoints.Record(c.Operation, configured, record);
                    if (c.Operation is not IInvocationOperation { TargetMethod.Name: "Probe" } call)
                    {
                        return;
                    }

                    var line = call.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line;
                    if (endpoints.Find(call, c.ContainingSymbol, configured) is { } endpoint)
                    {
                        Results.Add((line, endpoint.Access.ToString()));
                    }
                    else if (EndpointAuthorization.HandlerCandidate(call, c.ContainingSymbol) is { } handler)
                    {
                        pending.Add((line, handler));
                    }
                    else
                    {
                        Results.Add((line, "none"));
                    }
                }, OperationKind.Invocation, OperationKind.ObjectCreation);
                start.RegisterCompilationEndAction(_ =>
                {
                    foreach (var (line, handler) in pending)
                    {
                        var mapped = record.MappedAs(handler).ToList();
                        Results.Add((line, mapped.Count == 0 ? "none" : mapped[0].Access.ToString()));
                    }
                });
            });
        }
    }
#pragma warning restore RS1036, RS1001, RS2008
}
