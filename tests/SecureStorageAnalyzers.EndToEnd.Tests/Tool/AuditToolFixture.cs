using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using SecureStorageAnalyzers.EndToEnd.Tests.Package;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Tool;

/// <summary>The audit-tool tests share one packed and installed tool, and run one at a time (two cores).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AuditToolCollection : ICollectionFixture<AuditToolFixture>
{
    public const string Name = "Audit tool installed from its package";
}

/// <summary>
/// Packs src/SecureStorageAnalyzers.Cli with a version no earlier run used, into a local feed under a temporary folder,
/// and installs it from that feed alone into a local tool manifest (<c>dotnet new tool-manifest</c>,
/// <c>dotnet tool install --add-source</c>), as a user would; every scan then runs <c>dotnet tool run securestorage</c>.
/// NuGet reads only that feed and keeps its packages under the same folder. SSA_E2E_KEEP=1 keeps the folder.
/// </summary>
public sealed class AuditToolFixture : IAsyncLifetime
{
    public const string PackageId = "SecureStorageAnalyzers.Cli";

    public StepTimings Timings { get; } = new();

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "ssa-tool-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public string Version { get; } = $"0.1.0-e2e-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..8]}";

    public string FeedDirectory => Path.Combine(Root, "feed");

    /// <summary>The folder with the tool manifest; scans run from here.</summary>
    public string ToolDirectory => Path.Combine(Root, "tool");

    /// <summary>Build outputs of scanned projects in the repository go here (--artifacts-path style), never into the work tree.</summary>
    public string ScanArtifacts => Path.Combine(Root, "scan-artifacts");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ToolDirectory);
        var project = Path.Combine(DotNet.RepositoryRoot, "src", "SecureStorageAnalyzers.Cli", "SecureStorageAnalyzers.Cli.csproj");
        var pack = await Timings.TimeAsync("pack the tool", null, () => PackedConsumerFixture.RunAsync(DotNet.RepositoryRoot,
            "pack", project, "-c", "Release", "-o", FeedDirectory, "--artifacts-path", Path.Combine(Root, "artifacts"), $"-p:Version={Version}", "-tl:off"));
        var nupkg = Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");
        if (pack.ExitCode != 0 || !File.Exists(nupkg))
        {
            throw new InvalidOperationException($"dotnet pack did not produce {nupkg}: {pack}");
        }

        await File.WriteAllTextAsync(Path.Combine(ToolDirectory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(Root, "packages")}" /></config>
              <packageSources><clear /></packageSources>
            </configuration>
            """);
        var manifest = await Timings.TimeAsync("tool manifest", null, () => PackedConsumerFixture.RunAsync(ToolDirectory, "new", "tool-manifest"));
        if (manifest.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet new tool-manifest failed: {manifest}");
        }

        var install = await Timings.TimeAsync("tool install", null, () => PackedConsumerFixture.RunAsync(ToolDirectory,
            "tool", "install", "--add-source", FeedDirectory, PackageId, "--version", Version));
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet tool install failed: {install}");
        }
    }

    /// <summary><c>dotnet tool run securestorage ARGS</c> from the manifest's folder.</summary>
    public Task<CommandResult> RunToolAsync(string step, params string[] arguments) =>
        Timings.TimeAsync(step, null, () => PackedConsumerFixture.RunAsync(ToolDirectory, ["tool", "run", "securestorage", "--", .. arguments]));

    public Task DisposeAsync()
    {
        var summary = Timings.Summary();
        Console.WriteLine(summary);
        try
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "tool-e2e-timings.txt"), summary + Environment.NewLine);
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
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Under temp; a build host may still hold a file for a moment.
            }
        }

        return Task.CompletedTask;
    }
}
