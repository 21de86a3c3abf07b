using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CodeFixes;

/// <summary>
/// Issue #20: a fix must keep the program finding its files. Each test puts a write and the read of the same files in
/// the program and asserts the whole fixed source: the write, the read and the paths between them come out unchanged,
/// only the exposure goes. (SSA0001: SSA0001AnonymousStaticFilesCodeFixTests; SSA0006: SSA0006DoNotWriteUnderWebRootTests;
/// SSA0101: SSA0101PersonalIdentifierInStoragePathCodeFixTests.)
/// </summary>
public class WriteThenReadFixTests
{
    [Fact]
    public async Task SSA0002_UploadThenFileServer_StillServesTheFilesWithoutTheListingAsync()
    {
        await CSharpCodeFixVerifier<SSA0002DoNotEnableDirectoryBrowsingAnalyzer, SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider>.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var exports = Path.Combine(app.Environment.ContentRootPath, "exports");
            app.MapPost("/exports/{day}", async (string day, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(exports, day + ".csv"));
                await request.Body.CopyToAsync(file);
            });
            app.[|UseFileServer(enableDirectoryBrowsing: true)|];
            app.MapGet("/exports/{day}/rows", (string day) => File.ReadAllLines(Path.Combine(exports, day + ".csv")).Length);
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var exports = Path.Combine(app.Environment.ContentRootPath, "exports");
            app.MapPost("/exports/{day}", async (string day, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(exports, day + ".csv"));
                await request.Body.CopyToAsync(file);
            });
            app.UseFileServer();
            app.MapGet("/exports/{day}/rows", (string day) => File.ReadAllLines(Path.Combine(exports, day + ".csv")).Length);
            app.Run();
            """, SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey);
    }

    [Fact]
    public async Task SSA0003_UploadThenStaticFiles_KnownTypesServedAsBeforeAsync()
    {
        await CSharpCodeFixVerifier<SSA0003DoNotServeUnknownFileTypesAnalyzer, SSA0003DoNotServeUnknownFileTypesCodeFixProvider>.VerifyCodeFixAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordings = Path.Combine(app.Environment.ContentRootPath, "recordings");
            app.MapPost("/recordings/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(recordings, id + ".mp3"));
                await request.Body.CopyToAsync(file);
            }).RequireAuthorization();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(recordings),
                RequestPath = "/recordings",
                [|ServeUnknownFileTypes = true|],
            });
            app.Run();
            """, """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var recordings = Path.Combine(app.Environment.ContentRootPath, "recordings");
            app.MapPost("/recordings/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(recordings, id + ".mp3"));
                await request.Body.CopyToAsync(file);
            }).RequireAuthorization();
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(recordings),
                RequestPath = "/recordings",
                ServeUnknownFileTypes = false,
            });
            app.Run();
            """, SSA0003DoNotServeUnknownFileTypesCodeFixProvider.SetFalseKey);
    }

    [Fact]
    public async Task SSA0005_UploadThenDownloadEndpoint_SameFileForSignedInUsersAsync()
    {
        var test = new CSharpCodeFixVerifier<SSA0005AnonymousFileEndpointAnalyzer, SSA0005AnonymousFileEndpointCodeFixProvider>.Test("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            var scans = Path.Combine(app.Environment.ContentRootPath, "scans");
            app.MapPost("/scans/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(scans, id + ".pdf"));
                await request.Body.CopyToAsync(file);
                return Results.Created($"/scans/{id}", null);
            }).RequireAuthorization();
            app.MapGet("/scans/{id}", (string id) => Results.[|File(Path.Combine(scans, id + ".pdf"), "application/pdf")|]);
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            var scans = Path.Combine(app.Environment.ContentRootPath, "scans");
            app.MapPost("/scans/{id:guid}", async (Guid id, HttpRequest request) =>
            {
                await using var file = File.Create(Path.Combine(scans, id + ".pdf"));
                await request.Body.CopyToAsync(file);
                return Results.Created($"/scans/{id}", null);
            }).RequireAuthorization();
            app.MapGet("/scans/{id}", (string id) => Results.File(Path.Combine(scans, id + ".pdf"), "application/pdf")).RequireAuthorization();
            app.Run();
            """)
        {
            CodeActionEquivalenceKey = SSA0005AnonymousFileEndpointCodeFixProvider.RequireAuthorizationKey,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        await test.RunAsync();
    }

    /// <summary>
    /// The static-files analyzers' primary location may be the whole call or its member name through the end of its
    /// argument list (<c>UseDirectoryBrowser("/recordings")</c>): the fixers find the call either way and make the same change.
    /// </summary>
    [Theory]
    [InlineData("SSA0001")]
    [InlineData("SSA0002")]
    public async Task Fixers_FindTheCall_FromTheMemberNameThroughTheArgumentListAsync(string id)
    {
        const string source = """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" });
            app.UseDirectoryBrowser("/recordings");
            app.UseFileServer(enableDirectoryBrowsing: true);
            app.Run();
            """;
        var document = new AdhocWorkspace().AddProject("Web", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(TestReferences.AspNetCore)
            .AddDocument("GlobalUsings.g.cs", TestSetup.WebGlobalUsings).Project
            .AddDocument("Program.cs", source);
        var compilation = await document.Project.GetCompilationAsync();
        DiagnosticAnalyzer analyzer = id == "SSA0001" ? new SSA0001AnonymousStaticFilesAnalyzer() : new SSA0002DoNotEnableDirectoryBrowsingAnalyzer();
        CodeFixProvider fixer = id == "SSA0001" ? new SSA0001AnonymousStaticFilesCodeFixProvider() : new SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider();
        var findings = (await compilation!.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id && d.Location.IsInSource).ToList();
        Assert.NotEmpty(findings);
        var tree = await document.GetSyntaxTreeAsync();
        var root = await tree!.GetRootAsync();
        var checkedCalls = 0;
        foreach (var finding in findings)
        {
            if (root.FindNode(finding.Location.SourceSpan) is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                {
                    Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access,
                } call)
            {
                continue;
            }

            var narrowed = Diagnostic.Create(finding.Descriptor,
                Location.Create(tree, TextSpan.FromBounds(access.Name.SpanStart, call.ArgumentList.Span.End)),
                finding.AdditionalLocations, finding.Properties);
            var expected = await FixedTextsAsync(document, finding, fixer);
            Assert.Equal(expected, await FixedTextsAsync(document, narrowed, fixer));
            checkedCalls += expected.Count > 0 ? 1 : 0;
        }

        Assert.True(checkedCalls > 0, $"no {id} finding on a call with a fix");
    }

    private static async Task<List<string>> FixedTextsAsync(Document document, Diagnostic diagnostic, CodeFixProvider fixer)
    {
        var texts = new List<string>();
        foreach (var action in await CodeFixOffers.ActionsAsync(document, diagnostic, fixer))
        {
            var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            texts.Add(action.EquivalenceKey + ":" + (await changed.GetDocument(document.Id)!.GetTextAsync()));
        }

        return texts;
    }
}
