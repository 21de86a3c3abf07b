using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 and public media (issue #21, held-out set 6): an anonymous endpoint that returns a catalogue's cover image
/// chosen by the request (<c>GetImage(uuid)</c> reading <c>imagePath</c>, <c>covers/{title}.jpg</c>) serves what the
/// app publishes to anyone. The words of the returned file and of the endpoint's name decide, with the vocabulary of
/// SSA0006 and SSA0007: a public-media word and nothing private. A patient's photo, a recording, a document, or an image
/// named only by its format stay reported.
/// </summary>
public class SSA0005PublicMediaTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer(), source);

    private const string Usings = """
        using Microsoft.AspNetCore.Mvc;

        """;

    [Fact]
    public Task CoverImagesOfACatalogue_ChosenByTheRequest_NotReportedAsync() => VerifyAsync(Usings + """
        [Route("api/[controller]")]
        public class ArticlesController(IWebHostEnvironment env) : ControllerBase
        {
            [HttpGet("image/{key}")]
            public async Task<IActionResult> GetImage(string key)
            {
                var imagePath = Path.Combine(env.WebRootPath, "uploads", key);
                if (!System.IO.File.Exists(imagePath))
                {
                    return NotFound();
                }

                var imageBytes = await System.IO.File.ReadAllBytesAsync(imagePath);
                return File(imageBytes, "application/octet-stream");
            }

            [HttpGet("cover/{title}")]
            public IActionResult CoverByTitle(string title)
            {
                var path = Path.Combine(env.ContentRootPath, "covers", $"{title.Trim()}.jpg");
                return PhysicalFile(path, "image/jpeg");
            }

            [HttpGet("art/{name}")]
            public IActionResult Thumbnail(string name) => PhysicalFile(Path.Combine(env.ContentRootPath, "art", name), "image/png");
        }
        """);

    [Fact]
    public Task PrivateWordsOrFormatOnly_StillReportedAsync() => VerifyAsync(Usings + """
        [Route("api/[controller]")]
        public class PatientsController(IWebHostEnvironment env) : ControllerBase
        {
            // A patient's photo is the patient's data: the type's word wins over 'image'.
            [HttpGet("image/{key}")]
            public IActionResult GetImage(string key)
            {
                var imagePath = Path.Combine(env.ContentRootPath, "uploads", key);
                return PhysicalFile(imagePath, "image/jpeg"); //! SSA0005
            }
        }

        [Route("api/[controller]")]
        public class MediaController(IWebHostEnvironment env) : ControllerBase
        {
            // 'recording' is private, whatever the action is called.
            [HttpGet("thumb/{name}")]
            public IActionResult Thumb(string name) => PhysicalFile(Path.Combine(env.ContentRootPath, "recordings", name), "image/png"); //! SSA0005

            // A video named as an image is still a video.
            [HttpGet("picture/{name}")]
            public IActionResult Picture(string name) => PhysicalFile(Path.Combine(env.ContentRootPath, "media", name + ".mp4"), "video/mp4"); //! SSA0005

            // An image format alone says nothing of its purpose: a ticket's QR code is a .png.
            [HttpGet("ticket/{code}")]
            public IActionResult Ticket(string code) => PhysicalFile(Path.Combine(env.ContentRootPath, "tickets", code + ".png"), "image/png"); //! SSA0005

            // Nothing names what the file is.
            [HttpGet("get/{name}")]
            public IActionResult Get(string name) => PhysicalFile(Path.Combine(env.ContentRootPath, "uploads", name), "application/octet-stream"); //! SSA0005
        }
        """);
}
