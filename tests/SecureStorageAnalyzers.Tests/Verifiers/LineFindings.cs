using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Robustness;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// Line-based verification: a line that ends in <c>//! SSA0005</c> (one or more ids) must get exactly those findings,
/// every other line none. Only the line where a finding starts counts, not its span, so these tests hold whatever
/// exact span a rule puts its primary location on. The code must compile without error, so a case that is not
/// reported is not reported for the right reason.
/// </summary>
internal static partial class LineFindings
{
    [GeneratedRegex(@"//!\s*(?<ids>(SSA\d{4}\s*)+)$")]
    private static partial Regex Marker();

    public static Task VerifyAsync(DiagnosticAnalyzer analyzer, string source, TestFramework framework = TestFramework.AspNetCore10) =>
        VerifyAsync(analyzer, source, framework, []);

    /// <summary>The same, with additional files (a web.config) handed to the analyzer; the source is <c>/src/Test.cs</c>.</summary>
    public static async Task VerifyAsync(DiagnosticAnalyzer analyzer, string source, TestFramework framework,
        params (string Path, string Text)[] additionalFiles)
    {
        var expected = new List<string>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker().Match(lines[i].TrimEnd());
            if (match.Success)
            {
                expected.AddRange(match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{id} at line {i + 1}"));
            }
        }

        var actual = await FindingsAsync(analyzer, source, framework, additionalFiles);
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.Select(d => d.Line).OrderBy(s => s, StringComparer.Ordinal));
    }

    /// <summary>
    /// The same, with <paramref name="libraries"/> compiled first into an assembly of their own that the code references:
    /// a stand-in for a library the mirror does not serve, with its real namespaces and signatures.
    /// </summary>
    public static Task VerifyWithLibraryAsync(DiagnosticAnalyzer analyzer, string source, string libraries, TestFramework framework) =>
        VerifyWithLibraryAsync(analyzer, source, libraries, framework, "StandIn");

    /// <summary>
    /// The same, with the stand-in compiled under <paramref name="assemblyName"/>: a platform assembly's name
    /// (<c>System.Windows.Forms</c>) makes its members the platform's, as the real assembly's are.
    /// </summary>
    public static async Task VerifyWithLibraryAsync(DiagnosticAnalyzer analyzer, string source, string libraries, TestFramework framework,
        string assemblyName)
    {
        var expected = new List<string>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker().Match(lines[i].TrimEnd());
            if (match.Success)
            {
                expected.AddRange(match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{id} at line {i + 1}"));
            }
        }

        var actual = await FindingsAsync(analyzer, source, framework, [], Library(libraries, framework, assemblyName));
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.Select(d => d.Line).OrderBy(s => s, StringComparer.Ordinal));
    }

    /// <summary>
    /// The same, for code whose package is not bound (as a build without its restore, or the real-code harness, sees it):
    /// only "type or namespace not found" errors (CS0246, CS0234) are allowed, and at least one must occur, so the case
    /// is the unresolved one it claims to be, and each must name one of <paramref name="unresolvedNames"/> (the package's
    /// namespace and types), so that no other name is missing by mistake.
    /// </summary>
    public static async Task VerifyUnboundAsync(DiagnosticAnalyzer analyzer, string source, TestFramework framework, params string[] unresolvedNames)
    {
        var expected = new List<string>();
        var lines = source.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Marker().Match(lines[i].TrimEnd());
            if (match.Success)
            {
                expected.AddRange(match.Groups["ids"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => $"{id} at line {i + 1}"));
            }
        }

        var actual = await FindingsAsync(analyzer, source, framework, [], null, unresolvedNames);
        Assert.Equal(expected.OrderBy(s => s, StringComparer.Ordinal), actual.Select(d => d.Line).OrderBy(s => s, StringComparer.Ordinal));
    }

    private static MetadataReference Library(string source, TestFramework framework, string assemblyName) =>
        TestReferences.CompiledLibrary(assemblyName, source, References(framework));

    private static ImmutableArray<MetadataReference> References(TestFramework framework) => framework switch
    {
        TestFramework.AspNetCore8 => TestReferences.AspNetCore8,
        TestFramework.AspNetCore10WithStorageSdks => TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks),
        TestFramework.AspNetCore10 => TestReferences.AspNetCore,
        TestFramework.AspNetCore10WithDocumentWriters => TestReferences.AspNetCore.AddRange(TestReferences.DocumentWriters),
        TestFramework.NetFramework48 => TestReferences.NetFramework48,
        _ => throw new ArgumentOutOfRangeException(nameof(framework), framework, "web frameworks only"),
    };

    /// <summary>The findings of <paramref name="analyzer"/> in <paramref name="source"/>, each with "id at line n" and its message.</summary>
    public static Task<IReadOnlyList<(string Line, Diagnostic Diagnostic)>> FindingsAsync(DiagnosticAnalyzer analyzer, string source,
        TestFramework framework = TestFramework.AspNetCore10, params (string Path, string Text)[] additionalFiles) =>
        FindingsAsync(analyzer, source, framework, additionalFiles, null);

    private static async Task<IReadOnlyList<(string Line, Diagnostic Diagnostic)>> FindingsAsync(DiagnosticAnalyzer analyzer, string source,
        TestFramework framework, (string Path, string Text)[] additionalFiles, MetadataReference? library, string[]? unresolvedNames = null)
    {
        var references = References(framework);
        if (library is not null)
        {
            references = references.Add(library);
        }
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Test.cs");
        var usings = CSharpSyntaxTree.ParseText(framework == TestFramework.NetFramework48 ? "" : TestSetup.WebGlobalUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/GlobalUsings.g.cs");
        var outputKind = tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var compilation = CSharpCompilation.Create("LineFindings", new[] { tree, usings }, references,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (unresolvedNames is not null)
        {
            Assert.True(errors.Count > 0, "The test code binds: it is not the unresolved case it claims to be");
            errors = errors.Where(d => d.Id is not ("CS0246" or "CS0234") ||
                                       !unresolvedNames.Any(name => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains($"'{name}'", StringComparison.Ordinal))).ToList();
        }

        Assert.True(errors.Count == 0, "The test code does not compile:\n" + string.Join("\n", errors.Select(d => d.ToString())));

        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation, ImmutableArray.Create(analyzer),
            additionalFiles: additionalFiles.Select(file => (AdditionalText)new InMemoryText(file.Path, file.Text)).ToImmutableArray());
        return diagnostics
            .Where(d => d.Location.IsInSource && d.Location.SourceTree == tree)
            .Select(d => ($"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}", d))
            .ToList();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
