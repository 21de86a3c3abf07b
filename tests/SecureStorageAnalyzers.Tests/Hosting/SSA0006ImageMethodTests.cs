using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// An image-only upload in a method named for images (issue #21, held-out set 6): a helper that refuses anything but
/// image extensions and names the file <c>{caller's value}_{Guid}{ext}</c> under the web root, in a method called
/// <c>Store…ImageAsync</c>, stores public media (a batch's logo), whether or not its callers are in sight. A document let
/// through the allow-list, a method whose name says nothing, a name without a fresh value, a private word, or an app that
/// requires a signed-in user everywhere keep the finding. The message says when the caller's value is part of the file's
/// name rather than its folder.
/// </summary>
public class SSA0006ImageMethodTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task ImageOnlyAllowList_InAnImageMethod_NameWithAGuid_NotReportedAsync() => VerifyAsync("""
        public class GroupService
        {
            private static readonly string[] Permitted = { ".png", ".jpg", ".webp" };

            private async Task<string> SaveGroupLogoAsync(IFormFile upload, string groupTitle)
            {
                var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
                if (!Permitted.Contains(extension))
                {
                    throw new InvalidOperationException("images only");
                }

                var cleaned = groupTitle.Replace(" ", "-");
                var fileName = $"{cleaned}_{Guid.NewGuid()}{extension}";
                var folder = Path.Combine("wwwroot", "uploads", "groups");
                await using var output = new FileStream(Path.Combine(folder, fileName), FileMode.Create);
                await upload.CopyToAsync(output);
                return "/uploads/groups/" + fileName;
            }
        }
        """);

    [Fact]
    public Task NoImageWordOrADocumentAllowedOrNoGuidOrPrivateWord_ReportedAsync() => VerifyAsync("""
        public class StoreService
        {
            private async Task<string> StoreFileAsync(IFormFile upload, string prefix)
            {
                var extension = Path.GetExtension(upload.FileName);
                if (extension != ".png" && extension != ".jpg")
                {
                    throw new InvalidOperationException("images only");
                }

                var fileName = $"{prefix}_{Guid.NewGuid()}{extension}";
                await using var output = File.Create(Path.Combine("wwwroot", "uploads", fileName)); //! SSA0006
                await upload.CopyToAsync(output);
                return fileName;
            }

            private async Task StoreImageAsync(IFormFile upload, string prefix)
            {
                var extension = Path.GetExtension(upload.FileName);
                if (!new[] { ".png", ".pdf" }.Contains(extension))
                {
                    throw new InvalidOperationException("no");
                }

                await using var output = File.Create(Path.Combine("wwwroot", "uploads", $"{prefix}_{Guid.NewGuid()}{extension}")); //! SSA0006
                await upload.CopyToAsync(output);
            }

            private async Task StorePhotoAsync(IFormFile upload, string studentId)
            {
                var extension = Path.GetExtension(upload.FileName);
                if (extension != ".png")
                {
                    throw new InvalidOperationException("no");
                }

                await using var output = File.Create(Path.Combine("wwwroot", "uploads", studentId + extension)); //! SSA0006
                await upload.CopyToAsync(output);
            }

            private async Task StorePatientImageAsync(IFormFile upload, string prefix)
            {
                var extension = Path.GetExtension(upload.FileName);
                if (extension != ".png")
                {
                    throw new InvalidOperationException("no");
                }

                await using var output = File.Create(Path.Combine("wwwroot", "uploads", $"{prefix}_{Guid.NewGuid()}{extension}")); //! SSA0006
                await upload.CopyToAsync(output);
            }
        }
        """);

    [Fact]
    public Task ImageMethod_InAnAppThatRequiresSignIn_ReportedAsync() => VerifyAsync("""
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

        public class BadgeService(IWebHostEnvironment env)
        {
            public async Task SaveBadgeImageAsync(IFormFile upload, string holder)
            {
                var extension = Path.GetExtension(upload.FileName);
                if (extension != ".jpg")
                {
                    throw new InvalidOperationException("no");
                }

                await using var output = File.Create(Path.Combine(env.WebRootPath, "badges", $"{holder}_{Guid.NewGuid()}{extension}")); //! SSA0006
                await upload.CopyToAsync(output);
            }
        }
        """);
}
