using System.Text.Json;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// <c>dotnet build</c> of a web project outside the repository that only has a PackageReference to the packed package:
/// what a developer and a CI pipeline see.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class ConsumerBuildTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Build_reports_each_finding_with_its_id_file_and_line()
    {
        var run = await fixture.BaselineBuildAsync(output);
        var actual = BuildOutput.SsaFindings(run.Result.Output);

        Assert.True(run.Result.ExitCode == 0, $"Warnings alone must not fail the build:\n{run.Result}");
        AssertSameFindings(ConsumerProject.AllFindings, actual, run.Result.ToString());

        // The console line ends with the rule's help link, which the IDE and the CI log show as a link.
        var lines = run.Result.Output.Split('\n').Where(l => l.Contains(": warning SSA", StringComparison.Ordinal)).ToList();
        foreach (var line in lines)
        {
            var id = line[(line.IndexOf(": warning SSA", StringComparison.Ordinal) + ": warning ".Length)..][..7];
            Assert.True(line.Contains($"({HelpLink(id)})", StringComparison.Ordinal), $"The {id} line does not end with its help link {HelpLink(id)}:\n{line}");
        }
    }

    private static string HelpLink(string id) => $"https://github.com/SecureStorageAnalyzers/SecureStorageAnalyzers/blob/main/docs/rules/{id}.md";

    [Fact]
    public async Task Web_config_is_analyzed_without_any_edit_of_the_project_file()
    {
        var projectFile = await File.ReadAllTextAsync(Path.Combine(fixture.ConsumerDirectory, ConsumerProject.ProjectFile));
        Assert.True(!projectFile.Contains("AdditionalFiles", StringComparison.OrdinalIgnoreCase) && !projectFile.Contains("web.config", StringComparison.OrdinalIgnoreCase),
            $"The consumer project must not mention web.config itself, or this test proves nothing:\n{projectFile}");

        var run = await fixture.BaselineBuildAsync(output);
        var webConfig = BuildOutput.SsaFindings(run.Result.Output).Where(f => f.File == "web.config").ToList();

        Assert.True(webConfig.SequenceEqual([ConsumerProject.WebConfigFinding]),
            $"Expected {ConsumerProject.WebConfigFinding} from the package's build/SecureStorageAnalyzers.targets, got:\n{BuildOutput.Describe(webConfig)}\n{run.Result}");
    }

    [Fact]
    public async Task Warnaserror_fails_the_build_on_every_finding()
    {
        var result = await fixture.BuildAsync("consumer build -warnaserror", output, "-warnaserror");
        var actual = BuildOutput.SsaFindings(result.Output);

        Assert.True(result.ExitCode != 0, $"dotnet build -warnaserror must fail on the findings:\n{result}");
        AssertSameFindings(ConsumerProject.AllFindings.Select(f => f with { Severity = "error" }).ToList(), actual, result.ToString());
    }

    [Fact]
    public async Task Sarif_2_1_log_carries_help_links_and_locations()
    {
        var run = await fixture.BaselineBuildAsync(output);
        Assert.True(run.Sarif is not null, $"-p:ErrorLog=baseline.sarif%2Cversion=2.1 wrote no {run.SarifPath}:\n{run.Result}");
        using var document = JsonDocument.Parse(run.Sarif!);
        var root = document.RootElement;
        var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
        Assert.True(version == "2.1.0", $"{run.SarifPath} is SARIF '{version}', not 2.1.0 (was the comma in ErrorLog escaped?):\n{run.Result}");

        var sarifRun = root.GetProperty("runs").EnumerateArray().Single();
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").TryGetProperty("rules", out var r)
            ? r.EnumerateArray().ToList()
            : [];
        // The log also describes every rule of the SDK's own analyzers: show only ours.
        var ssaRules = string.Join('\n', rules.Where(x => x.GetProperty("id").GetString()!.StartsWith("SSA", StringComparison.Ordinal)));
        output.WriteLine($"{run.SarifPath}, SSA rules:\n{ssaRules}");
        foreach (var id in ConsumerProject.AllFindings.Select(f => f.Id).Distinct())
        {
            var rule = rules.SingleOrDefault(x => x.GetProperty("id").GetString() == id);
            Assert.True(rule.ValueKind == JsonValueKind.Object,
                $"The SARIF log has no rule {id}. Its rules: {string.Join(", ", rules.Select(x => x.GetProperty("id").GetString()))}\n{run.Result}");
            var expectedHelp = HelpLink(id);
            var help = rule.TryGetProperty("helpUri", out var h) ? h.GetString() : null;
            Assert.True(help == expectedHelp, $"Rule {id} has helpUri '{help}', expected '{expectedHelp}' (code scanning links the alert there):\n{rule}");
        }

        var results = sarifRun.GetProperty("results").EnumerateArray()
            .Where(x => x.GetProperty("ruleId").GetString()!.StartsWith("SSA", StringComparison.Ordinal))
            .Select(x =>
            {
                var location = x.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                var region = location.GetProperty("region");
                return (Id: x.GetProperty("ruleId").GetString()!, Uri: uri, Line: region.GetProperty("startLine").GetInt32(),
                        Column: region.TryGetProperty("startColumn", out var c) ? c.GetInt32() : 0, Level: x.TryGetProperty("level", out var l) ? l.GetString() : "warning");
            })
            .ToList();
        var described = string.Join('\n', results.Select(x => $"  {x.Id} {x.Uri}:{x.Line}:{x.Column} {x.Level}"));
        output.WriteLine($"SSA results:\n{described}");

        foreach (var expected in ConsumerProject.AllFindings)
        {
            var match = results.Count(x => x.Id == expected.Id && x.Uri.EndsWith("/" + expected.File, StringComparison.Ordinal) &&
                                           x.Line == expected.Line && x.Column == expected.Column && x.Level == "warning");
            Assert.True(match == 1, $"Expected one SARIF result {expected} (uri ending in /{expected.File}), found {match}. SSA results:\n{described}");
        }

        Assert.True(results.Count == ConsumerProject.AllFindings.Count,
            $"Expected exactly {ConsumerProject.AllFindings.Count} SSA results. SSA results:\n{described}");
    }

    [Fact]
    public async Task Editorconfig_severity_none_silences_the_rule_in_code()
    {
        const string editorconfig = """
            root = true

            [*.cs]
            dotnet_diagnostic.SSA0002.severity = none
            """;
        var result = await fixture.WithFileAsync(".editorconfig", editorconfig,
            () => fixture.BuildAsync("consumer build, .editorconfig SSA0002 = none", output));
        var actual = BuildOutput.SsaFindings(result.Output);

        Assert.True(result.ExitCode == 0, $"The build must succeed:\n{result}");
        // .editorconfig sections match source files only: the web.config finding keeps its default severity (use a
        // .globalconfig for it; docs/ci.md says so).
        AssertSameFindings(
            ConsumerProject.AllFindings.Where(f => f.Id != "SSA0002" || f.File == "web.config").ToList(),
            actual, result.ToString());
    }

    [Fact]
    public async Task Editorconfig_severity_error_makes_the_rule_an_error_and_fails_the_build()
    {
        const string editorconfig = """
            root = true

            [*.cs]
            dotnet_diagnostic.SSA0002.severity = error
            """;
        var result = await fixture.WithFileAsync(".editorconfig", editorconfig,
            () => fixture.BuildAsync("consumer build, .editorconfig SSA0002 = error", output));
        var actual = BuildOutput.SsaFindings(result.Output);

        Assert.True(result.ExitCode != 0, $"An error-severity finding must fail the build:\n{result}");
        AssertSameFindings(
            ConsumerProject.AllFindings.Select(f => f.Id == "SSA0002" && f.File == "Program.cs" ? f with { Severity = "error" } : f).ToList(),
            actual, result.ToString());
    }

    [Fact]
    public async Task Globalconfig_severity_reaches_the_web_config_finding()
    {
        const string globalconfig = """
            is_global = true
            dotnet_diagnostic.SSA0002.severity = error
            """;
        var result = await fixture.WithFileAsync(".globalconfig", globalconfig,
            () => fixture.BuildAsync("consumer build, .globalconfig SSA0002 = error", output));
        var actual = BuildOutput.SsaFindings(result.Output);

        Assert.True(result.ExitCode != 0, $"An error-severity finding must fail the build:\n{result}");
        AssertSameFindings(
            ConsumerProject.AllFindings.Select(f => f.Id == "SSA0002" ? f with { Severity = "error" } : f).ToList(),
            actual, result.ToString());
    }

    private static void AssertSameFindings(IReadOnlyList<Finding> expected, IReadOnlyList<Finding> actual, string commandOutput)
    {
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"Findings differ.\nMissing:\n{BuildOutput.Describe(missing)}\nUnexpected:\n{BuildOutput.Describe(unexpected)}\nExpected:\n{BuildOutput.Describe(expected)}\nBuild output:\n{commandOutput}");
    }
}
