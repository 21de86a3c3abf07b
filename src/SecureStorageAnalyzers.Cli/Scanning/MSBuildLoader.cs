using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>
/// The C# projects one solution or project file yielded through MSBuild, and what MSBuild complained about. Disposing it
/// closes the workspace (and its build host); its projects are read before that.
/// </summary>
public sealed record MSBuildLoad(IReadOnlyList<Project> Projects, IReadOnlyList<string> Failures, string? Error, IDisposable Workspace) : IDisposable
{
    public void Dispose() => Workspace.Dispose();
}

/// <summary>
/// Loads a solution or project through MSBuildWorkspace (the SDK's MSBuild, in Roslyn's build host), with the package's
/// build logic imported into every project (build/SecureStorageAnalyzers.Cli.targets), so the analyzers see the
/// web.config files and build properties a build with the package gives them, and each project's .editorconfig and
/// .globalconfig files as its AnalyzerConfigDocuments.
/// </summary>
public static class MSBuildLoader
{
    public static string ImportedTargets => Path.Combine(AppContext.BaseDirectory, "build", "SecureStorageAnalyzers.Cli.targets");

    public static async Task<MSBuildLoad> LoadAsync(string path, IReadOnlyDictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var global = new Dictionary<string, string>(properties, StringComparer.OrdinalIgnoreCase)
        {
            ["CustomAfterMicrosoftCommonTargets"] = ImportedTargets,
        };
        var failures = new List<string>();
        var workspace = MSBuildWorkspace.Create(global);
        workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                lock (failures)
                {
                    failures.Add(e.Diagnostic.Message);
                }
            }
        });
        try
        {
            var solution = path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? (await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false)).Solution
                : await workspace.OpenSolutionAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            return new MSBuildLoad(projects, failures, null, workspace);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new MSBuildLoad([], failures, $"{e.GetType().Name}: {FirstLine(e.Message)}", workspace);
        }
    }

    /// <summary>
    /// Why a project MSBuild loaded cannot be trusted as a build's view (null when it can): its references did not resolve
    /// (not restored, an SDK or workload missing), so even System.Object is unknown.
    /// </summary>
    public static string? WhyUnusable(Project project, Compilation compilation, IReadOnlyList<string> failures)
    {
        if (compilation.GetSpecialType(SpecialType.System_Object).TypeKind != TypeKind.Error)
        {
            return null;
        }

        var name = Path.GetFileName(project.FilePath ?? project.Name);
        var mine = failures.FirstOrDefault(f => f.Contains(name, StringComparison.OrdinalIgnoreCase)) ?? failures.FirstOrDefault();
        return "MSBuild resolved none of its references (not restored?)" + (mine is null ? "" : ": " + FirstLine(mine));
    }

    public static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 240 ? line[..240] + "…" : line;
    }
}
