using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 in classic ASP.NET when the folder handed to <c>Server.MapPath</c> is named in the project's own
/// <c>web.config</c> (<c>ConfigurationManager.AppSettings["key"]</c>, <c>WebConfigurationManager.AppSettings</c>): the
/// value there is the virtual path, read as the literal it is, directly or through a local, a field or a property
/// (issue #21, held-out set 8: an HR app saving employees' documents under <c>~/Upload/Resources/…</c>). Not read: a key
/// the application's web.config does not hold, one only a subfolder's web.config holds, one a transform changes.
/// A folder IIS keeps from anonymous users (IIS URL authorization, or ASP.NET's when it runs for every request) is not
/// served to them.
/// </summary>
public class SSA0006AppSettingsFolderTests
{
    private const string AppSettings = """
        <configuration>
          <appSettings>
            <add key="EmployeeDocument" value="~/Upload/Resources/EmployeeDocument/" />
            <add key="VisaFolder" value="~/Upload/Visa" />
            <add key="PrivateFolder" value="~/App_Data/Contracts/" />
            <add key="OutsideFolder" value="D:\HR\Files\" />
            <add key="GalleryFolder" value="~/Upload/Gallery/" />
            <add key="Folder1" value="~/Upload/Photos/" />
            <add key="Folder2" value="/CallCenter/Avatars/" />
            <add key="Removed" value="~/Upload/Removed/" />
            <remove key="Removed" />
          </appSettings>
          {0}
        </configuration>
        """;

    private static string WebConfig(string more = "") => AppSettings.Replace("{0}", more);

    private static Task VerifyAsync(string source, params (string Path, string Text)[] files) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48,
            files.Length == 0 ? [("/app/Web.config", WebConfig())] : files);

    /// <summary>The HR app's shape: a local set to the setting after an empty start, then <c>MapPath</c> of it.</summary>
    [Fact]
    public Task SettingThroughALocal_IsTheVirtualPath_ReportedAsync() => VerifyAsync("""
        using System;
        using System.Configuration;
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class EmployeeFilesController : Controller
        {
            [HttpPost]
            public ActionResult Upload()
            {
                string folder = string.Empty;
                string fileName = string.Empty;
                if (Request.Files.Count > 0)
                {
                    folder = ConfigurationManager.AppSettings["EmployeeDocument"].ToString();
                    HttpPostedFileBase file = Request.Files[0];
                    fileName = string.Format("{0}_{1}{2}", Path.GetFileNameWithoutExtension(file.FileName), DateTime.Now.Ticks, Path.GetExtension(file.FileName));
                    string path = Path.Combine(HttpContext.Server.MapPath(folder), fileName);
                    file.SaveAs(path); //! SSA0006
                }

                return Json(fileName);
            }
        }
        """);

    /// <summary>Both configuration managers, read in place, through <c>Get</c>, a static field and a property.</summary>
    [Fact]
    public Task SettingInPlaceOrThroughFieldOrProperty_ReportedAsync() => VerifyAsync("""
        using System.Configuration;
        using System.IO;
        using System.Web;
        using System.Web.Configuration;
        using System.Web.Mvc;

        public class VisaController : Controller
        {
            private static readonly string VisaRoot = ConfigurationManager.AppSettings["VisaFolder"];
            private readonly string _documents;

            public VisaController() => _documents = WebConfigurationManager.AppSettings["EmployeeDocument"];

            private string Documents => ConfigurationManager.AppSettings.Get("EmployeeDocument");

            [HttpPost]
            public ActionResult Save(HttpPostedFileBase scan, int employeeId)
            {
                scan.SaveAs(Server.MapPath(WebConfigurationManager.AppSettings["VisaFolder"] + "/" + employeeId + ".pdf")); //! SSA0006
                scan.SaveAs(Path.Combine(Server.MapPath(VisaRoot), Path.GetFileName(scan.FileName))); //! SSA0006
                scan.SaveAs(Path.Combine(Server.MapPath(_documents), Path.GetFileName(scan.FileName))); //! SSA0006
                scan.SaveAs(Path.Combine(Server.MapPath(Documents), Path.GetFileName(scan.FileName))); //! SSA0006
                scan.SaveAs(Server.MapPath($"{Documents}{employeeId}.pdf")); //! SSA0006
                return View();
            }
        }
        """);

    /// <summary>
    /// Not a served folder: App_Data, a physical folder outside the site (MapPath takes virtual paths only), a key the
    /// web.config does not hold or removes, a key read from a value that is not constant, and public media by the
    /// setting's name or value (a value from the site's root starts with the application's virtual directory, whose
    /// name, here "CallCenter", says nothing of the folder).
    /// </summary>
    [Fact]
    public Task SettingNotAServedFolderOrUnknown_NotReportedAsync() => VerifyAsync("""
        using System.Configuration;
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class DocumentsController : Controller
        {
            [HttpPost]
            public ActionResult Save(HttpPostedFileBase contract, string key)
            {
                var name = Path.GetFileName(contract.FileName);
                contract.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["PrivateFolder"]), name));
                contract.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["OutsideFolder"]), name));
                contract.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["MissingFolder"]), name));
                contract.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["Removed"]), name));
                contract.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings[key]), name));
                contract.SaveAs(Path.Combine(ConfigurationManager.AppSettings["OutsideFolder"], name));
                return View();
            }
        }

        public class MediaController : Controller
        {
            [HttpPost]
            public ActionResult Picture(HttpPostedFileBase upload)
            {
                var gallery = ConfigurationManager.AppSettings["GalleryFolder"];
                upload.SaveAs(Path.Combine(Server.MapPath(gallery), Path.GetFileName(upload.FileName)));
                upload.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["Folder1"]), Path.GetFileName(upload.FileName)));
                upload.SaveAs(Path.Combine(Server.MapPath(ConfigurationManager.AppSettings["Folder2"]), Path.GetFileName(upload.FileName)));
                return View();
            }
        }
        """);

    private const string EmployeeDocumentWrite = """
        using System.Configuration;
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class EmployeeFilesController : Controller
        {
            [HttpPost]
            public ActionResult Upload(HttpPostedFileBase file)
            {
                var folder = ConfigurationManager.AppSettings["EmployeeDocument"];
                file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName))); //? served
                file.SaveAs(Server.MapPath("~/Upload/Resources/EmployeeDocument/" + Path.GetFileName(file.FileName))); //? served
                return View();
            }
        }
        """;

    private static string Expect(bool served) =>
        EmployeeDocumentWrite.Replace("//? served", served ? "//! SSA0006" : "");

    /// <summary>IIS URL authorization denying anonymous users on the folder (or above it): IIS does not serve it to them.</summary>
    [Theory]
    [InlineData("""<location path="Upload"><system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer></location>""")]
    [InlineData("""<location path="Upload/Resources/EmployeeDocument"><system.webServer><security><authorization><remove users="*" /><add accessType="Allow" roles="HR" /></authorization></security></system.webServer></location>""")]
    [InlineData("""<system.webServer><modules runAllManagedModulesForAllRequests="true" /></system.webServer><location path="Upload"><system.web><authorization><deny users="?" /></authorization></system.web></location>""")]
    public Task FolderDeniedToAnonymousUsers_NotReportedAsync(string more) =>
        VerifyAsync(Expect(served: false), ("/app/Web.config", WebConfig(more)));

    /// <summary>
    /// Still served: ASP.NET's authorization alone (it runs for managed handlers only, not for the files beside them),
    /// a location on another folder, a key that only a subfolder's web.config holds (the application's settings are the
    /// root's), and the same key in the root file beside a Views/web.config.
    /// </summary>
    [Theory]
    [InlineData("""<location path="Upload"><system.web><authorization><deny users="?" /></authorization></system.web></location>""")]
    [InlineData("""<location path="Upload/Visa"><system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer></location>""")]
    public Task FolderNotDeniedToAnonymousUsers_ReportedAsync(string more) =>
        VerifyAsync(Expect(served: true), ("/app/Web.config", WebConfig(more)));

    [Fact]
    public Task KeyOnlyInASubfolderWebConfig_NotReadAsync() =>
        VerifyAsync(Expect(served: true).Replace("""file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName))); //! SSA0006""",
                "file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName)));")
            .Replace("\"EmployeeDocument\"", "\"ViewsFolder\""),
            ("/app/Web.config", WebConfig()),
            ("/app/Views/Web.config", """<configuration><appSettings><add key="ViewsFolder" value="~/Upload/Views/" /></appSettings></configuration>"""));

    [Fact]
    public Task SubfolderWebConfigBesideTheRoot_RootValueReadAsync() =>
        VerifyAsync(Expect(served: true),
            ("/app/Web.config", WebConfig()),
            ("/app/Views/Web.config", """<configuration><appSettings><add key="EmployeeDocument" value="~/App_Data/x/" /></appSettings></configuration>"""));

    /// <summary>A transform that sets the key to another value: which one is deployed is not known, so neither is read.</summary>
    [Fact]
    public Task KeyChangedByATransform_NotReadAsync() =>
        VerifyAsync(Expect(served: true).Replace("""file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName))); //! SSA0006""",
                "file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName)));"),
            ("/app/Web.config", WebConfig()),
            ("/app/Web.Release.config", """
                <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
                  <appSettings>
                    <add key="EmployeeDocument" value="~/App_Data/EmployeeDocument/" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />
                  </appSettings>
                </configuration>
                """));

    /// <summary>A transform that sets the key to the same value changes nothing.</summary>
    [Fact]
    public Task KeySetToTheSameValueByATransform_ReadAsync() =>
        VerifyAsync(Expect(served: true),
            ("/app/Web.config", WebConfig()),
            ("/app/Web.Release.config", """
                <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
                  <appSettings>
                    <add key="EmployeeDocument" value="~/Upload/Resources/EmployeeDocument/" xdt:Transform="SetAttributes" xdt:Locator="Match(key)" />
                  </appSettings>
                </configuration>
                """));

    /// <summary>Without any web.config the setting is unknown, and the literal alone is read.</summary>
    [Fact]
    public Task NoWebConfig_OnlyTheLiteralReportedAsync() =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(),
            Expect(served: true).Replace("""file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName))); //! SSA0006""",
                "file.SaveAs(Path.Combine(Server.MapPath(folder), Path.GetFileName(file.FileName)));"),
            TestFramework.NetFramework48);
}
