using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>Runs the pack's analyzers (as the compiler loads them, or each rule's own) on a compilation and collects what they report and every exception they throw.</summary>
internal static class AnalyzerHarness
{
    /// <summary>The analyzers the compiler loads from the package: those exported with <see cref="DiagnosticAnalyzerAttribute"/>.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Each rule's own analyzer (<see cref="RuleAnalyzer.ForEveryRule"/>, not exported): the pack's analysis with that rule alone, for every rule of the registry.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> RuleAnalyzers = RuleAnalyzer.ForEveryRule();

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
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, CancellationToken cancellationToken = default,
        ImmutableArray<AdditionalText> additionalFiles = default) =>
        AnalyzeAsync(compilation, All, cancellationToken, additionalFiles);

    /// <summary>Analyzes with <paramref name="analyzers"/>; every analyzer exception and every AD0001 fails.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers,
        CancellationToken cancellationToken = default, ImmutableArray<AdditionalText> additionalFiles = default,
        AnalyzerConfigOptionsProvider? configOptions = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            configOptions is null
                ? new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles)
                : new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles, configOptions),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        Assert.True(exceptions.IsEmpty, string.Join("\n\n", exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    public static string Format(Diagnostic d) => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}";
}
