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
        // The sample references Azure.Storage.Blobs (CloudRecordings.cs).
        var compilation = AnalyzerHarness.Compile(sources, Verifiers.TestReferences.AspNetCore.AddRange(Verifiers.TestReferences.StorageSdks));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => AnalyzerHarness.AnalyzeAsync(compilation))));
        var expected = runs[0].Select(AnalyzerHarness.Format).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(expected, run.Select(AnalyzerHarness.Format).OrderBy(s => s, StringComparer.Ordinal).ToList());
        }
    }

    /// <summary>
    /// Cancelled while the pack is analyzing, on any machine: a probe analyzer running beside the pack cancels on the
    /// first operation it sees (the pack's analysis of 20,000 statements has just begun), so the test does not depend
    /// on the analysis being slower than a timer. The analysis must end in OperationCanceledException, promptly.
    /// </summary>
    [Fact]
    public async Task Cancellation_StopsPromptly()
    {
        var sb = new System.Text.StringBuilder("var builder = WebApplication.CreateBuilder(args); var app = builder.Build(); string phone = args[0];\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("File.Create(Path.Combine(\"/srv\", phone + \"").Append(i).AppendLine(".mp3\"));");
        }

        var compilation = AnalyzerHarness.Compile(new[] { sb.ToString() });
        using var cancellation = new CancellationTokenSource();
        var canceller = new CancelOnFirstOperation(cancellation);
        var analyzers = AnalyzerHarness.All.Add(canceller);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AnalyzerHarness.AnalyzeAsync(compilation, analyzers, cancellation.Token));
        Assert.True(canceller.CancelledAt is not null, "the analysis ended before the probe cancelled it");
        var afterCancel = canceller.CancelledAt!.Elapsed;
        Assert.True(afterCancel < TimeSpan.FromSeconds(20), $"the analysis went on for {afterCancel} after it was cancelled");
    }

    /// <summary>Cancels the analysis from inside it, on the first operation it is shown.</summary>
#pragma warning disable RS1036, RS1001, RS2008 // test-only analyzer
    private sealed class CancelOnFirstOperation(CancellationTokenSource cancellation) : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        // An analyzer with no diagnostics is skipped as fully suppressed, so the probe declares one it never reports.
        private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor Unused =
            new("PROBE0003", "Probe", "Probe", "Test", Microsoft.CodeAnalysis.DiagnosticSeverity.Info, true);

        private int _cancelled;

        public Stopwatch? CancelledAt { get; private set; }

        public override System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics =>
            System.Collections.Immutable.ImmutableArray.Create(Unused);

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ =>
            {
                if (Interlocked.Exchange(ref _cancelled, 1) == 0)
                {
                    CancelledAt = Stopwatch.StartNew();
                    cancellation.Cancel();
                }
            }, Microsoft.CodeAnalysis.OperationKind.Invocation);
        }
    }
#pragma warning restore RS1036, RS1001, RS2008
}
