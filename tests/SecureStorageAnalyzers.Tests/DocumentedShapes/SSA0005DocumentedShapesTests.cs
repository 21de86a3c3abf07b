using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.DocumentedShapes;

/// <summary>
/// Shapes docs/rules/SSA0005.md names, each reported and not reported. Asserted by line (<see cref="LineFindings"/>):
/// a line ending in <c>//! SSA0005</c> gets the finding, every other line none.
/// </summary>
public class SSA0005DocumentedShapesTests
{
    private static Task VerifyAsync(string source) => LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), source);

    [Fact]
    public Task SendFileAsync_FileChosenByTheRequest_ReportedAsync() => VerifyAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a/{name}", async (string name, HttpContext context) => await context.Response.SendFileAsync(Path.Combine("/srv/recordings", name))); //! SSA0005
        app.MapGet("/b", async (HttpContext context) => await context.Response.SendFileAsync("/srv/recordings/" + context.Request.Query["file"])); //! SSA0005
        app.Run();
        """);

    [Fact]
    public Task SendFileAsync_FixedFileOrAuthorized_NotReportedAsync() => VerifyAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/terms/{lang}", async (string lang, HttpContext context) => await context.Response.SendFileAsync("/srv/public/terms.pdf"));
        app.MapGet("/a/{name}", async (string name, HttpContext context) => await context.Response.SendFileAsync(Path.Combine("/srv/recordings", name))).RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task RazorPageHandlers_ReportedUnlessAuthorizedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class RecordingModel : PageModel
        {
            public IActionResult OnGet(string name) => PhysicalFile(Path.Combine("/srv/recordings", name), "audio/mpeg"); //! SSA0005

            public IActionResult OnGetTerms() => PhysicalFile("/srv/public/terms.pdf", "application/pdf");
        }

        public class ScanModel : PageModel
        {
            [AllowAnonymous]
            public IActionResult OnGetScan([FromQuery] string file) => File(System.IO.File.OpenRead("/srv/scans/" + file), "application/pdf"); //! SSA0005
        }

        [Authorize]
        public class SecuredModel : PageModel
        {
            public IActionResult OnGet(string name) => PhysicalFile(Path.Combine("/srv/recordings", name), "audio/mpeg");
        }
        """);

    [Fact]
    public Task RazorPageHandlers_UnderAFallbackPolicy_NotReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public static class Setup
        {
            public static void Configure(IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }

        public class RecordingModel : PageModel
        {
            public IActionResult OnGet(string name) => PhysicalFile(Path.Combine("/srv/recordings", name), "audio/mpeg");
        }
        """);

    [Fact]
    public Task FileResultTypes_Created_ReportedWhenTheRequestChoosesAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class DownloadsController : ControllerBase
        {
            public IActionResult Physical(string name) => new PhysicalFileResult(Path.Combine("/srv/exports", name), "application/pdf"); //! SSA0005

            public IActionResult Stream([FromQuery] string name) => new FileStreamResult(System.IO.File.OpenRead("/srv/exports/" + name), "application/pdf"); //! SSA0005

            public IActionResult Fixed(string name) => new PhysicalFileResult("/srv/public/terms.pdf", "application/pdf") { FileDownloadName = name };

            public IActionResult FixedStream() => new FileStreamResult(System.IO.File.OpenRead("/srv/public/terms.pdf"), "application/pdf");
        }
        """);

    [Fact]
    public Task FileResultTypes_InMinimalApis_ReportedWhenTheRequestChoosesAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a/{name}", (string name) => new PhysicalFileResult("/srv/exports/" + name, "application/pdf")); //! SSA0005
        app.MapGet("/b/{name}", (string name) => new PhysicalFileResult("/srv/exports/" + name, "application/pdf")).RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task EndpointAllowAnonymous_OverridesItsGroupsRequireAuthorizationAsync() => VerifyAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        var files = app.MapGroup("/files").RequireAuthorization();
        files.MapGet("/open/{name}", (string name) => Results.File("/srv/files/" + name)).AllowAnonymous(); //! SSA0005
        files.MapGet("/closed/{name}", (string name) => Results.File("/srv/files/" + name));
        app.MapGroup("/inline").RequireAuthorization().MapGet("/{name}", (string name) => Results.File("/srv/inline/" + name)).AllowAnonymous(); //! SSA0005
        app.MapGroup("/inline2").RequireAuthorization().MapGet("/{name}", (string name) => Results.File("/srv/inline/" + name));
        var open = app.MapGroup("/public").AllowAnonymous();
        open.MapGet("/{name}", (string name) => Results.File("/srv/public/" + name)).RequireAuthorization(); //! SSA0005
        app.Run();
        """);

    [Fact]
    public Task AsParameters_MemberChoosesTheFile_ReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/r/{name}", ([AsParameters] RecordingRequest request) => Results.File(Path.Combine("/srv/recordings", request.Name))); //! SSA0005
        app.MapGet("/q", ([AsParameters] QueryRequest request) => Results.File("/srv/recordings/" + request.File)); //! SSA0005
        app.MapGet("/s/{name}", ([AsParameters] RecordingRequest request) => Results.File(Path.Combine("/srv/recordings", request.Name))).RequireAuthorization();
        app.MapGet("/t/{name}", ([AsParameters] RecordingRequest request) => Results.File(Path.Combine(request.Environment.ContentRootPath, "terms.pdf")));
        app.Run();

        record struct RecordingRequest(string Name, [FromServices] IWebHostEnvironment Environment);

        class QueryRequest
        {
            [FromQuery(Name = "f")]
            public string File { get; set; } = "";
        }
        """);

    [Fact]
    public Task UploadedFileName_IsARequestValueAsync() => VerifyAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/u", (IFormFile upload) => Results.File(Path.Combine("/srv/uploads", upload.FileName))); //! SSA0005
        app.MapPost("/v", (IFormFileCollection uploads) => Results.File(Path.Join("/srv/uploads", uploads[0].FileName))); //! SSA0005
        app.MapPost("/w", (IFormFile upload) => Results.File(Path.Combine("/srv/uploads", Path.GetRandomFileName())));
        app.MapPost("/x", (IFormFile upload) => Results.File("/srv/public/receipt.pdf", "application/pdf", fileDownloadName: upload.FileName));
        app.MapPost("/y", (IFormFile upload) => Results.File(Path.Combine("/srv/uploads", upload.FileName))).RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task PathJoin_IsFollowedLikePathCombineAsync() => VerifyAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGet("/a/{name}", (string name) => Results.File(Path.Join("/srv/recordings", name))); //! SSA0005
        app.MapGet("/b/{name}", (string name) =>
        {
            var path = Path.Join("/srv", "recordings", name + ".mp3");
            return Results.File(path, "audio/mpeg"); //! SSA0005
        });
        app.MapGet("/c/{name}", (string name) => Results.File(Path.Join("/srv/recordings", "index.mp3")));
        app.Run();
        """);
}
