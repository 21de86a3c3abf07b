using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.RealCode;

/// <summary>
/// One project file of a fetched repository, read the way the SDK would, as far as it matters for an in-memory
/// compilation: its SDK (for the implicit global usings and ASP.NET Core), its own .cs files (everything under its folder
/// but bin/obj and the folders of nested projects), its project references, and its package references.
/// </summary>
public sealed class ProjectInfo
{
    public required string Path { get; init; }

    public required string Directory { get; init; }

    public required string Sdk { get; init; }

    public required bool ImplicitUsings { get; init; }

    public required bool NullableEnabled { get; init; }

    public required bool IsExe { get; init; }

    /// <summary>An <c>OutputType</c> of WinExe: MSBuild compiles it with <c>/target:winexe</c> (<see cref="OutputKind.WindowsApplication"/>).</summary>
    public bool IsWindowsExe { get; init; }

    public required bool UsesAspNetCore { get; init; }

    /// <summary>
    /// A .NET Framework project: a classic project file (<c>TargetFrameworkVersion</c> v2–v4.x, or none: the classic
    /// default), or an SDK-style one whose first target framework is <c>net4x</c>. Compiled against the .NET Framework
    /// 4.8 reference assemblies, never against .NET Core or ASP.NET Core.
    /// </summary>
    public bool TargetsNetFramework { get; init; }

    /// <summary>
    /// A WPF project: <c>UseWPF</c> on, or a framework reference to Microsoft.WindowsDesktop.App(.WPF). On .NET it compiles
    /// against the WindowsDesktop shared framework's WPF assemblies (<see cref="CompilationFactory"/>); on .NET Framework
    /// against WPF's reference assemblies of 4.8.
    /// </summary>
    public bool UsesWpf { get; init; }

    /// <summary>A Windows Forms project: <c>UseWindowsForms</c> on, or a framework reference to Microsoft.WindowsDesktop.App(.WindowsForms).</summary>
    public bool UsesWindowsForms { get; init; }

    /// <summary>
    /// The source files a classic (non-SDK) project file lists in <c>&lt;Compile Include&gt;</c>, as full paths; null for an
    /// SDK project (it compiles what its folder holds) and for a list with a wildcard. Read only where project files share a
    /// folder (<see cref="ProjectFinder"/>).
    /// </summary>
    public IReadOnlySet<string>? ListedCompileItems { get; init; }

    /// <summary>The framework assemblies a .NET Framework project names in <c>&lt;Reference Include&gt;</c> (simple names).</summary>
    public ImmutableArray<string> FrameworkAssemblyReferences { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// A classic ASP.NET project: it references System.Web itself (<c>&lt;Reference Include="System.Web"&gt;</c>), its
    /// <c>ProjectTypeGuids</c> name a web application ({349c5851-65df-11da-9384-00065b846f21}), or a web.config lies beside
    /// it. Only such a .NET Framework project is handed System.Web and its companions: a WinForms or console app is not a
    /// web site (held-out set 11's WinForms log looked like one when every .NET Framework project had System.Web).
    /// </summary>
    public bool IsClassicWeb { get; init; }

    /// <summary>A worker SDK project, or one referencing Microsoft.Extensions.* packages (hosting, DI, logging).</summary>
    public bool UsesExtensions => Sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
        || PackageReferences.Any(p => p.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase));

    public required ImmutableArray<string> ExtraUsings { get; init; }

    public required ImmutableArray<string> ProjectReferences { get; init; }

    public required ImmutableArray<string> PackageReferences { get; init; }

    /// <summary>
    /// What MSBuild would say in <c>IsTestProject</c>: set in the project, or implied by the test SDK
    /// (<c>Microsoft.NET.Test.Sdk</c>), xUnit, NUnit or MSTest among its packages. The pack stays silent there by default.
    /// </summary>
    public bool IsTestProject { get; init; }

    public ImmutableArray<string> Sources { get; set; } = ImmutableArray<string>.Empty;

    /// <summary>Reads a .csproj (SDK style or classic) or an .xproj (project.json era, always ASP.NET Core here).</summary>
    public static ProjectInfo Read(string path) => Read(path, System.IO.Path.GetDirectoryName(path)!);

    /// <summary>Reads a project with the Directory.Build.props files between it and <paramref name="root"/> (outermost first).</summary>
    public static ProjectInfo Read(string path, string root)
    {
        var text = File.ReadAllText(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (path.EndsWith(".xproj", StringComparison.OrdinalIgnoreCase))
        {
            var json = System.IO.Path.Combine(directory, "project.json");
            var web = File.Exists(json) && File.ReadAllText(json).Contains("Microsoft.AspNetCore", StringComparison.Ordinal);
            return new ProjectInfo
            {
                Path = path, Directory = directory, Sdk = "xproj", ImplicitUsings = false, NullableEnabled = false,
                IsExe = web, UsesAspNetCore = web, ExtraUsings = ImmutableArray<string>.Empty,
                ProjectReferences = ImmutableArray<string>.Empty, PackageReferences = ImmutableArray<string>.Empty,
            };
        }

        XDocument? document = TryParse(text);
        var documents = new List<XDocument>();
        for (var folder = directory; folder is not null && folder.Length >= root.Length; folder = System.IO.Path.GetDirectoryName(folder))
        {
            var props = System.IO.Path.Combine(folder, "Directory.Build.props");
            if (File.Exists(props) && TryParse(File.ReadAllText(props)) is { } parsed)
            {
                documents.Insert(0, parsed);
            }
        }

        if (document is not null)
        {
            documents.Add(document);
        }

        IEnumerable<XElement> All(string name) =>
            documents.SelectMany(d => d.Descendants().Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase)));
        string? Property(string name) => All(name).Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);
        static bool IsOn(string? value) => value is not null && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));

        var sdk = document?.Root?.Attribute("Sdk")?.Value
            ?? All("Sdk").Select(e => e.Attribute("Name")?.Value).FirstOrDefault(v => v is not null)
            ?? All("Import").Select(e => e.Attribute("Sdk")?.Value).FirstOrDefault(v => v is not null)
            ?? "classic";
        sdk = sdk.Split('/')[0].Trim();
        var assemblyReferences = All("Reference")
            .Select(e => e.Attribute("Include")?.Value.Split(',')[0].Trim())
            .Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var packages = All("PackageReference")
            .Select(e => e.Attribute("Include")?.Value ?? e.Attribute("Update")?.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())
            .Concat(PackagesConfigDocumentWriters(directory))
            .Concat(assemblyReferences.Where(CompilationFactory.DocumentWriterAssemblies.ContainsKey).Select(a => CompilationFactory.DocumentWriterAssemblies[a]))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var frameworkReferences = All("FrameworkReference").Select(e => e.Attribute("Include")?.Value ?? "").ToList();
        var isWebSdk = sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase);
        var usesAspNetCore = isWebSdk
            || sdk.Equals("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase)
            || frameworkReferences.Any(f => f.Equals("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase))
            || packages.Any(p => p.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase))
            || text.Contains("System.Web", StringComparison.Ordinal);
        var outputType = Property("OutputType");
        var targetFrameworkVersion = Property("TargetFrameworkVersion");
        var firstTargetFramework = (Property("TargetFramework") ?? Property("TargetFrameworks"))?.Split(';')[0].Trim();
        var targetsNetFramework = sdk == "classic"
            ? targetFrameworkVersion is null || Regex.IsMatch(targetFrameworkVersion, @"^v[234]\.", RegexOptions.CultureInvariant)
            : firstTargetFramework is not null && Regex.IsMatch(firstTargetFramework, @"^net4\d+$", RegexOptions.CultureInvariant);
        var extraUsings = All("Using")
            .Where(e => e.Attribute("Include") is not null && e.Attribute("Alias") is null)
            .Select(e => (e.Attribute("Static")?.Value.Equals("true", StringComparison.OrdinalIgnoreCase) == true ? "static " : "") + e.Attribute("Include")!.Value.Trim())
            .ToImmutableArray();
        var projectReferences = All("ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, v!.Replace('\\', '/'))))
            .ToImmutableArray();
        var desktopFramework = frameworkReferences.Any(f => f.Equals("Microsoft.WindowsDesktop.App", StringComparison.OrdinalIgnoreCase));
        var usesWpf = IsOn(Property("UseWPF")) || desktopFramework
            || frameworkReferences.Any(f => f.Equals("Microsoft.WindowsDesktop.App.WPF", StringComparison.OrdinalIgnoreCase));
        var usesWindowsForms = IsOn(Property("UseWindowsForms")) || desktopFramework
            || frameworkReferences.Any(f => f.Equals("Microsoft.WindowsDesktop.App.WindowsForms", StringComparison.OrdinalIgnoreCase));
        const string WebApplicationGuid = "349c5851-65df-11da-9384-00065b846f21";
        var isClassicWeb = assemblyReferences.Contains("System.Web", StringComparer.OrdinalIgnoreCase)
            || (Property("ProjectTypeGuids")?.Contains(WebApplicationGuid, StringComparison.OrdinalIgnoreCase) ?? false)
            || System.IO.Directory.EnumerateFiles(directory, "*.config").Any(f => System.IO.Path.GetFileName(f).Equals("web.config", StringComparison.OrdinalIgnoreCase));
        var compileItems = All("Compile").Select(e => e.Attribute("Include")?.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        IReadOnlySet<string>? listedCompileItems = sdk == "classic" && compileItems.Count > 0 && !compileItems.Any(v => v.Contains('*', StringComparison.Ordinal))
            ? compileItems.Select(v => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, v.Replace('\\', '/')))).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : null;
        return new ProjectInfo
        {
            Path = path,
            Directory = directory,
            Sdk = sdk,
            ListedCompileItems = listedCompileItems,
            IsClassicWeb = isClassicWeb,
            UsesWpf = usesWpf,
            UsesWindowsForms = usesWindowsForms,
            ImplicitUsings = IsOn(Property("ImplicitUsings")),
            NullableEnabled = IsOn(Property("Nullable")),
            IsExe = isWebSdk || sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase)
                || (outputType is not null && outputType.Contains("Exe", StringComparison.OrdinalIgnoreCase)),
            IsWindowsExe = outputType is not null && outputType.Trim().Equals("WinExe", StringComparison.OrdinalIgnoreCase),
            UsesAspNetCore = usesAspNetCore && !targetsNetFramework,
            TargetsNetFramework = targetsNetFramework,
            FrameworkAssemblyReferences = assemblyReferences,
            ExtraUsings = extraUsings,
            ProjectReferences = projectReferences,
            PackageReferences = packages,
            IsTestProject = IsOn(Property("IsTestProject")) || packages.Any(p =>
                p.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) ||
                p.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) ||
                p.Equals("NUnit", StringComparison.OrdinalIgnoreCase) ||
                p.StartsWith("MSTest", StringComparison.OrdinalIgnoreCase)),
        };
    }

    /// <summary>
    /// The document-writer packages a classic project restores from its packages.config (DocX, PDFsharp, EPPlus…, the ids
    /// of <see cref="CompilationFactory.DocumentWriterPackageIds"/>): such a project names none of them in a
    /// PackageReference, so without this its saves bind to nothing (held-out set 10's DocX reports in a Web Forms site).
    /// Only these ids are read: the other packages of a classic project are not bound here, as before.
    /// </summary>
    private static IEnumerable<string> PackagesConfigDocumentWriters(string directory)
    {
        var config = System.IO.Path.Combine(directory, "packages.config");
        if (!File.Exists(config) || TryParse(File.ReadAllText(config)) is not { } document)
        {
            return Array.Empty<string>();
        }

        return document.Descendants().Where(e => e.Name.LocalName == "package")
            .Select(e => e.Attribute("id")?.Value.Trim()).Where(id => id is not null && CompilationFactory.DocumentWriterPackageIds.Contains(id))
            .Select(id => id!).ToList();
    }

    private static XDocument? TryParse(string text)
    {
        try
        {
            return XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            return null; // A broken project file: compiled with the defaults.
        }
    }

    /// <summary>
    /// The global usings the SDK generates with <c>ImplicitUsings</c> on (Microsoft.NET.Sdk, .Web, .Worker,
    /// .BlazorWebAssembly, .Razor), plus the project's own <c>&lt;Using Include&gt;</c> items.
    /// </summary>
    public string GlobalUsings()
    {
        var usings = new List<string>();
        if (ImplicitUsings)
        {
            usings.AddRange(new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" });
            if (Sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[]
                {
                    "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                    "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                    "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
                });
            }
            else if (Sdk.Equals("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[] { "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" });
            }
            else if (Sdk.Equals("Microsoft.NET.Sdk.BlazorWebAssembly", StringComparison.OrdinalIgnoreCase))
            {
                usings.AddRange(new[] { "System.Net.Http.Json", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging" });
            }
        }

        if (ImplicitUsings && UsesWindowsForms)
        {
            // The WindowsDesktop SDK's additions for Windows Forms.
            usings.AddRange(new[] { "System.Drawing", "System.Windows.Forms" });
        }

        if (ImplicitUsings && UsesWpf)
        {
            // And its removals for WPF, whose System.Windows.Shapes.Path and HTTP-free default would clash with them.
            usings.RemoveAll(u => u is "System.IO" or "System.Net.Http");
        }

        usings.AddRange(ExtraUsings);
        var text = new StringBuilder("// <auto-generated/> (the SDK's implicit usings, as the real-code check generates them)\n");
        foreach (var u in usings.Distinct(StringComparer.Ordinal))
        {
            text.Append("global using ").Append(u.StartsWith("static ", StringComparison.Ordinal) ? u : "global::" + u).Append(";\n");
        }

        return text.ToString();
    }
}

/// <summary>Finds the projects of one repository folder and hands each its own source files.</summary>
public static class ProjectFinder
{
    private static readonly Regex Skipped = new(@"[\\/](bin|obj|node_modules|\.git)[\\/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static (List<ProjectInfo> Projects, int OrphanFiles) Find(string root)
    {
        var projectFiles = System.IO.Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".xproj", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Skipped.IsMatch(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var projects = SolutionBuilt(projectFiles, root).Select(p => ProjectInfo.Read(p, root)).ToList();
        // One folder, one owner: the deepest project folder above a file owns it (two project files in one folder share it).
        var byDirectory = projects.GroupBy(p => p.Directory, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var sources = projects.ToDictionary(p => p, _ => new List<string>());
        var orphans = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(p => !Skipped.IsMatch(p)).OrderBy(p => p, StringComparer.Ordinal))
        {
            var directory = System.IO.Path.GetDirectoryName(file);
            List<ProjectInfo>? owners = null;
            while (directory is not null && directory.Length >= root.Length && !byDirectory.TryGetValue(directory, out owners))
            {
                directory = System.IO.Path.GetDirectoryName(directory);
            }

            if (owners is null)
            {
                orphans++;
                continue;
            }

            foreach (var owner in owners)
            {
                // Two project files in one folder (no solution to choose): a classic one compiles the files it lists, as
                // MSBuild does. held-out set 17's education portal has two, and only one lists Schoolqb.aspx.cs: compiling
                // it in both reported its write twice.
                if (owners.Count > 1 && owner.ListedCompileItems is { } listed && !listed.Contains(System.IO.Path.GetFullPath(file)))
                {
                    continue;
                }

                sources[owner].Add(file);
            }
        }

        foreach (var project in projects)
        {
            project.Sources = sources[project].ToImmutableArray();
        }

        return (projects, orphans);
    }

    private static readonly Regex SolutionProject = new(
        @"^Project\(""\{[^}]*\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+\.(cs|x)proj)""|<Project\s+Path=""(?<path>[^""]+\.(cs|x)proj)""",
        RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Of several project files in one folder (each of which would compile every file under it), the ones a build of the
    /// repository builds: those its solution files (.sln, .slnx) name, when they name any of them. NewsletterInterface's
    /// folder (held-out set 4) has a second, older project file no solution lists, and compiling both reported each of its
    /// findings twice. A solution names a project by its path from the solution's folder, or, where a repository was
    /// committed flattened and that path no longer exists, by its file name. A folder whose project files no solution
    /// names keeps them all, as before; a lone project file is always kept.
    /// </summary>
    private static IEnumerable<string> SolutionBuilt(List<string> projectFiles, string root)
    {
        var shared = projectFiles.GroupBy(p => System.IO.Path.GetDirectoryName(p), StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (shared.Count == 0)
        {
            return projectFiles;
        }

        var listedPaths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var listedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var solution in System.IO.Directory.EnumerateFiles(root, "*.sln*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
                     .Where(f => !Skipped.IsMatch(f)))
        {
            foreach (Match match in SolutionProject.Matches(File.ReadAllText(solution)))
            {
                var relative = match.Groups["path"].Value.Replace('\\', '/');
                listedPaths.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(solution)!, relative)));
                listedNames.Add(System.IO.Path.GetFileName(relative));
            }
        }

        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in shared)
        {
            var listed = folder.Where(p => listedPaths.Contains(System.IO.Path.GetFullPath(p))).ToList();
            if (listed.Count == 0)
            {
                listed = folder.Where(p => listedNames.Contains(System.IO.Path.GetFileName(p))).ToList();
            }

            if (listed.Count > 0)
            {
                dropped.UnionWith(folder.Except(listed, StringComparer.Ordinal));
            }
        }

        return projectFiles.Where(p => !dropped.Contains(p));
    }
}

/// <summary>
/// Builds the in-memory compilations: the SDK's reference packs, the storage SDKs found in the NuGet cache when a project
/// references them, and the compilations of referenced projects of the same repository.
/// </summary>
public sealed class CompilationFactory
{
    private static readonly Lazy<ImmutableArray<string>> FrameworkReferencePaths = new(() =>
        File.ReadAllLines(System.IO.Path.Combine(AppContext.BaseDirectory, "framework-refs.txt")).Where(l => l.Length > 0).ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new(() =>
        FrameworkReferencePaths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreReferences = new(() =>
        FrameworkReferencePaths.Value.Where(p => !p.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> ExtensionsReferences = new(() =>
        FrameworkReferencePaths.Value.Where(p => p.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.OrdinalIgnoreCase)
                && System.IO.Path.GetFileName(p).StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    /// <summary>
    /// The WindowsDesktop shared framework's managed assemblies, by the profile (WPF, WindowsForms) the SDK hands each to:
    /// the mirror serves no reference pack for it, so the runtime pack's assemblies (PackageDownload in the project file,
    /// the newest version in the NuGet cache) stand in, read from its data/RuntimeList.xml. Empty without the package.
    /// </summary>
    private static readonly Lazy<ImmutableArray<(string File, bool Wpf, bool WindowsForms)>> WindowsDesktopAssemblies = new(() =>
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = System.IO.Path.Combine(packagesRoot, "microsoft.windowsdesktop.app.runtime.win-x64");
        var newest = System.IO.Directory.Exists(package)
            ? System.IO.Directory.GetDirectories(package)
                .Select(d => (Path: d, Version: Version.TryParse(System.IO.Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
                .OrderByDescending(d => d.Version).Select(d => d.Path).FirstOrDefault()
            : null;
        var list = newest is null ? null : System.IO.Path.Combine(newest, "data", "RuntimeList.xml");
        if (list is null || !File.Exists(list) || TryParseList(list) is not { } document)
        {
            return ImmutableArray<(string, bool, bool)>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<(string, bool, bool)>();
        foreach (var file in document.Descendants("File"))
        {
            var path = file.Attribute("Path")?.Value;
            if (file.Attribute("Type")?.Value != "Managed" || path is null || !path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var full = System.IO.Path.Combine(newest!, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            var profiles = file.Attribute("Profile")?.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (File.Exists(full))
            {
                // No profile: every desktop project gets it.
                result.Add((full, profiles is null || profiles.Contains("WPF"), profiles is null || profiles.Contains("WindowsForms")));
            }
        }

        return result.ToImmutable();

        static XDocument? TryParseList(string path)
        {
            try
            {
                return XDocument.Load(path);
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }
    });

    private static readonly Dictionary<(bool Wpf, bool WindowsForms), ImmutableArray<MetadataReference>> WindowsDesktopReferenceSets = new();

    /// <summary>
    /// The WindowsDesktop assemblies of a project with WPF, Windows Forms or both (the profiles its closure asks for), once per
    /// combination. They replace a reference-pack assembly of the same file name (WindowsBase, System.Drawing and
    /// Microsoft.VisualBasic are facades in Microsoft.NETCore.App.Ref), as the SDK's conflict resolution keeps the desktop one.
    /// </summary>
    private static ImmutableArray<MetadataReference> WindowsDesktopReferences(bool wpf, bool windowsForms)
    {
        lock (WindowsDesktopReferenceSets)
        {
            if (!WindowsDesktopReferenceSets.TryGetValue((wpf, windowsForms), out var set))
            {
                set = WindowsDesktopAssemblies.Value.Where(a => (wpf && a.Wpf) || (windowsForms && a.WindowsForms))
                    .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.File)).ToImmutableArray();
                WindowsDesktopReferenceSets[(wpf, windowsForms)] = set;
            }

            return set;
        }
    }

    /// <summary>Whether the WindowsDesktop runtime pack is in the NuGet cache (otherwise WPF and Windows Forms code stays unbound).</summary>
    public static bool WindowsDesktopAvailable => !WindowsDesktopAssemblies.Value.IsEmpty;

    /// <summary>Storage SDKs the rules know (SSA0101's object keys), with the packages they need to bind.</summary>
    private static readonly Dictionary<string, string[]> KnownPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Azure.Storage.Blobs"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        // Packages that bring Azure.Storage.Blobs with them: a project that names only one of them still compiles against
        // the blob SDK (an Aspire client registration, a Functions or WebJobs blob binding, a Data Lake client, a
        // Data Protection key ring in blobs), so its BlobContainerClient calls are bound as a build binds them.
        ["Aspire.Azure.Storage.Blobs"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Microsoft.Azure.Functions.Worker.Extensions.Storage.Blobs"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Microsoft.Azure.Functions.Worker.Extensions.Storage"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Microsoft.Azure.WebJobs.Extensions.Storage.Blobs"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Microsoft.Azure.WebJobs.Extensions.Storage"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Azure.Storage.Files.DataLake"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Azure.Storage.Blobs.Batch"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["Azure.Extensions.AspNetCore.DataProtection.Blobs"] = new[] { "Azure.Storage.Blobs", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        // Azure Files (held-out set 13's tutoring platform reads a share's file by the name the query gives).
        ["Azure.Storage.Files.Shares"] = new[] { "Azure.Storage.Files.Shares", "Azure.Storage.Common", "Azure.Core", "System.ClientModel", "System.Memory.Data" },
        ["AWSSDK.S3"] = new[] { "AWSSDK.S3", "AWSSDK.Core" },
        ["AWSSDK.Extensions.NETCore.Setup"] = new[] { "AWSSDK.Core" },

        // Entity Framework Core: without it a DbContext's sets and Find/FindAsync bind to nothing, and the record a request's
        // id selects (SSA0005's lookups) cannot be seen. The provider packages (SqlServer, Npgsql, …) bring no type the rules read.
        ["Microsoft.EntityFrameworkCore"] = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions" },
        ["Microsoft.EntityFrameworkCore.SqlServer"] = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions", "Microsoft.EntityFrameworkCore.Relational" },
        ["Microsoft.EntityFrameworkCore.Sqlite"] = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions", "Microsoft.EntityFrameworkCore.Relational" },
        ["Npgsql.EntityFrameworkCore.PostgreSQL"] = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions", "Microsoft.EntityFrameworkCore.Relational" },
        ["Pomelo.EntityFrameworkCore.MySql"] = new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions", "Microsoft.EntityFrameworkCore.Relational" },
        // Document and image libraries that save to a path themselves (SSA0006's writes): the versions the NuGet mirror
        // serves (PackageDownload in the project file; the Open XML SDK's 3.3.0 for any version referenced). PDFsharp-MigraDoc's PdfSharp is PDFsharp's (MigraDoc itself and
        // QuestPDF are not served, so their saves stay unbound here).
        ["PDFsharp"] = new[] { "PDFsharp" },
        ["PDFsharp-MigraDoc"] = new[] { "PDFsharp" },
        ["PDFsharp-MigraDoc-GDI"] = new[] { "PDFsharp" },
        ["PDFsharp-MigraDoc-WPF"] = new[] { "PDFsharp" },
        ["System.Drawing.Common"] = new[] { "System.Drawing.Common" },
        ["ClosedXML"] = new[] { "ClosedXML" },
        // EPPlus: the mirror serves 4.5.3.3 (the last release before the non-commercial licence), bound for any version
        // referenced. Versions 5 and later add SaveAs(string), new ExcelPackage(string) and ExcelPackage.LicenseContext,
        // which stay unbound here (the sets' EPPlus code saves to streams; a FileInfo save binds in every version).
        ["EPPlus"] = new[] { "EPPlus" },
        ["DocumentFormat.OpenXml"] = new[] { "DocumentFormat.OpenXml", "DocumentFormat.OpenXml.Framework", "System.IO.Packaging" },

        // AutoMapper: a service returning _mapper.Map<Dto>(record) of a record its repository finds by id (SSA0005's
        // lookups, held-out set 8). The mirror serves 14.0.0 (PackageDownload in the project file), which carries the DI
        // extensions itself; a project naming the older extensions package binds the same assembly. RepoDb is not served.
        ["AutoMapper"] = new[] { "AutoMapper" },

        // CommunityToolkit.Mvvm: ObservableObject and the attributes its source generator reads (GeneratorPackageIds below).
        ["CommunityToolkit.Mvvm"] = new[] { "CommunityToolkit.Mvvm" },
        ["AutoMapper.Extensions.Microsoft.DependencyInjection"] = new[] { "AutoMapper" },

        ["Microsoft.AspNetCore.Identity.EntityFrameworkCore"] = new[]
        {
            "Microsoft.AspNetCore.Identity.EntityFrameworkCore", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Abstractions",
            "Microsoft.EntityFrameworkCore.Relational",
        },
    };

    private static readonly string[] PreferredFrameworks = { "net10.0", "net9.0", "net8.0", "net6.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0" };

    /// <summary>
    /// The document libraries whose saves the rules read (SSA0006's writes, SSA0101's paths): the ids a classic project's
    /// packages.config is read for (<see cref="ProjectInfo"/>), the served ones bound from the NuGet cache
    /// (<see cref="KnownPackages"/>), the others through a stand-in (<see cref="StandInPackages"/>).
    /// </summary>
    public static readonly HashSet<string> DocumentWriterPackageIds = new(StringComparer.OrdinalIgnoreCase)
    {
        "PDFsharp", "PDFsharp-MigraDoc", "PDFsharp-MigraDoc-GDI", "PDFsharp-MigraDoc-WPF", "ClosedXML", "EPPlus", "DocumentFormat.OpenXml",
        "QuestPDF", "PdfSharpCore", "DocX", "Xceed.Words.NET", "GemBox.Document", "GemBox.Spreadsheet",
    };

    /// <summary>
    /// A document library's assembly that a classic project references directly (<c>&lt;Reference Include="DocX"&gt;</c>
    /// with a HintPath into a lib folder or packages folder the fetched repository lacks), by the package that ships it:
    /// bound as that package (held-out set 10's Web Forms site references lib\DocX.dll).
    /// </summary>
    public static readonly Dictionary<string, string> DocumentWriterAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DocX"] = "DocX",
        ["Xceed.Words.NET"] = "DocX",
        ["Xceed.Document.NET"] = "DocX",
        ["PdfSharp"] = "PDFsharp",
        ["MigraDoc.Rendering"] = "PDFsharp-MigraDoc",
        ["PdfSharpCore"] = "PdfSharpCore",
        ["QuestPDF"] = "QuestPDF",
        ["EPPlus"] = "EPPlus",
        ["ClosedXML"] = "ClosedXML",
        ["GemBox.Document"] = "GemBox.Document",
        ["GemBox.Spreadsheet"] = "GemBox.Spreadsheet",
    };

    /// <summary>
    /// Document libraries the mirror does not serve, by package id, with the section of StandIns.cs (its #if symbol) that
    /// declares their namespaces, types and the signatures the rules read. A project that references one (or whose
    /// referenced projects do) gets that section compiled into an assembly of its own, once per section and kind of
    /// framework, so its saves bind as in a real build. MigraDoc's section is compiled against the real PDFsharp.
    /// </summary>
    private static readonly Dictionary<string, string> StandInPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["QuestPDF"] = "QUESTPDF",
        ["PdfSharpCore"] = "PDFSHARPCORE",
        ["PDFsharp-MigraDoc"] = "MIGRADOC",
        ["PDFsharp-MigraDoc-GDI"] = "MIGRADOC",
        ["PDFsharp-MigraDoc-WPF"] = "MIGRADOC",
        ["DocX"] = "DOCX",
        ["Xceed.Words.NET"] = "DOCX",
        ["GemBox.Document"] = "GEMBOX_DOCUMENT",
        ["GemBox.Spreadsheet"] = "GEMBOX_SPREADSHEET",
    };

    private static readonly Dictionary<(string Symbol, bool NetFramework), MetadataReference?> StandIns = new();

    /// <summary>Names of the stand-in assemblies handed to some compilation (the report lists them with the package assemblies).</summary>
    private static MetadataReference? StandIn(string symbol, bool netFramework, IReadOnlyList<MetadataReference> references)
    {
        lock (StandIns)
        {
            if (StandIns.TryGetValue((symbol, netFramework), out var known))
            {
                return known;
            }

            var file = System.IO.Path.Combine(AppContext.BaseDirectory, "StandIns.cs");
            MetadataReference? result = null;
            if (File.Exists(file))
            {
                var options = new CSharpParseOptions(LanguageVersion.Latest).WithPreprocessorSymbols(symbol);
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, file);
                var compilation = CSharpCompilation.Create("StandIn." + symbol, new[] { tree }, references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                using var image = new MemoryStream();
                var emitted = compilation.Emit(image);
                if (emitted.Success)
                {
                    result = MetadataReference.CreateFromImage(image.ToArray());
                }
                else
                {
                    Console.Error.WriteLine($"stand-in {symbol} ({(netFramework ? ".NET Framework" : ".NET")}) does not compile: " +
                        string.Join("; ", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)));
                }
            }

            StandIns[(symbol, netFramework)] = result;
            return result;
        }
    }

    private static readonly string[] Defines =
    {
        "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NET5_0_OR_GREATER",
        "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
    };

    public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Preview).WithPreprocessorSymbols(Defines);

    private static readonly string[] NetFrameworkDefines =
    {
        "TRACE", "RELEASE", "NETFRAMEWORK", "NET48", "NET20_OR_GREATER", "NET35_OR_GREATER", "NET40_OR_GREATER", "NET45_OR_GREATER",
        "NET451_OR_GREATER", "NET452_OR_GREATER", "NET46_OR_GREATER", "NET461_OR_GREATER", "NET462_OR_GREATER", "NET47_OR_GREATER",
        "NET471_OR_GREATER", "NET472_OR_GREATER", "NET48_OR_GREATER",
    };

    /// <summary>C# 7.3 is the .NET Framework default; newer syntax in a classic project still parses with Preview, so the binder decides.</summary>
    public static readonly CSharpParseOptions NetFrameworkParseOptions = new CSharpParseOptions(LanguageVersion.Preview).WithPreprocessorSymbols(NetFrameworkDefines);

    /// <summary>
    /// The .NET Framework 4.8 reference assemblies (the restored Microsoft.NETFramework.ReferenceAssemblies.net48 package, as
    /// the unit tests use it). Every .NET Framework project gets the assemblies a classic web or console project references
    /// by default, plus the framework assemblies it names itself, plus the facades (netstandard and System.Runtime &amp; co).
    /// </summary>
    private static readonly Lazy<string?> NetFramework48Folder = new(() =>
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var package = System.IO.Path.Combine(packagesRoot, "microsoft.netframework.referenceassemblies.net48");
        return System.IO.Directory.Exists(package)
            ? System.IO.Directory.GetDirectories(package).OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => System.IO.Path.Combine(d, "build", ".NETFramework", "v4.8")).FirstOrDefault(System.IO.Directory.Exists)
            : null;
    });

    private static readonly string[] NetFrameworkDefaultAssemblies =
    {
        "mscorlib", "System", "System.Core", "System.Data", "System.Drawing", "System.Xml", "System.Xml.Linq", "System.Configuration",
        "System.Runtime.Caching", "System.Net.Http", "System.ComponentModel.DataAnnotations", "Microsoft.CSharp",
        "System.Runtime.Serialization", "System.ServiceModel", "System.Windows.Forms", "System.IO.Compression", "System.IO.Compression.FileSystem",
    };

    /// <summary>What a classic web project references by default besides those (<see cref="ProjectInfo.IsClassicWeb"/>).</summary>
    private static readonly string[] NetFrameworkWebAssemblies =
    {
        "System.Web", "System.Web.Abstractions", "System.Web.ApplicationServices", "System.Web.Extensions", "System.Web.Routing",
        "System.Web.Services",
    };

    private static ImmutableArray<MetadataReference> NetFrameworkReferences(ProjectInfo project)
    {
        var folder = NetFramework48Folder.Value;
        if (folder is null)
        {
            return ImmutableArray<MetadataReference>.Empty;
        }

        var names = new HashSet<string>(NetFrameworkDefaultAssemblies, StringComparer.OrdinalIgnoreCase);
        if (project.IsClassicWeb)
        {
            names.UnionWith(NetFrameworkWebAssemblies);
        }

        if (project.UsesWpf)
        {
            // An SDK-style net4x project with UseWPF: the SDK references WPF's assemblies of the framework.
            names.UnionWith(new[] { "PresentationFramework", "PresentationCore", "WindowsBase", "System.Xaml" });
        }

        names.UnionWith(project.FrameworkAssemblyReferences);
        var files = names.Select(n => System.IO.Path.Combine(folder, n + ".dll")).Where(File.Exists)
            .Concat(System.IO.Directory.EnumerateFiles(System.IO.Path.Combine(folder, "Facades"), "*.dll"))
            .Concat(ClassicPackageAssemblies(names));
        return files.Distinct(StringComparer.OrdinalIgnoreCase).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }

    /// <summary>
    /// The classic ASP.NET packages a .NET Framework project names in <c>&lt;Reference Include&gt;</c> (with a HintPath into
    /// its packages folder, which a fetched repository does not have), by the package that ships each assembly, with the
    /// assemblies that package needs to bind. Taken from the NuGet cache when a package is there (Microsoft.AspNet.Mvc 5.2.6
    /// and its WebPages and Razor packages download from the mirror, though a restore of Mvc stops at its
    /// Microsoft.Web.Infrastructure dependency); a package not in the cache stays unresolved, as before.
    /// </summary>
    private static readonly Dictionary<string, string[]> ClassicPackages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Web.Mvc"] = new[] { "microsoft.aspnet.mvc", "microsoft.aspnet.webpages", "microsoft.aspnet.razor" },
        ["System.Web.WebPages"] = new[] { "microsoft.aspnet.webpages", "microsoft.aspnet.razor" },
        ["System.Web.Helpers"] = new[] { "microsoft.aspnet.webpages" },
        ["System.Web.Razor"] = new[] { "microsoft.aspnet.razor" },
    };

    private static IEnumerable<string> ClassicPackageAssemblies(IEnumerable<string> referencedNames)
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var ids = referencedNames.Where(ClassicPackages.ContainsKey).SelectMany(n => ClassicPackages[n]).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            var package = System.IO.Path.Combine(packagesRoot, id);
            var lib = System.IO.Directory.Exists(package)
                ? System.IO.Directory.GetDirectories(package).OrderByDescending(d => d, StringComparer.Ordinal)
                    .Select(d => System.IO.Path.Combine(d, "lib", "net45")).FirstOrDefault(System.IO.Directory.Exists)
                : null;
            if (lib is null)
            {
                continue;
            }

            foreach (var dll in System.IO.Directory.GetFiles(lib, "*.dll"))
            {
                yield return dll;
            }
        }
    }

    /// <summary>Whether the .NET Framework 4.8 reference assemblies are in the NuGet cache (otherwise such projects get .NET Core's).</summary>
    public static bool NetFrameworkAvailable => NetFramework48Folder.Value is not null;

    private readonly Dictionary<string, ProjectInfo> projectsByPath; // Windows repositories spell paths in any case
    private readonly Dictionary<string, CSharpCompilation> compilations = new(StringComparer.Ordinal);
    private readonly HashSet<string> building = new(StringComparer.Ordinal);

    public CompilationFactory(IEnumerable<ProjectInfo> projects)
    {
        projectsByPath = projects.GroupBy(p => p.Path, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
    }

    public List<string> PackageAssemblies { get; } = new();

    public CSharpCompilation Get(ProjectInfo project)
    {
        if (compilations.TryGetValue(project.Path, out var existing))
        {
            return existing;
        }

        building.Add(project.Path);
        // A framework reference flows to the projects that reference this one, as in MSBuild.
        var usesAspNetCore = !project.TargetsNetFramework && Closure(project).Any(p => p.UsesAspNetCore);
        var references = new List<MetadataReference>(
            project.TargetsNetFramework && NetFrameworkAvailable ? NetFrameworkReferences(project)
            : usesAspNetCore ? AspNetCoreReferences.Value : NetCoreReferences.Value);
        // WPF and Windows Forms: the WindowsDesktop framework, which flows to referencing projects like ASP.NET Core's.
        var usesWpf = !project.TargetsNetFramework && Closure(project).Any(p => p.UsesWpf);
        var usesWindowsForms = !project.TargetsNetFramework && Closure(project).Any(p => p.UsesWindowsForms);
        var desktopFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (usesWpf || usesWindowsForms)
        {
            var desktop = WindowsDesktopReferences(usesWpf, usesWindowsForms);
            desktopFiles.UnionWith(desktop.OfType<PortableExecutableReference>().Select(r => System.IO.Path.GetFileName(r.FilePath ?? "")));
            references.RemoveAll(r => r is PortableExecutableReference { FilePath: { } path } && desktopFiles.Contains(System.IO.Path.GetFileName(path)));
            references.AddRange(desktop);
        }

        if (!project.TargetsNetFramework && !usesAspNetCore && Closure(project).Any(p => p.UsesExtensions))
        {
            // A worker or console app on Microsoft.Extensions.Hosting & co: those assemblies, from the ASP.NET Core
            // reference pack, without ASP.NET Core itself (the rules that need it must still see a non-web project).
            references.AddRange(ExtensionsReferences.Value);
        }

        // Project references are transitive, as in MSBuild: a web app that references a service project sees the data
        // project the service references (its repository interfaces, its entities).
        foreach (var other in Closure(project).Skip(1))
        {
            if (!building.Contains(other.Path))
            {
                references.Add(Get(other).ToMetadataReference());
            }
        }

        // Package references flow to the projects that reference this one, as in MSBuild (a web app's DbContext lives in its data project).
        var packageReferences = Closure(project).SelectMany(p => p.PackageReferences).ToList();
        foreach (var assembly in PackageReferenceAssemblies(packageReferences, project.TargetsNetFramework)
                     .Where(a => !desktopFiles.Contains(System.IO.Path.GetFileName(a))))
        {
            references.Add(MetadataReference.CreateFromFile(assembly));
            PackageAssemblies.Add(System.IO.Path.GetFileName(assembly));
        }

        // Document libraries the mirror does not serve: their stand-ins (StandIns.cs), compiled against what the project has so far.
        foreach (var symbol in packageReferences.Where(StandInPackages.ContainsKey).Select(p => StandInPackages[p]).Distinct(StringComparer.Ordinal).ToList())
        {
            if (StandIn(symbol, project.TargetsNetFramework, references) is { } standIn)
            {
                references.Add(standIn);
                PackageAssemblies.Add("StandIn." + symbol);
            }
        }

        var parseOptions = project.TargetsNetFramework ? NetFrameworkParseOptions : ParseOptions;
        var trees = project.Sources.Select(file => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(file), Encoding.UTF8), parseOptions, file)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(project.GlobalUsings(), parseOptions, System.IO.Path.Combine(project.Directory, "obj", "GlobalUsings.g.cs")));
        var options = new CSharpCompilationOptions(
            project.IsWindowsExe ? OutputKind.WindowsApplication : project.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: project.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            allowUnsafe: true);
        var name = System.IO.Path.GetFileNameWithoutExtension(project.Path);
        var compilation = CSharpCompilation.Create(name, trees, references, options);
        var generators = PackageGenerators(Closure(project).SelectMany(p => p.PackageReferences));
        if (!generators.IsEmpty)
        {
            // What a build compiles: the project's sources and what its packages' source generators add to them.
            CSharpGeneratorDriver.Create(generators, parseOptions: parseOptions)
                .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
            compilation = (CSharpCompilation)generated;
        }

        compilations[project.Path] = compilation;
        building.Remove(project.Path);
        return compilation;
    }

    /// <summary>
    /// Packages whose source generators declare members the project's own code uses, so that without them a build's
    /// symbols are missing (CommunityToolkit.Mvvm: a field marked <c>[ObservableProperty]</c> becomes the property the view
    /// model's code reads, <c>PacienteAtual.NomeCompleto</c> in held-out set 6's WPF clinic app). The mirror serves 8.4.x
    /// (PackageDownload in the project file); its newest generator build that this compiler can load is used.
    /// </summary>
    private static readonly string[] GeneratorPackageIds = { "CommunityToolkit.Mvvm" };

    private static readonly Dictionary<string, ImmutableArray<ISourceGenerator>> GeneratorsByPackage = new(StringComparer.OrdinalIgnoreCase);

    private static ImmutableArray<ISourceGenerator> PackageGenerators(IEnumerable<string> packageReferences)
    {
        var result = ImmutableArray.CreateBuilder<ISourceGenerator>();
        foreach (var id in packageReferences.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!GeneratorPackageIds.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            lock (GeneratorsByPackage)
            {
                if (!GeneratorsByPackage.TryGetValue(id, out var generators))
                {
                    generators = LoadGenerators(id);
                    GeneratorsByPackage[id] = generators;
                }

                result.AddRange(generators);
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<ISourceGenerator> LoadGenerators(string id)
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = System.IO.Path.Combine(packagesRoot, id.ToLowerInvariant());
        if (!System.IO.Directory.Exists(folder))
        {
            return ImmutableArray<ISourceGenerator>.Empty;
        }

        var newest = System.IO.Directory.GetDirectories(folder)
            .Select(d => (Path: d, Version: Version.TryParse(System.IO.Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
            .OrderByDescending(d => d.Version).Select(d => d.Path).FirstOrDefault();
        var analyzers = newest is null ? null : System.IO.Path.Combine(newest, "analyzers", "dotnet");
        if (analyzers is null || !System.IO.Directory.Exists(analyzers))
        {
            return ImmutableArray<ISourceGenerator>.Empty;
        }

        // analyzers/dotnet/roslyn4.12/cs: the newest Roslyn build not newer than the compiler this check runs.
        var compiler = typeof(CSharpCompilation).Assembly.GetName().Version ?? new Version(0, 0);
        var best = System.IO.Directory.GetDirectories(analyzers, "roslyn*")
            .Select(d => (Path: d, Version: Version.TryParse(System.IO.Path.GetFileName(d).Substring("roslyn".Length), out var v) ? v : null))
            .Where(d => d.Version is not null && d.Version <= compiler)
            .OrderByDescending(d => d.Version).Select(d => System.IO.Path.Combine(d.Path, "cs")).FirstOrDefault(System.IO.Directory.Exists);
        if (best is null)
        {
            return ImmutableArray<ISourceGenerator>.Empty;
        }

        var loader = new GeneratorAssemblyLoader();
        return System.IO.Directory.GetFiles(best, "*.dll")
            .SelectMany(dll => new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(dll, loader).GetGenerators(LanguageNames.CSharp))
            .ToImmutableArray();
    }

    private sealed class GeneratorAssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    /// <summary>The project and every project it references, directly or not.</summary>
    private List<ProjectInfo> Closure(ProjectInfo project)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { project.Path };
        var result = new List<ProjectInfo> { project };
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var referenced in result[i].ProjectReferences)
            {
                if (projectsByPath.TryGetValue(referenced, out var other) && seen.Add(other.Path))
                {
                    result.Add(other);
                }
            }
        }

        return result;
    }

    /// <summary>A .NET Framework project takes a package's .NET Framework or .NET Standard build where the package has one.</summary>
    private static readonly string[] NetFrameworkPreferredFrameworks =
    {
        "net48", "net472", "net471", "net47", "net462", "net461", "net46", "net452", "net45", "net40", "net35", "netstandard2.0",
    };

    private static IEnumerable<string> PackageReferenceAssemblies(IEnumerable<string> packageReferences, bool netFramework)
    {
        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var wanted = packageReferences.Where(KnownPackages.ContainsKey).SelectMany(p => KnownPackages[p]).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var id in wanted)
        {
            var folder = System.IO.Path.Combine(packagesRoot, id.ToLowerInvariant());
            if (!System.IO.Directory.Exists(folder))
            {
                continue;
            }

            var newest = System.IO.Directory.GetDirectories(folder)
                .Select(d => (Path: d, Version: Version.TryParse(System.IO.Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
                .OrderByDescending(d => d.Version).Select(d => d.Path).FirstOrDefault();
            if (newest is null)
            {
                continue;
            }

            foreach (var framework in netFramework && DocumentWriterPackageIds.Contains(id) ? NetFrameworkPreferredFrameworks.Concat(PreferredFrameworks) : PreferredFrameworks)
            {
                var lib = System.IO.Path.Combine(newest, "lib", framework);
                if (System.IO.Directory.Exists(lib))
                {
                    foreach (var dll in System.IO.Directory.GetFiles(lib, "*.dll"))
                    {
                        yield return dll;
                    }

                    break;
                }
            }
        }
    }
}
