using System.Globalization;
using System.Text;

namespace SecureStorageAnalyzers.RealCode;

/// <summary>One repository of repositories.tsv: owner/name, the pinned commit, and why it is in the set.</summary>
public sealed record Repository(string Name, string Commit, string Notes)
{
    /// <summary>The folder under --src: owner+name, as fetch.sh clones it.</summary>
    public string Folder => Name.Replace('/', '+');

    public static List<Repository> Load(string path) =>
        Tsv(path).Select(c => new Repository(c[0], c.Length > 1 ? c[1] : "", c.Length > 2 ? c[2] : "")).ToList();

    internal static IEnumerable<string[]> Tsv(string path) =>
        File.ReadAllLines(path)
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t').Select(c => c.Trim()).ToArray())
            .Where(c => !c[0].Equals("repository", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One judged place of labels.tsv. <see cref="Expected"/> is a rule id (the pack should report it here), "none" (no
/// finding of any rule belongs here) or "none:SSA0101" (no finding of that rule belongs here).
/// </summary>
public sealed record Label(string Repository, string Commit, string File, int Line, string Expected, string Why)
{
    public bool IsExpectedFinding => Expected.StartsWith("SSA", StringComparison.OrdinalIgnoreCase);

    /// <summary>For a "none" label, the rule it is about, or null for every rule.</summary>
    public string? NoneRule => Expected.StartsWith("none:", StringComparison.OrdinalIgnoreCase) ? Expected["none:".Length..] : null;

    public static List<Label> Load(string path) =>
        RealCode.Repository.Tsv(path)
            .Where(c => c.Length >= 5)
            .Select(c => new Label(c[0], c[1], c[2].Replace('\\', '/'), int.Parse(c[3], CultureInfo.InvariantCulture), c[4], c.Length > 5 ? c[5] : ""))
            .ToList();
}

/// <summary>One finding of the pack: where (relative to the repository), which rule, what it says.</summary>
public sealed record Finding(string Repository, string Project, string File, int Line, string Rule, string Message)
{
    public Verdict Verdict { get; set; } = Verdict.Unlabelled;

    public Label? Label { get; set; }
}

public enum Verdict
{
    Unlabelled,
    Right,
    Wrong,
    Duplicate,
}

/// <summary>Resolution of one compiled project: how well the in-memory compilation bound it.</summary>
public sealed record ProjectResult(string Repository, string Project, string Sdk, int Files, int Lines, int Errors, int Findings, string Note)
{
    public double ErrorsPerThousandLines => Lines == 0 ? 0 : Errors * 1000.0 / Lines;
}

/// <summary>Matches findings with labels (rule + file + line within ±2) and writes the markdown report.</summary>
public static class Scorer
{
    public const int LineTolerance = 2;

    /// <summary>
    /// The rules the table lists: every SSA id the measured pack supports (Program sets it from the analyzers'
    /// SupportedDiagnostics), plus any rule a finding or a label names, so a rule added to the pack gets its row.
    /// </summary>
    public static IReadOnlyList<string> Rules { get; set; } = new[] { "SSA0001", "SSA0002", "SSA0003", "SSA0004", "SSA0005", "SSA0006", "SSA0101" };

    private static List<string> RulesOf(List<Finding> findings, List<Label> labels) =>
        Rules.Concat(findings.Select(f => f.Rule))
            .Concat(labels.Where(l => l.IsExpectedFinding).Select(l => l.Expected))
            .Where(r => r.StartsWith("SSA", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();

    public static void Judge(List<Finding> findings, List<Label> labels)
    {
        var used = new HashSet<Label>();
        foreach (var finding in findings.OrderBy(f => f.Repository, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line))
        {
            var near = labels.Where(l => l.Repository.Equals(finding.Repository, StringComparison.OrdinalIgnoreCase)
                    && l.File.Equals(finding.File, StringComparison.Ordinal)
                    && Math.Abs(l.Line - finding.Line) <= LineTolerance)
                .OrderBy(l => Math.Abs(l.Line - finding.Line))
                .ToList();
            // One expected finding is matched once: two labels of one rule on one line stand for two registrations there
            // (a fluent chain), and a finding beyond the labels of its place is a duplicate.
            var candidates = near.Where(l => l.IsExpectedFinding && l.Expected.Equals(finding.Rule, StringComparison.OrdinalIgnoreCase)).ToList();
            var expected = candidates.FirstOrDefault(l => !used.Contains(l)) ?? candidates.FirstOrDefault();
            if (expected is not null)
            {
                finding.Label = expected;
                finding.Verdict = used.Add(expected) ? Verdict.Right : Verdict.Duplicate;
                continue;
            }

            var none = near.FirstOrDefault(l => !l.IsExpectedFinding && (l.NoneRule is null || l.NoneRule.Equals(finding.Rule, StringComparison.OrdinalIgnoreCase)));
            if (none is not null)
            {
                finding.Label = none;
                finding.Verdict = Verdict.Wrong;
            }
        }
    }

    public static string Report(
        List<Repository> repositories,
        List<Label> labels,
        List<Finding> findings,
        List<ProjectResult> projects,
        List<string> problems,
        string analyzerVersion)
    {
        var text = new StringBuilder();
        var measured = repositories.Where(r => projects.Any(p => p.Repository == r.Name)).ToList();
        var activeLabels = labels.Where(l => measured.Any(r => r.Name.Equals(l.Repository, StringComparison.OrdinalIgnoreCase))).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Real-code check: {measured.Count} of {repositories.Count} repositories, {projects.Count} projects, {projects.Sum(p => p.Lines):N0} lines");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Analyzers: SecureStorageAnalyzers {analyzerVersion}. A finding matches a label by rule, file and line (±{LineTolerance}).");
        text.AppendLine("Precision = right / (right + wrong), over labelled findings only (a duplicate on one expected place counts as wrong).");
        text.AppendLine("Recall = expected places found / expected places labelled.");
        text.AppendLine();
        text.AppendLine("| Rule | Findings | Labelled right | Labelled wrong | Duplicates | Unlabelled | Precision | Expected (labelled) | Found | Missed | Recall |");
        text.AppendLine("|------|---------:|---------------:|---------------:|-----------:|-----------:|----------:|--------------------:|------:|-------:|-------:|");
        var totals = new int[9];
        foreach (var rule in RulesOf(findings, activeLabels))
        {
            var ofRule = findings.Where(f => f.Rule == rule).ToList();
            var right = ofRule.Count(f => f.Verdict == Verdict.Right);
            var wrong = ofRule.Count(f => f.Verdict == Verdict.Wrong);
            var duplicates = ofRule.Count(f => f.Verdict == Verdict.Duplicate);
            var unlabelled = ofRule.Count(f => f.Verdict == Verdict.Unlabelled);
            var expected = activeLabels.Where(l => l.IsExpectedFinding && l.Expected.Equals(rule, StringComparison.OrdinalIgnoreCase)).ToList();
            var found = expected.Count(l => findings.Any(f => f.Label == l && f.Verdict == Verdict.Right));
            var row = new[] { ofRule.Count, right, wrong, duplicates, unlabelled, expected.Count, found, expected.Count - found };
            for (var i = 0; i < row.Length; i++)
            {
                totals[i] += row[i];
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {row[0]} | {right} | {wrong} | {duplicates} | {unlabelled} | {Ratio(right, right + wrong + duplicates)} | {expected.Count} | {found} | {expected.Count - found} | {Ratio(found, expected.Count)} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| **All** | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} | {Ratio(totals[1], totals[1] + totals[2] + totals[3])} | {totals[5]} | {totals[6]} | {totals[7]} | {Ratio(totals[6], totals[5])} |");
        text.AppendLine();

        AppendList(text, "Findings labelled wrong (false positives)", findings.Where(f => f.Verdict is Verdict.Wrong or Verdict.Duplicate),
            f => $"{f.Repository} `{f.File}:{f.Line}` {f.Rule}{(f.Verdict == Verdict.Duplicate ? " (duplicate)" : "")}: {f.Label?.Why}");
        var missed = activeLabels.Where(l => l.IsExpectedFinding && !findings.Any(f => f.Label == l && f.Verdict == Verdict.Right)).ToList();
        AppendList(text, "Expected findings the pack missed (false negatives)", missed, l => $"{l.Repository} `{l.File}:{l.Line}` {l.Expected}: {l.Why}");
        AppendList(text, "Unlabelled findings (judge each, then add it to labels.tsv)", findings.Where(f => f.Verdict == Verdict.Unlabelled),
            f => $"{f.Repository} `{f.File}:{f.Line}` {f.Rule}: {f.Message}");

        var stale = labels.Where(l => repositories.FirstOrDefault(r => r.Name.Equals(l.Repository, StringComparison.OrdinalIgnoreCase)) is { } r && !r.Commit.Equals(l.Commit, StringComparison.OrdinalIgnoreCase)).ToList();
        if (stale.Count > 0)
        {
            problems.Add($"{stale.Count} labels name another commit than repositories.tsv pins (first: {stale[0].Repository} {stale[0].Commit}); they are still matched by file and line");
        }

        var compiled = projects.Where(p => p.Lines > 0).ToList();
        var perRepository = measured.Select(r => compiled.Where(p => p.Repository == r.Name).ToList()).Where(g => g.Count > 0)
            .Select(g => g.Sum(p => p.Errors) * 1000.0 / Math.Max(1, g.Sum(p => p.Lines))).OrderBy(v => v).ToList();
        var median = perRepository.Count == 0 ? 0 : perRepository.Count % 2 == 1
            ? perRepository[perRepository.Count / 2]
            : (perRepository[(perRepository.Count / 2) - 1] + perRepository[perRepository.Count / 2]) / 2;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Compile errors (how much was bound without NuGet packages): {compiled.Sum(p => p.Errors) * 1000.0 / Math.Max(1, compiled.Sum(p => p.Lines)):0.0} per 1,000 lines overall; median per repository {median:0.0}; fully bound projects {compiled.Count(p => p.Errors == 0)} of {compiled.Count}.");
        text.AppendLine();

        text.AppendLine("### Repositories");
        text.AppendLine();
        text.AppendLine("| Repository | Commit | Projects | Lines | Errors / 1k lines | Findings | Labels |");
        text.AppendLine("|------------|--------|---------:|------:|------------------:|---------:|-------:|");
        foreach (var r in measured)
        {
            var ofRepo = projects.Where(p => p.Repository == r.Name).ToList();
            var repoLines = ofRepo.Sum(p => p.Lines);
            var perK = repoLines == 0 ? 0 : ofRepo.Sum(p => p.Errors) * 1000.0 / repoLines;
            var repoLabels = labels.Count(l => l.Repository.Equals(r.Name, StringComparison.OrdinalIgnoreCase));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Commit[..Math.Min(10, r.Commit.Length)]} | {ofRepo.Count} | {repoLines} | {perK:0.0} | {ofRepo.Sum(p => p.Findings)} | {repoLabels} |");
        }

        text.AppendLine();
        text.AppendLine("### Projects compiled");
        text.AppendLine();
        text.AppendLine("Errors per 1,000 lines say how well a project resolved without its NuGet packages (0: fully bound; a high number: many calls were not bound, and the rules cannot see them).");
        text.AppendLine();
        text.AppendLine("| Repository | Project | SDK | Files | Lines | Errors | Errors / 1k lines | Findings |");
        text.AppendLine("|------------|---------|-----|------:|------:|-------:|------------------:|---------:|");
        foreach (var p in projects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {p.Repository} | {p.Project}{(p.Note.Length > 0 ? " (" + p.Note + ")" : "")} | {p.Sdk} | {p.Files} | {p.Lines} | {p.Errors} | {p.ErrorsPerThousandLines:0.0} | {p.Findings} |");
        }

        var lines = projects.Sum(p => p.Lines);
        text.AppendLine(CultureInfo.InvariantCulture, $"| **All** | {projects.Count} projects | | {projects.Sum(p => p.Files)} | {lines} | {projects.Sum(p => p.Errors)} | {(lines == 0 ? 0 : projects.Sum(p => p.Errors) * 1000.0 / lines):0.0} | {projects.Sum(p => p.Findings)} |");
        text.AppendLine();
        if (problems.Count > 0)
        {
            AppendList(text, "Problems", problems, p => p);
        }

        return text.ToString();
    }

    private static void AppendList<T>(StringBuilder text, string title, IEnumerable<T> items, Func<T, string> line)
    {
        var list = items.ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}: {list.Count}");
        text.AppendLine();
        foreach (var item in list)
        {
            text.AppendLine("- " + line(item).Replace('\n', ' ').Replace("\r", "", StringComparison.Ordinal));
        }

        text.AppendLine();
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : (part * 100.0 / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
