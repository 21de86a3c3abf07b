using System.Diagnostics;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>The same compilation analyzed many times in parallel gives the same diagnostics; cancellation stops promptly.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task SameCompilation_InParallel_GivesIdenticalDiagnostics()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Verifiers.TestReferences.RepositoryRoot, "samples", "SecureStorageAnalyzers.Samples.IncidentApp"), "*.cs")
            .Select(File.ReadAllText).ToArray();
        var compilation = AnalyzerHarness.Compile(sources);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AnalyzerHarness.AnalyzeAsync(compilation))));
        var expected = runs[0].Select(AnalyzerHarness.Format).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(expected, run.Select(AnalyzerHarness.Format).OrderBy(s => s, StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public async Task Cancellation_StopsPromptly()
    {
        var sb = new System.Text.StringBuilder("var builder = WebApplication.CreateBuilder(args); var app = builder.Build(); string phone = args[0];\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("File.Create(Path.Combine(\"/srv\", phone + \"").Append(i).AppendLine(".mp3\"));");
        }

        var compilation = AnalyzerHarness.Compile(new[] { sb.ToString() });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerHarness.AnalyzeAsync(compilation, cancellation.Token));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"cancellation took {stopwatch.Elapsed}");
    }
}
