using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.CodeFixes.PersonalData;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CodeFixes;

/// <summary>
/// A fixer asked about another rule's finding (as <c>dotnet format analyzers</c> asks) answers with the key of its default
/// fix and an action that changes nothing; asked about its own finding, it offers only real fixes. The incident-sample
/// test checks every fixer against every finding; these check the configured pseudonymizer and the action itself.
/// </summary>
public class OtherRulesFindingsTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseDirectoryBrowser();
        app.MapGet("/", () => "ok");
        app.Run();

        namespace Privacy
        {
            public static class Pseudonyms { public static string For(string value) => value; }
        }

        class Recordings
        {
            // The minted path is returned, so the random name is offered too (a write that kept no name would get none).
            public string Save(string callerPhoneNumber, string root)
            {
                var path = System.IO.Path.Combine(root, callerPhoneNumber + ".mp3");
                System.IO.File.Create(path).Dispose();
                return path;
            }
        }
        """;

    [Theory]
    [InlineData(null, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey)]
    [InlineData("Privacy.Pseudonyms.For", SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey)]
    public async Task SSA0101_AskedAboutAnotherRulesFinding_AnswersTheKeyItsOwnFindingsGetAsync(string? pseudonymizer, string expectedKey)
    {
        var (document, findings) = await AnalyzeAsync(pseudonymizer);
        var fixer = new SSA0101PersonalIdentifierInStoragePathCodeFixProvider();

        var own = Assert.Single(findings, d => d.Id == DiagnosticIds.PersonalIdentifierInStoragePath);
        var ownActions = await CodeFixOffers.ActionsAsync(document, own, fixer);
        Assert.Equal(expectedKey, Assert.Single(ownActions).EquivalenceKey);

        var other = Assert.Single(findings, d => d.Id == DiagnosticIds.DirectoryBrowsingEnabled);
        var otherActions = await CodeFixOffers.ActionsAsync(document, other, fixer);
        Assert.Equal(expectedKey, Assert.Single(otherActions).EquivalenceKey);
    }

    [Fact]
    public async Task TheActionOfferedForAnotherRulesFinding_ChangesNothing_AndIsNeverOfferedForAnOwnFindingAsync()
    {
        var (document, findings) = await AnalyzeAsync(pseudonymizer: null);
        var fixer = new SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider();

        var other = Assert.Single(findings, d => d.Id == DiagnosticIds.PersonalIdentifierInStoragePath);
        var placeholder = Assert.Single(await CodeFixOffers.ActionsAsync(document, other, fixer));
        Assert.Equal(SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey, placeholder.EquivalenceKey);
        var apply = (await placeholder.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        Assert.Empty(apply.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges());

        var own = Assert.Single(findings, d => d.Id == DiagnosticIds.DirectoryBrowsingEnabled);
        var ownActions = await CodeFixOffers.ActionsAsync(document, own, fixer);
        Assert.NotEmpty(ownActions);
        Assert.Equal(SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.DisableDirectoryBrowsingKey, ownActions[0].EquivalenceKey);
        foreach (var action in ownActions)
        {
            var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
            Assert.NotEmpty(changed.GetChanges(document.Project.Solution).GetProjectChanges());
        }
    }

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Findings)> AnalyzeAsync(string? pseudonymizer)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Web", "Web", LanguageNames.CSharp,
                filePath: "/web/Web.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.AspNetCore))
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(TestSetup.WebGlobalUsings), filePath: "/web/GlobalUsings.g.cs");
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Program.cs", SourceText.From(Program), filePath: "/web/Program.cs");
        if (pseudonymizer is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig",
                SourceText.From($"root = true\n\n[*.cs]\nSSA0101.pseudonymization_methods = {pseudonymizer}\n"), filePath: "/web/.editorconfig");
        }

        var project = solution.GetProject(projectId)!;
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var findings = await compilation.WithAnalyzers(AnalyzerHarness.All, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        return (solution.GetDocument(documentId)!, findings);
    }
}
