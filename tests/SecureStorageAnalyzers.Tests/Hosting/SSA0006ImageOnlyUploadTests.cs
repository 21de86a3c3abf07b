using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// The product's public-media decision (docs/rules/SSA0006.md): an upload the code restricts to images (its extension
/// checked against image extensions, or its content type against <c>image/</c>) and stores under a name the code
/// generates is public media, whatever its folder is called. Still reported: the uploader's file name, any other value in
/// the name (a user id), a restriction that lets a document through, no restriction, a private word in the path.
/// </summary>
public class SSA0006ImageOnlyUploadTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task ImagesOnly_UnderAGeneratedName_NotReportedAsync() => VerifyAsync("""
        public class UploadService(IWebHostEnvironment env)
        {
            private static readonly string[] Allowed = { ".jpg", ".jpeg", ".png", ".webp" };

            public async Task<string> SaveAsync(IFormFile file)
            {
                var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (!Allowed.Contains(ext))
                {
                    throw new InvalidOperationException("images only");
                }

                var name = $"{Guid.NewGuid()}{ext}";
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", name));
                await file.CopyToAsync(stream);
                return name;
            }

            public async Task SaveCheckedByTypeAsync(IFormFile file)
            {
                if (!file.ContentType.StartsWith("image/"))
                {
                    return;
                }

                var permitted = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".gif", ".png" };
                if (!permitted.Contains(Path.GetExtension(file.FileName)))
                {
                    return;
                }

                var path = Path.Combine(env.WebRootPath, "files", Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName));
                await using var stream = new FileStream(path, FileMode.Create);
                await file.CopyToAsync(stream);
            }
        }
        """);

    [Fact]
    public Task ImagesOnly_ButTheNameIsTheUploadersOrAPersons_ReportedAsync() => VerifyAsync("""
        public class UploadService(IWebHostEnvironment env)
        {
            private static readonly string[] Allowed = { ".jpg", ".png" };

            public async Task SaveAsync(IFormFile file, string userId)
            {
                var ext = Path.GetExtension(file.FileName);
                if (!Allowed.Contains(ext))
                {
                    return;
                }

                await using (var a = File.Create(Path.Combine(env.WebRootPath, "uploads", file.FileName))) { await file.CopyToAsync(a); } //! SSA0006
                await using (var b = File.Create(Path.Combine(env.WebRootPath, "uploads", $"{Guid.NewGuid()}_{file.FileName}"))) { await file.CopyToAsync(b); } //! SSA0006
                await using (var c = File.Create(Path.Combine(env.WebRootPath, "uploads", $"{userId}_{Guid.NewGuid()}{ext}"))) { await file.CopyToAsync(c); } //! SSA0006
                await using (var d = File.Create(Path.Combine(env.WebRootPath, "patients", $"{Guid.NewGuid()}{ext}"))) { await file.CopyToAsync(d); } //! SSA0006
            }
        }
        """);

    [Fact]
    public Task GeneratedName_ButNotRestrictedToImages_ReportedAsync() => VerifyAsync("""
        public class UploadService(IWebHostEnvironment env)
        {
            public async Task SaveAnyAsync(IFormFile file)
            {
                var name = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", name)); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task SaveImageOrPdfAsync(IFormFile file)
            {
                var ext = Path.GetExtension(file.FileName);
                if (ext != ".png" && ext != ".pdf")
                {
                    return;
                }

                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", Guid.NewGuid() + ext)); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }
        """);
}
