using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Meta;

/// <summary>
/// The three places a rule is listed say what its descriptor says: its page (docs/rules/{id}.md: title line and header
/// table), its row in the README's rule table, and its row in release tracking (AnalyzerReleases.Unshipped.md, or
/// Shipped once released). Id, title, category, default severity and help link are compared; a page or row for an id no
/// descriptor has fails too. Release tracking's own build check (RS2000/RS2001) compares id, category and severity only.
/// </summary>
public partial class DescriptorConventionTests
{
    private static readonly string ReleaseFolder = Path.Combine(TestReferences.RepositoryRoot, "src", "SecureStorageAnalyzers.Analyzers");

    /// <summary>How the README and the pages write a default severity: an error in bold, as it stands out from the warnings.</summary>
    private static string SeverityInDocs(DiagnosticDescriptor descriptor) =>
        descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "**Error**" : descriptor.DefaultSeverity.ToString();

    /// <summary>The relative path the help link opens, as the README links it: <c>docs/rules/SSA0001.md</c>.</summary>
    private static string PagePath(DiagnosticDescriptor descriptor)
    {
        var marker = "/blob/main/";
        var at = descriptor.HelpLinkUri.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{descriptor.Id}: help link {descriptor.HelpLinkUri} is not a file of the repository");
        return descriptor.HelpLinkUri[(at + marker.Length)..];
    }

    /// <summary>The cells of a Markdown table row, trimmed, without the outer pipes.</summary>
    private static string[] Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();

    /// <summary>The README's rule table rows (those that start with a link to a rule), with the id the link names.</summary>
    private static IReadOnlyList<(string Id, string[] Cells)> ReadmeRuleRows() =>
        File.ReadLines(Path.Combine(TestReferences.RepositoryRoot, "README.md"))
            .Select(line => (Link: ReadmeRuleLink().Match(line), Line: line))
            .Where(row => row.Link.Success)
            .Select(row => (row.Link.Groups["id"].Value, Cells(row.Line)))
            .ToList();

    /// <summary>The rows of the "New Rules" tables of both release-tracking files (id, category, severity, notes).</summary>
    private static IReadOnlyList<string[]> ReleaseRows() =>
        new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }
            .SelectMany(file => File.ReadLines(Path.Combine(ReleaseFolder, file)))
            .Where(line => ReleaseRuleRow().IsMatch(line))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsDocsPage(string id)
    {
        var descriptor = Descriptor(id);
        var page = Path.Combine(TestReferences.RepositoryRoot, PagePath(descriptor));

        Assert.Equal(Path.Combine(TestReferences.RepositoryRoot, "docs", "rules", id + ".md"), page);
        Assert.True(File.Exists(page), $"missing {page}");
        var lines = File.ReadAllLines(page);
        Assert.Equal($"# {id}: {descriptor.Title}", lines[0]);
        var header = lines.Skip(1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => l.StartsWith('|'))
            .Select(Cells).Where(c => c.Length == 2).ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(id, header["Rule ID"]);
        Assert.Equal(descriptor.Category, header["Category"]);
        Assert.Equal(SeverityInDocs(descriptor), header["Default severity"]);
        Assert.Equal(descriptor.IsEnabledByDefault ? "Yes" : "No", header["Enabled by default"]);
    }

    /// <summary>
    /// One row of the README's rule table: <c>| [SSA0002](docs/rules/SSA0002.md) | title | severity | fix |</c>. The title
    /// cell may add a parenthesis after the descriptor's title (which clouds, what the chain is).
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsReadmeRow(string id)
    {
        var descriptor = Descriptor(id);
        var row = Assert.Single(ReadmeRuleRows(), r => r.Id == id).Cells;

        Assert.Equal($"[{id}]({PagePath(descriptor)})", row[0]);
        var title = descriptor.Title.ToString();
        Assert.True(row[1] == title || row[1].StartsWith(title + " (", StringComparison.Ordinal),
            $"README's title for {id} is '{row[1]}', the descriptor's '{title}'");
        Assert.Equal(SeverityInDocs(descriptor), row[2]);
    }

    /// <summary>One row of release tracking: <c>SSA0002 | Security | Warning | title, [Documentation](help link)</c>.</summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsReleaseTrackingRow(string id)
    {
        var descriptor = Descriptor(id);
        var row = Assert.Single(ReleaseRows(), cells => cells[0] == id);

        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
        Assert.Equal($"{descriptor.Title}, [Documentation]({descriptor.HelpLinkUri})", row[3]);
    }

    /// <summary>No page, README row or release row for a rule the pack does not have (a renamed or removed id).</summary>
    [Fact]
    public void RuleListings_NameOnlyTheRulesThePackHas()
    {
        var ids = AllDescriptors.Select(d => d.Id).ToList();

        Assert.Equal(ids, Directory.GetFiles(RulesFolder, "SSA*.md").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
        Assert.Equal(ids, ReadmeRuleRows().Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(ids, ReleaseRows().Select(cells => cells[0]).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| \[(?<id>SSA\d{4})\]\(")]
    private static partial Regex ReadmeRuleLink();

    [GeneratedRegex(@"^SSA\d{4} *\|[^|]*\|[^|]*\|")]
    private static partial Regex ReleaseRuleRow();
}
