using System.Text.RegularExpressions;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// The rule ids of the pack, read from the analyzer assembly's source: each rule's own <c>const string Id = "SSAxxxx";</c>
/// in its family's folder (docs/architecture.md, "Adding a rule"), so a new rule is found here without an edit. This
/// project references no project of ours, so it reads the source files rather than the assembly.
/// </summary>
public static partial class PackRules
{
    public const string DiagnosticIdsFile = "src/SecureStorageAnalyzers.Analyzers/DiagnosticIds.cs";

    /// <summary>The folder whose C# files declare the ids.</summary>
    public const string AnalyzersFolder = "src/SecureStorageAnalyzers.Analyzers";

    public static IReadOnlyList<string> Ids { get; } = ReadIds().Select(declared => declared.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Each id with the family folder of the file that declares it (<c>Hosting</c>, <c>CloudStorage</c>, <c>Iis</c>, …).</summary>
    private static List<(string Id, string Family)> ReadIds()
    {
        var folder = Path.Combine(DotNet.RepositoryRoot, AnalyzersFolder);
        var separator = Path.DirectorySeparatorChar;
        var ids = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) &&
                           !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .SelectMany(file => IdConstant().Matches(File.ReadAllText(file))
                .Select(match => (match.Groups["id"].Value, Path.GetFileName(Path.GetDirectoryName(file)!))))
            .ToList();
        if (ids.Count == 0)
        {
            throw new InvalidOperationException($"No `const string X = \"SSA0000\";` found under {AnalyzersFolder} (the rules' own files): did they move or change shape?");
        }

        return ids;
    }

    /// <summary>The family folder of the file that declares the rule's id (<c>Hosting</c>, <c>CloudStorage</c>, <c>Iis</c>, …).</summary>
    public static string FamilyOf(string id) =>
        ReadIds().Where(declared => declared.Id == id).Select(declared => declared.Family).Distinct().Single();

    /// <summary>
    /// The rules of the incident the pack was made for, which the incident sample reproduces: 2.7 million call recordings
    /// on a web server anyone could reach (SSA0001: a private folder served to anonymous requests), its folders listed
    /// (SSA0002: directory browsing), the files named by the caller's phone number (SSA0101), and the three together as
    /// one finding (SSA0009, the exposure chain). A fixed list on purpose: the incident does not grow with the pack. The
    /// sample shows more (SSA0003 to SSA0008, SSA0010 in its snapshot), but every rule is proven end to end by its page's
    /// examples in the package tests (<c>Package/RulePageExamples.cs</c>), so a new rule does not edit the sample.
    /// </summary>
    public static IReadOnlyList<string> OfTheIncident { get; } = ["SSA0001", "SSA0002", "SSA0009", "SSA0101"];

    [GeneratedRegex("""const\s+string\s+\w+\s*=\s*"(?<id>SSA\d{4})"\s*;""")]
    private static partial Regex IdConstant();
}
