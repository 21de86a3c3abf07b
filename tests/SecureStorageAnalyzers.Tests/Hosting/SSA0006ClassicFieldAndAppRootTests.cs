using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 in classic ASP.NET, held-out set 13 (DucDA177/NP_KDCL, a Web API 2 project): a folder held in an instance
/// field whose initializer is <c>HttpContext.Current.Server.MapPath("~/…")</c>, and a folder mapped from an app-root
/// path (<c>"/HOSOMINHCHUNG/" + …</c>, a leading "/" rather than "~/") through locals.
/// </summary>
public class SSA0006ClassicFieldAndAppRootTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task FieldInitializedWithMapPath_SaveAsUnderIt_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;

        public class ThuVienTaiLieuController
        {
            private readonly string BasePath = HttpContext.Current.Server.MapPath("~/ThuVienTaiLieu/");
            private readonly string PrivatePath = HttpContext.Current.Server.MapPath("~/App_Data/ThuVienTaiLieu/");

            public string SaveFile(HttpFileCollection requestedFiles)
            {
                string link = "/ThuVienTaiLieu/";
                if (!Directory.Exists(BasePath))
                    Directory.CreateDirectory(BasePath);
                if (requestedFiles.Count <= 0)
                    return null;
                HttpPostedFile postedfile = requestedFiles[0];
                if (postedfile.ContentLength > 0)
                {
                    var fileSavePath = Path.Combine(BasePath, postedfile.FileName);
                    if (File.Exists(fileSavePath))
                    {
                        File.Delete(fileSavePath);
                    }
                    postedfile.SaveAs(fileSavePath); //! SSA0006
                    postedfile.SaveAs(Path.Combine(PrivatePath, postedfile.FileName));
                    link += postedfile.FileName;
                }
                return link;
            }
        }
        """);

    [Fact]
    public Task AppRootPathMappedThroughLocals_SaveAsUnderIt_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;

        public class MinhChung { public int IdDonVi; public int IdKeHoachTDG; public string Ma; public string DuongDanFile; }

        public class MinhChungController
        {
            public void UploadFileMinhChung(MinhChung mc)
            {
                HttpFileCollection httpRequest = HttpContext.Current.Request.Files;
                string _folderpath = "/HOSOMINHCHUNG/"
                    + mc.IdDonVi + "/" + mc.IdKeHoachTDG + "/" + mc.Ma;
                string folderpath = HttpContext.Current.Server.MapPath(_folderpath);
                if (!Directory.Exists(folderpath))
                    Directory.CreateDirectory(folderpath);
                for (int i = 0; i <= httpRequest.Count - 1; i++)
                {
                    HttpPostedFile postedfile = httpRequest[i];
                    if (postedfile.ContentLength > 0)
                    {
                        var extension = Path.GetExtension(postedfile.FileName);
                        var fileName = mc.Ma + (i + 1).ToString() + extension;
                        var fileSavePath = Path.Combine(folderpath, fileName);
                        if (File.Exists(fileSavePath))
                        {
                            File.Delete(fileSavePath);
                        }
                        postedfile.SaveAs(fileSavePath); //! SSA0006
                        var privatePath = HttpContext.Current.Server.MapPath("/App_Data/" + mc.Ma);
                        postedfile.SaveAs(Path.Combine(privatePath, fileName));
                        postedfile.SaveAs(Path.Combine("C:/data/" + mc.Ma, fileName));
                    }
                }
                mc.DuongDanFile = _folderpath;
            }
        }
        """);
}
