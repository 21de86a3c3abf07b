using System.Text.RegularExpressions;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Meta;

/// <summary>
/// Every rule page follows the one template of docs/rules/README.md: the sections its template table lists, in that
/// order. The table is read from the README, so the template is written down once; the section a page has only with a
/// code fix ("With a code fix only") is required exactly when a fixer of the pack fixes the rule.
/// </summary>
public partial class DescriptorConventionTests
{
    private static readonly string RulesFolder = Path.Combine(TestReferences.RepositoryRoot, "docs", "rules");

    /// <summary>The template's sections in order, and whether each is only for rules with a code fix.</summary>
    private static IReadOnlyList<(string Heading, bool FixOnly)> TemplateSections()
    {
        var sections = new List<(string, bool)>();
        foreach (var line in File.ReadLines(Path.Combine(RulesFolder, "README.md")))
        {
            var row = Regex.Match(line, @"^\| `(## [^`]+)` \| (.*)\|$");
            if (row.Success)
            {
                sections.Add((row.Groups[1].Value, row.Groups[2].Value.StartsWith("With a code fix only", StringComparison.Ordinal)));
            }
        }

        return sections;
    }

    [Fact]
    public void RulePageTemplate_IsReadFromTheReadme()
    {
        var sections = TemplateSections();

        Assert.Contains(sections, s => s.Heading == "## Cause" && !s.FixOnly);
        Assert.Contains(sections, s => s.Heading == "## When and how to suppress" && !s.FixOnly);
        Assert.Single(sections, s => s.FixOnly);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePage_HasTheTemplateSectionsInOrder(string id)
    {
        var hasFix = Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
        var headings = File.ReadLines(Path.Combine(RulesFolder, id + ".md"))
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => l.TrimEnd())
            .ToList();

        var previous = -1;
        foreach (var (heading, fixOnly) in TemplateSections())
        {
            var at = headings.IndexOf(heading);
            if (fixOnly && !hasFix)
            {
                Assert.True(at < 0, $"{id}.md has '{heading}' but no fixer fixes {id}");
                continue;
            }

            Assert.True(at >= 0, $"{id}.md lacks '{heading}'");
            Assert.True(at > previous, $"{id}.md has '{heading}' out of the template's order");
            previous = at;
        }
    }

    /// <summary>
    /// The page's examples are what the end-to-end tests build as the rule's proof (docs/rules/README.md, "Examples are
    /// built"): a page has a non-compliant C# or XML example that marks a line with the rule's id, and no compliant
    /// example marks one. This is the shape only; whether they compile and fire is the package tests' to say.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePage_ExamplesHaveTheShapeTheEndToEndTestsBuild(string id)
    {
        var lines = File.ReadAllLines(Path.Combine(RulesFolder, id + ".md"));
        var marker = new Regex(@"(//|<!--)\s*" + id + @"\b");
        var markedNonCompliant = 0;
        string? section = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i].TrimEnd();
                continue;
            }

            if (lines[i].StartsWith("<!-- not built", StringComparison.Ordinal))
            {
                Assert.True(Regex.IsMatch(lines[i], @"^<!-- not built: \S.* -->$") && i + 1 < lines.Length && lines[i + 1].StartsWith("```", StringComparison.Ordinal),
                    $"{id}.md line {i + 1}: write `<!-- not built: reason -->` on the line just above the block's fence");
            }

            if (section is not ("## Non-compliant examples" or "## Compliant examples") || lines[i] is not ("```csharp" or "```xml"))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            Assert.True(end > i, $"{id}.md: the block at line {i + 1} is never closed");
            var built = i == 0 || !lines[i - 1].StartsWith("<!-- not built", StringComparison.Ordinal);
            var marks = lines[(i + 1)..end].Count(marker.IsMatch);
            if (section == "## Compliant examples")
            {
                Assert.True(marks == 0, $"{id}.md: the compliant example at line {i + 1} marks a line with {id} (a mark says the rule reports that line)");
            }
            else if (built)
            {
                Assert.True(marks > 0, $"{id}.md: the non-compliant example at line {i + 1} marks no line with {id} (`// {id}` at the end of the line it reports)");
                markedNonCompliant++;
            }

            i = end;
        }

        Assert.True(markedNonCompliant > 0,
            $"{id}.md has no built non-compliant example: the end-to-end tests prove the rule with it (docs/rules/README.md, \"Examples are built\")");
    }
}
