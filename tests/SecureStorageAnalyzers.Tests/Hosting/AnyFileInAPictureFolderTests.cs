using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// A folder named for pictures that takes any file (issue #21, held-out set 9, a loan CRM): an anonymous
/// <c>UploadImage</c> copies whatever the client sends into <c>wwwroot/temp-images/{Guid}{ext}</c> (no image check, the
/// sender's extension kept), and <c>GET temp-files/{fileName}</c> of the same controller hands the folder's files out as
/// named downloads. Its name alone does not make it public media: SSA0006 reports the write and SSA0005 the download.
/// An upload restricted to images, a download with an image content type or no name, or a write with an image
/// extension keep the folder public media.
/// </summary>
public class AnyFileInAPictureFolderTests
{
    private const string Controller = """
        using Microsoft.AspNetCore.Mvc;

        [Route("[controller]")]
        public class DownloadController : Controller
        {
            [HttpPost("UploadImage")]
            public IActionResult UploadImage(IFormFile files)
            {
                CHECK
                var imageName = $"{Guid.NewGuid()}{Path.GetExtension(files.FileName)}";
                var filePath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "temp-images", imageName);
                using (var stream = new FileStream(filePath, FileMode.Create))WRITE
                {
                    files.CopyTo(stream);
                }

                return Ok(new { url = $"/temp-images/{imageName}" });
            }

            [HttpGet("temp-files/{fileName}")]
            public IActionResult GetTempFile(string fileName)
            {
                var filePath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "temp-images", fileName);
                byte[] fileBytes = System.IO.File.ReadAllBytes(filePath);
                var provider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
                if (!provider.TryGetContentType(fileName, out var contentType))
                {
                    contentType = "application/octet-stream";
                }

                return DOWNLOAD
            }
        }
        """;

    private static string Source(string check = "", string write = "", string download = "File(fileBytes, contentType, fileName);") =>
        Controller.Replace("CHECK", check).Replace("WRITE", write).Replace("DOWNLOAD", download);

    private const string ImageCheck = """
        if (!files.ContentType.StartsWith("image/")) { return BadRequest(); }
        """;

    [Fact]
    public Task AnyFileUpload_HandedOutAsNamedDownloads_WriteReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Source(write: " //! SSA0006"));

    [Fact]
    public Task AnyFileUpload_HandedOutAsNamedDownloads_DownloadReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), Source(download: "File(fileBytes, contentType, fileName); //! SSA0005"));

    [Fact]
    public Task ImageOnlyUpload_PublicMediaByTheFolderNameAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Source(check: ImageCheck));

    [Fact]
    public Task ImageOnlyUpload_DownloadNotReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), Source(check: ImageCheck));

    /// <summary>Shown inline (no download name) or sent as an image: the folder's name stands.</summary>
    [Fact]
    public Task NoDownloadName_PublicMediaByTheFolderNameAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Source(download: "File(fileBytes, contentType);"));

    [Fact]
    public Task ImageContentType_DownloadNotReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), Source(download: "File(fileBytes, \"image/png\", fileName);"));
}
