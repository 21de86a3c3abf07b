using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Identity documents and medical images are pictures by format, so "image" in a folder or an upload's name does not
/// make them public media: a private word in the path, a name in it, or the enclosing method or type wins (a PAN card
/// stored in "PanImage" by a know-your-customer controller; a scan a radiologist uploads as <c>imageFile</c> through a
/// shared upload service). Profile pictures, product images and blog images stay silent.
/// </summary>
public class SSA0006IdentityAndImagingWordsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task IdentityDocumentInAnImageFolder_OfAKycController_IsReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class KycController(IWebHostEnvironment env) : Controller
        {
            public async Task<IActionResult> SubmitCompany(IFormFile taxCard)
            {
                var name = "TaxImage" + Guid.NewGuid() + Path.GetExtension(taxCard.FileName);
                var path = Path.Combine(env.WebRootPath, "TaxImage", name);
                await using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await taxCard.CopyToAsync(stream);
                return Ok();
            }
        }
        """);

    [Fact]
    public Task IdentityWordsInThePath_WinOverImage_AreReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class MembersController(IWebHostEnvironment env) : Controller
        {
            public async Task Store(IFormFile upload)
            {
                var name = Guid.NewGuid() + ".jpg";
                await using (var a = new FileStream(Path.Combine(env.WebRootPath, "AadhaarImages", name), FileMode.Create)) { } //! SSA0006
                await using (var b = new FileStream(Path.Combine(env.WebRootPath, "pan-card-images", name), FileMode.Create)) { } //! SSA0006
                await using (var c = new FileStream(Path.Combine(env.WebRootPath, "NationalIdPhotos", name), FileMode.Create)) { } //! SSA0006
                await using (var d = new FileStream(Path.Combine(env.WebRootPath, "images", "xray", name), FileMode.Create)) { } //! SSA0006
                await using (var e = new FileStream(Path.Combine(env.WebRootPath, "MriPictures", name), FileMode.Create)) { } //! SSA0006
            }
        }
        """);

    [Fact]
    public Task MedicalImages_ThroughASharedUploadService_AreReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class UploadService(IWebHostEnvironment env)
        {
            public async Task<string> SaveAsync(IFormFile file, string area)
            {
                var folder = Path.Combine(env.WebRootPath, "uploads", area);
                var name = Guid.NewGuid() + Path.GetExtension(file.FileName);
                await using var stream = new FileStream(Path.Combine(folder, name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
                return "/uploads/" + area + "/" + name;
            }
        }

        public class ImagingController(UploadService uploads) : Controller
        {
            public Task<string> AddBanner(IFormFile bannerImage) => uploads.SaveAsync(bannerImage, "site-banners");

            public Task<string> AttachStudy(IFormFile imageFile) => uploads.SaveAsync(imageFile, "radiology-images");
        }
        """);

    [Fact]
    public Task PublicMedia_WithoutIdentityOrImagingWords_StaysSilentAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class UploadService(IWebHostEnvironment env)
        {
            public async Task<string> SaveAsync(IFormFile file, string area)
            {
                var name = Guid.NewGuid() + Path.GetExtension(file.FileName);
                await using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", area, name), FileMode.Create);
                await file.CopyToAsync(stream);
                return name;
            }
        }

        public class ShopController(UploadService uploads, IWebHostEnvironment env) : Controller
        {
            public Task<string> SetProfilePicture(IFormFile profileImage) => uploads.SaveAsync(profileImage, "profiles");

            public Task<string> AddProduct(IFormFile productImage) => uploads.SaveAsync(productImage, "product-images");

            public async Task AddBlogImage(IFormFile image)
            {
                var name = "BlogImage" + Guid.NewGuid() + Path.GetExtension(image.FileName);
                await using var stream = new FileStream(Path.Combine(env.WebRootPath, "BlogImage", name), FileMode.Create);
                await image.CopyToAsync(stream);
            }

            // "pan" alone is a cookware word, not a PAN card.
            public async Task AddPanPicture(IFormFile image)
            {
                await using var stream = new FileStream(Path.Combine(env.WebRootPath, "pan-images", Guid.NewGuid() + ".png"), FileMode.Create);
                await image.CopyToAsync(stream);
            }
        }
        """);
}
