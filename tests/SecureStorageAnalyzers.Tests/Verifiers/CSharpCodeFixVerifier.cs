using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecureStorageAnalyzers.Tests.Verifiers;

public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>
    /// Applies the fix with <paramref name="equivalenceKey"/> to every diagnostic, one by one and through Fix All
    /// (document, project and solution scope: the testing library runs all of them), and compares with
    /// <paramref name="fixedSource"/>, which must compile.
    /// </summary>
    public static async Task VerifyCodeFixAsync(string source, string fixedSource, string equivalenceKey,
        TestFramework framework = TestFramework.AspNetCore10, bool webUsings = true)
    {
        var test = new Test(source, fixedSource, framework, webUsings) { CodeActionEquivalenceKey = equivalenceKey };
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(string source, string fixedSource, TestFramework framework = TestFramework.AspNetCore10, bool webUsings = true)
        {
            TestCode = source;
            FixedCode = fixedSource;
            TestSetup.Configure(this, source, framework, webUsings);
            FixedState.OutputKind = TestState.OutputKind;
            if (webUsings && framework is not (TestFramework.NoAspNetCore or TestFramework.StorageSdksOnly or TestFramework.NetFramework48))
            {
                FixedState.Sources.Add(("GlobalUsings.g.cs", TestSetup.WebGlobalUsings));
            }
        }
    }
}
