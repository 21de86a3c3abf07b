using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Live;
using SecureStorageAnalyzers.Tests.Verifiers;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 runs wherever the package is installed (issue #21, reach): a console job, a worker or a class library with
/// System.IO alone. A syntax pre-filter (<see cref="StorageSinks.MentionsStorage"/>) spares a project with no storage
/// call the work on its strings and helper calls.
/// </summary>
public class SSA0101ReachTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Pack = ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzer());

    private static CSharpCompilationFacts Compile(params (string Path, string Text)[] files) =>
        new(DocumentScope.Compile(files, TestReferences.NetCoreOnly, webUsings: false));

    [Fact]
    public async Task PlainConsoleApp_WithoutAspNetCore_ReportsAPhoneNumberInAFileNameAsync()
    {
        var compilation = Compile(("/src/Program.cs", """
            using System.IO;

            var customer = new Customer { Phone = "+15551234567" };
            var audio = new byte[16];
            File.WriteAllBytes($"{customer.Phone}.wav", audio);

            class Customer { public string Phone { get; set; } = ""; }
            """)).Compilation;
        Assert.Equal(OutputKind.ConsoleApplication, compilation.Options.OutputKind);
        Assert.DoesNotContain(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));

        var finding = Assert.Single(await DocumentScope.FullAsync(compilation, Pack), d => d.Id.StartsWith("SSA", StringComparison.Ordinal));
        Assert.Equal("SSA0101", finding.Id);
        Assert.Contains("'customer.Phone' is a phone number", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassLibraryHelper_WithoutAspNetCore_IsFollowedAsync()
    {
        var compilation = Compile(("/src/Exports.cs", """
            using System.IO;

            public class Patient { public string Email { get; set; } = ""; }

            public class Exporter
            {
                private readonly string _dir;
                public Exporter(string dir) => _dir = dir;
                public void Write(string owner, string csv) => File.WriteAllText(Path.Combine(_dir, owner + ".csv"), csv);
                public void Export(Patient patient) => Write(patient.Email, "a,b");
            }
            """)).Compilation;

        var finding = Assert.Single(await DocumentScope.FullAsync(compilation, Pack), d => d.Id == "SSA0101");
        Assert.Equal("patient.Email", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
    }

    [Fact]
    public void PreFilter_SaysWhetherAnyFileNamesAStorageCall()
    {
        var noStorage = Compile(("/src/Names.cs", """
            public class Greeter
            {
                public string Greet(string lastName) => $"letters/{lastName}/hello.txt";
                public string Route(string email) => "/users/" + email;
            }
            """));
        var storageElsewhere = Compile(
            ("/src/Names.cs", "public class Greeter { public string Greet(string lastName) => $\"letters/{lastName}/hello.txt\"; }"),
            ("/src/Disk.cs", "public static class Disk { public static void Save(string p) => System.IO.File.WriteAllText(p, \"\"); }"));

        Assert.False(noStorage.Sinks.MentionsStorage(noStorage.Compilation, CancellationToken.None));
        Assert.True(storageElsewhere.Sinks.MentionsStorage(storageElsewhere.Compilation, CancellationToken.None));
    }

    [Fact]
    public async Task PathLikeString_InAFileWithoutStorageCall_IsReportedWhenAnotherFileWritesAsync()
    {
        // The filter is per project, not per file: the path is built in one file and written in another.
        var compilation = Compile(
            ("/src/Names.cs", "public class Letters { public string PathOf(string lastName) => $\"letters/{lastName}/hello.txt\"; }"),
            ("/src/Disk.cs", "public static class Disk { public static void Save(string p) => System.IO.File.WriteAllText(p, \"\"); }")).Compilation;

        var finding = Assert.Single(await DocumentScope.FullAsync(compilation, Pack), d => d.Id == "SSA0101");
        Assert.Equal("/src/Names.cs", finding.Location.SourceTree!.FilePath);

        // A project that never names a storage call: its strings are not analyzed.
        var alone = Compile(("/src/Names.cs", "public class Letters { public string PathOf(string lastName) => $\"letters/{lastName}/hello.txt\"; }")).Compilation;
        Assert.DoesNotContain(await DocumentScope.FullAsync(alone, Pack), d => d.Id.StartsWith("SSA", StringComparison.Ordinal));
    }

    private sealed class CSharpCompilationFacts(Compilation compilation)
    {
        public Compilation Compilation { get; } = compilation;

        public StorageSinks Sinks { get; } = StorageSinks.Create(WellKnownTypes.GetOrCreate(compilation));
    }
}
