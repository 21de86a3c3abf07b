using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// SSA0005 in classic ASP.NET (net48 reference assemblies): a handler or page that sends the file a request value
/// names, without checking the user, and with no web.config deny for anonymous users.
/// </summary>
public class SSA0005ClassicTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task HandlersAndPages_SendingTheRequestedFile_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using System.Web;
        using System.Web.UI;

        public class Recording : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var name = context.Request.QueryString["file"];
                context.Response.ContentType = "audio/wav";
                context.Response.TransmitFile(context.Server.MapPath("~/recordings/" + name)); //! SSA0005
            }

            public bool IsReusable => false;
        }

        public class Export : HttpTaskAsyncHandler
        {
            public override Task ProcessRequestAsync(HttpContext context)
            {
                context.Response.BinaryWrite(File.ReadAllBytes(Path.Combine(@"D:\exports", context.Request.Form["name"]))); //! SSA0005
                return Task.CompletedTask;
            }
        }

        public class Download : Page
        {
            protected void Page_Load(object sender, System.EventArgs e)
            {
                Response.WriteFile(@"D:\calls\" + Request.Params["id"] + ".wav"); //! SSA0005
                Response.TransmitFile(Request["path"]); //! SSA0005
            }
        }

        public class Invoice : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var path = Path.Combine(@"D:\invoices", context.Request.QueryString["name"]);
                var bytes = File.ReadAllBytes(path);
                context.Response.ContentType = "application/pdf";
                context.Response.BinaryWrite(bytes); //! SSA0005
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task BinaryWriteOfBytesNotReadFromTheRequestedFile_NotReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Text;
        using System.Web;

        public class Echo : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var text = Encoding.UTF8.GetBytes(context.Request.QueryString["text"]);
                context.Response.BinaryWrite(text);
                var logo = File.ReadAllBytes(context.Server.MapPath("~/Content/logo.png"));
                context.Response.BinaryWrite(logo);
                byte[] empty = new byte[0];
                context.Response.BinaryWrite(empty);
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task UserCheckedFixedFileOrNoHandler_NotReportedAsync() => VerifyAsync("""
        using System.Web;

        public class Recording : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                if (!context.User.Identity.IsAuthenticated)
                {
                    context.Response.StatusCode = 401;
                    return;
                }

                context.Response.TransmitFile(context.Server.MapPath("~/App_Data/recordings/" + context.Request.QueryString["file"]));
            }

            public bool IsReusable => false;
        }

        public class Staff : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                if (!context.User.IsInRole("Agents")) { context.Response.StatusCode = 403; return; }
                context.Response.TransmitFile(@"D:\calls\" + context.Request.QueryString["id"]);
            }

            public bool IsReusable => false;
        }

        public class Brochure : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                context.Response.TransmitFile(context.Server.MapPath("~/downloads/brochure.pdf"));
            }

            public bool IsReusable => false;
        }

        public class NotAHandler
        {
            public void Send(HttpResponse response, HttpRequest request) => response.TransmitFile(request.QueryString["f"]);
        }
        """);

    [Fact]
    public async Task WebConfigDeniesAnonymous_NotReportedAsync()
    {
        var test = new CSharpAnalyzerVerifier<SSA0005AnonymousFileEndpointAnalyzer>.Test("""
            using System.Web;

            public class Recording : IHttpHandler
            {
                public void ProcessRequest(HttpContext context) => context.Response.TransmitFile(@"D:\calls\" + context.Request.QueryString["id"]);

                public bool IsReusable => false;
            }
            """, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>
            """));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>ASP.NET MVC 5: actions that return the file an action parameter or a request collection names, with no gate.</summary>
    [Fact]
    public Task Mvc5Actions_ReturningTheRequestedFile_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web.Mvc;

        public class RecordingsController : Controller
        {
            public ActionResult Play(string name) =>
                File(Server.MapPath("~/App_Data/recordings/" + name), "audio/wav"); //! SSA0005

            public FileResult Download(int id)
            {
                var path = Path.Combine(@"D:\exports", id + ".xlsx");
                return File(System.IO.File.ReadAllBytes(path), "application/octet-stream"); //! SSA0005
            }

            public ActionResult Stream() =>
                new FileStreamResult(System.IO.File.OpenRead(Server.MapPath("~/App_Data/" + Request.QueryString["f"])), "audio/mpeg"); //! SSA0005

            [AllowAnonymous]
            public ActionResult Open(string file) => File(file, "application/pdf"); //! SSA0005
        }
        """);

    /// <summary>MVC 5's documented gates: [Authorize] on the action, the controller or a base controller, a custom attribute deriving from it, a user check; fixed files; non-actions.</summary>
    [Fact]
    public Task Mvc5Actions_Gated_OrFixedFiles_NotReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web.Mvc;

        public class StaffOnlyAttribute : AuthorizeAttribute
        {
        }

        [Authorize]
        public abstract class SecureController : Controller
        {
        }

        public class CallsController : SecureController
        {
            public ActionResult Play(string name) => File(Server.MapPath("~/App_Data/" + name), "audio/wav");
        }

        [StaffOnly]
        public class ExportsController : Controller
        {
            public ActionResult Get(string name) => File(Path.Combine(@"D:\exports", name), "text/csv");
        }

        public class PublicController : Controller
        {
            [Authorize(Roles = "Doctor")]
            public ActionResult Report(string name) => File(Path.Combine(@"D:\reports", name), "application/pdf");

            public ActionResult Mine(string name)
            {
                if (!User.Identity.IsAuthenticated)
                {
                    return new HttpUnauthorizedResult();
                }

                return File(Path.Combine(@"D:\files", name), "application/pdf");
            }

            public ActionResult Brochure() => File(Server.MapPath("~/Content/brochure.pdf"), "application/pdf");

            [NonAction]
            public ActionResult Helper(string name) => File(name, "text/plain");
        }
        """);

    /// <summary>A global AuthorizeAttribute filter (FilterConfig.RegisterGlobalFilters) gates every action but [AllowAnonymous] ones.</summary>
    [Fact]
    public Task Mvc5GlobalAuthorizeFilter_GatesActions_ButAllowAnonymousAsync() => VerifyAsync("""
        using System.Web.Mvc;

        public static class FilterConfig
        {
            public static void RegisterGlobalFilters(GlobalFilterCollection filters)
            {
                filters.Add(new HandleErrorAttribute());
                filters.Add(new AuthorizeAttribute());
            }
        }

        public class RecordingsController : Controller
        {
            public ActionResult Play(string name) => File(Server.MapPath("~/App_Data/" + name), "audio/wav");

            [AllowAnonymous]
            public ActionResult Shared(string name) => File(Server.MapPath("~/App_Data/shared/" + name), "audio/wav"); //! SSA0005
        }
        """);

    /// <summary>
    /// Entity Framework 6 is not among the test references: its types are declared here with their real names, as the
    /// rule resolves them (the convention of SSA0005RecordLookupTests).
    /// </summary>
    private const string EntityFramework6 = """

        namespace System.Data.Entity
        {
            using System.Collections.Generic;
            using System.Linq;
            using System.Linq.Expressions;
            using System.Threading.Tasks;

            public class DbContext { }

            public abstract class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
            {
                public virtual TEntity Find(params object[] keyValues) => null;
                public virtual Task<TEntity> FindAsync(params object[] keyValues) => null;
                public abstract System.Type ElementType { get; }
                public abstract Expression Expression { get; }
                public abstract IQueryProvider Provider { get; }
                public abstract IEnumerator<TEntity> GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public static class QueryableExtensions
            {
                public static Task<T> FirstOrDefaultAsync<T>(this IQueryable<T> source, Expression<System.Func<T, bool>> predicate) => null;
            }
        }

        public class VoiceMessage
        {
            public int Id { get; set; }
            public string RefrenceCode { get; set; }
            public string Owner { get; set; }
            public string VoicePath { get; set; }
        }

        public class CallsDb : System.Data.Entity.DbContext
        {
            public System.Data.Entity.DbSet<VoiceMessage> Voices { get; set; }
        }
        """;

    /// <summary>
    /// MVC 5 through a record the request value finds (held-out 6, a voicemail console): a predicate lookup over the
    /// project's own repository, Entity Framework 6's Find and FirstOrDefaultAsync, a query operator chain.
    /// </summary>
    [Fact]
    public Task Mvc5Actions_ReturningTheFileOfARecordTheRequestFinds_ReportedAsync() => VerifyAsync("""
        using System.Collections.Generic;
        using System.Data.Entity;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;
        using System.Web.Mvc;

        public class VoiceRepository
        {
            public List<VoiceMessage> GetVoiceMessages() => new List<VoiceMessage>();
        }

        public class VoiceController : Controller
        {
            private readonly VoiceRepository repository = new VoiceRepository();
            private readonly CallsDb db = new CallsDb();

            public ActionResult Play(string referenceCode)
            {
                var voice = repository
                    .GetVoiceMessages()
                    .FirstOrDefault(x => x.RefrenceCode == referenceCode);
                if (voice == null || !System.IO.File.Exists(voice.VoicePath))
                {
                    return new HttpStatusCodeResult(404);
                }

                return File(voice.VoicePath, "audio/wav"); //! SSA0005
            }

            public ActionResult Download(int id)
            {
                var voice = db.Voices.Find(id);
                return File(System.IO.File.ReadAllBytes(voice.VoicePath), "audio/wav"); //! SSA0005
            }

            public async Task<ActionResult> Stream(string code)
            {
                var voice = await db.Voices.FirstOrDefaultAsync(v => v.RefrenceCode.Equals(code));
                return new FilePathResult(Server.MapPath("~/App_Data/" + voice?.VoicePath), "audio/wav"); //! SSA0005
            }

            public ActionResult Latest(string code)
            {
                var path = db.Voices.Where(v => v.RefrenceCode == code).Select(v => v.VoicePath).FirstOrDefault();
                return File(path, "audio/wav"); //! SSA0005
            }
        }
        """ + EntityFramework6);

    /// <summary>
    /// MVC 5 through a lookup, the documented safe forms: the caller's own record (a predicate that also compares the
    /// signed-in user), a record found by the signed-in user or a constant, and the gates the rule already knows.
    /// </summary>
    [Fact]
    public Task Mvc5Actions_RecordOfTheCallerOrGated_NotReportedAsync() => VerifyAsync("""
        using System.Linq;
        using System.Web.Mvc;

        public class MyVoiceController : Controller
        {
            private readonly CallsDb db = new CallsDb();

            public ActionResult Play(int id)
            {
                var voice = db.Voices.FirstOrDefault(v => v.Id == id && v.Owner == User.Identity.Name);
                return File(voice.VoicePath, "audio/wav");
            }

            public ActionResult Mine()
            {
                var name = User.Identity.Name;
                var voice = db.Voices.First(v => v.Owner == name);
                return File(voice.VoicePath, "audio/wav");
            }

            public ActionResult Greeting() => File(db.Voices.Find(1).VoicePath, "audio/wav");

            public ActionResult Checked(int id)
            {
                if (!Request.IsAuthenticated)
                {
                    return new HttpUnauthorizedResult();
                }

                return File(db.Voices.Find(id).VoicePath, "audio/wav");
            }
        }

        [Authorize(Roles = "Agents")]
        public class VoicemailController : Controller
        {
            private readonly CallsDb db = new CallsDb();

            public ActionResult Play(string code) =>
                File(db.Voices.First(v => v.RefrenceCode == code).VoicePath, "audio/wav");
        }
        """ + EntityFramework6);

    /// <summary>
    /// The project's own data-access code, not Entity Framework (held-out set 7, a radiology system): a static
    /// <c>Select(id)</c> that reads one row by hand and fills a model, and a repository class of the project; the
    /// record such a method returns for the request's value names the file.
    /// </summary>
    private const string HandWrittenDataAccess = """

        public class Dictation
        {
            public int Number { get; set; }
            public string PatientNumber { get; set; }
            public string Owner { get; set; }
            public string AudioName { get; set; }

            public static Dictation Select(int number)
            {
                string[] row = Database.QueryRow("select * from DICTATION where NUM='" + number + "'");
                var dictation = new Dictation();
                dictation.Number = int.Parse(row[0]);
                dictation.PatientNumber = row[1];
                dictation.AudioName = row[2];
                return dictation;
            }

            public static Dictation SelectForOwner(string owner, int number)
            {
                string[] row = Database.QueryRow("select * from DICTATION where OWNER='" + owner + "' and NUM='" + number + "'");
                return new Dictation { Number = number, Owner = owner, AudioName = row[2] };
            }
        }

        public class DictationRepository
        {
            public Dictation Get(string code) => Dictation.Select(Database.NumberOf(code));

            public System.Threading.Tasks.Task<Dictation> GetAsync(int number) => System.Threading.Tasks.Task.FromResult(Dictation.Select(number));
        }

        public static class Database
        {
            public static string[] QueryRow(string sql) => new string[3];

            public static int NumberOf(string code) => code.Length;
        }
        """;

    /// <summary>
    /// MVC 5: the record the project's own method returns for an action parameter (a static <c>Select(id)</c> over
    /// hand-written data access, a repository's <c>Get(code)</c>, awaited or not) names the file the action returns.
    /// </summary>
    [Fact]
    public Task Mvc5Actions_ReturningTheFileOfARecordTheProjectsMethodReturns_ReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Threading.Tasks;
        using System.Web.Mvc;

        public class DictationController : Controller
        {
            private readonly DictationRepository repository = new DictationRepository();

            public FileResult DownloadFile(int number)
            {
                Dictation dictation = Dictation.Select(number);
                string folder = System.Text.RegularExpressions.Regex.Replace(dictation.PatientNumber, "[^0-9a-zA-Z]+", "");
                string path = Server.MapPath("~/AudioFiles") + "/" + folder + "/" + dictation.AudioName;
                byte[] bytes = System.IO.File.ReadAllBytes(path);
                return File(bytes, System.Net.Mime.MediaTypeNames.Application.Octet, "dictation.wav"); //! SSA0005
            }

            public ActionResult Play(string code) =>
                File(Path.Combine(@"D:\dictations", repository.Get(code).AudioName), "audio/wav"); //! SSA0005

            public async Task<ActionResult> PlayAsync(int number)
            {
                var dictation = await repository.GetAsync(number);
                return new FilePathResult(Path.Combine(@"D:\dictations", dictation.AudioName), "audio/wav"); //! SSA0005
            }
        }
        """ + HandWrittenDataAccess);

    /// <summary>
    /// MVC 5, the project's own method as a lookup, the safe forms: a record found by a constant or by the signed-in
    /// user with the id, a value the action does not take from the request, and the gates the rule already knows
    /// ([Authorize] on the controller, a check of IsAuthenticated).
    /// </summary>
    [Fact]
    public Task Mvc5Actions_ProjectsMethodRecordOfTheCallerConstantOrGated_NotReportedAsync() => VerifyAsync("""
        using System.IO;
        using System.Web.Mvc;

        public class DictationController : Controller
        {
            public ActionResult Greeting() => File(Path.Combine(@"D:\dictations", Dictation.Select(1).AudioName), "audio/wav");

            public ActionResult Mine(int number) =>
                File(Path.Combine(@"D:\dictations", Dictation.SelectForOwner(User.Identity.Name, number).AudioName), "audio/wav");

            public ActionResult Checked(int number)
            {
                if (!Request.IsAuthenticated)
                {
                    return new HttpUnauthorizedResult();
                }

                return File(Path.Combine(@"D:\dictations", Dictation.Select(number).AudioName), "audio/wav");
            }

            public ActionResult Latest()
            {
                var latest = Dictation.Select(Database.NumberOf("latest"));
                return File(Path.Combine(@"D:\dictations", latest.AudioName), "audio/wav");
            }
        }

        [Authorize(Roles = "Radiologists")]
        public class ReportDictationController : Controller
        {
            public FileResult DownloadFile(int number) =>
                File(System.IO.File.ReadAllBytes(Path.Combine(@"D:\dictations", Dictation.Select(number).AudioName)), "audio/wav");
        }
        """ + HandWrittenDataAccess);
}
