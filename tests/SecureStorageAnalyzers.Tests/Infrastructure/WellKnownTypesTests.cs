using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

public class WellKnownTypesTests
{
    private static CSharpCompilation Compile(TestFramework framework, params string[] sources)
    {
        var references = framework switch
        {
            TestFramework.AspNetCore8 => TestReferences.AspNetCore8,
            TestFramework.NoAspNetCore => TestReferences.NetCoreOnly,
            _ => TestReferences.AspNetCore,
        };
        return CSharpCompilation.Create("WellKnownTypesTests",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Theory]
    [InlineData(TestFramework.AspNetCore10)]
    [InlineData(TestFramework.AspNetCore8)]
    public void AspNetCore_TypesResolveToTheFrameworkAssemblies(TestFramework framework)
    {
        var types = WellKnownTypes.GetOrCreate(Compile(framework));

        Assert.True(types.HasAspNetCore);
        Assert.Equal("Microsoft.AspNetCore.Http.Abstractions", types.IApplicationBuilder?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore", types.WebApplication?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore", types.WebApplicationBuilder?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.Extensions.Hosting.Abstractions", types.IHostEnvironment?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore.Hosting.Abstractions", types.IWebHostEnvironment?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore.Hosting.Abstractions", types.IHostingEnvironmentAspNetCore?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.Extensions.Hosting.Abstractions", types.IHostingEnvironmentExtensions?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore.StaticFiles", types.FileServerOptions?.ContainingAssembly.Name);
        Assert.Equal("Microsoft.AspNetCore.StaticFiles", types.StaticFileOptions?.ContainingAssembly.Name);
        Assert.Equal(SpecialType.System_Boolean, types.FileServerOptionsEnableDirectoryBrowsing?.Type.SpecialType);
        Assert.Equal(SpecialType.System_Boolean, types.StaticFileOptionsServeUnknownFileTypes?.Type.SpecialType);
    }

    [Theory]
    [InlineData(TestFramework.AspNetCore10)]
    [InlineData(TestFramework.AspNetCore8)]
    public void AspNetCore_MethodSetsHoldEveryOverload(TestFramework framework)
    {
        var types = WellKnownTypes.GetOrCreate(Compile(framework));

        Assert.Equal(
            new[] { "(IApplicationBuilder)", "(IApplicationBuilder, DirectoryBrowserOptions)", "(IApplicationBuilder, string)" },
            Signatures(types.UseDirectoryBrowser));
        Assert.All(types.UseDirectoryBrowser, m => Assert.Equal("DirectoryBrowserExtensions", m.ContainingType.Name));
        Assert.Equal(new[] { "(IServiceCollection)" }, Signatures(types.AddDirectoryBrowser));
        var useFileServer = Assert.Single(types.UseFileServerWithBrowsingFlag);
        Assert.Equal("enableDirectoryBrowsing", useFileServer.Parameters[1].Name);

        // IHostEnvironment, the obsolete Microsoft.AspNetCore.Hosting.IHostingEnvironment (whose extension class has an
        // internal twin in Microsoft.AspNetCore.Hosting) and the obsolete Microsoft.Extensions.Hosting.IHostingEnvironment.
        var extended = new[]
        {
            "Microsoft.AspNetCore.Hosting.IHostingEnvironment",
            "Microsoft.Extensions.Hosting.IHostEnvironment",
            "Microsoft.Extensions.Hosting.IHostingEnvironment",
        };
        Assert.Equal(extended, ExtendedTypes(types.IsDevelopment));
        Assert.Equal(extended, ExtendedTypes(types.IsEnvironment));
        Assert.Equal(
            new[]
            {
                "Microsoft.AspNetCore.Hosting.EnvironmentName.Development",
                "Microsoft.Extensions.Hosting.EnvironmentName.Development",
                "Microsoft.Extensions.Hosting.Environments.Development",
            },
            types.DevelopmentEnvironmentNameFields.Select(f => f.ToDisplayString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoAspNetCore_NullTypesAndEmptySets()
    {
        var types = WellKnownTypes.GetOrCreate(Compile(TestFramework.NoAspNetCore));

        Assert.False(types.HasAspNetCore);
        Assert.Null(types.IApplicationBuilder);
        Assert.Null(types.WebApplication);
        Assert.Null(types.WebApplicationBuilder);
        Assert.Null(types.IHostEnvironment);
        Assert.Null(types.IWebHostEnvironment);
        Assert.Null(types.IHostingEnvironmentAspNetCore);
        Assert.Null(types.IHostingEnvironmentExtensions);
        Assert.Null(types.FileServerOptions);
        Assert.Null(types.StaticFileOptions);
        Assert.Null(types.FileServerOptionsEnableDirectoryBrowsing);
        Assert.Null(types.StaticFileOptionsServeUnknownFileTypes);
        Assert.Empty(types.UseDirectoryBrowser);
        Assert.Empty(types.AddDirectoryBrowser);
        Assert.Empty(types.UseFileServerWithBrowsingFlag);
        Assert.Empty(types.IsDevelopment);
        Assert.Empty(types.IsEnvironment);
        Assert.Empty(types.DevelopmentEnvironmentNameFields);
        Assert.False(types.IsHostEnvironment(Compile(TestFramework.NoAspNetCore).GetSpecialType(SpecialType.System_Object)));
    }

    [Fact]
    public void CompilationsOwnTypeWins_AndTwoAccessibleCopiesAreAmbiguous()
    {
        var own = WellKnownTypes.GetOrCreate(Compile(TestFramework.NoAspNetCore, """
            namespace Microsoft.AspNetCore.Builder { public class StaticFileOptions { public bool ServeUnknownFileTypes { get; set; } } }
            """));
        Assert.Equal("WellKnownTypesTests", own.Resolve("Microsoft.AspNetCore.Builder.StaticFileOptions")?.ContainingAssembly.Name);

        // Without ASP.NET Core's application builder, the web types are not even looked up.
        Assert.False(own.HasAspNetCore);
        Assert.Null(own.StaticFileOptions);

        var library = Compile(TestFramework.NoAspNetCore, """
            namespace Microsoft.AspNetCore.Builder { public class FileServerOptions { } }
            """);
        var consumer = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("")],
            TestReferences.AspNetCore.Add(library.ToMetadataReference()), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var ambiguous = WellKnownTypes.GetOrCreate(consumer);
        Assert.Null(ambiguous.FileServerOptions);
        Assert.NotNull(ambiguous.StaticFileOptions);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Builder.WebApplication", "Microsoft.AspNetCore")]
    [InlineData("System.ReadOnlySpan`1", "System.Runtime")]
    [InlineData("System.Collections.Generic.Dictionary`2", "System.Collections")]
    [InlineData("System.Environment+SpecialFolder", "System.Runtime")]
    [InlineData("GlobalType", "WellKnownTypesTests")]
    [InlineData("Outer.Inner.Configured`1", "WellKnownTypesTests")]
    public void Resolve_FindsEveryNameShape_AsTheCompilerDoes(string metadataName, string assembly)
    {
        var compilation = Compile(TestFramework.AspNetCore10, """
            public class GlobalType { }
            namespace Outer.Inner { public class Configured<T> { } public class Configured { } }
            """);
        var found = WellKnownTypes.GetOrCreate(compilation).Resolve(metadataName);

        Assert.NotNull(found);
        Assert.Equal(assembly, found!.ContainingAssembly.Name);
        Assert.Contains(found, compilation.GetTypesByMetadataName(metadataName), SymbolEqualityComparer.Default);
    }

    [Theory]
    [InlineData("Microsoft.AspNetCore.Builder.NoSuchType")]
    [InlineData("No.Such.Namespace.WebApplication")]
    [InlineData("System.ReadOnlySpan`2")]
    [InlineData("System.ReadOnlySpan`x")]
    [InlineData("System")]
    [InlineData("System.")]
    [InlineData("")]
    public void Resolve_UnknownOrMalformedNames_AreNull(string metadataName)
    {
        var types = WellKnownTypes.GetOrCreate(Compile(TestFramework.AspNetCore10, "class C { }"));

        Assert.Null(types.Resolve(metadataName));
    }

    [Fact]
    public void OneInstancePerCompilation_SharedByTheAnalyzers()
    {
        var compilation = Compile(TestFramework.AspNetCore10, "class C { }");
        var first = WellKnownTypes.GetOrCreate(compilation);

        Assert.Same(first, WellKnownTypes.GetOrCreate(compilation));
        Assert.NotSame(first, WellKnownTypes.GetOrCreate(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }"))));
        Assert.Same(SecureStorageAnalyzers.ValueFlow.StorageSinks.Create(first), SecureStorageAnalyzers.ValueFlow.StorageSinks.Create(first));
        Assert.True(first.References("Microsoft.AspNetCore.Http.Abstractions"));
        Assert.False(first.References("Azure.Storage.Blobs"));
    }

    [Fact]
    public void Contains_MatchesReducedAndStaticFormsOnly()
    {
        var compilation = Compile(TestFramework.AspNetCore10, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Calls
            {
                public static void Configure(WebApplication app, IApplicationBuilder builder, IServiceCollection services)
                {
                    app.UseDirectoryBrowser();
                    builder.UseDirectoryBrowser("/recordings");
                    DirectoryBrowserExtensions.UseDirectoryBrowser(app, new DirectoryBrowserOptions());
                    services.AddDirectoryBrowser();
                    app.UseFileServer(enableDirectoryBrowsing: true);
                    app.UseFileServer("/files");
                    LookAlike.UseDirectoryBrowser(app, 1);
                    app.UseDirectoryBrowser(3);
                }
            }

            public static class LookAlike
            {
                // Not applicable to the calls above without an int, so they bind to the framework's overloads.
                public static IApplicationBuilder UseDirectoryBrowser(this IApplicationBuilder app, int depth) => app;
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var types = WellKnownTypes.GetOrCreate(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToArray();

        // What the semantic model says (app.M() is the reduced extension) and what IOperation says (the static method).
        var reduced = calls.Select(call => (IMethodSymbol)model.GetSymbolInfo(call).Symbol!).ToArray();
        var fromOperations = calls.Select(call => ((IInvocationOperation)model.GetOperation(call)!).TargetMethod).ToArray();
        Assert.NotNull(reduced[0].ReducedFrom);
        Assert.Equal("LookAlike", reduced[7].ContainingType.Name);
        AssertMatches(reduced);
        AssertMatches(fromOperations);
        Assert.False(WellKnownTypes.Contains(types.UseDirectoryBrowser, null));
        Assert.False(WellKnownTypes.Contains(MethodSet.Empty(), reduced[0]));

        void AssertMatches(IMethodSymbol[] methods)
        {
            Assert.Equal(
                new[] { true, true, true, false, false, false, false, false },
                methods.Select(m => WellKnownTypes.Contains(types.UseDirectoryBrowser, m)));
            Assert.True(WellKnownTypes.Contains(types.AddDirectoryBrowser, methods[3]));
            Assert.Equal(
                new[] { false, false, false, false, true, false, false, false },
                methods.Select(m => WellKnownTypes.Contains(types.UseFileServerWithBrowsingFlag, m)));
        }
    }

    [Fact]
    public void IsHostEnvironment_EveryEnvironmentAbstraction()
    {
        var compilation = Compile(TestFramework.AspNetCore10, """
            public sealed class CustomEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
            {
                public string WebRootPath { get; set; } = "";
                public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = null!;
                public string EnvironmentName { get; set; } = "";
                public string ApplicationName { get; set; } = "";
                public string ContentRootPath { get; set; } = "";
                public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
            }
            """);
        var types = WellKnownTypes.GetOrCreate(compilation);

        Assert.True(types.IsHostEnvironment(types.IHostEnvironment));
        Assert.True(types.IsHostEnvironment(types.IWebHostEnvironment));
        Assert.True(types.IsHostEnvironment(types.IHostingEnvironmentAspNetCore));
        Assert.True(types.IsHostEnvironment(types.IHostingEnvironmentExtensions));
        Assert.True(types.IsHostEnvironment(compilation.GetTypeByMetadataName("CustomEnvironment")));
        Assert.False(types.IsHostEnvironment(types.WebApplication));
        Assert.False(types.IsHostEnvironment(compilation.GetSpecialType(SpecialType.System_String)));
        Assert.False(types.IsHostEnvironment(null));
    }

    private static string[] Signatures(MethodSet methods) =>
        methods.Select(m => "(" + string.Join(", ", m.Parameters.Select(p => p.Type.Name == "String" ? "string" : p.Type.Name)) + ")")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string[] ExtendedTypes(MethodSet methods) =>
        methods.Select(m => m.Parameters[0].Type.ToDisplayString())
            .Order(StringComparer.Ordinal)
            .ToArray();
}
