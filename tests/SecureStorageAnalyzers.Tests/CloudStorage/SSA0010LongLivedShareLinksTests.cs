using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureStorageAnalyzers.CloudStorage.SSA0010LongLivedShareLinksAnalyzer>;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// SSA0010 (share links that outlive their purpose) against the real Azure.Storage.Blobs, AWSSDK.S3,
/// Google.Cloud.Storage.V1 and Minio assemblies, with the whole pack running: a line marked SSA0010 also proves SSA0007
/// and SSA0008 stay silent there.
/// </summary>
public class SSA0010LongLivedShareLinksTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    /// <summary>
    /// A List grant written over several lines, with fully qualified names (held-out set 12: missed twice): the finding
    /// is on the line of the <c>List</c> member the argument names, the grant at fault, wherever the call starts; through
    /// a local or a permission string (<c>"rl"</c>) it stays on the call.
    /// </summary>
    [Fact]
    public Task Azure_ListGrantSplitOverLines_ReportedAtTheListMemberAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;

        public class SplitLinks
        {
            public Uri Container(BlobContainerClient containerClient)
            {
                var blobContainerSasBuilder = new Azure.Storage.Sas.BlobSasBuilder
                {
                    BlobContainerName = containerClient.Name,
                    Resource = "c",
                    ExpiresOn = DateTimeOffset.UtcNow.AddHours(1),
                };
                blobContainerSasBuilder.SetPermissions(
                    Azure.Storage.Sas.BlobContainerSasPermissions.Read |
                    Azure.Storage.Sas.BlobContainerSasPermissions.Write |
                    Azure.Storage.Sas.BlobContainerSasPermissions.Delete |
                    Azure.Storage.Sas.BlobContainerSasPermissions.List); //! SSA0010
                return containerClient.GenerateSasUri(blobContainerSasBuilder);
            }

            public Uri Direct(BlobContainerClient containerClient) =>
                containerClient.GenerateSasUri(
                    Azure.Storage.Sas.BlobContainerSasPermissions.Read
                    | Azure.Storage.Sas.BlobContainerSasPermissions.Write
                    | Azure.Storage.Sas.BlobContainerSasPermissions.Create
                    | Azure.Storage.Sas.BlobContainerSasPermissions.List, //! SSA0010
                    DateTimeOffset.UtcNow.AddHours(1));

            public Uri ThroughALocal(BlobContainerClient containerClient)
            {
                var builder = new Azure.Storage.Sas.BlobSasBuilder { BlobContainerName = containerClient.Name, Resource = "c", ExpiresOn = DateTimeOffset.UtcNow.AddHours(1) };
                var permissions = Azure.Storage.Sas.BlobContainerSasPermissions.Read | Azure.Storage.Sas.BlobContainerSasPermissions.List;
                builder.SetPermissions(permissions); //! SSA0010
                builder.SetPermissions( //! SSA0010
                    "rl");
                return containerClient.GenerateSasUri(builder);
            }

            public Uri LongAndListing(BlobContainerClient containerClient) =>
                containerClient.GenerateSasUri( //! SSA0010
                    Azure.Storage.Sas.BlobContainerSasPermissions.Read
                    | Azure.Storage.Sas.BlobContainerSasPermissions.Write
                    | Azure.Storage.Sas.BlobContainerSasPermissions.List,
                    DateTimeOffset.UtcNow.AddYears(1));
        }
        """);

    [Fact]
    public Task Azure_LongLivedAndListingSas_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Sas;

        public class Links(BlobClient blob, BlobContainerClient container, BlobServiceClient service)
        {
            private const int LinkDays = 30;

            public void Make()
            {
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.MaxValue); //! SSA0010
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1)); //! SSA0010
                container.GenerateSasUri(BlobContainerSasPermissions.Read, DateTimeOffset.UtcNow.AddDays(LinkDays)); //! SSA0010
                container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddMinutes(15)); //! SSA0010
                container.GenerateSasUri(BlobContainerSasPermissions.All, DateTimeOffset.Now.AddHours(1)); //! SSA0010

                var lifetime = TimeSpan.FromDays(90);
                var builder = new BlobSasBuilder
                {
                    BlobContainerName = "recordings",
                    BlobName = "calls/1.mp3",
                    Resource = "b",
                    ExpiresOn = DateTimeOffset.UtcNow + lifetime, //! SSA0010
                };
                builder.SetPermissions(BlobSasPermissions.Read);
                blob.GenerateSasUri(builder);

                new BlobSasBuilder(BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1)); //! SSA0010
                new BlobSasBuilder(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(new TimeSpan(8, 0, 0, 0))); //! SSA0010
                var raw = new BlobSasBuilder { BlobContainerName = "recordings", Resource = "c", ExpiresOn = DateTimeOffset.UtcNow.AddHours(1) };
                raw.SetPermissions("rl"); //! SSA0010
                var listing = BlobContainerSasPermissions.List;
                raw.SetPermissions(listing); //! SSA0010

                service.GenerateAccountSasUri(AccountSasPermissions.Read | AccountSasPermissions.List, DateTimeOffset.UtcNow.AddYears(5), AccountSasResourceTypes.Container); //! SSA0010
                var account = new AccountSasBuilder
                {
                    Services = AccountSasServices.Blobs,
                    ResourceTypes = AccountSasResourceTypes.Object,
                    ExpiresOn = DateTimeOffset.UtcNow.AddMonths(6), //! SSA0010
                };
                account.SetPermissions(AccountSasPermissions.Read);
            }
        }
        """);

    [Fact]
    public Task Azure_ShortLivedReadOnlyAndUnknown_NotReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Sas;

        public class Links(BlobClient blob, BlobContainerClient container, BlobServiceClient service, TimeProvider clock)
        {
            public void Make(TimeSpan configured, DateTimeOffset expiresOn, BlobContainerSasPermissions configuredPermissions, bool longer)
            {
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddDays(7));
                blob.GenerateSasUri(BlobSasPermissions.Read, clock.GetUtcNow().AddHours(2));
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(configured));
                blob.GenerateSasUri(BlobSasPermissions.Read, expiresOn);
                container.GenerateSasUri(BlobContainerSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1));
                container.GenerateSasUri(configuredPermissions, DateTimeOffset.UtcNow.AddHours(1));

                var expires = DateTimeOffset.UtcNow.AddMinutes(10);
                if (longer)
                {
                    expires = DateTimeOffset.UtcNow.AddDays(1);
                }

                var builder = new BlobSasBuilder { BlobContainerName = "recordings", BlobName = "calls/1.mp3", Resource = "b", ExpiresOn = expires };
                builder.SetPermissions(BlobSasPermissions.Read);
                builder.SetPermissions("r");
                new BlobSasBuilder(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.Write, DateTimeOffset.UtcNow.AddHours(1));
                service.GenerateAccountSasUri(AccountSasPermissions.Read, DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.Object);
            }
        }
        """);

    [Fact]
    public Task Azure_StoredAccessPolicy_LongLivedOrListing_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Azure.Storage.Sas;

        public class Policies(BlobContainerClient container)
        {
            public async Task Make(DateTimeOffset configured, string configuredPermissions)
            {
                var forever = new BlobSignedIdentifier
                {
                    Id = "partners",
                    AccessPolicy = new BlobAccessPolicy
                    {
                        PolicyStartsOn = DateTimeOffset.UtcNow,
                        PolicyExpiresOn = DateTimeOffset.UtcNow.AddYears(10), //! SSA0010
                        Permissions = "r",
                    },
                };
                var listing = new BlobAccessPolicy { PolicyExpiresOn = DateTimeOffset.UtcNow.AddHours(1), Permissions = "rl" }; //! SSA0010
                var policy = new BlobAccessPolicy();
                policy.PolicyExpiresOn = DateTimeOffset.MaxValue; //! SSA0010

                var shortLived = new BlobAccessPolicy { PolicyExpiresOn = DateTimeOffset.UtcNow.AddDays(1), Permissions = "r" };
                var operators = new BlobAccessPolicy { PolicyExpiresOn = configured, Permissions = configuredPermissions };
                await container.SetAccessPolicyAsync(PublicAccessType.None, new[] { forever, new BlobSignedIdentifier { Id = "p", AccessPolicy = shortLived } });

                // A SAS that names the policy gets its lifetime from the policy: reported there, not here.
                new BlobSasBuilder { BlobContainerName = "recordings", Resource = "c", Identifier = "partners" };
            }
        }
        """);

    [Fact]
    public async Task StoredAccessPolicy_MessageSaysEverySasThatNamesItAsync()
    {
        await new VerifyCS.Test("""
            using Azure.Storage.Blobs.Models;

            public class Policies
            {
                public BlobAccessPolicy Make() => new BlobAccessPolicy { {|#0:PolicyExpiresOn = DateTimeOffset.UtcNow.AddDays(30)|} };
            }
            """, TestFramework.AspNetCore10WithStorageSdks)
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult(Descriptors.SSA0010LongLivedShareLink).WithLocation(0)
                    .WithArguments("Stored access policy setting 'PolicyExpiresOn' (every SAS that names the policy)", "lives 30 days, longer than the 7 days limit"),
            },
        }.RunAsync();
    }

    [Fact]
    public Task S3_PresignedUrls_ReportedAndNotAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Links(IAmazonS3 s3, AmazonS3Client client)
        {
            public async Task Make(DateTime configured)
            {
                await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddYears(1) }); //! SSA0010
                var request = new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Verb = HttpVerb.GET };
                request.Expires = DateTime.MaxValue; //! SSA0010
                client.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.Now.AddDays(30) }); //! SSA0010
                var days = 8;
                var later = new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddDays(days) }; //! SSA0010

                await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddMinutes(15) });
                s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddDays(7) });
                s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = configured });
                s3.GetPreSignedURL(new GetPreSignedUrlRequest { BucketName = "b", Key = "k", Expires = DateTime.UtcNow.AddHours(12) });
            }
        }
        """);

    [Fact]
    public Task Gcs_SignedUrls_ReportedAndNotAsync() => VerifyAsync("""
        using Google.Cloud.Storage.V1;

        public class Links(UrlSigner signer)
        {
            public async Task Make(TimeSpan configured)
            {
                signer.Sign("recordings", "calls/1.mp3", TimeSpan.FromDays(30)); //! SSA0010
                await signer.SignAsync("recordings", "calls/1.mp3", new TimeSpan(200, 0, 0)); //! SSA0010
                signer.Sign("recordings", null, TimeSpan.FromMinutes(10)); //! SSA0010
                var options = UrlSigner.Options.FromExpiration(DateTimeOffset.UtcNow.AddYears(1)); //! SSA0010
                var template = UrlSigner.RequestTemplate.FromBucket("recordings").WithObjectName("calls/1.mp3");
                await signer.SignAsync(template, UrlSigner.Options.FromDuration(TimeSpan.FromDays(8))); //! SSA0010
                var later = UrlSigner.Options.FromDuration(TimeSpan.FromHours(1)).WithDuration(TimeSpan.MaxValue); //! SSA0010

                signer.Sign("recordings", "calls/1.mp3", TimeSpan.FromMinutes(15));
                signer.Sign("recordings", "calls/1.mp3", configured);
                signer.Sign("recordings", "calls/1.mp3", TimeSpan.FromDays(7));
                await signer.SignAsync(template, UrlSigner.Options.FromDuration(TimeSpan.FromHours(1)));
            }
        }
        """);

    [Fact]
    public Task Minio_PresignedUrls_ReportedAndNotAsync() => VerifyAsync("""
        using Minio;
        using Minio.DataModel.Args;

        public class Links(IMinioClient minio)
        {
            private const int Month = 60 * 60 * 24 * 30;

            public async Task Make(int configured)
            {
                await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket("r").WithObject("o").WithExpiry(Month)); //! SSA0010
                var args = new PresignedGetObjectArgs()
                    .WithBucket("r")
                    .WithObject("o")
                    .WithExpiry((int)TimeSpan.FromDays(8).TotalSeconds); //! SSA0010
                await minio.PresignedPutObjectAsync(new PresignedPutObjectArgs().WithBucket("r").WithObject("o").WithExpiry(604801)); //! SSA0010

                await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket("r").WithObject("o").WithExpiry(900));
                await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket("r").WithObject("o").WithExpiry(configured));
                await minio.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket("r").WithObject("o").WithExpiry(604800));
            }
        }
        """);

    [Fact]
    public Task StaticReadonlyLifetime_FollowedWhenItsInitializerIsItsOnlyValueAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Sas;

        public class Links(BlobClient blob)
        {
            private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(365);
            private static readonly TimeSpan Short = TimeSpan.FromMinutes(15);
            private static readonly TimeSpan Nested = LinkLifetime + TimeSpan.FromDays(1);
            private readonly TimeSpan _perInstance = TimeSpan.FromDays(365);

            public void Make()
            {
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(LinkLifetime)); //! SSA0010
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow + Nested); //! SSA0010
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(Short));
                blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(_perInstance));
            }
        }

        public class SetByStaticConstructor(BlobClient blob)
        {
            private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

            static SetByStaticConstructor()
            {
                Lifetime = TimeSpan.FromMinutes(5);
            }

            public void Make() => blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.Add(Lifetime));
        }
        """);

    [Fact]
    public Task DevelopmentOnly_NotReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Sas;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var blob = new BlobClient("UseDevelopmentStorage=true", "recordings", "calls/1.mp3");
        if (app.Environment.IsDevelopment())
        {
            blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.MaxValue);
        }
        else
        {
            blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1)); //! SSA0010
        }

        app.Run();
        """);

    [Fact]
    public async Task LocationAndMessage_SayWhatAndHowLongAsync()
    {
        await new VerifyCS.Test("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Sas;

            public class Links(BlobClient blob, BlobContainerClient container)
            {
                public void Make()
                {
                    var url = blob.{|#0:GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1))|};
                    var listing = container.{|#1:GenerateSasUri(BlobContainerSasPermissions.List, DateTimeOffset.MaxValue)|};
                    var builder = new BlobSasBuilder { {|#2:ExpiresOn = DateTimeOffset.UtcNow.AddHours(200)|} };
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks)
        {
            ExpectedDiagnostics =
            {
                new DiagnosticResult(Descriptors.SSA0010LongLivedShareLink).WithLocation(0)
                    .WithArguments("blob.GenerateSasUri", "lives 365 days, longer than the 7 days limit"),
                new DiagnosticResult(Descriptors.SSA0010LongLivedShareLink).WithLocation(1)
                    .WithArguments("container.GenerateSasUri", "never expires (MaxValue) and lets whoever holds it list the container's blobs"),
                new DiagnosticResult(Descriptors.SSA0010LongLivedShareLink).WithLocation(2)
                    .WithArguments("ExpiresOn", "lives 8.3 days, longer than the 7 days limit"),
            },
        }.RunAsync();
    }

    [Theory]
    [InlineData("", "blob.GenerateSasUri", "lives 30 days, longer than the 7 days limit")]
    [InlineData("SSA0010.max_link_lifetime = 31d", null, null)]
    [InlineData("SSA0010.max_link_lifetime = 90", null, null)]
    [InlineData("SSA0010.max_link_lifetime = 12h", "blob.GenerateSasUri", "lives 30 days, longer than the 12 hours limit")]
    [InlineData("SSA0010.max_link_lifetime = not a duration", "blob.GenerateSasUri", "lives 30 days, longer than the 7 days limit")]
    public async Task Limit_FromEditorConfigAsync(string editorConfig, string? call, string? how)
    {
        var test = new VerifyCS.Test("""
            using Azure.Storage.Blobs;
            using Azure.Storage.Sas;

            public class Links(BlobClient blob)
            {
                public Uri Make() => blob.{|#0:GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddDays(30))|};
            }
            """.Replace("{|#0:", call is null ? "" : "{|#0:").Replace(")|}", call is null ? ")" : ")|}"), TestFramework.AspNetCore10WithStorageSdks);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        if (call is not null)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SSA0010LongLivedShareLink).WithLocation(0).WithArguments(call, how!));
        }

        await test.RunAsync();
    }

    [Theory]
    [InlineData("7d", 7 * 86400.0)]
    [InlineData("12h", 12 * 3600.0)]
    [InlineData("30m", 1800.0)]
    [InlineData("3600s", 3600.0)]
    [InlineData("14", 14 * 86400.0)]
    [InlineData(" 1.5D ", 1.5 * 86400)]
    public void ParseLifetime_ReadsUnits(string text, double seconds) =>
        Assert.Equal(seconds, SSA0010LongLivedShareLinks.ParseLifetime(text));

    [Theory]
    [InlineData("")]
    [InlineData("forever")]
    [InlineData("-1d")]
    [InlineData(null)]
    public void ParseLifetime_RejectsTheRest(string? text) => Assert.Null(SSA0010LongLivedShareLinks.ParseLifetime(text));

    [Fact]
    public Task WithoutTheSdk_NothingIsReportedAsync() => LineFindings.VerifyAsync(new SecureStorageAnalyzer(), """
        namespace Azure.Storage.Sas
        {
            public class BlobSasBuilder { public DateTimeOffset ExpiresOn { get; set; } }

            public static class Use
            {
                public static BlobSasBuilder M() => new BlobSasBuilder { ExpiresOn = DateTimeOffset.MaxValue };
            }
        }
        """);

    [Fact]
    public async Task CodeBeingTyped_NoExceptionAsync()
    {
        var compilation = AnalyzerHarness.Compile(new[]
        {
            """
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Azure.Storage.Sas;
            using Google.Cloud.Storage.V1;
            using Minio.DataModel.Args;

            public class C(BlobClient blob, BlobContainerClient container, UrlSigner signer)
            {
                public void M(int x)
                {
                    blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddDays();
                    blob.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(x) + );
                    container.GenerateSasUri(BlobContainerSasPermissions., DateTimeOffset.MaxValue);
                    var b = new BlobSasBuilder { ExpiresOn = };
                    b.SetPermissions(;
                    var r = new GetPreSignedUrlRequest { Expires = DateTime.UtcNow.AddDays(int.MaxValue * 2.0) };
                    signer.Sign("b", "o", TimeSpan.FromDays(double.NaN));
                    signer.Sign("b", "o", new TimeSpan(long.MaxValue));
                    new PresignedGetObjectArgs().WithExpiry(Undefined);
                    var loop = loop.AddDays(1);
                }
            }
            """,
        }, TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks));

        await AnalyzerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(
            new SecureStorageAnalyzer(), new SSA0010LongLivedShareLinksAnalyzer()));
    }
}
