using System.Globalization;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The IDE's cost alone (issue #19), without the whole-compilation runs: <c>dotnet run -c Release --project
/// tests/SecureStorageAnalyzers.Benchmarks -- ide [scales] [repeat]</c>. Per scale: document-scoped analysis of the
/// largest document and of the first document with a seeded SSA0005 (the first file-result judgement there computes the
/// whole-compilation facts), and the pre-scan of those facts alone (<see cref="PreScan"/>). Medians after a warm-up.
/// </summary>
internal static class IdeView
{
    public static async Task<int> RunAsync(string[] args)
    {
        var scales = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() : [100, 400, 1600];
        var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var ours = AnalyzerSet.OurPack();
        Console.WriteLine("| Feature folders | Lines | Largest document: analyzer ms (wall ms) | SSA0005 document: analyzer ms (wall ms) | Pre-scan ms: fresh trees (pipeline events) | Pre-scan ms: same trees, new compilation | Pre-scan ms: after a one-tree edit | SSA0005 document after a one-tree edit: analyzer ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var scale in scales)
        {
            var workload = new Workload(CodeBaseGenerator.GenerateWebApp(scale));
            var seeded = workload.Trees.First(t => t.FilePath.EndsWith("Endpoints.cs", StringComparison.Ordinal) &&
                                                   t.GetText().ToString().Contains(".AllowAnonymous()", StringComparison.Ordinal));
            var largest = await Measurements.Document(workload, ours, repeat, warmUp: true);
            var candidate = await Measurements.Document(workload, ours, repeat, warmUp: true, seeded);
            var preScan = PreScan.MeasureAll(workload, repeat);
            var edited = PreScan.EditedDocument(workload, ours, seeded, repeat);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scale} | {workload.Lines:N0} | {largest.AnalyzerMilliseconds.Median:F1} ({largest.WallMilliseconds.Median:F1}) | " +
                $"{candidate.AnalyzerMilliseconds.Median:F1} ({candidate.WallMilliseconds.Median:F1}), {candidate.Diagnostics} findings | " +
                $"{PreScan.Format(preScan.Cold, preScan.Events)} | {PreScan.Format(preScan.SameTrees, 0)} | {PreScan.Format(preScan.AfterEdit, 0)} | " +
                $"{edited.Analyzer.Median:F1}, {edited.Findings} findings |"));
        }

        return 0;
    }
}
