using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// The two ways a compilation is analyzed. <b>Document scope</b> is what an IDE runs in its default scope for the file
/// being edited: <see cref="CompilationWithAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(SyntaxTree, CancellationToken)"/>
/// and <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>
/// for one tree (and span), which run no compilation-end action and keep only the findings the driver assigns to that
/// tree. <b>Full</b> is a build's <see cref="CompilationWithAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken)"/>.
/// Each call gets a fresh <see cref="CompilationWithAnalyzers"/>, so nothing carries over from analyzing another file.
/// </summary>
internal static partial class DocumentScope
{
    [GeneratedRegex(@"//!\s*(?<ids>(SSA\d{4}\s*)+)$")]
    private static partial Regex Marker();

    /// <summary>Compiles <paramref name="files"/> (path, text) with the web SDK's implicit usings; it must compile.</summary>
    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> files, ImmutableArray<MetadataReference>? references = null,
        bool webUsings = true)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, path: f.Path)).ToList();
        if (webUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(TestSetup.WebGlobalUsings, parse, path: "/src/GlobalUsings.g.cs"));
        }

        var topLevel = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var compilation = CSharpCompilation.Create("Live", trees, references ?? TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks),
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, "The test code does not compile:\n" + string.Join("\n", errors));
        return compilation;
    }

    /// <summary>Document scope: the findings of <paramref name="tree"/> (within <paramref name="span"/> when given).</summary>
    public static async Task<ImmutableArray<Diagnostic>> InDocumentAsync(Compilation compilation, SyntaxTree tree, TextSpan? span = null,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null, AnalyzerOptions? options = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var withAnalyzers = compilation.WithAnalyzers(analyzers ?? AnalyzerHarness.All, Options(options, exceptions));
        var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
        var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), span, CancellationToken.None);
        Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions));
        var all = syntax.AddRange(semantic);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all;
    }

    /// <summary>Full analysis, as a build runs it (compilation-end actions included).</summary>
    public static async Task<ImmutableArray<Diagnostic>> FullAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
        AnalyzerOptions? options = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var diagnostics = await compilation.WithAnalyzers(analyzers ?? AnalyzerHarness.All, Options(options, exceptions)).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>"SSA0001 at /src/Program.cs:7" for each <c>//! SSA0001</c> marker of the compilation's trees.</summary>
    public static List<string> Markers(SyntaxTree tree)
    {
        var expected = new List<string>();
        var lines = tree.GetText().Lines;
        foreach (var line in lines)
        {
            var match = Marker().Match(line.ToString().TrimEnd());
            if (match.Success)
            {
                expected.AddRange(match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(id => $"{id} at {tree.FilePath}:{line.LineNumber + 1}"));
            }
        }

        return expected;
    }

    /// <summary>"SSA0001 at /src/Program.cs:7" for each of the pack's findings located in source.</summary>
    public static List<string> Lines(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal) && d.Location.IsInSource)
            .Select(d => $"{d.Id} at {d.Location.SourceTree!.FilePath}:{d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A finding as both analyses must agree on it: id, file, span, message and the additional locations.</summary>
    public static string Identity(Diagnostic d) =>
        $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} [{string.Join("; ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]" +
        $" {{{string.Join(", ", d.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}}}";

    private static CompilationWithAnalyzersOptions Options(AnalyzerOptions? options, ConcurrentBag<string> exceptions) => new(
        options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
        onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: false,
        reportSuppressedDiagnostics: false);
}
