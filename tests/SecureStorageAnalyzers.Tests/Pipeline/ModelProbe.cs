using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Pipeline;

/// <summary>Runs a test-only probe analyzer, which asks the model its questions, over one source file.</summary>
internal static class ModelProbe
{
    /// <summary>
    /// Compiles <paramref name="source"/> against ASP.NET Core with the web SDK's implicit usings (it must compile), and
    /// runs <paramref name="probe"/> with <paramref name="editorConfig"/> (<c>key = value</c> lines) as every file's options.
    /// </summary>
    public static void Run(string source, DiagnosticAnalyzer probe, string editorConfig)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "Program.cs");
        var topLevel = tree.GetRoot().ChildNodes().Any(n => n.IsKind(SyntaxKind.GlobalStatement));
        var compilation = CSharpCompilation.Create("Probe",
            new[] { tree, CSharpSyntaxTree.ParseText(TestSetup.WebGlobalUsings) },
            TestReferences.AspNetCore,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var settings = editorConfig.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToImmutableDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, TestConfigOptions.Everywhere(settings));
        var diagnostics = compilation.WithAnalyzers(ImmutableArray.Create(probe), options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.Empty(diagnostics);
    }
}
