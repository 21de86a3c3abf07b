using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Public methods of a controller or page model that ASP.NET Core does not route to are no endpoints: an override of
/// <c>ControllerBase.File</c>/<c>PhysicalFile</c> that forwards to the base (the base methods are <c>[NonAction]</c>,
/// and the attribute is inherited by the override), a method marked <c>[NonAction]</c> or <c>[NonHandler]</c>, a generic
/// method. A public action next to them is still an endpoint.
/// </summary>
public class SSA0005NonActionTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer(), source);

    [Fact]
    public Task OverridesOfTheFileResultHelpers_AreNoActionsAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [Route("api/reports")]
        public class ReportsController : ControllerBase
        {
            public override VirtualFileResult File(string virtualPath, string contentType)
            {
                return base.File(virtualPath, contentType);
            }

            public override PhysicalFileResult PhysicalFile(string physicalPath, string contentType, string fileDownloadName)
            {
                return base.PhysicalFile(physicalPath, contentType, fileDownloadName);
            }

            [NonAction]
            public IActionResult Send(string path) => PhysicalFile(path, "application/pdf");

            public IActionResult Generic<T>(string path) => PhysicalFile(path, "application/pdf");

            [HttpGet("{name}")]
            public IActionResult Get(string name) => PhysicalFile(Path.Combine("/srv/reports", name), "application/pdf"); //! SSA0005
        }
        """);

    [Fact]
    public Task PageModelMethodMarkedNonHandler_IsNoHandlerAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class ReportModel : PageModel
        {
            [NonHandler]
            public IActionResult Send(string path) => PhysicalFile(path, "application/pdf");

            public IActionResult OnGet(string name) => PhysicalFile(Path.Combine("/srv/reports", name), "application/pdf"); //! SSA0005
        }
        """);
}
