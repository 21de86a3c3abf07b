using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Folders the project names once and uses everywhere: a constant of its own static class (<c>WC.CvPath =
/// @"\documents\cv\"</c>) appended to the web root reads as the literal it holds, and a helper of the project that maps a
/// <c>"~/…"</c> literal with <c>Server.MapPath</c> or <c>HostingEnvironment.MapPath</c> is under the web root where it is
/// called. The files written are documents (CVs, contracts), not pictures.
/// </summary>
public class SSA0006ProjectFolderConstantsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    private static Task VerifyClassicAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task AFolderConstantOfTheProject_AppendedToTheWebRoot_IsReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public static class WC
        {
            public const string CvPath = @"\documents\cv\";
            public static readonly string ContractPath = "\\documents\\contracts\\";
            public const string ImagePath = @"\images\product\";
        }

        public class CandidatesController(IWebHostEnvironment env) : Controller
        {
            public IActionResult Upsert(IFormFile file, IFormFile contract)
            {
                string webRootPath = env.WebRootPath;
                string upload = webRootPath + WC.CvPath;
                string fileName = Guid.NewGuid().ToString();
                string extension = Path.GetExtension(file.FileName);
                using (var fileStream = new FileStream(Path.Combine(upload, fileName + extension), FileMode.Create)) //! SSA0006
                {
                    file.CopyTo(fileStream);
                }

                using (var stream = new FileStream(webRootPath + WC.ContractPath + fileName + ".pdf", FileMode.Create)) //! SSA0006
                {
                    contract.CopyTo(stream);
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task APictureUploadIntoAProjectConstantsImageFolder_IsSilentAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public static class WC
        {
            public const string ImagePath = @"\images\product\";
        }

        public class ProductController(IWebHostEnvironment env) : Controller
        {
            public IActionResult Upsert(IFormFile file)
            {
                string upload = env.WebRootPath + WC.ImagePath;
                string fileName = Guid.NewGuid().ToString();
                string extension = Path.GetExtension(file.FileName);
                using (var fileStream = new FileStream(Path.Combine(upload, fileName + extension), FileMode.Create))
                {
                    file.CopyTo(fileStream);
                }

                return Ok();
            }
        }
        """);

    [Fact]
    public Task AHelperThatMapsAVirtualFolder_IsUnderTheWebRootWhereItIsCalledAsync() => VerifyClassicAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;
        using System.Web.Mvc;

        public static class Folders
        {
            public static string Resumes() => HostingEnvironment.MapPath("~/Uploads/Resumes/");
            public static string Contracts(string name) => HttpContext.Current.Server.MapPath("~/Uploads/Contracts/" + name);
            public static string Private() => HostingEnvironment.MapPath("~/App_Data/Resumes/");
            public static string Map(string virtualPath) => HostingEnvironment.MapPath(virtualPath);
        }

        public class ApplicantsController : Controller
        {
            private string ResumeFolder() => Server.MapPath("~/Files/Resumes");

            [HttpPost]
            public ActionResult Apply(HttpPostedFileBase resume, HttpPostedFileBase contract)
            {
                var name = Guid.NewGuid().ToString("N") + Path.GetExtension(resume.FileName);
                resume.SaveAs(Path.Combine(Folders.Resumes(), name)); //! SSA0006
                contract.SaveAs(Folders.Contracts(name)); //! SSA0006
                var folder = ResumeFolder();
                resume.SaveAs(Path.Combine(folder, name)); //! SSA0006
                resume.SaveAs(Path.Combine(Folders.Private(), name));

                // A wrapper of MapPath: the virtual path its caller hands in decides.
                contract.SaveAs(Path.Combine(Folders.Map("~/Uploads/Contracts"), name)); //! SSA0006
                contract.SaveAs(Path.Combine(Folders.Map("~/App_Data/Contracts"), name));
                return View();
            }
        }
        """);
}
