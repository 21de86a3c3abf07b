using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// The read-only symbol sets the rules look calls up in: a method set answers for the method's definition, whatever form
/// the call binds to (generic, constructed, of a generic type), and nothing of another type with the same names.
/// </summary>
public class SymbolSetTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;

        static class Helpers
        {
            public static T Echo<T>(T value) => value;
            public static int Echo(int value, int times) => value * times;
            public static void Other() { }
        }

        static class LookAlike
        {
            public static T Echo<T>(T value) => value;
        }

        class Subject
        {
            void Run(List<string> names)
            {
                Helpers.Echo("a");
                Helpers.Echo<long>(2);
                Helpers.Echo(3, 4);
                Helpers.Other();
                LookAlike.Echo("b");
                names.Add("c");
                names.Where(n => n.Length > 0).ToList();
            }
        }
        """;

    [Fact]
    public void MethodSet_MatchesEveryFormOfItsMethods_AndNothingElse()
    {
        var (compilation, calls) = Compile();
        var helpers = compilation.GetTypeByMetadataName("Helpers")!;
        var echo = new MethodSet(helpers.GetMembers("Echo").OfType<IMethodSymbol>());
        var listAdd = new MethodSet(compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")!.GetMembers("Add").OfType<IMethodSymbol>());
        var where = new MethodSet(compilation.GetTypeByMetadataName("System.Linq.Enumerable")!.GetMembers("Where").OfType<IMethodSymbol>());

        Assert.Equal(2, echo.Count);
        Assert.Equal([true, true, true, false, false, false, false, false], calls.Select(echo.Contains));
        Assert.Equal([false, false, false, false, false, true, false, false], calls.Select(listAdd.Contains));
        Assert.Equal([false, false, false, false, false, false, false, true], calls.Select(where.Contains));
        Assert.Equal(["Helpers"], echo.DeclaringTypes.Select(t => t.Name));
        Assert.False(echo.Contains(null));
    }

    [Fact]
    public void Union_HoldsTheMethodsAndTypesOfEverySet_EmptySetsHoldNothing()
    {
        var (compilation, calls) = Compile();
        var echo = new MethodSet(compilation.GetTypeByMetadataName("Helpers")!.GetMembers("Echo").OfType<IMethodSymbol>());
        var lookAlike = new MethodSet(compilation.GetTypeByMetadataName("LookAlike")!.GetMembers("Echo").OfType<IMethodSymbol>());

        var both = MethodSet.Union(echo, lookAlike, MethodSet.Empty());

        Assert.Equal(3, both.Count);
        Assert.Equal(["Helpers", "LookAlike"], both.DeclaringTypes.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal([true, true, true, false, true, false, false, false], calls.Select(both.Contains));
        Assert.True(MethodSet.Empty().IsEmpty);
        Assert.DoesNotContain(calls, MethodSet.Empty().Contains);
        Assert.True(SymbolSet<INamedTypeSymbol>.Empty().IsEmpty);
        Assert.False(SymbolSet<INamedTypeSymbol>.Empty().Contains(compilation.GetTypeByMetadataName("Helpers")));
        Assert.False(both.DeclaringTypes.Contains(null));
    }

    /// <summary>The compilation, and the target method of every call in <c>Run</c>, in document order (<c>ToList</c> before the <c>Where</c> it wraps).</summary>
    private static (Compilation Compilation, IMethodSymbol[] Calls) Compile()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var compilation = CSharpCompilation.Create("Sets", [tree], TestReferences.NetCoreOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(call => ((IInvocationOperation)model.GetOperation(call)!).TargetMethod)
            .ToArray();
        return (compilation, calls);
    }
}
