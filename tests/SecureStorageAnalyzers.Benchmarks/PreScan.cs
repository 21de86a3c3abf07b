using System.Diagnostics;
using System.Globalization;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The whole-compilation facts of SSA0001, SSA0002 and SSA0005 (<see cref="CompilationFacts"/>) computed alone on a
/// fresh compilation whose declarations are complete, as the first question of an IDE analysis pays for them.
/// </summary>
internal static class PreScan
{
    public static string Measure(Workload workload, int repeat)
    {
        var times = new List<double>();
        var events = 0;
        for (var run = -1; run < repeat; run++)
        {
            var compilation = workload.NewCompilation();
            _ = compilation.GetDeclarationDiagnostics();
            Measurements.Settle();
            var watch = Stopwatch.StartNew();
            var facts = CompilationFacts.For(WellKnownTypes.GetOrCreate(compilation)).Get(compilation, workload.AnalyzerOptions, CancellationToken.None);
            watch.Stop();
            events = facts.PipelineEvents.Count;
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{new Sample(times).Median:F1} ({events} pipeline events)");
    }
}
