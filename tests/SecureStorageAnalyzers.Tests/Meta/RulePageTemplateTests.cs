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
}
