using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0 for code-scanning services: every rule of the pack with its help link, <c>security-severity</c> and tags
/// (GitHub code scanning ranks security alerts by them), each finding with its location relative to the scanned root
/// (<c>%SRCROOT%</c>) and its additional locations as related locations, and the per-project load mode and resolution in
/// the run's properties.
/// </summary>
public static class SarifWriter
{
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static string Write(ScanResult result)
    {
        var rules = result.Catalog.Ranked.ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var driverRules = new JsonArray();
        foreach (var rule in rules)
        {
            driverRules.Add(new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = rule.Id,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
                ["fullDescription"] = new JsonObject { ["text"] = rule.Description.Length > 0 ? rule.Description : rule.Title },
                ["helpUri"] = rule.HelpUri,
                ["help"] = new JsonObject { ["text"] = $"{rule.Title}. See {rule.HelpUri}" },
                ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultSeverity) },
                ["properties"] = new JsonObject
                {
                    ["security-severity"] = rule.SecuritySeverity.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    ["tags"] = new JsonArray(rule.Tags.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
                    ["precision"] = "high",
                    ["problem.severity"] = rule.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning",
                    ["exposureChain"] = rule.IsChain,
                    ["codeFix"] = rule.HasCodeFix,
                },
            });
        }

        var results = new JsonArray();
        foreach (var finding in result.Ranked)
        {
            var entry = new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = finding.Message },
            };
            if (index.TryGetValue(finding.RuleId, out var i))
            {
                entry["ruleIndex"] = i;
            }

            entry["locations"] = finding.Location is { } place ? new JsonArray(Physical(place)) : new JsonArray();
            if (finding.RelatedLocations.Count > 0)
            {
                var related = new JsonArray();
                var id = 1;
                foreach (var place2 in finding.RelatedLocations)
                {
                    var location = Physical(place2);
                    location["id"] = id++;
                    if (place2.Message is { } text)
                    {
                        location["message"] = new JsonObject { ["text"] = text };
                    }

                    related.Add(location);
                }

                entry["relatedLocations"] = related;
            }

            entry["properties"] = new JsonObject { ["project"] = finding.Project };
            results.Add(entry);
        }

        var projects = new JsonArray();
        foreach (var project in result.Projects)
        {
            projects.Add(new JsonObject
            {
                ["name"] = project.Name,
                ["path"] = project.Path,
                ["loadedBy"] = project.Mode == LoadMode.MSBuild ? "msbuild" : "fallback",
                ["fallbackReason"] = project.FallbackReason,
                ["note"] = project.Note,
                ["lines"] = project.Lines,
                ["compileErrors"] = project.CompileErrors,
                ["compileErrorsPerThousandLines"] = Math.Round(project.ErrorsPerThousandLines, 2),
            });
        }

        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "securestorage",
                        ["fullName"] = "SecureStorageAnalyzers audit (securestorage scan)",
                        ["version"] = Pack.Version,
                        ["semanticVersion"] = Pack.Version,
                        ["informationUri"] = Descriptors.RepositoryUrl,
                        ["rules"] = driverRules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    ["%SRCROOT%"] = new JsonObject { ["uri"] = new Uri(Path.TrimEndingDirectorySeparator(result.Root) + Path.DirectorySeparatorChar).AbsoluteUri },
                },
                ["invocations"] = new JsonArray(new JsonObject
                {
                    ["executionSuccessful"] = result.Projects.Count > 0,
                    ["toolExecutionNotifications"] = new JsonArray(result.Problems.Select(p => (JsonNode)new JsonObject
                    {
                        ["level"] = "warning",
                        ["message"] = new JsonObject { ["text"] = p },
                    }).ToArray()),
                }),
                ["results"] = results,
                ["properties"] = new JsonObject { ["projects"] = projects },
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Physical(SourcePlace place)
    {
        var absolute = Path.IsPathRooted(place.Path);
        var artifact = new JsonObject { ["uri"] = absolute ? new Uri(place.Path).AbsoluteUri : Uri.EscapeDataString(place.Path).Replace("%2F", "/", StringComparison.Ordinal) };
        if (!absolute)
        {
            artifact["uriBaseId"] = "%SRCROOT%";
        }

        return new JsonObject
        {
            ["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = artifact,
                ["region"] = new JsonObject
                {
                    ["startLine"] = place.Line,
                    ["startColumn"] = place.Column,
                    ["endLine"] = place.EndLine,
                    ["endColumn"] = place.EndColumn,
                },
            },
        };
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };
}
