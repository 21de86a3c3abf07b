using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// Bulk fixes with the README's command, <c>dotnet format analyzers --diagnostics SSA0002 SSA0003 --severity warn</c>,
/// on the packed package's consumer. dotnet format applies, per diagnostic id, a Fix All in Solution with the
/// equivalence key of the FIRST code action the fixer registers for the FIRST diagnostic of the analyzers that report the
/// id, whatever that diagnostic's id (the order varies from run to run); occurrences whose fixer offers no action with
/// that key are left alone. This test holds the pack to "one run fixes every occurrence". It can only meet one order
/// per run; IncidentSampleFixAllTests and OtherRulesFindingsTests check every order.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class DotnetFormatTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    /// <summary>The README's command: the two rules named.</summary>
    [Fact]
    public Task Dotnet_format_fixes_every_code_finding_in_one_run_and_the_result_compiles() =>
        FormatAndCheckAsync("dotnet format analyzers", "--diagnostics", "SSA0002", "SSA0003");

    /// <summary>
    /// Every rule at once, as a user fixing everything runs it. The directory browser over a private folder is one
    /// finding, SSA0002's (SSA0001 leaves listings to it); its fix removes the call.
    /// </summary>
    [Fact]
    public Task Dotnet_format_without_a_rule_list_fixes_every_code_finding_of_every_rule() =>
        FormatAndCheckAsync("dotnet format analyzers (every rule)");

    private async Task FormatAndCheckAsync(string step, params string[] ruleArguments)
    {
        var program = Path.Combine(fixture.ConsumerDirectory, "Program.cs");
        string[] arguments = ["format", "analyzers", ConsumerProject.ProjectFile, .. ruleArguments, "--severity", "warn", "--no-restore", "-v", "diag"];
        try
        {
            var format = await fixture.Timings.TimeAsync(step, output,
                () => PackedConsumerFixture.RunAsync(fixture.ConsumerDirectory, arguments));
            var fixedProgram = await File.ReadAllTextAsync(program);
            output.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{format}\nProgram.cs after the fix:\n{fixedProgram}");
            PackedConsumerFixture.AssertAnalyzersLoaded(format, "dotnet format analyzers");
            Assert.True(format.ExitCode == 0, $"dotnet format analyzers failed:\n{format}");
            Assert.True(fixedProgram != ConsumerProject.ProgramText, $"dotnet format changed nothing in Program.cs:\n{format}");

            var build = await fixture.BuildAsync($"consumer build after {step}", output);
            var remaining = BuildOutput.SsaFindings(build.Output);
            var compilerErrors = BuildOutput.Findings(build.Output).Where(f => f.Severity == "error").ToList();

            Assert.True(build.ExitCode == 0 && compilerErrors.Count == 0,
                $"The fixed consumer does not compile:\n{BuildOutput.Describe(compilerErrors)}\nProgram.cs:\n{fixedProgram}\n{build}");
            // web.config findings have no code fix (Roslyn cannot edit an additional file): that one remains, and the
            // findings of rules a --diagnostics list leaves out (SSA0001 under the README's SSA0002 SSA0003), unmoved.
            var listed = ruleArguments.Skip(1).ToHashSet(StringComparer.Ordinal);
            List<Finding> expected = [.. ConsumerProject.ProgramFindings.Where(f => listed.Count > 0 && !listed.Contains(f.Id)), ConsumerProject.WebConfigFinding];
            Assert.True(remaining.OrderBy(f => f.ToString(), StringComparer.Ordinal).SequenceEqual(expected.OrderBy(f => f.ToString(), StringComparer.Ordinal)),
                $"After one dotnet format run only {string.Join(", ", expected)} may remain; left:\n{BuildOutput.Describe(remaining)}\n" +
                "(dotnet format fixes, per rule, only the findings that offer a code action with the equivalence key of the first " +
                "action registered for the first finding: every finding of a rule needs its default fix under one shared key.)\n" +
                $"Program.cs after the fix:\n{fixedProgram}\ndotnet format output:\n{format}");
            Assert.True(fixedProgram.Contains("app.UseDirectoryBrowser(\"/dev-files\");", StringComparison.Ordinal),
                $"dotnet format touched the Development-only registration, which had no finding:\n{fixedProgram}");
        }
        finally
        {
            await File.WriteAllTextAsync(program, ConsumerProject.ProgramText);
        }
    }
}
