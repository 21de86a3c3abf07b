using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// <c>dotnet build samples/SecureStorageAnalyzers.Samples.SecureApp -warnaserror</c>: the same features done right
/// build with zero warnings of any kind, while the pack's analyzers demonstrably ran on them.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class SecureSampleTests(SampleBuildFixture fixture, ITestOutputHelper output)
{
    public const string Sample = "SecureStorageAnalyzers.Samples.SecureApp";

    [Fact]
    public async Task BuildWithWarningsAsErrors_SucceedsAsync()
    {
        var build = await BuildAsync();

        Assert.True(build.Command.ExitCode == 0, $"The secure sample must build with -warnaserror:\n{build}");
    }

    [Fact]
    public async Task Build_ReportsNoDiagnosticAsync()
    {
        var build = await BuildAsync();

        Assert.Empty(build.RequireLog().Results);
        Assert.Empty(build.AnalyzerFailures());
    }

    [Fact]
    public async Task EveryRuleOfThePack_RanOnTheSecureSampleAsync()
    {
        // Without this, "no SSA diagnostic" would also pass if the analyzers were not wired in at all. The compiler
        // lists in its SARIF log the rules of every analyzer it ran, whether they reported anything or not.
        var build = await BuildAsync();
        var ran = build.RequireLog().RuleIds;

        Assert.All(PackRules.Ids, id => Assert.Contains(id, ran));
    }

    private async Task<SampleBuild> BuildAsync()
    {
        var build = await fixture.BuildAsync(Sample, warningsAsErrors: true);
        output.WriteLine($"analyzers: exit {fixture.AnalyzersBuild.ExitCode} in {fixture.AnalyzersBuild.Elapsed.TotalSeconds:F1}s; " +
                         $"{Sample}: exit {build.Command.ExitCode} in {build.Command.Elapsed.TotalSeconds:F1}s ({build.CommandLine})");
        return build;
    }
}
