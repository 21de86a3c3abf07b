using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// <c>dotnet build samples/SecureStorageAnalyzers.Samples.ClassicIncidentApp</c>: the incident on classic ASP.NET (an
/// .ashx handler, IIS, web.config) builds (exit 0) and the pack reports its problems at the places the snapshot records.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class ClassicIncidentSampleTests(SampleBuildFixture fixture, ITestOutputHelper output)
{
    public const string Sample = "SecureStorageAnalyzers.Samples.ClassicIncidentApp";

    private const string TestDirectory = "tests/SecureStorageAnalyzers.EndToEnd.Tests/Samples";

    [Fact]
    public async Task Diagnostics_MatchTheCommittedSnapshotAsync()
    {
        var build = await fixture.BuildAsync(Sample, warningsAsErrors: false);
        output.WriteLine($"{Sample}: exit {build.Command.ExitCode} ({build.CommandLine})");
        Assert.True(build.Command.ExitCode == 0, $"The classic incident sample must build (its problems are warnings):\n{build.Command}");
        Assert.Empty(build.AnalyzerFailures());

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

        // The incident's three mistakes, each found: served to anonymous users, listed, named after the caller.
        Assert.Contains(diagnostics, d => d.Id == "SSA0012" && d.File == $"samples/{Sample}/web.config");
        Assert.Contains(diagnostics, d => d.Id == "SSA0002" && d.File == $"samples/{Sample}/web.config");
        Assert.Contains(diagnostics, d => d.Id == "SSA0101");
        Assert.Contains(diagnostics, d => d.Id == "SSA0006");
        CommittedSnapshot.Match(diagnostics, TestDirectory, "ClassicIncidentSampleTests.Diagnostics");
    }
}
