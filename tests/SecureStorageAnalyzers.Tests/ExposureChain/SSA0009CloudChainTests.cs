using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Tests.Live;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.ExposureChain;

/// <summary>
/// Issue #16 in the chain (SSA0009): a container or bucket anyone can read (SSA0007) or list (SSA0008), into which the
/// app uploads objects whose keys carry a personal identifier (SSA0101's object-key sinks), is the incident in the
/// cloud. The container is the same when its name is (a literal, a constant, a configuration key) or the client is (the
/// same field or object). Compiled against the real Azure.Storage.Blobs, AWSSDK.S3, Google.Cloud.Storage.V1 and Minio
/// assemblies the test project references; near misses: another container, a private one, random keys, object-level grants.
/// </summary>
public class SSA0009CloudChainTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(RuleAnalyzer.For(PackRules.SSA0009), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public async Task AzureContainerListableByAnyone_BlobsNamedByTheCallersNumber_OneFindingWithTheWholeChainAsync()
    {
        var findings = await LineFindings.FindingsAsync(RuleAnalyzer.For(PackRules.SSA0009), """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Archive(BlobServiceClient blobs)
            {
                public async Task SaveAsync(string callerPhoneNumber, Stream audio)
                {
                    var recordings = blobs.GetBlobContainerClient("recordings");
                    await recordings.CreateIfNotExistsAsync(PublicAccessType.BlobContainer);
                    var blob = recordings.GetBlobClient($"{DateTime.UtcNow:yyyy-MM-dd}/{callerPhoneNumber}.mp3");
                    await blob.UploadAsync(audio, overwrite: true);
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks);

        var (line, diagnostic) = Assert.Single(findings);
        Assert.Equal("SSA0009 at line 9", line);
        Assert.Equal(
            "Anonymous users are served the container 'recordings' (Test.cs:9), which is listed (Test.cs:9), and files named with a phone number " +
            "('callerPhoneNumber') are written into it (Test.cs:11): anyone can list the files and download every one, and each name says whose it is",
            diagnostic.GetMessage());
        Assert.Equal(11, Assert.Single(diagnostic.AdditionalLocations).GetLineSpan().StartLinePosition.Line + 1);
    }

    /// <summary>The same container by its client: a field made public in one method, uploaded into in another (UploadBlobAsync).</summary>
    [Fact]
    public async Task AzureSameClientField_ReadableByAnyone_ReportedAsync()
    {
        await VerifyAsync("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Exports(BlobContainerClient container)
            {
                private readonly BlobContainerClient _exports = container;

                public Task OpenAsync() => _exports.SetAccessPolicyAsync(PublicAccessType.Blob); //! SSA0009

                public Task SaveAsync(string email, BinaryData report) => _exports.UploadBlobAsync(email + "/report.pdf", report);
            }
            """);
    }

    /// <summary>The container named by a constant on one side and by its literal on the other, created public through the service client.</summary>
    [Fact]
    public async Task AzureSameNameThroughAConstant_CreatedPublicByTheServiceClient_ReportedAsync()
    {
        await VerifyAsync("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public static class Names { public const string Voicemail = "voicemail"; }

            public sealed class Setup(BlobServiceClient blobs)
            {
                public Task CreateAsync() => blobs.CreateBlobContainerAsync(Names.Voicemail, PublicAccessType.BlobContainer); //! SSA0009

                public Task SaveAsync(string patientName, Stream audio) =>
                    new BlobContainerClient("UseDevelopmentStorage=true", "voicemail").GetBlobClient(patientName + ".wav").UploadAsync(audio);
            }
            """);
    }

    /// <summary>S3: a bucket made public by a policy (read and list) and by a canned ACL (list), objects keyed by e-mail through configuration.</summary>
    [Fact]
    public async Task S3BucketPublicByPolicy_AndByCannedAcl_KeysWithAnEmail_ReportedAsync()
    {
        await VerifyAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            public sealed class Statements(IAmazonS3 s3, IConfiguration configuration)
            {
                private const string PublicPolicy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";

                public async Task SetUpAsync()
                {
                    await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = configuration["Storage:Bucket"], Policy = PublicPolicy }); //! SSA0009
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = "letters", CannedACL = S3CannedACL.PublicRead }); //! SSA0009
                }

                public async Task SaveAsync(string customerEmail, Stream pdf)
                {
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = configuration["Storage:Bucket"], Key = $"statements/{customerEmail}.pdf", InputStream = pdf });
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "letters", Key = customerEmail, InputStream = pdf });
                }
            }
            """);
    }

    [Fact]
    public async Task S3BucketListableOnly_TheMessageSaysTheNamesLeakAsync()
    {
        var findings = await LineFindings.FindingsAsync(RuleAnalyzer.For(PackRules.SSA0009), """
            using Amazon.S3;
            using Amazon.S3.Model;

            public sealed class Calls(IAmazonS3 s3)
            {
                public Task OpenAsync() => s3.PutBucketPolicyAsync(new PutBucketPolicyRequest
                {
                    BucketName = "calls",
                    Policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::calls\"}]}",
                });

                public Task SaveAsync(string phoneNumber, Stream audio) =>
                    s3.PutObjectAsync(new PutObjectRequest { BucketName = "calls", Key = phoneNumber + ".wav", InputStream = audio });
            }
            """, TestFramework.AspNetCore10WithStorageSdks);

        var (_, diagnostic) = Assert.Single(findings);
        Assert.EndsWith("anyone can list the names, and each name says whose it is", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>Google Cloud Storage: a bucket made public at creation (by name, or by a Bucket object), objects uploaded by the caller's number.</summary>
    [Fact]
    public async Task GcsBucketPublic_ObjectsNamedByTheCallersNumber_ReportedAsync()
    {
        await VerifyAsync("""
            using Google.Apis.Storage.v1.Data;
            using Google.Cloud.Storage.V1;
            using Object = Google.Apis.Storage.v1.Data.Object;

            public sealed class Calls(StorageClient storage)
            {
                private const string Bucket = "call-recordings";

                public async Task SetUpAsync()
                {
                    await storage.CreateBucketAsync("project", Bucket, new CreateBucketOptions { PredefinedAcl = PredefinedBucketAcl.PublicRead }); //! SSA0009
                    await storage.CreateBucketAsync("project", new Bucket { Name = "voicemail" }, new CreateBucketOptions { PredefinedDefaultObjectAcl = PredefinedObjectAcl.PublicRead }); //! SSA0009
                }

                public async Task SaveAsync(string callerPhoneNumber, Stream audio)
                {
                    await storage.UploadObjectAsync(Bucket, $"{DateTime.UtcNow:yyyy-MM-dd}/{callerPhoneNumber}.wav", "audio/wav", audio);
                    var target = new Object { Bucket = "voicemail", Name = callerPhoneNumber + ".wav" };
                    storage.UploadObject(target, audio);
                }
            }
            """);
    }

    /// <summary>MinIO: a bucket policy that lets anyone read, set on the bucket the recordings are put into (the builder's WithBucket before or after).</summary>
    [Fact]
    public async Task MinioBucketPolicyPublic_ObjectsNamedByThePatient_ReportedAsync()
    {
        await VerifyAsync("""
            using Minio;
            using Minio.DataModel.Args;

            public sealed class Recordings(IMinioClient minio)
            {
                private const string PublicRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::recordings/*\"]}]}";

                public Task OpenAsync() => minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("recordings").WithPolicy(PublicRead)); //! SSA0009

                public Task SaveAsync(string patientName, Stream audio) =>
                    minio.PutObjectAsync(new PutObjectArgs().WithObject($"{patientName}/call.wav").WithBucket("recordings").WithStreamData(audio).WithObjectSize(audio.Length));
            }
            """);
    }

    /// <summary>Near misses in Google Cloud Storage and MinIO: an object-level grant, another bucket, a download's arguments.</summary>
    [Fact]
    public async Task GcsAndMinio_ObjectLevelGrantOtherBucketOrDownload_NotReportedAsync()
    {
        await VerifyAsync("""
            using Google.Cloud.Storage.V1;
            using Minio;
            using Minio.DataModel.Args;

            public sealed class Store(StorageClient storage, IMinioClient minio)
            {
                private const string PublicRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::site/*\"]}]}";

                public async Task SaveAsync(string callerPhoneNumber, Stream audio)
                {
                    // One object made public (SSA0007 and SSA0101 each report it), not the bucket: no chain.
                    await storage.UploadObjectAsync("calls", callerPhoneNumber + ".wav", "audio/wav", audio, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead });

                    // A public bucket, but the personal names go to another one.
                    await storage.CreateBucketAsync("project", "site", new CreateBucketOptions { PredefinedAcl = PredefinedBucketAcl.PublicRead });
                    await storage.UploadObjectAsync("archive", callerPhoneNumber + ".wav", "audio/wav", audio);

                    // MinIO: public bucket "site"; personal names uploaded to "archive", and only read from "site".
                    await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("site").WithPolicy(PublicRead));
                    await minio.PutObjectAsync(new PutObjectArgs().WithBucket("archive").WithObject(callerPhoneNumber).WithStreamData(audio).WithObjectSize(audio.Length));
                    await minio.GetObjectAsync(new GetObjectArgs().WithBucket("site").WithObject(callerPhoneNumber).WithFile("copy.wav"));
                }
            }
            """);
    }

    // ---- Near misses: no chain ----

    [Fact]
    public async Task AnotherContainer_APrivateContainer_RandomKeys_NotReportedAsync()
    {
        await VerifyAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Store(BlobServiceClient blobs, IAmazonS3 s3)
            {
                public async Task SaveAsync(string callerPhoneNumber, Stream audio)
                {
                    // Public, but the personal names go to another container.
                    await blobs.GetBlobContainerClient("public-assets").CreateIfNotExistsAsync(PublicAccessType.Blob);
                    await blobs.GetBlobContainerClient("recordings").GetBlobClient(callerPhoneNumber + ".mp3").UploadAsync(audio);

                    // Private container.
                    var calls = blobs.GetBlobContainerClient("calls");
                    await calls.CreateIfNotExistsAsync(PublicAccessType.None);
                    await calls.GetBlobClient(callerPhoneNumber + ".mp3").UploadAsync(audio);

                    // Public container, random names.
                    var media = blobs.GetBlobContainerClient("media");
                    await media.CreateIfNotExistsAsync(PublicAccessType.BlobContainer);
                    await media.GetBlobClient(Guid.NewGuid().ToString("N") + ".mp3").UploadAsync(audio);

                    // Public bucket, read only (never uploaded to), and a private bucket written with personal keys.
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = "site", CannedACL = S3CannedACL.PublicRead });
                    await s3.PutBucketAsync(new PutBucketRequest { BucketName = "archive", CannedACL = S3CannedACL.Private });
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "archive", Key = callerPhoneNumber, InputStream = audio });
                    await s3.GetObjectAsync(new GetObjectRequest { BucketName = "site", Key = callerPhoneNumber });
                }
            }
            """);
    }

    /// <summary>The container's name is built from a value (a tenant): which container, the code does not say. Unknown makes no chain.</summary>
    [Fact]
    public async Task ContainerNameNotKnown_NotReportedAsync()
    {
        await VerifyAsync("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Tenants(BlobServiceClient blobs)
            {
                public async Task SaveAsync(string tenant, string email, Stream audio)
                {
                    await blobs.GetBlobContainerClient("rec-" + tenant).CreateIfNotExistsAsync(PublicAccessType.Blob);
                    await blobs.GetBlobContainerClient("rec-" + tenant).GetBlobClient(email).UploadAsync(audio);
                }
            }
            """);
    }

    /// <summary>The local emulator in Development: no chain.</summary>
    [Fact]
    public async Task DevelopmentOnlyPublicContainer_NotReportedAsync()
    {
        await VerifyAsync("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Dev(BlobServiceClient blobs, IWebHostEnvironment env)
            {
                public async Task SaveAsync(string email, Stream audio)
                {
                    var container = blobs.GetBlobContainerClient("recordings");
                    if (env.IsDevelopment())
                    {
                        await container.CreateIfNotExistsAsync(PublicAccessType.BlobContainer);
                    }

                    await container.GetBlobClient(email).UploadAsync(audio);
                }
            }
            """);
    }

    /// <summary>A worker with no ASP.NET Core that uploads recordings into a public container: the chain needs no web server.</summary>
    [Fact]
    public async Task WorkerWithoutAspNetCore_PublicContainer_ReportedAsync()
    {
        var compilation = DocumentScope.Compile([("/src/Worker.cs", """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public sealed class Uploader(BlobContainerClient recordings)
            {
                public async Task RunAsync(string callerPhoneNumber, Stream audio)
                {
                    await recordings.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0009
                    await recordings.GetBlobClient(callerPhoneNumber + ".mp3").UploadAsync(audio);
                }
            }
            """)], TestReferences.NetCoreOnly.AddRange(TestReferences.StorageSdks), webUsings: false);

        var findings = await DocumentScope.FullAsync(compilation, [RuleAnalyzer.For(PackRules.SSA0009)]);

        Assert.Equal(DocumentScope.Markers(compilation.SyntaxTrees.Single()), DocumentScope.Lines(findings));
    }
}
