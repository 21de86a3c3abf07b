using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>Issue #21: a folder the project writes request data into is private, whatever it is called.</summary>
public class RequestDataFolderTests
{
    [Fact]
    public async Task UploadedFormFilesFolder_ServedAnonymously_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            var mediaRoot = Path.Combine(builder.Environment.ContentRootPath, "media");
            app.MapPost("/media", async (IFormFile file) =>
            {
                var path = Path.Combine(mediaRoot, Guid.NewGuid().ToString("N"));
                await using var stream = File.Create(path);
                await file.CopyToAsync(stream);
                return Results.Ok();
            });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(mediaRoot), RequestPath = "/media" })|};
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "site")) });
            """),
            StaticFilesPrograms.Private(0, "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:10"));
    }

    [Fact]
    public async Task RequestBodyWrittenUnderAField_FolderServedFromTheField_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            public static class Media
            {
                public static readonly string Root = "/srv/app/m";

                public static async Task Save(HttpRequest request, string name)
                {
                    using var file = new FileStream(Path.Combine(Root, name), FileMode.Create);
                    await request.Body.CopyToAsync(file);
                }

                public static void Serve(IApplicationBuilder app)
                {
                    var provider = new PhysicalFileProvider(Root);
                    app.{|#0:UseFileServer(new FileServerOptions { FileProvider = provider, RequestPath = "/m" })|};
                }
            }
            """,
            StaticFilesPrograms.Private(0, "a folder the app writes request bodies into", "Request.Body.CopyToAsync writes into it at Test0.cs:10", "UseFileServer"));
    }

    /// <summary>
    /// The whole web root, however it is spelled, is public by design: uploads written under it are SSA0006's finding,
    /// not a reason to call the web root private (a plain UseStaticFiles() is never reported).
    /// </summary>
    [Fact]
    public async Task UploadsUnderTheWebRoot_WebRootServedExplicitly_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.MapPost("/media", async (IFormFile file) =>
            {
                await using var stream = File.Create(Path.Combine(app.Environment.WebRootPath, "media", Guid.NewGuid().ToString("N")));
                await file.CopyToAsync(stream);
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = app.Environment.WebRootFileProvider });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Environment.WebRootPath) });
            """));
    }

    /// <summary>Not request data (the app's own text), and a served folder that is another variable: nothing.</summary>
    [Fact]
    public async Task OtherWritesAndOtherFolders_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            var siteRoot = Path.Combine(builder.Environment.ContentRootPath, "site");
            var mediaRoot = Path.Combine(builder.Environment.ContentRootPath, "media");
            File.WriteAllText(Path.Combine(siteRoot, "build.txt"), "1.0");
            app.MapPost("/media", async (IFormFile file) =>
            {
                await using var stream = File.Create(Path.Combine(mediaRoot, "x"));
                await file.CopyToAsync(stream);
            });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(siteRoot) });
            """));
    }

    /// <summary>
    /// Held-out set 3 (a 'download to the server' tool, three variants): the served folder is named by a mutable static
    /// field with one value (<c>public static string downloadFolder = "Downloadables";</c>), and the anonymous uploader
    /// writes at a path relative to the current directory, which is the content root by default.
    /// </summary>
    [Fact]
    public async Task FolderNamedByAMutableStaticField_UploaderWritesRelativePath_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles();
            var fileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, downloadFolder));
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = fileProvider, RequestPath = $"/{downloadFolder}" })|};
            app.MapPost("/uploader", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                var file = form.Files[0];
                var filePath = Path.Combine(downloadFolder, file.FileName);
                using var stream = new FileStream(filePath, FileMode.Create);
                await file.CopyToAsync(stream);
                return Results.Ok();
            });
            """,
            """
            public partial class Program
            {
                public static string downloadFolder = "Downloadables";
                public static string? Credentials { get; set; }
            }
            """),
            StaticFilesPrograms.Private(0, "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:14"));
    }

    /// <summary>
    /// A static field given two values is not one folder (which one is served depends on when), and a write relative to
    /// the current directory is not in a folder served from the web root: nothing.
    /// </summary>
    [Fact]
    public async Task StaticFieldWithTwoValues_OrRelativeWriteAgainstAWebRootFolder_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            if (args.Length > 0)
            {
                Folders.Incoming = "Other";
            }

            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, Folders.Incoming)) });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.WebRootPath, Folders.Public)) });
            app.MapPost("/uploader", async (IFormFile file) =>
            {
                using var stream = new FileStream(Path.Combine("Incoming", file.FileName), FileMode.Create);
                await file.CopyToAsync(stream);
                using var other = new FileStream(Path.Combine(Folders.Public, file.FileName), FileMode.Create);
                await file.CopyToAsync(other);
                return Results.Ok();
            });
            """,
            """
            public static class Folders
            {
                public static string Incoming = "Incoming";
                public static string Public { get; set; } = "shared";
            }
            """));
    }
    /// <summary>
    /// Held-out set 9 (a grant portal): the upload is a member of the app's own model (<c>document.File</c>, an
    /// <c>IFormFile</c> the controller copies from the form), copied by an injected repository into
    /// <c>ContentRootPath/Documents/{title}{ext}</c>, while the served folder is spelled
    /// <c>Path.Combine(Directory.GetCurrentDirectory(), "Documents")</c>: the current directory is the content root unless
    /// the app moves one of them, as for a relative write.
    /// </summary>
    [Fact]
    public async Task UploadCopiedByARepositoryFromAModelMember_FolderServedFromTheCurrentDirectory_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseAuthorization();
            app.{|#0:UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Documents")),
                RequestPath = "/Documents"
            })|};
            """,
            """
            public class Document
            {
                public string Title { get; set; } = "";
                public string FileExtension { get; set; } = "";
                public IFormFile File { get; set; } = null!;
            }

            public interface IDocumentRepository
            {
                Task<Document> UploadAsync(Document document);
            }

            public class SqlDocumentRepository : IDocumentRepository
            {
                private readonly IWebHostEnvironment webHostEnvironment;

                public SqlDocumentRepository(IWebHostEnvironment webHostEnvironment) => this.webHostEnvironment = webHostEnvironment;

                public async Task<Document> UploadAsync(Document document)
                {
                    var localFilePath = Path.Combine(webHostEnvironment.ContentRootPath, "Documents", $"{document.Title}{document.FileExtension}");
                    using var stream = new FileStream(localFilePath, FileMode.Create);
                    await document.File.CopyToAsync(stream);
                    return document;
                }
            }
            """,
            usings: ["Microsoft.AspNetCore.Hosting"]),
            VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(0)
                .WithArguments("UseStaticFiles", "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:36",
                    "no fallback authorization policy requires a signed-in user"));
    }

    /// <summary>
    /// The same repository, but the folder the app serves is another one under the current directory (its published
    /// brochures): nothing.
    /// </summary>
    [Fact]
    public async Task UploadsUnderTheContentRoot_AnotherCurrentDirectoryFolderServed_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Brochures")),
                RequestPath = "/Brochures"
            });
            """,
            """
            public class Document
            {
                public string Title { get; set; } = "";
                public IFormFile File { get; set; } = null!;
            }

            public class SqlDocumentRepository
            {
                private readonly IWebHostEnvironment webHostEnvironment;

                public SqlDocumentRepository(IWebHostEnvironment webHostEnvironment) => this.webHostEnvironment = webHostEnvironment;

                public async Task UploadAsync(Document document)
                {
                    using var stream = new FileStream(Path.Combine(webHostEnvironment.ContentRootPath, "Documents", document.Title), FileMode.Create);
                    await document.File.CopyToAsync(stream);
                }
            }
            """,
            usings: ["Microsoft.AspNetCore.Hosting"]));
    }
    /// <summary>
    /// Held-out set 10: an applicant-tracking API serves <c>CurrentDirectory/Resources</c> and writes every CV into
    /// <c>Path.Combine(Directory.GetCurrentDirectory(), folderName)</c>, where <c>folderName</c> is a local holding
    /// <c>Path.Combine("Resources", "Cvs")</c>: the same folder as a literal <c>"Resources/Cvs"</c>.
    /// </summary>
    [Fact]
    public async Task UploadFolderHeldInALocalOfCombinedLiterals_ServedParentFolder_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), @"Resources")), RequestPath = new PathString("/Resources") })|};
            app.MapControllers();
            """,
            """
            public class CvController : ControllerBase
            {
                [HttpPost]
                public IActionResult Upload(IFormFile file)
                {
                    var folderName = Path.Combine("Resources", "Cvs");
                    var pathToSave = Path.Combine(Directory.GetCurrentDirectory(), folderName);
                    var fullPath = Path.Combine(pathToSave, Guid.NewGuid() + Path.GetExtension(file.FileName));
                    using (var stream = new FileStream(fullPath, FileMode.Create))
                    {
                        file.CopyTo(stream);
                    }

                    return Ok(Path.Combine(folderName, file.FileName));
                }
            }
            """,
            usings: ["Microsoft.AspNetCore.Mvc"]),
            StaticFilesPrograms.Private(0, "a folder the app writes uploaded files into", "IFormFile.CopyTo writes into it at Test0.cs:20"));
    }

    /// <summary>A local of combined literals that is not a folder the app serves, or that holds a value not constant, makes nothing private.</summary>
    [Fact]
    public async Task UploadFolderHeldInALocalOfCombinedParts_NotConstantOrElsewhere_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Public")), RequestPath = "/Public" });
            app.MapControllers();
            """,
            """
            public class CvController : ControllerBase
            {
                [HttpPost]
                public IActionResult Upload(IFormFile file, string sub)
                {
                    var folderName = Path.Combine("Resources", "Cvs");
                    using (var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), folderName, Guid.NewGuid().ToString()), FileMode.Create))
                    {
                        file.CopyTo(stream);
                    }

                    var other = Path.Combine("Public", sub);
                    using (var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), other, "x.bin"), FileMode.Create))
                    {
                        file.CopyTo(stream);
                    }

                    return Ok();
                }
            }
            """,
            usings: ["Microsoft.AspNetCore.Mvc"]));
    }
    /// <summary>
    /// The labelled set's book tracker and held-out set 10's clinic: the uploads written into the served folder are the
    /// pictures the site shows (profile photos, book covers, doctors' portraits: SSA0006's public-media words, nothing
    /// private), so they make no folder private. The same folder filled with CVs is private.
    /// </summary>
    [Fact]
    public async Task PicturesUploadedIntoTheServedFolder_NotReported_DocumentsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(StaticFilesPrograms.Program("""
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Images")), RequestPath = "/Images" });
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Files")), RequestPath = "/Files" })|};
            """,
            """
            public class ImageService(IWebHostEnvironment env)
            {
                public Task<string?> SaveProfileImageAsync(IFormFile image) => SaveImageAsync(image, "profile");

                private async Task<string?> SaveImageAsync(IFormFile image, string subFolder)
                {
                    var uploadsFolder = Path.Combine(env.ContentRootPath, "Images", subFolder);
                    var fileName = $"{Guid.NewGuid()}{Path.GetExtension(image.FileName)}";
                    using var stream = new FileStream(Path.Combine(uploadsFolder, fileName), FileMode.Create);
                    await image.CopyToAsync(stream);
                    return $"/Images/{subFolder}/{fileName}";
                }
            }

            public class CvService(IWebHostEnvironment env)
            {
                public async Task SaveAsync(IFormFile cv)
                {
                    using var stream = new FileStream(Path.Combine(env.ContentRootPath, "Files", Guid.NewGuid() + ".pdf"), FileMode.Create);
                    await cv.CopyToAsync(stream);
                }
            }
            """),
            StaticFilesPrograms.Private(0, "a folder the app writes uploaded files into", "IFormFile.CopyToAsync writes into it at Test0.cs:28"));
    }
}
