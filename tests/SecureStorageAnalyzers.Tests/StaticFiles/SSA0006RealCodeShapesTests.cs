using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.StaticFiles;

/// <summary>
/// The SSA0006 shapes public code bases showed (issue #21): a freshly minted secret name is reached only by whoever is
/// given its URL (product photos, avatars under a Guid: public by design); a name that can be known is reported, and so
/// is a web root kept in a field or reached through the current directory.
/// </summary>
public class SSA0006RealCodeShapesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.StaticFiles.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    [Fact]
    public Task FreshSecretNames_AreNotReported_KnowableNamesAreAsync() => VerifyAsync("""
        public class Uploads(IWebHostEnvironment env)
        {
            public async Task Save(IFormFile file, Guid orderId, string userId)
            {
                var folder = Path.Combine(env.WebRootPath, "images");
                await using (var a = File.Create(Path.Combine(folder, Guid.NewGuid() + Path.GetExtension(file.FileName)))) { await file.CopyToAsync(a); }
                await using (var b = File.Create(Path.Combine(folder, Path.GetRandomFileName()))) { await file.CopyToAsync(b); }
                var stamped = DateTime.Now.ToString("yyyyMMddHHmmssfff") + ".jpg";
                await using (var c = File.Create(Path.Combine(folder, stamped))) { await file.CopyToAsync(c); }
                await using (var d = File.Create(Path.Combine(folder, $"user_{userId}_{DateTime.UtcNow.Ticks}.mp3"))) { await file.CopyToAsync(d); }
                await using (var e = File.Create(Path.Combine(folder, file.FileName))) { await file.CopyToAsync(e); } //! SSA0006
                await using (var f = File.Create(Path.Combine(folder, $"{orderId}.pdf"))) { await file.CopyToAsync(f); } //! SSA0006
                await using (var g = File.Create(Path.Combine(folder, $"{DateTime.Now:yyyyMMdd}.csv"))) { await file.CopyToAsync(g); } //! SSA0006
                await using (var h = File.Create(Path.Combine(folder, userId + ".png"))) { await file.CopyToAsync(h); } //! SSA0006
            }
        }
        """);

    [Fact]
    public Task WebRootPassedToTheProjectsOwnHelperThatWrites_IsReportedAtTheCallAsync() => VerifyAsync("""
        // Issue #21 (measure notes): patients' pictures written by a service the controller hands the web root to.
        public class FileModel { public string FileName { get; set; } = ""; public IFormFile FormFile { get; set; } = null!; }

        public class PatientService
        {
            public string ImageToSave(string root, FileModel f)
            {
                using var s = new FileStream(root + "\\images\\" + f.FileName, FileMode.Create);
                f.FormFile.CopyTo(s);
                return f.FileName;
            }

            public string Avatar(string root, IFormFile file)
            {
                var name = Guid.NewGuid() + Path.GetExtension(file.FileName);
                using var s = File.Create(Path.Combine(root, name));
                file.CopyTo(s);
                return name;
            }

            public bool Exists(string root, string name) => File.Exists(Path.Combine(root, name));
        }

        public class PatientController(IWebHostEnvironment env, PatientService patients)
        {
            public string Upload(FileModel model)
            {
                var saved = patients.ImageToSave(env.WebRootPath, model); //! SSA0006
                patients.Avatar(env.WebRootPath, model.FormFile);
                return patients.Exists(env.WebRootPath, saved) ? saved : "";
            }

            public string Private(FileModel model) => patients.ImageToSave(Path.Combine(env.ContentRootPath, "App_Data"), model);
        }
        """);

    [Fact]
    public Task WebRootKeptInAFieldSetByTheConstructor_IsReportedAsync() => VerifyAsync("""
        public class Orders
        {
            private readonly string _rootDirectory;
            private readonly string _contentDirectory;
            private readonly string _attachments;

            public Orders(IWebHostEnvironment webHostEnvironment)
            {
                _rootDirectory = webHostEnvironment.WebRootPath;
                _contentDirectory = webHostEnvironment.ContentRootPath;
                _attachments = Path.Combine(webHostEnvironment.WebRootPath, "Attachments");
            }

            public async Task Save(IFormFile file, Guid id)
            {
                var path = Path.Combine("Attachments", $"{id}{Path.GetExtension(file.FileName)}");
                await using (var a = new FileStream(Path.Combine(_rootDirectory, path), FileMode.CreateNew)) { await file.CopyToAsync(a); } //! SSA0006
                await using (var b = new FileStream(Path.Combine(_attachments, file.FileName), FileMode.CreateNew)) { await file.CopyToAsync(b); } //! SSA0006
                await using (var c = new FileStream(Path.Combine(_contentDirectory, "App_Data", file.FileName), FileMode.CreateNew)) { await file.CopyToAsync(c); }
            }
        }
        """);

    [Fact]
    public Task WwwrootUnderTheCurrentDirectory_IsReportedAsync() => VerifyAsync("""
        public class Cvs
        {
            public void Save(IFormFile file, string cvName)
            {
                var folder = Directory.GetCurrentDirectory() + "/wwwroot/ImageProfile";
                using var stream = new FileStream(Path.Combine(folder, file.FileName), FileMode.Create); //! SSA0006
                file.CopyTo(stream);
                File.WriteAllBytes("wwwroot/ImageProfile/" + cvName, new byte[0]); //! SSA0006
                File.WriteAllBytes(Directory.GetCurrentDirectory() + "/App_Data/" + cvName, new byte[0]);
            }
        }
        """);
}
