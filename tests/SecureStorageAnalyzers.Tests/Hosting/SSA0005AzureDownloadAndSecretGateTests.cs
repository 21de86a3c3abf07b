using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005, held-out set 13 (session 15). An Azure blob the request names, downloaded in the action
/// (<c>DownloadStreamingAsync</c>, <c>DownloadContentAsync</c>, <c>DownloadAsync</c>, <c>OpenReadAsync</c>,
/// <c>DownloadToAsync</c> into a stream the action returns) and an Azure file share's file the request names (directly, or
/// through the project's own service) are stored files chosen by the request (compiled against the real
/// Azure.Storage.Blobs and Azure.Storage.Files.Shares). A lookup by a secret member is a gate only when the secret is
/// one the owner hands out to share the file (not a refresh or reset token) and the value it is compared with comes from
/// the request.
/// </summary>
public class SSA0005AzureDownloadAndSecretGateTests
{
    private const string EntryPoint = """

        public static class Program { public static void Main() { } }
        """;

    private static Task VerifySdkAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + EntryPoint, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task AzureBlobTheRequestNames_DownloadedInTheAction_ReportedAsync() => VerifySdkAsync("""
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/blobs")]
        public class BlobsController(BlobContainerClient container, BlobServiceClient service) : ControllerBase
        {
            [HttpGet("streaming/{name}")]
            public async Task<IActionResult> Streaming(string name)
            {
                var blob = container.GetBlobClient(name);
                var response = await blob.DownloadStreamingAsync();
                return File(response.Value.Content, response.Value.Details.ContentType, name); //! SSA0005
            }

            [HttpGet("content")]
            public async Task<IActionResult> Content([FromQuery] string fileName)
            {
                var result = await container.GetBlobClient("documents/" + fileName).DownloadContentAsync();
                return File(result.Value.Content.ToArray(), "application/pdf"); //! SSA0005
            }

            [HttpGet("info/{containerName}/{blobName}")]
            public async Task<IActionResult> Info(string containerName, string blobName)
            {
                var client = service.GetBlobContainerClient(containerName).GetBlobClient(blobName);
                var info = await client.DownloadAsync();
                return File(info.Value.Content, info.Value.ContentType); //! SSA0005
            }

            [HttpGet("open/{key}")]
            public async Task<IActionResult> Open(string key)
            {
                var blob = new BlobClient("UseDevelopmentStorage=true", "uploads", key);
                var stream = await blob.OpenReadAsync();
                return File(stream, "application/octet-stream"); //! SSA0005
            }

            [HttpGet("copy/{key}")]
            public async Task<IActionResult> Copy(string key)
            {
                var memory = new MemoryStream();
                await container.GetBlobClient(key).DownloadToAsync(memory);
                memory.Position = 0;
                return File(memory, "application/octet-stream"); //! SSA0005
            }
        }
        """);

    [Fact]
    public Task AzureBlob_FixedName_Authorized_OrSignedInUsers_NotReportedAsync() => VerifySdkAsync("""
        using System.Security.Claims;
        using Azure.Storage.Blobs;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/blobs")]
        public class BlobsController(BlobContainerClient container) : ControllerBase
        {
            [HttpGet("terms")]
            public async Task<IActionResult> Terms(string format)
            {
                var response = await container.GetBlobClient("legal/terms.pdf").DownloadStreamingAsync();
                return File(response.Value.Content, format == "pdf" ? "application/pdf" : "text/plain");
            }

            [Authorize]
            [HttpGet("private/{name}")]
            public async Task<IActionResult> Private(string name)
            {
                var response = await container.GetBlobClient(name).DownloadStreamingAsync();
                return File(response.Value.Content, "application/octet-stream");
            }

            [HttpGet("mine")]
            public async Task<IActionResult> Mine(string format)
            {
                var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                var stream = await container.GetBlobClient($"{userId}/report.pdf").OpenReadAsync();
                return File(stream, "application/pdf");
            }
        }
        """);

    [Fact]
    public Task AzureFileShare_TheRequestNames_DirectlyOrThroughTheProjectsService_ReportedAsync() => VerifySdkAsync("""
        using Azure.Storage.Files.Shares;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public sealed class FileShareService(ShareClient share)
        {
            public async Task<Stream> DownloadAsync(string fileName, CancellationToken ct = default)
            {
                var root = share.GetRootDirectoryClient();
                var file = root.GetFileClient((fileName ?? "").Trim());
                var response = await file.DownloadAsync(cancellationToken: ct);
                var memory = new MemoryStream();
                await response.Value.Content.CopyToAsync(memory, ct);
                memory.Position = 0;
                return memory;
            }
        }

        public class FileController(FileShareService files, ShareClient share) : Controller
        {
            [HttpGet]
            public async Task<IActionResult> FileShareDownload(string name)
            {
                if (string.IsNullOrWhiteSpace(name)) return BadRequest("Missing name.");
                var stream = await files.DownloadAsync(name);
                return File(stream, "application/octet-stream", Path.GetFileName(name)); //! SSA0005
            }

            [HttpGet]
            public async Task<IActionResult> Direct(string folder, string name)
            {
                var file = share.GetDirectoryClient(folder).GetFileClient(name);
                var download = await file.DownloadAsync();
                return File(download.Value.Content, "application/octet-stream"); //! SSA0005
            }

            [Authorize]
            [HttpGet]
            public async Task<IActionResult> Signed(string name)
            {
                var stream = await files.DownloadAsync(name);
                return File(stream, "application/octet-stream");
            }
        }
        """);

    [Fact]
    public Task GoogleCloudStorageObjectTheRequestNames_DownloadedIntoAStream_ReportedAsync() => VerifySdkAsync("""
        using Google.Cloud.Storage.V1;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/objects")]
        public class ObjectsController(StorageClient storage) : ControllerBase
        {
            [HttpGet("{objectName}")]
            public async Task<IActionResult> Get(string objectName)
            {
                var memory = new MemoryStream();
                await storage.DownloadObjectAsync("uploads", objectName, memory);
                memory.Position = 0;
                return File(memory, "application/octet-stream"); //! SSA0005
            }

            [HttpGet("terms")]
            public async Task<IActionResult> Terms(string format)
            {
                var memory = new MemoryStream();
                await storage.DownloadObjectAsync("site", "legal/terms.pdf", memory);
                return File(memory, format == "pdf" ? "application/pdf" : "text/plain");
            }
        }
        """);

    private const string Records = """

        public class StoredFile
        {
            public int Id { get; set; }
            public string StoredFileName { get; set; } = "";
            public string? ShareToken { get; set; }
            public string AccessKey { get; set; } = "";
        }

        public class Account
        {
            public int Id { get; set; }
            public string CvPath { get; set; } = "";
            public string? RefreshToken { get; set; }
            public string? PasswordResetToken { get; set; }
            public string? EmailConfirmationToken { get; set; }
        }

        public class FilesDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<StoredFile> Files { get; set; } = null!;
            public Microsoft.EntityFrameworkCore.DbSet<Account> Accounts { get; set; } = null!;
        }

        public class Settings
        {
            public string DownloadKey { get; set; } = "";
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + Records + SSA0005RecordLookupTests.EntityFramework + EntryPoint);

    [Fact]
    public Task LookupByANonSharingSecret_OrBySecretNotFromTheRequest_ReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        public class CvController(FilesDb db, Settings settings) : Controller
        {
            [HttpGet("cv/refresh/{token}")]
            public IActionResult ByRefreshToken(string token)
            {
                var account = db.Accounts.FirstOrDefault(a => a.RefreshToken == token);
                return PhysicalFile(Path.Combine("/srv/cvs", account!.CvPath), "application/pdf"); //! SSA0005
            }

            [HttpGet("cv/reset/{token}")]
            public IActionResult ByResetToken(string token)
            {
                var account = db.Accounts.FirstOrDefault(a => a.PasswordResetToken == token);
                return PhysicalFile(Path.Combine("/srv/cvs", account!.CvPath), "application/pdf"); //! SSA0005
            }

            [HttpGet("cv/confirm/{token}")]
            public IActionResult ByConfirmationToken(string token)
            {
                var account = db.Accounts.FirstOrDefault(a => a.EmailConfirmationToken == token);
                return PhysicalFile(Path.Combine("/srv/cvs", account!.CvPath), "application/pdf"); //! SSA0005
            }

            [HttpGet("files/{id}")]
            public IActionResult ByIdAndServerKey(int id)
            {
                var file = db.Files.FirstOrDefault(f => f.Id == id && f.AccessKey == settings.DownloadKey);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream"); //! SSA0005
            }

            [HttpGet("files/{id}/fixed")]
            public IActionResult ByIdAndConstantToken(int id)
            {
                var file = db.Files.FirstOrDefault(f => f.Id == id && f.ShareToken == "public");
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream"); //! SSA0005
            }
        }
        """);

    [Fact]
    public Task LookupByAShareSecretFromTheRequest_StillAGate_NotReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        public class ShareController(FilesDb db) : Controller
        {
            [HttpGet("s/{token}")]
            public IActionResult ByShareToken(string token)
            {
                var file = db.Files.FirstOrDefault(f => f.ShareToken == token);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream");
            }

            [HttpGet("files/{id}")]
            public IActionResult ByIdAndKey(int id, [FromQuery] string key)
            {
                var trimmed = key.Trim();
                var file = db.Files.FirstOrDefault(f => f.Id == id && f.AccessKey == trimmed);
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream");
            }

            [HttpGet("q")]
            public IActionResult ByQuery()
            {
                var file = db.Files.FirstOrDefault(f => f.ShareToken == Request.Query["t"].ToString());
                return PhysicalFile(Path.Combine("/srv/uploads", file!.StoredFileName), "application/octet-stream");
            }
        }
        """);
}
