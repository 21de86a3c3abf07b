using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using SecureStorageAnalyzers.EndToEnd.Tests.Samples;
using SecureStorageAnalyzers.TestShared;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The rule pages' examples as files of the consumer of each rule's family (read and shaped by
/// <see cref="RulePageExampleReader"/>, tests/Shared). The consumer tests build them with the packed package and
/// <see cref="AssertBuilt"/> checks, from the build's own output, that each non-compliant example gets the page's rule at
/// exactly its marked lines and each compliant one gets none.
/// </summary>
public static class RulePageExamples
{
    public const string Folder = RulePageExampleReader.Folder;

    public static ExampleConsumer ConsumerOf(string ruleId) => PackRules.FamilyOf(ruleId) switch
    {
        "Iis" => ExampleConsumer.Net48,
        "CloudStorage" or "PersonalData" or "ExposureChain" => ExampleConsumer.Cloud,
        _ => ExampleConsumer.Net8,
    };

    /// <summary>The files of every example of every rule the consumer builds.</summary>
    public static IReadOnlyList<ExampleFile> FilesFor(ExampleConsumer consumer)
    {
        var rules = PackRules.Ids.Where(id => ConsumerOf(id) == consumer).ToList();
        var files = new List<ExampleFile>();
        foreach (var id in rules)
        {
            var examples = RulePageExampleReader.Read(DotNet.RepositoryRoot, id);
            if (!examples.Any(e => !e.Compliant))
            {
                throw new InvalidOperationException(
                    $"docs/rules/{id}.md has no built non-compliant example: the end-to-end tests prove each rule in a real build with its page's " +
                    "non-compliant example (docs/rules/README.md, \"Examples are built\").");
            }

            foreach (var example in examples)
            {
                files.AddRange(example.Language == "xml" ? [RulePageExampleReader.WebConfig(example)] : RulePageExampleReader.CSharpFiles(example, consumer));
            }
        }

        return files;
    }

    /// <summary>Writes the consumer's example files under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ExampleFile> Write(ExampleConsumer consumer, string directory)
    {
        var files = FilesFor(consumer);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        return files;
    }

    /// <summary>
    /// What the build says about the examples: none fails to compile, each non-compliant one gets its page's rule at exactly
    /// its marked lines, each compliant one gets none. The message names the page, the example and the page's lines.
    /// </summary>
    public static void AssertBuilt(IReadOnlyList<ExampleFile> files, string consumerDirectory, string buildOutput)
    {
        var findings = BuildOutput.FindingsByPath(buildOutput, consumerDirectory);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var errors = findings.Where(f => f.File == file.RelativePath && f.Severity == "error" && !f.Id.StartsWith("SSA", StringComparison.Ordinal)).ToList();
            if (errors.Count > 0)
            {
                problems.Add($"{file.Example} does not compile ({file.RelativePath}):\n" + string.Join('\n', errors.Select(e =>
                    $"    page line {Describe(file, [e.Line])}: {e.Id} {BuildOutput.MessageOf(buildOutput, e)}")));
                continue;
            }

            var marked = file.MarkedLines();
            if (file.Example.Compliant && marked.Count > 0)
            {
                problems.Add($"{file.Example} is compliant but marks {file.Example.RuleId} at page lines {Describe(file, marked)}");
            }

            var reported = findings.Where(f => f.File == file.RelativePath && f.Id == file.Example.RuleId).Select(f => f.Line).Distinct().Order().ToList();
            if (!marked.SequenceEqual(reported))
            {
                problems.Add(file.Example.Compliant
                    ? $"{file.Example} gets {file.Example.RuleId} at page lines {Describe(file, reported)}: a compliant example must get none"
                    : $"{file.Example} must get {file.Example.RuleId} at page lines {Describe(file, marked)} (the lines whose comment starts with the id), " +
                      $"the build reports it at {Describe(file, reported)}");
            }
        }

        foreach (var example in files.GroupBy(f => f.Example).Where(g => !g.Key.Compliant && g.All(f => f.MarkedLines().Count == 0)))
        {
            problems.Add($"{example.Key} marks no line with {example.Key.RuleId}: a non-compliant example says where the finding is");
        }

        Assert.True(problems.Count == 0,
            $"The rule pages' examples, built with the packed package in {consumerDirectory}:\n  {string.Join("\n  ", problems)}\n\n{buildOutput}");
    }

    private static string Describe(ExampleFile file, IReadOnlyList<int> fileLines) =>
        fileLines.Count == 0 ? "(none)" : string.Join(", ", fileLines.Select(line => file.PageLineOf(line) is var page and > 0 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"(added line {line})"));
}
