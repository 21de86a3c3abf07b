using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Test code is not reported by default: a test that writes a file named after a made-up phone number, or a fixture
/// that serves a temporary folder, is not an exposure, and findings there teach users to switch the pack off. A
/// compilation is test code when MSBuild says so (<c>IsTestProject</c>, set by the test SDK) or when it references
/// xUnit, NUnit or MSTest, <em>and</em> it holds tests: a type or method with an xUnit, NUnit or MSTest test attribute
/// (or one derived from it), or a SpecFlow/Reqnroll binding; without one of those frameworks, an attribute named as tests
/// are (<c>[Test]</c>, <c>[Fact]</c>, …). A project of the application that references a test package without holding a
/// test (a solution that gives every project xunit and the test SDK, the tests in their own projects; a web app with
/// xunit in its project file) is not test code. A web app holding tests folded into it stays silent like any test
/// project: its tests write under web roots the app never serves, which SSA0006 cannot tell apart from the app's own
/// writes (docs/precision.md). The MSBuild property
/// <c>SecureStorageAnalyzersAnalyzeTestProjects=true</c>, or <c>ssa.analyze_test_projects = true</c> in a
/// <c>.globalconfig</c>, turns the rules back on in a test project.
/// </summary>
internal static class TestProjects
{
    /// <summary>
    /// Read once per project, for every rule: SSA0001, SSA0002, SSA0003, SSA0004, SSA0005, SSA0006, SSA0007, SSA0008,
    /// SSA0009, SSA0010, SSA0011, SSA0012 and SSA0101 stay silent in test code unless it is true.
    /// </summary>
    public const string AnalyzeTestProjectsKey = "ssa.analyze_test_projects";
    public const string AnalyzeTestProjectsProperty = "build_property.SecureStorageAnalyzersAnalyzeTestProjects";
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    /// <summary>True when the pack stays silent on <paramref name="compilation"/>: it is test code and the switch is off.</summary>
    public static bool IsSilenced(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (IsTrue(global, AnalyzeTestProjectsKey) || IsTrue(global, AnalyzeTestProjectsProperty))
        {
            return false;
        }

        if (!IsTrue(global, IsTestProjectProperty) && !ReferencesTestFramework(compilation))
        {
            return false;
        }

        // Asked by both of the pack's analyzers: the tests are looked for once per compilation.
        var code = WellKnownTypes.GetOrCreate(compilation).Shared(static types => new TestCode(types));
        return !code.HoldsNoTests(cancellationToken);
    }

    private static bool ReferencesTestFramework(Compilation compilation)
    {
        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            switch (name.Name)
            {
                case "xunit.core":
                case "xunit.v3.core":
                case "nunit.framework":
                case "Microsoft.VisualStudio.TestPlatform.TestFramework":
                case "MSTest.TestFramework":
                    return true;
            }
        }

        return false;
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the compilation holds tests, looked for once (only for a compilation marked as test code).</summary>
    private sealed class TestCode
    {
        private readonly WellKnownTypes _types;
        private readonly object _gate = new();
        private bool? _declaresTests;

        public TestCode(WellKnownTypes types) => _types = types;

        /// <summary>
        /// True when no type or method of the project carries a test attribute of a framework the pack knows
        /// (<see cref="WellKnownTypes.TestAttributes"/>, or one derived from it): the attributes whose name says Fact,
        /// Theory, Test or Binding are bound, up to the first. When the compilation has none of those frameworks (another
        /// one, or packages not restored), an attribute named <c>Fact</c>, <c>Theory</c>, <c>Test</c>, <c>TestCase</c>,
        /// <c>TestCaseSource</c>, <c>TestFixture</c>, <c>TestMethod</c>, <c>DataTestMethod</c>, <c>TestClass</c> or
        /// <c>Binding</c> is a test.
        /// </summary>
        public bool HoldsNoTests(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return !(_declaresTests ??= ScanTests(cancellationToken));
            }
        }

        private bool ScanTests(CancellationToken cancellationToken)
        {
            // Without a framework the pack knows (another one, or its package not restored), an attribute named as the
            // known frameworks and most others name a test is one.
            var attributes = _types.TestAttributes;
            var byName = attributes.IsEmpty;

            foreach (var tree in _types.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
                {
                    if (node is not AttributeSyntax attribute || attribute.Parent?.Parent is not (MethodDeclarationSyntax or TypeDeclarationSyntax) ||
                        !SaysTest(SyntaxNames.Rightmost(attribute.Name)))
                    {
                        continue;
                    }

                    if (byName)
                    {
                        if (IsTestName(SyntaxNames.Rightmost(attribute.Name)))
                        {
                            return true;
                        }

                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    model ??= _types.Compilation.GetSemanticModel(tree);
                    if (model.GetSymbolInfo(attribute, cancellationToken).Symbol is IMethodSymbol { ContainingType: { } type })
                    {
                        for (var current = type; current is not null; current = current.BaseType)
                        {
                            if (attributes.Contains(current.OriginalDefinition))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsTestName(string? name) => name switch
        {
            "Fact" or "FactAttribute" or "Theory" or "TheoryAttribute" or "Test" or "TestAttribute" or "TestCase" or "TestCaseAttribute" or
                "TestCaseSource" or "TestCaseSourceAttribute" or "TestFixture" or "TestFixtureAttribute" or "TestMethod" or "TestMethodAttribute" or
                "DataTestMethod" or "DataTestMethodAttribute" or "TestClass" or "TestClassAttribute" or "Binding" or "BindingAttribute" => true,
            _ => false,
        };

        private static bool SaysTest(string? name) =>
            name is not null && (name.IndexOf("Fact", StringComparison.Ordinal) >= 0 || name.IndexOf("Theory", StringComparison.Ordinal) >= 0 ||
                                 name.IndexOf("Test", StringComparison.Ordinal) >= 0 || name.IndexOf("Binding", StringComparison.Ordinal) >= 0);
    }
}
