using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 through the project's own storage interface with a local and a cloud implementation (held-out set 14,
/// an OCR back end's <c>IStorageService.GetFileAsyncBytes(jobId, type, fileName)</c>): the local one reads the file a
/// private path helper builds from the parameters, the cloud one hands them to its own stream method, which asks S3 for
/// the key they make. Each implementation reads the stored file the argument names, one call of its own class deep,
/// so a query value given to the interface chooses the stored file whichever is registered.
/// </summary>
public class SSA0005StorageInterfaceTests
{
    private const string Stores = """

        public interface IStorageService
        {
            Task<Stream?> GetFileAsync(string jobId, string fileType, string fileName, CancellationToken ct = default);
            Task<byte[]?> GetFileAsyncBytes(string jobId, string fileType, string fileName, CancellationToken ct = default);
            string GetStorageType();
        }

        public class LocalFileStorageService : IStorageService
        {
            private readonly string _rootPath = "/srv/ocr";

            public Task<Stream?> GetFileAsync(string jobId, string fileType, string fileName, CancellationToken ct = default)
            {
                var filePath = ResolveFilePath(jobId, fileType, fileName);
                return Task.FromResult<Stream?>(File.Exists(filePath) ? new FileStream(filePath, FileMode.Open, FileAccess.Read) : null);
            }

            public async Task<byte[]?> GetFileAsyncBytes(string jobId, string fileType, string fileName, CancellationToken ct = default)
            {
                var filePath = ResolveFilePath(jobId, fileType, fileName);
                if (!File.Exists(filePath))
                {
                    return null;
                }

                return await File.ReadAllBytesAsync(filePath, ct);
            }

            public string GetStorageType() => "local";

            private string ResolveFilePath(string jobId, string fileType, string fileName)
            {
                var basePath = Path.Combine(_rootPath, jobId, fileType);
                var filePath = Path.Combine(basePath, Path.GetFileName(fileName));
                var full = Path.GetFullPath(filePath);
                if (!full.StartsWith(Path.GetFullPath(basePath)))
                {
                    throw new UnauthorizedAccessException();
                }

                return full;
            }
        }

        public class SpacesStorageService : IStorageService
        {
            private readonly IAmazonS3 _s3Client;
            private readonly string _bucketName = "ocr";

            public SpacesStorageService(IAmazonS3 s3Client) => _s3Client = s3Client;

            public async Task<Stream?> GetFileAsync(string jobId, string fileType, string fileName, CancellationToken ct = default)
            {
                var key = BuildKey(jobId, fileType, fileName);
                var response = await _s3Client.GetObjectAsync(new GetObjectRequest { BucketName = _bucketName, Key = key }, ct);
                var memoryStream = new MemoryStream();
                await response.ResponseStream.CopyToAsync(memoryStream, ct);
                memoryStream.Position = 0;
                return memoryStream;
            }

            public async Task<byte[]?> GetFileAsyncBytes(string jobId, string fileType, string fileName, CancellationToken ct = default)
            {
                var stream = await GetFileAsync(jobId, fileType, fileName, ct);
                if (stream == null)
                {
                    return null;
                }

                using (stream)
                {
                    var ms = new MemoryStream();
                    await stream.CopyToAsync(ms, ct);
                    return ms.ToArray();
                }
            }

            public string GetStorageType() => "spaces";

            private static string BuildKey(string jobId, string fileType, string fileName) => $"ocr-jobs/{jobId}/{fileType}/{fileName}";
        }

        public static class Program { public static void Main() { } }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + Stores, TestFramework.AspNetCore10WithStorageSdks);

    /// <summary>The query's path split into job, type and name and read back through the interface: reported at the file result.</summary>
    [Fact]
    public Task BytesReadThroughTheStorageInterface_ByAQueryPath_ReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        public class DocumentPageController : ControllerBase
        {
            private readonly IStorageService _storage;

            public DocumentPageController(IStorageService storage) => _storage = storage;

            [HttpGet("GetDocumentFile")]
            public async Task<IActionResult> GetDocumentFile([FromQuery] int documentId, [FromQuery] string? filePath = null)
            {
                if (!string.IsNullOrWhiteSpace(filePath))
                {
                    var normalizedPath = filePath.Replace("\\", "/");
                    var parts = normalizedPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    var directFileName = Path.GetFileName(normalizedPath);
                    var directFileType = normalizedPath.Contains("/originals/") ? "originals" : "converted";
                    if (parts.Length >= 3)
                    {
                        var directBytes = await _storage.GetFileAsyncBytes(parts[0], directFileType, directFileName);
                        if (directBytes != null && directBytes.Length > 0)
                        {
                            return File(directBytes, "application/pdf"); //! SSA0005
                        }
                    }
                }

                return NotFound();
            }

            [HttpGet("stream")]
            public async Task<IActionResult> Stream([FromQuery] string jobId, [FromQuery] string fileName)
            {
                var stream = await _storage.GetFileAsync(jobId, "converted", fileName);
                return stream is null ? NotFound() : File(stream, "image/png"); //! SSA0005
            }
        }
        """);

    /// <summary>
    /// The same reads behind [Authorize] (Microsoft's documented gate), by a fixed name the request does not choose, and
    /// for a job found only among the caller's own (an owner check in the query): not reported.
    /// </summary>
    [Fact]
    public Task StorageInterface_Authorized_OrFixedName_NotReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/[controller]")]
        public class DocumentPageController : ControllerBase
        {
            private readonly IStorageService _storage;

            public DocumentPageController(IStorageService storage) => _storage = storage;

            [Authorize]
            [HttpGet("GetDocumentFile")]
            public async Task<IActionResult> GetDocumentFile([FromQuery] string jobId, [FromQuery] string fileName)
            {
                var bytes = await _storage.GetFileAsyncBytes(jobId, "originals", fileName);
                return bytes is null ? NotFound() : File(bytes, "application/pdf");
            }

            [HttpGet("sample")]
            public async Task<IActionResult> Sample()
            {
                var bytes = await _storage.GetFileAsyncBytes("samples", "originals", "sample.pdf");
                return bytes is null ? NotFound() : File(bytes, "application/pdf");
            }
        }
        """);

    /// <summary>
    /// A third implementation that returns no stored file (a fake that serves an empty array): not every implementation
    /// reads the named file, so the call is not followed.
    /// </summary>
    [Fact]
    public Task StorageInterface_WithAFakeImplementation_NotReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Microsoft.AspNetCore.Mvc;

        public class EmptyStorageService : IStorageService
        {
            public Task<Stream?> GetFileAsync(string jobId, string fileType, string fileName, CancellationToken ct = default) =>
                Task.FromResult<Stream?>(new MemoryStream());

            public async Task<byte[]?> GetFileAsyncBytes(string jobId, string fileType, string fileName, CancellationToken ct = default)
            {
                var stream = await GetFileAsync(jobId, fileType, fileName, ct);
                return stream is null ? null : new byte[0];
            }

            public string GetStorageType() => "none";
        }

        [ApiController]
        [Route("api/[controller]")]
        public class DocumentPageController : ControllerBase
        {
            private readonly IStorageService _storage;

            public DocumentPageController(IStorageService storage) => _storage = storage;

            [HttpGet("GetDocumentFile")]
            public async Task<IActionResult> GetDocumentFile([FromQuery] string jobId, [FromQuery] string fileName)
            {
                var bytes = await _storage.GetFileAsyncBytes(jobId, "originals", fileName);
                return bytes is null ? NotFound() : File(bytes, "application/pdf");
            }
        }
        """);
}
