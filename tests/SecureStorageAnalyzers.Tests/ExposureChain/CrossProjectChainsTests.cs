using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.ExposureChain;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.ExposureChain;

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

    /// <summary>
    /// An anonymous endpoint in the web app hands out any file of the configured folder by the name in the URL (SSA0005),
    /// and the worker writes recordings named after callers there: the chain spans the two projects.
    /// </summary>
    [Fact]
    public void WorkerWritesIntoAConfiguredFolderAnAnonymousEndpointServes_OneFindingOnTheFileResult()
    {
        const string endpoint = """
            using System.IO;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine(builder.Configuration["Storage:Recordings"]!, name), "audio/wav"));
            app.Run();
            """;
        var web = Compile("Web", endpoint, OutputKind.ConsoleApplication, TestReferences.AspNetCore);
        var worker = Compile("Worker", Worker, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var candidates = new[] { Collect(web), Collect(worker) };

        Assert.Contains("config:Storage:Recordings", candidates[0].ServedFolders);
        var diagnostic = Assert.Single(CrossProjectChains.Link(candidates));
        Assert.Equal("/web/Program.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(6, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/worker/RecordingWriter.cs", Assert.Single(diagnostic.AdditionalLocations).SourceTree!.FilePath);
    }

    /// <summary>
    /// The cloud form: a set-up project makes the "recordings" container listable by anyone, a worker uploads blobs named by
    /// the caller's number into the container of that name. A container known only by its client object stays each
    /// project's own.
    /// </summary>
    [Fact]
    public void WorkerUploadsIntoAContainerAnotherProjectMakesPublic_LinkedByTheContainersName()
    {
        const string setup = """
            using Azure.Storage.Blobs;
            using Azure.Storage.Blobs.Models;

            public static class Provisioning
            {
                public static void Run(BlobServiceClient blobs, BlobContainerClient injected)
                {
                    blobs.GetBlobContainerClient("recordings").CreateIfNotExists(PublicAccessType.BlobContainer);
                    injected.SetAccessPolicy(PublicAccessType.Blob);
                }
            }
            """;
        const string uploader = """
            using System.IO;
            using Azure.Storage.Blobs;

            public sealed class Uploader(BlobServiceClient blobs, BlobContainerClient injected)
            {
                public void Save(string callerPhoneNumber, Stream audio)
                {
                    blobs.GetBlobContainerClient("recordings").GetBlobClient(callerPhoneNumber + ".wav").Upload(audio);
                    injected.GetBlobClient(callerPhoneNumber + ".wav").Upload(audio);
                }
            }
            """;
        var references = TestReferences.NetCoreOnly.AddRange(TestReferences.StorageSdks);
        var provisioning = Compile("Web", setup, OutputKind.DynamicallyLinkedLibrary, references);
        var worker = Compile("Worker", uploader, OutputKind.DynamicallyLinkedLibrary, references);
        var candidates = new[] { Collect(provisioning), Collect(worker) };

        Assert.Contains("container:name:recordings", candidates[0].ServedFolders);
        Assert.Contains("container:name:recordings", candidates[1].PersonalWriteFolders);
        var diagnostic = Assert.Single(CrossProjectChains.Link(candidates));
        Assert.Equal(7, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(7, Assert.Single(diagnostic.AdditionalLocations).GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'callerPhoneNumber'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>A web app that serves its web root as is, and references the library (its services run in the app's process).</summary>
    private const string ServingApp = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles();
        app.Run();
        """;

    /// <summary>A class library (found on public code, in its own words): the host's IWebHostEnvironment and current directory, names from people.</summary>
    private const string Library = """
        using System.IO;
        using Microsoft.AspNetCore.Hosting;

        public sealed class CallArchive(IWebHostEnvironment env)
        {
            public void Save(string callerPhoneNumber, byte[] audio) =>
                File.WriteAllBytes(Path.Combine(env.WebRootPath, "calls", callerPhoneNumber + ".mp3"), audio);
        }

        public static class Photos
        {
            public static void Save(string firstName, string lastName, byte[] image) =>
                File.WriteAllBytes(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "photos", $"{firstName}_{lastName}.jpg"), image);
        }
        """;

    /// <summary>
    /// The library writes under the app's web root (through the injected environment, and through the current directory's
    /// wwwroot); the app that references it serves its web root to anyone: one finding on the app's registration, with both writes.
    /// </summary>
    [Fact]
    public void LibraryWritesUnderTheReferencingAppsWebRoot_OneFindingOnTheAppsRegistration()
    {
        var library = Compile("Worker", Library, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var web = Compile("Web", ServingApp, OutputKind.ConsoleApplication, TestReferences.AspNetCore.Add(library.ToMetadataReference()));
        var candidates = new[] { Collect(web), Collect(library) };

        Assert.Contains("webroot", candidates[0].ServedFolders);
        Assert.Contains("webroot/calls/…", candidates[1].PersonalWriteFolders);
        Assert.Contains("webroot/photos/…", candidates[1].PersonalWriteFolders);
        var diagnostic = Assert.Single(CrossProjectChains.Link(candidates));
        Assert.Equal("/web/Program.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(2, diagnostic.AdditionalLocations.Count);
        Assert.Contains("the web root", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>Near miss: the app does not reference the library, so the library's web root is some other app's.</summary>
    [Fact]
    public void LibraryNotReferencedByTheServingApp_NotLinked()
    {
        var library = Compile("Worker", Library, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var web = Compile("Web", ServingApp, OutputKind.ConsoleApplication, TestReferences.AspNetCore);
        Assert.Empty(CrossProjectChains.Link(new[] { Collect(web), Collect(library) }));
    }

    /// <summary>Near miss: the writing project is an app of its own (its own process, its own roots), even when referenced.</summary>
    [Fact]
    public void WritingProjectIsAnAppOfItsOwn_NotLinked()
    {
        var library = Compile("Worker", Library + "public static class Program { public static void Main() { } }", OutputKind.ConsoleApplication, TestReferences.AspNetCore);
        var web = Compile("Web", ServingApp, OutputKind.ConsoleApplication, TestReferences.AspNetCore.Add(library.ToMetadataReference()));
        Assert.Empty(CrossProjectChains.Link(new[] { Collect(web), Collect(library) }));
    }

    /// <summary>Near miss: the app moves its web root, so the current directory's wwwroot is not what it serves; the injected web root still is.</summary>
    [Fact]
    public void AppMovesItsWebRoot_OnlyTheInjectedWebRootIsLinked()
    {
        var library = Compile("Worker", Library, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var moved = ServingApp.Replace("var app = builder.Build();", "builder.WebHost.UseWebRoot(\"public\");\nvar app = builder.Build();", StringComparison.Ordinal);
        var web = Compile("Web", moved, OutputKind.ConsoleApplication, TestReferences.AspNetCore.Add(library.ToMetadataReference()));
        var diagnostic = Assert.Single(CrossProjectChains.Link(new[] { Collect(web), Collect(library) }));
        Assert.Single(diagnostic.AdditionalLocations);
        Assert.Contains("'callerPhoneNumber'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    /// <summary>Near miss: the app serves its web root only behind a fallback policy that requires a signed-in user.</summary>
    [Fact]
    public void AppServesItsWebRootBehindAuthorization_NotLinked()
    {
        const string authorized = """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseStaticFiles();
            app.Run();
            """;
        var library = Compile("Worker", Library, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var web = Compile("Web", authorized, OutputKind.ConsoleApplication, TestReferences.AspNetCore.Add(library.ToMetadataReference()));
        Assert.Empty(CrossProjectChains.Link(new[] { Collect(web), Collect(library) }));
    }

    /// <summary>
    /// The app serves a folder a referenced project declares in source (a project reference in the IDE or the audit tool):
    /// that field's initializer is in the library's tree, which the app's compilation cannot bind. Collecting the chain and
    /// running the pack over the app neither throws nor reports AD0001 (held-out set 6 stopped here).
    /// </summary>
    [Fact]
    public async Task AppServesAFolderDeclaredInAReferencedProjectsSource_NoException()
    {
        const string library = """
            public static class StorageFolders
            {
                public static readonly string Recordings = System.IO.Path.Combine(System.IO.Directory.GetCurrentDirectory(), "recordings");
            }
            """;
        const string app = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(StorageFolders.Recordings), RequestPath = "/rec" });
            app.Run();
            """;
        var worker = Compile("Worker", library, OutputKind.DynamicallyLinkedLibrary, TestReferences.AspNetCore);
        var web = Compile("Web", app, OutputKind.ConsoleApplication, TestReferences.AspNetCore.Add(worker.ToMetadataReference()));

        var exception = Record.Exception(() => Collect(web));
        Assert.Null(exception);

        var diagnostics = await web.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzer()))
            .GetAllDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
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
