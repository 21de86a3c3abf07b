using System.Text.RegularExpressions;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Samples;

/// <summary>
/// The rule ids of the pack, read from the one list the analyzer assembly compiles (DiagnosticIds.cs constants).
/// This project references no project of ours, so it reads the source file rather than the assembly.
/// </summary>
public static partial class PackRules
{
    public const string DiagnosticIdsFile = "src/SecureStorageAnalyzers.Analyzers/DiagnosticIds.cs";

    public static IReadOnlyList<string> Ids { get; } = ReadIds();

    private static List<string> ReadIds()
    {
        var source = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, DiagnosticIdsFile));
        var ids = IdConstant().Matches(source).Select(match => match.Groups["id"].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new InvalidOperationException($"No `const string X = \"SSA0000\";` found in {DiagnosticIdsFile}: did the file move or change shape?");
        }

        return ids;
    }

    /// <summary>
    /// Rules that judge calls of the cloud storage SDKs (Azure.Storage.Blobs, AWSSDK.S3, Google.Cloud.Storage.V1, Minio):
    /// they never fire in a project that does not reference one, by design. The net8 consumer references none (its
    /// restore needs only the package feed and the .NET 8 packs), so they are exempt there; the incident sample
    /// (Azure.Storage.Blobs) and the cloud consumer (Azure.Storage.Blobs and AWSSDK.S3) show them, and the unit tests
    /// run them against all four SDKs' assemblies.
    /// </summary>
    public static IReadOnlyList<string> NeedingACloudSdk { get; } = ["SSA0007", "SSA0008", "SSA0010"];

    [GeneratedRegex("""const\s+string\s+\w+\s*=\s*"(?<id>SSA\d{4})"\s*;""")]
    private static partial Regex IdConstant();
}
