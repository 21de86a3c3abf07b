using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>Issue #18's cross-project chain: a worker writes recordings named after callers, a web app serves the folder.</summary>
public class CrossProjectChainsTests
{
    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Configuration["Storage:Recordings"]!), RequestPath = "/rec" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(System.IO.Path.Combine(builder.Environment.ContentRootPath, "recordings")) });
        app.Run();
        """;

    private const string Worker = """
        using System.IO;
        using Microsoft.Extensions.Configuration;

        public static class Job
        {
            public static void Run(string phone, byte[] audio) =>
                new RecordingWriter(new ConfigurationBuilder().AddEnvironmentVariables().Build()).Save(phone, audio);
        }

        public sealed class RecordingWriter(IConfiguration configuration)
        {
            public void Save(string callerPhoneNumber, byte[] audio) =>
                File.WriteAllBytes(Path.Combine(configuration["Storage:Recordings"]!, callerPhoneNumber + ".wav"), audio);

            public void SaveLocal(string callerPhoneNumber, byte[] audio) =>
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "recordings", callerPhoneNumber + ".wav"), audio);
        }
        """;

    [Fact]
    public void WorkerWritesIntoAConfiguredFolderTheWebAppServes_OneFindingOnTheWebAppsRegistration()
    {
        var web = Compile("Web", Web, OutputKind.ConsoleApplication, TestReferences.AspNetCore);
        var worker = Compile("Worker", Worker, OutputKind.DynamicallyLinkedLibrary, TestReferences.NetCoreOnly.AddRange(TestReferences.AspNetCore));
        var candidates = new[] { Collect(web), Collect(worker) };

        Assert.Contains("config:Storage:Recordings", candidates[0].ServedFolders);
        Assert.Contains("config:Storage:Recordings/…", candidates[1].PersonalWriteFolders);

        var diagnostic = Assert.Single(CrossProjectChains.Link(candidates));
        Assert.Equal(DiagnosticIds.ExposureChain, diagnostic.Id);
        Assert.Equal("/web/Program.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/worker/RecordingWriter.cs", Assert.Single(diagnostic.AdditionalLocations).SourceTree!.FilePath);
        Assert.Contains("the folder configured at 'Storage:Recordings'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'callerPhoneNumber'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>A content root, a current directory or a field is each project's own: never linked across projects.</summary>
    [Fact]
    public void ProjectRelativeFolders_AreNotLinked()
    {
        var web = Compile("Web", Web.Replace("builder.Configuration[\"Storage:Recordings\"]!", "\"/srv/public\"", StringComparison.Ordinal),
            OutputKind.ConsoleApplication, TestReferences.AspNetCore);
        var worker = Compile("Worker", Worker, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        Assert.Empty(CrossProjectChains.Link(new[] { Collect(web), Collect(worker) }));
    }

    private static ChainCandidates Collect(Compilation compilation) =>
        CrossProjectChains.Collect(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);

    private static Compilation Compile(string name, string source, OutputKind kind, ImmutableArray<MetadataReference> references)
    {
        var path = name == "Web" ? "/web/Program.cs" : "/worker/RecordingWriter.cs";
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source, path: path) }, references,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
