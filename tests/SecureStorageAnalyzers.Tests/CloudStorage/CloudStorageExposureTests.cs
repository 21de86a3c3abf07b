using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// SSA0007 (stored objects readable by anyone) and SSA0008 (anyone can list them) against the real Azure.Storage.Blobs,
/// AWSSDK.S3, Google.Cloud.Storage.V1 and Minio assemblies. The pack's analyzer runs both rules, so a line marked with
/// one id proves the other stays silent there.
/// </summary>
public class CloudStorageExposureTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task Azure_PublicAccessLevels_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class Containers(BlobServiceClient service, BlobContainerClient container)
        {
            private const PublicAccessType Shared = PublicAccessType.Blob;

            public async Task Create()
            {
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                container.CreateIfNotExists(PublicAccessType.BlobContainer); //! SSA0008
                await container.CreateAsync(publicAccessType: Shared); //! SSA0007
                container.Create(PublicAccessType.BlobContainer); //! SSA0008
                await service.CreateBlobContainerAsync("recordings", PublicAccessType.Blob); //! SSA0007
                service.CreateBlobContainer("listing", PublicAccessType.BlobContainer); //! SSA0008
                await container.SetAccessPolicyAsync(PublicAccessType.Blob); //! SSA0007
                container.SetAccessPolicy(PublicAccessType.BlobContainer); //! SSA0008

                var level = PublicAccessType.Blob;
                await container.CreateIfNotExistsAsync(level); //! SSA0007
            }
        }
        """);

    [Fact]
    public Task Azure_PrivateContainers_NotReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class Containers(BlobServiceClient service, BlobContainerClient container)
        {
            public async Task Create(PublicAccessType fromConfiguration, bool open)
            {
                await container.CreateIfNotExistsAsync();
                await container.CreateIfNotExistsAsync(PublicAccessType.None);
                container.Create();
                await service.CreateBlobContainerAsync("recordings");
                await container.SetAccessPolicyAsync(PublicAccessType.None);
                await container.SetAccessPolicyAsync(fromConfiguration);

                var level = PublicAccessType.None;
                if (open)
                {
                    level = PublicAccessType.Blob;
                }

                await container.CreateIfNotExistsAsync(level);
            }
        }
        """);

    [Fact]
    public Task S3_CannedAcls_ReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;

        public class Uploads(IAmazonS3 s3, ITransferUtility transfer)
        {
            public async Task Upload(Stream audio)
            {
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = "recordings",
                    Key = "calls/1.mp3",
                    InputStream = audio,
                    CannedACL = S3CannedACL.PublicRead, //! SSA0007
                });

                var copy = new CopyObjectRequest { SourceBucket = "a", SourceKey = "k", DestinationBucket = "b", DestinationKey = "k" };
                copy.CannedACL = S3CannedACL.PublicReadWrite; //! SSA0007
                var multipart = new InitiateMultipartUploadRequest { BucketName = "b", Key = "k", CannedACL = S3CannedACL.AuthenticatedRead }; //! SSA0007
                var acl = new PutACLRequest { BucketName = "b", Key = "k", CannedACL = S3CannedACL.PublicRead }; //! SSA0007
                var acl2 = S3CannedACL.PublicRead;
                await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "b", Key = "k", InputStream = audio, CannedACL = acl2 }); //! SSA0007

                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "recordings", CannedACL = S3CannedACL.PublicRead }); //! SSA0008
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "drop", CannedACL = S3CannedACL.PublicReadWrite }); //! SSA0008
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "team", CannedACL = S3CannedACL.AuthenticatedRead }); //! SSA0008
            }
        }
        """);

    [Fact]
    public Task S3_PrivateAcls_NotReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Uploads(IAmazonS3 s3)
        {
            public async Task Upload(Stream audio, S3CannedACL configured)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", InputStream = audio, CannedACL = S3CannedACL.Private });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", InputStream = audio, CannedACL = S3CannedACL.BucketOwnerFullControl });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "b", Key = "k", InputStream = audio, CannedACL = configured });
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "recordings", CannedACL = S3CannedACL.Private });
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "logs", CannedACL = S3CannedACL.LogDeliveryWrite });
            }
        }
        """);

    [Fact]
    public Task S3_PublicAccessBlock_TurnedOffOrDeleted_ReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Buckets(IAmazonS3 s3, AmazonS3Client client)
        {
            public async Task Open()
            {
                await s3.PutPublicAccessBlockAsync(new PutPublicAccessBlockRequest
                {
                    BucketName = "recordings",
                    PublicAccessBlockConfiguration = new PublicAccessBlockConfiguration
                    {
                        BlockPublicAcls = false, //! SSA0007
                        IgnorePublicAcls = true,
                        BlockPublicPolicy = false, //! SSA0007
                        RestrictPublicBuckets = true,
                    },
                });

                await s3.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = "recordings" }); //! SSA0007
                await client.DeletePublicAccessBlockAsync(new DeletePublicAccessBlockRequest { BucketName = "b" }); //! SSA0007
                await s3.GetPublicAccessBlockAsync(new GetPublicAccessBlockRequest { BucketName = "b" });
            }
        }
        """);

    [Fact]
    public Task S3_BucketPolicies_JudgedStatementByStatementAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Policies(IAmazonS3 s3)
        {
            private const string PublicRead = ""&quot;
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Sid": "PublicRead",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": ["arn:aws:s3:::recordings/*"]
                  }]
                }
                ""&quot;;

            private const string PublicList = ""&quot;
                {"Statement": {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::recordings"}}
                ""&quot;;

            private const string Everything = ""&quot;{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""&quot;;

            private const string NamedPrincipal = ""&quot;
                {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings/*"}]}
                ""&quot;;

            private const string AllowedThenDenied = ""&quot;
                {"Statement": [
                  {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings/*"},
                  {"Effect": "Deny", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings/*"}
                ]}
                ""&quot;;

            private const string OnlyFromTheOffice = ""&quot;
                {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings/*",
                  "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
                ""&quot;;

            public async Task Put()
            {
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = PublicRead }); //! SSA0007
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = PublicList }); //! SSA0008
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = Everything }); //! SSA0007 SSA0008
                var local = PublicRead;
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = local }); //! SSA0007

                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = NamedPrincipal });
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = AllowedThenDenied });
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = OnlyFromTheOffice });
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = "recordings", Policy = "{ not json" });
            }
        }
        """.Replace("\"\"&quot;", "\"\"\""));

    [Fact]
    public Task Azure_EveryOverload_NamedArgumentsAndConstants_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class Containers(BlobServiceClient service, BlobContainerClient container)
        {
            private const PublicAccessType Listing = PublicAccessType.BlobContainer;

            public async Task Create(IDictionary<string, string> metadata, CancellationToken token)
            {
                var scope = new BlobContainerEncryptionScopeOptions { DefaultEncryptionScope = "s" };
                container.Create(PublicAccessType.Blob, metadata, scope, token); //! SSA0007
                await container.CreateAsync(PublicAccessType.Blob, metadata, token); //! SSA0007
                container.CreateIfNotExists(metadata: metadata, publicAccessType: Listing); //! SSA0008
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob, metadata, scope, token); //! SSA0007
                await container.SetAccessPolicyAsync(PublicAccessType.Blob, permissions: null, conditions: null, token); //! SSA0007
                service.CreateBlobContainer("recordings", PublicAccessType.BlobContainer, metadata, token); //! SSA0008
                await service.CreateBlobContainerAsync( //! SSA0008
                    "recordings",
                    Listing,
                    metadata,
                    token);

                container.Create(PublicAccessType.None, metadata, scope, token);
                service.CreateBlobContainer("private", PublicAccessType.None, metadata, token);
                await container.SetAccessPolicyAsync(permissions: null);
            }
        }
        """);

    [Fact]
    public Task S3_GrantsToTheEveryoneGroups_ReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Grants(IAmazonS3 s3)
        {
            private const string AuthenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";

            public async Task Share(Stream audio, string configuredUri)
            {
                var acl = new S3AccessControlList();
                acl.AddGrant(new S3Grantee { URI = "http://acs.amazonaws.com/groups/global/AllUsers" }, S3Permission.READ); //! SSA0007
                acl.AddGrant(new S3Grantee { URI = AuthenticatedUsers }, S3Permission.READ); //! SSA0007
                await s3.PutACLAsync(new PutACLRequest { BucketName = "recordings", Key = "calls/1.mp3", AccessControlList = acl });

                var everyone = new S3Grantee();
                var uri = "http://acs.amazonaws.com/groups/global/AllUsers";
                everyone.URI = uri; //! SSA0007
                await s3.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = "recordings",
                    Key = "calls/2.mp3",
                    InputStream = audio,
                    Grants = new List<S3Grant> { new S3Grant { Grantee = everyone, Permission = S3Permission.READ } },
                });

                var logs = new S3Grantee { URI = "http://acs.amazonaws.com/groups/s3/LogDelivery" };
                var owner = new S3Grantee { CanonicalUser = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be" };
                var person = new S3Grantee { EmailAddress = "ops@example.com" };
                var configured = new S3Grantee { URI = configuredUri };
                acl.AddGrant(logs, S3Permission.WRITE);
            }
        }
        """);

    /// <summary>
    /// Public media by design (issue #21): an object whose key or container/bucket name names avatars, product photos,
    /// thumbnails or logos, and nothing private, is published on purpose; a private word or a document extension in the
    /// same names, or in the enclosing method or type, keeps it reported. Listing (SSA0008) is never exempted.
    /// </summary>
    [Fact]
    public Task S3_PublicMediaKeys_NotReported_UnlessPrivateWordsAppearAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.S3.Transfer;

        public class Profiles(IAmazonS3 s3, ITransferUtility transfer)
        {
            public async Task Upload(Stream image, string id, string name)
            {
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = $"Users/{id}/Avatar/{name}", InputStream = image, CannedACL = S3CannedACL.PublicRead });
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = $"Users/{id}/{name}", InputStream = image, CannedACL = S3CannedACL.PublicRead }); //! SSA0007
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = $"patients/{id}/photos/{name}", InputStream = image, CannedACL = S3CannedACL.PublicRead }); //! SSA0007
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "images", Key = $"{id}.pdf", InputStream = image, CannedACL = S3CannedACL.PublicRead }); //! SSA0007

                var request = new PutObjectRequest { BucketName = "product-images", InputStream = image };
                request.Key = name;
                request.CannedACL = S3CannedACL.PublicRead;

                var other = new PutObjectRequest { BucketName = "exports", InputStream = image };
                other.Key = name;
                other.CannedACL = S3CannedACL.PublicRead; //! SSA0007

                await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "avatars", Key = id, InputStream = image, CannedACL = S3CannedACL.PublicRead });
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = "avatars", CannedACL = S3CannedACL.PublicRead }); //! SSA0008
            }

            public async Task UploadPassport(Stream scan, string id) =>
                await s3.PutObjectAsync(new PutObjectRequest { BucketName = "images", Key = id, InputStream = scan, CannedACL = S3CannedACL.PublicRead }); //! SSA0007
        }
        """);

    [Fact]
    public Task Azure_PublicMediaContainers_NotReported_UnlessPrivateWordsAppearAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class Containers(BlobServiceClient service, string connection)
        {
            public async Task Create()
            {
                await service.CreateBlobContainerAsync("avatars", PublicAccessType.Blob);
                await service.CreateBlobContainerAsync("uploads", PublicAccessType.Blob); //! SSA0007
                var thumbnails = service.GetBlobContainerClient("thumbnails");
                await thumbnails.CreateIfNotExistsAsync(PublicAccessType.Blob);
                var logos = new BlobContainerClient(connection, "logos");
                await logos.SetAccessPolicyAsync(PublicAccessType.Blob);
                var patients = new BlobContainerClient(connection, "patient-photos");
                await patients.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                await thumbnails.SetAccessPolicyAsync(PublicAccessType.BlobContainer); //! SSA0008
            }
        }
        """);

    [Fact]
    public Task Gcs_PublicMediaObjects_NotReported_UnlessPrivateWordsAppearAsync() => VerifyAsync("""
        using Google.Cloud.Storage.V1;

        public class Media(StorageClient storage)
        {
            public void Upload(Stream image, string id)
            {
                storage.UploadObject("site", $"logos/{id}.png", "image/png", image, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead });
                storage.UploadObject("site", $"invoices/{id}.png", "image/png", image, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead }); //! SSA0007
                storage.UploadObject("site", id, "image/png", image, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead }); //! SSA0007
            }
        }
        """);

    [Fact]
    public Task Gcs_EveryOptionType_LocalsAndConstants_ReportedAsync() => VerifyAsync("""
        using Google.Apis.Storage.v1.Data;
        using Google.Cloud.Storage.V1;
        using Object = Google.Apis.Storage.v1.Data.Object;

        public class Buckets(StorageClient storage)
        {
            private const PredefinedBucketAcl Open = PredefinedBucketAcl.PublicReadWrite;
            private const string AllUsers = "allUsers";

            public async Task Configure(Stream audio, Object existing, Bucket bucket)
            {
                storage.UploadObject("recordings", "calls/1.mp3", "audio/mpeg", audio, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.AuthenticatedRead }); //! SSA0007
                var acl = PredefinedObjectAcl.PublicRead;
                await storage.PatchObjectAsync(existing, new PatchObjectOptions { PredefinedAcl = acl }); //! SSA0007
                storage.UpdateObject(existing, new UpdateObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead }); //! SSA0007
                await storage.CreateBucketAsync("project", "recordings", new CreateBucketOptions { PredefinedAcl = Open }); //! SSA0008
                storage.UpdateBucket(bucket, new UpdateBucketOptions { PredefinedAcl = PredefinedBucketAcl.AuthenticatedRead }); //! SSA0008
                await storage.PatchBucketAsync(bucket, new PatchBucketOptions { PredefinedDefaultObjectAcl = PredefinedObjectAcl.PublicRead }); //! SSA0007

                var shared = new Object
                {
                    Bucket = "recordings",
                    Name = "calls/1.mp3",
                    Acl = new List<ObjectAccessControl> { new ObjectAccessControl { Entity = AllUsers, Role = "READER" } }, //! SSA0007
                };
                var listed = new Bucket
                {
                    Name = "recordings",
                    Acl = new List<BucketAccessControl> { new BucketAccessControl { Entity = "allAuthenticatedUsers", Role = "READER" } }, //! SSA0008
                    DefaultObjectAcl = new List<ObjectAccessControl> { new ObjectAccessControl { Entity = "allUsers", Role = "READER" } }, //! SSA0007
                };

                storage.UploadObject("recordings", "calls/2.mp3", "audio/mpeg", audio, new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.BucketOwnerRead });
                await storage.CreateBucketAsync("project", "private", new CreateBucketOptions { PredefinedAcl = PredefinedBucketAcl.Private });
                var owner = new ObjectAccessControl { Entity = "user-ops@example.com", Role = "OWNER" };
                var domain = new BucketAccessControl { Entity = "domain-example.com", Role = "READER" };
            }
        }
        """);

    [Fact]
    public Task Minio_PolicyThroughALocal_ReportedAsync() => VerifyAsync("""
        using Minio;
        using Minio.DataModel.Args;

        public class Buckets(IMinioClient minio)
        {
            private const string PublicRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::recordings/*\"}]}";

            public async Task Open(string configured)
            {
                var policy = PublicRead;
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("recordings").WithPolicy(policy)); //! SSA0007
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("recordings").WithPolicy(configured));
            }
        }
        """);

    [Fact]
    public Task DevelopmentOnly_GcsAndMinio_NotReportedAsync() => VerifyAsync("""
        using Google.Cloud.Storage.V1;
        using Minio;
        using Minio.DataModel.Args;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        const string PublicRead = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::r/*\"}]}";
        if (!app.Environment.IsDevelopment())
        {
            var production = new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead }; //! SSA0007
        }
        else
        {
            var local = new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead };
            var emulator = new SetPolicyArgs().WithBucket("r").WithPolicy(PublicRead);
        }

        app.Run();
        """);

    [Fact]
    public Task DevelopmentOnly_NotReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var container = new BlobContainerClient("UseDevelopmentStorage=true", "recordings");
        if (app.Environment.IsDevelopment())
        {
            container.CreateIfNotExists(PublicAccessType.BlobContainer);
            var request = new PutObjectRequest { BucketName = "b", Key = "k", CannedACL = S3CannedACL.PublicRead };
        }
        else
        {
            container.CreateIfNotExists(PublicAccessType.Blob); //! SSA0007
        }

        app.Run();
        """);

    [Fact]
    public Task Gcs_PredefinedAclsAndEntities_ReportedAsync() => VerifyAsync("""
        using Google.Apis.Storage.v1.Data;
        using Google.Cloud.Storage.V1;

        public class Uploads(StorageClient storage)
        {
            public async Task Upload(Stream audio)
            {
                await storage.UploadObjectAsync("recordings", "calls/1.mp3", "audio/mpeg", audio,
                    new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.PublicRead }); //! SSA0007
                var options = new CopyObjectOptions();
                options.DestinationPredefinedAcl = PredefinedObjectAcl.AuthenticatedRead; //! SSA0007
                var update = new UpdateObjectOptions { PredefinedAcl = PredefinedObjectAcl.ProjectPrivate };
                var create = new CreateBucketOptions
                {
                    PredefinedAcl = PredefinedBucketAcl.PublicRead, //! SSA0008
                    PredefinedDefaultObjectAcl = PredefinedObjectAcl.PublicRead, //! SSA0007
                };
                var patch = new PatchBucketOptions { PredefinedAcl = PredefinedBucketAcl.ProjectPrivate, PredefinedDefaultObjectAcl = PredefinedObjectAcl.Private };

                var entry = new ObjectAccessControl { Entity = "allUsers", Role = "READER" }; //! SSA0007
                var everyone = "allAuthenticatedUsers";
                var entry2 = new ObjectAccessControl { Entity = everyone, Role = "READER" }; //! SSA0007
                var team = new ObjectAccessControl { Entity = "group-recordings@example.com", Role = "READER" };
                var bucketEntry = new BucketAccessControl { Entity = "allUsers", Role = "READER" }; //! SSA0008
                var owner = new BucketAccessControl { Entity = "project-owners-123", Role = "OWNER" };
            }
        }
        """);

    [Fact]
    public Task Minio_Policies_ReportedAsync() => VerifyAsync("""
        using Minio;
        using Minio.DataModel.Args;

        public class Buckets(IMinioClient minio)
        {
            private const string PublicRead = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::recordings/*\"]}]}";
            private const string PublicList = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"s3:ListBucket\",\"s3:GetBucketLocation\"],\"Resource\":[\"arn:aws:s3:::recordings\"]}]}";
            private const string Named = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::minio:user/app\"]},\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::recordings/*\"]}]}";

            public async Task Open()
            {
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("recordings").WithPolicy(PublicRead)); //! SSA0007
                var args = new SetPolicyArgs()
                    .WithBucket("recordings")
                    .WithPolicy(PublicList); //! SSA0008
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket("recordings").WithPolicy(Named));
            }
        }
        """);

    [Fact]
    public Task PerRuleAnalyzers_EachReportItsOwnAsync() => Task.WhenAll(
        LineFindings.VerifyAsync(new SSA0007StoredObjectsReadableByAnyoneAnalyzer(), """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public class C(BlobContainerClient container)
            {
                public void M()
                {
                    container.CreateIfNotExists(PublicAccessType.Blob); //! SSA0007
                    container.CreateIfNotExists(PublicAccessType.BlobContainer);
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks),
        LineFindings.VerifyAsync(new SSA0008StoredObjectsListableByAnyoneAnalyzer(), """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public class C(BlobContainerClient container)
            {
                public void M()
                {
                    container.CreateIfNotExists(PublicAccessType.Blob);
                    container.CreateIfNotExists(PublicAccessType.BlobContainer); //! SSA0008
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks));

    [Fact]
    public Task WithoutTheSdk_ALookalikeIsNotReportedAsync() => LineFindings.VerifyAsync(new SecureStorageAnalyzer(), """
        namespace Azure.Storage.Blobs.Models
        {
            public enum PublicAccessType { None, BlobContainer, Blob }
        }

        namespace Azure.Storage.Blobs
        {
            public class BlobContainerClient
            {
                public void CreateIfNotExists(Azure.Storage.Blobs.Models.PublicAccessType level) { }
            }

            public static class Use
            {
                public static void M(BlobContainerClient c) => c.CreateIfNotExists(Azure.Storage.Blobs.Models.PublicAccessType.Blob);
            }
        }
        """);

    [Fact]
    public async Task Messages_SayWhatIsOpenedAsync()
    {
        var findings = await LineFindings.FindingsAsync(new SecureStorageAnalyzer(), """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public class C(BlobContainerClient container)
            {
                public void M() => container.CreateIfNotExists(PublicAccessType.BlobContainer);
            }
            """, TestFramework.AspNetCore10WithStorageSdks);

        var message = Assert.Single(findings).Diagnostic.GetMessage();
        Assert.Contains("container.CreateIfNotExists", message);
        Assert.Contains("list and read", message);
    }

    [Fact]
    public async Task CodeBeingTyped_NoExceptionAsync()
    {
        var compilation = AnalyzerHarness.Compile(new[]
        {
            """
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;
            using Minio.DataModel.Args;

            public class C(BlobContainerClient container, IAmazonS3 s3)
            {
                public async Task M(string x)
                {
                    container.CreateIfNotExists(PublicAccessType.);
                    container.CreateIfNotExists(;
                    await container.SetAccessPolicyAsync(Undefined);
                    var request = new PutObjectRequest { CannedACL = S3CannedACL. };
                    var policy = new PutBucketPolicyRequest { Policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\"" };
                    var broken = new PutBucketPolicyRequest { Policy = "{\"Statement\": [[[[{{\"" };
                    new SetPolicyArgs().WithPolicy();
                    var block = new PublicAccessBlockConfiguration { BlockPublicAcls = };
                    await s3.DeletePublicAccessBlockAsync(
                }
            }
            """,
        }, TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks));

        await AnalyzerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(
            new SecureStorageAnalyzer(), new SSA0007StoredObjectsReadableByAnyoneAnalyzer(), new SSA0008StoredObjectsListableByAnyoneAnalyzer()));
    }
}
