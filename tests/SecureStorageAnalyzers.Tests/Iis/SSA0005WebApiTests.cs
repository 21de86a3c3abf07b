using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// SSA0005 in classic ASP.NET Web API 2 (held-out set 9, a payroll backend): an <c>[AllowAnonymous]</c> action of an
/// <c>ApiController</c> that answers with <c>new ByteArrayContent(File.ReadAllBytes(MapPath("~/attachments/") + filename))</c>
/// or a <c>StreamContent</c> of a file the parameter names. Web API 2 is a package the mirror does not serve: bound here
/// through a stand-in with its real names, and unbound (its controller base and attributes unresolved), as a build
/// without its restore sees it. System.Net.Http is part of the .NET Framework 4.8 references either way.
/// </summary>
public class SSA0005WebApiTests
{
    private const string WebApi = """
        namespace System.Web.Http
        {
            public abstract class ApiController { }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public sealed class AllowAnonymousAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public class AuthorizeAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class HttpGetAttribute : System.Attribute { }

            [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
            public sealed class RouteAttribute : System.Attribute
            {
                public RouteAttribute(string template) { }
            }
        }
        """;

    private const string Controllers = """
        using System.IO;
        using System.Net;
        using System.Net.Http;
        using System.Web;
        using System.Web.Http;

        public class EmployeeKioskController : ApiController
        {
            [HttpGet, AllowAnonymous, Route("api/employee/downloadAttachment")]
            public HttpResponseMessage DownloadFile(string filename)
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK);
                string filePath = HttpContext.Current.Server.MapPath("~/attachments/employees/") + filename;
                if (!File.Exists(filePath))
                {
                    response.StatusCode = HttpStatusCode.NotFound;
                    return response;
                }

                byte[] bytes = File.ReadAllBytes(filePath);
                response.Content = new ByteArrayContent(bytes); //! SSA0005
                return response;
            }

            [HttpGet, AllowAnonymous, Route("api/employee/stream")]
            public HttpResponseMessage Stream(string name) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(File.OpenRead(Path.Combine(@"D:\payslips", name))) }; //! SSA0005

            [HttpGet, Route("api/employee/gated")]
            public HttpResponseMessage Gated(string filename) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(HttpContext.Current.Server.MapPath("~/attachments/") + filename)) };

            [HttpGet, AllowAnonymous, Route("api/employee/manual")]
            public HttpResponseMessage Manual(string language) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(HttpContext.Current.Server.MapPath("~/manual.pdf"))) };

            [HttpGet, AllowAnonymous, Route("api/employee/checked")]
            public HttpResponseMessage Checked(string filename)
            {
                if (!User.Identity.IsAuthenticated)
                {
                    return new HttpResponseMessage(HttpStatusCode.Unauthorized);
                }

                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(HttpContext.Current.Server.MapPath("~/attachments/") + filename)) };
            }

            private System.Security.Principal.IPrincipal User => HttpContext.Current.User;
        }

        [AllowAnonymous]
        public class PublicDocumentsController : ApiController
        {
            public HttpResponseMessage Get(string name) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(@"D:\documents\" + name)) }; //! SSA0005

            private HttpResponseMessage Helper(string name) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(@"D:\documents\" + name)) };
        }

        public class NotAController
        {
            [AllowAnonymous]
            public HttpResponseMessage Get(string name) =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(@"D:\documents\" + name)) };
        }
        """;

    /// <summary>
    /// Bound (the package restored): the anonymous attachment download and a stream of a named payslip are reported, and
    /// so is any action of a controller marked [AllowAnonymous]; an action without [AllowAnonymous] (a global filter may
    /// cover it), a fixed file, an action that checks the user, a private helper and a class that is no controller are not.
    /// </summary>
    [Fact]
    public Task AnonymousActionSendsTheNamedFile_Bound_ReportedAsync() =>
        LineFindings.VerifyWithLibraryAsync(new SSA0005AnonymousFileEndpointAnalyzer(), Controllers, WebApi, TestFramework.NetFramework48, "System.Web.Http");

    /// <summary>The same code with Web API 2 unresolved (its base class and attributes are error types): the same findings.</summary>
    [Fact]
    public Task AnonymousActionSendsTheNamedFile_Unbound_ReportedAsync() =>
        LineFindings.VerifyUnboundAsync(new SSA0005AnonymousFileEndpointAnalyzer(), Controllers, TestFramework.NetFramework48,
            "Http", "ApiController", "HttpGetAttribute", "HttpGet", "AllowAnonymousAttribute", "AllowAnonymous", "RouteAttribute", "Route");

    /// <summary>
    /// Unresolved types of other names: a controller deriving from an unresolved <c>ApiControllerBase</c> of another
    /// library, and an unresolved attribute named <c>AllowAnonymousAccess</c>: neither is Web API's, so nothing.
    /// </summary>
    [Fact]
    public Task OtherUnresolvedNames_NotReportedAsync() =>
        LineFindings.VerifyUnboundAsync(new SSA0005AnonymousFileEndpointAnalyzer(), """
            using System.IO;
            using System.Net;
            using System.Net.Http;
            using Vendor.Web;

            public class FilesController : ApiControllerBase
            {
                [AllowAnonymous]
                public HttpResponseMessage Get(string name) =>
                    new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(@"D:\documents\" + name)) };
            }

            public class DocumentsController : ApiController
            {
                [AllowAnonymousAccess]
                public HttpResponseMessage Get(string name) =>
                    new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(File.ReadAllBytes(@"D:\documents\" + name)) };
            }
            """, TestFramework.NetFramework48, "Vendor", "ApiControllerBase", "ApiController", "AllowAnonymousAttribute", "AllowAnonymous",
            "AllowAnonymousAccessAttribute", "AllowAnonymousAccess");
}
