using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Cli.Reporting;

/// <summary>A place in a file: path relative to the scanned root ('/' separators), 1-based line and column.</summary>
public sealed record SourcePlace(string Path, int Line, int Column, int EndLine, int EndColumn, string? Message = null);

/// <summary>One diagnostic of the pack, as reported: its effective severity after the project's configuration.</summary>
public sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string Project,
    SourcePlace? Location,
    IReadOnlyList<SourcePlace> RelatedLocations);

/// <summary>How a project was compiled for the scan.</summary>
public enum LoadMode
{
    /// <summary>Through MSBuild, as a build would compile it (references, generators, configuration).</summary>
    MSBuild,

    /// <summary>Its .cs files against the SDK's reference assemblies only: the project could not be loaded or restored.</summary>
    Fallback,
}

/// <summary>One scanned project and how far its compilation can be trusted.</summary>
public sealed record ProjectReport(
    string Name,
    string Path,
    LoadMode Mode,
    string? FallbackReason,
    int SourceFiles,
    int Lines,
    int CompileErrors,
    int Findings,
    TimeSpan AnalysisTime)
{
    /// <summary>Compile errors per thousand lines: 0 means every name resolved; the higher, the more a clean result may miss.</summary>
    public double ErrorsPerThousandLines => Lines == 0 ? 0 : CompileErrors * 1000.0 / Lines;

    /// <summary>What else a reader should know about how it loaded (for example, a restore that failed).</summary>
    public string? Note { get; init; }

    /// <summary>How it was loaded, in words.</summary>
    public string LoadedBy => Mode == LoadMode.MSBuild
        ? "MSBuild" + (Note is null ? "" : $" ({Note})")
        : "fallback: " + FallbackReason;
}

/// <summary>Everything one scan found, ready for any report.</summary>
public sealed record ScanResult(
    string Root,
    string Target,
    IReadOnlyList<ProjectReport> Projects,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Problems,
    RuleCatalog Catalog,
    TimeSpan Elapsed)
{
    /// <summary>Findings in report order: chains first, then by the rule's rank, severity, file and line.</summary>
    public IEnumerable<Finding> Ranked =>
        Findings.OrderBy(f => Catalog.Get(f.RuleId).Rank)
            .ThenByDescending(f => f.Severity)
            .ThenBy(f => f.Location?.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location?.Line)
            .ThenBy(f => f.Location?.Column);

    public IEnumerable<Finding> Chains => Ranked.Where(f => Catalog.Get(f.RuleId).IsChain);
}

/// <summary>The <c>--fail-on</c> threshold: which findings make the exit code 1.</summary>
public enum FailOn
{
    /// <summary>Only exposure chains.</summary>
    Chain,

    /// <summary>Chains and findings at error severity (set in .editorconfig/.globalconfig, or by warnings-as-errors).</summary>
    Error,

    /// <summary>Chains, errors and warnings: every finding a default build would show.</summary>
    Warning,

    /// <summary>Never: the exit code says only whether the scan ran.</summary>
    None,
}

public static class ExitCodes
{
    public const int Clean = 0;
    public const int FindingsAtThreshold = 1;
    public const int UsageError = 2;
    public const int ScanFailed = 3;

    /// <summary>1 when a finding reaches the threshold, else 0. Info and hidden findings never fail a scan.</summary>
    public static int For(ScanResult result, FailOn failOn) => failOn switch
    {
        FailOn.None => Clean,
        _ when result.Chains.Any() => FindingsAtThreshold,
        FailOn.Error when result.Findings.Any(f => f.Severity == DiagnosticSeverity.Error) => FindingsAtThreshold,
        FailOn.Warning when result.Findings.Any(f => f.Severity >= DiagnosticSeverity.Warning) => FindingsAtThreshold,
        _ => Clean,
    };
}
