using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The whole-compilation facts of SSA0001, SSA0002 and SSA0005 (<see cref="CompilationFacts"/>) computed alone on a
/// compilation whose declarations are complete, three ways: over freshly parsed trees (a project's first compilation, or
/// a build), over the same trees in a new compilation (the IDE makes one after any change, and reuses unchanged trees),
/// and after an edit of one tree (the IDE's compilation after a keystroke: every other tree is the previous one).
/// </summary>
internal static class PreScan
{
    public static (Sample Cold, Sample SameTrees, Sample AfterEdit, int Events) MeasureAll(Workload workload, int repeat)
    {
        var cold = new List<double>();
        var same = new List<double>();
        var edited = new List<double>();
        var events = 0;
        var target = workload.Trees.First(t => t.FilePath.EndsWith("Service.cs", StringComparison.Ordinal));
        for (var run = -1; run < repeat; run++)
        {
            // The analyzer instance's per-tree cache, kept across its compilations as in an IDE.
            var cache = new CompilationFacts.SyntaxCache();

            // Cold: every tree parsed again, as a build or a project's first load sees them.
            var trees = workload.Trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), Workload.ParseOptions, t.FilePath)).ToList();
            var first = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
            var time = Time(first, workload, cache, out events);

            // The same trees in a new compilation.
            var second = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
            var sameTime = Time(second, workload, cache, out _);

            // One tree edited as an editor does (an incremental parse of a one-character change), the others reused.
            var old = trees[workload.Trees.IndexOf(target)];
            var text = old.GetText();
            var at = text.ToString().IndexOf("return", StringComparison.Ordinal);
            var edit = old.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), " ")));
            var third = second.ReplaceSyntaxTree(old, edit);
            var editTime = Time(third, workload, cache, out _);
            if (run >= 0)
            {
                cold.Add(time);
                same.Add(sameTime);
                edited.Add(editTime);
            }
        }

        return (new Sample(cold), new Sample(same), new Sample(edited), events);
    }

    /// <summary>
    /// Document-scoped analysis of <paramref name="document"/> (the pack as loaded) in the compilation that follows a
    /// one-character edit of another tree, after the previous compilation analyzed the same document: what an IDE pays
    /// for the open file after a keystroke elsewhere. Returns the pack's analyzer time and the findings.
    /// </summary>
    public static (Sample Analyzer, int Findings) EditedDocument(Workload workload, AnalyzerSet set, SyntaxTree document, int repeat)
    {
        var times = new List<double>();
        var findings = 0;
        var target = workload.Trees.First(t => t.FilePath.EndsWith("Service.cs", StringComparison.Ordinal));
        for (var run = -1; run < repeat; run++)
        {
            var trees = workload.Trees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), Workload.ParseOptions, t.FilePath)).ToList();
            var open = trees[workload.Trees.IndexOf(document)];
            var first = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
            _ = Analyze(first, workload, set, open, out _);
            var old = trees[workload.Trees.IndexOf(target)];
            var text = old.GetText();
            var at = text.ToString().IndexOf("return", StringComparison.Ordinal);
            var second = first.ReplaceSyntaxTree(old, old.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, 0), " "))));
            var time = Analyze(second, workload, set, open, out findings);
            if (run >= 0)
            {
                times.Add(time);
            }
        }

        return (new Sample(times), findings);
    }

    /// <summary>The analyzers' own time (telemetry) for one document's semantic diagnostics, the IDE's document scope.</summary>
    internal static double Analyze(Compilation compilation, Workload workload, AnalyzerSet set, SyntaxTree document, out int findings)
    {
        // No declaration diagnostics first: CompilationWithAnalyzers analyzes a clone of the compilation, whose symbols are new.
        var options = new CompilationWithAnalyzersOptions(workload.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);
        Measurements.Settle();
        var withAnalyzers = new CompilationWithAnalyzers(compilation, set.Analyzers, options);
        findings = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(document), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult().Length;
        var total = 0.0;
        foreach (var analyzer in set.Analyzers)
        {
            total += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds;
        }

        return total;
    }

    public static string Format(Sample sample, int events) =>
        events > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sample.Median:F1} ({events} pipeline events)")
            : string.Create(CultureInfo.InvariantCulture, $"{sample.Median:F1}");

    private static double Time(Compilation compilation, Workload workload, CompilationFacts.SyntaxCache cache, out int events)
    {
        _ = compilation.GetDeclarationDiagnostics();
        Measurements.Settle();
        var watch = Stopwatch.StartNew();
        var shared = CompilationFacts.For(WellKnownTypes.GetOrCreate(compilation));
        shared.UseSyntaxCache(cache);
        var facts = shared.Get(compilation, workload.AnalyzerOptions, CancellationToken.None);
        watch.Stop();
        events = facts.PipelineEvents.Count;
        return watch.Elapsed.TotalMilliseconds;
    }
}
