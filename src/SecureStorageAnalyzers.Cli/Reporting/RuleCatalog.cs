using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Cli.Reporting;

/// <summary>
/// One rule of the pack as the reports show it: the descriptor's own id, title, description and help link, plus what an
/// audit adds: a rank, a CVSS-like <c>security-severity</c> (what code-scanning services sort by) and tags.
/// </summary>
public sealed record RuleInfo(
    string Id,
    string Title,
    string Description,
    string HelpUri,
    DiagnosticSeverity DefaultSeverity,
    int Rank,
    double SecuritySeverity,
    bool IsChain,
    ImmutableArray<string> Tags,
    bool HasCodeFix);

/// <summary>
/// The pack's rules, read from the analyzer and code-fix assemblies the tool ships (never a list of its own), ranked by
/// <see cref="SeverityTable"/>.
/// </summary>
public sealed class RuleCatalog
{
    /// <summary>
    /// How bad each exposure is for the people whose data is stored, worst first. The rank orders the reports; the score
    /// (0.1-10, as GitHub code scanning reads <c>security-severity</c>: 9.0+ critical, 7.0+ high, 4.0+ medium) and the
    /// CWE go into SARIF. An exposure chain (SSA0009: a folder served to anyone, filled with files named after people) is
    /// the incident itself: its row, marked as a chain, goes first. A rule of the pack missing here still appears, after these, at 5.0.
    /// </summary>
    public static readonly ImmutableArray<(string Id, double Score, string Cwe, bool IsChain)> SeverityTable =
    [
        ("SSA0009", 9.3, "CWE-359", true), // exposure chain: anonymous folder + personal file names (+ listing)
        ("SSA0001", 8.6, "CWE-552", false), // private folder served as static files without authorization
        ("SSA0005", 8.6, "CWE-639", false), // anonymous endpoint returns a stored file the request names
        ("SSA0007", 8.6, "CWE-284", false), // cloud objects readable by anyone
        ("SSA0004", 8.2, "CWE-538", false), // content root or filesystem root served
        ("SSA0008", 7.5, "CWE-548", false), // cloud listing by anyone
        ("SSA0002", 7.5, "CWE-548", false), // directory browsing
        ("SSA0006", 7.5, "CWE-552", false), // runtime data written under wwwroot
        ("SSA0011", 7.0, "CWE-552", false), // IIS hidden segments (App_Data, bin) made downloadable
        ("SSA0012", 7.0, "CWE-284", false), // web.config leaves stored files open to anonymous users
        ("SSA0010", 6.5, "CWE-613", false), // long-lived share links
        ("SSA0003", 6.5, "CWE-552", false), // unknown file types served
        ("SSA0101", 6.5, "CWE-359", false), // personal identifier in a storage path
    ];

    private readonly Dictionary<string, RuleInfo> _rules;

    private RuleCatalog(Dictionary<string, RuleInfo> rules) => _rules = rules;

    public IReadOnlyCollection<RuleInfo> Rules => _rules.Values;

    /// <summary>Rules in report order: by rank, then id.</summary>
    public IEnumerable<RuleInfo> Ranked => _rules.Values.OrderBy(r => r.Rank).ThenBy(r => r.Id, StringComparer.Ordinal);

    public static RuleCatalog Create(ImmutableArray<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers)
    {
        var fixable = fixers.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        var rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var descriptor in analyzers.SelectMany(a => a.SupportedDiagnostics))
        {
            if (rules.ContainsKey(descriptor.Id))
            {
                continue;
            }

            var index = SeverityTable.IndexOf(SeverityTable.FirstOrDefault(e => e.Id == descriptor.Id));
            var (score, cwe, isChain) = index >= 0 ? (SeverityTable[index].Score, SeverityTable[index].Cwe, SeverityTable[index].IsChain) : (5.0, (string?)null, false);
            var tags = new List<string> { "security", descriptor.Category };
            if (cwe is not null)
            {
                tags.Add($"external/cwe/{cwe.ToLowerInvariant()}");
            }

            tags.AddRange(descriptor.CustomTags.Where(t => t != WellKnownDiagnosticTags.CompilationEnd));
            rules[descriptor.Id] = new RuleInfo(
                descriptor.Id,
                descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
                descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
                descriptor.HelpLinkUri,
                descriptor.DefaultSeverity,
                index >= 0 ? index : SeverityTable.Length,
                score,
                isChain,
                tags.Distinct(StringComparer.Ordinal).ToImmutableArray(),
                fixable.Contains(descriptor.Id));
        }

        return new RuleCatalog(rules);
    }

    /// <summary>The rule a diagnostic id belongs to; an id outside the pack (none is expected) gets a neutral entry.</summary>
    public RuleInfo Get(string id) =>
        _rules.TryGetValue(id, out var rule)
            ? rule
            : new RuleInfo(id, id, "", "", DiagnosticSeverity.Warning, SeverityTable.Length + 1, 5.0, false, ["security"], false);
}

/// <summary>The pack as the compiler loads it, from the assemblies shipped with the tool.</summary>
public static class Pack
{
    public static Assembly AnalyzerAssembly => typeof(SecureStorageAnalyzers.SecureStorageAnalyzer).Assembly;

    public static Assembly CodeFixAssembly => typeof(SecureStorageAnalyzers.CodeFixes.Hosting.SSA0001AnonymousStaticFilesCodeFixProvider).Assembly;

    /// <summary>The tool's own package version (the analyzer assembly carries none of its own).</summary>
    public static string Version =>
        typeof(Pack).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Every analyzer of the assembly exported with [DiagnosticAnalyzer] for C#, as a build would load it.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers() =>
        AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>Every code fix of the pack exported for C#: the reports say which findings `dotnet format analyzers` can fix.</summary>
    public static ImmutableArray<CodeFixProvider> CodeFixes() =>
        CodeFixAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();
}
