using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// A task's <c>Result</c> is what awaiting it gives (held-out set 11: a home-care API's anonymous
/// <c>GET download/{documentName}</c> does <c>new AmazonUploader(configuration).DownloadFileAsync(folder + "/" + name).Result</c>,
/// whose body copies the S3 object the key names into a <c>MemoryStream</c> and returns its bytes). The awaited form was
/// found; the blocking one was not. A helper that reads a fixed key stays unreported either way.
/// </summary>
public class SSA0005TaskResultTests
{
    private const string EntryPoint = """

        public static class Program { public static void Main() { } }
        """;

    private static Task VerifyS3Async(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer(), source + EntryPoint, TestFramework.AspNetCore10WithStorageSdks);

    private const string Uploader = """
        public class Uploader
        {
            public Uploader(IConfiguration configuration) => Bucket = configuration["Bucket"] ?? "";
            private string Bucket { get; }

            public async Task<byte[]> ReadUsingAssigned(string key)
            {
                MemoryStream ms = null;
                IAmazonS3 client = new AmazonS3Client();
                var request = new GetObjectRequest { BucketName = Bucket, Key = key };
                using (var response = await client.GetObjectAsync(request))
                {
                    using (ms = new MemoryStream())
                    {
                        await response.ResponseStream.CopyToAsync(ms);
                    }
                }

                return ms.ToArray();
            }

            public async Task<byte[]> ReadDeclared(string key)
            {
                IAmazonS3 client = new AmazonS3Client();
                var request = new GetObjectRequest { BucketName = Bucket, Key = key };
                using var response = await client.GetObjectAsync(request);
                using var ms = new MemoryStream();
                await response.ResponseStream.CopyToAsync(ms);
                return ms.ToArray();
            }

            public async Task<byte[]> ReadFixed(string key)
            {
                IAmazonS3 client = new AmazonS3Client();
                using var response = await client.GetObjectAsync(Bucket, "terms.pdf");
                using var ms = new MemoryStream();
                await response.ResponseStream.CopyToAsync(ms);
                return ms.ToArray();
            }
        }
        """;

    [Fact]
    public Task S3HelperBytes_ReadThroughResultOrAwait_ReportedAsync() => VerifyS3Async($$"""
        #nullable disable
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.Configuration;

        public class DocumentController(IConfiguration configuration) : ControllerBase
        {
            [HttpGet("a/{name}")]
            public IActionResult A(string name, string folder)
            {
                name = folder + "/" + name;
                var up = new Uploader(configuration);
                var document = up.ReadUsingAssigned(name).Result;
                return File(document, "application/octet-stream", name); //! SSA0005
            }

            [HttpGet("b/{name}")]
            public IActionResult B(string name)
            {
                var up = new Uploader(configuration);
                var document = up.ReadDeclared(name).Result;
                return File(document, "application/octet-stream", name); //! SSA0005
            }

            [HttpGet("c/{name}")]
            public async Task<IActionResult> C(string name)
            {
                var document = await new Uploader(configuration).ReadDeclared(name);
                return File(document, "application/octet-stream", name); //! SSA0005
            }

            [HttpGet("d/{name}")]
            public IActionResult D(string name)
            {
                var document = new Uploader(configuration).ReadFixed(name).Result;
                return File(document, "application/pdf", name);
            }
        }

        {{Uploader}}
        """);
}
