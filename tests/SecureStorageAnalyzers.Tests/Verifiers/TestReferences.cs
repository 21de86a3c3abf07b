using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// References for the code under test, offline: the SDK's reference packs resolved by the test project's
/// FrameworkReference (see framework-refs.txt), and the .NET 8 packs downloaded at restore time.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net10 = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt"))
            .Where(line => line.Length > 0)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net10CoreOnly = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt"))
            .Where(line => line.Length > 0 && !line.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80 = new(() =>
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                       Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folders = new[]
        {
            Path.Combine(packages, "microsoft.netcore.app.ref", "8.0.0", "ref", "net8.0"),
            Path.Combine(packages, "microsoft.aspnetcore.app.ref", "8.0.0", "ref", "net8.0"),
        };
        return folders.SelectMany(folder => Directory.GetFiles(folder, "*.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    /// <summary>The .NET Framework 4.8 assemblies a classic ASP.NET project compiles against (the restored reference-assemblies package).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetFx48 = new(() =>
    {
        var folder = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "netfx48-refs.txt")).Trim();
        var names = new[]
        {
            "mscorlib", "System", "System.Core", "System.Web", "System.Web.Abstractions", "System.Web.ApplicationServices",
            "System.Configuration", "System.Xml", "System.Data", "System.Drawing", "System.Runtime.Caching",
            // A classic web project references it by default (Web API 2's responses: HttpResponseMessage, ByteArrayContent).
            "System.Net.Http",
        };
        // ASP.NET MVC 5 (System.Web.Mvc and the WebPages and Razor assemblies it binds against), downloaded at restore time.
        var nugetRoot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nuget-root.txt")).Trim();
        var mvc = new[]
        {
            Path.Combine(nugetRoot, "microsoft.aspnet.mvc", "5.2.6", "lib", "net45", "System.Web.Mvc.dll"),
            Path.Combine(nugetRoot, "microsoft.aspnet.webpages", "3.2.6", "lib", "net45", "System.Web.WebPages.dll"),
            Path.Combine(nugetRoot, "microsoft.aspnet.razor", "3.2.6", "lib", "net45", "System.Web.Razor.dll"),
        };
        return names.Select(name => Path.Combine(folder, name + ".dll")).Concat(mvc)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    private static readonly Lazy<ImmutableArray<MetadataReference>> Sdks = new(() =>
    {
        // The SDK assemblies and what they reference, from this test assembly's own output folder.
        var roots = new[]
        {
            typeof(Azure.Storage.Blobs.BlobContainerClient).Assembly,
            typeof(Azure.Storage.Files.Shares.ShareClient).Assembly,
            typeof(Amazon.S3.IAmazonS3).Assembly,
            typeof(Google.Cloud.Storage.V1.StorageClient).Assembly,
            typeof(Minio.IMinioClient).Assembly,
            typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute).Assembly,
        };
        var framework = new HashSet<string>(
            Net10.Value.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath!)),
            StringComparer.OrdinalIgnoreCase);
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>(roots.Select(a => a.Location));
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            var name = Path.GetFileNameWithoutExtension(path);
            if (framework.Contains(name) || !found.TryAdd(name, path))
            {
                continue;
            }

            foreach (var reference in ReferencedAssemblyNames(path))
            {
                var candidate = Path.Combine(AppContext.BaseDirectory, reference + ".dll");
                if (File.Exists(candidate))
                {
                    pending.Push(candidate);
                }
            }
        }

        return found.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>PDFsharp, ClosedXML, EPPlus 4.5.3.3, System.Drawing.Common and the Open XML SDK (with System.IO.Packaging), downloaded at restore time (PackageDownload) and read from the NuGet cache.</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> Writers = new(() =>
    {
        var nugetRoot = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "nuget-root.txt")).Trim();
        var files = new[]
        {
            Path.Combine(nugetRoot, "pdfsharp", "6.2.4", "lib", "net8.0", "PdfSharp.dll"),
            Path.Combine(nugetRoot, "closedxml", "0.95.4", "lib", "netstandard2.0", "ClosedXML.dll"),
            Path.Combine(nugetRoot, "epplus", "4.5.3.3", "lib", "netstandard2.0", "EPPlus.dll"),
            Path.Combine(nugetRoot, "system.drawing.common", "8.0.34", "lib", "net8.0", "System.Drawing.Common.dll"),
            Path.Combine(nugetRoot, "documentformat.openxml", "3.3.0", "lib", "net8.0", "DocumentFormat.OpenXml.dll"),
            Path.Combine(nugetRoot, "documentformat.openxml.framework", "3.3.0", "lib", "net8.0", "DocumentFormat.OpenXml.Framework.dll"),
            Path.Combine(nugetRoot, "system.io.packaging", "8.0.1", "lib", "net8.0", "System.IO.Packaging.dll"),
        };
        return files.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    });

    /// <summary>The document and image libraries that save to a path themselves: PDFsharp, ClosedXML, EPPlus, System.Drawing.Common, the Open XML SDK.</summary>
    public static ImmutableArray<MetadataReference> DocumentWriters => Writers.Value;

    private static List<string> ReferencedAssemblyNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>Azure Blob Storage, AWS S3, Google Cloud Storage, MinIO and Microsoft.Extensions.Compliance, with their dependencies.</summary>
    public static ImmutableArray<MetadataReference> StorageSdks => Sdks.Value;

    /// <summary>No package, so no network: everything comes from <see cref="AspNetCore"/> and friends.</summary>
    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    /// <summary>.NET 10 and ASP.NET Core 10 from the SDK's reference packs.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore => Net10.Value;

    /// <summary>.NET 10 without ASP.NET Core: a console app or class library.</summary>
    public static ImmutableArray<MetadataReference> NetCoreOnly => Net10CoreOnly.Value;

    /// <summary>.NET Framework 4.8 with System.Web and ASP.NET MVC 5: classic ASP.NET.</summary>
    public static ImmutableArray<MetadataReference> NetFramework48 => NetFx48.Value;

    /// <summary>.NET 8 and ASP.NET Core 8 (LTS).</summary>
    public static ImmutableArray<MetadataReference> AspNetCore8 => Net80.Value;

    /// <summary>The repository root, for tests that read docs and release files.</summary>
    public static string RepositoryRoot { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "repo-root.txt")).Trim();

    /// <summary>
    /// <paramref name="source"/> compiled into an assembly and referenced as metadata, as a NuGet package is: the pack
    /// sees its signatures, not its bodies. The test fails with the compiler's messages when the source does not compile.
    /// </summary>
    public static MetadataReference CompiledLibrary(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(assemblyName,
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)) },
            references, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var emitted = compilation.Emit(image);
        Xunit.Assert.True(emitted.Success, $"The library {assemblyName} does not compile:\n" + string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
