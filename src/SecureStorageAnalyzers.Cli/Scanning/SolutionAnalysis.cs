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
/// <see cref="Reporting.RuleCatalog.SeverityTable"/>. The exposure-chain rule (SSA0009) plugs in here
/// (<see cref="ExposureChainAcrossProjects"/>): it links a folder's identity (the same configuration key or absolute
/// path, or the serving app's own roots for a class library it references) across the compilations, with the pack's
/// own folder model and rule code, not a copy in the tool.
/// </summary>
public interface ISolutionAnalysis
{
    Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(IReadOnlyList<AnalyzedProject> projects, CancellationToken cancellationToken);
}

/// <summary>
/// SSA0009 across projects: a folder one project serves anonymously and another writes files named after people into
/// (<see cref="SecureStorageAnalyzers.ExposureChain.CrossProjectChains"/>). The chains inside one project are the build's own
/// findings and are not repeated here. Severity is the rule's default (Error): a project's own severity settings are
/// not applied to a finding that spans projects.
/// </summary>
public sealed class ExposureChainAcrossProjects : ISolutionAnalysis
{
    public Task<IReadOnlyList<Diagnostic>> AnalyzeAsync(IReadOnlyList<AnalyzedProject> projects, CancellationToken cancellationToken)
    {
        if (projects.Count < 2)
        {
            return Task.FromResult<IReadOnlyList<Diagnostic>>([]);
        }

        var candidates = projects.Select(p => SecureStorageAnalyzers.ExposureChain.CrossProjectChains.Collect(p.Compilation, p.Options, cancellationToken)).ToList();
        return Task.FromResult(SecureStorageAnalyzers.ExposureChain.CrossProjectChains.Link(candidates));
    }
}

/// <summary>The solution-level analyses the scanner runs (see <see cref="ISolutionAnalysis"/>).</summary>
public static class SolutionAnalyses
{
    public static IReadOnlyList<ISolutionAnalysis> Registered { get; } = [new ExposureChainAcrossProjects()];
}
