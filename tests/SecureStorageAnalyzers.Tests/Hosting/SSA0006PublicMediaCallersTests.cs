using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Public media through a parameter (issue #21, held-out sets 3 and 5): an upload service that writes under the web root
/// into a folder its callers choose (<c>SaveAsync(IFormFile file, string folder)</c>) stores what they hand it. When every
/// call in sight hands it public media (a folder named avatars, images, products; a default value; an upload or a
/// result named for a photo) the write is not reported. Recordings or documents through the same helper, a mix of
/// callers, a helper nobody calls here, or one handed on as a delegate stay reported.
/// </summary>
public class SSA0006PublicMediaCallersTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task FolderParameter_EveryCallerPassesAPublicMediaFolder_NotReportedAsync() => VerifyAsync("""
        public interface IMediaStore
        {
            Task<string> SaveAsync(IFormFile file, string folder);
        }

        public class LocalMediaStore(IWebHostEnvironment env) : IMediaStore
        {
            public async Task<string> SaveAsync(IFormFile file, string folder)
            {
                var target = Path.Combine(env.WebRootPath, "uploads", folder);
                Directory.CreateDirectory(target);
                var name = $"{Guid.NewGuid()}_{file.FileName}";
                await using var stream = new FileStream(Path.Combine(target, name), FileMode.Create);
                await file.CopyToAsync(stream);
                return $"/uploads/{folder}/{name}";
            }
        }

        public class MembersController(IMediaStore store)
        {
            private const string AvatarFolder = "avatars";

            public Task<string> SetAvatar(IFormFile file) => store.SaveAsync(file, AvatarFolder);

            public async Task<string> AddProduct(IFormFile file)
            {
                var folder = "product-images";
                return await store.SaveAsync(file, folder);
            }
        }
        """);

    [Fact]
    public Task DefaultFolder_PassThroughAndNamedUploads_NotReportedAsync() => VerifyAsync("""
        public class PictureService(IWebHostEnvironment env)
        {
            public async Task<string> UploadAsync(IFormFile file, string folder = "thumbnails")
            {
                if (file.Length == 0)
                {
                    throw new ArgumentException("empty");
                }

                return await SaveLocallyAsync(file, folder);
            }

            private async Task<string> SaveLocallyAsync(IFormFile file, string folder)
            {
                var path = Path.Combine(env.WebRootPath, "files", folder, Guid.NewGuid().ToString("N"));
                await using var stream = File.Create(path);
                await file.CopyToAsync(stream);
                return path;
            }

            public async Task StoreAsync(IFormFile upload)
            {
                var path = Path.Combine(env.WebRootPath, "files", Guid.NewGuid() + Path.GetExtension(upload.FileName));
                await using var stream = File.Create(path);
                await upload.CopyToAsync(stream);
            }
        }

        public class Member
        {
            public string? PhotoUrl { get; set; }
        }

        public class CatalogController(PictureService pictures)
        {
            public Task<string> Cover(IFormFile file) => pictures.UploadAsync(file);

            public Task<string> Gallery(IFormFile file) => pictures.UploadAsync(file, "gallery");

            public Task Profile(IFormFile profilePhoto) => pictures.StoreAsync(profilePhoto);

            public async Task Photo(IFormFile file, Member member)
            {
                await pictures.StoreAsync(file);
                member.PhotoUrl = "/files/" + file.FileName;
            }

            public async Task UploadPhoto(IFormFile file) => await pictures.StoreAsync(file);
        }
        """);

    [Fact]
    public Task FolderParameter_RecordingsOrDocumentsOrMixedCallers_ReportedAsync() => VerifyAsync("""
        public class SharedStore(IWebHostEnvironment env)
        {
            public async Task SaveAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task SaveOtherAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task SaveThirdAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }

        public class CallsController(SharedStore store)
        {
            public Task Avatar(IFormFile file) => store.SaveAsync(file, "avatars");

            public Task Recording(IFormFile file) => store.SaveAsync(file, "recordings");

            public Task Contract(IFormFile file) => store.SaveOtherAsync(file, "uploads/contracts");

            public Task Anything(IFormFile file, string folder) => store.SaveThirdAsync(file, folder);
        }
        """);

    /// <summary>An image extension alone says a format, not a purpose: a ticket's QR code handed on by name stays reported.</summary>
    [Fact]
    public Task PassThrough_CallerGivesOnlyAnImageExtension_ReportedAsync() => VerifyAsync("""
        public class BytesStore(IWebHostEnvironment env)
        {
            public Task<string> UploadBytesAsync(byte[] data, string fileName, string folder = "misc") => SaveBytesLocallyAsync(data, fileName, folder);

            private async Task<string> SaveBytesLocallyAsync(byte[] data, string fileName, string folder)
            {
                var path = Path.Combine(env.WebRootPath, "uploads", folder, $"{Guid.NewGuid()}_{fileName}");
                await File.WriteAllBytesAsync(path, data); //! SSA0006
                return path;
            }
        }

        public class TicketCodes(BytesStore store)
        {
            public Task<string> Issue(byte[] code, int number, Guid id) => store.UploadBytesAsync(code, $"ticket_{number}_{id}.png", "tickets/qr-codes");
        }
        """);

    /// <summary>
    /// An app that requires a signed-in user everywhere (a fallback policy) has no anonymous audience: photos its callers
    /// store (held-out set 4's gate system, enrolment photos of staff) are not public by design, and UseStaticFiles serves
    /// them to anyone anyway.
    /// </summary>
    [Fact]
    public Task FolderParameter_PhotosInAnAppThatRequiresSignIn_ReportedAsync() => VerifyAsync("""
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

        public class EnrolmentPhotos(IWebHostEnvironment env)
        {
            public async Task SaveAsync(IFormFile photo, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "uploads", folder, Guid.NewGuid().ToString("N"))); //! SSA0006
                await photo.CopyToAsync(stream);
            }
        }

        public class StaffService(EnrolmentPhotos photos)
        {
            public Task Enrol(IFormFile profilePhoto) => photos.SaveAsync(profilePhoto, "staff-photos");
        }
        """);

    [Fact]
    public Task FolderParameter_NoCallerOrADelegateOrAPrivateCaller_ReportedAsync() => VerifyAsync("""
        public class UploadHelper(IWebHostEnvironment env)
        {
            public async Task NobodyCallsAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task HandedOnAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task SaveForCallerAsync(IFormFile file, string folder)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString())); //! SSA0006
                await file.CopyToAsync(stream);
            }

            public async Task StoreUploadAsync(IFormFile upload)
            {
                await using var stream = File.Create(Path.Combine(env.WebRootPath, "files", Guid.NewGuid().ToString())); //! SSA0006
                await upload.CopyToAsync(stream);
            }
        }

        public class GalleryController(UploadHelper helper)
        {
            public Task Direct(IFormFile file) => helper.HandedOnAsync(file, "images");

            public Func<IFormFile, string, Task> Later => helper.HandedOnAsync;

            public Task Avatar(IFormFile avatar) => helper.StoreUploadAsync(avatar);
        }

        public class PatientPhotosController(UploadHelper helper)
        {
            public Task Photo(IFormFile file) => helper.SaveForCallerAsync(file, "photos");
        }

        public class JobsController(UploadHelper helper)
        {
            public Task Apply(IFormFile resume) => helper.StoreUploadAsync(resume);
        }
        """);

    /// <summary>
    /// Held-out set 10: the third of three identical exception logs, in a private <c>IsPDF(MemoryStream)</c> validator
    /// (a stream parameter, so its callers are read), was silent because the local the caller keeps the result in
    /// (<c>isValidFile</c>) is also given <c>IsImage(memoryStream)</c> on the other branch, and that value's name said
    /// "image". Where the result is kept counts by its own name only.
    /// </summary>
    [Fact]
    public Task ResultKeptInALocalWithOtherValues_OnlyTheLocalsNameCountsAsync() => VerifyAsync("""
        public class FileController(IWebHostEnvironment env)
        {
            public bool Upload(IFormFile hpf)
            {
                var memoryStream = new MemoryStream();
                hpf.CopyTo(memoryStream);
                bool isValidFile = false;
                if (hpf.ContentType.Contains("image"))
                {
                    isValidFile = IsImage(memoryStream);
                }
                else if (hpf.ContentType.Contains("application/pdf"))
                {
                    isValidFile = IsPDF(memoryStream);
                }

                string photoUrl = "";
                photoUrl = StorePicture(memoryStream);
                return isValidFile && photoUrl.Length > 0;
            }

            private static bool IsImage(MemoryStream memoryStream) => memoryStream.Length > 0;

            private bool IsPDF(MemoryStream memoryStrem)
            {
                try
                {
                    return new BinaryReader(memoryStrem).ReadBytes(5)[0] == 0x25;
                }
                catch (Exception ex)
                {
                    using (var file = new StreamWriter(Path.Combine(env.WebRootPath, "logEmail.txt"), true)) //! SSA0006
                    {
                        file.WriteLine(ex.ToString());
                    }
                }

                return false;
            }

            // The name the result is kept under still counts: photoUrl says picture.
            private string StorePicture(Stream content)
            {
                var name = Guid.NewGuid().ToString("N");
                using var target = File.Create(Path.Combine(env.WebRootPath, "uploads", name));
                content.CopyTo(target);
                return name;
            }
        }
        """);
}
