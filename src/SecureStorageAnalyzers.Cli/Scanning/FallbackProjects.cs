using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>
/// What the fallback knows of a project it compiles without MSBuild: read from the project file (and the
/// Directory.Build.props files above it) as far as an in-memory compilation needs it.
/// </summary>
public sealed class FallbackProjectFile
{
    public required string Path { get; init; }

    public required string Directory { get; init; }

    public required string Sdk { get; init; }

    public required bool ImplicitUsings { get; init; }

    public required bool Nullable { get; init; }

    public required bool IsExe { get; init; }

    /// <summary>An <c>OutputType</c> of WinExe: compiled as <see cref="OutputKind.WindowsApplication"/>, as MSBuild does (<c>/target:winexe</c>).</summary>
    public bool IsWindowsExe { get; init; }

    public required bool UsesAspNetCore { get; init; }

    public required bool IsTestProject { get; init; }

    /// <summary>The project's <c>SecureStorageAnalyzersAnalyzeTestProjects</c> value, if it sets one.</summary>
    public string? AnalyzeTestProjects { get; init; }

    public required ImmutableArray<string> Usings { get; init; }

    public required ImmutableArray<string> ProjectReferences { get; init; }

    /// <summary>A folder of loose sources with no project file: compiled as an ASP.NET Core app, the most lenient guess.</summary>
    public static FallbackProjectFile ForLooseFolder(string folder) => new()
    {
        Path = folder, Directory = folder, Sdk = "Microsoft.NET.Sdk.Web", ImplicitUsings = true, Nullable = true, IsExe = true,
        UsesAspNetCore = true, IsTestProject = false, Usings = [], ProjectReferences = [],
    };

    public static FallbackProjectFile Read(string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var documents = new List<XDocument>();
        for (var folder = directory; folder is not null; folder = System.IO.Path.GetDirectoryName(folder))
        {
            var props = System.IO.Path.Combine(folder, "Directory.Build.props");
            if (File.Exists(props) && TryLoad(props) is { } parsed)
            {
                documents.Insert(0, parsed);
            }
        }

        var project = TryLoad(path);
        if (project is not null)
        {
            documents.Add(project);
        }

        IEnumerable<XElement> All(string name) => documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName == name));
        string? Property(string name) => All(name).Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);
        static bool IsOn(string? value) => value is not null && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));

        var sdk = (project?.Root?.Attribute("Sdk")?.Value
            ?? All("Sdk").Select(e => e.Attribute("Name")?.Value).FirstOrDefault(v => v is not null)
            ?? All("Import").Select(e => e.Attribute("Sdk")?.Value).FirstOrDefault(v => v is not null)
            ?? "classic").Split('/')[0].Trim();
        var packages = All("PackageReference").Select(e => e.Attribute("Include")?.Value ?? e.Attribute("Update")?.Value ?? "").ToList();
        var frameworks = All("FrameworkReference").Select(e => e.Attribute("Include")?.Value ?? "").ToList();
        var text = project?.ToString() ?? "";
        var isWeb = sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
        return new FallbackProjectFile
        {
            Path = path,
            Directory = directory,
            Sdk = sdk,
            ImplicitUsings = IsOn(Property("ImplicitUsings")),
            Nullable = IsOn(Property("Nullable")),
            IsExe = isWeb || sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
                || (Property("OutputType") ?? "").Contains("Exe", StringComparison.OrdinalIgnoreCase),
            IsWindowsExe = (Property("OutputType") ?? "").Trim().Equals("WinExe", StringComparison.OrdinalIgnoreCase),
            UsesAspNetCore = isWeb || sdk.Equals("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase)
                || frameworks.Any(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase))
                || packages.Any(p => p.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
                || sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
                || packages.Any(p => p.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase))
                || text.Contains("System.Web", StringComparison.Ordinal),
            IsTestProject = IsOn(Property("IsTestProject")) || packages.Any(p =>
                p.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) || p.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
                || p.Equals("NUnit", StringComparison.OrdinalIgnoreCase) || p.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase)),
            AnalyzeTestProjects = Property("SecureStorageAnalyzersAnalyzeTestProjects"),
            Usings = All("Using").Where(e => e.Attribute("Include") is not null && e.Attribute("Alias") is null)
                .Select(e => (IsOn(e.Attribute("Static")?.Value) ? "static " : "") + e.Attribute("Include")!.Value.Trim()).ToImmutableArray(),
            ProjectReferences = All("ProjectReference").Select(e => e.Attribute("Include")?.Value).Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, v!.Replace('\\', '/')))).ToImmutableArray(),
        };
    }

    private static XDocument? TryLoad(string path)
    {
        try
        {
            return XDocument.Load(path);
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return null; // An unreadable project file: compiled with the defaults.
        }
    }

    /// <summary>The global usings the SDK generates with ImplicitUsings on, plus the project's own &lt;Using&gt; items.</summary>
    public string GlobalUsings()
    {
        var usings = new List<string>();
        if (ImplicitUsings)
        {
            usings.AddRange(["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"]);
            if (Sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(["System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                    "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                    "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"]);
            }
            else if (Sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(["Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging"]);
            }
        }

        usings.AddRange(Usings);
        var text = new StringBuilder("// <auto-generated/> the SDK's implicit usings, as securestorage's fallback compiles them\n");
        foreach (var u in usings.Distinct(StringComparer.Ordinal))
        {
            text.Append("global using ").Append(u.StartsWith("static ", StringComparison.Ordinal) ? u : "global::" + u).Append(";\n");
        }

        return text.ToString();
    }
}

/// <summary>
/// Compiles projects that MSBuild could not load or restore: each project's own .cs files (everything under its folder
/// but bin/, obj/ and nested projects' folders) against the SDK's reference packs (Microsoft.NETCore.App, plus
/// Microsoft.AspNetCore.App for web and hosting projects), its project references among themselves, the SDK's implicit
/// usings, and the same analyzer configuration a build reads: .editorconfig and .globalconfig files in its folder and
/// above, web.config / web.*.config as additional files, and the package's build properties in a generated global
/// config. Package references other than the framework's stay unresolved: the compile-error figure says how much.
/// </summary>
public sealed class FallbackWorkspace
{
    private static readonly Regex Skipped = new(@"(^|[\\/])(bin|obj|node_modules|\.git|\.vs)([\\/]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly string[] Defines =
    [
        "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER",
        "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
    ];

    private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview).WithPreprocessorSymbols(Defines);

    private readonly AdhocWorkspace _workspace = new();
    private readonly ImmutableArray<MetadataReference> _netCore;
    private readonly ImmutableArray<MetadataReference> _aspNetCore;
    private readonly Dictionary<string, ProjectId> _ids = new(StringComparer.OrdinalIgnoreCase);

    public FallbackWorkspace(Sdk? sdk)
    {
        _netCore = (sdk?.ReferenceAssemblies("Microsoft.NETCore.App") ?? []).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
        _aspNetCore = _netCore.AddRange((sdk?.ReferenceAssemblies("Microsoft.AspNetCore.App") ?? []).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)));
    }

    /// <summary>True when the SDK's reference packs were found; without them nothing in the fallback resolves.</summary>
    public bool HasReferencePacks => _netCore.Length > 0;

    /// <summary>Adds the projects (all at once, so their project references link) and returns them in the same order.</summary>
    public IReadOnlyList<Project> Add(IReadOnlyList<FallbackProjectFile> projects)
    {
        var owned = SourcesByProject(projects);
        var solution = _workspace.CurrentSolution;
        var added = new List<(FallbackProjectFile File, ProjectId Id)>();
        foreach (var file in projects)
        {
            var id = ProjectId.CreateNewId(file.Path);
            _ids[file.Path] = id;
            added.Add((file, id));
            var name = file.Path == file.Directory ? System.IO.Path.GetFileName(file.Directory) : System.IO.Path.GetFileNameWithoutExtension(file.Path);
            var options = new CSharpCompilationOptions(
                file.IsWindowsExe ? OutputKind.WindowsApplication : file.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: file.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: true);
            solution = solution.AddProject(ProjectInfo.Create(
                id, VersionStamp.Default, name, name, LanguageNames.CSharp,
                filePath: file.Path == file.Directory ? null : file.Path,
                compilationOptions: options, parseOptions: ParseOptions,
                metadataReferences: file.UsesAspNetCore ? _aspNetCore : _netCore));
            foreach (var source in owned[file])
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id), System.IO.Path.GetFileName(source), Read(source), filePath: source);
            }

            solution = solution.AddDocument(DocumentId.CreateNewId(id), "GlobalUsings.g.cs", SourceText.From(file.GlobalUsings()),
                filePath: System.IO.Path.Combine(file.Directory, "obj", "GlobalUsings.g.cs"));
            foreach (var webConfig in WebConfigs(file.Directory))
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), System.IO.Path.GetFileName(webConfig), Read(webConfig), filePath: webConfig);
            }

            foreach (var config in AnalyzerConfigFiles(file.Directory))
            {
                solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), System.IO.Path.GetFileName(config), Read(config), filePath: config);
            }

            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), "securestorage.build.globalconfig",
                SourceText.From(BuildProperties(file)), filePath: System.IO.Path.Combine(file.Directory, "obj", "securestorage.build.globalconfig"));
        }

        foreach (var (file, id) in added)
        {
            foreach (var reference in file.ProjectReferences)
            {
                if (_ids.TryGetValue(reference, out var other) && other != id && !References(solution, other, id))
                {
                    solution = solution.AddProjectReference(id, new ProjectReference(other));
                }
            }
        }

        _workspace.TryApplyChanges(solution);
        return added.Select(a => _workspace.CurrentSolution.GetProject(a.Id)!).ToList();
    }

    /// <summary>Whether <paramref name="from"/> already reaches <paramref name="to"/> (a cycle would be refused).</summary>
    private static bool References(Solution solution, ProjectId from, ProjectId to)
    {
        var seen = new HashSet<ProjectId>();
        var stack = new Stack<ProjectId>([from]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current == to)
            {
                return true;
            }

            if (seen.Add(current) && solution.GetProject(current) is { } project)
            {
                foreach (var reference in project.ProjectReferences)
                {
                    stack.Push(reference.ProjectId);
                }
            }
        }

        return false;
    }

    /// <summary>The build properties the package makes compiler-visible, as the SDK's generated global config states them.</summary>
    private static string BuildProperties(FallbackProjectFile file) =>
        "is_global = true\n"
        + $"build_property.IsTestProject = {(file.IsTestProject ? "true" : "")}\n"
        + $"build_property.SecureStorageAnalyzersAnalyzeTestProjects = {file.AnalyzeTestProjects ?? ""}\n";

    /// <summary>The deepest project folder above a .cs file owns it; files of a loose folder belong to it.</summary>
    private static Dictionary<FallbackProjectFile, List<string>> SourcesByProject(IReadOnlyList<FallbackProjectFile> projects)
    {
        var result = projects.ToDictionary(p => p, _ => new List<string>());
        var byDirectory = projects.GroupBy(p => p.Directory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var root in projects.Select(p => p.Directory).Distinct(StringComparer.Ordinal))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                if (Skipped.IsMatch(System.IO.Path.GetRelativePath(root, file)))
                {
                    continue;
                }

                var directory = System.IO.Path.GetDirectoryName(file);
                List<FallbackProjectFile>? owners = null;
                while (directory is not null && !byDirectory.TryGetValue(directory, out owners))
                {
                    directory = System.IO.Path.GetDirectoryName(directory);
                }

                if (owners is not null && directory == root)
                {
                    foreach (var owner in owners)
                    {
                        result[owner].Add(file);
                    }
                }
            }
        }

        foreach (var list in result.Values)
        {
            list.Sort(StringComparer.Ordinal);
        }

        return result;
    }

    /// <summary>web.config and web.*.config under the project folder, any letter case, outside bin/ and obj/ (as the package's targets).</summary>
    public static IEnumerable<string> WebConfigs(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(p => !Skipped.IsMatch(System.IO.Path.GetRelativePath(directory, p)))
            .Where(p => System.IO.Path.GetFileName(p).ToLowerInvariant() is var name && name.StartsWith("web.", StringComparison.Ordinal) && name.EndsWith(".config", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>The .editorconfig and .globalconfig files a build of a project in <paramref name="directory"/> reads: its folder and every folder above.</summary>
    public static IEnumerable<string> AnalyzerConfigFiles(string directory)
    {
        for (var folder = directory; folder is not null; folder = System.IO.Path.GetDirectoryName(folder))
        {
            foreach (var name in new[] { ".editorconfig", ".globalconfig" })
            {
                var path = System.IO.Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    yield return path;
                }
            }
        }
    }

    private static SourceText Read(string path)
    {
        using var stream = File.OpenRead(path);
        return SourceText.From(stream, Encoding.UTF8);
    }
}
