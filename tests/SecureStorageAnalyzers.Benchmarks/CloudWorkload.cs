using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The cloud storage measurement: does the pack's share of compile time grow when the project references a cloud
/// storage SDK? The same generated web app measured three ways, one after the other at the first scale: as it is
/// (no SDK), with Azure.Storage.Blobs and AWSSDK.S3 referenced but unused (the cloud rules are created and their types
/// dispatched, nothing of theirs to see), and with one archive class per feature folder that uses both SDKs the way a
/// careful app does (private containers and objects under opaque names, 15-minute read-only SAS and presigned URLs:
/// no finding). The SDK assemblies come from this project's output folder (PackageReference), as in the unit tests.
/// </summary>
internal static class CloudWorkload
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> SdkReferences = new(() =>
    {
        var framework = new HashSet<string>(
            File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt")).Where(l => l.Length > 0).Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(new[] { typeof(Azure.Storage.Blobs.BlobContainerClient).Assembly.Location, typeof(Amazon.S3.IAmazonS3).Assembly.Location });
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            var name = Path.GetFileNameWithoutExtension(path);
            if (framework.Contains(name) || !found.TryAdd(name, path))
            {
                continue;
            }

            using var stream = File.OpenRead(path);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in reader.AssemblyReferences)
            {
                var candidate = Path.Combine(AppContext.BaseDirectory, reader.GetString(reader.GetAssemblyReference(handle).Name) + ".dll");
                if (File.Exists(candidate))
                {
                    pending.Push(candidate);
                }
            }
        }

        return found.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>Azure.Storage.Blobs and AWSSDK.S3 with what they reference.</summary>
    public static ImmutableArray<MetadataReference> References => SdkReferences.Value;

    /// <summary>The web app with one archive class per feature folder, using both SDKs safely.</summary>
    public static GeneratedCodeBase WithArchives(GeneratedCodeBase webApp)
    {
        var files = webApp.Files.ToList();
        for (var i = 0; i < webApp.Features; i++)
        {
            files.Add(new GeneratedFile(string.Create(CultureInfo.InvariantCulture, $"Cloud/Feature{i}Archive.cs"), Archive(i)));
        }

        return webApp with { Name = webApp.Name + ".Cloud", Files = files };
    }

    private static string Archive(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Azure.Storage.Sas;

        namespace Contoso.Portal.Cloud;

        /// <summary>Attachments of feature {{i}}, archived in a private container and a private bucket.</summary>
        public sealed class Feature{{i}}Archive
        {
            private const string ContainerName = "feature{{i}}-attachments";
            private readonly BlobServiceClient _blobs;
            private readonly IAmazonS3 _s3;

            public Feature{{i}}Archive(BlobServiceClient blobs, IAmazonS3 s3)
            {
                _blobs = blobs;
                _s3 = s3;
            }

            public async Task<Uri> StoreAsync(Guid id, Stream content, CancellationToken cancellationToken)
            {
                var container = _blobs.GetBlobContainerClient(ContainerName);
                await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
                var blob = container.GetBlobClient(id.ToString("N") + ".bin");
                await blob.UploadAsync(content, overwrite: true, cancellationToken);
                var sas = new BlobSasBuilder
                {
                    BlobContainerName = ContainerName,
                    BlobName = blob.Name,
                    Resource = "b",
                    ExpiresOn = DateTimeOffset.UtcNow.AddMinutes(15),
                };
                sas.SetPermissions(BlobSasPermissions.Read);
                return blob.GenerateSasUri(sas);
            }

            public Uri ShareForAnHour(Guid id) =>
                _blobs.GetBlobContainerClient(ContainerName).GetBlobClient(id.ToString("N") + ".bin")
                    .GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));

            public async Task<string> MirrorAsync(Guid id, Stream content, CancellationToken cancellationToken)
            {
                var key = "feature{{i}}/" + id.ToString("N");
                await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "contoso-archive", Key = key, InputStream = content, CannedACL = S3CannedACL.Private }, cancellationToken);
                return await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
                {
                    BucketName = "contoso-archive",
                    Key = key,
                    Verb = HttpVerb.GET,
                    Expires = DateTime.UtcNow.AddMinutes(15),
                });
            }
        }
        """);

    /// <summary>The three measurements of one scale, and the Markdown section that reports them.</summary>
    public static async Task<string> MeasureAsync(int scale, AnalyzerSet ours, AnalyzerSet ourRules, int repeat, bool warmUp, Action<string> progress)
    {
        var webApp = CodeBaseGenerator.GenerateWebApp(scale);
        var cases = new (string Name, Workload Workload)[]
        {
            ("No SDK (the main web app)", new Workload(webApp)),
            ("Azure.Storage.Blobs and AWSSDK.S3 referenced, unused", new Workload(webApp, References)),
            ("Both referenced, an archive class per feature (safe use)", new Workload(WithArchives(webApp), References)),
        };

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## With cloud storage SDKs ({scale} feature folders)");
        text.AppendLine();
        text.AppendLine("| Workload | Lines | References | Compiler (ms) | Our pack (ms) | Share | Cloud rules alone (ms: SSA0007 / SSA0008 / SSA0010) | Findings |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        // Interleaved, as the main measurement: round i of every case before round i + 1 of any, so that a busy minute
        // of the shared machine hits the three cases alike.
        var compilers = new List<Sample>();
        foreach (var (name, workload) in cases)
        {
            progress($"cloud: {name}: {workload.Lines:N0} lines; compiling");
            var compiler = Measurements.Compiler(workload, repeat, warmUp);
            if (compiler.Errors > 0)
            {
                throw new InvalidOperationException($"The cloud workload '{name}' does not compile: {compiler.Errors} errors, first: {compiler.FirstError}");
            }

            compilers.Add(compiler.Milliseconds);
        }

        var packRuns = cases.Select(_ => new List<SetRun>()).ToArray();
        var ruleRuns = cases.Select(_ => new List<SetRun>()).ToArray();
        for (var round = warmUp ? -1 : 0; round < repeat; round++)
        {
            for (var c = 0; c < cases.Length; c++)
            {
                progress($"cloud: {cases[c].Name}: {(round < 0 ? "warm-up" : $"run {round + 1} of {repeat}")}");
                var run = await Measurements.Set(cases[c].Workload, ours, 1, warmUp: false);
                var perRuleRun = await Measurements.Set(cases[c].Workload, ourRules, 1, warmUp: false);
                if (round >= 0)
                {
                    packRuns[c].Add(run);
                    ruleRuns[c].Add(perRuleRun);
                }
            }
        }

        for (var c = 0; c < cases.Length; c++)
        {
            var (name, workload) = cases[c];
            var run = SetRun.Merge(packRuns[c]);
            var perRule = SetRun.Merge(ruleRuns[c]);
            string Rule(string id) =>
                perRule.PerAnalyzer.FirstOrDefault(cost => cost.Ids == id) is { } cost ? cost.Milliseconds.Median.ToString("N2", CultureInfo.InvariantCulture) : "-";
            var findings = string.Join(", ", run.DiagnosticsById.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {workload.Lines:N0} | {workload.References.Length} | {compilers[c].Median:N0} | {run.AnalyzerMilliseconds.Median:N1} | {run.AnalyzerMilliseconds.Median / compilers[c].Median:P2} | {Rule("SSA0007")} / {Rule("SSA0008")} / {Rule("SSA0010")} | {(findings.Length == 0 ? "none" : findings)} |");
        }

        text.AppendLine();
        text.AppendLine("Each rule alone (one analyzer per rule), ms, in the order of the cases above:");
        text.AppendLine();
        foreach (var cost in SetRun.Merge(ruleRuns[0]).PerAnalyzer)
        {
            var medians = ruleRuns.Select(runs => SetRun.Merge(runs).PerAnalyzer.First(c => c.Name == cost.Name).Milliseconds.Median.ToString("N2", CultureInfo.InvariantCulture));
            text.AppendLine(CultureInfo.InvariantCulture, $"- {cost.Ids}: {string.Join(" / ", medians)}");
        }

        return text.ToString();
    }
}
