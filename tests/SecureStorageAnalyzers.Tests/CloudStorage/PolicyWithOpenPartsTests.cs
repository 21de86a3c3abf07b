using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// Bucket policies the code builds around a bucket name (issue #21, held-out set 5: a speaking-practice API gave every
/// bucket of users' recorded answers a MinIO policy written as an interpolated raw string, <c>arn:aws:s3:::{{bucketName}}/*</c>,
/// allowing <c>s3:GetObject</c> to <c>{"AWS": ["*"]}</c>). The known parts are read; an open part never grants anything,
/// and one that may take a grant back (an open Deny, an open statement, an open member that may be a Condition) keeps
/// the policy unreported. Against the real Minio 7.0.0 and AWSSDK.S3 assemblies.
/// </summary>
public class PolicyWithOpenPartsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task Minio_InterpolatedRawStringPolicy_WithTheBucketNameOpen_ReportedAsync() => VerifyAsync(""""
        using Minio;
        using Minio.DataModel.Args;

        public class MinioClientWrapper(IMinioClient minioClient)
        {
            public async Task EnsurePublicReadPolicyAsync(string bucketName, CancellationToken ct)
            {
                var policyJson = $$"""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Effect": "Allow",
                      "Principal": { "AWS": ["*"] },
                      "Action": [ "s3:GetObject" ],
                      "Resource": [ "arn:aws:s3:::{{bucketName}}/*" ]
                    }
                  ]
                }
                """;

                await minioClient.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(policyJson), ct); //! SSA0007
            }
        }
        """");

    [Fact]
    public Task Minio_FormatConcatenationAndReplace_WithTheBucketNameOpen_ReportedAsync() => VerifyAsync(""""
        using Minio;
        using Minio.DataModel.Args;

        public class Buckets(IMinioClient minio)
        {
            private const string Template = """{"Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"]}]}""";
            private const string Head = """{"Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::""";

            public async Task Open(string bucket)
            {
                var formatted = string.Format("{{\"Statement\":[{{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::{0}/*\"}}]}}", bucket);
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucket).WithPolicy(formatted)); //! SSA0007
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucket).WithPolicy(Head + bucket + "/*\"}]}")); //! SSA0007
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucket).WithPolicy(Template.Replace("BUCKET", bucket))); //! SSA0007 SSA0008
            }
        }
        """");

    [Fact]
    public Task S3_PutBucketPolicyRequest_InterpolatedPolicy_ReportedAsync() => VerifyAsync(""""
        using Amazon.S3;
        using Amazon.S3.Model;

        public class Policies(IAmazonS3 s3)
        {
            public async Task Put(string bucketName)
            {
                var policy = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = policy }); //! SSA0007
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = $$$"""{"Statement":{"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::{{{bucketName}}}"}}""" }); //! SSA0008
            }
        }
        """");

    [Fact]
    public Task OpenPartsThatMayNarrowTheGrant_NotReportedAsync() => VerifyAsync(""""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Minio;
        using Minio.DataModel.Args;

        public class Policies(IAmazonS3 s3, IMinioClient minio)
        {
            public async Task Put(string bucketName, string principalArn, string action, string effect, string condition, string statement, string policy, string template)
            {
                // The principal, the action or the effect is open: nothing says it is "*", s3:GetObject or Allow.
                var toARole = $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":["{{principalArn}}"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = toARole });
                var someAction = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"{{action}}","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = someAction });
                var someEffect = $$"""{"Statement":[{"Effect":"{{effect}}","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest { BucketName = bucketName, Policy = someEffect });

                // An open member may be a Condition; an open statement may be a Deny; an open Deny principal may be "*".
                var openMember = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*",{{condition}}}]}""";
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(openMember));
                var openStatement = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"},{{statement}}]}""";
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(openStatement));
                var deniedToSomeone = $$"""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"},{"Effect":"Deny","Principal":{"AWS":"{{principalArn}}"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(deniedToSomeone));

                // Nothing of the policy is known: a parameter, a format that is itself open, a replace of an open template.
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(policy));
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(string.Format(template, bucketName)));
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(template.Replace("BUCKET", bucketName)));

                // A private policy with the bucket open stays private.
                var toTheApp = $$"""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/app"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::{{bucketName}}/*"}]}""";
                await minio.SetPolicyAsync(new SetPolicyArgs().WithBucket(bucketName).WithPolicy(toTheApp));
            }
        }
        """");
}
