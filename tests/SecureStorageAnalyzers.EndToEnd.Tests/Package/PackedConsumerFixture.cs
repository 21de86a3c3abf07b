using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The package tests run one after the other (they share one consumer folder and the machine's two cores) on ONE pack
/// and ONE restored consumer, both made here once.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackedConsumerCollection : ICollectionFixture<PackedConsumerFixture>
{
    public const string Name = "Packed package in a consumer build";
}

/// <summary>
/// Packs the repository's package with a version used by no earlier run (NuGet never looks at a version again once it
/// is in a packages folder), into a local feed under a temporary folder outside the repository, then writes and restores
/// a consumer web project that references the package by PackageReference and nothing else.
/// Set SSA_E2E_KEEP=1 to keep the temporary folder for a look after the run.
/// </summary>
public sealed class PackedConsumerFixture : IAsyncLifetime
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private Task<BuildRun>? _baselineBuild;

    public StepTimings Timings { get; } = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ssa-package-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A SemVer 2 prerelease no earlier run used: <c>0.1.0-e2e-&lt;UTC time&gt;-&lt;random&gt;</c>.</summary>
    public string Version { get; } = $"0.1.0-e2e-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";

    public string FeedDirectory => Path.Combine(Root, "feed");

    public string PackagePath => Path.Combine(FeedDirectory, $"SecureStorageAnalyzers.{Version}.nupkg");

    public string ConsumerDirectory => Path.Combine(Root, "consumer");

    public CommandResult PackResult { get; private set; } = null!;

    public CommandResult RestoreResult { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        AssertNothingAboveRootShapesTheBuild();
        var project = Path.Combine(DotNet.RepositoryRoot, "src", "SecureStorageAnalyzers.Package", "SecureStorageAnalyzers.Package.csproj");

        // --artifacts-path keeps every bin/ and obj/ of this pack out of the work tree, so it cannot collide with the
        // solution build that runs these tests.
        PackResult = await Timings.TimeAsync("pack", null, () => RunAsync(DotNet.RepositoryRoot,
            "pack", project, "-c", "Release", "-o", FeedDirectory, "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:Version={Version}", "-tl:off"));
        if (PackResult.ExitCode != 0 || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack did not produce {PackagePath}: {PackResult}");
        }

        Directory.CreateDirectory(ConsumerDirectory);
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, ConsumerProject.ProjectFile), ConsumerProject.ProjectFileText(Version));
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, "NuGet.config"), ConsumerProject.NuGetConfigText(FeedDirectory, Path.Combine(Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, "Program.cs"), ConsumerProject.ProgramText);
        await File.WriteAllTextAsync(Path.Combine(ConsumerDirectory, "web.config"), ConsumerProject.WebConfigText);

        RestoreResult = await Timings.TimeAsync("consumer restore", null, () => RunAsync(ConsumerDirectory, "restore", "-tl:off"));
        if (RestoreResult.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet restore of the consumer failed: {RestoreResult}");
        }
    }

    /// <summary>The consumer must see only the SDK and the package: no Directory.*.props/targets, global.json or
    /// .editorconfig of some folder above the temporary folder.</summary>
    private void AssertNothingAboveRootShapesTheBuild()
    {
        string[] names = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", ".editorconfig", ".globalconfig"];
        var found = new List<string>();
        for (var directory = new DirectoryInfo(Root).Parent; directory is not null; directory = directory.Parent)
        {
            found.AddRange(names.Select(name => Path.Combine(directory.FullName, name)).Where(File.Exists));
        }

        if (found.Count > 0)
        {
            throw new InvalidOperationException(
                $"The consumer under {Root} would pick up these files from above it and not build like a user's project:\n{string.Join('\n', found)}");
        }
    }

    public Task DisposeAsync()
    {
        var summary = Timings.Summary();
        Console.WriteLine(summary);
        try
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "package-e2e-timings.txt"), summary + Environment.NewLine);
        }
        catch (IOException)
        {
            // The summary on the console is enough.
        }

        if (Environment.GetEnvironmentVariable("SSA_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A language server or compiler server may still hold a file for a moment: the folder is under temp.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return Task.CompletedTask;
    }

    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments) =>
        DotNet.RunProgramAsync("dotnet", workingDirectory, CommandTimeout, arguments);

    /// <summary>
    /// <c>dotnet build</c> of the consumer as it is now, always compiling (an up-to-date build would print no warning).
    /// Every build is checked for analyzer load failures: a pack the compiler skips must never pass as "no findings".
    /// </summary>
    public async Task<CommandResult> BuildAsync(string step, ITestOutputHelper? output, params string[] extraArguments)
    {
        string[] arguments = ["build", ConsumerProject.ProjectFile, "--no-restore", "--no-incremental", "-tl:off", .. extraArguments];
        var result = await Timings.TimeAsync(step, output, () => RunAsync(ConsumerDirectory, arguments));
        output?.WriteLine($"$ dotnet {string.Join(' ', arguments)}\n{result}");
        AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', arguments)}");
        return result;
    }

    public static void AssertAnalyzersLoaded(CommandResult result, string command)
    {
        var failures = BuildOutput.Findings(result.Output).Where(f => BuildOutput.AnalyzerLoadFailureIds.Contains(f.Id)).ToList();
        var mentions = BuildOutput.AnalyzerLoadFailureIds.Where(id => result.Output.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 0 && mentions.Count == 0,
            $"`{command}` reports that the analyzers did not load or crashed ({string.Join(", ", mentions)}):\n{BuildOutput.Describe(failures)}\n{result}");
    }

    /// <summary>The default build of the untouched consumer, with a SARIF 2.1 log; run once and shared.</summary>
    public Task<BuildRun> BaselineBuildAsync(ITestOutputHelper output)
    {
        lock (this)
        {
            return _baselineBuild ??= RunBaselineAsync(output);
        }
    }

    private async Task<BuildRun> RunBaselineAsync(ITestOutputHelper output)
    {
        const string sarifFile = "baseline.sarif";
        var sarifPath = Path.Combine(ConsumerDirectory, sarifFile);
        // The comma inside ErrorLog must be escaped (%2C), or MSBuild splits the value into two properties.
        var result = await BuildAsync("consumer build (warnings + SARIF 2.1)", output, $"-p:ErrorLog={sarifFile}%2Cversion=2.1");
        return new BuildRun(result, File.Exists(sarifPath) ? await File.ReadAllTextAsync(sarifPath) : null, sarifPath);
    }

    /// <summary>Writes <paramref name="relativePath"/> into the consumer for the duration of <paramref name="body"/>, then puts back what was there.</summary>
    public async Task<T> WithFileAsync<T>(string relativePath, string content, Func<Task<T>> body)
    {
        var path = Path.Combine(ConsumerDirectory, relativePath);
        var original = File.Exists(path) ? await File.ReadAllTextAsync(path) : null;
        await File.WriteAllTextAsync(path, content);
        try
        {
            return await body();
        }
        finally
        {
            if (original is null)
            {
                File.Delete(path);
            }
            else
            {
                await File.WriteAllTextAsync(path, original);
            }
        }
    }
}

/// <summary>One build's console output and the SARIF log it wrote (null when it wrote none).</summary>
public sealed record BuildRun(CommandResult Result, string? Sarif, string SarifPath);
