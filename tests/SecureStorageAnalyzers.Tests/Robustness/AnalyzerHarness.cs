using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>Runs every analyzer of the pack on a compilation and collects what they report and every exception they throw.</summary>
internal static class AnalyzerHarness
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static CSharpCompilation Compile(IEnumerable<string> sources, ImmutableArray<MetadataReference>? references = null, bool webUsings = true)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/src/File{i}.cs")).ToList();
        if (webUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(TestSetup.WebGlobalUsings, path: "/src/GlobalUsings.g.cs"));
        }

        return CSharpCompilation.Create("Robustness", trees, references ?? TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Analyzes and returns the diagnostics; every analyzer exception and every AD0001 fails.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken = default,
        ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(All, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    public static string Format(Diagnostic d) => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}";
}
