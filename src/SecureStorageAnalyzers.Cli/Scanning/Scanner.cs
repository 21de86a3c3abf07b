using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Cli.Reporting;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>What <c>scan</c> was asked to do.</summary>
public sealed record ScanOptions(string Path, bool Restore, IReadOnlyDictionary<string, string> Properties);

/// <summary>Where the scanner says what it is doing (the console shows it as progress).</summary>
public interface IScanProgress
{
    void Step(string message);

    void ProjectDone(ProjectReport project);
}

/// <summary>
/// Runs the pack over every project of the target: through MSBuild where a project loads and its references resolve,
/// else through the fallback, then the solution-level analyses (<see cref="ISolutionAnalysis"/>).
/// </summary>
public sealed class Scanner
{
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers = Pack.Analyzers();
    private readonly ImmutableHashSet<string> _ruleIds;
    private readonly List<Finding> _findings = [];
    private readonly List<ProjectReport> _projects = [];
    private readonly List<string> _problems = [];
    private readonly HashSet<string> _done = new(StringComparer.OrdinalIgnoreCase);
    private readonly IScanProgress _progress;
    private string _root = "";

    public Scanner(IScanProgress progress)
    {
        _progress = progress;
        Catalog = RuleCatalog.Create(_analyzers, Pack.CodeFixes());
        _ruleIds = Catalog.Rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public RuleCatalog Catalog { get; }

    public async Task<ScanResult> ScanAsync(ScanOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var targets = ScanTargets.Resolve(options.Path);
        _root = targets.Root;
        var sdk = Sdk.Register(targets.Root);
        if (sdk is null)
        {
            _problems.Add("No .NET SDK found: projects cannot be loaded through MSBuild, and the fallback has no reference assemblies.");
        }
        else
        {
            _progress.Step($"SDK {sdk.Version} at {sdk.DotNetRoot}");
        }

        var fallback = new FallbackWorkspace(sdk);
        foreach (var entry in targets.Solutions.Concat(targets.Projects))
        {
            await ScanEntryAsync(entry, sdk, fallback, options, cancellationToken).ConfigureAwait(false);
        }

        if (targets.LooseSourceFolder is { } folder)
        {
            _progress.Step($"No solution or project under {Display(folder)}: compiling its .cs files as one project");
            var group = new List<AnalyzedProject>();
            foreach (var project in fallback.Add([FallbackProjectFile.ForLooseFolder(folder)]))
            {
                await AnalyzeAsync(project, null, "no project file", group, cancellationToken).ConfigureAwait(false);
            }

            await RunSolutionAnalysesAsync(group, cancellationToken).ConfigureAwait(false);
        }

        if (_projects.Count == 0)
        {
            _problems.Add($"Nothing to scan under {options.Path}: no solution, project or .cs file.");
        }

        return new ScanResult(targets.Root, options.Path, _projects, _findings, _problems, Catalog, watch.Elapsed);
    }

    private async Task ScanEntryAsync(string entry, Sdk? sdk, FallbackWorkspace fallback, ScanOptions options, CancellationToken cancellationToken)
    {
        var isProject = entry.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);
        var wanted = (isProject ? [entry] : ScanTargets.ProjectsOf(entry)).Where(p => !_done.Contains(p)).ToList();
        var group = new List<AnalyzedProject>();
        var fallbackFiles = new List<(FallbackProjectFile File, string Reason)>();
        if (sdk is not null)
        {
            string? restoreFailure = null;
            if (options.Restore)
            {
                _progress.Step($"Restoring {Display(entry)}");
                restoreFailure = await RestoreAsync(sdk, entry, options.Properties, cancellationToken).ConfigureAwait(false);
                if (restoreFailure is not null)
                {
                    _problems.Add($"dotnet restore {Display(entry)} failed: {restoreFailure}");
                }
            }

            _progress.Step($"Loading {Display(entry)} through MSBuild");
            using var load = await MSBuildLoader.LoadAsync(entry, options.Properties, cancellationToken).ConfigureAwait(false);
            if (load.Error is not null)
            {
                _problems.Add($"MSBuild could not open {Display(entry)}: {load.Error}");
            }

            // One Roslyn project per target framework: the pack's findings do not depend on it, so the first that
            // resolves stands for the project file.
            var loaded = load.Projects.Where(p => p.FilePath is not null).GroupBy(p => Path.GetFullPath(p.FilePath!), StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            if (!isProject && wanted.Count == 0)
            {
                wanted = loaded.Keys.Where(p => !_done.Contains(p)).Order(StringComparer.Ordinal).ToList();
            }

            foreach (var path in wanted)
            {
                string reason;
                if (!loaded.TryGetValue(path, out var candidates))
                {
                    var failure = load.Failures.FirstOrDefault(f => f.Contains(Path.GetFileName(path), StringComparison.OrdinalIgnoreCase)) ?? load.Error;
                    reason = "MSBuild did not load it" + (failure is null ? "" : ": " + MSBuildLoader.FirstLine(failure));
                }
                else
                {
                    Project? usable = null;
                    Compilation? compilation = null;
                    reason = "";
                    foreach (var candidate in candidates)
                    {
                        compilation = await candidate.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                        if (compilation is not null && MSBuildLoader.WhyUnusable(candidate, compilation, load.Failures) is not { } why)
                        {
                            usable = candidate;
                            break;
                        }

                        reason = compilation is null ? "MSBuild gave no compilation" : MSBuildLoader.WhyUnusable(candidate, compilation, load.Failures)!;
                    }

                    if (usable is not null)
                    {
                        // Loaded with its framework but a failed restore: package types may be missing (see its errors).
                        await AnalyzeAsync(usable, compilation, null, group, cancellationToken, restoreFailure is null ? null : "restore failed").ConfigureAwait(false);
                        continue;
                    }
                }

                if (restoreFailure is not null)
                {
                    reason = "restore failed; " + reason;
                }

                fallbackFiles.Add((FallbackProjectFile.Read(path), reason));
            }
        }
        else
        {
            fallbackFiles.AddRange(wanted.Select(p => (FallbackProjectFile.Read(p), "no .NET SDK to load it with")));
        }

        if (fallbackFiles.Count > 0)
        {
            var projects = fallback.Add(fallbackFiles.Select(f => f.File).ToList());
            for (var i = 0; i < projects.Count; i++)
            {
                await AnalyzeAsync(projects[i], null, fallbackFiles[i].Reason, group, cancellationToken).ConfigureAwait(false);
            }
        }

        await RunSolutionAnalysesAsync(group, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the pack on one project the way the compiler does in a build: every analyzer, compilation-end actions
    /// included, with the project's analyzer options (additional files, .editorconfig/.globalconfig and build properties),
    /// severities as configured, suppressed diagnostics left out. The compiler's own errors of the same pass give the
    /// resolution figure.
    /// </summary>
    private async Task AnalyzeAsync(Project project, Compilation? compilation, string? fallbackReason, List<AnalyzedProject> group,
        CancellationToken cancellationToken, string? note = null)
    {
        var watch = Stopwatch.StartNew();
        var name = DisplayName(project);
        var path = project.FilePath is { } file ? Path.GetFullPath(file) : name;
        _done.Add(path);
        _progress.Step($"Analyzing {name}" + (fallbackReason is null ? "" : " (fallback)"));
        compilation ??= await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            _problems.Add($"{name}: no compilation");
            return;
        }

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add($"{analyzer.GetType().Name} threw {exception.GetType().Name}: {exception.Message}");
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await new CompilationWithAnalyzers(compilation, _analyzers, options).GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var findings = diagnostics.Where(d => _ruleIds.Contains(d.Id) && d.Severity != DiagnosticSeverity.Hidden).Select(d => ToFinding(d, name)).ToList();
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error && !_ruleIds.Contains(d.Id));
        var sources = project.Documents.Where(d => d.FilePath is not null && !IsGenerated(d.FilePath)).ToList();
        var lines = 0;
        foreach (var document in sources)
        {
            lines += (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).Lines.Count;
        }

        _findings.AddRange(findings);
        _problems.AddRange(exceptions.Distinct().Select(e => $"{name}: analyzer exception (findings of that analyzer may be missing): {e}"));
        var report = new ProjectReport(name, Display(path), fallbackReason is null ? LoadMode.MSBuild : LoadMode.Fallback, fallbackReason,
            sources.Count, lines, errors, findings.Count, watch.Elapsed) { Note = note };
        _projects.Add(report);
        _progress.ProjectDone(report);
        if (SolutionAnalyses.Registered.Count > 0)
        {
            group.Add(new AnalyzedProject(project, compilation, project.AnalyzerOptions, name));
        }
    }

    private async Task RunSolutionAnalysesAsync(List<AnalyzedProject> group, CancellationToken cancellationToken)
    {
        if (group.Count == 0)
        {
            return;
        }

        foreach (var analysis in SolutionAnalyses.Registered)
        {
            foreach (var diagnostic in await analysis.AnalyzeAsync(group, cancellationToken).ConfigureAwait(false))
            {
                var owner = group.FirstOrDefault(p => diagnostic.Location.SourceTree is { } tree && p.Compilation.ContainsSyntaxTree(tree))?.DisplayName ?? "(solution)";
                _findings.Add(ToFinding(diagnostic, owner));
            }
        }
    }

    private Finding ToFinding(Diagnostic diagnostic, string project) => new(
        diagnostic.Id,
        diagnostic.Severity,
        diagnostic.GetMessage(CultureInfo.InvariantCulture),
        project,
        Place(diagnostic.Location, null),
        diagnostic.AdditionalLocations.Select(l => Place(l, null)).OfType<SourcePlace>().ToList());

    private SourcePlace? Place(Location location, string? message)
    {
        var span = location.GetMappedLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            span = location.GetLineSpan();
        }

        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return null;
        }

        return new SourcePlace(Display(span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, message);
    }

    private string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(_root, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }

    private static string DisplayName(Project project)
    {
        var name = project.Name;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 && name.EndsWith(')') ? name[..paren] : name;
    }

    private static bool IsGenerated(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>dotnet restore</c> of a solution or project with the scan's properties; null on success, else the first error line.</summary>
    private static async Task<string?> RestoreAsync(Sdk sdk, string entry, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(sdk.DotNetExecutable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(entry)!,
        };
        foreach (var argument in new[] { "restore", entry, "-tl:off", "-nologo" }.Concat(properties.Select(p => $"-p:{p.Key}={p.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode == 0)
        {
            return null;
        }

        var text = await output.ConfigureAwait(false) + "\n" + await error.ConfigureAwait(false);
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
        return MSBuildLoader.FirstLine(first ?? $"exit code {process.ExitCode}");
    }
}
