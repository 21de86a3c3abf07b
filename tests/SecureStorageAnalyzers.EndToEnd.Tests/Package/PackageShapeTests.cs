using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>What is inside the .nupkg that <c>dotnet pack</c> made: the layout NuGet and the compiler rely on.</summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class PackageShapeTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    /// <summary>The compiler of the .NET 8 SDK (8.0.100) and Visual Studio 17.8: the oldest the README promises.</summary>
    private static readonly Version RoslynFloor = new(4, 8, 0, 0);

    private static readonly string[] AnalyzerAssemblies = ["SecureStorageAnalyzers.Analyzers.dll", "SecureStorageAnalyzers.CodeFixes.dll"];

    [Fact]
    public void Package_has_both_assemblies_under_analyzers_dotnet_cs_and_nothing_under_lib()
    {
        var entries = Entries();
        var listing = string.Join('\n', entries);
        output.WriteLine($"{fixture.PackagePath}:\n{listing}");

        foreach (var assembly in AnalyzerAssemblies)
        {
            Assert.True(entries.Contains($"analyzers/dotnet/cs/{assembly}"),
                $"{assembly} is not under analyzers/dotnet/cs/, so the compiler never loads it. Package contents:\n{listing}");
        }

        var dlls = entries.Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(dlls.Count == AnalyzerAssemblies.Length,
            $"Expected exactly the two analyzer assemblies and no other dll (a dependency would have to be loaded by the compiler too). Package contents:\n{listing}");

        var lib = entries.Where(e => e.StartsWith("lib/", StringComparison.OrdinalIgnoreCase) || e.StartsWith("ref/", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(lib.Count == 0,
            $"Nothing may go under lib/ or ref/: consumers would reference it and ship it with their app. Found:\n{string.Join('\n', lib)}\nPackage contents:\n{listing}");
    }

    [Fact]
    public void Package_has_build_props_and_targets_named_after_the_package_id()
    {
        var entries = Entries();
        var listing = string.Join('\n', entries);
        // NuGet imports build/<id>.props and build/<id>.targets only under exactly these names.
        Assert.True(entries.Contains("build/SecureStorageAnalyzers.props"), $"build/SecureStorageAnalyzers.props is missing. Package contents:\n{listing}");
        Assert.True(entries.Contains("build/SecureStorageAnalyzers.targets"), $"build/SecureStorageAnalyzers.targets is missing (web.config would never reach the analyzers). Package contents:\n{listing}");
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_with_readme_and_license_expression()
    {
        var entries = Entries();
        var nuspecText = ReadEntry("SecureStorageAnalyzers.nuspec");
        output.WriteLine(nuspecText);
        var metadata = XDocument.Parse(nuspecText).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.True(Element("id") == "SecureStorageAnalyzers", $"Package id is not SecureStorageAnalyzers:\n{nuspecText}");
        Assert.True(Element("version") == fixture.Version, $"Package version is not the unique version {fixture.Version} of this run:\n{nuspecText}");
        Assert.True(Element("developmentDependency") == "true",
            $"developmentDependency must be true (consumers get PrivateAssets=all and the analyzers never flow to their dependants):\n{nuspecText}");

        var license = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "license");
        Assert.True(license is not null && (string?)license.Attribute("type") == "expression" && !string.IsNullOrWhiteSpace(license.Value),
            $"The nuspec must carry a license expression (<license type=\"expression\">):\n{nuspecText}");

        var readme = Element("readme");
        Assert.True(!string.IsNullOrEmpty(readme), $"The nuspec names no readme:\n{nuspecText}");
        Assert.True(entries.Contains(readme!), $"The nuspec names readme '{readme}' but the package has no such file:\n{string.Join('\n', entries)}");
        Assert.True(ReadEntry(readme!).Trim().Length > 0, $"The packed readme '{readme}' is empty.");
    }

    /// <summary>
    /// An analyzer compiled against a newer Microsoft.CodeAnalysis than the user's compiler is skipped with only a
    /// CS9057 warning. The README promises the .NET 8 SDK / VS 17.8 compiler (4.8.0): no packed assembly may ask for more.
    /// </summary>
    [Fact]
    public void Packed_assemblies_reference_no_Microsoft_CodeAnalysis_newer_than_the_floor()
    {
        var report = new List<string>();
        var violations = new List<string>();
        foreach (var assembly in AnalyzerAssemblies)
        {
            var bytes = ReadEntryBytes($"analyzers/dotnet/cs/{assembly}");
            using var pe = new PEReader(new MemoryStream(bytes));
            var reader = pe.GetMetadataReader();
            var roslynReferences = 0;
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                var name = reader.GetString(reference.Name);
                report.Add($"{assembly} -> {name} {reference.Version}");
                if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                {
                    roslynReferences++;
                    if (reference.Version > RoslynFloor)
                    {
                        violations.Add($"{assembly} references {name} {reference.Version} > {RoslynFloor}");
                    }
                }
            }

            Assert.True(roslynReferences > 0, $"{assembly} references no Microsoft.CodeAnalysis assembly at all: is it really the analyzer?\n{string.Join('\n', report)}");
        }

        output.WriteLine(string.Join('\n', report));
        Assert.True(violations.Count == 0,
            $"Users on the .NET 8 SDK / VS 17.8 (Roslyn {RoslynFloor}) would get CS9057 and no analysis:\n{string.Join('\n', violations)}\nAll references:\n{string.Join('\n', report)}");
    }

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        return zip.Entries.Select(e => e.FullName.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }

    private string ReadEntry(string name)
    {
        using var reader = new StreamReader(new MemoryStream(ReadEntryBytes(name)));
        return reader.ReadToEnd();
    }

    private byte[] ReadEntryBytes(string name)
    {
        using var zip = ZipFile.OpenRead(fixture.PackagePath);
        var entry = zip.Entries.FirstOrDefault(e => e.FullName.Replace('\\', '/') == name)
                    ?? throw new Xunit.Sdk.XunitException($"{name} is not in {fixture.PackagePath}:\n{string.Join('\n', zip.Entries.Select(e => e.FullName))}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
