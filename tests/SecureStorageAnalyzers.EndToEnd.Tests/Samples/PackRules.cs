using System.Text.RegularExpressions;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// The rule ids of the pack, read from the analyzer assembly's source: each rule's own <c>const string Id = "SSAxxxx";</c>
/// in its family's folder (docs/architecture.md, "Adding a rule"), so a new rule is found here without an edit. This
/// project references no project of ours, so it reads the source files rather than the assembly.
/// </summary>
public static partial class PackRules
{
    public const string DiagnosticIdsFile = "src/SecureStorageAnalyzers.Analyzers/DiagnosticIds.cs";

    /// <summary>The folder whose C# files declare the ids.</summary>
    public const string AnalyzersFolder = "src/SecureStorageAnalyzers.Analyzers";

    public static IReadOnlyList<string> Ids { get; } = ReadIds().Select(declared => declared.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Each id with the family folder of the file that declares it (<c>Hosting</c>, <c>CloudStorage</c>, <c>Iis</c>, …).</summary>
    private static List<(string Id, string Family)> ReadIds()
    {
        var folder = Path.Combine(DotNet.RepositoryRoot, AnalyzersFolder);
        var separator = Path.DirectorySeparatorChar;
        var ids = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal) &&
                           !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal))
            .SelectMany(file => IdConstant().Matches(File.ReadAllText(file))
                .Select(match => (match.Groups["id"].Value, Path.GetFileName(Path.GetDirectoryName(file)!))))
            .ToList();
        if (ids.Count == 0)
        {
            throw new InvalidOperationException($"No `const string X = \"SSA0000\";` found under {AnalyzersFolder} (the rules' own files): did they move or change shape?");
        }

        return ids;
    }

    private static IReadOnlyList<string> OfFamily(string family) =>
        ReadIds().Where(declared => declared.Family == family).Select(declared => declared.Id).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Rules that judge calls of the cloud storage SDKs (Azure.Storage.Blobs, AWSSDK.S3, Google.Cloud.Storage.V1, Minio):
    /// they never fire in a project that does not reference one, by design. The net8 consumer references none (its
    /// restore needs only the package feed and the .NET 8 packs), so they are exempt there; the incident sample
    /// (Azure.Storage.Blobs) and the cloud consumer (Azure.Storage.Blobs and AWSSDK.S3) show them, and the unit tests
    /// run them against all four SDKs' assemblies. They are the rules of the <c>CloudStorage/</c> family.
    /// </summary>
    public static IReadOnlyList<string> NeedingACloudSdk { get; } = OfFamily("CloudStorage");

    /// <summary>
    /// Rules that judge only a classic ASP.NET project's IIS configuration (a project that references System.Web): they
    /// never fire in an ASP.NET Core project, by design (the ASP.NET Core Module handles every request there). The
    /// net8 consumer and the incident sample are ASP.NET Core, so they are exempt there; the net48 consumer
    /// (<c>Package/Net48ConsumerTests.cs</c>) covers them. They are the rules of the <c>Iis/</c> family (the IIS sides of
    /// SSA0002, SSA0003 and SSA0005 belong to rules of <c>Hosting/</c>, which ASP.NET Core projects show).
    /// </summary>
    public static IReadOnlyList<string> NeedingSystemWeb { get; } = OfFamily("Iis");

    [GeneratedRegex("""const\s+string\s+\w+\s*=\s*"(?<id>SSA\d{4})"\s*;""")]
    private static partial Regex IdConstant();
}
