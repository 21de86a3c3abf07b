using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Benchmarks;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// The pack's one operation analysis (<see cref="SecureStorageAnalyzer"/>, what the compiler loads) against each rule's
/// own analyzer (what the rule tests use): the same findings, with the same locations, messages and fix properties, on
/// the incident sample, the benchmark's generated web app and a project with authorization helpers configured. And a
/// rule switched off for the whole project is not run at all.
/// </summary>
public sealed class PackAnalyzerTests
{
    [Fact]
    public async Task IncidentSample_AllRulesTogether_ReportExactlyWhatEachRuleReportsAlone()
    {
        var folder = Path.Combine(TestReferences.RepositoryRoot, "samples", "SecureStorageAnalyzers.Samples.IncidentApp");
        // The sample references Azure.Storage.Blobs (CloudRecordings.cs).
        var compilation = AnalyzerHarness.Compile(Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText),
            TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks));

        await AssertSameFindingsAsync(compilation, minimumRules: 4);
    }

    [Fact]
    public async Task GeneratedWebApp_AllRulesTogether_ReportExactlyWhatEachRuleReportsAlone()
    {
        var codeBase = CodeBaseGenerator.GenerateWebApp(features: 6);
        var compilation = AnalyzerHarness.Compile(codeBase.Files.Select(f => f.Text), webUsings: false);

        await AssertSameFindingsAsync(compilation, minimumRules: 3);
    }

    [Fact]
    public async Task AuthorizationHelpersConfigured_AllRulesTogether_ReportExactlyWhatEachRuleReportsAlone()
    {
        // With a helper configured, SSA0001 and SSA0005 see every call of the file, including calls of types other
        // rules look at (Results, Path): each rule must still see each call once.
        var compilation = AnalyzerHarness.Compile(new[]
        {
            """
            var app = WebApplication.Create(args);
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" });
            Demo.Endpoints.Map(app);
            app.Run();
            """,
            """
            namespace Demo;

            public static class Auth
            {
                public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
                    builder.RequireAuthorization("staff");
            }

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/open/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name)));
                    app.MapGet("/staff/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name))).RequireStaff();
                    app.MapGet("/calls/{phoneNumber}", (string phoneNumber) => Results.File(Path.Combine("/srv/recordings", phoneNumber + ".mp3")));
                }
            }
            """,
        });
        var options = TestConfigOptions.Everywhere(new Dictionary<string, string> { ["ssa.authorization_methods"] = "Demo.Auth.RequireStaff" });

        await AssertSameFindingsAsync(compilation, minimumRules: 3, options);
    }

    [Fact]
    public void RulesOfAWebProject_AllCreated_ExceptOneOffByNoWarn()
    {
        var compilation = AnalyzerHarness.Compile(new[] { "var app = WebApplication.Create(args); app.Run();" },
            TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks));
        var analyzer = new SecureStorageAnalyzer();

        Assert.Equal(analyzer.SupportedDiagnostics.Length, analyzer.CreateRules(compilation, CancellationToken.None).Count);

        var noWarn = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(DiagnosticIds.PersonalIdentifierInStoragePath, ReportDiagnostic.Suppress)));
        Assert.Equal(analyzer.SupportedDiagnostics.Length - 1, analyzer.CreateRules(noWarn, CancellationToken.None).Count);
    }

    [Fact]
    public void WebProject_CreatingTheRules_ResolvesNoSinkDocumentOrRequestType()
    {
        // The storage sinks, the document libraries and SSA0005's request types are resolved when a call of a type of their
        // name is first seen, or when a question first needs them (h-perf19a, docs/performance.md), not when the rules
        // are created. (The driver analyzes a copy of the compilation, with its own catalog: the rules are created here.)
        var compilation = AnalyzerHarness.Compile(new[] { "var app = WebApplication.Create(args); app.UseStaticFiles(); app.Run();" });
        var analyzer = new SecureStorageAnalyzer();

        Assert.NotEmpty(analyzer.CreateRules(compilation, CancellationToken.None));
        var types = WellKnownTypes.GetOrCreate(compilation);
        foreach (var name in new[]
                 {
                     "System.IO.StreamWriter", "PdfSharp.Pdf.PdfDocument", "ClosedXML.Excel.XLWorkbook",
                     "System.Security.Cryptography.HMAC", "System.Linq.Queryable", "Microsoft.EntityFrameworkCore.DbContext",
                 })
        {
            Assert.False(types.HasResolved(name), name);
        }

        // Asked for, a type is resolved as before.
        Assert.NotNull(types.Resolve("System.IO.StreamWriter"));
        Assert.True(types.HasResolved("System.IO.StreamWriter"));
    }

    [Fact]
    public void WebProjectWithoutACloudSdk_TheCloudRulesAreNotCreated()
    {
        // SSA0007, SSA0008 and SSA0010 judge SDK calls only: without Azure.Storage.Blobs, AWSSDK.S3,
        // Google.Cloud.Storage.V1 or Minio referenced, none of their types is looked up and the rules are not created.
        var compilation = AnalyzerHarness.Compile(new[] { "var app = WebApplication.Create(args); app.Run();" });
        var analyzer = new SecureStorageAnalyzer();

        var created = analyzer.CreateRules(compilation, CancellationToken.None).Select(r => r.GetType().DeclaringType!.Name).ToList();
        Assert.Equal(analyzer.SupportedDiagnostics.Length - 3, created.Count);
        Assert.DoesNotContain(created, name => name.StartsWith("SSA0007", StringComparison.Ordinal) || name.StartsWith("SSA0008", StringComparison.Ordinal) ||
                                               name.StartsWith("SSA0010", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectWithoutAspNetCore_OnlyTheStoragePathRuleIsCreated()
    {
        // Workers, jobs and desktop clients write recordings with System.IO alone: SSA0101 runs there; the web rules do not.
        var compilation = AnalyzerHarness.Compile(new[] { "public static class Tool { public static string Name(string id) => System.IO.Path.Combine(\"/tmp\", id); }" },
            TestReferences.NetCoreOnly, webUsings: false);

        var rule = Assert.Single(new SecureStorageAnalyzer().CreateRules(compilation, CancellationToken.None));
        Assert.Equal(typeof(SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePath), rule.GetType().DeclaringType);
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData(ReportDiagnostic.Suppress, null, null, true)]
    [InlineData(ReportDiagnostic.Warn, null, null, false)]
    [InlineData(null, ReportDiagnostic.Suppress, null, true)]
    [InlineData(null, ReportDiagnostic.Suppress, ReportDiagnostic.Warn, false)]
    [InlineData(null, ReportDiagnostic.Suppress, ReportDiagnostic.Suppress, true)]
    [InlineData(ReportDiagnostic.Suppress, ReportDiagnostic.Warn, null, false)]
    [InlineData(ReportDiagnostic.Suppress, null, ReportDiagnostic.Warn, false)]
    [InlineData(ReportDiagnostic.Suppress, ReportDiagnostic.Suppress, null, true)]
    [InlineData(null, ReportDiagnostic.Error, null, false)]
    public void IsOffEverywhere_NoWarnOrGlobalNone_UnlessASettingTurnsItBackOn(ReportDiagnostic? noWarn, ReportDiagnostic? global, ReportDiagnostic? oneFile, bool off)
    {
        const string id = DiagnosticIds.PersonalIdentifierInStoragePath;
        var first = CSharpSyntaxTree.ParseText("class A { }", path: "/src/A.cs");
        var second = CSharpSyntaxTree.ParseText("class B { }", path: "/src/Exports/B.cs");
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(new SeverityProvider(id, global, second, oneFile));
        if (noWarn is { } specific)
        {
            options = options.WithSpecificDiagnosticOptions(ImmutableDictionary<string, ReportDiagnostic>.Empty.Add(id, specific));
        }

        var compilation = CSharpCompilation.Create("Severity", new[] { first, second }, TestReferences.NetCoreOnly, options);

        Assert.Equal(off, PackAnalyzer.IsOffEverywhere(compilation, id, CancellationToken.None));
        Assert.False(PackAnalyzer.IsOffEverywhere(compilation, DiagnosticIds.DirectoryBrowsingEnabled, CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EachCall_ReachesARuleOnce_ByItsType_AHelperConfiguration_OrASourceExtension(bool helpersConfigured)
    {
        var compilation = AnalyzerHarness.Compile(new[]
        {
            """
            var folder = Path.Combine("/srv", "recordings");
            var name = folder.Shout();
            Console.WriteLine(name.Trim());
            static class Texts { public static string Shout(this string text) => text.ToUpperInvariant(); }
            """,
        });
        var rule = new CountingRule(compilation);
        var options = helpersConfigured
            ? TestConfigOptions.Everywhere(new Dictionary<string, string> { ["ssa.authorization_methods"] = "Texts.Shout" })
            : null;

        await AnalyzerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new CountingAnalyzer(rule)), configOptions: options);

        // Path.Combine by its type; Shout as a source extension; with a helper configured, every call of the file.
        var expected = helpersConfigured
            ? new[] { "Combine", "Shout", "ToUpperInvariant", "Trim", "WriteLine" }
            : new[] { "Combine", "Shout" };
        Assert.Equal(expected, rule.Seen.Order(StringComparer.Ordinal));
    }

    /// <summary>A rule that records the calls it is handed (the method names), with every way of being handed one.</summary>
    private sealed class CountingRule(Compilation compilation) : PackRule
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Seen { get; } = new();

        public override IEnumerable<INamedTypeSymbol> CallTypes => new[] { compilation.GetTypeByMetadataName("System.IO.Path")! };

        public override bool SeesCallsOfAuthorizationHelpers => true;

        public override bool SeesCallsOfSourceExtensions => true;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method) => Seen.Enqueue(method.Name);
    }

#pragma warning disable RS1001 // a test double, handed to the driver directly
    private sealed class CountingAnalyzer(CountingRule rule) : PackAnalyzer(
        new PackRuleEntry(new DiagnosticDescriptor("TEST0001", "t", "t", "Test", DiagnosticSeverity.Warning, true), _ => rule));
#pragma warning restore RS1001

    private static async Task AssertSameFindingsAsync(Compilation compilation, int minimumRules, AnalyzerConfigOptionsProvider? options = null)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(AnalyzerHarness.Format));
        var pack = ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzer());
        var together = Describe(await AnalyzerHarness.AnalyzeAsync(compilation, pack, configOptions: options));
        var alone = Describe(await AnalyzerHarness.AnalyzeAsync(compilation, AnalyzerHarness.RuleAnalyzers, configOptions: options));

        Assert.Equal(alone, together);
        Assert.True(together.Select(d => d[..7]).Distinct().Count() >= minimumRules, "the case exercises several rules:\n" + string.Join("\n", together));
    }

    /// <summary>Everything a user or a fixer sees of a finding, in a stable order.</summary>
    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) => diagnostics
        .Select(d => string.Join(" | ",
            AnalyzerHarness.Format(d),
            string.Join(";", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString())),
            string.Join(";", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))))
        .Order(StringComparer.Ordinal)
        .ToList();

    private sealed class SeverityProvider(string id, ReportDiagnostic? global, SyntaxTree tree, ReportDiagnostic? perFile) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree1, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = perFile ?? ReportDiagnostic.Default;
            return diagnosticId == id && perFile is not null && tree1 == tree;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = global ?? ReportDiagnostic.Default;
            return diagnosticId == id && global is not null;
        }
    }
}
