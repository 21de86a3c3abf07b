using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>Which framework the code under test compiles against.</summary>
public enum TestFramework
{
    /// <summary>.NET 10 with ASP.NET Core, from the SDK's reference packs.</summary>
    AspNetCore10,

    /// <summary>.NET 8 (LTS) with ASP.NET Core 8.</summary>
    AspNetCore8,

    /// <summary>.NET 10 without ASP.NET Core: the pack must register nothing.</summary>
    NoAspNetCore,

    /// <summary>.NET 10 with ASP.NET Core and the storage SDKs (Azure Blob Storage, AWS S3, Google Cloud Storage, MinIO) and Microsoft.Extensions.Compliance.</summary>
    AspNetCore10WithStorageSdks,

    /// <summary>.NET 10 without ASP.NET Core, with the storage SDKs only (a worker that writes blobs).</summary>
    StorageSdksOnly,

    /// <summary>.NET 10 with ASP.NET Core and the document and image libraries that save to a path (PDFsharp, ClosedXML, System.Drawing.Common).</summary>
    AspNetCore10WithDocumentWriters,

    /// <summary>.NET Framework 4.8 with System.Web (classic ASP.NET on IIS), from the restored reference assemblies.</summary>
    NetFramework48,
}

internal static class TestSetup
{
    /// <summary>The implicit usings of a <c>Microsoft.NET.Sdk.Web</c> project, as <c>dotnet new web</c> gets them.</summary>
    public const string WebGlobalUsings = """
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static void Configure(AnalyzerTest<DefaultVerifier> test, string source, TestFramework framework, bool webUsings)
    {
        test.ReferenceAssemblies = TestReferences.Empty;
        var references = framework switch
        {
            TestFramework.AspNetCore8 => TestReferences.AspNetCore8,
            TestFramework.NoAspNetCore => TestReferences.NetCoreOnly,
            TestFramework.AspNetCore10WithStorageSdks => TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks),
            TestFramework.AspNetCore10WithDocumentWriters => TestReferences.AspNetCore.AddRange(TestReferences.DocumentWriters),
            TestFramework.StorageSdksOnly => TestReferences.NetCoreOnly.AddRange(TestReferences.StorageSdks),
            TestFramework.NetFramework48 => TestReferences.NetFramework48,
            _ => TestReferences.AspNetCore,
        };
        test.TestState.AdditionalReferences.AddRange(references);

        var outputKind = HasTopLevelStatements(source) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        test.TestState.OutputKind = outputKind;
        if (webUsings && framework is not (TestFramework.NoAspNetCore or TestFramework.StorageSdksOnly or TestFramework.NetFramework48))
        {
            test.TestState.Sources.Add(("GlobalUsings.g.cs", WebGlobalUsings));
        }
    }

    private static bool HasTopLevelStatements(string source) =>
        CSharpSyntaxTree.ParseText(source).GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();
}
