using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.RealCode;

// The real-code check (issue #21). It fetches nothing: run fetch.sh first (or `git clone` each repository of
// repositories.tsv at its pinned commit into DIR/owner+name), then:
//   dotnet run -c Release --project tests/SecureStorageAnalyzers.RealCode -- --src DIR [--out report.md] [--repo owner/name]
string? src = null;
string? output = null;
string? only = null;
var here = AppContext.BaseDirectory;
var repositoriesPath = Path.Combine(here, "repositories.tsv");
var labelsPath = Path.Combine(here, "labels.tsv");
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--src": src = Next(); break;
        case "--out": output = Next(); break;
        case "--repo": only = Next(); break;
        case "--repositories": repositoriesPath = Next(); break;
        case "--labels": labelsPath = Next(); break;
        default:
            Console.Error.WriteLine("usage: --src DIR [--out FILE] [--repo owner/name] [--repositories FILE] [--labels FILE]");
            return 2;
    }
}

if (src is null || !Directory.Exists(src))
{
    Console.Error.WriteLine("--src DIR is required: the folder fetch.sh cloned the repositories into (DIR/owner+name).");
    return 2;
}

var repositories = Repository.Load(repositoriesPath);
var labels = Label.Load(labelsPath);
var analyzers = PackAnalyzers();
Scorer.Rules = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)
    .Where(id => id.StartsWith("SSA", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
var assembly = typeof(SecureStorageAnalyzers.SecureStorageAnalyzer).Assembly;
var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
Console.Error.WriteLine($"analyzers: {string.Join(", ", analyzers.Select(a => a.GetType().Name))}");

var findings = new List<Finding>();
var projects = new List<ProjectResult>();
var problems = new List<string>();
var watch = Stopwatch.StartNew();
foreach (var repository in repositories.Where(r => only is null || r.Name.Equals(only, StringComparison.OrdinalIgnoreCase)))
{
    var root = Path.GetFullPath(Path.Combine(src, repository.Folder));
    if (!Directory.Exists(root))
    {
        problems.Add($"{repository.Name}: not found at {root} (run fetch.sh)");
        continue;
    }

    var (found, orphans) = ProjectFinder.Find(root);
    if (found.Count == 0)
    {
        problems.Add($"{repository.Name}: no project file");
        continue;
    }

    if (orphans > 0)
    {
        problems.Add($"{repository.Name}: {orphans} .cs files outside any project folder, not compiled");
    }

    var factory = new CompilationFactory(found);
    var chainCandidates = new List<(string Project, SecureStorageAnalyzers.ExposureChain.ChainCandidates Candidates)>();
    foreach (var project in found)
    {
        var relativeProject = Relative(root, project.Path);
        Console.Error.WriteLine($"[{watch.Elapsed:mm\\:ss}] {repository.Name} {relativeProject} ({project.Sources.Length} files)");
        if (project.Sources.Length == 0)
        {
            projects.Add(new ProjectResult(repository.Name, relativeProject, project.Sdk, 0, 0, 0, 0, "no .cs files"));
            continue;
        }

        var compilation = factory.Get(project);
        var lines = compilation.SyntaxTrees.Where(t => !t.FilePath.EndsWith("GlobalUsings.g.cs", StringComparison.Ordinal)).Sum(t => t.GetText().Lines.Count);
        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var additional = Directory.EnumerateFiles(project.Directory, "*.config", SearchOption.TopDirectoryOnly)
            .Where(p => Path.GetFileName(p).StartsWith("web.", StringComparison.OrdinalIgnoreCase))
            .Select(p => (AdditionalText)new FileAdditionalText(p))
            .Concat(Views(project.Directory).Select(p => (AdditionalText)new FileAdditionalText(p)))
            .ToImmutableArray();
        var exceptions = new List<string>();
        var analyzerOptions = new AnalyzerOptions(additional, new BuildProperties(project.IsTestProject));
        var options = new CompilationWithAnalyzersOptions(
            analyzerOptions,
            onAnalyzerException: (exception, analyzer, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await new CompilationWithAnalyzers(compilation, analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        var ours = diagnostics.Where(d => d.Id.StartsWith("SSA", StringComparison.Ordinal)).ToList();
        foreach (var d in ours)
        {
            var span = d.Location.GetLineSpan();
            var file = span.Path is { Length: > 0 } ? Relative(root, span.Path) : "?";
            findings.Add(new Finding(repository.Name, relativeProject, file, span.StartLinePosition.Line + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var e in exceptions.Distinct())
        {
            problems.Add($"{repository.Name} {relativeProject}: analyzer exception {e}");
        }

        // What SSA0009 can link across the repository's projects, as the audit tool does (its ExposureChainAcrossProjects).
        // An exception here would stop the audit tool on this project; it is recorded like an analyzer exception, and the
        // project takes no part in the chains across projects.
        try
        {
            chainCandidates.Add((relativeProject, SecureStorageAnalyzers.ExposureChain.CrossProjectChains.Collect(compilation, analyzerOptions, CancellationToken.None)));
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or NullReferenceException)
        {
            problems.Add($"{repository.Name} {relativeProject}: CrossProjectChains.Collect exception {exception.GetType().Name}: {exception.Message} (at {exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("SecureStorageAnalyzers.", StringComparison.Ordinal))})");
        }

        var desktopShown = string.Join("+", new[] { project.UsesWpf ? "WPF" : null, project.UsesWindowsForms ? "WinForms" : null }.Where(p => p is not null));
        var sdkShown = project.TargetsNetFramework ? $"{project.Sdk} (.NET Framework 4.8 refs{(CompilationFactory.NetFrameworkAvailable ? "" : " missing")})"
            : desktopShown.Length > 0 ? $"{project.Sdk} (WindowsDesktop {desktopShown}{(CompilationFactory.WindowsDesktopAvailable ? "" : " missing")})"
            : project.Sdk;
        projects.Add(new ProjectResult(repository.Name, relativeProject, sdkShown, project.Sources.Length, lines, errors, ours.Count, ConfigNote(additional)));
    }

    // Chains across projects (a library the serving app references, a shared configuration key or absolute path): the
    // build of one project cannot report them; the audit tool does, and so does this check, on the serving project.
    if (chainCandidates.Count > 1)
    {
        foreach (var d in SecureStorageAnalyzers.ExposureChain.CrossProjectChains.Link(chainCandidates.Select(c => c.Candidates).ToList()))
        {
            var span = d.Location.GetLineSpan();
            var file = span.Path is { Length: > 0 } ? Relative(root, span.Path) : "?";
            var serving = chainCandidates.Select(c => c.Project).OrderByDescending(p => p.Length)
                .FirstOrDefault(p => file.StartsWith(Path.GetDirectoryName(p) ?? "", StringComparison.Ordinal)) ?? "?";
            findings.Add(new Finding(repository.Name, serving, file, span.StartLinePosition.Line + 1, d.Id, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

Scorer.Judge(findings, labels);
var report = Scorer.Report(repositories, labels, findings, projects, problems, version);
Console.WriteLine(report);
if (output is not null)
{
    File.WriteAllText(output, report);
}

Console.Error.WriteLine($"done in {watch.Elapsed:mm\\:ss}");
return 0;

// The Razor views and components, as the build hands them to the analyzers: the Razor SDK passes them to its source
// generator as AdditionalFiles in every ASP.NET Core web project, and the package's build targets pass a classic MVC
// project's .cshtml views the same way (SSA0006 reads which folders the views show as pictures).
static IEnumerable<string> Views(string directory) =>
    Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
        .Where(p => p.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".razor", StringComparison.OrdinalIgnoreCase))
        .Where(p => !Path.GetRelativePath(directory, p).Replace('\\', '/').Split('/').Any(s =>
            s.Equals("bin", StringComparison.OrdinalIgnoreCase) || s.Equals("obj", StringComparison.OrdinalIgnoreCase) ||
            s.Equals("node_modules", StringComparison.OrdinalIgnoreCase)))
        .OrderBy(p => p, StringComparer.Ordinal);

static string ConfigNote(ImmutableArray<AdditionalText> additional)
{
    var views = additional.Count(a => a.Path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || a.Path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase));
    var configs = additional.Length - views;
    return string.Join(" ", new[] { configs > 0 ? $"+{configs} web.config" : "", views > 0 ? $"+{views} views" : "" }.Where(s => s.Length > 0));
}

static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

// The pack as the compiler loads it: every analyzer of the assembly exported with [DiagnosticAnalyzer] for C#
// (SecureStorageAnalyzer, all code rules, and the web.config analyzer), as the benchmark's OurPack().
static ImmutableArray<DiagnosticAnalyzer> PackAnalyzers() =>
    typeof(SecureStorageAnalyzers.SecureStorageAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

/// <summary>The MSBuild properties the package makes visible to the analyzers: here, only IsTestProject.</summary>
internal sealed class BuildProperties(bool isTestProject) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private readonly Properties _global = new(isTestProject);
    private readonly Properties _none = new(false);

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _none;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _none;

    private sealed class Properties(bool isTestProject) : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = isTestProject && key == "build_property.IsTestProject" ? "true" : null;
            return value is not null;
        }
    }
}

/// <summary>A web.config handed to the analyzers as the package's build targets do.</summary>
internal sealed class FileAdditionalText : AdditionalText
{
    public FileAdditionalText(string path) => Path = path;

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) =>
        SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
}
