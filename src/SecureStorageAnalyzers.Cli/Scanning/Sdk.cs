using System.Collections.Immutable;
using Microsoft.Build.Locator;

namespace SecureStorageAnalyzers.Cli.Scanning;

/// <summary>
/// The .NET SDK the scan builds with: the one <c>dotnet</c> picks for the scanned folder (its global.json included), else
/// the newest installed. Registered once with Microsoft.Build.Locator; its dotnet root holds the reference packs the
/// fallback compiles against (no download).
/// </summary>
public sealed class Sdk
{
    private static Sdk? _registered;

    private Sdk(string dotnetRoot, string msbuildPath, Version version)
    {
        DotNetRoot = dotnetRoot;
        MSBuildPath = msbuildPath;
        Version = version;
    }

    public string DotNetRoot { get; }

    public string MSBuildPath { get; }

    public Version Version { get; }

    /// <summary>The <c>dotnet</c> executable of that SDK (for <c>dotnet restore</c>).</summary>
    public string DotNetExecutable =>
        Path.Combine(DotNetRoot, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") is var path && File.Exists(path) ? path : "dotnet";

    /// <summary>Finds and registers the SDK once per process; null when no .NET SDK is installed.</summary>
    public static Sdk? Register(string workingDirectory)
    {
        if (_registered is not null)
        {
            return _registered;
        }

        var instance = Query(workingDirectory) ?? Query(AppContext.BaseDirectory);
        if (instance is null)
        {
            return null;
        }

        if (MSBuildLocator.CanRegister)
        {
            MSBuildLocator.RegisterInstance(instance);
        }

        var root = Path.GetFullPath(Path.Combine(instance.MSBuildPath, "..", ".."));
        return _registered = new Sdk(root, instance.MSBuildPath, instance.Version);
    }

    private static VisualStudioInstance? Query(string workingDirectory)
    {
        try
        {
            return MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).FirstOrDefault();
        }
        catch (InvalidOperationException)
        {
            return null; // dotnet could not resolve an SDK there (a global.json naming one that is not installed).
        }
    }

    /// <summary>
    /// The reference assemblies of a shared framework's targeting pack (<c>packs/&lt;name&gt;.Ref</c>), for the newest
    /// installed version of this runtime's major version (else the newest at all); empty when the pack is absent.
    /// </summary>
    public ImmutableArray<string> ReferenceAssemblies(string framework)
    {
        var packs = Path.Combine(DotNetRoot, "packs", framework + ".Ref");
        if (!Directory.Exists(packs))
        {
            return [];
        }

        var candidates = Directory.GetDirectories(packs)
            .Select(d => (Folder: d, Version: System.Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(c => c.Version is not null)
            .OrderByDescending(c => c.Version!.Major == Environment.Version.Major)
            .ThenByDescending(c => c.Version)
            .ToList();
        foreach (var (folder, _) in candidates)
        {
            var reference = Path.Combine(folder, "ref");
            if (!Directory.Exists(reference))
            {
                continue;
            }

            var tfm = Directory.GetDirectories(reference)
                .OrderByDescending(d => Path.GetFileName(d) == $"net{Environment.Version.Major}.0")
                .ThenByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
                .FirstOrDefault();
            if (tfm is not null)
            {
                return Directory.GetFiles(tfm, "*.dll").OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray();
            }
        }

        return [];
    }
}
