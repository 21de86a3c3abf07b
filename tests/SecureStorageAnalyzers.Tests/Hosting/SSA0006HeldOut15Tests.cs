using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Held-out set 15 (session 16, h-s15): a classic virtual path built as <c>$"~{ relativePath }"</c> (the folder is the
/// hole's start), a picture named by the value's own words (the upload <c>ImageUpload</c>, recorded as
/// <c>comment.ImageUrl</c>) in a type whose name says documents, and an upload written to a folder chosen per extension
/// from a field set to the current directory's wwwroot.
/// </summary>
public class SSA0006HeldOut15Tests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    private static Task VerifyClassicAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task ClassicVirtualPath_RootThenRelativePathLocal_ReportedAsync() => VerifyClassicAsync("""
        using System.IO;
        using System.Web;

        public class UserManagement
        {
            private readonly HttpServerUtilityBase server;

            public UserManagement(HttpServerUtilityBase server) => this.server = server;

            public string SaveSolution(HttpPostedFileBase file, string userId, int courseId)
            {
                string extension = Path.GetExtension(file.FileName);
                string relativePath = $"/Users/{ userId }/Uploads/Solution-for-{ courseId }{ extension }";
                string fileSystemPath = this.server.MapPath($"~{ relativePath }");
                file.SaveAs(fileSystemPath); //! SSA0006
                string other = "/Exports/solution.zip";
                file.SaveAs(this.server.MapPath("~" + other)); //! SSA0006
                return relativePath;
            }
        }
        """);

    [Fact]
    public Task ClassicVirtualPath_RootThenHiddenOrUnknownFolder_NotReportedAsync() => VerifyClassicAsync("""
        using System.IO;
        using System.Web;

        public class UserManagement
        {
            private readonly HttpServerUtilityBase server;

            public UserManagement(HttpServerUtilityBase server) => this.server = server;

            public void SaveSolution(HttpPostedFileBase file, string userId, string anywhere)
            {
                string relativePath = $"/App_Data/{ userId }/solution.zip";
                file.SaveAs(this.server.MapPath($"~{ relativePath }"));
                file.SaveAs(this.server.MapPath("~/" + "App_Data/solution.zip"));
                file.SaveAs(this.server.MapPath("~/" + anywhere));
            }
        }
        """);

    [Fact]
    public Task PictureUploadShownThroughPictureMember_InDocumentWordedController_NotReportedAsync() => VerifyAsync("""
        public class CommentDocument { public string? ImageUrl { get; set; } public string? FileUrl { get; set; } }

        public class CommentDocumentsController
        {
            public async Task Create(CommentDocument comment, IFormFile? ImageUpload)
            {
                var uniqueFileName = $"{Path.GetFileNameWithoutExtension(ImageUpload!.FileName)}_{Guid.NewGuid()}{Path.GetExtension(ImageUpload.FileName)}";
                var uploadPath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads/comments");
                var filePath = Path.Combine(uploadPath, uniqueFileName);
                using (var stream = new FileStream(filePath, FileMode.Create))
                {
                    await ImageUpload.CopyToAsync(stream);
                }

                comment.ImageUrl = "/uploads/comments/" + uniqueFileName;
            }
        }
        """);

    [Fact]
    public Task PictureUploadShownThroughPictureMember_ButAuthorizedOrNotPictureWorded_ReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;

        public class CommentDocument { public string? ImageUrl { get; set; } public string? FileUrl { get; set; } }

        [Authorize]
        public class CommentDocumentsController
        {
            public async Task Create(CommentDocument comment, IFormFile? ImageUpload)
            {
                var uniqueFileName = $"{ImageUpload!.FileName}_{Guid.NewGuid()}";
                var filePath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads/comments", uniqueFileName);
                using (var stream = new FileStream(filePath, FileMode.Create)) //! SSA0006
                {
                    await ImageUpload.CopyToAsync(stream);
                }

                comment.ImageUrl = "/uploads/comments/" + uniqueFileName;
            }
        }

        public class ReplyDocumentsController
        {
            // The upload's name says nothing of pictures: the type's word stands, whatever member records it.
            public async Task Create(CommentDocument comment, IFormFile? upload)
            {
                var uniqueFileName = $"{upload!.FileName}_{Guid.NewGuid()}";
                using (var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads/replies", uniqueFileName), FileMode.Create)) //! SSA0006
                {
                    await upload.CopyToAsync(stream);
                }

                comment.ImageUrl = "/uploads/replies/" + uniqueFileName;
            }

            // A picture-named upload recorded as a file, not shown as a picture: the type's word stands.
            public async Task Attach(CommentDocument comment, IFormFile? ImageUpload)
            {
                var uniqueFileName = $"{ImageUpload!.FileName}_{Guid.NewGuid()}";
                using (var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads/replies", uniqueFileName), FileMode.Create)) //! SSA0006
                {
                    await ImageUpload.CopyToAsync(stream);
                }

                comment.FileUrl = "/uploads/replies/" + uniqueFileName;
            }
        }
        """);

    /// <summary>
    /// The member a picture is shown through must record the very local the path is built from (compared as symbols,
    /// session 17): another local of the same name, in another block, recorded as a picture, says nothing of this write.
    /// </summary>
    [Fact]
    public Task PictureMemberRecordsAnotherLocalOfTheSameName_ReportedAsync() => VerifyAsync("""
        public class CommentDocument { public string? ImageUrl { get; set; } public string? FileUrl { get; set; } }

        public class CommentDocumentsController
        {
            public async Task Create(CommentDocument comment, IFormFile? ImageUpload, List<CommentDocument> replies)
            {
                {
                    var uniqueFileName = $"{ImageUpload!.FileName}_{Guid.NewGuid()}";
                    var filePath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads/comments", uniqueFileName);
                    using (var stream = new FileStream(filePath, FileMode.Create)) //! SSA0006
                    {
                        await ImageUpload.CopyToAsync(stream);
                    }

                    comment.FileUrl = "/uploads/comments/" + uniqueFileName;
                }

                foreach (var reply in replies)
                {
                    var uniqueFileName = Path.GetFileName(reply.ImageUrl);
                    reply.ImageUrl = "/uploads/replies/" + uniqueFileName;
                }
            }
        }
        """);

    [Fact]
    public Task UploadFolderChosenPerExtension_FromCurrentDirectoryWwwrootField_ReportedAsync() => VerifyAsync("""
        public class ContentsController
        {
            private readonly string _targetFilePath;

            public ContentsController()
            {
                _targetFilePath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
                if (!Directory.Exists(_targetFilePath))
                {
                    Directory.CreateDirectory(_targetFilePath);
                }
            }

            public async Task UploadFile(IFormFile file)
            {
                var fileName = Path.GetFileName(file.FileName);
                var fileExtension = Path.GetExtension(file.FileName);
                var filePath = string.Empty;
                if (fileExtension != ".pdf" && fileExtension != ".jpg" && fileExtension != ".mp3")
                {
                    return;
                }
                else if (fileExtension == ".pdf")
                {
                    filePath = Path.Combine(_targetFilePath, "documents", fileName);
                }
                else if (fileExtension == ".jpg")
                {
                    filePath = Path.Combine(_targetFilePath, "images", fileName);
                }
                else if (fileExtension == ".mp3")
                {
                    filePath = Path.Combine(_targetFilePath, "sounds", fileName);
                }

                using (var stream = new FileStream(filePath, FileMode.Create)) //! SSA0006
                {
                    await file.CopyToAsync(stream);
                }
            }
        }
        """);
    /// <summary>
    /// samuelcherrera/AgenciaTransito <c>clsUpload.cs:75</c>, reproduced with the Web API formatting types unbound (as in
    /// the real-code check, which builds classic projects without their NuGet packages): <c>file.LocalFileName</c> has an
    /// unknown type, so the compiler binds no <c>File.Move</c> (an invalid operation with <c>File.Move</c> as its
    /// candidate) and the pack never saw the write (session 17, h-s17).
    /// </summary>
    [Fact]
    public Task WebApiMultipartUpload_MovedIntoServedFolder_WithUnboundFormatting_ReportedAsync() =>
        LineFindings.VerifyUnboundAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading.Tasks;
        using System.Web;

        public class clsUpload
        {
            public async Task<string> GrabaArchivo(bool Actualizar)
            {
                string root = HttpContext.Current.Server.MapPath("~/Archivos");
                var provider = new MultipartFormDataStreamProvider(root);
                try
                {
                    await Task.Yield();
                    foreach (MultipartFileData file in provider.FileData)
                    {
                        String fileName = file.Headers.ContentDisposition.FileName;
                        if (fileName.Contains(@"/"))
                        {
                            fileName = Path.GetFileName(fileName);
                        }

                        if (File.Exists(Path.Combine(root, fileName)))
                        {
                            File.Delete(file.LocalFileName);
                        }
                        else
                        {
                            File.Move(file.LocalFileName, Path.Combine(root, fileName)); //! SSA0006
                        }
                    }

                    return "ok";
                }
                catch (Exception e)
                {
                    return e.Message;
                }
            }
        }
        """, TestFramework.NetFramework48, "MultipartFormDataStreamProvider", "MultipartFileData");

    [Fact]
    public Task FileWriteWithUnboundArgument_IntoServedFolder_ReportedAsync() =>
        LineFindings.VerifyUnboundAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), """
        using System.IO;
        using System.Web;

        public class Evidence
        {
            public void Store(MultipartFileData file, ScannedReport report, string name)
            {
                string root = HttpContext.Current.Server.MapPath("~/Archivos");
                File.Copy(file.LocalFileName, Path.Combine(root, name)); //! SSA0006
                File.WriteAllBytes(root + "/" + name + ".pdf", report.Bytes); //! SSA0006
                File.WriteAllText(Path.Combine(root, name + ".txt"), report.Text, report.Encoding); //! SSA0006
            }
        }
        """, TestFramework.NetFramework48, "MultipartFileData", "ScannedReport");

    [Fact]
    public Task FileCallWithUnboundArgument_ReadOrPrivateFolderOrNotAPath_NotReportedAsync() =>
        LineFindings.VerifyUnboundAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), """
        using System.IO;
        using System.Web;

        public class Evidence
        {
            public void Store(MultipartFileData file, ScannedReport report, string name)
            {
                string root = HttpContext.Current.Server.MapPath("~/Archivos");
                File.Delete(file.LocalFileName);
                File.Move(file.LocalFileName, Path.Combine(HttpContext.Current.Server.MapPath("~/App_Data"), name));
                File.Move(Path.Combine(root, name), file.LocalFileName);
                File.WriteAllBytes(report.Path, File.ReadAllBytes(Path.Combine(root, name)));
                var bytes = File.ReadAllBytes(report.Path);
                report.Bytes = File.ReadAllBytes(Path.Combine(root, name));
            }
        }
        """, TestFramework.NetFramework48, "MultipartFileData", "ScannedReport");
}
