using System.Text.RegularExpressions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>Reads the diagnostics out of what <c>dotnet build</c> prints (the classic console logger format).</summary>
public static partial class BuildOutput
{
    /// <summary>Ids that say the analyzers did not run at all: an analyzer built for a newer compiler (CS9057), an
    /// analyzer that threw (AD0001), or one that could not be instantiated or loaded (CS8032, CS8034).</summary>
    public static readonly string[] AnalyzerLoadFailureIds = ["CS9057", "AD0001", "CS8032", "CS8034"];

    [GeneratedRegex(@"^\s*(?<path>[^\r\n]+?)\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>[A-Z]+[0-9]+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    /// <summary>Every distinct diagnostic the output reports (the build summary repeats them), with the file name only.</summary>
    public static IReadOnlyList<Finding> Findings(string output) =>
        DiagnosticLine().Matches(output)
            .Select(m => new Finding(
                m.Groups["id"].Value,
                Path.GetFileName(m.Groups["path"].Value),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value))
            .Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column).ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Every distinct diagnostic the output reports, with the path relative to <paramref name="directory"/> (<c>/</c>
    /// separators), for files that share a name in different folders (the examples' <c>web.config</c> files).
    /// </summary>
    public static IReadOnlyList<Finding> FindingsByPath(string output, string directory) =>
        DiagnosticLine().Matches(output)
            .Select(m => new Finding(
                m.Groups["id"].Value,
                Path.GetRelativePath(directory, m.Groups["path"].Value.Trim()).Replace('\\', '/'),
                int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["severity"].Value))
            .Distinct()
            .ToList();

    /// <summary>The message the output prints for <paramref name="finding"/> (its first occurrence), or "".</summary>
    public static string MessageOf(string output, Finding finding)
    {
        var line = output.Split('\n').FirstOrDefault(l =>
            l.Contains($"({finding.Line},{finding.Column}", StringComparison.Ordinal) &&
            l.Contains($": {finding.Severity} {finding.Id}:", StringComparison.Ordinal) &&
            l.Replace('\\', '/').Contains(finding.File, StringComparison.Ordinal));
        if (line is null)
        {
            return "";
        }

        var message = line[(line.IndexOf($"{finding.Id}:", StringComparison.Ordinal) + finding.Id.Length + 1)..].Trim();
        // MSBuild ends the line with the project: " [/path/Project.csproj]".
        var project = message.LastIndexOf(" [", StringComparison.Ordinal);
        return project > 0 && message.EndsWith(']') ? message[..project] : message;
    }

    /// <summary>Only our own findings (SSA ids).</summary>
    public static IReadOnlyList<Finding> SsaFindings(string output) =>
        Findings(output).Where(f => f.Id.StartsWith("SSA", StringComparison.Ordinal)).ToList();

    public static string Describe(IEnumerable<Finding> findings)
    {
        var list = findings.Select(f => "  " + f).ToList();
        return list.Count == 0 ? "  (none)" : string.Join('\n', list);
    }
}
