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
/// xUnit, NUnit or MSTest, <em>and</em> it declares tests (a type or method with an xUnit, NUnit or MSTest test attribute,
/// or a SpecFlow/Reqnroll binding: a project of the application that references a test package without holding a test
/// is not test code; without a framework the pack knows, the mark is trusted), <em>and</em> it is not an application of its own: an entry point of the project (top-level
/// statements, or a type that declares a static <c>Main</c>) that builds a host (<c>WebApplication.Create…</c>,
/// <c>WebHost.CreateDefaultBuilder</c>, <c>Host.CreateDefaultBuilder</c>/<c>CreateApplicationBuilder</c>,
/// <c>new WebHostBuilder()</c>/<c>new HostBuilder()</c>) makes it one. A test project needs no such entry point (the test
/// runner, or the test SDK's generated <c>Main</c>, runs it; an integration test hosts the application under test with
/// <c>WebApplicationFactory</c> or builds a <c>TestServer</c> inside a test method), so a web app that references
/// xunit and the test SDK for tests folded into it is still analyzed. The MSBuild property
/// <c>SecureStorageAnalyzersAnalyzeTestProjects=true</c>, or <c>ssa.analyze_test_projects = true</c> in a
/// <c>.globalconfig</c>, turns the rules back on in a test project.
/// </summary>
internal static class TestProjects
{
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

        // Asked by both of the pack's analyzers: the entry point and the tests are read once per compilation.
        var code = WellKnownTypes.GetOrCreate(compilation).Shared(static types => new OwnHost(types));
        return !code.BuildsHost(cancellationToken) && !code.HoldsNoTests(cancellationToken);
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

    /// <summary>
    /// Whether the compilation's own entry point builds a host. Read only for a compilation marked as test code. The
    /// syntax chooses what to bind (top-level statements, the types that declare a static <c>Main</c>, and in them the
    /// calls named <c>Create…</c>/<c>Start…</c> and the creations of a type named <c>…HostBuilder</c>); the symbols
    /// decide (<see cref="WellKnownTypes.WebApplication"/>, <see cref="WellKnownTypes.WebHost"/>,
    /// <see cref="WellKnownTypes.GenericHost"/>, <see cref="WellKnownTypes.WebHostBuilder"/>,
    /// <see cref="WellKnownTypes.HostBuilder"/>). A <c>Main</c> of a type nested in another is an entry point too.
    /// </summary>
    private sealed class OwnHost
    {
        private readonly WellKnownTypes _types;
        private readonly object _gate = new();
        private bool? _buildsHost;
        private bool? _declaresTests;

        public OwnHost(WellKnownTypes types) => _types = types;

        public bool BuildsHost(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                // A cancelled scan leaves nothing behind: the next start asks again.
                return _buildsHost ??= Scan(cancellationToken);
            }
        }

        /// <summary>
        /// True when the compilation has a test framework the pack knows and no type or method of the project carries one
        /// of its test attributes (<see cref="WellKnownTypes.TestAttributes"/>, or one derived from it): the attributes whose
        /// name says Fact, Theory, Test or Binding are bound, up to the first. False (test code, as marked) when no known
        /// framework is referenced: the mark of another framework is trusted.
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
            var attributes = _types.TestAttributes;
            if (attributes.IsEmpty)
            {
                return true;
            }

            foreach (var tree in _types.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)))
                {
                    if (node is not AttributeSyntax attribute || attribute.Parent?.Parent is not (MethodDeclarationSyntax or TypeDeclarationSyntax) ||
                        !SaysTest(RightmostName(attribute.Name)))
                    {
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

        private static bool SaysTest(string? name) =>
            name is not null && (name.IndexOf("Fact", StringComparison.Ordinal) >= 0 || name.IndexOf("Theory", StringComparison.Ordinal) >= 0 ||
                                 name.IndexOf("Test", StringComparison.Ordinal) >= 0 || name.IndexOf("Binding", StringComparison.Ordinal) >= 0);

        private bool Scan(CancellationToken cancellationToken)
        {
            var factories = SymbolSet<INamedTypeSymbol>.Of(_types.WebApplication, _types.WebHost, _types.GenericHost);
            var builders = SymbolSet<INamedTypeSymbol>.Of(_types.WebHostBuilder, _types.HostBuilder);
            if (factories.IsEmpty && builders.IsEmpty)
            {
                return false;
            }

            var compilation = _types.Compilation;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax unit)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var member in unit.Members)
                {
                    if (BuildsHostIn(member, tree, ref model, factories, builders, cancellationToken))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool BuildsHostIn(MemberDeclarationSyntax member, SyntaxTree tree, ref SemanticModel? model,
            SymbolSet<INamedTypeSymbol> factories, SymbolSet<INamedTypeSymbol> builders, CancellationToken cancellationToken)
        {
            switch (member)
            {
                case GlobalStatementSyntax statement:
                    return CallsHostBuilder(statement, tree, ref model, factories, builders, cancellationToken);
                case BaseNamespaceDeclarationSyntax ns:
                    foreach (var inner in ns.Members)
                    {
                        if (BuildsHostIn(inner, tree, ref model, factories, builders, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                case TypeDeclarationSyntax type:
                    if (DeclaresStaticMain(type) && CallsHostBuilder(type, tree, ref model, factories, builders, cancellationToken))
                    {
                        return true;
                    }

                    foreach (var inner in type.Members)
                    {
                        if (inner is BaseTypeDeclarationSyntax && BuildsHostIn(inner, tree, ref model, factories, builders, cancellationToken))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static bool DeclaresStaticMain(TypeDeclarationSyntax type)
        {
            foreach (var member in type.Members)
            {
                if (member is MethodDeclarationSyntax { Identifier.ValueText: "Main" } method && method.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="node"/> (top-level statements, or a type with <c>Main</c>, without its nested types) calls a host factory or creates a host builder.</summary>
        private bool CallsHostBuilder(SyntaxNode node, SyntaxTree tree, ref SemanticModel? model,
            SymbolSet<INamedTypeSymbol> factories, SymbolSet<INamedTypeSymbol> builders, CancellationToken cancellationToken)
        {
            foreach (var descendant in node.DescendantNodes(n => n == node || n is not BaseTypeDeclarationSyntax))
            {
                cancellationToken.ThrowIfCancellationRequested();
                SymbolSet<INamedTypeSymbol> owners;
                switch (descendant)
                {
                    case InvocationExpressionSyntax invocation when IsFactoryName(InvokedName(invocation.Expression)):
                        owners = factories;
                        break;
                    case ObjectCreationExpressionSyntax { Type: NameSyntax createdName } when RightmostName(createdName) is { } typeName &&
                                                                     typeName.EndsWith("HostBuilder", StringComparison.Ordinal):
                        owners = builders;
                        break;
                    default:
                        continue;
                }

                if (owners.IsEmpty)
                {
                    continue;
                }

                model ??= _types.Compilation.GetSemanticModel(tree);
                if (model.GetSymbolInfo(descendant, cancellationToken).Symbol is IMethodSymbol { IsStatic: var isStatic } method &&
                    (isStatic || method.MethodKind == MethodKind.Constructor) &&
                    method.ContainingType is { } containing && owners.Contains(containing.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsFactoryName(string? name) =>
            name is not null && (name.StartsWith("Create", StringComparison.Ordinal) || name.StartsWith("Start", StringComparison.Ordinal));

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        private static string? RightmostName(NameSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };
    }
}
