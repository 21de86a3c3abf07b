using System;
using System.Collections.Immutable;
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
/// xunit in its project file) is not test code.
/// <para>
/// An application with its tests compiled into its own project is silent only in its test files. It is an application
/// when its entry point is its own code: top-level statements, or a <c>Main</c> with a body, in a file that is not
/// generated and holds no test (a test project's <c>Main</c> is the test SDK's generated one, an empty one written by
/// hand, or a test platform's generated runner). Its test files are those that declare a test (as above) or import a
/// test framework's namespace with a <c>using</c> of their own (<c>using Xunit;</c>: fixtures and test helpers); a
/// <c>global using</c> says nothing about a file. The rules do not look at those files; every other file reports.
/// </para>
/// The MSBuild property <c>SecureStorageAnalyzersAnalyzeTestProjects=true</c>, or <c>ssa.analyze_test_projects = true</c>
/// in a <c>.globalconfig</c>, turns the rules back on in test code.
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

    /// <summary>
    /// True when the pack stays silent on the whole of <paramref name="compilation"/>: it is test code, no application,
    /// and the switch is off.
    /// </summary>
    public static bool IsSilenced(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default) =>
        TestCodeOf(compilation, options) is { } code && !code.HoldsNoTests(cancellationToken) && !code.IsApplication(cancellationToken);

    /// <summary>
    /// The files the rules do not look at in an application whose tests are compiled into it (<see cref="TestProjects"/>),
    /// found once per compilation; null when there are none to leave out (not test code, the switch on, or silent whole).
    /// </summary>
    public static ImmutableHashSet<SyntaxTree>? TestFiles(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken = default) =>
        TestCodeOf(compilation, options) is { } code && !code.HoldsNoTests(cancellationToken) && code.IsApplication(cancellationToken)
            ? code.TestFiles(cancellationToken)
            : null;

    /// <summary>The compilation's test-code facts when it is marked as test code and the switch is off; null otherwise.</summary>
    private static TestCode? TestCodeOf(Compilation compilation, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (IsTrue(global, AnalyzeTestProjectsKey) || IsTrue(global, AnalyzeTestProjectsProperty))
        {
            return null;
        }

        if (!IsTrue(global, IsTestProjectProperty) && !ReferencesTestFramework(compilation))
        {
            return null;
        }

        // Asked by both of the pack's analyzers: the tests are looked for once per compilation.
        return WellKnownTypes.GetOrCreate(compilation).Shared(static types => new TestCode(types));
    }

    /// <summary>
    /// Whether a test framework is referenced, read from the compilation's referenced assembly names, which
    /// <see cref="WellKnownTypes.References"/> collects once per compilation for every analyzer that asks.
    /// </summary>
    private static bool ReferencesTestFramework(Compilation compilation)
    {
        var types = WellKnownTypes.GetOrCreate(compilation);
        return types.References("xunit.core") || types.References("xunit.v3.core") || types.References("nunit.framework") ||
               types.References("Microsoft.VisualStudio.TestPlatform.TestFramework") || types.References("MSTest.TestFramework");
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the compilation holds tests, is an application, and which of its files are test files, each looked for
    /// once (only for a compilation marked as test code).
    /// </summary>
    private sealed class TestCode
    {
        private readonly WellKnownTypes _types;
        private readonly object _gate = new();
        private SymbolSet<INamedTypeSymbol>? _attributes;
        private bool? _declaresTests;
        private bool? _isApplication;
        private ImmutableHashSet<SyntaxTree>? _testFiles;

        public TestCode(WellKnownTypes types) => _types = types;

        /// <summary>
        /// True when the compilation's entry point is the application's own code: top-level statements, or a <c>Main</c>
        /// with at least one statement, declared in a file that is not generated and is no test file.
        /// </summary>
        public bool IsApplication(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _isApplication ??= FindApplication(cancellationToken);
            }
        }

        /// <summary>The files that declare a test or import a test framework's namespace (<see cref="TestProjects"/>).</summary>
        public ImmutableHashSet<SyntaxTree> TestFiles(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                return _testFiles ??= FindTestFiles(cancellationToken);
            }
        }

        private bool FindApplication(CancellationToken cancellationToken)
        {
            var compilation = _types.Compilation;
            if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication) ||
                compilation.GetEntryPoint(cancellationToken) is not { } entryPoint)
            {
                return false;
            }

            foreach (var reference in entryPoint.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var hasCode = syntax switch
                {
                    CompilationUnitSyntax => true,
                    MethodDeclarationSyntax method => method.ExpressionBody is not null || method.Body is { Statements.Count: > 0 },
                    _ => false,
                };
                if (!hasCode || IsGenerated(syntax.SyntaxTree, cancellationToken) || IsTestFile(syntax.SyntaxTree, cancellationToken))
                {
                    return false;
                }
            }

            return !entryPoint.DeclaringSyntaxReferences.IsEmpty;
        }

        private ImmutableHashSet<SyntaxTree> FindTestFiles(CancellationToken cancellationToken)
        {
            var files = ImmutableHashSet.CreateBuilder<SyntaxTree>();
            foreach (var tree in _types.Compilation.SyntaxTrees)
            {
                if (IsTestFile(tree, cancellationToken))
                {
                    files.Add(tree);
                }
            }

            return files.ToImmutable();
        }

        /// <summary>A file that declares a test, or imports a test framework's namespace with a <c>using</c> of its own.</summary>
        private bool IsTestFile(SyntaxTree tree, CancellationToken cancellationToken) =>
            ImportsATestFramework(tree, cancellationToken) || DeclaresTests(tree, cancellationToken);

        private bool ImportsATestFramework(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var namespaces = FrameworkNamespaces();
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                if (node is not UsingDirectiveSyntax { Alias: null, StaticKeyword.RawKind: 0, Name: { } name } directive ||
                    directive.GlobalKeyword.RawKind != 0)
                {
                    continue;
                }

                if (namespaces.IsEmpty)
                {
                    if (FrameworkNamespaceNames.Contains(name.ToString()))
                    {
                        return true;
                    }

                    continue;
                }

                model ??= _types.Compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is INamespaceSymbol imported && namespaces.Contains(imported.ToDisplayString()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The namespaces of the test attributes the compilation has (xUnit's, NUnit's, MSTest's, SpecFlow's, Reqnroll's).</summary>
        private ImmutableHashSet<string> FrameworkNamespaces()
        {
            var namespaces = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (var attribute in _attributes ??= _types.TestAttributes)
            {
                if (attribute.ContainingNamespace is { IsGlobalNamespace: false } containing)
                {
                    namespaces.Add(containing.ToDisplayString());
                }
            }

            return namespaces.ToImmutable();
        }

        /// <summary>The frameworks' namespaces by name, when none of their attributes resolves (packages not restored).</summary>
        private static readonly ImmutableHashSet<string> FrameworkNamespaceNames = ImmutableHashSet.Create(StringComparer.Ordinal,
            "Xunit", "NUnit.Framework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TechTalk.SpecFlow", "Reqnroll");

        /// <summary>
        /// A generated file (a test platform's entry point, the test SDK's program): a name the tools give generated files
        /// (<c>.g.cs</c>, <c>.generated.cs</c>, <c>.designer.cs</c>), or an <c>&lt;auto-generated&gt;</c> comment at its top.
        /// </summary>
        private static bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var path = tree.FilePath ?? "";
            if (path.EndsWith(".g.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".g.i.cs", StringComparison.OrdinalIgnoreCase) ||
                path.EndsWith(".generated.cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".designer.cs", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
                {
                    var text = trivia.ToString();
                    if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 ||
                        text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

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
            foreach (var tree in _types.Compilation.SyntaxTrees)
            {
                if (DeclaresTests(tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a type or method of <paramref name="tree"/> carries a test attribute: bound, up to the first; by its
        /// name when the compilation has none of the frameworks the pack knows (another one, or its package not
        /// restored), as the known frameworks and most others name a test.
        /// </summary>
        private bool DeclaresTests(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var attributes = _attributes ??= _types.TestAttributes;
            var byName = attributes.IsEmpty;
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
