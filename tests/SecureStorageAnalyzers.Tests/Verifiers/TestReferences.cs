using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// References for the code under test, offline: the SDK's reference packs resolved by the test project's
/// FrameworkReference (see framework-refs.txt), and the .NET 8 packs downloaded at restore time.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net10 = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt"))
            .Where(line => line.Length > 0)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net10CoreOnly = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt"))
            .Where(line => line.Length > 0 && !line.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80 = new(() =>
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                       Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folders = new[]
        {
            Path.Combine(packages, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0"),
            Path.Combine(packages, "microsoft.aspnetcore.app.ref", "8.0.0", "ref", "net8.0"),
        };
        return folders.SelectMany(folder => Directory.GetFiles(folder, "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>No package, so no network: everything comes from <see cref="AspNetCore"/> and friends.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    /// <summary>.NET 10 and ASP.NET Core 10 from the SDK's reference packs.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore => Net10.Value;

    /// <summary>.NET 10 without ASP.NET Core: a console app or class library.</summary>
    public static ImmutableArray<MetadataReference> NetCoreOnly => Net10CoreOnly.Value;

    /// <summary>.NET 8 and ASP.NET Core 8 (LTS).</summary>
    public static ImmutableArray<MetadataReference> AspNetCore8 => Net80.Value;

    /// <summary>The repository root, for tests that read docs and release files.</summary>
    public static string RepositoryRoot { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "repo-root.txt")).Trim();
}
