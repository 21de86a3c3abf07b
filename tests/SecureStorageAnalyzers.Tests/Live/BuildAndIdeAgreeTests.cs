using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Benchmarks;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// A build and the IDE report the same findings: the union of document-scoped analysis over every document (and the
/// additional-file analysis of each web.config) equals full analysis, finding for finding (id, span, message, additional
/// locations, properties), over the samples and the benchmark's generated code base; compilation-end findings (SSA0009)
/// are a build's only, and left out of the comparison.
/// </summary>
public class BuildAndIdeAgreeTests
{
    [Theory]
    [InlineData("SecureStorageAnalyzers.Samples.IncidentApp", new[] { "SSA0001", "SSA0002", "SSA0003", "SSA0005" })]
    [InlineData("SecureStorageAnalyzers.Samples.SecureApp", new string[0])]
    public async Task Samples_DocumentScopeEqualsFullAnalysisAsync(string sample, string[] mustFind)
    {
        var folder = Path.Combine(TestReferences.RepositoryRoot, "samples", sample);
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllText(p)));
        var additional = Directory.GetFiles(folder, "web.config").Select(p => (AdditionalText)new Text(p, File.ReadAllText(p))).ToImmutableArray();
        var full = await AssertAgreeAsync(DocumentScope.Compile(sources), additional);
        foreach (var id in mustFind)
        {
            Assert.Contains(full, d => d.Id == id);
        }

        if (mustFind.Length == 0)
        {
            Assert.DoesNotContain(full, d => d.Id.StartsWith("SSA", StringComparison.Ordinal));
        }
    }

    /// <summary>The classic incident sample (System.Web, net48 references): its web.config findings come from the additional-file analysis.</summary>
    [Fact]
    public async Task ClassicIncidentSample_DocumentScopeEqualsFullAnalysisAsync()
    {
        var folder = Path.Combine(TestReferences.RepositoryRoot, "samples", "SecureStorageAnalyzers.Samples.ClassicIncidentApp");
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (p, File.ReadAllText(p)));
        var additional = Directory.GetFiles(folder, "web.config").Select(p => (AdditionalText)new Text(p, File.ReadAllText(p))).ToImmutableArray();
        var full = await AssertAgreeAsync(DocumentScope.Compile(sources, TestReferences.NetFramework48, webUsings: false), additional);

        // Not a vacuous agreement: the incident's findings, in the code and in the web.config.
        foreach (var id in new[] { "SSA0002", "SSA0006", "SSA0012", "SSA0101" })
        {
            Assert.Contains(full, d => d.Id == id);
        }
    }

    [Fact]
    public async Task GeneratedBenchmarkCodeBase_DocumentScopeEqualsFullAnalysisAsync()
    {
        var codeBase = CodeBaseGenerator.GenerateWebApp(features: 8);
        var compilation = DocumentScope.Compile(codeBase.Files.Select(f => ("/src/" + f.Path, f.Text)), TestReferences.AspNetCore, webUsings: false);
        var additional = codeBase.AdditionalFiles.Select(f => (AdditionalText)new Text("/src/" + f.Path, f.Text)).ToImmutableArray();
        var full = await AssertAgreeAsync(compilation, additional);

        // Not a vacuous agreement: the seeded findings are there, SSA0005 (judged with the whole compilation's facts) among them.
        foreach (var (id, count) in codeBase.SeededFindings)
        {
            Assert.True(full.Count(d => d.Id == id) == count, $"{id}: seeded {count}, found {full.Count(d => d.Id == id)}");
        }

        Assert.Contains(full, d => d.Id == CodeBaseGenerator.Ssa0005);
    }

    private static async Task<ImmutableArray<Diagnostic>> AssertAgreeAsync(Compilation compilation, ImmutableArray<AdditionalText> additional)
    {
        var options = new AnalyzerOptions(additional);
        var full = await DocumentScope.FullAsync(compilation, options: options);
        var live = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            live.AddRange(await DocumentScope.InDocumentAsync(compilation, tree, options: options));
        }

        foreach (var file in additional)
        {
            var exceptions = new ConcurrentBag<string>();
            var withAnalyzers = compilation.WithAnalyzers(AnalyzerHarness.All, new CompilationWithAnalyzersOptions(options,
                (e, a, _) => exceptions.Add($"{a.GetType().Name}: {e}"), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            live.AddRange((await withAnalyzers.GetAnalysisResultAsync(file, CancellationToken.None)).GetAllDiagnostics());
            Assert.Empty(exceptions);
        }

        // A compilation-end finding (SSA0009, the exposure chain) is a build's and full solution analysis's by design:
        // document-scoped analysis runs no compilation-end action (docs/rules/SSA0009.md, "Where you see it").
        var expected = full.Where(d => !d.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd))
            .Select(DocumentScope.Identity).Order(StringComparer.Ordinal).ToList();
        var actual = live.Select(DocumentScope.Identity).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Only in a full analysis:\n{string.Join("\n", expected.Except(actual))}\nOnly in document scope:\n{string.Join("\n", actual.Except(expected))}");
        return full;
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
