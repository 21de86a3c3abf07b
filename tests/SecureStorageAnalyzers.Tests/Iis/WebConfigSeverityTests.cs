using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Iis;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// The severity of every finding located in web.config (docs/configuration.md, "Where settings go"): a global
/// configuration (<c>is_global = true</c>) sets it, an <c>.editorconfig</c> section (<c>[*.cs]</c> or <c>[*]</c>) does
/// not reach it, since the finding is in no syntax tree. One case per web.config rule, in a classic project.
/// </summary>
/// <remarks>
/// Run through a workspace, as the IDE and the build make the options (analyzer config documents), not through the
/// testing library: that one sets every tested id to <c>Default</c> in the compilation options, and the compiler then
/// never lets a configuration raise a warning to an error (the <c>/warnaserror-:id</c> rule).
/// </remarks>
public class WebConfigSeverityTests
{
    private const string Handler = """
        using System.Web;

        public class Download : IHttpHandler
        {
            public void ProcessRequest(HttpContext context) => context.Response.Write("Hello World");

            public bool IsReusable => false;
        }
        """;

    /// <summary>Each web.config rule's setting, in the web.config of a classic project.</summary>
    public static TheoryData<string, string> Findings => new()
    {
        { "SSA0002", """<configuration><system.webServer><directoryBrowse enabled="true" /></system.webServer></configuration>""" },
        { "SSA0003", """<configuration><system.webServer><staticContent><mimeMap fileExtension="*" mimeType="application/octet-stream" /></staticContent></system.webServer></configuration>""" },
        { "SSA0011", """<configuration><system.webServer><security><requestFiltering><hiddenSegments><remove segment="App_Data" /></hiddenSegments></requestFiltering></security></system.webServer></configuration>""" },
        { "SSA0012", """<configuration><location path="recordings"><system.web><authorization><deny users="?" /></authorization></system.web></location></configuration>""" },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task NoConfiguration_WarningAtItsLineOfWebConfigAsync(string id, string webConfig)
    {
        var finding = Assert.Single(await AnalyzeAsync(webConfig), d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal("/app/web.config", finding.Location.GetLineSpan().Path);
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task GlobalConfigError_MakesTheWebConfigFindingAnErrorAsync(string id, string webConfig)
    {
        var findings = await AnalyzeAsync(webConfig, ("/app/.globalconfig", $"is_global = true\ndotnet_diagnostic.{id}.severity = error\n"));
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(findings, d => d.Id == id).Severity);
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task GlobalConfigNone_SilencesTheWebConfigFindingAsync(string id, string webConfig)
    {
        var findings = await AnalyzeAsync(webConfig, ("/app/.globalconfig", $"is_global = true\ndotnet_diagnostic.{id}.severity = none\n"));
        Assert.DoesNotContain(findings, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task EditorConfigSection_DoesNotReachTheWebConfigFindingAsync(string id, string webConfig)
    {
        foreach (var section in new[] { "[*.cs]", "[*]", "[*.config]" })
        {
            foreach (var severity in new[] { "error", "none" })
            {
                var findings = await AnalyzeAsync(webConfig, ("/app/.editorconfig", $"root = true\n\n{section}\ndotnet_diagnostic.{id}.severity = {severity}\n"));
                Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(findings, d => d.Id == id).Severity);
            }
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string webConfig, params (string Path, string Text)[] configs)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Classic", "Classic", LanguageNames.CSharp,
                filePath: "/app/Classic.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.NetFramework48))
            .AddDocument(DocumentId.CreateNewId(projectId), "Download.ashx.cs", SourceText.From(Handler), filePath: "/app/Download.ashx.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "web.config", SourceText.From(webConfig), filePath: "/app/web.config");
        foreach (var (path, text) in configs)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        var project = solution.GetProject(projectId)!;
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new WebConfigAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }
}
