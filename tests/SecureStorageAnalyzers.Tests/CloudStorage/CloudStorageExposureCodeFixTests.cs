using SecureStorageAnalyzers.CodeFixes.CloudStorage;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>The public level or ACL written at an SSA0007/SSA0008 finding becomes its SDK's private one; exact fixed source.</summary>
/// <remarks>Classes with markup inside an object initializer declare a Main: the test setup pre-parses the marked-up
/// source and would otherwise take it for top-level statements (a console app).</remarks>
public class CloudStorageExposureCodeFixTests
{
    private const string Key = CloudStorageExposureCodeFixProvider.MakePrivateKey;

    [Fact]
    public Task Azure_PublicLevels_BecomeNone_FixAllAsync() =>
        CSharpCodeFixVerifier<SecureStorageAnalyzer, CloudStorageExposureCodeFixProvider>.VerifyCodeFixAsync("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public class Containers(BlobServiceClient service, BlobContainerClient container)
            {
                public async Task Create()
                {
                    await container.{|SSA0007:CreateIfNotExistsAsync(PublicAccessType.Blob)|};
                    container.{|SSA0008:SetAccessPolicy(Azure.Storage.Blobs.Models.PublicAccessType.BlobContainer)|};
                    await service.{|SSA0007:CreateBlobContainerAsync("recordings", publicAccessType: PublicAccessType.Blob)|};
                }
            }
            """, """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public class Containers(BlobServiceClient service, BlobContainerClient container)
            {
                public async Task Create()
                {
                    await container.CreateIfNotExistsAsync(PublicAccessType.None);
                    container.SetAccessPolicy(Azure.Storage.Blobs.Models.PublicAccessType.None);
                    await service.CreateBlobContainerAsync("recordings", publicAccessType: PublicAccessType.None);
                }
            }
            """, Key, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task S3_CannedAcls_BecomePrivate_FixAllAsync() =>
        CSharpCodeFixVerifier<SecureStorageAnalyzer, CloudStorageExposureCodeFixProvider>.VerifyCodeFixAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;

            public class Uploads
            {
                public static void Main() { }

                public void Build()
                {
                    var put = new PutObjectRequest { BucketName = "b", Key = "k", {|SSA0007:CannedACL = S3CannedACL.PublicRead|} };
                    var bucket = new PutBucketRequest { BucketName = "b", {|SSA0008:CannedACL = S3CannedACL.PublicReadWrite|} };
                    var copy = new CopyObjectRequest();
                    {|SSA0007:copy.CannedACL = S3CannedACL.AuthenticatedRead|};
                }
            }
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;

            public class Uploads
            {
                public static void Main() { }

                public void Build()
                {
                    var put = new PutObjectRequest { BucketName = "b", Key = "k", CannedACL = S3CannedACL.Private };
                    var bucket = new PutBucketRequest { BucketName = "b", CannedACL = S3CannedACL.Private };
                    var copy = new CopyObjectRequest();
                    copy.CannedACL = S3CannedACL.Private;
                }
            }
            """, Key, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task Gcs_PredefinedAcls_BecomeProjectPrivate_FixAllAsync() =>
        CSharpCodeFixVerifier<SecureStorageAnalyzer, CloudStorageExposureCodeFixProvider>.VerifyCodeFixAsync("""
            using Google.Cloud.Storage.V1;

            public class Options
            {
                public static void Main() { }

                public void Build()
                {
                    var upload = new UploadObjectOptions { {|SSA0007:PredefinedAcl = PredefinedObjectAcl.PublicRead|} };
                    var bucket = new CreateBucketOptions
                    {
                        {|SSA0008:PredefinedAcl = PredefinedBucketAcl.PublicReadWrite|},
                        {|SSA0007:PredefinedDefaultObjectAcl = PredefinedObjectAcl.AuthenticatedRead|},
                    };
                    var update = new UpdateBucketOptions { {|SSA0008:PredefinedAcl = PredefinedBucketAcl.AuthenticatedRead|} };
                }
            }
            """, """
            using Google.Cloud.Storage.V1;

            public class Options
            {
                public static void Main() { }

                public void Build()
                {
                    var upload = new UploadObjectOptions { PredefinedAcl = PredefinedObjectAcl.ProjectPrivate };
                    var bucket = new CreateBucketOptions
                    {
                        PredefinedAcl = PredefinedBucketAcl.ProjectPrivate,
                        PredefinedDefaultObjectAcl = PredefinedObjectAcl.ProjectPrivate,
                    };
                    var update = new UpdateBucketOptions { PredefinedAcl = PredefinedBucketAcl.ProjectPrivate };
                }
            }
            """, Key, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task PoliciesEntriesAndValuesHeldElsewhere_NoFixAsync() =>
        CSharpCodeFixVerifier<SecureStorageAnalyzer, CloudStorageExposureCodeFixProvider>.VerifyCodeFixAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;
            using Google.Apis.Storage.v1.Data;

            public class C(BlobContainerClient container)
            {
                public static void Main() { }

                private const PublicAccessType Level = PublicAccessType.Blob;

                public void M()
                {
                    container.{|SSA0007:CreateIfNotExists(Level)|};
                    var acl = S3CannedACL.PublicRead;
                    var put = new PutObjectRequest { {|SSA0007:CannedACL = acl|} };
                    var block = new PublicAccessBlockConfiguration { {|SSA0007:BlockPublicAcls = false|} };
                    var entry = new ObjectAccessControl { {|SSA0007:Entity = "allUsers"|} };
                }
            }
            """, """
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;
            using Google.Apis.Storage.v1.Data;

            public class C(BlobContainerClient container)
            {
                public static void Main() { }

                private const PublicAccessType Level = PublicAccessType.Blob;

                public void M()
                {
                    container.{|SSA0007:CreateIfNotExists(Level)|};
                    var acl = S3CannedACL.PublicRead;
                    var put = new PutObjectRequest { {|SSA0007:CannedACL = acl|} };
                    var block = new PublicAccessBlockConfiguration { {|SSA0007:BlockPublicAcls = false|} };
                    var entry = new ObjectAccessControl { {|SSA0007:Entity = "allUsers"|} };
                }
            }
            """, Key, TestFramework.AspNetCore10WithStorageSdks);
}
