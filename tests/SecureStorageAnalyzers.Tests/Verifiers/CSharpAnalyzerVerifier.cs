using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace SecureStorageAnalyzers.Tests.Verifiers;

public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Verifies <paramref name="source"/> (markup) against ASP.NET Core 10 with the web SDK's implicit usings.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    public static async Task VerifyAnalyzerAsync(string source, TestFramework framework, params DiagnosticResult[] expected)
    {
        var test = new Test(source, framework);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(string source, TestFramework framework = TestFramework.AspNetCore10, bool webUsings = true)
        {
            TestCode = source;
            TestSetup.Configure(this, source, framework, webUsings);
        }
    }
}
