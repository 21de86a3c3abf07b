using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.DocumentedShapes;

/// <summary>
/// Writes docs/rules/SSA0006.md names, each reported and not reported. Asserted by line (<see cref="LineFindings"/>):
/// a line ending in <c>//! SSA0006</c> gets the finding, every other line none.
/// </summary>
public class SSA0006DocumentedShapesTests
{
    private static Task VerifyAsync(string source) => LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task FileMoveAndReplace_DestinationUnderTheWebRoot_ReportedAsync() => VerifyAsync("""
        public class Recordings(IWebHostEnvironment env)
        {
            public void Publish(string name)
            {
                File.Move("/tmp/" + name, Path.Combine(env.WebRootPath, "recordings", name)); //! SSA0006
                File.Move(sourceFileName: "/tmp/b.mp3", destFileName: Path.Combine(env.WebRootPath, "b.mp3"), overwrite: true); //! SSA0006
                File.Replace("/tmp/c.mp3", Path.Combine(env.WebRootPath, "c.mp3"), null); //! SSA0006
                File.Replace("/tmp/d.mp3", "wwwroot/d.mp3", "/tmp/d.bak"); //! SSA0006
            }

            public void Archive(string name)
            {
                var archive = Path.Combine(env.ContentRootPath, "App_Data", "archive");
                File.Move(Path.Combine(env.WebRootPath, "recordings", name), Path.Combine(archive, name));
                File.Replace(Path.Combine(env.WebRootPath, "c.mp3"), Path.Combine(archive, "c.mp3"), Path.Combine(archive, "c.bak"));
                File.Replace("/tmp/e.mp3", Path.Combine(archive, "e.mp3"), null);
            }
        }
        """);

    [Fact]
    public Task FileCreate_UnderTheWebRoot_ReportedAsync() => VerifyAsync("""
        public class Exports(IWebHostEnvironment env)
        {
            public void Write(string name)
            {
                using var a = File.Create(Path.Combine(env.WebRootPath, "exports", name)); //! SSA0006
                using var b = File.Create($"{env.WebRootPath}/exports/{name}.csv", 4096); //! SSA0006
                using var c = File.Create("wwwroot/exports/today.csv"); //! SSA0006
                using var d = File.Create(Path.Combine(env.ContentRootPath, "App_Data", name));
                using var e = File.OpenRead(Path.Combine(env.WebRootPath, "exports", name));
            }
        }
        """);

    [Fact]
    public Task PathJoin_WithTheWebRoot_ReportedAsync() => VerifyAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles();
        app.MapPost("/upload", async (IFormFile file, IWebHostEnvironment env) =>
        {
            var path = Path.Join(env.WebRootPath, "uploads", DateTime.UtcNow.ToString("yyyy-MM-dd") + ".csv");
            await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
            await file.CopyToAsync(stream);
            File.WriteAllText(Path.Join(env.WebRootPath, "last-upload.txt"), file.FileName); //! SSA0006
            File.WriteAllText(Path.Join("wwwroot", "count.txt"), "1"); //! SSA0006
            File.WriteAllText(Path.Join(env.ContentRootPath, "App_Data", "last-upload.txt"), file.FileName);
            _ = File.ReadAllText(Path.Join(env.WebRootPath, "index.html"));
        });
        app.Run();
        """);
}
