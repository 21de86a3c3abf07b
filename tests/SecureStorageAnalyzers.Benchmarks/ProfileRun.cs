using System.Globalization;
using System.Text;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// <c>-- profile [scale] [runs] [cloud] [pack-only] [fixed]</c>: the compiler and our pack only, on one code base, alternating run by run,
/// then the pack's and each rule's medians and the pack's share of the compiler's time measured in the same process.
/// Two uses: a quick A/B of two builds of the pack (run the two builds' harnesses one after the other, several times,
/// and compare the shares), and a long steady run of the pack to sample under <c>dotnet-trace</c>
/// (docs/performance.md, "Method"). <c>cloud</c> references Azure.Storage.Blobs and AWSSDK.S3 (unused); <c>fixed</c> measures the
/// web app of one <c>Program.cs</c> instead (the fixed cost per compilation, as in the full report).
/// </summary>
internal static class ProfileRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scale = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var cloud = args.Contains("cloud");
        var perRule = !args.Contains("pack-only");
        var oneFile = args.Contains("fixed");
        var webApp = CodeBaseGenerator.GenerateWebApp(oneFile ? 2 : scale);
        if (oneFile)
        {
            // The fixed cost per compilation, as the full report measures it: a web app of one Program.cs.
            webApp = webApp with { Files = webApp.Files.Where(f => f.Path is "GlobalUsings.cs" or "Program.cs").ToList() };
        }

        var workload = cloud ? new Workload(webApp, CloudWorkload.References) : new Workload(webApp);
        var ours = AnalyzerSet.OurPack();
        var ourRules = AnalyzerSet.OurRules();
        var compiler = new List<double>();
        var compilerCpu = new List<double>();
        var pack = new List<SetRun>();
        var rules = new List<SetRun>();
        _ = Measurements.Compiler(workload, 0, warmUp: true);
        _ = await Measurements.Set(workload, ours, 0, warmUp: true);
        if (perRule)
        {
            _ = await Measurements.Set(workload, ourRules, 0, warmUp: true);
        }

        for (var run = 0; run < runs; run++)
        {
            var compiled = Measurements.Compiler(workload, 1, warmUp: false);
            compiler.AddRange(compiled.Milliseconds.Values);
            compilerCpu.AddRange(compiled.CpuMilliseconds.Values);
            pack.Add(await Measurements.Set(workload, ours, 1, warmUp: false));
            if (perRule)
            {
                rules.Add(await Measurements.Set(workload, ourRules, 1, warmUp: false));
            }
        }

        var compilerMs = new Sample(compiler).Median;
        var packRun = SetRun.Merge(pack);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{(oneFile ? "one Program.cs" : $"scale {scale}")}{(cloud ? " +cloud SDKs" : string.Empty)}, {runs} runs, load {LoadAverage()}: compiler {compilerMs:F0} ms; pack {packRun.AnalyzerMilliseconds.Median:F1} ms = {packRun.AnalyzerMilliseconds.Median / compilerMs:P2} (runs: {string.Join(" ", packRun.AnalyzerMilliseconds.Values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}); findings {string.Join(", ", packRun.DiagnosticsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}; exceptions {packRun.Exceptions}");
        if (perRule)
        {
            foreach (var cost in SetRun.Merge(rules).PerAnalyzer.Where(c => c.Milliseconds.Median >= 0.5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cost.Ids,-40} {cost.Milliseconds.Median,8:F1} ms");
            }
        }

        // Less sensitive to other processes than wall time: the process's CPU time over the whole pack run (the driver's
        // binding included, so not the pack's share) against the compiler's, and the run's allocations.
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  cpu: compiler {new Sample(compilerCpu).Median:F0} ms, pack run {packRun.CpuMilliseconds.Median:F0} ms (runs: {string.Join(" ", packRun.CpuMilliseconds.Values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))}); pack run allocated {packRun.AllocatedBytes.Median / 1e6:F1} MB");
        Console.Write(text.ToString());
        return packRun.Exceptions > 0 ? 1 : 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
