using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 in a classic ASP.NET project whose Entity Framework 6 model the build cannot bind (held-out set 13: the
/// package is not restored, so <c>db.Records.Find(id)</c> has an error type, and so has every member read off it). A
/// <c>Path.Combine</c> given such a value fails overload resolution and is an invalid operation; the folder beside it is
/// still the resolved <c>Server.MapPath</c> of a served folder, and the write under it is reported. Only a call whose
/// every candidate is a string or path helper is followed: an unknown library's method handed the folder is not.
/// </summary>
public class SSA0006UnboundEntityPathTests
{
    private const string Model = """
        using System.Data.Entity;
        using System.IO;
        using System.Web;

        public class Attachment { public int UnitId { get; set; } public int PlanId { get; set; } public string Code { get; set; } }

        public class ReviewEntities : DbContext
        {
            public virtual DbSet<Attachment> Attachments { get; set; }
        }

        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyUnboundAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), Model + source, TestFramework.NetFramework48,
            "Entity", "DbContext", "DbSet<>", "ArchiveClient");

    [Fact]
    public Task CombineOfServedMapPathAndUnboundEntityName_ReportedAtTheWriteAsync() => VerifyAsync("""
        public class AttachmentsController
        {
            private readonly ReviewEntities db = new ReviewEntities();

            public void Upload(int id)
            {
                HttpFileCollection posted = HttpContext.Current.Request.Files;
                var record = db.Attachments.Find(id);
                string virtualFolder = "/REVIEW_FILES/" + record.UnitId + "/" + record.PlanId + "/" + record.Code;
                string folder = HttpContext.Current.Server.MapPath(virtualFolder);
                Directory.CreateDirectory(folder);
                for (int i = 0; i < posted.Count; i++)
                {
                    HttpPostedFile file = posted[i];
                    var extension = Path.GetExtension(file.FileName);
                    var name = record.Code + (i + 1).ToString() + extension;
                    var target = Path.Combine(folder, name);
                    file.SaveAs(target); //! SSA0006
                    file.SaveAs(string.Concat(folder, "/", record.Code, extension)); //! SSA0006
                }

                // The virtual path itself combined with the unbound code: its first part names the served folder.
                string byCode = HttpContext.Current.Server.MapPath(Path.Combine("~/REVIEW_FILES", record.Code));
                posted[0].SaveAs(Path.Combine(byCode, posted[0].FileName)); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task UnboundNameUnderPrivateOrUnknownFolder_NotReportedAsync() => VerifyAsync("""
        public class PrivateAttachmentsController
        {
            private readonly ReviewEntities db = new ReviewEntities();
            private readonly ArchiveClient archive = null;

            public void Upload(int id)
            {
                HttpPostedFile file = HttpContext.Current.Request.Files[0];
                var record = db.Attachments.Find(id);
                var name = record.Code + Path.GetExtension(file.FileName);

                // App_Data is hidden by IIS: the unbound name changes nothing.
                string hidden = HttpContext.Current.Server.MapPath("~/App_Data/Review");
                file.SaveAs(Path.Combine(hidden, name));
                string hiddenByCode = HttpContext.Current.Server.MapPath(Path.Combine("~/App_Data", record.Code));
                file.SaveAs(Path.Combine(hiddenByCode, file.FileName));

                // The folder itself is unbound (read off the entity): no resolved root, nothing to report.
                var unknownFolder = Path.Combine(record.Code, name);
                file.SaveAs(unknownFolder);

                // An unknown library's method handed the served folder: what it returns is not known to be under it.
                string served = HttpContext.Current.Server.MapPath("~/Uploads");
                string placed = archive.PlaceUnder(served, name);
                file.SaveAs(placed);
            }
        }
        """);
}
