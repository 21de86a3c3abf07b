using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>;
using VerifyFix = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0006DoNotWriteUnderWebRootCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.Hosting;

public class SSA0006DoNotWriteUnderWebRootTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot);

    /// <summary>The message's last part when nothing in the path says what the file is.</summary>
    internal const string NoMedia = "nothing in its path names public media (images, photos, avatars, …)";

    [Fact]
    public async Task MinimalApiUpload_IntoWebRoot_ReportedAtTheWriteAndTheWebRootAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/upload", async (IFormFile file, IWebHostEnvironment env) =>
            {
                var folder = Path.Combine({|#1:env.WebRootPath|}, "uploads");
                var path = Path.Combine(folder, file.FileName);
                await using var stream = {|#0:new FileStream(path, FileMode.Create)|};
                await file.CopyToAsync(stream);
            });
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("new FileStream", "env.WebRootPath", NoMedia));
    }

    [Fact]
    public async Task EveryKindOfWrite_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class ExportsController(IWebHostEnvironment env) : Controller
            {
                public void Export(string name, byte[] data, string csv)
                {
                    var root = {|#1:env.WebRootPath|};
                    System.IO.File.{|#0:WriteAllBytes(Path.Combine(root, "exports", name), data)|};
                    System.IO.File.{|#2:AppendAllText($"{root}/logs/export.log", csv)|};
                    System.IO.File.{|#3:Copy("/tmp/report.pdf", Path.Combine(root, "report.pdf"))|};
                    using var writer = {|#4:new StreamWriter(Path.Combine({|#5:"wwwroot"|}, "reports", "today.csv"))|};
                    var info = new FileInfo(Path.Combine({|#7:env.WebRootPath|}, "cache.bin"));
                    using var cache = info.{|#6:OpenWrite()|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("System.IO.File.WriteAllBytes", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(2).WithLocation(1).WithArguments("System.IO.File.AppendAllText", "env.WebRootPath", NoMedia),
            Diagnostic().WithLocation(3).WithLocation(1).WithArguments("System.IO.File.Copy", "env.WebRootPath",
                "the extension '.pdf' says it is a document, recording or video, not public media"),
            Diagnostic().WithLocation(4).WithLocation(5).WithArguments("new StreamWriter", "\"wwwroot\"",
                "the extension '.csv' says it is a document, recording or video, not public media"),
            Diagnostic().WithLocation(6).WithLocation(7).WithArguments("info.OpenWrite", "env.WebRootPath", NoMedia));
    }

    [Fact]
    public async Task ReadsPrivateFoldersDevelopmentOnlyAndLookalikes_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var env = app.Environment;

            // Reads of the web root are what it is for.
            var manifest = File.ReadAllText(Path.Combine(env.WebRootPath, "manifest.json"));
            using (var read = new FileStream(Path.Combine(env.WebRootPath, "logo.png"), FileMode.Open, FileAccess.Read)) { }
            using (var read2 = File.OpenRead(Path.Combine(env.WebRootPath, "site.css"))) { }
            File.Copy(Path.Combine(env.WebRootPath, "template.docx"), Path.Combine(env.ContentRootPath, "App_Data", "copy.docx"));

            // Writes to a private folder under the content root.
            var data = Path.Combine(env.ContentRootPath, "App_Data");
            Directory.CreateDirectory(data);
            File.WriteAllText(Path.Combine(data, "state.json"), "{}");
            File.WriteAllText("/srv/wwwroot-backup/state.json", "{}");
            File.WriteAllText("wwwroot-old/state.json", "{}");

            // Development only.
            if (app.Environment.IsDevelopment())
            {
                File.WriteAllText(Path.Combine(env.WebRootPath, "debug.json"), "{}");
            }

            app.Run();
            """);
    }

    [Fact]
    public async Task WithoutAspNetCore_NothingIsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class Tool
            {
                public void Save() => File.WriteAllText("wwwroot/out.txt", "");
            }
            """, TestFramework.NoAspNetCore);
    }

    [Fact]
    public async Task NetEight_TopLevelWebRootWrite_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            File.{|#0:WriteAllText(Path.Combine({|#1:builder.Environment.WebRootPath|}, "status.txt"), "ok")|};
            builder.Build().UseStaticFiles();
            """, TestFramework.AspNetCore8,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("File.WriteAllText", "builder.Environment.WebRootPath", NoMedia));
    }

    [Fact]
    public async Task Fix_MovesWritesToAPrivateFolder_FixAllAsync()
    {
        await VerifyFix.VerifyCodeFixAsync("""
            class Uploads
            {
                public void Save(IWebHostEnvironment env, byte[] data, string csv)
                {
                    File.[|WriteAllBytes(Path.Combine(env.WebRootPath, "uploads", "a.bin"), data)|];
                    File.[|WriteAllText("wwwroot/reports/today.csv", csv)|];
                }
            }
            """, """
            class Uploads
            {
                public void Save(IWebHostEnvironment env, byte[] data, string csv)
                {
                    File.WriteAllBytes(Path.Combine(Path.Combine(env.ContentRootPath, "App_Data"), "uploads", "a.bin"), data);
                    File.WriteAllText("App_Data/reports/today.csv", csv);
                }
            }
            """, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey);
    }

    [Fact]
    public async Task Fix_SharedWebRootLocal_IsFixedOnceForTwoWritesAsync()
    {
        await VerifyFix.VerifyCodeFixAsync("""
            class Uploads
            {
                public void Save(IWebHostEnvironment env, byte[] data)
                {
                    var root = env.WebRootPath;
                    File.[|WriteAllBytes(Path.Combine(root, "a.bin"), data)|];
                    File.[|WriteAllBytes(Path.Combine(root, "b.bin"), data)|];
                }
            }
            """, """
            class Uploads
            {
                public void Save(IWebHostEnvironment env, byte[] data)
                {
                    var root = Path.Combine(env.ContentRootPath, "App_Data");
                    File.WriteAllBytes(Path.Combine(root, "a.bin"), data);
                    File.WriteAllBytes(Path.Combine(root, "b.bin"), data);
                }
            }
            """, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey);
    }
    [Fact]
    public async Task Fix_WriteThenReadThroughOnePath_BothMoveTogetherAsync()
    {
        // The path is built in one place and the write and the read both use it: the read finds what the write made.
        await VerifyFix.VerifyCodeFixAsync("""
            class Exports
            {
                public string Export(IWebHostEnvironment env, string day, string csv)
                {
                    var exports = Path.Combine(env.WebRootPath, "exports");
                    Directory.CreateDirectory(exports);
                    var path = Path.Combine(exports, $"calls-{day}.csv");
                    File.[|WriteAllText(path, csv)|];
                    return File.ReadAllText(path);
                }
            }
            """, """
            class Exports
            {
                public string Export(IWebHostEnvironment env, string day, string csv)
                {
                    var exports = Path.Combine(Path.Combine(env.ContentRootPath, "App_Data"), "exports");
                    Directory.CreateDirectory(exports);
                    var path = Path.Combine(exports, $"calls-{day}.csv");
                    File.WriteAllText(path, csv);
                    return File.ReadAllText(path);
                }
            }
            """, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey);
    }

    [Theory]
    [InlineData("""
        // A read of the same folder, built from its own WebRootPath: it would keep looking in wwwroot.
        class Exports
        {
            public void Write(IWebHostEnvironment env, string csv) => File.WriteAllText(Path.Combine(env.WebRootPath, "exports", "today.csv"), csv);
            public string Read(IWebHostEnvironment env) => File.ReadAllText(Path.Combine(env.WebRootPath, "exports", "today.csv"));
        }
        """)]
    [InlineData("""
        // The same folder as a literal.
        class Exports
        {
            public void Write(IWebHostEnvironment env, string csv) => File.WriteAllText($"{env.WebRootPath}/exports/today.csv", csv);
            public string Read() => File.ReadAllText("wwwroot/exports/today.csv");
        }
        """)]
    [InlineData("""
        // The folder served on purpose by a file provider of its own.
        using Microsoft.Extensions.FileProviders;
        class Exports
        {
            public void Write(IWebHostEnvironment env, string csv) => File.WriteAllText(Path.Combine(env.WebRootPath, "exports", "today.csv"), csv);
            public IFileProvider Serve(IWebHostEnvironment env) => new PhysicalFileProvider(Path.Combine(env.WebRootPath, "exports"));
        }
        """)]
    [InlineData("""
        // A web-root expression whose folder cannot be told (a local), next to the write.
        class Exports
        {
            public void Write(IWebHostEnvironment env, string csv) => File.WriteAllText(Path.Combine(env.WebRootPath, "exports", "today.csv"), csv);
            public string Read(IWebHostEnvironment env, string name)
            {
                var root = env.WebRootPath;
                return File.ReadAllText(Path.Combine(root, name));
            }
        }
        """)]
    public async Task Fix_NotOffered_WhenAnotherExpressionNamesTheSameFolderAsync(string source)
    {
        var offers = await CodeFixOffers.GetAsync(source, new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(),
            new SSA0006DoNotWriteUnderWebRootCodeFixProvider());
        Assert.NotEmpty(offers);
        Assert.All(offers, offer => Assert.Empty(offer.EquivalenceKeys));
    }

    [Fact]
    public async Task Fix_OtherFoldersOfTheWebRoot_DoNotStopItAsync()
    {
        // wwwroot/images is read, wwwroot/exports written: different folders, the read is not affected.
        await VerifyFix.VerifyCodeFixAsync("""
            class Exports
            {
                public void Write(IWebHostEnvironment env, string csv) => File.[|WriteAllText(Path.Combine(env.WebRootPath, "exports", "today.csv"), csv)|];
                public byte[] Logo(IWebHostEnvironment env) => File.ReadAllBytes(Path.Combine(env.WebRootPath, "images", "logo.png"));
            }
            """, """
            class Exports
            {
                public void Write(IWebHostEnvironment env, string csv) => File.WriteAllText(Path.Combine(Path.Combine(env.ContentRootPath, "App_Data"), "exports", "today.csv"), csv);
                public byte[] Logo(IWebHostEnvironment env) => File.ReadAllBytes(Path.Combine(env.WebRootPath, "images", "logo.png"));
            }
            """, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey);
    }
}
