using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Benchmarks;

// The performance benchmark of issue #8: see docs/performance.md. A plain repeated-run harness (warm-up + N runs,
// medians): one whole-compilation analyzer run takes seconds and builds a new compilation each time, so
// BenchmarkDotNet's many-iteration statistics would add hours and little precision.
if (args.Length > 0 && args[0] == "live")
{
    return await LiveCost.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "profile")
{
    return await ProfileRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "share")
{
    return await ShareRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "instructions")
{
    return await InstructionRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "ide")
{
    return await IdeView.RunAsync(args[1..]);
}

var settings = Settings.Parse(args);
if (settings is null)
{
    Console.Error.WriteLine(Settings.Usage);
    return 2;
}

if (settings.WriteDirectory is { } writeTo)
{
    var written = CodeBaseGenerator.GenerateWebApp(settings.Scales[0]);
    var webFolder = Path.Combine(writeTo, written.Name);
    written.WriteTo(webFolder);
    Console.WriteLine($"Wrote {written.Files.Count} files ({written.Lines:N0} lines, {settings.Scales[0]} feature folders) to {webFolder}.");
    var library = CodeBaseGenerator.GenerateClassLibrary(settings.Scales[0]);
    var libraryFolder = Path.Combine(writeTo, library.Name);
    library.WriteTo(libraryFolder);
    Console.WriteLine($"Wrote the no-ASP.NET class library ({library.Files.Count} files, {library.Lines:N0} lines) to {libraryFolder}.");
    return 0;
}

var culture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = culture;
var ours = AnalyzerSet.OurPack();
var ourRules = AnalyzerSet.OurRules();
var sets = new List<AnalyzerSet> { ours, ourRules };
if (settings.Peers)
{
    sets.Add(AnalyzerSet.FromPackage("SecurityCodeScan", "SecurityCodeScan.VS2019", "5.6.7", Path.Combine("analyzers", "dotnet")));
    sets.Add(AnalyzerSet.FromPackage("SonarAnalyzer.CSharp", "SonarAnalyzer.CSharp", "9.32.0.97167", "analyzers"));
}

var roslyn = typeof(Compilation).Assembly;
Console.WriteLine("# SecureStorageAnalyzers performance benchmark");
Console.WriteLine();
Console.WriteLine($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"- Runtime: .NET {Environment.Version}; Roslyn {roslyn.GetName().Version} ({FileVersion(roslyn)}); Server GC: {System.Runtime.GCSettings.IsServerGC}");
Console.WriteLine($"- Runs: {settings.Repeat} timed per measurement ({(settings.PeerRepeat != settings.Repeat ? $"{settings.PeerRepeat} for the peers, " : string.Empty)}medians), warm-up: {settings.WarmUp switch { WarmUp.First => "one run of each at the first scale", WarmUp.All => "one run of each at every scale", _ => "none" }}; peers {(settings.Peers ? "on" : "off")}; scales {string.Join(", ", settings.Scales)} feature folders");
foreach (var set in sets)
{
    Console.WriteLine($"- {set.Name} {set.Version}: {set.Analyzers.Length} analyzers, {set.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Count()} rule ids" +
                      (set.LoadErrors.Count > 0 ? $"; LOAD ERRORS: {string.Join("; ", set.LoadErrors)}" : string.Empty));
}

Console.WriteLine();
var results = new List<ScaleResult>();
foreach (var scale in settings.Scales)
{
    var codeBase = CodeBaseGenerator.GenerateWebApp(scale);
    var workload = new Workload(codeBase);
    Progress($"scale {scale}: {codeBase.Files.Count} files, {codeBase.Lines:N0} lines; compiling");
    // Warm-up runs at the first scale only by default: the process (JIT, metadata of the reference assemblies) is warm
    // after it, and one more whole-compilation run per set at 1,600 folders would cost minutes and measure nothing new.
    var warmUp = settings.WarmUp == WarmUp.All || settings.WarmUp == WarmUp.First && scale == settings.Scales[0];
    var compiler = Measurements.Compiler(workload, settings.Repeat, warmUp);
    if (compiler.Errors > 0)
    {
        Console.Error.WriteLine($"The generated code base does not compile: {compiler.Errors} errors, first: {compiler.FirstError}");
        return 3;
    }

    // Interleaved: run i of the baseline, then run i of each set, so that a slow minute of the shared machine or the
    // process's drift (heap, tiering) hits them alike; measured one after the other, the baseline could come out slower
    // than a set that does strictly more.
    Progress($"scale {scale}: compiler {compiler.Milliseconds.Median:F0} ms; no-op baseline and sets, interleaved");
    var all = new List<AnalyzerSet> { NoOpAnalyzer.Set };
    all.AddRange(sets);
    var perSet = all.ToDictionary(s => s, _ => new List<SetRun>());
    var rounds = Math.Max(settings.Repeat, settings.PeerRepeat);
    for (var round = warmUp ? -1 : 0; round < rounds; round++)
    {
        foreach (var set in all)
        {
            var repeat = set != ours && set != ourRules && set != NoOpAnalyzer.Set ? settings.PeerRepeat : settings.Repeat;
            if (round >= repeat)
            {
                continue;
            }

            Progress($"scale {scale}: {set.Name}, {(round < 0 ? "warm-up" : $"run {round + 1} of {repeat}")}");
            var run = await Measurements.Set(workload, set, 1, warmUp: false);
            if (round >= 0)
            {
                perSet[set].Add(run);
            }
        }
    }

    var baseline = SetRun.Merge(perSet[NoOpAnalyzer.Set]);
    var runs = sets.Select(set => SetRun.Merge(perSet[set])).ToList();

    var documents = new List<DocumentRun>();
    Sample? documentCompiler = null;
    if (settings.Ide)
    {
        Progress($"scale {scale}: IDE view of {workload.LargestTree.FilePath}");
        documentCompiler = Measurements.DocumentCompiler(workload, settings.Repeat, warmUp: true);
        foreach (var set in sets)
        {
            documents.Add(await Measurements.Document(workload, set, settings.Repeat, warmUp: true));
        }
    }

    results.Add(new ScaleResult(scale, workload, compiler.Milliseconds, compiler.CpuMilliseconds, compiler.AllocatedBytes, compiler.Warnings, baseline, runs, documentCompiler, documents));
}

// The fixed cost per compilation: our pack on a web app of one Program.cs. In an IDE every edit makes a new
// compilation, so the compilation-start actions run again; in a build they run once.
var oneFile = CodeBaseGenerator.GenerateWebApp(2);
var oneFileWorkload = new Workload(oneFile with { Files = oneFile.Files.Where(f => f.Path is "GlobalUsings.cs" or "Program.cs").ToList() });
Progress($"fixed cost: a web app of one Program.cs ({oneFileWorkload.Lines} lines)");
var oneFileCompiler = Measurements.Compiler(oneFileWorkload, settings.Repeat * 3, warmUp: true);
var oneFileRun = await Measurements.Set(oneFileWorkload, ours, settings.Repeat * 3, warmUp: true);
var oneFileBaseline = await Measurements.Set(oneFileWorkload, NoOpAnalyzer.Set, settings.Repeat * 3, warmUp: true);
var fixedCost = new FixedCostResult(oneFileWorkload, oneFileCompiler.Milliseconds, oneFileCompiler.CpuMilliseconds, oneFileBaseline, oneFileRun);

NoAspNetResult? noAspNet = null;
if (settings.NoAspNet)
{
    var scale = settings.Scales[0];
    var library = new Workload(CodeBaseGenerator.GenerateClassLibrary(scale));
    Progress($"no ASP.NET Core: {library.CodeBase.Files.Count} files, {library.Lines:N0} lines");
    var compiler = Measurements.Compiler(library, settings.Repeat, settings.WarmUp != WarmUp.None);
    if (compiler.Errors > 0)
    {
        Console.Error.WriteLine($"The generated class library does not compile: {compiler.Errors} errors, first: {compiler.FirstError}");
        return 3;
    }

    var baseline = await Measurements.Set(library, NoOpAnalyzer.Set, settings.Repeat, settings.WarmUp != WarmUp.None);
    var run = await Measurements.Set(library, ours, settings.Repeat, settings.WarmUp != WarmUp.None);
    var perRule = await Measurements.Set(library, ourRules, settings.Repeat, settings.WarmUp != WarmUp.None);
    noAspNet = new NoAspNetResult(scale, library, compiler.Milliseconds, baseline, run, perRule);
}

var report = Report.Write(settings, sets, results, fixedCost, noAspNet);
var reportText = report.Text;
if (settings.Cloud)
{
    reportText += Environment.NewLine + await CloudWorkload.MeasureAsync(settings.Scales[0], ours, ourRules, settings.Repeat, settings.WarmUp != WarmUp.None, Progress);
}

Console.WriteLine(reportText);
if (settings.OutputFile is { } output)
{
    File.WriteAllText(output, reportText);
}

// A report, not a test: budgets missed still exit 0. Our pack throwing is a bug: exit 1.
return report.OursThrew ? 1 : 0;

static void Progress(string message) =>
    Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

static string FileVersion(System.Reflection.Assembly assembly) =>
    System.Diagnostics.FileVersionInfo.GetVersionInfo(assembly.Location).ProductVersion?.Split('+')[0] ?? "?";

namespace SecureStorageAnalyzers.Benchmarks
{
    /// <summary>Command-line settings.</summary>
    internal sealed record Settings(
        IReadOnlyList<int> Scales,
        int Repeat,
        int PeerRepeat,
        WarmUp WarmUp,
        bool Peers,
        bool Ide,
        bool NoAspNet,
        bool Cloud,
        string? WriteDirectory,
        string? OutputFile)
    {
        public const string Usage = """
            usage: dotnet run -c Release --project tests/SecureStorageAnalyzers.Benchmarks -- [options]
              --scales 100,400,1600   feature folders per generated code base (default 100,400,1600)
              --repeat N              timed runs per measurement after one warm-up (default 3)
              --peer-repeat N         timed runs for SecurityCodeScan and Sonar (default: --repeat)
              --warmup first|all|none one warm-up run of each measurement at the first scale (default), every scale, or none
              --no-peers              our pack only
              --no-ide                skip the IDE view (largest document)
              --no-noaspnet           skip the class library without ASP.NET Core
              --no-cloud              skip the web app with the cloud storage SDKs referenced
              --out FILE              also write the Markdown report to FILE
              --write DIR             write the generated code base (first scale) to DIR and exit
            """;

        public static Settings? Parse(string[] args)
        {
            var scales = new List<int> { 100, 400, 1600 };
            var repeat = 3;
            int? peerRepeat = null;
            var warmUp = WarmUp.First;
            bool peers = true, ide = true, noAspNet = true, cloud = true;
            string? write = null, output = null;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--scales" when i + 1 < args.Length:
                        scales = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
                        break;
                    case "--repeat" when i + 1 < args.Length:
                        repeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                        break;
                    case "--peer-repeat" when i + 1 < args.Length:
                        peerRepeat = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture));
                        break;
                    case "--warmup" when i + 1 < args.Length:
                        warmUp = args[++i] switch
                        {
                            "first" => WarmUp.First,
                            "all" => WarmUp.All,
                            "none" => WarmUp.None,
                            _ => (WarmUp)(-1),
                        };
                        if (!Enum.IsDefined(warmUp))
                        {
                            return null;
                        }

                        break;
                    case "--no-peers":
                        peers = false;
                        break;
                    case "--no-ide":
                        ide = false;
                        break;
                    case "--no-noaspnet":
                        noAspNet = false;
                        break;
                    case "--no-cloud":
                        cloud = false;
                        break;
                    case "--write" when i + 1 < args.Length:
                        write = args[++i];
                        break;
                    case "--out" when i + 1 < args.Length:
                        output = args[++i];
                        break;
                    default:
                        return null;
                }
            }

            return scales.Count == 0 || scales.Any(s => s < 2)
                ? null
                : new Settings(scales, repeat, peerRepeat ?? repeat, warmUp, peers, ide, noAspNet, cloud, write, output);
        }
    }

    internal enum WarmUp
    {
        None,
        First,
        All,
    }

    internal sealed record ScaleResult(
        int Scale,
        Workload Workload,
        Sample CompilerMilliseconds,
        Sample CompilerCpuMilliseconds,
        Sample CompilerAllocatedBytes,
        int CompilerWarnings,
        SetRun Baseline,
        IReadOnlyList<SetRun> Runs,
        Sample? DocumentCompiler,
        IReadOnlyList<DocumentRun> Documents);

    internal sealed record FixedCostResult(Workload Workload, Sample CompilerMilliseconds, Sample CompilerCpuMilliseconds, SetRun Baseline, SetRun Ours);

    internal sealed record NoAspNetResult(int Scale, Workload Workload, Sample CompilerMilliseconds, SetRun Baseline, SetRun Ours, SetRun OursPerRule);
}
