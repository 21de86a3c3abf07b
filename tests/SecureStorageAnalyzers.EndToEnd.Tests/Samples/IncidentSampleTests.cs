using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// <c>dotnet build samples/SecureStorageAnalyzers.Samples.IncidentApp</c>, the README's main command: the incident
/// sample builds (exit 0) and the pack reports every problem of the incident, at the places the snapshot records.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class IncidentSampleTests(SampleBuildFixture fixture, ITestOutputHelper output)
{
    public const string Sample = "SecureStorageAnalyzers.Samples.IncidentApp";

    private const string TestDirectory = "tests/SecureStorageAnalyzers.EndToEnd.Tests/Samples";

    [Fact]
    public async Task Build_SucceedsWithWarningsAsync()
    {
        var build = await BuildAsync();

        Assert.True(build.Command.ExitCode == 0, $"The incident sample must build (its problems are warnings):\n{build}");
        Assert.Contains(build.RequireLog().Results, result => result.Id.StartsWith("SSA", StringComparison.Ordinal) && result.Level == "warning");
    }

    [Fact]
    public async Task Build_HasNoAnalyzerLoadOrCrashDiagnosticsAsync()
    {
        var build = await BuildAsync();

        Assert.True(build.Command.ExitCode == 0, build.ToString());
        Assert.Empty(build.AnalyzerFailures());
    }

    [Fact]
    public async Task EveryRuleOfTheIncident_FiresAtLeastOnceAsync()
    {
        var build = await BuildAsync();
        var reported = build.RequireLog().Results.Select(result => result.Id).ToHashSet(StringComparer.Ordinal);

        // The sample shows the incident, not every rule: each rule is proven in a real build by its page's examples
        // (Package/*ConsumerTests.cs); here, the incident's three mistakes and the one finding that joins them.
        var silent = PackRules.OfTheIncident.Where(id => !reported.Contains(id)).ToList();

        Assert.True(silent.Count == 0,
            $"Rules of the incident that the incident sample never triggers: {string.Join(", ", silent)}. " +
            $"samples/{Sample} must reproduce the incident ({nameof(PackRules)}.{nameof(PackRules.OfTheIncident)}).\n{build}");
    }

    [Fact]
    public async Task WebConfig_DirectoryBrowse_IsReportedAsync()
    {
        // The package's build targets add web.config to AdditionalFiles for a ProjectReference consumer too.
        var build = await BuildAsync();

        Assert.Contains(build.RequireLog().Results, result =>
            result.Id == "SSA0002" && result.File == $"samples/{Sample}/web.config");
    }

    [Fact]
    public async Task ConsoleOutput_ShowsEveryFindingAsync()
    {
        // What a user running the README command reads: "path(line,col): warning SSAxxxx: ...", one per finding.
        var build = await BuildAsync();
        var findings = build.RequireLog().Results.Where(result => result.Id.StartsWith("SSA", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(findings);

        Assert.All(findings, finding =>
        {
            var path = Path.Combine(DotNet.RepositoryRoot, finding.File);
            Assert.Contains($"{path}({finding.Line},{finding.Column}): warning {finding.Id}: {finding.Message}", build.Command.Output, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Diagnostics_MatchTheCommittedSnapshotAsync()
    {
        var build = await BuildAsync();
        Assert.True(build.Command.ExitCode == 0, build.ToString());

        var diagnostics = build.RequireLog().Results
            .Where(result => result.Id.StartsWith("SSA", StringComparison.Ordinal))
            .OrderBy(result => result.File, StringComparer.Ordinal)
            .ThenBy(result => result.Line)
            .ThenBy(result => result.Column)
            .ThenBy(result => result.Id, StringComparer.Ordinal)
            .Select(result => new { result.Id, result.File, result.Line, result.Message })
            .ToList();
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine($"{diagnostic.Id} {diagnostic.File}:{diagnostic.Line} {diagnostic.Message}");
        }

        CommittedSnapshot.Match(diagnostics, TestDirectory, "IncidentSampleTests.Diagnostics");
    }

    private async Task<SampleBuild> BuildAsync()
    {
        var build = await fixture.BuildAsync(Sample, warningsAsErrors: false);
        output.WriteLine($"analyzers: exit {fixture.AnalyzersBuild.ExitCode} in {fixture.AnalyzersBuild.Elapsed.TotalSeconds:F1}s; " +
                         $"{Sample}: exit {build.Command.ExitCode} in {build.Command.Elapsed.TotalSeconds:F1}s ({build.CommandLine})");
        return build;
    }
}
