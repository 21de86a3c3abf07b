using System.Text.Json;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>One diagnostic of a SARIF log, with its path relative to the repository root (forward slashes).</summary>
public sealed record SarifResult(string Id, string Level, string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Level} {Id}: {Message}";
}

/// <summary>
/// The parts of a compiler SARIF 2.1 log (<c>-p:ErrorLog=path%2Cversion=2.1</c>) the tests need: the diagnostics it
/// reported (suppressed ones left out) and the ids of every rule of every analyzer that ran.
/// </summary>
public sealed record SarifLog(IReadOnlyList<SarifResult> Results, IReadOnlySet<string> RuleIds)
{
    public static SarifLog Read(string path, string repositoryRoot)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var results = new List<SarifResult>();
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) &&
                driver.TryGetProperty("rules", out var rules))
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    ruleIds.Add(rule.GetProperty("id").GetString()!);
                }
            }

            if (!run.TryGetProperty("results", out var runResults))
            {
                continue;
            }

            foreach (var result in runResults.EnumerateArray())
            {
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0)
                {
                    continue;
                }

                var id = result.GetProperty("ruleId").GetString()!;
                var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString()! : "warning";
                var message = result.GetProperty("message").GetProperty("text").GetString()!;
                var (file, line, column) = ReadLocation(result, repositoryRoot);
                results.Add(new SarifResult(id, level, file, line, column, message));
            }
        }

        return new SarifLog(results, ruleIds);
    }

    private static (string File, int Line, int Column) ReadLocation(JsonElement result, string repositoryRoot)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.GetArrayLength() == 0 ||
            !locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            return ("", 0, 0);
        }

        var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.IsFile ? absolute.LocalPath : uri;
        var relative = Path.GetRelativePath(repositoryRoot, path).Replace('\\', '/');

        var line = 0;
        var column = 0;
        if (physical.TryGetProperty("region", out var region))
        {
            line = region.TryGetProperty("startLine", out var startLine) ? startLine.GetInt32() : 0;
            column = region.TryGetProperty("startColumn", out var startColumn) ? startColumn.GetInt32() : 0;
        }

        return (relative, line, column);
    }
}
