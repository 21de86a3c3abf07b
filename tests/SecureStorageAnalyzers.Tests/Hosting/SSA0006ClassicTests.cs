using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 in classic ASP.NET (net48 reference assemblies): the application folder is the web root, so a runtime
/// write under <c>Server.MapPath("~/…")</c>, <c>HostingEnvironment.MapPath("~/…")</c> or the base directory is served
/// by IIS, except under App_Data and the other hidden segments.
/// </summary>
public class SSA0006ClassicTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task HandlerWrites_UnderServedFolders_ReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                var id = Guid.NewGuid().ToString("N");
                file.SaveAs(context.Server.MapPath("~/uploads/" + file.FileName)); //! SSA0006
                File.WriteAllText(HostingEnvironment.MapPath("~/exports/last.csv"), "a,b"); //! SSA0006
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs", "today.txt"), "x"); //! SSA0006
                File.WriteAllText(Path.Combine(HttpRuntime.AppDomainAppPath, "reports/today.txt"), "x"); //! SSA0006
                File.WriteAllText(Path.Combine(context.Server.MapPath("~"), "notes", "n.txt"), "x"); //! SSA0006
                var folder = context.Server.MapPath("/recordings");
                File.WriteAllBytes(Path.Combine(folder, "call.wav"), new byte[0]); //! SSA0006
            }

            public bool IsReusable => false;
        }
        """);

    /// <summary>
    /// An ASP.NET MVC 5 controller: <c>Server</c> is the controller's <c>HttpServerUtilityBase</c> and the upload an
    /// <c>HttpPostedFileBase</c> (the real-code check's class "MVC 5 types unbound" until the harness bound the package).
    /// </summary>
    [Fact]
    public Task Mvc5Controller_WritesUnderServedFolder_ReportedAndUnderAppData_NotAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class ResumeController : Controller
        {
            [HttpPost]
            public ActionResult Create(HttpPostedFileBase photo, HttpPostedFileBase cv)
            {
                photo.SaveAs(Path.Combine(Server.MapPath("~/Uploads"), Path.GetFileName(photo.FileName))); //! SSA0006
                cv.SaveAs(Server.MapPath("~/Uploads/cv/" + cv.FileName)); //! SSA0006
                cv.SaveAs(Server.MapPath("~/App_Data/cv/" + Guid.NewGuid().ToString("N")));
                return RedirectToAction("Index");
            }
        }
        """);

    /// <summary>
    /// A virtual path made by <c>string.Format</c> (held-out set 16: a Web Forms upload handler saving each prospect's
    /// documents under <c>MapPath(string.Format("Archivos/{0}", id))</c>): the format's text is where the path starts.
    /// A format that starts in App_Data, or with a hole, says nothing served.
    /// </summary>
    [Fact]
    public Task HandlerWrites_UnderAFormattedVirtualPath_ReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                var folder = context.Session["id"].ToString();
                string path = context.Server.MapPath(string.Format("Archivos/{0}", folder));
                file.SaveAs(path + "/" + file.FileName); //! SSA0006
                file.SaveAs(context.Server.MapPath(string.Format("~/Uploads/{0}/{1}", folder, file.FileName))); //! SSA0006
                file.SaveAs(context.Server.MapPath(string.Format("~/App_Data/{0}/{1}", folder, file.FileName)));
                file.SaveAs(context.Server.MapPath(string.Format("{0}/{1}", context.Request.QueryString["root"], file.FileName)));
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task HandlerWrites_UnderHiddenSegmentsOrReads_NotReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                file.SaveAs(context.Server.MapPath("~/App_Data/uploads/" + Guid.NewGuid().ToString("N")));
                file.SaveAs(context.Server.MapPath("~/app_data/" + Guid.NewGuid().ToString("N")));
                File.WriteAllText(HostingEnvironment.MapPath("~/App_Data/exports/last.csv"), "a,b");
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "App_Data", "today.txt"), "x");
                File.WriteAllText(Path.Combine(context.Server.MapPath("~"), "App_Data", "n.txt"), "x");
                var text = File.ReadAllText(context.Server.MapPath("~/content/terms.txt"));
                context.Response.TransmitFile(context.Server.MapPath("~/downloads/brochure.pdf"));
                var dynamicPath = context.Request.QueryString["p"];
                File.WriteAllText(context.Server.MapPath(dynamicPath), "x");
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, dynamicPath), "x");
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "x.txt"), "x");
            }

            public bool IsReusable => false;
        }
        """);

    /// <summary>Writes under each hidden segment the analyzer knows, and one under a served folder.</summary>
    private const string HiddenSegmentWrites = """
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                file.SaveAs(context.Server.MapPath("~/App_Data/uploads/" + Path.GetFileName(file.FileName))); //? App_Data
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "App_Data", "today.txt"), "x"); //? App_Data
                File.WriteAllText(HostingEnvironment.MapPath("~/bin/plugin.txt"), "x"); //? bin
                File.WriteAllText(HostingEnvironment.MapPath("~/exports/last.csv"), "a,b"); //! SSA0006
            }

            public bool IsReusable => false;
        }
        """;

    /// <summary>The source with <c>//? segment</c> turned into <c>//! SSA0006</c> for the segments the web.config un-hides.</summary>
    private static string Expect(params string[] unhidden)
    {
        var lines = HiddenSegmentWrites.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var marker = lines[i].LastIndexOf("//? ", StringComparison.Ordinal);
            if (marker >= 0)
            {
                var segment = lines[i].Substring(marker + 4).Trim();
                lines[i] = lines[i].Substring(0, marker) + (unhidden.Contains(segment) ? "//! SSA0006" : "");
            }
        }

        return string.Join("\n", lines);
    }

    private static string HiddenSegments(string entries, string? location = null)
    {
        var filtering = $"<system.webServer><security><requestFiltering><hiddenSegments>{entries}</hiddenSegments></requestFiltering></security></system.webServer>";
        return location is null
            ? $"<configuration>{filtering}</configuration>"
            : $"<configuration><location path=\"{location}\">{filtering}</location></configuration>";
    }

    [Theory]
    [InlineData("""<remove segment="App_Data" />""", new[] { "App_Data" })]
    [InlineData("""<remove segment="app_data" />""", new[] { "App_Data" })]
    [InlineData("""<clear />""", new[] { "App_Data", "bin" })]
    [InlineData("""<clear /><add segment="bin" />""", new[] { "App_Data" })]
    [InlineData("""<remove segment="bin" />""", new[] { "bin" })]
    public Task WebConfigUnhidesASegment_WritesThereAreServed_ReportedAsync(string entries, string[] unhidden) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Expect(unhidden), TestFramework.NetFramework48,
            ("/app/web.config", HiddenSegments(entries)));

    [Theory]
    [InlineData("""<remove segment="App_Data" /><add segment="App_Data" />""", null)]
    [InlineData("""<add segment="recordings" />""", null)]
    [InlineData("""<remove segment="recordings" />""", null)]
    [InlineData("""<remove segment="App_Data" xdt:Transform="Remove" />""", null)]
    [InlineData("""<clear />""", "files")]
    [InlineData("""<remove segment="App_Data" />""", "App_Data/public")]
    public Task WebConfigKeepsTheSegmentsHidden_NotReportedAsync(string entries, string? location) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Expect(), TestFramework.NetFramework48,
            ("/app/web.config", HiddenSegments(entries, location).Replace("<configuration>",
                "<configuration xmlns:xdt=\"http://schemas.microsoft.com/XML-Document-Transform\">")));

    [Fact]
    public Task WebConfigUnhidesAppDataForItsLocation_WritesThereAreServed_ReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Expect("App_Data"), TestFramework.NetFramework48,
            ("/app/web.config", HiddenSegments("""<remove segment="App_Data" />""", "App_Data")));

    [Fact]
    public Task MalformedWebConfig_KeepsTheDefaults_NotReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Expect(), TestFramework.NetFramework48,
            ("/app/web.config", "<configuration><system.webServer><security><requestFiltering><hiddenSegments><clear />"));

    /// <summary>
    /// A path built by <c>HttpContext.Current.Server.MapPath("~/Uploads/" + name)</c> in a helper that another helper
    /// calls: the second level is followed only into a helper that returns a <c>MapPath</c> (issue #21).
    /// </summary>
    [Fact]
    public Task MapPathTwoHelpersDeep_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;

        public static class UploadPaths
        {
            public static string Uploads(string name) => HttpContext.Current.Server.MapPath("~/Uploads/" + name);

            public static string Private(string name) => HttpContext.Current.Server.MapPath("~/App_Data/" + name);

            public static string ForCaller(string phone) => Uploads(phone + ".wav");

            public static string ForReport(string id)
            {
                var name = "report-" + id + ".pdf";
                return Uploads(name);
            }

            public static string Hidden(string phone) => Private(phone + ".wav");
        }

        public class Recorder
        {
            public void Save(HttpPostedFile file, string phone, byte[] pdf, string id)
            {
                file.SaveAs(UploadPaths.ForCaller(phone)); //! SSA0006
                File.WriteAllBytes(UploadPaths.ForReport(id), pdf); //! SSA0006
                file.SaveAs(UploadPaths.Hidden(phone));
            }
        }
        """);

    /// <summary>
    /// Web Forms: the <c>FileUpload</c> control's own <c>SaveAs(filename)</c> stores the upload like
    /// <c>HttpPostedFile.SaveAs</c>, directly and in the page's helper handed the folder (held-out set 10's thesis site).
    /// </summary>
    private const string FileUploadPage = """
        using System;
        using System.IO;
        using System.Threading.Tasks;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class Declarations : Page
        {
            protected FileUpload fuDeclaration;
            protected FileUpload fuDocument;

            protected void Upload(object sender, EventArgs e)
            {
                var name = Guid.NewGuid().ToString("N") + Path.GetExtension(fuDeclaration.FileName);
                fuDeclaration.SaveAs(Server.MapPath("~/Uploads/Declarations/") + name); //! SSA0006
                fuDeclaration.SaveAs(Path.Combine(Server.MapPath("~/App_Data/Declarations/"), name)); //? App_Data
                var targetFolder = Server.MapPath("~/App_Data/Uploads/");
                SaveFile(fuDocument, targetFolder); //? App_Data
                SaveFile(fuDocument, Server.MapPath("~/Documents/")); //! SSA0006
            }

            private async void SaveFile(FileUpload uploadControl, string folderPath)
            {
                var destinationPath = Path.Combine(folderPath, Guid.NewGuid().ToString("N") + Path.GetExtension(uploadControl.FileName));
                await Task.Run(() => uploadControl.SaveAs(destinationPath));
            }
        }
        """;

    private static string FileUploadExpect(bool appDataServed) =>
        FileUploadPage.Replace("//? App_Data", appDataServed ? "//! SSA0006" : "");

    [Fact]
    public Task WebFormsFileUploadSaveAs_UnderServedFolder_ReportedAndUnderAppData_NotAsync() =>
        VerifyAsync(FileUploadExpect(appDataServed: false));

    [Fact]
    public Task WebFormsFileUploadSaveAs_UnderAppDataTheWebConfigUnhides_ReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), FileUploadExpect(appDataServed: true), TestFramework.NetFramework48,
            ("/app/web.config", HiddenSegments("""<remove segment="App_Data" />""")));

    /// <summary>The control's other members read the upload (its bytes, its stream, its name): no write.</summary>
    [Fact]
    public Task WebFormsFileUploadReads_NotReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class Preview : Page
        {
            protected FileUpload fuPhoto;

            protected void Show(object sender, System.EventArgs e)
            {
                var bytes = fuPhoto.FileBytes;
                var length = fuPhoto.FileContent.Length;
                var posted = fuPhoto.PostedFile.FileName;
                var copy = Server.MapPath("~/Uploads/" + Path.GetFileName(fuPhoto.FileName));
                var exists = File.Exists(copy);
            }
        }
        """);

    /// <summary>
    /// A picture by what the page does with it (held-out set 14's admin master page): the file saved under
    /// <c>~/Uploads/</c> is the one the same method shows in an <c>Image</c> control (<c>imgPreview.ImageUrl</c>, by the
    /// same file name): a profile picture, public media. A page that links the file (<c>HyperLink.NavigateUrl</c>) or shows
    /// another file keeps the finding.
    /// </summary>
    [Fact]
    public Task WebFormsUpload_ShownInAnImageControl_NotReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public class MasterPage : System.Web.UI.MasterPage
        {
            protected FileUpload FileUpload1;
            protected Image imgPreview;
            protected HyperLink lnkFile;

            protected void Upload(object sender, EventArgs e)
            {
                string fileName = Path.GetFileName(FileUpload1.FileName);
                string savePath = Server.MapPath("~/Uploads/") + fileName;
                FileUpload1.SaveAs(savePath);
                string relativePath = "~/Uploads/" + fileName;
                imgPreview.ImageUrl = relativePath;
            }

            protected void Attach(object sender, EventArgs e)
            {
                string fileName = Path.GetFileName(FileUpload1.FileName);
                FileUpload1.SaveAs(Server.MapPath("~/Uploads/") + fileName); //! SSA0006
                lnkFile.NavigateUrl = "~/Uploads/" + fileName;
                imgPreview.ImageUrl = "~/images/default.png";
            }
        }
        """);
}
