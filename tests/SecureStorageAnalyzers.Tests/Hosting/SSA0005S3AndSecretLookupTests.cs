using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005, held-out set 13. An S3 object the request names (<c>GetObjectAsync(bucket, key)</c> or a
/// <c>GetObjectRequest</c> whose key comes from the request) served through its <c>ResponseStream</c> is a stored file
/// chosen by the request (compiled against the real AWSSDK.S3). A record found by a member that holds a secret
/// (<c>f.ShareToken == token</c>) is found only by whoever was given the value: a gate, not reported; a lookup by
/// <c>Id</c>, <c>Name</c> or <c>FileName</c> stays reported.
/// </summary>
public class SSA0005S3AndSecretLookupTests
{
    private const string EntryPoint = """

        public static class Program { public static void Main() { } }
        """;

    private static Task VerifyS3Async(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + EntryPoint, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task S3ObjectTheQueryNames_Reported_BothOverloadsAsync() => VerifyS3Async("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/files")]
        public class FilesController(IAmazonS3 s3) : ControllerBase
        {
            [HttpGet("by-key")]
            public async Task<IActionResult> ByKey(string bucketName, string key)
            {
                var s3Object = await s3.GetObjectAsync(bucketName, key);
                return File(s3Object.ResponseStream, s3Object.Headers.ContentType); //! SSA0005
            }

            [HttpGet("by-request/{key}")]
            public async Task<IActionResult> ByRequest(string key)
            {
                var request = new GetObjectRequest { BucketName = "documents", Key = "uploads/" + key };
                using var response = await s3.GetObjectAsync(request);
                return File(response.ResponseStream, "application/pdf"); //! SSA0005
            }
        }

        public class ClientController : ControllerBase
        {
            private readonly AmazonS3Client _client = new();

            [HttpGet("client/{key}")]
            public async Task<IActionResult> Get(string key)
            {
                var s3Object = await _client.GetObjectAsync(new GetObjectRequest { BucketName = "documents", Key = key });
                return File(s3Object.ResponseStream, "application/octet-stream"); //! SSA0005
            }
        }
        """);

    [Fact]
    public Task S3Object_Authorized_FixedKey_OrFallbackPolicy_NotReportedAsync() => VerifyS3Async("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public class FilesController(IAmazonS3 s3) : ControllerBase
        {
            [Authorize]
            [HttpGet("by-key")]
            public async Task<IActionResult> ByKey(string bucketName, string key)
            {
                var s3Object = await s3.GetObjectAsync(bucketName, key);
                return File(s3Object.ResponseStream, s3Object.Headers.ContentType);
            }

            [HttpGet("terms")]
            public async Task<IActionResult> Terms(string format)
            {
                var s3Object = await s3.GetObjectAsync(new GetObjectRequest { BucketName = "site", Key = "legal/terms.pdf" });
                return File(s3Object.ResponseStream, format == "pdf" ? "application/pdf" : "text/plain");
            }
        }
        """);

    [Fact]
    public Task S3Object_FallbackPolicy_NotReportedAsync() => VerifyS3Async("""
        using Amazon.S3;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Extensions.DependencyInjection;

        public static class Setup
        {
            public static void Configure(IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        [ApiController]
        public class FilesController(IAmazonS3 s3) : ControllerBase
        {
            [HttpGet("by-key")]
            public async Task<IActionResult> ByKey(string bucketName, string key)
            {
                var s3Object = await s3.GetObjectAsync(bucketName, key);
                return File(s3Object.ResponseStream, s3Object.Headers.ContentType);
            }
        }
        """);

    private const string Records = """

        public class SharedFile
        {
            public int Id { get; set; }
            public string FileName { get; set; } = "";
            public string StoredFileName { get; set; } = "";
            public string? ShareToken { get; set; }
            public Guid DownloadKey { get; set; }
            public string ShareKey { get; set; } = "";
        }

        public class FilesDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<SharedFile> Files { get; set; } = null!;
        }

        public class FileService(FilesDb db)
        {
            public SharedFile? GetByShareToken(string token) => db.Files.FirstOrDefault(f => f.ShareToken == token);
            public SharedFile? GetByName(string name) => db.Files.FirstOrDefault(f => f.FileName == name);
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + Records + SSA0005RecordLookupTests.EntityFramework + EntryPoint);

    [Fact]
    public Task LookupBySecretMember_NotReported_ByIdOrName_ReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        public class ShareController(FilesDb db, FileService files) : Controller
        {
            [HttpGet("share/{token}")]
            public IActionResult Share(string token)
            {
                var file = files.GetByShareToken(token);
                if (file == null) return NotFound();
                return PhysicalFile(Path.Combine("/srv/uploads", file.StoredFileName), "application/octet-stream");
            }

            [HttpGet("s/{key}")]
            public IActionResult ByShareKey(string key)
            {
                var file = db.Files.FirstOrDefault(f => f.ShareKey == key);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream");
            }

            [HttpGet("d/{key}")]
            public IActionResult ByDownloadKey(Guid key)
            {
                var file = db.Files.FirstOrDefault(f => f.DownloadKey.Equals(key));
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream");
            }

            [HttpGet("name/{name}")]
            public IActionResult ByName(string name)
            {
                var file = files.GetByName(name);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream"); //! SSA0005
            }

            [HttpGet("id/{id}")]
            public IActionResult ById(int id)
            {
                var file = db.Files.FirstOrDefault(f => f.Id == id);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream"); //! SSA0005
            }

            [HttpGet("file/{fileName}")]
            public IActionResult ByFileName(string fileName)
            {
                var file = db.Files.Where(f => f.FileName == fileName).FirstOrDefault();
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream"); //! SSA0005
            }
        }
        """);
}
