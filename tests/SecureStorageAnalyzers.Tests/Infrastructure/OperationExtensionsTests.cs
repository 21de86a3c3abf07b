using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>The walk of whole bodies (<c>Walk()</c>) visits what Roslyn's <c>Descendants()</c> visits, in its order.</summary>
public class OperationExtensionsTests
{
    [Fact]
    public void Walk_IsDescendantsInOrder()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Text;

            public class C
            {
                public string M(string name, int[] numbers, object o)
                {
                    var sb = new StringBuilder();
                    sb.Append(name).Append('-');
                    var (a, b) = (name, numbers.Length);
                    foreach (var ch in name) { if (ch == 'x') { sb.Append(ch); } }
                    var total = numbers.Where(n => n > 0).Select(n => n * 2).Sum();
                    string Local(string s) => s + a + b + total;
                    switch (o) { case string s when s.Length > 2: sb.Append(Local(s)); break; default: break; }
                    try { sb.Append(name?.ToUpper() ?? "none"); } catch (Exception e) when (e is not null) { throw; } finally { sb.Clear(); }
                    return $"{name}/{Local(name)}/{(a.Length == b ? 1 : 2)}";
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("Walk", [tree], TestReferences.NetCoreOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var body = compilation.GetSemanticModel(tree).GetOperation(method)!;

        var walked = new List<IOperation>();
        foreach (var operation in SecureStorageAnalyzers.Infrastructure.OperationExtensions.Walk(body))
        {
            walked.Add(operation);
        }

        var expected = body.Descendants().ToList();
        Assert.True(expected.Count > 50);
        Assert.Equal(expected, walked);

        // A walk inside a walk, and a walk left early: each has its own stack, and the next walk starts clean.
        var nested = 0;
        foreach (var operation in SecureStorageAnalyzers.Infrastructure.OperationExtensions.Walk(body))
        {
            foreach (var inner in SecureStorageAnalyzers.Infrastructure.OperationExtensions.Walk(operation))
            {
                nested++;
                if (inner.Kind == OperationKind.Literal)
                {
                    break;
                }
            }
        }

        Assert.Equal(expected.Sum(o => TakeUntilLiteral(o.Descendants())), nested);
        walked.Clear();
        foreach (var operation in SecureStorageAnalyzers.Infrastructure.OperationExtensions.Walk(body))
        {
            walked.Add(operation);
        }

        Assert.Equal(expected, walked);
    }

    private static int TakeUntilLiteral(IEnumerable<IOperation> operations)
    {
        var count = 0;
        foreach (var operation in operations)
        {
            count++;
            if (operation.Kind == OperationKind.Literal)
            {
                break;
            }
        }

        return count;
    }
}
