using System.Diagnostics;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// Times each step of the package tests: every step is written to the running test's output as it ends, and the whole
/// list is printed as one summary when the collection is done, so a slow CI run shows where the time went.
/// </summary>
public sealed class StepTimings
{
    private readonly List<(string Step, TimeSpan Elapsed)> _steps = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public TimeSpan Total => _total.Elapsed;

    public async Task<T> TimeAsync<T>(string step, ITestOutputHelper? output, Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            return await action();
        }
        finally
        {
            stopwatch.Stop();
            lock (_steps)
            {
                _steps.Add((step, stopwatch.Elapsed));
            }

            var line = $"[package e2e] {step}: {stopwatch.Elapsed.TotalSeconds:F1}s";
            output?.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    public string Summary()
    {
        lock (_steps)
        {
            var steps = string.Join("; ", _steps.Select(s => $"{s.Step} {s.Elapsed.TotalSeconds:F1}s"));
            return $"[package e2e] summary: {_steps.Count} steps, whole run {_total.Elapsed.TotalSeconds:F1}s: {steps}";
        }
    }
}
