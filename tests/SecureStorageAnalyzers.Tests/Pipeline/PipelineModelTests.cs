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
/// The pipeline model on its own: for every <c>UseStaticFiles</c> of a program, does <c>UseAuthorization()</c> run
/// before it on every path, and is a fallback policy set? Lines marked <c>// authorized</c> must be, the others not.
/// </summary>
public class PipelineModelTests
{
    [Theory]
    [InlineData("Order", """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseStaticFiles();
        app.UseAuthorization();
        app.UseStaticFiles(); // authorized
        app.Run();
        """)]
    [InlineData("FluentChain", """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseStaticFiles().UseAuthorization().UseStaticFiles(); // authorized only for the second; checked by column below
        app.Run();
        """)]
    [InlineData("Branches", """
        var app = WebApplication.CreateBuilder(args).Build();
        app.Map("/a", a => a.UseStaticFiles());
        app.MapWhen(c => true, a => { a.UseAuthorization(); a.UseStaticFiles(); }); // authorized
        app.UseAuthorization();
        app.UseWhen(c => true, a => a.UseStaticFiles()); // authorized
        app.Map("/b", a => a.Map("/c", b => b.UseStaticFiles())); // authorized
        app.Run();
        """)]
    [InlineData("ProjectExtensions", """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseFiles();
        app.UseSecurity();
        app.UseMoreFiles();
        app.Run();

        static class Extensions
        {
            public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseAuthorization();
            public static IApplicationBuilder UseFiles(this IApplicationBuilder app) => app.UseStaticFiles();
            public static IApplicationBuilder UseMoreFiles(this IApplicationBuilder app) => app.UseStaticFiles(); // authorized
            public static IApplicationBuilder UseUncalled(this IApplicationBuilder app) => app.UseStaticFiles();
        }
        """)]
    [InlineData("StartupClass", """
        public class Startup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseStaticFiles();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseStaticFiles(); // authorized
            }
        }
        """)]
    public void RunsAfterAuthorization(string name, string source)
    {
        var results = Analyze(source);
        Assert.NotEmpty(results.Events);
        foreach (var (line, column, authorized) in results.Events)
        {
            var text = source.Split('\n')[line];
            var expected = text.Contains("// authorized", StringComparison.Ordinal) &&
                           (name != "FluentChain" || column > text.IndexOf("UseAuthorization", StringComparison.Ordinal));
            Assert.True(expected == authorized, $"{name}, line {line + 1}, column {column + 1}: expected authorized={expected}\n{text}");
        }

        // And nothing is missing: every UseStaticFiles( of the source is an event, in source order, with its answer.
        var lines = source.Split('\n');
        var calls = new List<(int Line, bool Authorized)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var authorization = lines[i].IndexOf("UseAuthorization", StringComparison.Ordinal);
            for (var at = lines[i].IndexOf("UseStaticFiles(", StringComparison.Ordinal); at >= 0;
                 at = lines[i].IndexOf("UseStaticFiles(", at + 1, StringComparison.Ordinal))
            {
                calls.Add((i, lines[i].Contains("// authorized", StringComparison.Ordinal) && (name != "FluentChain" || at > authorization)));
            }
        }

        Assert.Equal(calls, results.Events.Select(e => (e.Line, e.Authorized)).ToList());
    }

    [Theory]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", true)]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);", true)]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());", true)]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = null);", false)]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(null);", false)]
    [InlineData("builder.Services.AddAuthorization();", false)]
    public void FallbackPolicy_IsSeenAnywhere(string setup, bool expected)
    {
        var results = Analyze($$"""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            {{setup}}
            var app = builder.Build();
            app.Run();
            """);
        Assert.Equal(expected, results.HasFallbackPolicy);
    }

    /// <summary>
    /// The project's own helpers, which the model cannot see into (here: not extension methods of the builder), count
    /// only once <c>.editorconfig</c> names them; an endpoint-convention helper never counts in the middleware pipeline.
    /// </summary>
    [Theory]
    [InlineData("", false, false)]
    [InlineData("ssa.authorization_methods = Company.Security.Apply", true, false)]
    [InlineData("ssa.authorization_methods = Company.Security.RequireStaff", false, false)]
    [InlineData("ssa.fallback_policy_methods = Company.Security.AddCompanyAuthorization", false, true)]
    [InlineData("ssa.authorization_methods = Company.Security.Apply, Company.Missing.Method\nssa.fallback_policy_methods = Company.Security.AddCompanyAuthorization", true, true)]
    public void ConfiguredAuthorizationHelpers_CountWhereTheyAreCalled(string editorConfig, bool authorized, bool fallback)
    {
        var results = Analyze("""
            using Company;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCompanyAuthorization();
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireStaff();
            Company.Security.Apply(app);
            app.UseStaticFiles();
            app.Run();

            namespace Company
            {
                public static class Security
                {
                    public static void Apply(IApplicationBuilder app) { }
                    public static IServiceCollection AddCompanyAuthorization(this IServiceCollection services) => services;
                    public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
                }
            }
            """, editorConfig.Replace("\\n", "\n", StringComparison.Ordinal));
        Assert.Equal(authorized, Assert.Single(results.Events).Authorized);
        Assert.Equal(fallback, results.HasFallbackPolicy);
    }

    private static (List<(int Line, int Column, bool Authorized)> Events, bool HasFallbackPolicy) Analyze(string source, string editorConfig = "")
    {
        var probe = new Probe();
        ModelProbe.Run(source, probe, editorConfig);
        return (probe.Results.OrderBy(r => r.Line).ThenBy(r => r.Column).ToList(), probe.HasFallbackPolicy);
    }

    /// <summary>Records the pipeline through the model and judges every file-serving call at the end.</summary>
#pragma warning disable RS1036, RS1001, RS2008 // test-only analyzer
    private sealed class Probe : DiagnosticAnalyzer
    {
        public ConcurrentBag<(int Line, int Column, bool Authorized)> Results { get; } = new();

        public bool HasFallbackPolicy { get; private set; }

        // An analyzer with no diagnostics is skipped as fully suppressed, so the probe declares one it never reports.
        private static readonly DiagnosticDescriptor Unused = new("PROBE0001", "Probe", "Probe", "Test", DiagnosticSeverity.Info, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var model = AuthorizationModel.For(types).Pipeline;
                var record = new AuthorizationRecord();
                var helpers = AuthorizationHelpers.Cache.For(types);
                var candidates = new ConcurrentBag<PipelineEvent>();
                start.RegisterOperationAction(c =>
                {
                    if (model.Record((IInvocationOperation)c.Operation, c.ContainingSymbol, helpers.For(c.Options, c.Operation.Syntax.SyntaxTree), record) is { Kind: PipelineEventKind.FileServing } e)
                    {
                        candidates.Add(e);
                    }
                }, OperationKind.Invocation);
                start.RegisterOperationAction(c => model.RecordAssignment((ISimpleAssignmentOperation)c.Operation, record), OperationKind.SimpleAssignment);
                start.RegisterCompilationEndAction(_ =>
                {
                    var events = record.Events.ToList();
                    HasFallbackPolicy = record.HasFallbackPolicy;
                    foreach (var e in candidates)
                    {
                        var position = e.Location.GetLineSpan().StartLinePosition;
                        var end = e.Location.GetLineSpan().EndLinePosition;
                        Results.Add((position.Line, end.Character, PipelineModel.RunsAfterAuthorization(e, events)));
                    }
                });
            });
        }
    }
#pragma warning restore RS1036, RS1001, RS2008
}
