using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Benchmarks;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Benchmarks;

/// <summary>
/// Keeps the benchmark's generator (tests/SecureStorageAnalyzers.Benchmarks/CodeBaseGenerator.cs, linked here) honest at
/// a tiny scale: the generated web app and class library compile without errors, and the pack finds exactly the seeded
/// findings and nothing else. The benchmark itself is not run by CI.
/// </summary>
public sealed class CodeBaseGeneratorTests
{
    [Fact]
    public async Task Generated_web_app_compiles_and_the_pack_finds_the_seeded_findings()
    {
        var codeBase = CodeBaseGenerator.GenerateWebApp(features: 4);
        var compilation = Compile(codeBase, TestReferences.AspNetCore, OutputKind.ConsoleApplication);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(AnalyzerHarness.Format));

        var additional = codeBase.AdditionalFiles
            .Select(f => (AdditionalText)new InMemoryText("/src/" + f.Path, f.Text))
            .ToImmutableArray();
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation, additionalFiles: additional);

        var found = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(codeBase.SeededFindings.All(p => p.Value > 0), "each seeded rule appears at this scale");
        Assert.Equal(
            codeBase.SeededFindings.OrderBy(p => p.Key, StringComparer.Ordinal),
            found.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Generated_class_library_compiles_without_aspnetcore_and_the_pack_finds_exactly_the_seeded_storage_paths()
    {
        // Without ASP.NET Core only SSA0101 runs: the contact cards named after phone numbers, nothing else.
        var codeBase = CodeBaseGenerator.GenerateClassLibrary(features: 40);
        var compilation = Compile(codeBase, TestReferences.NetCoreOnly, OutputKind.DynamicallyLinkedLibrary);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(AnalyzerHarness.Format));
        var found = (await AnalyzerHarness.AnalyzeAsync(compilation)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(codeBase.SeededFindings["SSA0101"] > 0, "the seeded shape appears at this scale");
        Assert.Equal(codeBase.SeededFindings.OrderBy(p => p.Key, StringComparer.Ordinal), found.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Generator_is_deterministic()
    {
        var first = CodeBaseGenerator.GenerateWebApp(features: 30);
        var second = CodeBaseGenerator.GenerateWebApp(features: 30);
        Assert.Equal(first.Files.Select(f => f.Text), second.Files.Select(f => f.Text));
        Assert.Equal(first.SeededFindings, second.SeededFindings);
    }

    private static CSharpCompilation Compile(GeneratedCodeBase codeBase, ImmutableArray<MetadataReference> references, OutputKind kind) =>
        CSharpCompilation.Create(
            codeBase.Name,
            codeBase.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, new CSharpParseOptions(LanguageVersion.Latest), "/src/" + f.Path)),
            references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
