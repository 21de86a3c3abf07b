using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>A named set of analyzers measured together: our pack, or one peer package.</summary>
public sealed record AnalyzerSet(string Name, string Version, ImmutableArray<DiagnosticAnalyzer> Analyzers, IReadOnlyList<string> LoadErrors)
{
    /// <summary>
    /// Our pack as the compiler loads it: the analyzers of SecureStorageAnalyzers.Analyzers exported with
    /// <see cref="DiagnosticAnalyzerAttribute"/> (<c>SecureStorageAnalyzer</c>, all code rules in one operation analysis,
    /// and the web.config analyzer).
    /// </summary>
    public static AnalyzerSet OurPack() => Ours("SecureStorageAnalyzers", exported: true);

    /// <summary>
    /// Our pack with each rule as its own analyzer (each rule's <see cref="SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer"/>,
    /// linked from the tests, plus the web.config analyzer): the per-rule breakdown, and what the pack would cost if each
    /// rule looked at every call for itself.
    /// </summary>
    public static AnalyzerSet OurRules() => Ours("SecureStorageAnalyzers, one analyzer per rule", exported: false);

    private static AnalyzerSet Ours(string name, bool exported)
    {
        var assembly = typeof(SecureStorageAnalyzer).Assembly;
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => exported
                ? t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } a && a.Languages.Contains(LanguageNames.CSharp)
                : t != typeof(SecureStorageAnalyzer))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Concat(exported ? [] : SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer.ForEveryRule())
            .OrderBy(SecureStorageAnalyzers.Tests.Verifiers.RuleAnalyzer.NameOf, StringComparer.Ordinal)
            .ToImmutableArray();
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "?";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return new AnalyzerSet(name, plus > 0 ? version[..plus] : version, analyzers, Array.Empty<string>());
    }

    /// <summary>
    /// A peer loaded the way the compiler loads it: every dll of the package's analyzer folder through
    /// <see cref="AnalyzerFileReference"/>, with dependencies (YamlDotNet, Google.Protobuf…) resolved next to it.
    /// </summary>
    public static AnalyzerSet FromPackage(string name, string packageId, string version, string analyzerFolder)
    {
        var folder = Path.Combine(NuGetPackagesFolder(), packageId.ToLowerInvariant(), version, analyzerFolder);
        var errors = new List<string>();
        if (!Directory.Exists(folder))
        {
            errors.Add($"package folder not found: {folder} (run dotnet restore)");
            return new AnalyzerSet(name, version, ImmutableArray<DiagnosticAnalyzer>.Empty, errors);
        }

        var loader = new FolderAnalyzerLoader(folder);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var dll in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) =>
            {
                // Dependency-only assemblies (YamlDotNet, Google.Protobuf) have no analyzers: not an error.
                if (e.ErrorCode != AnalyzerLoadFailureEventArgs.FailureErrorCode.NoAnalyzers)
                {
                    errors.Add($"{Path.GetFileName(dll)}: {e.ErrorCode} {e.TypeName} {e.Message}");
                }
            };
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return new AnalyzerSet(name, version, analyzers.ToImmutable(), errors);
    }

    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Loads analyzer assemblies of one package into their own <see cref="AssemblyLoadContext"/>; a dependency found in
    /// the same folder comes from there, everything else (Microsoft.CodeAnalysis, the runtime) from the host.
    /// </summary>
    private sealed class FolderAnalyzerLoader : IAnalyzerAssemblyLoader
    {
        private readonly FolderLoadContext _context;

        public FolderAnalyzerLoader(string folder) => _context = new FolderLoadContext(folder);

        public void AddDependencyLocation(string fullPath)
        {
            // Everything lives in the one folder the context already knows.
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }

    private sealed class FolderLoadContext : AssemblyLoadContext
    {
        private readonly string _folder;

        public FolderLoadContext(string folder)
            : base("analyzers:" + folder, isCollectible: false) => _folder = folder;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(_folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
