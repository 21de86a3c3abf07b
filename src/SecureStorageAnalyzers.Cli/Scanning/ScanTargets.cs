using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>What <c>scan PATH</c> stands for: the solutions and projects to load, or a folder of loose sources.</summary>
public sealed record ScanTargets(string Root, IReadOnlyList<string> Solutions, IReadOnlyList<string> Projects, string? LooseSourceFolder)
{
    private static readonly Regex Skipped = new(@"[\\/](bin|obj|node_modules|\.git|\.vs)([\\/]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex SlnProject = new(
        "^Project\\(\"\\{[^}]+\\}\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"(?<path>[^\"]+\\.csproj)\"", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// A .sln or .slnx: that solution. A .csproj: that project. A folder: every solution under it (outside bin/, obj/,
    /// node_modules/, .git/), plus every C# project no solution lists; with neither, the folder's .cs files themselves.
    /// </summary>
    public static ScanTargets Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var root = Path.GetDirectoryName(full)!;
            return Extension(full) switch
            {
                ".sln" or ".slnx" => new ScanTargets(root, [full], [], null),
                ".csproj" => new ScanTargets(root, [], [full], null),
                _ => throw new ArgumentException($"{path} is not a .sln, .slnx or .csproj file, nor a folder."),
            };
        }

        if (!Directory.Exists(full))
        {
            throw new ArgumentException($"{path} does not exist.");
        }

        var files = Directory.EnumerateFiles(full, "*.*", SearchOption.AllDirectories)
            .Where(p => !Skipped.IsMatch(Path.GetRelativePath(full, p)))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var solutions = files.Where(p => Extension(p) is ".sln" or ".slnx").ToList();
        var listed = solutions.SelectMany(ProjectsOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var projects = files.Where(p => Extension(p) == ".csproj" && !listed.Contains(p)).ToList();
        var loose = solutions.Count == 0 && projects.Count == 0 && files.Any(p => Extension(p) == ".cs") ? full : null;
        return new ScanTargets(full, solutions, projects, loose);
    }

    /// <summary>The C# project files a .sln or .slnx lists (full paths), read from the file itself.</summary>
    public static IReadOnlyList<string> ProjectsOf(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        IEnumerable<string> relative;
        try
        {
            relative = Extension(solution) == ".slnx"
                ? XDocument.Load(solution).Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path") ?? "")
                : SlnProject.Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value);
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException)
        {
            return [];
        }

        return relative.Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p.Replace('\\', Path.DirectorySeparatorChar))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string Extension(string path) => Path.GetExtension(path).ToLowerInvariant();
}
