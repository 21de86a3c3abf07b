using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>One project of a solution after the pack ran on it: its compilation and the options its analyzers saw.</summary>
public sealed record AnalyzedProject(Project Project, Compilation Compilation, AnalyzerOptions Options, string DisplayName);

/// <summary>
/// THE SEAM FOR CROSS-PROJECT EXPOSURE CHAINS. A single compilation cannot see that a worker project writes recordings
/// into a folder that a web project of the same solution serves: each analyzer runs on one compilation. After every
/// project of one solution (or folder) has been analyzed, the scanner hands all of them, with their compilations and
/// analyzer options, to each registered <see cref="ISolutionAnalysis"/>; the diagnostics it returns are reported like
/// any other finding (rule id, location, additional locations as related locations) and rank by the rule's entry in
/// <see cref="Reporting.RuleCatalog.SeverityTable"/>. The exposure-chain rule plugs in here once it is in
/// the pack: it must link a folder's identity (the same configuration key or path) across the compilations, using
/// the pack's own folder model, not a copy in the tool.
/// </summary>
public interface ISolutionAnalysis
{
    Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(IReadOnlyList<AnalyzedProject> projects, CancellationToken cancellationToken);
}

/// <summary>The solution-level analyses the scanner runs; none yet (see <see cref="ISolutionAnalysis"/>).</summary>
public static class SolutionAnalyses
{
    public static IReadOnlyList<ISolutionAnalysis> Registered { get; } = [];
}
