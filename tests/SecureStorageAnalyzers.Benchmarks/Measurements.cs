using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>The median and the spread of repeated runs.</summary>
public sealed record Sample(IReadOnlyList<double> Values)
{
    public double Median
    {
        get
        {
            var sorted = Values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Values.Count == 0 ? double.NaN : Values.Min();

    public double Max => Values.Count == 0 ? double.NaN : Values.Max();
}

/// <summary>What one analyzer (one rule class, for our pack) cost and registered, median over the runs.</summary>
public sealed record AnalyzerCost(string Name, string Ids, Sample Milliseconds, int RegisteredActions, int StartActions);

/// <summary>One analyzer set on one code base, whole compilation, medians over the runs.</summary>
public sealed record SetRun(
    AnalyzerSet Set,
    Sample AnalyzerMilliseconds,
    Sample WallMilliseconds,
    Sample CpuMilliseconds,
    Sample AllocatedBytes,
    IReadOnlyList<AnalyzerCost> PerAnalyzer,
    IReadOnlyDictionary<string, int> DiagnosticsById,
    int Exceptions,
    IReadOnlyList<string> ExceptionSamples)
{
    public int AnalyzersWithActions => PerAnalyzer.Count(a => a.RegisteredActions > 0);

    /// <summary>Single runs of one set, measured apart (interleaved with other sets), as one result.</summary>
    public static SetRun Merge(IReadOnlyList<SetRun> runs)
    {
        var last = runs[^1];
        static Sample All(IEnumerable<Sample> samples) => new(samples.SelectMany(s => s.Values).ToList());
        var perAnalyzer = last.PerAnalyzer
            .Select((cost, i) => cost with { Milliseconds = All(runs.Select(r => r.PerAnalyzer[i].Milliseconds)) })
            .ToList();
        return new SetRun(
            last.Set,
            All(runs.Select(r => r.AnalyzerMilliseconds)),
            All(runs.Select(r => r.WallMilliseconds)),
            All(runs.Select(r => r.CpuMilliseconds)),
            All(runs.Select(r => r.AllocatedBytes)),
            perAnalyzer,
            last.DiagnosticsById,
            runs.Max(r => r.Exceptions),
            runs.SelectMany(r => r.ExceptionSamples).Take(5).ToList());
    }

    public int RegisteredActions => PerAnalyzer.Sum(a => a.RegisteredActions);
}

/// <summary>The IDE view: one document's semantic analysis.</summary>
public sealed record DocumentRun(AnalyzerSet Set, Sample AnalyzerMilliseconds, Sample WallMilliseconds, IReadOnlyList<AnalyzerCost> PerAnalyzer, int Diagnostics, int Exceptions);

/// <summary>Runs the compiler and the analyzer sets over a <see cref="Workload"/>, warm-up first, then N timed runs.</summary>
public static class Measurements
{
    /// <summary>The compiler's own work: parse, declare, bind, from source (median of N after a warm-up).</summary>
    public static (Sample Milliseconds, Sample CpuMilliseconds, Sample AllocatedBytes, int Errors, int Warnings, string? FirstError) Compiler(Workload workload, int repeat, bool warmUp)
    {
        var times = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        ImmutableArray<Diagnostic> diagnostics = default;
        for (var run = warmUp ? -1 : 0; run < repeat; run++)
        {
            Settle();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var processor = ProcessorTime();
            var watch = Stopwatch.StartNew();
            diagnostics = workload.CompileFromSource();
            watch.Stop();
            processor = ProcessorTime() - processor;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(processor);
                bytes.Add(allocated);
            }
        }

        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        return (new Sample(times), new Sample(cpu), new Sample(bytes), errors.Count, warnings, errors.FirstOrDefault()?.ToString());
    }

    /// <summary>
    /// One analyzer set over a fresh compilation, run after run: <c>CompilationWithAnalyzers</c> with execution-time
    /// logging, not concurrent; analyzer time is the sum of <see cref="AnalyzerTelemetryInfo.ExecutionTime"/> (time spent
    /// inside the set's callbacks), wall time and allocations cover the whole run (binding and the driver included).
    /// </summary>
    public static async Task<SetRun> Set(Workload workload, AnalyzerSet set, int repeat, bool warmUp)
    {
        var analyzerTimes = new List<double>();
        var wallTimes = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        var perAnalyzer = set.Analyzers.ToDictionary(a => a, _ => new List<double>());
        var actions = new Dictionary<DiagnosticAnalyzer, (int Registered, int Start)>();
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var exceptions = 0;
        var samples = new List<string>();
        for (var run = warmUp ? -1 : 0; run < repeat; run++)
        {
            var compilation = workload.NewCompilation();
            BindReferences(compilation);
            var runExceptions = 0;
            var options = new CompilationWithAnalyzersOptions(
                workload.AnalyzerOptions,
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    Interlocked.Increment(ref runExceptions);
                    lock (samples)
                    {
                        if (samples.Count < 5)
                        {
                            var at = exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "?";
                            samples.Add($"{SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer.NameOf(analyzer)}: {exception.GetType().Name}: {exception.Message} {at}");
                        }
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            Settle();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var processor = ProcessorTime();
            var watch = Stopwatch.StartNew();
            var withAnalyzers = new CompilationWithAnalyzers(compilation, set.Analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            watch.Stop();
            processor = ProcessorTime() - processor;
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

            var total = 0.0;
            foreach (var analyzer in set.Analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
                var ms = telemetry.ExecutionTime.TotalMilliseconds;
                total += ms;
                if (run >= 0)
                {
                    perAnalyzer[analyzer].Add(ms);
                }

                actions[analyzer] = (RegisteredActions(telemetry), telemetry.CompilationStartActionsCount);
            }

            exceptions = Math.Max(exceptions, runExceptions);
            if (run >= 0)
            {
                analyzerTimes.Add(total);
                wallTimes.Add(watch.Elapsed.TotalMilliseconds);
                cpu.Add(processor);
                bytes.Add(allocated);
            }

            byId.Clear();
            foreach (var diagnostic in diagnostics)
            {
                byId[diagnostic.Id] = byId.TryGetValue(diagnostic.Id, out var count) ? count + 1 : 1;
            }
        }

        var costs = set.Analyzers
            .Select(a => new AnalyzerCost(
                SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer.NameOf(a),
                string.Join(",", a.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal)),
                new Sample(perAnalyzer[a]),
                actions.TryGetValue(a, out var counted) ? counted.Registered : 0,
                actions.TryGetValue(a, out counted) ? counted.Start : 0))
            .ToList();
        return new SetRun(set, new Sample(analyzerTimes), new Sample(wallTimes), new Sample(cpu), new Sample(bytes), costs, new Dictionary<string, int>(byId), exceptions, samples);
    }

    /// <summary>
    /// The IDE view: semantic-model, syntax-node and operation actions for one document
    /// (<see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, Microsoft.CodeAnalysis.Text.TextSpan?, CancellationToken)"/>),
    /// on a compilation whose declarations are already complete, as in an open solution. A fresh compilation each run, so
    /// no bound method body is reused from the run before. The document is the largest one unless another is given.
    /// </summary>
    public static async Task<DocumentRun> Document(Workload workload, AnalyzerSet set, int repeat, bool warmUp, SyntaxTree? document = null)
    {
        var analyzerTimes = new List<double>();
        var wallTimes = new List<double>();
        var perAnalyzer = set.Analyzers.ToDictionary(a => a, _ => new List<double>());
        var count = 0;
        var exceptions = 0;
        for (var run = warmUp ? -1 : 0; run < repeat; run++)
        {
            var compilation = workload.NewCompilation();
            _ = compilation.GetDeclarationDiagnostics();
            var runExceptions = 0;
            var options = new CompilationWithAnalyzersOptions(
                workload.AnalyzerOptions,
                onAnalyzerException: (_, _, _) => Interlocked.Increment(ref runExceptions),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false);
            Settle();
            var watch = Stopwatch.StartNew();
            var withAnalyzers = new CompilationWithAnalyzers(compilation, set.Analyzers, options);
            var model = compilation.GetSemanticModel(document ?? workload.LargestTree);
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).ConfigureAwait(false);
            watch.Stop();
            var total = 0.0;
            foreach (var analyzer in set.Analyzers)
            {
                var ms = (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                total += ms;
                if (run >= 0)
                {
                    perAnalyzer[analyzer].Add(ms);
                }
            }

            exceptions = Math.Max(exceptions, runExceptions);
            count = diagnostics.Length;
            if (run >= 0)
            {
                analyzerTimes.Add(total);
                wallTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var costs = set.Analyzers.Select(a => new AnalyzerCost(SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer.NameOf(a), string.Empty, new Sample(perAnalyzer[a]), 0, 0)).ToList();
        return new DocumentRun(set, new Sample(analyzerTimes), new Sample(wallTimes), costs, count, exceptions);
    }

    /// <summary>The compiler binding the same document (its semantic diagnostics), declarations already complete.</summary>
    public static Sample DocumentCompiler(Workload workload, int repeat, bool warmUp)
    {
        var times = new List<double>();
        for (var run = warmUp ? -1 : 0; run < repeat; run++)
        {
            var compilation = workload.NewCompilation();
            _ = compilation.GetDeclarationDiagnostics();
            Settle();
            var watch = Stopwatch.StartNew();
            _ = compilation.GetSemanticModel(workload.LargestTree).GetDiagnostics();
            watch.Stop();
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return new Sample(times);
    }

    /// <summary>
    /// Binds the compilation's references (assembly identities, the symbols of ~190 reference assemblies) before the
    /// clock starts. It is the compiler's own work, done once per compilation whatever runs next; left in, it is charged
    /// to whichever analyzer first asks for a type (tens of milliseconds to the first rule of our pack). The analyzer
    /// driver's copy of the compilation shares the bound references.
    /// </summary>
    private static void BindReferences(Compilation compilation)
    {
        _ = compilation.GetSpecialType(SpecialType.System_Object);
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
    }

    /// <summary>Every action an analyzer registered, compilation-start actions excepted.</summary>
    private static int RegisteredActions(AnalyzerTelemetryInfo t) =>
        t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount +
        t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount +
        t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount +
        t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount +
        t.SuppressionActionsCount;

    /// <summary>
    /// CPU time of this process in milliseconds: unlike wall time, it does not grow while other processes hold the cores
    /// (the machine is shared), so it cross-checks the wall-clock figures.
    /// </summary>
    private static double ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    internal static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
