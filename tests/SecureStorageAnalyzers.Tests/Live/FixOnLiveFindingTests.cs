using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// The fix is one click away on the squiggle: through the workspace API, as an editor's light bulb asks, the finding
/// comes from document-scoped analysis of the file being edited, the fixer registers its actions for exactly that
/// diagnostic, one under the expected equivalence key, and applying it leaves code that compiles and no finding of the rule there.
/// </summary>
public class FixOnLiveFindingTests
{
    private const string Recordings = "new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, \"recordings\"))";

    [Fact]
    public Task SSA0001_NoFallbackPolicy_GateOfferedAndAppliedAsync() => FixAsync(
        DiagnosticIds.PrivateFilesServedAnonymously, new SSA0001AnonymousStaticFilesCodeFixProvider(),
        SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey,
        ("Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.Run();
            """));

    /// <summary>The fallback policy is set in another file: the live finding knows it (its property), so the move is offered.</summary>
    [Fact]
    public Task SSA0001_FallbackPolicyInAnotherFile_MoveAfterUseAuthorizationOfferedAndAppliedAsync() => FixAsync(
        DiagnosticIds.PrivateFilesServedAnonymously, new SSA0001AnonymousStaticFilesCodeFixProvider(),
        SSA0001AnonymousStaticFilesCodeFixProvider.AuthorizeStaticFilesKey,
        ("Program.cs", $$"""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddStaffOnly();
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = {{Recordings}}, RequestPath = "/recordings" });
            app.UseAuthentication();
            app.UseAuthorization();
            app.Run();
            """),
        ("Security.cs", """
            using Microsoft.AspNetCore.Authorization;

            public static class Security
            {
                public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                    services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }
            """),
        expectMove: true);

    [Fact]
    public Task SSA0005_MinimalApi_RequireAuthorizationOfferedAndAppliedAsync() => FixAsync(
        DiagnosticIds.AnonymousEndpointServesRequestedFile, new SSA0005AnonymousFileEndpointCodeFixProvider(),
        SSA0005AnonymousFileEndpointCodeFixProvider.RequireAuthorizationKey,
        ("Program.cs", """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg"));
            app.Run();
            """));

    [Fact]
    public Task SSA0002_AddDirectoryBrowserAlone_FixOfferedAndAppliedAsync() => FixAsync(
        DiagnosticIds.DirectoryBrowsingEnabled, new SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider(),
        SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.GuardWithIsDevelopmentKey,
        ("Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDirectoryBrowser();
            var app = builder.Build();
            app.Run();
            """));

    private static async Task FixAsync(string id, CodeFixProvider fixer, string key, (string Name, string Text) edited,
        (string Name, string Text) other = default, bool expectMove = false)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Live", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.ConsoleApplication))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(TestReferences.AspNetCore)
            .AddDocument("GlobalUsings.g.cs", TestSetup.WebGlobalUsings).Project;
        if (other is { Name: { } name, Text: { } text })
        {
            project = project.AddDocument(name, text).Project;
        }

        var document = project.AddDocument(edited.Name, edited.Text);
        var diagnostic = Assert.Single(await LiveFindingsAsync(document), d => d.Id == id);

        var registered = new List<(CodeAction Action, ImmutableArray<Diagnostic> Diagnostics)>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, diagnostics) => registered.Add((action, diagnostics)), CancellationToken.None));
        Assert.All(registered, r => Assert.Equal(diagnostic, Assert.Single(r.Diagnostics)));
        var action = Assert.Single(registered, r => r.Action.EquivalenceKey == key).Action;
        if (expectMove)
        {
            Assert.StartsWith("Move after UseAuthorization()", action.Title, StringComparison.Ordinal);
        }

        var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var fixedDocument = apply.ChangedSolution.GetDocument(document.Id)!;
        var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(await LiveFindingsAsync(fixedDocument), d => d.Id == id);
    }

    /// <summary>Document-scoped analysis of <paramref name="document"/>, as the editor runs it in its default scope.</summary>
    private static async Task<ImmutableArray<Diagnostic>> LiveFindingsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = (await document.GetSyntaxTreeAsync())!;
        return await DocumentScope.InDocumentAsync(compilation, tree);
    }
}
