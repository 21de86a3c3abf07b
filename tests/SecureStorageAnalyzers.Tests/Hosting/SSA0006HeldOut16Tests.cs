using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Held-out set 16 and the labelled set (session 18, h-s18): an upload in a method named for pictures under a generated
/// name; a profile picture in a picture folder written by a type named for a data subject; a helper that re-saves the file
/// the method has just written (one file, one finding); a selfie (biometric, whatever its extension); and a ringtone (an
/// audio asset the app plays, where a recording of the same shape stays reported).
/// </summary>
public class SSA0006HeldOut16Tests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task UploadInPictureMethod_GeneratedName_NotReportedAsync() => VerifyAsync("""
        public class CatalogueController(IWebHostEnvironment env)
        {
            public async Task<string> UploadImage(IFormFile file)
            {
                var folder = Path.Combine(env.WebRootPath ?? "wwwroot", "uploads", "catalogue");
                Directory.CreateDirectory(folder);
                var name = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using (var stream = new FileStream(Path.Combine(folder, name), FileMode.Create))
                {
                    await file.CopyToAsync(stream);
                }

                return "/uploads/catalogue/" + name;
            }

            public async Task SaveLogoAsync(IFormFile upload)
            {
                var target = Path.Combine(env.WebRootPath, "uploads", Guid.NewGuid().ToString("N") + Path.GetExtension(upload.FileName));
                await using var output = File.Create(target);
                await upload.CopyToAsync(output);
            }
        }
        """);

    [Fact]
    public Task UploadInPictureMethod_ButOtherWordsOrDocumentsOrAPersonsName_ReportedAsync() => VerifyAsync("""
        public class CatalogueController(IWebHostEnvironment env)
        {
            // No picture word in the method's name.
            public async Task UploadFile(IFormFile file)
            {
                var name = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }

            // A profile is not a picture by format: the method may store the profile's CV.
            public async Task UpdateProfile(IFormFile file)
            {
                var name = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }

            // The method lets documents through.
            public async Task UploadImage(IFormFile file)
            {
                var extension = Path.GetExtension(file.FileName);
                if (extension != ".png" && extension != ".pdf")
                {
                    throw new InvalidOperationException("no");
                }

                using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", $"{Guid.NewGuid()}{extension}"), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }

            // The name is the person's, not generated.
            public async Task UploadPhoto(IFormFile file, string employeeId)
            {
                var name = $"{employeeId}_{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }

            // A private word in the method's name.
            public async Task UploadPrescriptionImage(IFormFile file)
            {
                var name = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using var stream = new FileStream(Path.Combine(env.WebRootPath, "uploads", name), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }
        """);

    [Fact]
    public Task ProfilePictureInPictureFolder_OfADataSubjectsController_NotReportedAsync() => VerifyAsync("""
        public class Patient { public string? ProfileImage { get; set; } }

        public class PatientsController
        {
            public async Task UploadProfileImage(Patient patient, IFormFile profileImage)
            {
                var fileName = Guid.NewGuid().ToString() + Path.GetExtension(profileImage.FileName);
                var path = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/images", fileName);
                using (var stream = new FileStream(path, FileMode.Create))
                {
                    await profileImage.CopyToAsync(stream);
                }

                patient.ProfileImage = "/images/" + fileName;
            }
        }
        """);

    [Fact]
    public Task DataSubjectsController_OtherPicturesOrFoldersOrWords_ReportedAsync() => VerifyAsync("""
        public class PatientsController
        {
            // Any picture of a patient (a wound photo) is not the account's profile picture.
            public async Task UploadPhoto(IFormFile photo)
            {
                var fileName = Guid.NewGuid().ToString() + Path.GetExtension(photo.FileName);
                using var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/images", fileName), FileMode.Create); //! SSA0006
                await photo.CopyToAsync(stream);
            }

            // The folder says nothing of pictures.
            public async Task UploadAvatar(IFormFile profileImage)
            {
                var fileName = Guid.NewGuid().ToString() + Path.GetExtension(profileImage.FileName);
                using var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/uploads", fileName), FileMode.Create); //! SSA0006
                await profileImage.CopyToAsync(stream);
            }

            // The data subject is in the method's own name.
            public async Task UploadPatientImage(IFormFile profileImage)
            {
                var fileName = Guid.NewGuid().ToString() + Path.GetExtension(profileImage.FileName);
                using var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/images", fileName), FileMode.Create); //! SSA0006
                await profileImage.CopyToAsync(stream);
            }
        }

        public class KycController
        {
            // Identity checks are not a data subject: kyc wins as before.
            public async Task UploadProfileImage(IFormFile profileImage)
            {
                var fileName = Guid.NewGuid().ToString() + Path.GetExtension(profileImage.FileName);
                using var stream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/images", fileName), FileMode.Create); //! SSA0006
                await profileImage.CopyToAsync(stream);
            }
        }
        """);

    [Fact]
    public Task HelperRewritesTheFileTheMethodWrote_OneFindingAsync() => VerifyAsync("""
        public class MeetingsController(IWebHostEnvironment env)
        {
            public async Task Create(IFormFile evidence, int meetingId, string place)
            {
                var folder = Path.Combine(env.WebRootPath, "uploads", "meetings");
                var savePath = Path.Combine(folder, $"{Guid.NewGuid()}_{meetingId}{Path.GetExtension(evidence.FileName)}");
                using (var stream = new FileStream(savePath, FileMode.Create)) //! SSA0006
                {
                    await evidence.CopyToAsync(stream);
                }

                Stamp(savePath, place);
            }

            private static void Stamp(string savePath, string label)
            {
                var bytes = File.ReadAllBytes(savePath);
                File.WriteAllBytes(savePath, bytes);
            }
        }
        """);

    [Fact]
    public Task HelperWritesFirstOrAnotherFile_ReportedAtTheCallAsync() => VerifyAsync("""
        public class MeetingsController(IWebHostEnvironment env)
        {
            public void Create(byte[] content, int meetingId)
            {
                var savePath = Path.Combine(env.WebRootPath, "uploads", "meetings", $"{Guid.NewGuid()}_{meetingId}.bin");
                Store(savePath, content); //! SSA0006
            }

            public void Again(byte[] content, int meetingId)
            {
                var savePath = Path.Combine(env.WebRootPath, "uploads", "meetings", $"{meetingId}.bin");
                File.WriteAllBytes(savePath, content); //! SSA0006
                savePath = Path.Combine(env.WebRootPath, "uploads", "minutes", $"{meetingId}.bin");
                Store(savePath, content); //! SSA0006
            }

            private static void Store(string savePath, byte[] content) => File.WriteAllBytes(savePath, content);
        }
        """);

    [Fact]
    public Task SelfieForVerification_IsBiometric_ReportedAsync() => VerifyAsync("""
        public class ClockInRequest { public int EmployeeId { get; set; } public string? SelfieBase64 { get; set; } }

        public class AttendanceController
        {
            public async Task ClockIn(ClockInRequest req)
            {
                var bytes = Convert.FromBase64String(req.SelfieBase64!);
                var fileName = $"selfie_in_{req.EmployeeId}_{DateTime.Now:yyyyMMddHHmmss}.jpg";
                var folder = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "uploads");
                await File.WriteAllBytesAsync(Path.Combine(folder, fileName), bytes); //! SSA0006
            }

            public async Task Verify(IWebHostEnvironment env, byte[] bytes)
            {
                await File.WriteAllBytesAsync(Path.Combine(env.WebRootPath, "images", "selfies", Guid.NewGuid() + ".png"), bytes); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task CustomRingtone_IsAnAudioAsset_NotReportedAsync() => VerifyAsync("""
        public class RingtoneService(IWebHostEnvironment environment)
        {
            public async Task<string> UploadRingtoneAsync(IFormFile file, int userId)
            {
                var customDir = Path.Combine(environment.WebRootPath, "ringtones", "custom");
                var fileName = $"user_{userId}_{DateTime.UtcNow.Ticks}{Path.GetExtension(file.FileName)}";
                using (var stream = new FileStream(Path.Combine(customDir, fileName), FileMode.Create))
                {
                    await file.CopyToAsync(stream);
                }

                return $"/ringtones/custom/{fileName}";
            }
        }
        """);

    [Fact]
    public Task RecordingOfTheSameShape_StaysReportedAsync() => VerifyAsync("""
        public class RecordingService(IWebHostEnvironment environment)
        {
            public async Task<string> UploadRecordingAsync(IFormFile file, int userId)
            {
                var customDir = Path.Combine(environment.WebRootPath, "recordings", "custom");
                var fileName = $"user_{userId}_{DateTime.UtcNow.Ticks}{Path.GetExtension(file.FileName)}";
                using (var stream = new FileStream(Path.Combine(customDir, fileName), FileMode.Create)) //! SSA0006
                {
                    await file.CopyToAsync(stream);
                }

                return $"/recordings/custom/{fileName}";
            }

            public async Task StoreUnderRingtonesAsync(IFormFile file, int userId)
            {
                // A recording kept beside the ringtones is still a recording.
                var fileName = $"user_{userId}_{DateTime.UtcNow.Ticks}{Path.GetExtension(file.FileName)}";
                using var stream = new FileStream(Path.Combine(environment.WebRootPath, "ringtones", "recordings", fileName), FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
            }
        }
        """);
}
