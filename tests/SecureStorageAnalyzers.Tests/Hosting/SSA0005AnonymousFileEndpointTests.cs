using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0005AnonymousFileEndpointTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";
    private const string Marked = "it is marked AllowAnonymous";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    [Fact]
    public async Task MinimalApi_RouteValueChoosesTheFile_NoAuthorization_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(app.Environment.ContentRootPath, "recordings");
            {|#2:app.MapGet("/recordings/{name}", (string name) => Results.{|#0:File(Path.Combine(root, {|#1:name|}), "audio/mpeg")|})|};
            {|#5:app.MapGet("/stream", (HttpRequest request) => Results.{|#3:Stream(File.OpenRead(Path.Combine(root, {|#4:request.Query["file"]|}!)))|})|};
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Results.Stream", "read from the request's IQueryCollection", Nothing));
    }

    [Fact]
    public async Task ExplicitAllowAnonymous_IsReportedEvenWithAFallbackPolicyAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.UseAuthorization();
            {|#2:app.MapGet("/exports/{file}", (string file) => TypedResults.{|#0:PhysicalFile("/srv/exports/" + {|#1:file|})|}).AllowAnonymous()|};
            app.MapGet("/scans/{id}", [{|#5:AllowAnonymous|}] (Guid id) => Results.{|#3:File($"/srv/scans/{{|#4:id|}}.pdf")|});
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("TypedResults.PhysicalFile", "the parameter 'file'", Marked),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Results.File", "the parameter 'id'", Marked));
    }

    [Fact]
    public async Task Controllers_AttributesOnActionClassAndBase_AllowAnonymousWinsAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public abstract class SecuredController : Controller { }

            public class DocumentsController : SecuredController
            {
                public IActionResult Get(string name) => PhysicalFile(Path.Combine("/srv/docs", name), "application/pdf");

                [{|#2:AllowAnonymous|}]
                public IActionResult Public([FromQuery] string name) => {|#0:PhysicalFile(Path.Combine("/srv/docs", {|#1:name|}), "application/pdf")|};
            }

            public class UploadsController : ControllerBase
            {
                public IActionResult {|#5:Download|}(string fileName) => {|#3:File(new FileStream("/srv/uploads/" + {|#4:fileName|}, FileMode.Open), "application/octet-stream")|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("PhysicalFile", "the parameter 'name'", Marked),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("File", "the parameter 'fileName'", Nothing));
    }

    [Fact]
    public async Task AuthorizedByConventionGroupFallbackOrGlobalFilter_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/a/{name}", (string name) => Results.File("/srv/a/" + name)).RequireAuthorization();
            app.MapGet("/b/{name}", [Authorize] (string name) => Results.File("/srv/b/" + name));
            var files = app.MapGroup("/files").RequireAuthorization();
            files.MapGet("/{name}", (string name) => Results.File("/srv/c/" + name));
            var docs = app.MapGroup("/docs");
            docs.RequireAuthorization("Staff");
            docs.MapGet("/{name}", (string name) => Results.File("/srv/d/" + name));
            app.MapGroup("/e").RequireAuthorization().MapGet("/{name}", (string name) => Results.File("/srv/e/" + name));
            app.Run();
            """);

        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Authorization;

            public static class Setup
            {
                public static void Configure(IServiceCollection services) =>
                    services.AddControllers(o => o.Filters.Add(new AuthorizeFilter()));
            }

            public class DocumentsController : Controller
            {
                public IActionResult Get(string name) => PhysicalFile(Path.Combine("/srv/docs", name), "application/pdf");
            }
            """);
    }

    [Fact]
    public async Task FallbackPolicy_AuthorizesEndpointsWithNothingOnThemAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.UseAuthorization();
            app.MapGet("/recordings/{name}", (string name) => Results.File("/srv/recordings/" + name, "audio/mpeg"));
            app.Run();
            """);
    }

    [Fact]
    public async Task FixedFilesServicesAndDevelopmentOnly_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/terms", () => Results.File("/srv/public/terms.pdf", "application/pdf"));
            app.MapGet("/logo", (IWebHostEnvironment env) => Results.File(Path.Combine(env.WebRootPath, "logo.png"), "image/png"));
            app.MapGet("/report/{name}", (string name) => Results.File("/srv/public/report.pdf", "application/pdf", fileDownloadName: name + ".pdf"));
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug/{name}", (string name) => Results.File("/tmp/" + name));
            }

            app.Run();
            """);
    }

    [Fact]
    public async Task MethodGroupHandlers_JudgedWhereTheyAreMappedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var app = WebApplication.CreateBuilder(args).Build();
            {|#2:app.MapGet("/recordings/{name}", Recordings.Get)|};
            app.MapGet("/secure/{name}", Recordings.GetSecure).RequireAuthorization();
            {|#5:app.MapGet("/local/{name}", GetLocal)|};
            app.MapGet("/marked/{name}", Recordings.GetMarked).RequireAuthorization();
            app.Run();

            IResult GetLocal(string name) => Results.{|#3:File("/srv/local/" + {|#4:name|})|};

            static class Recordings
            {
                public static IResult Get(string name) => Results.{|#0:File(Path.Combine("/srv/recordings", {|#1:name|}), "audio/mpeg")|};
                public static IResult GetSecure(string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg");
                [{|#8:AllowAnonymous|}]
                public static IResult GetMarked(string name) => Results.{|#6:File("/srv/marked/" + {|#7:name|})|};

                // Never mapped: a helper called with values the model cannot follow, not an endpoint.
                public static IResult Unmapped(string name) => Results.File("/srv/other/" + name);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("Results.File", "the parameter 'name'", Marked));
    }

    [Fact]
    public async Task MethodGroupHandler_MappedSeveralTimes_OneFindingAtTheFirstAnonymousMappingAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/secure/{name}", Recordings.Get).RequireAuthorization();
            {|#2:app.MapGet("/recordings/{name}", Recordings.Get)|};
            app.MapGet("/old/{name}", Recordings.Get);
            app.Run();

            static class Recordings
            {
                public static IResult Get(string name) => Results.{|#0:File(Path.Combine("/srv/recordings", {|#1:name|}), "audio/mpeg")|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'name'", Nothing));
    }

    [Fact]
    public async Task PathCombine_ManySegments_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            {|#2:app.MapGet("/r/{name}", (string name) => Results.{|#0:File(Path.Combine("/srv", "calls", "2024", "05", {|#1:name|}))|})|};
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'name'", Nothing));
    }

    [Fact]
    public async Task MethodGroupHandler_UnderFallbackPolicy_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.UseAuthorization();
            app.MapGet("/recordings/{name}", Recordings.Get);
            app.Run();

            static class Recordings
            {
                public static IResult Get(string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg");
            }
            """);
    }

    private const string CompanySecurity = """

        namespace Company
        {
            public static class Security
            {
                public static TBuilder RequireStaff<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
                public static IServiceCollection AddCompanyAuthorization(this IServiceCollection services) => services;
            }

            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Class)]
            public class StaffOnlyAttribute : System.Attribute { }

            public sealed class AuditorsOnlyAttribute : StaffOnlyAttribute { }
        }
        """;

    private const string CompanyProgram = """
        using Company;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        {|#2:app.MapGet("/a/{name}", (string name) => Results.{|#0:File("/srv/a/" + {|#1:name|})|})|}.RequireStaff();
        {|#5:app.MapGet("/b/{name}", [StaffOnly] (string name) => Results.{|#3:File("/srv/b/" + {|#4:name|})|})|};
        {|#8:app.MapGroup("/c").RequireStaff().MapGet("/{name}", [AuditorsOnly] (string name) => Results.{|#6:File("/srv/c/" + {|#7:name|})|})|};
        app.Run();
        """;

    [Fact]
    public async Task ProjectAuthorizationHelpers_UnknownUntilConfiguredAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync(CompanyProgram + CompanySecurity,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("Results.File", "the parameter 'name'", Nothing));
    }

    [Theory]
    [InlineData("ssa.authorization_methods = Company.Security.RequireStaff\nssa.authorization_attributes = Company.StaffOnlyAttribute")]
    [InlineData("ssa.fallback_policy_methods = Company.Security.AddCompanyAuthorization")]
    public async Task ProjectAuthorizationHelpers_ConfiguredInEditorConfig_NotReportedAsync(string editorConfig)
    {
        var source = editorConfig.Contains("fallback", StringComparison.Ordinal)
            ? CompanyProgram.Replace("var app = builder.Build();", "builder.Services.AddCompanyAuthorization();\nvar app = builder.Build();", StringComparison.Ordinal)
            : CompanyProgram;
        var test = new VerifyCS.Test(source + CompanySecurity);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig.Replace("\\n", "\n", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingIsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class Tool { public byte[] Read(string name) => System.IO.File.ReadAllBytes(name); }
            """, TestFramework.NoAspNetCore);
    }
}

public class SSA0005AnonymousFileEndpointCodeFixTests
{
    /// <summary>SSA0005 is judged at the end of the compilation: its diagnostics are non-local.</summary>
    private static async Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = new SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
            SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer,
            SecureStorageAnalyzers.CodeFixes.Hosting.SSA0005AnonymousFileEndpointCodeFixProvider>.Test(source, fixedSource)
        {
            CodeActionEquivalenceKey = SecureStorageAnalyzers.CodeFixes.Hosting.SSA0005AnonymousFileEndpointCodeFixProvider.RequireAuthorizationKey,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task MinimalApis_GetRequireAuthorization_FixAllAsync()
    {
        await VerifyFixAsync("""
            using Microsoft.AspNetCore.Authorization;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/a/{name}", (string name) => Results.[|File("/srv/a/" + name)|]);
            app.MapGet("/b/{name}", (string name) => Results.[|File("/srv/b/" + name)|]).AllowAnonymous();
            app.MapGet("/c/{name}", [AllowAnonymous] (string name) => Results.[|File("/srv/c/" + name)|]);
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/a/{name}", (string name) => Results.File("/srv/a/" + name)).RequireAuthorization();
            app.MapGet("/b/{name}", (string name) => Results.File("/srv/b/" + name)).RequireAuthorization();
            app.MapGet("/c/{name}", [Authorize] (string name) => Results.File("/srv/c/" + name));
            app.Run();
            """);
    }

    [Fact]
    public async Task MethodGroupHandlers_MapCallGetsRequireAuthorizationAsync()
    {
        await VerifyFixAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/recordings/{name}", Recordings.Get);
            app.MapGet("/local/{name}", GetLocal);
            app.Run();

            IResult GetLocal(string name) => Results.[|File("/srv/local/" + name)|];

            static class Recordings
            {
                public static IResult Get(string name) => Results.[|File(Path.Combine("/srv/recordings", name), "audio/mpeg")|];
            }
            """, """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/recordings/{name}", Recordings.Get).RequireAuthorization();
            app.MapGet("/local/{name}", GetLocal).RequireAuthorization();
            app.Run();

            IResult GetLocal(string name) => Results.File("/srv/local/" + name);

            static class Recordings
            {
                public static IResult Get(string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg");
            }
            """);
    }

    [Fact]
    public async Task Actions_GetAuthorize_FixAllAsync()
    {
        await VerifyFixAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public class DocumentsController : Controller
            {
                public IActionResult Get(string name) => [|PhysicalFile("/srv/docs/" + name, "application/pdf")|];

                [AllowAnonymous]
                public IActionResult Public(string name) => [|PhysicalFile("/srv/public/" + name, "application/pdf")|];
            }
            """, """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public class DocumentsController : Controller
            {
                [Authorize]
                public IActionResult Get(string name) => PhysicalFile("/srv/docs/" + name, "application/pdf");

                [Authorize]
                public IActionResult Public(string name) => PhysicalFile("/srv/public/" + name, "application/pdf");
            }
            """);
    }
}
