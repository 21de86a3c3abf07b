using SecureStorageAnalyzers.EndToEnd.Tests.Samples;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The packed package in a <c>net10.0</c> web project that references two cloud storage SDKs (Azure.Storage.Blobs and
/// AWSSDK.S3, restored from the package feed like any dependency): the cloud rules fire in a real <c>dotnet build</c>
/// against the SDKs' own assemblies, each at its marked line, and their private and short-lived forms stay silent.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class CloudConsumerTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    public const string ProjectFile = "CloudConsumer.csproj";

    public static string ProjectFileText(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <UseAppHost>false</UseAppHost>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SecureStorageAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
            <PackageReference Include="Azure.Storage.Blobs" Version="12.30.1" />
            <PackageReference Include="AWSSDK.S3" Version="4.1.0.1" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Each line that must get findings ends with their ids; every other line must get none.</summary>
    public const string RecordingsText = """
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Azure.Storage.Sas;

        public sealed class Recordings(BlobServiceClient blobs, IAmazonS3 s3)
        {
            public async Task<Uri> ShareAsync(string name, Stream audio)
            {
                var container = blobs.GetBlobContainerClient("recordings");
                await container.CreateIfNotExistsAsync(PublicAccessType.BlobContainer); // SSA0008
                await container.SetAccessPolicyAsync(PublicAccessType.Blob); // SSA0007
                await container.SetAccessPolicyAsync(PublicAccessType.None);
                var blob = container.GetBlobClient(name);
                await blob.UploadAsync(audio, overwrite: true);
                _ = container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddMinutes(10)); // SSA0010
                _ = blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(10));
                return blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1)); // SSA0010
            }

            public async Task<string> MirrorAsync(string key, Stream audio)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "recordings", Key = key, InputStream = audio, CannedACL = S3CannedACL.PublicRead }); // SSA0007
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "recordings", Key = key + ".bak", InputStream = audio, CannedACL = S3CannedACL.Private });
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "listing", CannedACL = S3CannedACL.PublicRead }); // SSA0008
                await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = "recordings", Key = key, Expires = DateTime.UtcNow.AddMinutes(15) });
                return await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
                {
                    BucketName = "recordings",
                    Key = key,
                    Expires = DateTime.UtcNow.AddDays(30), // SSA0010
                });
            }
        }
        """;

    public const string ProgramText = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public async Task Consumer_with_Azure_and_S3_gets_the_cloud_rules_at_their_lines()
    {
        var directory = Path.Combine(fixture.Root, "consumer-cloud");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ProjectFile), ProjectFileText(fixture.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"),
            ConsumerProject.NuGetConfigText(fixture.FeedDirectory, Path.Combine(fixture.Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ProgramText);
        await File.WriteAllTextAsync(Path.Combine(directory, "Recordings.cs"), RecordingsText);

        var restore = await fixture.Timings.TimeAsync("cloud consumer restore", output,
            () => PackedConsumerFixture.RunAsync(directory, "restore", "-tl:off"));
        Assert.True(restore.ExitCode == 0, $"dotnet restore of the cloud consumer failed (the SDKs come from the package feed):\n{restore}");

        string[] build = ["build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off"];
        var result = await fixture.Timings.TimeAsync("cloud consumer build", output, () => PackedConsumerFixture.RunAsync(directory, build));
        output.WriteLine($"$ dotnet {string.Join(' ', build)}\n{result}");
        PackedConsumerFixture.AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', build)}");
        Assert.True(result.ExitCode == 0, $"Warnings alone must not fail the build:\n{result}");

        var expected = Expected();
        Assert.Equal(PackRules.NeedingACloudSdk, expected.Select(e => e.Split(' ')[1]).Distinct().Order(StringComparer.Ordinal));
        var actual = BuildOutput.SsaFindings(result.Output)
            .Select(f => $"{f.File}({f.Line}) {f.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}\n{result}");
    }

    /// <summary>"Recordings.cs(line) id" for every id at the end of a line of <see cref="RecordingsText"/>.</summary>
    private static List<string> Expected()
    {
        var lines = RecordingsText.Split('\n');
        var expected = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var comment = lines[i].LastIndexOf("// SSA", StringComparison.Ordinal);
            if (comment >= 0)
            {
                expected.AddRange(lines[i][(comment + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(id => $"Recordings.cs({i + 1}) {id}"));
            }
        }

        return expected.Order(StringComparer.Ordinal).ToList();
    }
}
