using SecureStorageAnalyzers.EndToEnd.Tests.Samples;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Templates;

/// <summary>
/// The <c>dotnet new</c> ASP.NET Core templates, Individual authentication (IdentityUser's e-mail, user name and phone
/// number everywhere) included, are what the framework itself calls safe: zero SSA diagnostics in their own files, zero
/// analyzer failures. The SARIF rule list only shows the analyzer was loaded, so each template also carries a seeded
/// file with one known finding per rule family, and exactly those must be reported: the pack analyzed the project.
/// Runs in the sample-build collection, which builds the analyzer assembly first.
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class TemplateTests(SampleBuildFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryTemplate_InstantiatesAndBuildsAsync()
    {
        var templates = await TemplateBuilds.GetAsync(fixture);
        output.WriteLine($"{templates.CommandLine}: exit {templates.Build.ExitCode}, {templates.Elapsed.TotalSeconds:F0}s with dotnet new");

        Assert.All(templates.Instantiations, i => Assert.True(i.ExitCode == 0, i.ToString()));
        Assert.True(templates.Build.ExitCode == 0, templates.ToString());
    }

    [Theory]
    [MemberData(nameof(TemplateBuilds.Names), MemberType = typeof(TemplateBuilds))]
    public async Task Template_HasNoFindingAndNoAnalyzerFailureAsync(string template)
    {
        var templates = await TemplateBuilds.GetAsync(fixture);
        var log = templates.Log(template);
        Assert.True(log is not null, $"{template} wrote no SARIF log:\n{templates}");

        // The compiler lists every rule of every analyzer it loaded: without them, "no finding" would prove nothing.
        Assert.All(PackRules.Ids, id => Assert.Contains(id, log.RuleIds));
        var findings = log.Results.Where(r => r.Id.StartsWith("SSA", StringComparison.Ordinal) || SampleBuild.AnalyzerFailureIds.Contains(r.Id)).ToList();
        foreach (var finding in findings)
        {
            output.WriteLine(finding.ToString());
        }

        // The rule list does not prove the analysis ran: the seeded file's findings do, exactly those and nothing else.
        var seedPath = $"{template}/{TemplateBuilds.SeedFile}";
        var expected = TemplateBuilds.SeededFindingsFor(template).Select(f => $"{seedPath}({f.Line}): {f.Id}").ToList();
        Assert.NotEmpty(expected);
        var actual = findings.Where(f => f.File == seedPath).Select(f => $"{f.File}({f.Line}): {f.Id}").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.OrderBy(f => f, StringComparer.Ordinal), actual);

        // The template's own files stay clean.
        Assert.DoesNotContain(findings, f => f.File != seedPath);
        var consoleFailures = templates.Build.Output.Split('\n')
            .Where(line => line.Contains($"/{template}/", StringComparison.Ordinal) &&
                           SampleBuild.AnalyzerFailureIds.Any(id => line.Contains(id, StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(consoleFailures);
    }

    /// <summary>
    /// The SDK's own compiler (C# 13 and newer) still gets every finding: params span arguments are followed. An
    /// image-only upload under a generated name in a five-part path is public media (not reported), any file is reported;
    /// the folder model reads the five-part paths too, so the download endpoint over the folder the phone-number files are
    /// written to is the SSA0009 chain (missed on this compiler before 2026-12-07).
    /// </summary>
    [Fact]
    public async Task NewerCompilerShapes_AreFollowedAsync()
    {
        var templates = await TemplateBuilds.GetAsync(fixture);
        var log = templates.Log(TemplateBuilds.NewerCompilerProject);
        Assert.True(log is not null, $"no SARIF log:\n{templates}");

        var lines = TemplateBuilds.NewerCompilerProgram.Split('\n');
        int Line(string snippet) => Array.FindIndex(lines, l => l.Contains(snippet, StringComparison.Ordinal)) + 1;
        var expected = new[]
        {
            ("SSA0005", Line("Results.File(")),
            ("SSA0009", Line("Results.File(")),
            ("SSA0101", Line("File.WriteAllBytes(")),
            ("SSA0101", Line("phoneNumber + \".mp3\"")),
            ("SSA0006", Line("using var any = ")),
        };
        var actual = log.Results.Where(r => r.Id.StartsWith("SSA", StringComparison.Ordinal)).Select(r => (r.Id, r.Line)).OrderBy(r => r.Line).ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, actual);
    }
}
