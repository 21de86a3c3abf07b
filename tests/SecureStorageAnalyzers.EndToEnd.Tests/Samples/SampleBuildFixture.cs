using System.Collections.Concurrent;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// The sample builds share src/ outputs (both samples reference the analyzer and code-fix projects), so they run one
/// at a time in this collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SampleBuildCollection : ICollectionFixture<SampleBuildFixture>
{
    public const string Name = "Sample builds";
}

/// <summary>
/// Builds the analyzer and code-fix projects once, then each sample at most once per test run (every test of a sample
/// reads the same build). A sample is compiled from scratch (<c>--no-incremental</c>), so its warnings are always
/// emitted, but without rebuilding src/ (<c>BuildProjectReferences=false</c>): the analyzers were built just before.
/// Every one of these builds writes its bin/ and obj/ under this fixture's own temporary folder
/// (<c>--artifacts-path</c>), never into the work tree, so they cannot race the solution build that runs the tests
/// (which writes src/ and samples/ outputs in place). The folder, template builds included, is removed at the end of
/// the run; set SSA_E2E_KEEP=1 to keep it.
/// </summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    public const string AnalyzersProject = "src/SecureStorageAnalyzers.CodeFixes/SecureStorageAnalyzers.CodeFixes.csproj";

    private readonly ConcurrentDictionary<string, Lazy<Task<SampleBuild>>> builds = new();

    /// <summary>This run's own folder: the artifacts of every build below, and the template builds.</summary>
    public string TemporaryRoot { get; } = Path.Combine(Path.GetTempPath(), "ssa-e2e-builds-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The <c>--artifacts-path</c> of the analyzer and sample builds.</summary>
    public string ArtifactsPath => Path.Combine(TemporaryRoot, "artifacts");

    /// <summary><c>dotnet build</c> of the code-fix project, which builds the analyzer project it references.</summary>
    public CommandResult AnalyzersBuild { get; private set; } = null!;

    /// <summary>The analyzer assembly <see cref="AnalyzersBuild"/> wrote (found under <see cref="ArtifactsPath"/>, whatever the configuration).</summary>
    public string AnalyzerAssembly
    {
        get
        {
            var folder = Path.Combine(ArtifactsPath, "bin", "SecureStorageAnalyzers.Analyzers");
            var found = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "SecureStorageAnalyzers.Analyzers.dll", SearchOption.AllDirectories)
                : [];
            return found.Length == 1
                ? found[0]
                : throw new InvalidOperationException($"expected one SecureStorageAnalyzers.Analyzers.dll under {folder}, found {found.Length}:\n{AnalyzersBuild}");
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TemporaryRoot);
        AnalyzersBuild = await DotNet.RunAsync(DotNet.RepositoryRoot, "build", AnalyzersProject, "--artifacts-path", ArtifactsPath, "-tl:off", "-nologo");
    }

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("SSA_E2E_KEEP") != "1")
        {
            DeleteFolder(TemporaryRoot);
        }

        return Task.CompletedTask;
    }

    /// <summary>Deletes <paramref name="folder"/>; a file a compiler server still holds for a moment leaves it to the OS's temp cleanup.</summary>
    public static void DeleteFolder(string folder)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(500);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(500);
            }
        }
    }

    /// <summary>Builds <c>samples/&lt;sampleName&gt;</c> (once) and reads what the compiler reported.</summary>
    public Task<SampleBuild> BuildAsync(string sampleName, bool warningsAsErrors) =>
        builds.GetOrAdd($"{sampleName}|{warningsAsErrors}", _ => new Lazy<Task<SampleBuild>>(() => RunAsync(sampleName, warningsAsErrors))).Value;

    private async Task<SampleBuild> RunAsync(string sampleName, bool warningsAsErrors)
    {
        if (AnalyzersBuild.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {AnalyzersProject} failed; no sample can be built:\n{AnalyzersBuild}");
        }

        var logDirectory = Path.Combine(AppContext.BaseDirectory, "sample-builds");
        Directory.CreateDirectory(logDirectory);
        var sarifPath = Path.Combine(logDirectory, $"{sampleName}{(warningsAsErrors ? ".warnaserror" : "")}.sarif");
        File.Delete(sarifPath);

        var project = $"samples/{sampleName}/{sampleName}.csproj";
        var arguments = new List<string>
        {
            "build", project,
            "--no-incremental",
            "-p:BuildProjectReferences=false",
            // The same artifacts as the analyzer build: the references resolve there, and nothing is written in place.
            "--artifacts-path", ArtifactsPath,
            // Only the sample's own compilation runs (references are not built), so only it writes this log.
            $"-p:ErrorLog={sarifPath}%2Cversion=2.1",
            "-tl:off",
            "-nologo",
        };
        if (warningsAsErrors)
        {
            arguments.Add("-warnaserror");
        }

        var command = await DotNet.RunAsync(DotNet.RepositoryRoot, [.. arguments]);
        var log = File.Exists(sarifPath) ? SarifLog.Read(sarifPath, DotNet.RepositoryRoot) : null;
        return new SampleBuild($"dotnet {string.Join(' ', arguments)}", command, log);
    }
}

/// <summary>One sample build: the command line, what it printed, and the compiler's SARIF log (null if none was written).</summary>
public sealed record SampleBuild(string CommandLine, CommandResult Command, SarifLog? Log)
{
    /// <summary>Diagnostics that mean the pack did not run at all or crashed: an empty result would then prove nothing.</summary>
    public static readonly IReadOnlyList<string> AnalyzerFailureIds =
    [
        "AD0001", // an analyzer threw
        "CS8032", // an analyzer could not be created
        "CS8034", // an analyzer assembly could not be loaded
        "CS9057", // the analyzer was built against a newer compiler than the one running it
    ];

    public SarifLog RequireLog() =>
        Log ?? throw new InvalidOperationException($"{CommandLine} wrote no SARIF log.\n{Command}");

    /// <summary>Every mention of an <see cref="AnalyzerFailureIds"/> id, in the console output or the SARIF log.</summary>
    public IReadOnlyList<string> AnalyzerFailures()
    {
        var failures = new List<string>();
        foreach (var line in Command.Output.Split('\n'))
        {
            if (AnalyzerFailureIds.Any(id => line.Contains(id, StringComparison.Ordinal)))
            {
                failures.Add(line.TrimEnd());
            }
        }

        failures.AddRange(RequireLog().Results
            .Where(result => AnalyzerFailureIds.Contains(result.Id))
            .Select(result => result.ToString()));
        return failures;
    }

    public override string ToString() => $"{CommandLine}\n{Command}";
}
