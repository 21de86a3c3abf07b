using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>
/// Issue #21 (h-pub16): a served folder is public or private by what the app writes into it. A folder named only for
/// where its files come from (<c>Uploads</c>, <c>/data/uploads</c>) whose every upload the code restricts to images holds
/// the site's pictures (held-out set 10's product images, held-out set 5's event images); one upload of any other file
/// keeps it private, and so does a word of what the files are (<c>PatientUploads</c>).
/// </summary>
public class PicturesOnlyFolderTests
{
    private const string ProductImages = """
        public class ProductController(IWebHostEnvironment env) : ControllerBase
        {
            private static readonly string[] AllowedImageExtensions = { ".jpg", ".jpeg", ".png", ".webp" };

            [HttpPost("{id}/image")]
            public async Task<IActionResult> UploadProductImage(int id, IFormFile image)
            {
                var extension = Path.GetExtension(image.FileName).ToLowerInvariant();
                if (!AllowedImageExtensions.Contains(extension))
                {
                    return BadRequest("Invalid file type");
                }

                var folder = Path.Combine(env.ContentRootPath, "Uploads", "Products");
                var filePath = Path.Combine(folder, $"product_{id}_{Guid.NewGuid()}{extension}");
                using (var stream = new FileStream(filePath, FileMode.Create))
                {
                    await image.CopyToAsync(stream);
                }

                return Ok();
            }
        }
        """;

    /// <summary>
    /// Held-out set 10's shop: only <c>Uploads/Products</c> is served, and the one writer into it takes product images,
    /// so it is not reported. Beside it, a folder named the same way that an upload of any file also lands in, and a
    /// folder whose name says whose pictures they are, are private.
    /// </summary>
    [Fact]
    public async Task UploadsFolder_OnlyImageCheckedUploads_NotReported_AnyFileOrPatientReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program($$"""
            var publicProductUploadsPath = Path.Combine(app.Environment.ContentRootPath, "Uploads", "Products");
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(publicProductUploadsPath), RequestPath = "/Uploads/Products" });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "Uploads", "Sheets")), RequestPath = "/Uploads/Sheets" })|};
            app.{|#1:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, "PatientUploads")), RequestPath = "/files" })|};
            """,
            $$"""
            {{ProductImages}}

            public class SpecSheetController(IWebHostEnvironment env) : ControllerBase
            {
                private static readonly string[] Allowed = { ".jpg", ".png" };

                [HttpPost("{id}/sheet")]
                public async Task<IActionResult> Upload(int id, IFormFile file)
                {
                    var filePath = Path.Combine(env.ContentRootPath, "Uploads", "Sheets", Guid.NewGuid() + Path.GetExtension(file.FileName));
                    using var stream = new FileStream(filePath, FileMode.Create);
                    await file.CopyToAsync(stream);
                    return Ok();
                }

                [HttpPost("{id}/sheet-preview")]
                public async Task<IActionResult> Preview(int id, IFormFile preview)
                {
                    var extension = Path.GetExtension(preview.FileName);
                    if (!Allowed.Contains(extension))
                    {
                        return BadRequest();
                    }

                    using var stream = new FileStream(Path.Combine(env.ContentRootPath, "Uploads", "Sheets", Guid.NewGuid() + extension), FileMode.Create);
                    await preview.CopyToAsync(stream);
                    return Ok();
                }
            }

            public class WoundController(IWebHostEnvironment env) : ControllerBase
            {
                private static readonly string[] Allowed = { ".jpg", ".png" };

                [HttpPost]
                public async Task<IActionResult> Upload(IFormFile photo)
                {
                    var extension = Path.GetExtension(photo.FileName);
                    if (!Allowed.Contains(extension))
                    {
                        return BadRequest();
                    }

                    using var stream = new FileStream(Path.Combine(env.ContentRootPath, "PatientUploads", Guid.NewGuid() + extension), FileMode.Create);
                    await photo.CopyToAsync(stream);
                    return Ok();
                }
            }
            """,
            usings: ["Microsoft.AspNetCore.Mvc"]),
            StaticFilesPrograms.Private(0, "a private folder", "the name 'Uploads'"),
            StaticFilesPrograms.Private(1, "a private folder", "the word 'Patient' in 'PatientUploads'"));
    }

    private const string EventImages = """
        public class FileService
        {
            private static readonly string[] AllowedExtensions = { ".jpg", ".png", ".webp" };
            private readonly string _uploadPath;

            public FileService() => _uploadPath = Environment.GetEnvironmentVariable("FILE_STORAGE_PATH") ?? "/data/uploads";

            public async Task<string> SaveFile(IFormFile file)
            {
                var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (!AllowedExtensions.Contains(extension))
                    throw new InvalidOperationException("Invalid file type");

                var uniqueName = $"{Guid.NewGuid()}{extension}";
                using var stream = new FileStream(Path.Combine(_uploadPath, uniqueName), FileMode.Create);
                await file.CopyToAsync(stream);
                return "/uploads/" + uniqueName;
            }
        }
        """;

    /// <summary>
    /// Held-out set 5's event manager: a folder set by an environment variable with a default, served in one file and
    /// written in another under the same pair, filled only with event images the code checks: not reported. A second
    /// such folder that a service saves any attachment into is private.
    /// </summary>
    [Fact]
    public async Task ConfiguredUploadsFolder_OnlyImageCheckedUploads_NotReported_AnyFileReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.Extensions.FileProviders;

            public static class StaticFilesExtensions
            {
                public static void ConfigureStaticFiles(this IApplicationBuilder app)
                {
                    var uploadPath = Environment.GetEnvironmentVariable("FILE_STORAGE_PATH") ?? "/data/uploads";
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(uploadPath), RequestPath = "/uploads" });
                    var ticketUploads = Environment.GetEnvironmentVariable("TICKET_STORAGE_PATH") ?? "/data/tickets";
                    app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(ticketUploads), RequestPath = "/tickets" })|};
                }
            }

            {{EventImages}}

            public class TicketFiles
            {
                public async Task Save(IFormFile file)
                {
                    var root = Environment.GetEnvironmentVariable("TICKET_STORAGE_PATH") ?? "/data/tickets";
                    using var stream = new FileStream(Path.Combine(root, Guid.NewGuid() + "_" + file.FileName), FileMode.Create);
                    await file.CopyToAsync(stream);
                }
            }
            """,
            StaticFilesPrograms.Private(0, "a private folder", "the word 'Uploads' in 'ticketUploads'"));
    }

    /// <summary>A folder named for nothing, filled only with image-checked uploads: pictures, not private. A comparison after the write checks nothing.</summary>
    [Fact]
    public async Task UnnamedFolder_OnlyImageCheckedUploads_NotReported_CheckAfterTheWriteReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            var mediaRoot = Path.Combine(builder.Environment.ContentRootPath, "media");
            app.MapPost("/media", async (IFormFile file) =>
            {
                var extension = Path.GetExtension(file.FileName);
                if (extension != ".png" && extension != ".jpg")
                {
                    return Results.BadRequest();
                }

                await using var stream = File.Create(Path.Combine(mediaRoot, Guid.NewGuid().ToString("N") + extension));
                await file.CopyToAsync(stream);
                return Results.Ok();
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(mediaRoot), RequestPath = "/media" });
            var filesRoot = Path.Combine(builder.Environment.ContentRootPath, "files");
            app.MapPost("/files", async (IFormFile file) =>
            {
                await using (var stream = File.Create(Path.Combine(filesRoot, file.FileName)))
                {
                    await file.CopyToAsync(stream);
                }

                // The labelled set's lab app: the extension is compared after the write, to show a preview; nothing was refused.
                var extension = Path.GetExtension(file.FileName);
                var isImage = extension == ".png" || extension == ".jpg";
                return Results.Ok(isImage);
            });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(filesRoot), RequestPath = "/files" })|};
            """),
            StaticFilesPrograms.Private(0, "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:24"));
    }

    /// <summary>Held-out set 9's PBX: <c>/usr/share/…</c> holds what installed packages ship (voice prompts), not what anyone sends.</summary>
    [Fact]
    public async Task InstalledPackageData_NotReported_OtherAbsolutePathReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/usr/share/asterisk/sounds/en"), RequestPath = "/audio/schedules" });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/var/lib/asterisk/sounds"), RequestPath = "/audio/other" })|};
            """),
            StaticFilesPrograms.Private(0, "a folder outside the app", "the absolute path \"/var/lib/asterisk/sounds\""));
    }

    private const string ProfilePicturesThroughTheCurrentDirectory = """
        public class AuthController : ControllerBase
        {
            [HttpPost("register")]
            public async Task<IActionResult> Register(IFormFile profilePicture)
            {
                var allowedTypes = new[] { "image/jpeg", "image/png", "image/gif" };
                if (!allowedTypes.Contains(profilePicture.ContentType.ToLower()))
                {
                    return BadRequest();
                }

                var uploadsFolder = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "uploads", "profiles");
                var filePath = Path.Combine(uploadsFolder, Guid.NewGuid() + "_" + Path.GetFileName(profilePicture.FileName));
                using (var fileStream = new FileStream(filePath, FileMode.Create))
                {
                    await profilePicture.CopyToAsync(fileStream);
                }

                return Ok();
            }
        }
        """;

    /// <summary>
    /// Held-out set 18 (an assessment site): <c>WebRootPath/uploads</c> served at <c>/uploads</c>, and its one writer
    /// takes the registration's profile pictures (JPEG, PNG or GIF) into
    /// <c>Directory.GetCurrentDirectory()/wwwroot/uploads/profiles</c>: the same folder on disk while the project keeps the
    /// host's default roots, so it holds pictures.
    /// </summary>
    [Fact]
    public async Task WebRootUploads_ImageCheckedWritesThroughTheCurrentDirectory_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.WebRootPath, "uploads")), RequestPath = "/uploads" });
            """,
            ProfilePicturesThroughTheCurrentDirectory, usings: ["Microsoft.AspNetCore.Mvc"]));
    }

    /// <summary>The same, and an upload of any file into <c>wwwroot/uploads/documents</c> the same way: private.</summary>
    [Fact]
    public async Task WebRootUploads_AnyFileWrittenThroughTheCurrentDirectory_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.WebRootPath, "uploads")), RequestPath = "/uploads" })|};
            """,
            ProfilePicturesThroughTheCurrentDirectory + """

            public class DocumentsController : ControllerBase
            {
                [HttpPost("documents")]
                public async Task<IActionResult> Upload(IFormFile file)
                {
                    using var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "uploads", "documents", Guid.NewGuid().ToString()), FileMode.Create);
                    await file.CopyToAsync(stream);
                    return Ok();
                }
            }
            """, usings: ["Microsoft.AspNetCore.Mvc"]),
            StaticFilesPrograms.Private(0, "a private folder", "the name 'uploads'"));
    }
}
