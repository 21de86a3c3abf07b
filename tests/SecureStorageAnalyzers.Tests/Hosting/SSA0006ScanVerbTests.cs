using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// "scan" is a private word as the noun (a medical or identity scan), not as the verb that starts a method's name
/// (<c>ScanUploadAsync</c>, <c>ScanForViruses</c>: the method checks what it stores, and says nothing of what it is). A
/// scan named anywhere else, or the noun later in a method's name (<c>SaveScan</c>, <c>UploadScanImages</c>), still wins
/// over public media.
/// </summary>
public class SSA0006ScanVerbTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task ScanAsTheVerbOfAMethod_LeavesPublicMediaAloneAsync() => VerifyAsync("""
        public class Avatars(IWebHostEnvironment env)
        {
            public async Task ScanAndStoreAvatarAsync(IFormFile avatar)
            {
                var path = Path.Combine(env.WebRootPath, "avatars", Guid.NewGuid() + ".png");
                await using var stream = new FileStream(path, FileMode.Create);
                await avatar.CopyToAsync(stream);
            }

            public async Task StoreGalleryPictureAsync(IFormFile picture)
            {
                var path = Path.Combine(env.WebRootPath, "gallery", ScanForViruses(picture));
                await using var stream = new FileStream(path, FileMode.Create);
                await picture.CopyToAsync(stream);
            }

            private static string ScanForViruses(IFormFile file) => Guid.NewGuid() + ".jpg";
        }
        """);

    [Fact]
    public Task ScanAsTheNoun_StillPrivateAsync() => VerifyAsync("""
        public class Uploads(IWebHostEnvironment env)
        {
            public async Task SaveScanAsync(IFormFile image)
            {
                var path = Path.Combine(env.WebRootPath, "images", Guid.NewGuid() + ".png");
                await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await image.CopyToAsync(stream);
            }

            public async Task UploadScanImagesAsync(IFormFile image)
            {
                var path = Path.Combine(env.WebRootPath, "images", Guid.NewGuid() + ".png");
                await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await image.CopyToAsync(stream);
            }

            public async Task StoreAsync(IFormFile image)
            {
                var path = Path.Combine(env.WebRootPath, "images", "scans", Guid.NewGuid() + ".png");
                await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await image.CopyToAsync(stream);
            }
        }
        """);
}
