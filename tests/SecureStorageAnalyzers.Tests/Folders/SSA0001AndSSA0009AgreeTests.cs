using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Tests.Live;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>
/// Issues #15 and #21: "is this folder private?" has one answer (ServedFolders.WhyPrivate: its name, or the request data
/// the project writes into it, compared by folder identity), asked by SSA0001 while typing and by SSA0009 at the end of
/// the compilation, so the two agree: a folder private only by the writes gets both findings, a near miss (one segment
/// differs, not request data) neither. Run with the whole pack, as a build runs it, and in document scope for SSA0001.
/// </summary>
public class SSA0001AndSSA0009AgreeTests
{
    private const string Program = "/src/Program.cs";

    private static readonly string[] Both = ["SSA0001", "SSA0009"];

    [Fact]
    public async Task PrivateOnlyByTheUploadsWrittenIntoIt_AcrossFiles_BothReportAndSayWhyAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                using Microsoft.Extensions.FileProviders;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "media")), RequestPath = "/m" });
                app.MapPost("/m/{phone}", (string phone, IFormFile file, MediaStore store) => store.SaveAsync(phone, file));
                app.Run();
                """),
            ("/src/MediaStore.cs", """
                public class MediaStore(IWebHostEnvironment env)
                {
                    public async Task SaveAsync(string phone, IFormFile file)
                    {
                        await using var stream = File.Create(Path.Combine(env.ContentRootPath, "media", phone + ".m4a"));
                        await file.CopyToAsync(stream);
                    }
                }
                """),
        ]);

        var findings = await ChainAndPrivateAsync(compilation);

        Assert.Equal(["SSA0001 at /src/Program.cs:5", "SSA0009 at /src/Program.cs:5"], DocumentScope.Lines(findings));
        var ssa0001 = Assert.Single(findings, d => d.Id == "SSA0001");
        Assert.Contains("serves a folder the app writes uploaded files into (IFormFile.CopyToAsync writes into it at MediaStore.cs:6)", ssa0001.GetMessage());

        // While typing (the open document only): the same SSA0001, with the same message.
        var live = await DocumentScope.InDocumentAsync(compilation, compilation.SyntaxTrees.First(t => t.FilePath == Program));
        Assert.Equal(ssa0001.GetMessage(), Assert.Single(live, d => d.Id == "SSA0001").GetMessage());
        Assert.DoesNotContain(live, d => d.Id == "SSA0009");
    }

    /// <summary>The same folder by a configuration key: options bound from a section on one side, the key on the other.</summary>
    [Fact]
    public async Task PrivateByUploads_TheFolderNamedByAConfigurationKeyAndAnOptionsMember_BothReportAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                using Microsoft.Extensions.FileProviders;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.Configure<MediaOptions>(builder.Configuration.GetSection("Media"));
                var app = builder.Build();
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(app.Configuration.GetValue<string>("Media:Folder")!) });
                app.Run();
                """),
            ("/src/MediaOptions.cs", "public class MediaOptions { public string Folder { get; set; } = \"\"; }"),
            ("/src/MediaStore.cs", """
                using Microsoft.Extensions.Options;

                public class MediaStore(IOptions<MediaOptions> options)
                {
                    private readonly string _folder = options.Value.Folder;

                    public async Task SaveAsync(string email, HttpRequest request)
                    {
                        await using var stream = new FileStream(Path.Combine(_folder, email + ".bin"), FileMode.Create);
                        await request.Body.CopyToAsync(stream);
                    }
                }
                """),
        ]);

        var findings = await ChainAndPrivateAsync(compilation);

        Assert.Equal(["SSA0001 at /src/Program.cs:6", "SSA0009 at /src/Program.cs:6"], DocumentScope.Lines(findings));
    }

    [Fact]
    public async Task PrivateByItsName_BothReport_AndSSA0001SaysTheNameAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                using Microsoft.Extensions.FileProviders;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
                app.MapPost("/c/{phone}", (string phone, byte[] audio) => File.WriteAllBytes(Path.Combine(root, phone + ".wav"), audio));
                app.Run();
                """),
        ]);

        var findings = await ChainAndPrivateAsync(compilation);

        Assert.Equal(["SSA0001 at /src/Program.cs:6", "SSA0009 at /src/Program.cs:6"], DocumentScope.Lines(findings));
        Assert.Contains("the name 'recordings'", Assert.Single(findings, d => d.Id == "SSA0001").GetMessage());
    }

    /// <summary>The folder's name is known only through a project helper in another file: the model resolves it for both rules.</summary>
    [Fact]
    public async Task PrivateByTheNameTheFolderModelResolvesThroughAHelper_BothReportAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(StoragePaths.Calls(app.Environment)) });
                app.MapPost("/c/{email}", (string email, byte[] body) => File.WriteAllBytes(Path.Combine(StoragePaths.Calls(app.Environment), email + ".mp3"), body));
                app.Run();
                """),
            ("/src/StoragePaths.cs", """
                public static class StoragePaths
                {
                    public static string Calls(IWebHostEnvironment env) => Path.Combine(env.ContentRootPath, "app", "calls");
                }
                """),
        ]);

        var findings = await ChainAndPrivateAsync(compilation);

        Assert.Equal(["SSA0001 at /src/Program.cs:3", "SSA0009 at /src/Program.cs:3"], DocumentScope.Lines(findings));
        // The value-flow engine follows the helper's return (one level), so SSA0001 reads the folder's name itself ("the
        // name 'calls'"); without it the folder model names the word in the resolved path ("the word 'calls' in 'app/calls'").
        Assert.Contains("'calls'", Assert.Single(findings, d => d.Id == "SSA0001").GetMessage());
    }

    // ---- Near misses: neither ----

    /// <summary>The uploads go to 'media', the served folder is 'media/public' (one segment more), or 'medias' (one segment differs).</summary>
    [Fact]
    public async Task ServedAndUploadFoldersDifferByOneSegment_NeitherAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                using Microsoft.Extensions.FileProviders;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "media", "public")) });
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "medias")) });
                app.MapPost("/m/{phone}", async (string phone, IFormFile file) =>
                {
                    await using var stream = File.Create(Path.Combine(builder.Environment.ContentRootPath, "media", phone + ".m4a"));
                    await file.CopyToAsync(stream);
                });
                app.Run();
                """),
        ]);

        Assert.Empty(DocumentScope.Lines(await ChainAndPrivateAsync(compilation)));
    }

    /// <summary>Files named after people, but the app's own content, not request data, in a folder no word marks: not private, no chain.</summary>
    [Fact]
    public async Task PersonalNamesButNoRequestDataAndNoPrivateName_NeitherAsync()
    {
        var compilation = DocumentScope.Compile([
            (Program, """
                using Microsoft.Extensions.FileProviders;

                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                var root = Path.Combine(builder.Environment.ContentRootPath, "cards");
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
                app.MapPost("/c/{email}", (string email) => File.WriteAllText(Path.Combine(root, email + ".txt"), "Welcome!"));
                app.Run();
                """),
        ]);

        Assert.Empty(DocumentScope.Lines(await ChainAndPrivateAsync(compilation)));
    }

    private static async Task<List<Diagnostic>> ChainAndPrivateAsync(Compilation compilation) =>
        (await DocumentScope.FullAsync(compilation)).Where(d => Both.Contains(d.Id)).ToList();
}
