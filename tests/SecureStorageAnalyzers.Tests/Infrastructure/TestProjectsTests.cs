using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>Test code is silent by default (IsTestProject, or a reference to xUnit, NUnit or MSTest); a switch turns it on.</summary>
public class TestProjectsTests
{
    private const string Source = """
        var app = WebApplication.Create(args);
        app.UseDirectoryBrowser();
        app.Run();
        class Fixture { public void Write(string phoneNumber) => File.WriteAllText(phoneNumber + ".wav", ""); }
        """;

    private static readonly MetadataReference Xunit = MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location);

    [Fact]
    public async Task AppProject_IsReported()
    {
        var found = await AnalyzeAsync(AnalyzerHarness.Compile(new[] { Source }), new());
        Assert.Equal(new[] { "SSA0002", "SSA0101" }, Ids(found));
    }

    [Fact]
    public async Task ProjectReferencingXunit_IsSilent()
    {
        Assert.Equal("xunit.core", typeof(FactAttribute).Assembly.GetName().Name);
        var compilation = AnalyzerHarness.Compile(new[] { Source }).AddReferences(Xunit);
        Assert.Empty(await AnalyzeAsync(compilation, new()));
    }

    [Fact]
    public async Task IsTestProjectProperty_IsSilent()
    {
        var found = await AnalyzeAsync(AnalyzerHarness.Compile(new[] { Source }), new() { ["build_property.IsTestProject"] = "true" });
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("ssa.analyze_test_projects")]
    [InlineData("build_property.SecureStorageAnalyzersAnalyzeTestProjects")]
    public async Task Switch_TurnsTheRulesBackOn(string key)
    {
        var compilation = AnalyzerHarness.Compile(new[] { Source }).AddReferences(Xunit);
        var found = await AnalyzeAsync(compilation, new() { [key] = "true", ["build_property.IsTestProject"] = "true" });
        Assert.Equal(new[] { "SSA0002", "SSA0101" }, Ids(found));
    }

    private static string[] Ids(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, Dictionary<string, string> global) =>
        AnalyzerHarness.AnalyzeAsync(compilation, AnalyzerHarness.All, configOptions: new Provider(global));

    private sealed class Provider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global = new(values);
        private readonly Options _empty = new(new());

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _empty;
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
