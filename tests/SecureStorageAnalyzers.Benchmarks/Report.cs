using System.Globalization;
using System.Text;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>The Markdown report: peers side by side, our pack per rule, the IDE view, the no-ASP.NET case, the budgets.</summary>
internal static class Report
{
    /// <summary>The pack's share of the compiler's own time, at every scale.</summary>
    public const double CompilerShareBudget = 0.02;

    /// <summary>Analyzer time per line, largest scale against smallest.</summary>
    public const double FlatnessBudget = 0.25;

    /// <summary>
    /// Without ASP.NET Core only SSA0101 runs (workers and libraries write recordings too): the same share of compile
    /// time as everywhere.
    /// </summary>
    public const double NoAspNetShareBudget = CompilerShareBudget;

    public static (string Text, bool OursThrew) Write(Settings settings, IReadOnlyList<AnalyzerSet> sets, IReadOnlyList<ScaleResult> results, FixedCostResult fixedCost, NoAspNetResult? noAspNet)
    {
        var text = new StringBuilder();
        var ours = sets[0];
        var ourRules = sets[1];

        text.AppendLine("## Code bases");
        text.AppendLine();
        text.AppendLine("| Feature folders | Files | Lines | Largest document | Compiler warnings | Seeded findings (SSA0101/SSA0005/SSA0006) | Found by our pack |");
        text.AppendLine("|---:|---:|---:|---|---:|---|---|");
        foreach (var r in results)
        {
            var seeded = r.Workload.CodeBase.SeededFindings;
            var found = Run(r, ours).DiagnosticsById;
            text.AppendLine(Invariant($"| {r.Scale} | {r.Workload.CodeBase.Files.Count:N0} | {r.Workload.Lines:N0} | {Path.GetFileName(r.Workload.LargestTree.FilePath)} ({r.Workload.LargestTree.GetText().Lines.Count:N0} lines) | {r.CompilerWarnings} | {seeded[CodeBaseGenerator.Ssa0101]}/{seeded[CodeBaseGenerator.Ssa0005]}/{seeded[CodeBaseGenerator.Ssa0006]} | {ById(found)} |"));
        }

        text.AppendLine();
        text.AppendLine("## Analyzer time against the compiler's own work (whole compilation, medians)");
        text.AppendLine();
        text.AppendLine("Compiler = parse + declare + bind (`GetDiagnostics`), single-threaded. Analyzer = sum of the set's");
        text.AppendLine("`AnalyzerTelemetryInfo.ExecutionTime` (time inside its callbacks), `concurrentAnalysis: false`. Share = analyzer / compiler.");
        text.AppendLine();
        text.Append("| Feature folders | Lines | Compiler (ms) |");
        foreach (var set in sets)
        {
            text.Append(Invariant($" {set.Name} {set.Version} |"));
        }

        text.AppendLine();
        text.Append("|---:|---:|---:|");
        text.AppendLine(string.Concat(sets.Select(_ => "---:|")));
        foreach (var r in results)
        {
            text.Append(Invariant($"| {r.Scale} | {r.Workload.Lines:N0} | {r.CompilerMilliseconds.Median:N0} |"));
            foreach (var set in sets)
            {
                var run = Run(r, set);
                text.Append(Invariant($" {run.AnalyzerMilliseconds.Median:N1} ms ({Share(run, r):P2}) |"));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("The floor of being called: the no-op baseline's own analyzer time, one empty action on every invocation (the");
        text.AppendLine("driver creating the context, timing and calling it), is " + string.Join(", ", results.Select(r =>
            Invariant($"{r.Baseline.AnalyzerMilliseconds.Median:N1} ms ({r.Baseline.AnalyzerMilliseconds.Median / r.CompilerMilliseconds.Median:P2}) at {r.Scale}"))) +
            " feature folders. Every analyzer of a set that acts on invocations pays about that before doing anything.");

        text.AppendLine();
        text.AppendLine("## Per line, wall time and allocations (medians)");
        text.AppendLine();
        text.AppendLine("µs / 1k lines = analyzer time per 1,000 lines. Over baseline = the whole `CompilationWithAnalyzers` run minus the same run");
        text.AppendLine("with a no-op analyzer (one empty operation action: binding every method body and building its IOperation tree, as any");
        text.AppendLine("operation analyzer does), so it is what the set adds on top: its callbacks, the driver dispatching to them, its own data. Allocated = `GC.GetTotalAllocatedBytes(precise: true)` over the run, minus the baseline's.");
        text.AppendLine();
        text.AppendLine("| Feature folders | Analyzer set | µs / 1k lines | Wall (ms) | Wall over baseline (ms) | Allocated over baseline (MB) | Bytes / line | Diagnostics | Analyzers with actions | Analyzer exceptions |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Invariant($"| {r.Scale} | compiler alone (from source) | – | {r.CompilerMilliseconds.Median:N0} | – | {r.CompilerAllocatedBytes.Median / 1e6:N0} (total) | {r.CompilerAllocatedBytes.Median / r.Workload.Lines:N0} (total) | – | – | – |"));
            text.AppendLine(Invariant($"| {r.Scale} | no-op baseline | – | {r.Baseline.WallMilliseconds.Median:N0} | – | {r.Baseline.AllocatedBytes.Median / 1e6:N0} (total) | {r.Baseline.AllocatedBytes.Median / r.Workload.Lines:N0} (total) | – | – | – |"));
            foreach (var set in sets)
            {
                var run = Run(r, set);
                var extraBytes = run.AllocatedBytes.Median - r.Baseline.AllocatedBytes.Median;
                text.AppendLine(Invariant($"| {r.Scale} | {set.Name} | {PerThousandLines(run, r):N0} | {run.WallMilliseconds.Median:N0} | {run.WallMilliseconds.Median - r.Baseline.WallMilliseconds.Median:N0} | {extraBytes / 1e6:N1} | {extraBytes / r.Workload.Lines:N0} | {run.DiagnosticsById.Values.Sum():N0} | {run.AnalyzersWithActions}/{set.Analyzers.Length} | {run.Exceptions} |"));
            }
        }

        text.AppendLine();
        text.AppendLine("## Cross-check in CPU time (medians)");
        text.AppendLine();
        text.AppendLine("Process CPU time, which other processes on a shared machine do not inflate the way they inflate wall time. CPU over baseline =");
        text.AppendLine("the set's whole run minus the no-op baseline's run (so it includes the driver's work for the set); share = that / the compiler's CPU time.");
        text.AppendLine();
        text.Append("| Feature folders | Compiler CPU (ms) | No-op baseline CPU (ms) |");
        foreach (var set in sets)
        {
            text.Append(Invariant($" {set.Name}: CPU over baseline (ms, share) |"));
        }

        text.AppendLine();
        text.Append("|---:|---:|---:|");
        text.AppendLine(string.Concat(sets.Select(_ => "---:|")));
        foreach (var r in results)
        {
            text.Append(Invariant($"| {r.Scale} | {r.CompilerCpuMilliseconds.Median:N0} | {r.Baseline.CpuMilliseconds.Median:N0} |"));
            foreach (var set in sets)
            {
                var over = Run(r, set).CpuMilliseconds.Median - r.Baseline.CpuMilliseconds.Median;
                text.Append(Invariant($" {over:N0} ({over / r.CompilerCpuMilliseconds.Median:P1}) |"));
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("## Our pack, per rule (analyzer time in ms, share of compiler time)");
        text.AppendLine();
        text.AppendLine("Each rule as its own analyzer (the set \"one analyzer per rule\" above), so that the driver's telemetry times it apart. The");
        text.AppendLine("compiler loads the rules as one analyzer (`SecureStorageAnalyzer`), which looks at each call once: the sum below is");
        text.AppendLine("more than the pack's time by what each rule would pay to be called on every call and ask its type.");
        text.AppendLine();
        text.Append("| Analyzer | Ids | Actions registered |");
        foreach (var r in results)
        {
            text.Append(Invariant($" {r.Scale} folders |"));
        }

        var anyDocuments = results.Any(r => r.Documents.Count > 0);
        if (anyDocuments)
        {
            text.Append(Invariant($" IDE, largest document at {results[^1].Scale} |"));
        }

        if (noAspNet is not null)
        {
            text.Append(" No ASP.NET Core |");
        }

        text.AppendLine();
        text.Append("|---|---|---:|");
        text.AppendLine(string.Concat(results.Select(_ => "---:|")) + (anyDocuments ? "---:|" : string.Empty) + (noAspNet is not null ? "---:|" : string.Empty));
        var first = Run(results[0], ourRules);
        foreach (var cost in first.PerAnalyzer.OrderBy(c => c.Ids, StringComparer.Ordinal))
        {
            text.Append(Invariant($"| {cost.Name} | {cost.Ids} | {cost.RegisteredActions} |"));
            foreach (var r in results)
            {
                var same = Run(r, ourRules).PerAnalyzer.First(c => c.Name == cost.Name);
                text.Append(Invariant($" {same.Milliseconds.Median:N1} ({same.Milliseconds.Median / r.CompilerMilliseconds.Median:P2}) |"));
            }

            if (anyDocuments)
            {
                var document = results[^1].Documents.First(d => d.Set == ourRules).PerAnalyzer.First(c => c.Name == cost.Name);
                text.Append(Invariant($" {document.Milliseconds.Median:N2} |"));
            }

            if (noAspNet is not null)
            {
                var library = noAspNet.OursPerRule.PerAnalyzer.First(c => c.Name == cost.Name);
                text.Append(Invariant($" {library.Milliseconds.Median:N2} ({library.RegisteredActions} actions) |"));
            }

            text.AppendLine();
        }

        if (anyDocuments)
        {
            text.AppendLine();
            text.AppendLine("## IDE view: the largest single document (semantic analysis of one tree, medians)");
            text.AppendLine();
            text.AppendLine("`GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null)` on a compilation whose declarations are complete; compiler = the");
            text.AppendLine("document's own semantic diagnostics (binding its method bodies). Analyzer = telemetry execution time; wall includes the driver binding the document.");
            text.AppendLine();
            text.Append("| Feature folders | Document | Compiler (ms) |");
            foreach (var set in sets)
            {
                text.Append(Invariant($" {set.Name}: analyzer / wall (ms) |"));
            }

            text.AppendLine();
            text.Append("|---:|---|---:|");
            text.AppendLine(string.Concat(sets.Select(_ => "---:|")));
            foreach (var r in results.Where(r => r.Documents.Count > 0))
            {
                text.Append(Invariant($"| {r.Scale} | {Path.GetFileName(r.Workload.LargestTree.FilePath)} ({r.Workload.LargestTree.GetText().Lines.Count:N0} lines) | {r.DocumentCompiler!.Median:N1} |"));
                foreach (var document in r.Documents)
                {
                    text.Append(Invariant($" {document.AnalyzerMilliseconds.Median:N1} / {document.WallMilliseconds.Median:N0} |"));
                }

                text.AppendLine();
            }
        }

        text.AppendLine();
        text.AppendLine("## Fixed cost per compilation: a web app of one Program.cs (medians)");
        text.AppendLine();
        text.AppendLine("What the pack costs before it sees any code: its compilation-start actions (resolving the framework types it needs).");
        text.AppendLine("A build pays it once; an IDE pays it for every new compilation, that is after edits.");
        text.AppendLine();
        text.AppendLine("| Lines | Compiler (ms) | Our pack (ms) | Per analyzer (ms) | Compiler CPU (ms) | Our pack: CPU over no-op baseline (ms) |");
        text.AppendLine("|---:|---:|---:|---|---:|---:|");
        text.AppendLine(Invariant($"| {fixedCost.Workload.Lines} | {fixedCost.CompilerMilliseconds.Median:N1} | {fixedCost.Ours.AnalyzerMilliseconds.Median:N1} | {string.Join(", ", fixedCost.Ours.PerAnalyzer.Select(c => $"{c.Ids} {c.Milliseconds.Median:N1}"))} | {fixedCost.CompilerCpuMilliseconds.Median:N0} | {fixedCost.Ours.CpuMilliseconds.Median - fixedCost.Baseline.CpuMilliseconds.Median:N0} |"));

        if (noAspNet is not null)
        {
            var run = noAspNet.Ours;
            text.AppendLine();
            text.AppendLine("## Without ASP.NET Core (class library, Microsoft.NETCore.App references only)");
            text.AppendLine();
            text.AppendLine("The whole `CompilationWithAnalyzers` run with our pack is compared with the no-op baseline's: a pack that registers nothing");
            text.AppendLine("lets the driver skip binding method bodies, so its run is cheaper than the baseline's, which asks for every operation.");
            text.AppendLine();
            text.AppendLine("| Feature folders | Files | Lines | Compiler (ms) | Our pack (ms) | Share | Wall, our pack / no-op baseline (ms) | Allocated, our pack / no-op baseline (MB) | Compilation-start actions | Other actions registered | Diagnostics |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            text.AppendLine(Invariant($"| {noAspNet.Scale} | {noAspNet.Workload.CodeBase.Files.Count:N0} | {noAspNet.Workload.Lines:N0} | {noAspNet.CompilerMilliseconds.Median:N0} | {run.AnalyzerMilliseconds.Median:N2} | {run.AnalyzerMilliseconds.Median / noAspNet.CompilerMilliseconds.Median:P3} | {run.WallMilliseconds.Median:N0} / {noAspNet.Baseline.WallMilliseconds.Median:N0} | {run.AllocatedBytes.Median / 1e6:N0} / {noAspNet.Baseline.AllocatedBytes.Median / 1e6:N0} | {run.PerAnalyzer.Sum(c => c.StartActions)} | {run.RegisteredActions} | {run.DiagnosticsById.Values.Sum()} |"));
        }

        // Budgets.
        text.AppendLine();
        text.AppendLine("## Budgets (our pack)");
        text.AppendLine();
        var oursThrew = results.Any(r => Run(r, ours).Exceptions > 0 || Run(r, ourRules).Exceptions > 0) ||
                        (noAspNet?.Ours.Exceptions ?? 0) > 0 || (noAspNet?.OursPerRule.Exceptions ?? 0) > 0;
        foreach (var r in results)
        {
            var share = Share(Run(r, ours), r);
            text.AppendLine(Invariant($"- {Verdict(share <= CompilerShareBudget)} ≤ {CompilerShareBudget:P0} of compiler time at {r.Scale} feature folders: {share:P2}"));
        }

        if (results.Count >= 2)
        {
            var small = PerThousandLines(Run(results[0], ours), results[0]);
            var large = PerThousandLines(Run(results[^1], ours), results[^1]);
            var change = large / small - 1;
            text.AppendLine(Invariant($"- {Verdict(Math.Abs(change) <= FlatnessBudget)} flat per line within ±{FlatnessBudget:P0} from {results[0].Scale} to {results[^1].Scale} feature folders: {small:N0} → {large:N0} µs / 1k lines ({change:+0.0%;-0.0%})"));
            var fixedMs = fixedCost.Ours.AnalyzerMilliseconds.Median;
            var smallNet = (Run(results[0], ours).AnalyzerMilliseconds.Median - fixedMs) * 1e6 / results[0].Workload.Lines;
            var largeNet = (Run(results[^1], ours).AnalyzerMilliseconds.Median - fixedMs) * 1e6 / results[^1].Workload.Lines;
            text.AppendLine(Invariant($"  - the same without the fixed cost per compilation ({fixedMs:N1} ms, see above): {smallNet:N0} → {largeNet:N0} µs / 1k lines ({largeNet / smallNet - 1:+0.0%;-0.0%}); a fall means the fixed cost dominates small code bases, a rise would mean work that grows faster than the code"));
        }
        else
        {
            text.AppendLine("- n/a flat per line: needs at least two scales");
        }

        if (noAspNet is not null)
        {
            var run = noAspNet.Ours;
            var share = run.AnalyzerMilliseconds.Median / noAspNet.CompilerMilliseconds.Median;
            var holds = share <= NoAspNetShareBudget;
            text.AppendLine(Invariant($"- {Verdict(holds)} without ASP.NET Core (SSA0101 alone): {run.RegisteredActions} actions registered beyond compilation start, {run.AnalyzerMilliseconds.Median:N2} ms = {share:P3} of compile time (budget: ≤ {NoAspNetShareBudget:P1})"));
        }
        else
        {
            text.AppendLine("- n/a without ASP.NET Core: skipped (--no-noaspnet)");
        }

        text.AppendLine(Invariant($"- {Verdict(!oursThrew)} no analyzer exception in our pack"));
        foreach (var r in results)
        {
            foreach (var run in r.Runs.Where(x => x.Exceptions > 0))
            {
                text.AppendLine(Invariant($"  - {run.Set.Name} at {r.Scale}: {run.Exceptions} exceptions, e.g. {string.Join(" | ", run.ExceptionSamples)}"));
            }
        }

        return (text.ToString(), oursThrew);
    }

    private static SetRun Run(ScaleResult result, AnalyzerSet set) => result.Runs.First(r => r.Set == set);

    private static double Share(SetRun run, ScaleResult result) => run.AnalyzerMilliseconds.Median / result.CompilerMilliseconds.Median;

    private static double PerThousandLines(SetRun run, ScaleResult result) => run.AnalyzerMilliseconds.Median * 1000.0 / result.Workload.Lines * 1000.0;

    private static string Verdict(bool holds) => holds ? "PASS" : "FAIL";

    private static string ById(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
