using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.StoredContent;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Public media by what the application's own views show (issue #21, held-out set 8): an HR tool writes skill badges,
/// asset pictures and avatars under <c>~/Upload/SkillSets/</c>, <c>~/Upload/Resources/</c>, …, and nothing in its code
/// says image; only its Razor views do (<c>&lt;img src="~/Upload/SkillSets/@item.Picture"&gt;</c>). A write into exactly a
/// folder the views render as pictures (an <c>img</c>'s <c>src</c> or a CSS <c>url(…)</c> whose file name comes from the
/// model) is not reported; a subfolder, a fixed image, a link, a private word or no view keep the finding.
/// </summary>
public class SSA0006ViewImageFoldersTests
{
    private const string WebConfig = """
        <configuration>
          <appSettings>
            <add key="SkillSetFilePath" value="~/Upload/SkillSets/" />
            <add key="ResourceFilePath" value="~/Upload/Resources/" />
            <add key="EmployeeDocument" value="~/Upload/Resources/EmployeeDocument/" />
          </appSettings>
        </configuration>
        """;

    private const string SkillViews = """
        @model IEnumerable<Skill>
        @foreach (var item in Model)
        {
            <span><img class="img-layout" src="~/Upload/SkillSets/@item.Picture" width="60px" /></span><p>@item.Name</p>
        }
        <img src="~/Upload/Resources/@ViewBag.Avatar" class="md-user-image" />
        """;

    private static string ClassicController(string key, string method = "SavData") => $$"""
        using System;
        using System.Configuration;
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class SkillsController : Controller
        {
            public ActionResult {{method}}(int id, string name)
            {
                string FilePath = string.Empty;
                string fileName = string.Empty;
                if (Request.Files.Count > 0)
                {
                    FilePath = ConfigurationManager.AppSettings["{{key}}"].ToString();
                    HttpPostedFileBase hpf = Request.Files[0] as HttpPostedFileBase;
                    fileName = string.Format("{0}_{1}{2}", Path.GetFileNameWithoutExtension(hpf.FileName), DateTime.Now.ToString("ddMMyyyyhhmmss"), Path.GetExtension(hpf.FileName));
                    string path = Path.Combine(HttpContext.Server.MapPath(FilePath), fileName);
                    hpf.SaveAs(path);MARK
                }

                return Json(fileName);
            }
        }
        """;

    private static Task VerifyClassicAsync(string source, params (string Path, string Text)[] views) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48,
            [("/app/Web.config", WebConfig), .. views]);

    [Fact]
    public Task ClassicSettingFolder_TheViewsShowAsPictures_NotReportedAsync() =>
        VerifyClassicAsync(ClassicController("SkillSetFilePath").Replace("MARK", ""), ("/app/Views/Skills/_List.cshtml", SkillViews));

    [Fact]
    public Task ClassicAvatarFolder_TheViewsShowAsPictures_NotReportedAsync() =>
        VerifyClassicAsync(ClassicController("ResourceFilePath", "ImageData").Replace("MARK", ""), ("/app/Views/Shared/_Header.cshtml", SkillViews));

    /// <summary>The views show <c>~/Upload/Resources/</c>; the documents go to a subfolder of it, which no view shows.</summary>
    [Fact]
    public Task ClassicSubfolderOfAPictureFolder_ReportedAsync() =>
        VerifyClassicAsync(ClassicController("EmployeeDocument").Replace("MARK", " //! SSA0006"), ("/app/Views/Shared/_Header.cshtml", SkillViews));

    [Fact]
    public Task ClassicWithoutViews_ReportedAsync() =>
        VerifyClassicAsync(ClassicController("SkillSetFilePath").Replace("MARK", " //! SSA0006"));

    /// <summary>A fixed picture of the folder or a download link says nothing of what the code writes there.</summary>
    [Fact]
    public Task ClassicFixedPictureOrLink_ReportedAsync() =>
        VerifyClassicAsync(ClassicController("SkillSetFilePath").Replace("MARK", " //! SSA0006"), ("/app/Views/Skills/Index.cshtml", """
            <img src="~/Upload/SkillSets/default.png" />
            <a href="~/Upload/SkillSets/@Model.File">Download</a>
            """));

    private const string CoreController = """
        using Microsoft.AspNetCore.Mvc;

        public class ProductsController : Controller
        {
            private readonly IWebHostEnvironment _env;

            public ProductsController(IWebHostEnvironment env) => _env = env;

            [HttpPost]
            public async Task<IActionResult> Save(IFormFile upload)
            {
                var fileName = Guid.NewGuid() + Path.GetExtension(upload.FileName);
                var target = Path.Combine(_env.WebRootPath, "uploads", fileName);
                await using var stream = new FileStream(target, FileMode.Create);MARK1
                await upload.CopyToAsync(stream);
                return Ok(fileName);
            }

            [HttpPost]
            public async Task<IActionResult> SaveCv(IFormFile cvFile)
            {
                var fileName = Guid.NewGuid() + Path.GetExtension(cvFile.FileName);
                await using var stream = new FileStream(Path.Combine(_env.WebRootPath, "uploads", fileName), FileMode.Create); //! SSA0006
                await cvFile.CopyToAsync(stream);
                return Ok(fileName);
            }

            [HttpPost]
            public async Task<IActionResult> SaveOther(IFormFile upload)
            {
                var fileName = Guid.NewGuid() + Path.GetExtension(upload.FileName);
                await using var stream = new FileStream(Path.Combine(_env.WebRootPath, "uploads", "other", fileName), FileMode.Create); //! SSA0006
                await upload.CopyToAsync(stream);
                return Ok(fileName);
            }
        }
        """;

    private static Task VerifyCoreAsync(string source, params (string Path, string Text)[] views) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.AspNetCore10, views);

    /// <summary>
    /// ASP.NET Core, an <c>asp-append-version</c> image: the folder's upload is public media; a CV (a private word) in the
    /// same folder and a write into another folder are reported.
    /// </summary>
    [Fact]
    public Task CoreImgTag_SameFolderOnly_PrivateWordStillReportedAsync() =>
        VerifyCoreAsync(CoreController.Replace("MARK1", ""), ("/app/Views/Products/Index.cshtml", """
            @foreach (var p in Model)
            {
                <img src="~/uploads/@p.Photo" asp-append-version="true" alt="@p.Name" />
            }
            """));

    [Fact]
    public Task CoreCssBackground_NotReportedAsync() =>
        VerifyCoreAsync(CoreController.Replace("MARK1", ""), ("/app/Pages/Index.cshtml", """
            <div class="card" style="background-image: url('/uploads/@item.Cover')"></div>
            """));

    [Fact]
    public Task CoreRazorComponentExpression_NotReportedAsync() =>
        VerifyCoreAsync(CoreController.Replace("MARK1", ""), ("/app/Components/ProductCard.razor", """
            <img src="@($"uploads/{Product.Photo}")" />
            """));

    [Fact]
    public Task CoreWithoutViews_ReportedAsync() =>
        VerifyCoreAsync(CoreController.Replace("MARK1", " //! SSA0006"));

    [Theory]
    [InlineData("<img src=\"~/Upload/SkillSets/@item.Picture\" />", "upload/skillsets")]
    [InlineData("<IMG class=\"x\" SRC='/uploads/products/@Model.File'>", "uploads/products")]
    [InlineData("<img src=\"@Url.Content(\"~/Upload/Assets/\" + item.Picture)\" />", "upload/assets")]
    [InlineData("<img data-src=\"images/gallery/@p.Name\">", "images/gallery")]
    [InlineData("<div style=\"background: url(~/covers/@Model.Cover) no-repeat\"></div>", "covers")]
    public void Collect_FolderOfAnImageWhoseNameComesFromTheModel(string view, string folder)
    {
        var folders = new List<string>();
        ViewImageFolders.Collect(view, folders);
        Assert.Equal([folder], folders);
    }

    [Theory]
    [InlineData("<img src=\"~/Upload/SkillSets/default.png\" />")]
    [InlineData("<img src=\"@Model.PhotoPath\" />")]
    [InlineData("<img src=\"~/@item.Picture\" />")]
    [InlineData("<img src=\"https://cdn.example.com/u/@item.Picture\" />")]
    [InlineData("<a href=\"~/Upload/Documents/@item.File\">file</a>")]
    [InlineData("<image-cropper src=\"~/tmp/@x\" />")]
    public void Collect_NothingFromFixedImagesLinksOrWholeModelPaths(string view)
    {
        var folders = new List<string>();
        ViewImageFolders.Collect(view, folders);
        Assert.Empty(folders);
    }
}
