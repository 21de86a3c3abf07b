#pragma warning disable RS1001 // Missing diagnostic analyzer attribute: the benchmark's pack without the cloud rules is never exported.

using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// <c>-- instructions [scale] [rounds] [cloud] [fixed] [warmup=N] [arms=…] [nogc=MiB | gc]</c>: the pack's share of the compiler's work
/// counted in instructions, not timed, so that the other processes on the machine do not move it. Run under callgrind
/// by <c>valgrind/instructions.sh</c>: each arm of each round is bracketed by callgrind client requests (zero the
/// counters, then dump them; <c>valgrind/markers.c</c>), and the instructions of the whole process between the two
/// (every thread, the garbage collector, the JIT if it still compiles) are read back from the dump. Each arm runs in a
/// no-GC region (<c>GC.TryStartNoGCRegion</c>, entered and left outside the count), so no collection falls in it: the
/// totals then repeat round to round and process to process; <c>gc</c> counts the collections as they fall instead.
/// The arms are those of <see cref="ShareRun"/> (the same code base parsed from its text each time, one warm process,
/// the order rotated round by round), without the telemetry arm, plus the pack without its three cloud rules:
/// <list type="bullet">
/// <item><b>compiler</b>: parse, declare, bind, the compiler's diagnostics;</item>
/// <item><b>pack</b>: the same through <c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c> with the pack as the compiler
/// loads it;</item>
/// <item><b>no-op</b>: the same with one analyzer that registers an empty operation action;</item>
/// <item><b>no-cloud</b>: the pack without SSA0007, SSA0008 and SSA0010 (what the cloud rules add is pack − no-cloud).</item>
/// </list>
/// </summary>
internal static class InstructionRun
{
    private static readonly string[] AllArms = ["compiler", "pack", "no-op", "no-cloud"];

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var cloud = args.Contains("cloud");
        var oneFile = args.Contains("fixed");
        var warmUps = Option(args, "warmup") is { } w ? int.Parse(w, CultureInfo.InvariantCulture) : 2;
        var arms = Option(args, "arms") is { } a ? a.Split(',') : AllArms;

        // Each counted arm runs inside a no-GC region of this many bytes (nogc=MiB, default 3072; gc: count the
        // collections as they fall): a collection's cost depends on when the allocation budget, which the GC tunes
        // from round to round, happens to run out, not on the arm's code (docs/performance.md, "The collections").
        var noGcBytes = args.Contains("gc") ? 0L : (Option(args, "nogc") is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : 3072L) << 20;
        if (arms.Except(AllArms).FirstOrDefault() is { } unknown)
        {
            Console.Error.WriteLine($"unknown arm {unknown}; arms are {string.Join(",", AllArms)}");
            return 2;
        }

        var markers = Markers.Load();
        if (markers is null)
        {
            return 2;
        }

        var webApp = CodeBaseGenerator.GenerateWebApp(oneFile ? 2 : scale);
        if (oneFile)
        {
            webApp = webApp with { Files = webApp.Files.Where(f => f.Path is "GlobalUsings.cs" or "Program.cs").ToList() };
        }

        var workload = cloud ? new Workload(webApp, CloudWorkload.References) : new Workload(webApp);
        var analyzers = new Dictionary<string, ImmutableArray<DiagnosticAnalyzer>>
        {
            ["pack"] = AnalyzerSet.OurPack().Analyzers,
            ["no-op"] = NoOpAnalyzer.Set.Analyzers,
            ["no-cloud"] = AnalyzerSet.OurPack().Analyzers
                .Select(analyzer => analyzer is SecureStorageAnalyzer ? new PackWithoutCloudRules() : analyzer)
                .ToImmutableArray(),
        };
        Console.Error.WriteLine($"instructions: {workload.CodeBase.Files.Count} files, {workload.Lines:N0} lines; server GC {System.Runtime.GCSettings.IsServerGC}; " +
                                $"on valgrind {markers.OnValgrind}; arms {string.Join(",", arms)}; {warmUps} warm-up and {rounds} counted rounds; " +
                                (noGcBytes > 0 ? $"each arm in a no-GC region of {noGcBytes >> 20} MiB" : "collections counted as they fall"));

        var counts = arms.ToDictionary(arm => arm, _ => new List<long>());
        var findings = arms.ToDictionary(arm => arm, _ => string.Empty);
        var heaps = arms.ToDictionary(arm => arm, _ => new List<string>());
        for (var round = -warmUps; round < rounds; round++)
        {
            for (var i = 0; i < arms.Length; i++)
            {
                var arm = arms[(i + Math.Max(round, 0)) % arms.Length];
                var (instructions, found, heap) = await MeasureAsync(workload, arm, analyzers, markers, round < 0 ? null : $"round{round + 1}-{arm}", noGcBytes).ConfigureAwait(false);
                findings[arm] = found;
                if (round >= 0)
                {
                    counts[arm].Add(instructions);
                    heaps[arm].Add(heap);
                }

                Console.Error.WriteLine($"{(round < 0 ? "warm-up" : $"round {round + 1}/{rounds}")} {arm}: {(round < 0 ? "not counted" : $"{instructions / 1e6:F1} M instructions")}; {heap}; load {LoadAverage()}");
            }
        }

        var text = new StringBuilder();
        text.AppendLine($"{(oneFile ? "one Program.cs" : $"scale {scale}")}{(cloud ? " +cloud SDKs" : string.Empty)}: {workload.CodeBase.Files.Count} files, {workload.Lines:N0} lines; " +
                        $"{warmUps} warm-up + {rounds} counted rounds; server GC {System.Runtime.GCSettings.IsServerGC}; on valgrind {markers.OnValgrind}; " +
                        (noGcBytes > 0 ? $"each arm in a no-GC region of {noGcBytes >> 20} MiB" : "collections counted as they fall"));
        foreach (var arm in arms.Where(a => a != "compiler"))
        {
            text.AppendLine($"  findings ({arm}): {findings[arm]}");
        }

        foreach (var arm in arms)
        {
            text.AppendLine($"  heap ({arm}): {string.Join("; ", heaps[arm])}");
        }

        text.AppendLine("  arm        instructions per round (M)                     median (M)   spread");
        foreach (var arm in arms)
        {
            var list = counts[arm];
            var median = Median(list);
            text.AppendLine($"  {arm,-9}  {string.Join(" ", list.Select(v => (v / 1e6).ToString("F1", CultureInfo.InvariantCulture))),-46} {median / 1e6,10:F1}   {(list.Max() - list.Min()) / median:P2}");
        }

        if (counts.ContainsKey("compiler"))
        {
            var compiler = counts["compiler"];
            foreach (var (minuend, subtrahend) in new[] { ("pack", "compiler"), ("no-op", "compiler"), ("pack", "no-op"), ("no-cloud", "no-op"), ("pack", "no-cloud") })
            {
                if (counts.TryGetValue(minuend, out var a1) && counts.TryGetValue(subtrahend, out var b1))
                {
                    var differences = a1.Select((v, i) => (double)(v - b1[i])).ToList();
                    var shares = differences.Select((d, i) => d / compiler[i]).ToList();
                    text.AppendLine($"  {minuend + " - " + subtrahend,-20} {Median(differences) / 1e6,10:F1} M = {Median(shares):P2} of the compiler (rounds {string.Join(" ", shares.Select(s => s.ToString("P2", CultureInfo.InvariantCulture)))})");
                }
            }
        }

        Console.Write(text.ToString());
        return 0;
    }

    private static async Task<(long Instructions, string Findings, string Heap)> MeasureAsync(
        Workload workload, string arm, Dictionary<string, ImmutableArray<DiagnosticAnalyzer>> analyzers, Markers markers, string? reason, long noGcBytes)
    {
        Measurements.Settle();
        ImmutableArray<Diagnostic> diagnostics;
        var exceptions = 0;

        // The region is entered (a full collection, then the GC takes the memory for noGcBytes of allocations) before
        // the counters are zeroed, and left after they are dumped: the arm itself then counts no collection, only the
        // clearing of the memory it allocates, which depends on its bytes alone. The warm-up rounds run the same way.
        var noGc = noGcBytes > 0 && GC.TryStartNoGCRegion(noGcBytes);
        var collections = GC.CollectionCount(0);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        if (reason is not null)
        {
            markers.Zero();
        }

        var trees = workload.ParseFromSource();
        var compilation = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
        if (arm == "compiler")
        {
            diagnostics = compilation.GetDiagnostics();
        }
        else
        {
            var options = new CompilationWithAnalyzersOptions(
                workload.AnalyzerOptions,
                onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            diagnostics = await new CompilationWithAnalyzers(compilation, analyzers[arm], options).GetAllDiagnosticsAsync().ConfigureAwait(false);
        }

        var instructions = reason is null ? 0 : markers.Dump(reason);
        collections = GC.CollectionCount(0) - collections;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var stillNoGc = noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion;
        if (stillNoGc)
        {
            GC.EndNoGCRegion();
        }

        var heap = $"{allocated / 1e6:F1} MB allocated, {collections} collections" +
                   (noGcBytes == 0 ? string.Empty : noGc ? (stillNoGc ? " (no-GC region)" : " (no-GC region ended by a collection: enlarge nogc=)") : " (no-GC region refused)");
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var found = diagnostics.Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal))
            .GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        return (instructions, $"{string.Join(", ", found.DefaultIfEmpty("none"))}; compiler errors {errors}; analyzer exceptions {exceptions}", heap);
    }

    private static string? Option(string[] args, string name) =>
        args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal)) is { } found ? found[(name.Length + 1)..] : null;

    private static double Median(IEnumerable<long> values) => new Sample(values.Select(v => (double)v).ToList()).Median;

    private static double Median(IEnumerable<double> values) => new Sample(values.ToList()).Median;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    /// <summary>The pack as the compiler loads it, less the three cloud storage rules.</summary>
    private sealed class PackWithoutCloudRules : PackAnalyzer
    {
        public PackWithoutCloudRules()
            : base(PackRules.All.Where(rule => rule != PackRules.SSA0007 && rule != PackRules.SSA0008 && rule != PackRules.SSA0010).ToImmutableArray())
        {
        }
    }

    /// <summary>
    /// The callgrind client requests (the warm-up rounds run uninstrumented, so not counted) of <c>valgrind/markers.c</c>, loaded from <c>SSA_MARKERS</c>; the dumps are read from
    /// <c>SSA_CALLGRIND_OUT</c>, the file given to callgrind's <c>--callgrind-out-file</c> (callgrind appends <c>.N</c> per dump).
    /// </summary>
    private sealed class Markers
    {
        private readonly ZeroFunction _zero;
        private readonly DumpFunction _dump;
        private readonly string _outFile;
        private readonly HashSet<string> _read = new(StringComparer.Ordinal);

        private Markers(IntPtr library, string outFile)
        {
            _zero = Marshal.GetDelegateForFunctionPointer<ZeroFunction>(NativeLibrary.GetExport(library, "ssa_zero"));
            _dump = Marshal.GetDelegateForFunctionPointer<DumpFunction>(NativeLibrary.GetExport(library, "ssa_dump"));
            OnValgrind = Marshal.GetDelegateForFunctionPointer<OnValgrindFunction>(NativeLibrary.GetExport(library, "ssa_on_valgrind"))() != 0;
            _outFile = outFile;
        }

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void ZeroFunction();

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate void DumpFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string reason);

        [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
        private delegate int OnValgrindFunction();

        public bool OnValgrind { get; }

        public static Markers? Load()
        {
            var library = Environment.GetEnvironmentVariable("SSA_MARKERS");
            var outFile = Environment.GetEnvironmentVariable("SSA_CALLGRIND_OUT");
            if (string.IsNullOrEmpty(library) || string.IsNullOrEmpty(outFile))
            {
                Console.Error.WriteLine("instructions: run it through tests/SecureStorageAnalyzers.Benchmarks/valgrind/instructions.sh (SSA_MARKERS and SSA_CALLGRIND_OUT are not set)");
                return null;
            }

            var markers = new Markers(NativeLibrary.Load(library), outFile);
            if (!markers.OnValgrind)
            {
                Console.Error.WriteLine("instructions: not running under valgrind --tool=callgrind");
                return null;
            }

            // JIT the two marshalling stubs here, not inside the first counted arm.
            markers.Zero();
            _ = markers.Dump("markers");
            return markers;
        }

        public void Zero() => _zero();

        /// <summary>Dumps the counters (every thread's instructions since <see cref="Zero"/>) and reads the total back.</summary>
        public long Dump(string reason)
        {
            _dump(reason);
            var folder = Path.GetDirectoryName(Path.GetFullPath(_outFile))!;
            var prefix = Path.GetFileName(_outFile);
            foreach (var file in Directory.GetFiles(folder, prefix + "*").OrderBy(f => f, StringComparer.Ordinal))
            {
                if (_read.Contains(file))
                {
                    continue;
                }

                var trigger = false;
                long? total = null;
                foreach (var line in File.ReadLines(file))
                {
                    if (line.StartsWith("desc: Trigger:", StringComparison.Ordinal))
                    {
                        trigger = line.EndsWith(" " + reason, StringComparison.Ordinal);
                    }
                    else if (line.StartsWith("totals:", StringComparison.Ordinal))
                    {
                        // The sum of every cost line of the dump, all threads. Not "summary:" in the header, which
                        // under instrumentation switched on and off reads less than the lines sum to.
                        total = long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    }
                }

                if (trigger && total is { } instructions)
                {
                    _read.Add(file);
                    return instructions;
                }
            }

            throw new InvalidOperationException($"no callgrind dump for '{reason}' next to {_outFile}");
        }
    }
}
