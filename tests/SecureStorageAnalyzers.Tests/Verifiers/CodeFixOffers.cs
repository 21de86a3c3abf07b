using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// Which code actions a fixer offers for each diagnostic of a source (no markup), in source order. The testing
/// library checks what a fix produces; this checks what is offered at all, e.g. that a fix is NOT offered.
/// </summary>
internal static class CodeFixOffers
{
    public static async Task<ImmutableArray<(Diagnostic Diagnostic, ImmutableArray<string> EquivalenceKeys)>> GetAsync(
        string source, DiagnosticAnalyzer analyzer, CodeFixProvider fixer, bool webUsings = true)
    {
        using var workspace = new AdhocWorkspace();
        var outputKind = CSharpSyntaxTree.ParseText(source).GetRoot().ChildNodes()
            .Any(n => n.IsKind(SyntaxKind.GlobalStatement)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var project = workspace.AddProject("Offers", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(outputKind))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(TestReferences.AspNetCore);
        if (webUsings)
        {
            project = project.AddDocument("GlobalUsings.g.cs", TestSetup.WebGlobalUsings).Project;
        }

        var document = project.AddDocument("Program.cs", source);
        var compilation = await document.Project.GetCompilationAsync();
        Assert.NotNull(compilation);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var result = ImmutableArray.CreateBuilder<(Diagnostic, ImmutableArray<string>)>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var actions = await ActionsAsync(document, diagnostic, fixer);
            result.Add((diagnostic, actions.Select(a => a.EquivalenceKey ?? "(no key)").ToImmutableArray()));
        }

        return result.ToImmutable();
    }

    /// <summary>The code actions <paramref name="fixer"/> registers for one diagnostic of <paramref name="document"/>.</summary>
    public static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic, CodeFixProvider fixer)
    {
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }
}
