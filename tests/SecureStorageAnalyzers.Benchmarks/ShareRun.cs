using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// <c>-- share [scale] [runs] [cloud] [fixed] [warmup=N]</c>: the pack's share of the compiler's time as a build pays it. Each
/// round compiles the same generated code base from its source text (fresh trees, so nothing of an earlier round is
/// reused) in the same warm process, four ways, the order rotated round by round:
/// <list type="bullet">
/// <item><b>compiler</b>: parse, declare, bind and report the compiler's diagnostics (<c>GetDiagnostics</c>);</item>
/// <item><b>pack</b>: the same through <c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c> with the pack, no telemetry;</item>
/// <item><b>no-op</b>: the same with one analyzer that registers an empty operation action (the driver's binding and
/// operation trees that any operation analyzer, the SDK's CA rules among them, already makes a build pay for);</item>
/// <item><b>telemetry</b>: the pack's analyzers alone (<c>GetAnalyzerDiagnosticsAsync</c>, no compiler diagnostics) with
/// <c>logAnalyzerExecutionTime</c>, for the driver's own account of the time inside the pack's callbacks (its stopwatch per
/// callback is not in the other arms; on the <c>GetAllDiagnosticsAsync</c> path the driver records no times).</item>
/// </list>
/// The share is the per-round difference pack − compiler over compiler, in wall time and in process CPU time;
/// median and spread over the rounds. Emit is left out of the compiler's time, so the share is an upper bound of what a
/// build (which also emits) sees.
/// </summary>
internal static class ShareRun
{
    private enum Arm
    {
        Compiler,
        Pack,
        NoOp,
        Telemetry,
    }

    private sealed record Measured(double Wall, double Cpu, double Allocated, double Telemetry, IReadOnlyDictionary<string, int> Findings, int Exceptions);

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var cloud = args.Contains("cloud");
        var oneFile = args.Contains("fixed");
        var warmUps = args.FirstOrDefault(a => a.StartsWith("warmup=", StringComparison.Ordinal)) is { } w
            ? int.Parse(w.Substring("warmup=".Length), CultureInfo.InvariantCulture)
            : 2;
        var webApp = CodeBaseGenerator.GenerateWebApp(oneFile ? 2 : scale);
        if (oneFile)
        {
            webApp = webApp with { Files = webApp.Files.Where(f => f.Path is "GlobalUsings.cs" or "Program.cs").ToList() };
        }

        var workload = cloud ? new Workload(webApp, CloudWorkload.References) : new Workload(webApp);
        var pack = AnalyzerSet.OurPack().Analyzers;
        var noOp = NoOpAnalyzer.Set.Analyzers;
        var arms = new[] { Arm.Compiler, Arm.Pack, Arm.NoOp, Arm.Telemetry };
        var results = arms.ToDictionary(a => a, _ => new List<Measured>());

        // Warm-up: every arm twice unless warmup=N says otherwise (JIT tiering of the compiler, the driver and the pack;
        // metadata of the references).
        for (var warm = 0; warm < warmUps; warm++)
        {
            foreach (var arm in arms)
            {
                _ = await MeasureAsync(workload, arm, pack, noOp).ConfigureAwait(false);
            }
        }

        for (var round = 0; round < runs; round++)
        {
            // Rotate the order so that no arm always follows the same one (heap state, tiering, a slow minute).
            for (var i = 0; i < arms.Length; i++)
            {
                var arm = arms[(i + round) % arms.Length];
                results[arm].Add(await MeasureAsync(workload, arm, pack, noOp).ConfigureAwait(false));
            }

            Console.Error.WriteLine($"round {round + 1}/{runs}: compiler {results[Arm.Compiler][^1].Cpu:F0} ms cpu, pack {results[Arm.Pack][^1].Cpu:F0} ms cpu, load {LoadAverage()}");
        }

        var compiler = results[Arm.Compiler];
        var withPack = results[Arm.Pack];
        var withNoOp = results[Arm.NoOp];
        var telemetry = results[Arm.Telemetry];
        var text = new StringBuilder();
        text.AppendLine($"{(oneFile ? "one Program.cs" : $"scale {scale}")}{(cloud ? " +cloud SDKs" : string.Empty)}: {workload.CodeBase.Files.Count} files, {workload.Lines:N0} lines; {runs} rounds; load at end {LoadAverage()}");
        text.AppendLine($"  findings (pack) {Findings(withPack[^1])}; (telemetry arm) {Findings(telemetry[^1])}; exceptions {withPack.Max(m => m.Exceptions)}");
        text.AppendLine("  arm          wall median [min-max] ms         cpu median [min-max] ms          allocated MB");
        foreach (var arm in arms)
        {
            var list = results[arm];
            text.AppendLine($"  {arm,-10} {Summary(list.Select(m => m.Wall)),-32} {Summary(list.Select(m => m.Cpu)),-32} {Median(list.Select(m => m.Allocated)) / 1e6,8:F1}");
        }

        Differences(text, "pack - compiler", withPack, compiler, compiler);
        Differences(text, "pack - no-op", withPack, withNoOp, compiler);
        Differences(text, "no-op - compiler", withNoOp, compiler, compiler);
        var telemetryShare = telemetry.Select((m, i) => m.Telemetry / compiler[i].Wall).ToList();
        text.AppendLine($"  telemetry (time inside the pack's callbacks): {Summary(telemetry.Select(m => m.Telemetry))} ms; / compiler wall {Percent(telemetryShare)}");
        text.AppendLine($"  allocated, pack - compiler: {Median(withPack.Select((m, i) => m.Allocated - compiler[i].Allocated)) / 1e6:F1} MB; pack - no-op: {Median(withPack.Select((m, i) => m.Allocated - withNoOp[i].Allocated)) / 1e6:F1} MB");
        Console.Write(text.ToString());
        return withPack.Any(m => m.Exceptions > 0) ? 1 : 0;
    }

    private static void Differences(StringBuilder text, string name, List<Measured> a, List<Measured> b, List<Measured> compiler)
    {
        var wall = a.Select((m, i) => m.Wall - b[i].Wall).ToList();
        var cpu = a.Select((m, i) => m.Cpu - b[i].Cpu).ToList();
        var wallShare = wall.Select((d, i) => d / compiler[i].Wall).ToList();
        var cpuShare = cpu.Select((d, i) => d / compiler[i].Cpu).ToList();
        text.AppendLine($"  {name,-17} wall {Summary(wall)} ms = {Percent(wallShare)}; cpu {Summary(cpu)} ms = {Percent(cpuShare)}");
    }

    private static async Task<Measured> MeasureAsync(Workload workload, Arm arm, ImmutableArray<DiagnosticAnalyzer> pack, ImmutableArray<DiagnosticAnalyzer> noOp)
    {
        Measurements.Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var processor = ProcessorTime();
        var watch = Stopwatch.StartNew();
        var trees = workload.ParseFromSource();
        var compilation = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
        var exceptions = 0;
        IReadOnlyDictionary<string, int> findings = new Dictionary<string, int>();
        double inside = 0;
        if (arm == Arm.Compiler)
        {
            _ = compilation.GetDiagnostics();
            watch.Stop();
        }
        else
        {
            var analyzers = arm == Arm.NoOp ? noOp : pack;
            var options = new CompilationWithAnalyzersOptions(
                workload.AnalyzerOptions,
                onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: arm == Arm.Telemetry,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = new CompilationWithAnalyzers(compilation, analyzers, options);
            // The driver keeps no execution times on the GetAllDiagnosticsAsync path (they read 0): the telemetry arm runs
            // the analyzers alone, as the full report and `profile` do, and only its callback time is read from it.
            var diagnostics = arm == Arm.Telemetry
                ? await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)
                : await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);
            watch.Stop();
            findings = diagnostics.Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal))
                .GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
            if (arm == Arm.Telemetry)
            {
                foreach (var analyzer in analyzers)
                {
                    inside += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
                }
            }
        }

        var cpu = ProcessorTime() - processor;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        return new Measured(watch.Elapsed.TotalMilliseconds, cpu, bytes, inside, findings, exceptions);
    }

    private static string Findings(Measured m) =>
        m.Findings.Count == 0 ? "none" : string.Join(", ", m.Findings.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

    private static string Summary(IEnumerable<double> values)
    {
        var list = values.ToList();
        return $"{Median(list),7:F1} [{list.Min():F1}-{list.Max():F1}]";
    }

    private static string Percent(IReadOnlyList<double> shares)
    {
        var sorted = shares.OrderBy(v => v).ToList();
        var q1 = sorted[sorted.Count / 4];
        var q3 = sorted[(3 * sorted.Count) / 4 < sorted.Count ? (3 * sorted.Count) / 4 : sorted.Count - 1];
        return $"{Median(sorted):P2} (quartiles {q1:P2}-{q3:P2})";
    }

    private static double Median(IEnumerable<double> values) => new Sample(values.ToList()).Median;

    private static double ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
