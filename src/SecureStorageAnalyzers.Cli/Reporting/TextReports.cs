using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Cli.Reporting;

/// <summary><c>--format json</c>: the whole scan as one document, findings in report order.</summary>
public static class JsonReport
{
    public static string Write(ScanResult result, FailOn failOn)
    {
        var document = new
        {
            tool = "securestorage",
            version = Pack.Version,
            target = result.Target,
            root = result.Root,
            elapsedSeconds = Math.Round(result.Elapsed.TotalSeconds, 1),
            exitCode = ExitCodes.For(result, failOn),
            failOn = failOn.ToString().ToLowerInvariant(),
            chains = result.Chains.Count(),
            projects = result.Projects.Select(p => new
            {
                p.Name, p.Path, loadedBy = p.Mode == LoadMode.MSBuild ? "msbuild" : "fallback", p.FallbackReason, p.Note, p.SourceFiles, p.Lines,
                p.CompileErrors, compileErrorsPerThousandLines = Math.Round(p.ErrorsPerThousandLines, 2), p.Findings,
            }),
            rules = result.Catalog.Ranked.Select(r => new
            {
                r.Id, r.Title, helpUri = r.HelpUri, r.SecuritySeverity, r.Tags, exposureChain = r.IsChain, codeFix = r.HasCodeFix,
                count = result.Findings.Count(f => f.RuleId == r.Id),
            }),
            findings = result.Ranked.Select(f => new
            {
                f.RuleId, severity = f.Severity.ToString().ToLowerInvariant(), f.Message, f.Project, location = f.Location, relatedLocations = f.RelatedLocations,
            }),
            problems = result.Problems,
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
    }
}

/// <summary><c>--format markdown</c>: for a ticket or an audit report.</summary>
public static class MarkdownReport
{
    public static string Write(ScanResult result, FailOn failOn)
    {
        var text = new StringBuilder();
        text.Append("# Storage exposure audit: ").AppendLine(Escape(result.Target)).AppendLine();
        text.AppendLine(Summary.Headline(result)).AppendLine();
        text.AppendLine("## Exposure chains").AppendLine();
        var chains = result.Chains.ToList();
        if (chains.Count == 0)
        {
            text.AppendLine("None found.").AppendLine();
        }

        foreach (var chain in chains)
        {
            text.Append("- **").Append(chain.RuleId).Append("** ").Append(Place(chain.Location)).Append(": ").AppendLine(Escape(chain.Message));
            foreach (var related in chain.RelatedLocations)
            {
                text.Append("  - ").AppendLine(Place(related));
            }
        }

        text.AppendLine().AppendLine("## Findings by rule").AppendLine();
        text.AppendLine("| Rank | Rule | Severity score | Findings | Title | Fix |").AppendLine("|---:|---|---:|---:|---|---|");
        var rank = 0;
        foreach (var rule in result.Catalog.Ranked)
        {
            rank++;
            var count = result.Findings.Count(f => f.RuleId == rule.Id);
            text.Append(CultureInfo.InvariantCulture, $"| {rank} | [{rule.Id}]({rule.HelpUri}) | {rule.SecuritySeverity:0.0} | {count} | {Escape(rule.Title)} | {(rule.HasCodeFix ? "code fix" : "")} |").AppendLine();
        }

        text.AppendLine();
        foreach (var group in result.Ranked.GroupBy(f => f.RuleId))
        {
            var rule = result.Catalog.Get(group.Key);
            text.Append("### ").Append(rule.Id).Append(": ").AppendLine(Escape(rule.Title)).AppendLine();
            foreach (var finding in group)
            {
                text.Append("- `").Append(Place(finding.Location)).Append("` (").Append(finding.Severity.ToString().ToLowerInvariant()).Append(") ").AppendLine(Escape(finding.Message));
            }

            text.AppendLine();
        }

        text.AppendLine("## Projects").AppendLine();
        text.AppendLine("| Project | Loaded by | Lines | Compile errors | Errors / 1,000 lines | Findings |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var project in result.Projects)
        {
            var mode = Escape(project.LoadedBy);
            text.Append(CultureInfo.InvariantCulture, $"| {Escape(project.Path)} | {mode} | {project.Lines} | {project.CompileErrors} | {project.ErrorsPerThousandLines:0.0} | {project.Findings} |").AppendLine();
        }

        if (result.Problems.Count > 0)
        {
            text.AppendLine().AppendLine("## Problems").AppendLine();
            foreach (var problem in result.Problems)
            {
                text.Append("- ").AppendLine(Escape(problem));
            }
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"Exit code {ExitCodes.For(result, failOn)} with --fail-on {failOn.ToString().ToLowerInvariant()}.").AppendLine();
        return text.ToString();
    }

    /// <summary>"path:line:column", or "(no location)": how every report names a place.</summary>
    internal static string Place(SourcePlace? place) => place is null ? "(no location)" : $"{place.Path}:{place.Line}:{place.Column}";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

public static class Summary
{
    /// <summary>One sentence: how many findings and chains, in how many projects, how many of them compiled by the fallback.</summary>
    public static string Headline(ScanResult result)
    {
        var fallback = result.Projects.Count(p => p.Mode == LoadMode.Fallback);
        var chains = result.Chains.Count();
        return string.Create(CultureInfo.InvariantCulture, $"{result.Findings.Count} finding{(result.Findings.Count == 1 ? "" : "s")} ({chains} exposure chain{(chains == 1 ? "" : "s")}) in {result.Projects.Count} project{(result.Projects.Count == 1 ? "" : "s")}")
            + (fallback > 0 ? $", {fallback} compiled by the fallback (not loaded through MSBuild)" : "")
            + string.Create(CultureInfo.InvariantCulture, $", in {result.Elapsed.TotalSeconds:0.0} s.");
    }

    public static string Severity(DiagnosticSeverity severity) => severity.ToString().ToLowerInvariant();
}
