using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// The SSA0006 shapes public code bases showed (issue #21): a write of runtime data under the web root is reported
/// whatever its file name (a random name is a link, and links leak: CVs and health records under a Guid were missed
/// before), unless the path names public media by design (images, photos, avatars, products, an image extension) and
/// nothing private (patient, cv, record, …, a document or recording extension); a web root kept in a field or reached
/// through the current directory is found.
/// </summary>
public class SSA0006RealCodeShapesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    private static async Task<string> MessageAsync(string source)
    {
        var findings = await LineFindings.FindingsAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);
        var finding = Assert.Single(findings);
        return finding.Diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public Task PublicMedia_IsNotReported_WhateverItsNameAsync() => VerifyAsync("""
        public class Shop(IWebHostEnvironment env)
        {
            public async Task Save(IFormFile file, IFormFile profileImage, Guid orderId, string userId)
            {
                var images = Path.Combine(env.WebRootPath, "images");
                await using (var a = File.Create(Path.Combine(images, Guid.NewGuid() + Path.GetExtension(file.FileName)))) { await file.CopyToAsync(a); }
                await using (var b = File.Create(Path.Combine(images, file.FileName))) { await file.CopyToAsync(b); }
                await using (var c = File.Create(Path.Combine(images, userId + ".png"))) { await file.CopyToAsync(c); }
                await using (var d = File.Create(env.WebRootPath + "/HandMade-IMGs/" + DateTime.Now.ToString("yyyyMMddHHmmssfff"))) { await file.CopyToAsync(d); }
                await using (var e = File.Create(Path.Combine(env.WebRootPath, "ProductPhotos", $"{orderId}"))) { await file.CopyToAsync(e); }
                await using (var f = File.Create(Path.Combine(env.WebRootPath, "avatars", userId))) { await file.CopyToAsync(f); }
                await using (var g = File.Create(Path.Combine(env.WebRootPath, "files", $"{orderId}.webp"))) { await file.CopyToAsync(g); }
                var fileName = Guid.NewGuid() + Path.GetExtension(profileImage.FileName);
                await using (var h = File.Create(Path.Combine(env.WebRootPath, "uploads", fileName))) { await profileImage.CopyToAsync(h); }
            }
        }
        """);

    /// <summary>Held-out set 1 (MyUMCApp): profile pictures under <c>uploads/profiles</c>, shown to other users by design.</summary>
    [Fact]
    public Task ProfilePictures_AreNotReportedAsync() => VerifyAsync("""
        public class ProfileService(IWebHostEnvironment env)
        {
            public async Task Upload(IFormFile file, string userId, string extension)
            {
                var uploadPath = Path.Combine(env.WebRootPath ?? env.ContentRootPath, "uploads", "profiles");
                var fileName = $"{userId}-{DateTime.UtcNow:yyyyMMddHHmmss}{extension}";
                await using (var a = new FileStream(Path.Combine(uploadPath, fileName), FileMode.Create)) { await file.CopyToAsync(a); }
                await using (var b = File.Create(Path.Combine(env.WebRootPath, "Profile", Guid.NewGuid().ToString("N")))) { await file.CopyToAsync(b); }
            }
        }
        """);

    /// <summary>A profile's private papers: a private word or a document extension wins over <c>profile</c>.</summary>
    [Fact]
    public Task ProfileDocuments_WithAPrivateWordOrDocumentExtension_AreReportedAsync() => VerifyAsync("""
        public class ProfileService(IWebHostEnvironment env)
        {
            public async Task Upload(IFormFile file, string userId)
            {
                var profiles = Path.Combine(env.WebRootPath, "uploads", "profiles");
                await using (var a = File.Create(Path.Combine(profiles, "documents", userId))) { await file.CopyToAsync(a); } //! SSA0006
                await using (var b = File.Create(Path.Combine(profiles, userId + ".pdf"))) { await file.CopyToAsync(b); } //! SSA0006
                await using (var c = File.Create(Path.Combine(profiles, "cv", file.FileName))) { await file.CopyToAsync(c); } //! SSA0006
            }

            public async Task UploadLicence(IFormFile file) // the method's name says private
            {
                await using var a = File.Create(Path.Combine(env.WebRootPath, "profiles", file.FileName)); //! SSA0006
                await file.CopyToAsync(a);
            }
        }
        """);

    [Fact]
    public Task RandomAndKnowableNames_AreReported_WhenNothingSaysPublicMediaAsync() => VerifyAsync("""
        public class Uploads(IWebHostEnvironment env)
        {
            public async Task Save(IFormFile file, Guid orderId, string userId)
            {
                var folder = Path.Combine(env.WebRootPath, "uploads");
                await using (var a = File.Create(Path.Combine(folder, Guid.NewGuid() + Path.GetExtension(file.FileName)))) { await file.CopyToAsync(a); } //! SSA0006
                await using (var b = File.Create(Path.Combine(folder, Path.GetRandomFileName()))) { await file.CopyToAsync(b); } //! SSA0006
                var stamped = DateTime.Now.ToString("yyyyMMddHHmmssfff");
                await using (var c = File.Create(Path.Combine(folder, stamped))) { await file.CopyToAsync(c); } //! SSA0006
                await using (var d = File.Create(Path.Combine(folder, $"user_{userId}_{DateTime.UtcNow.Ticks}"))) { await file.CopyToAsync(d); } //! SSA0006
                await using (var e = File.Create(Path.Combine(folder, file.FileName))) { await file.CopyToAsync(e); } //! SSA0006
                await using (var f = File.Create(Path.Combine(folder, $"{orderId}.pdf"))) { await file.CopyToAsync(f); } //! SSA0006
                await using (var g = File.Create(Path.Combine(folder, $"{DateTime.Now:yyyyMMdd}.csv"))) { await file.CopyToAsync(g); } //! SSA0006
            }
        }
        """);

    [Fact]
    public Task PrivateWordsAndExtensions_WinOverPublicMediaAsync() => VerifyAsync("""
        public class UserFile { public string CV { get; set; } = ""; public string Photo { get; set; } = ""; }

        public class Profiles(IWebHostEnvironment env)
        {
            public async Task Save(IFormFile file, UserFile user)
            {
                var imgPatient = Path.Combine("wwwroot", "imgPatient");
                await using (var a = File.Create(Path.Combine(imgPatient, file.FileName))) { await file.CopyToAsync(a); } //! SSA0006
                File.WriteAllBytes("wwwroot/ImageProfile/" + user.CV, new byte[0]); //! SSA0006
                File.WriteAllBytes("wwwroot/ImageProfile/" + user.Photo, new byte[0]);
                await using (var b = File.Create(Path.Combine(env.WebRootPath, "images", Guid.NewGuid() + ".pdf"))) { await file.CopyToAsync(b); } //! SSA0006
                await using (var c = File.Create(Path.Combine(env.WebRootPath, "photos", "IdCards", file.FileName))) { await file.CopyToAsync(c); } //! SSA0006
                await using (var d = File.Create(Path.Combine(env.WebRootPath, "CoverLetters", file.FileName))) { await file.CopyToAsync(d); } //! SSA0006
                await using (var e = File.Create(Path.Combine(env.WebRootPath, "covers", file.FileName))) { await file.CopyToAsync(e); }
            }
        }

        public class Doctors(IWebHostEnvironment env)
        {
            public async Task SaveLicence(IFormFile file)
            {
                await using var a = File.Create(Path.Combine(env.WebRootPath, "images", Guid.NewGuid() + ".jpg")); //! SSA0006
                await file.CopyToAsync(a);
            }

            public async Task SaveAvatar(IFormFile file)
            {
                await using var a = File.Create(Path.Combine(env.WebRootPath, "images", Guid.NewGuid() + ".jpg"));
                await file.CopyToAsync(a);
            }
        }
        """);

    [Fact]
    public async Task Messages_SayWhichFactMadeTheWriteReportableAsync()
    {
        Assert.EndsWith("; the word 'Patient' in 'imgPatient' says it is private data, not public media", await MessageAsync("""
            public class A { public void Save(IFormFile file) { using var s = File.Create(Path.Combine("wwwroot", "imgPatient", file.FileName)); } }
            """));
        Assert.EndsWith("; the word 'Licence' in the method 'SaveLicence' says it is private data, not public media", await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void SaveLicence(IFormFile file) { using var s = File.Create(Path.Combine(env.WebRootPath, "images", file.FileName)); } }
            """));
        Assert.EndsWith("; the name 'CV' says it is private data, not public media", await MessageAsync("""
            public class U { public string CV { get; set; } = ""; }
            public class A { public void Save(U user) => File.WriteAllBytes("wwwroot/ImageProfile/" + user.CV, new byte[0]); }
            """));
        Assert.EndsWith("; the extension '.mp3' says it is a document, recording or video, not public media", await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void Save() => File.WriteAllBytes(Path.Combine(env.WebRootPath, "media", Guid.NewGuid() + ".mp3"), new byte[0]); }
            """));
        Assert.EndsWith("; a random name does not hide it: anyone with the link can fetch it, and links leak", await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void Save(byte[] data) => File.WriteAllBytes(Path.Combine(env.WebRootPath, "files", Guid.NewGuid().ToString("N")), data); }
            """));
        Assert.EndsWith("; a random name does not hide an upload stored in a folder its caller chooses (the parameter 'folder'): anyone with the link can fetch it, and links leak", await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void Save(string folder, byte[] data) => File.WriteAllBytes(Path.Combine(env.WebRootPath, folder, Guid.NewGuid().ToString("N")), data); }
            """));
        Assert.EndsWith("; a random name does not hide an upload whose name its caller chooses part of (the parameter 'prefix'): anyone with the link can fetch it, and links leak", await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void Save(string prefix, byte[] data) { var name = $"{prefix}_{Guid.NewGuid():N}"; File.WriteAllBytes(Path.Combine(env.WebRootPath, "uploads", name), data); } }
            """));
        Assert.EndsWith("; " + SSA0006DoNotWriteUnderWebRootTests.NoMedia, await MessageAsync("""
            public class A(IWebHostEnvironment env) { public void Save(byte[] data, string name) => File.WriteAllBytes(Path.Combine(env.WebRootPath, "files", name), data); }
            """));
    }

    [Fact]
    public async Task ConfiguredWords_AreAddedToBothVocabulariesAsync()
    {
        var test = new CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>.Test("""
            public class A(IWebHostEnvironment env)
            {
                public void Save(byte[] data)
                {
                    File.WriteAllBytes(Path.Combine(env.WebRootPath, "ringtones", Guid.NewGuid().ToString("N")), data);
                    File.{|#0:WriteAllBytes(Path.Combine({|#1:env.WebRootPath|}, "images", "dossiers", Guid.NewGuid().ToString("N")), data)|};
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nssa.public_media_names = ringtones\nssa.private_data_names = dossiers\n"));
        test.ExpectedDiagnostics.Add(CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>
            .Diagnostic(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot).WithLocation(0).WithLocation(1)
            .WithArguments("File.WriteAllBytes", "env.WebRootPath", "the name 'dossiers' says it is private data, not public media"));
        await test.RunAsync();
    }

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
                // A random name does not exempt a write; PatientService names the data subject, so not public media either.
                patients.Avatar(env.WebRootPath, model.FormFile); //! SSA0006
                return patients.Exists(env.WebRootPath, saved) ? saved : "";
            }

            public string Private(FileModel model) => patients.ImageToSave(Path.Combine(env.ContentRootPath, "App_Data"), model);
        }
        """);

    [Fact]
    public Task HelperCall_IsJudgedByTheWordsOfTheArgumentAndOfTheHelpersPathAsync() => VerifyAsync("""
        // troja1297's FileUploadService: the caller names the folder, the helper the name.
        public class FileUploadService
        {
            public void Upload(string path, string fileName, IFormFile file)
            {
                using var stream = new FileStream(Path.Combine(path, fileName), FileMode.Create);
                file.CopyTo(stream);
            }

            public void Store(string root, IFormFile file)
            {
                using var stream = File.Create(Path.Combine(root, "thumbnails", Guid.NewGuid() + ".png"));
                file.CopyTo(stream);
            }
        }

        public class CompaniesController(IWebHostEnvironment env, FileUploadService uploads)
        {
            public void Create(IFormFile file, string title)
            {
                uploads.Upload(Path.Combine(env.WebRootPath, $"images\\{title}\\"), file.FileName, file);
                uploads.Upload(Path.Combine(env.WebRootPath, "contracts"), file.FileName, file); //! SSA0006
                uploads.Upload(Path.Combine(env.WebRootPath, "files"), Guid.NewGuid().ToString(), file); //! SSA0006
                uploads.Store(env.WebRootPath, file);
            }
        }
        """);

    [Fact]
    public Task UploadNamedAPhotoHandedToAHelperThatWritesAnyUpload_IsPublicMediaAsync() => VerifyAsync("""
        // Held-out set 18 (yusif017/Chat): a shop's one upload helper writes any file to /uploads/{Guid}{name}; the calls
        // hand it the form's Photo and keep the result in PhotoUrl. The call says what goes in (here no enclosing name says
        // product, as the set's misspelt PraductController did not).
        public static class FileUploud
        {
            public static async Task<string> SeveFileAsync(this IFormFile file, string webRootPath)
            {
                var path = "/uploads/" + Guid.NewGuid() + file.FileName;
                using FileStream stream = new(webRootPath + path, FileMode.Create);
                await file.CopyToAsync(stream);
                return path;
            }
        }

        public class Listing { public string PhotoUrl { get; set; } = ""; public string ManualUrl { get; set; } = ""; }

        public class ListingsController(IWebHostEnvironment env)
        {
            public async Task Create(Listing listing, IFormFile Photo, IFormFile Manual, IFormFile cv, IFormFile attachment)
            {
                listing.PhotoUrl = await FileUploud.SeveFileAsync(Photo, env.WebRootPath);
                listing.PhotoUrl = await Photo.SeveFileAsync(env.WebRootPath);
                listing.ManualUrl = await FileUploud.SeveFileAsync(Manual, env.WebRootPath); //! SSA0006
                var stored = await FileUploud.SeveFileAsync(attachment, env.WebRootPath); //! SSA0006
                // A picture word on one side and a private one on the other: private wins.
                listing.PhotoUrl = await FileUploud.SeveFileAsync(cv, env.WebRootPath); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task FolderReadFromAPhysicalFileProvidersRoot_IsTheFolderItWasCreatedOverAsync() => VerifyAsync("""
        // Held-out set 18 (a document saver): the folder is the Root of a provider built over the web root's Files folder.
        public class UploadController
        {
            public void Upload(IFormFile files)
            {
                var name = Guid.NewGuid() + Path.GetExtension(files.FileName);
                var filepath = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "Files")).Root + $@"\{name}";
                using (FileStream fs = File.Create(filepath)) //! SSA0006
                {
                    files.CopyTo(fs);
                }

                var provider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "Files"));
                using (FileStream fs = File.Create(provider.Root + name)) //! SSA0006
                {
                    files.CopyTo(fs);
                }

                var appData = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(Directory.GetCurrentDirectory(), "App_Data"));
                using (FileStream fs = File.Create(appData.Root + name))
                {
                    files.CopyTo(fs);
                }
            }
        }
        """);

    [Fact]
    public Task PrivateUploadHandedToAHelperThatWritesIntoAPublicMediaFolder_IsReportedAtTheCallAsync() => VerifyAsync("""
        // HagJob: one helper stores photos and CVs under wwwroot/ImageProfile; the calls say which is which.
        public static class UploadFiles
        {
            public static string UploadFile(IFormFile file)
            {
                var photoPath = Directory.GetCurrentDirectory() + "/wwwroot/ImageProfile";
                var photoName = Guid.NewGuid() + Path.GetFileName(file.FileName);
                using var stream = new FileStream(Path.Combine(photoPath, photoName), FileMode.Create);
                file.CopyTo(stream);
                return photoName;
            }

            public static string SaveToAppData(IFormFile file)
            {
                using var stream = new FileStream(Path.Combine("App_Data", Guid.NewGuid().ToString()), FileMode.Create);
                file.CopyTo(stream);
                return "";
            }
        }

        public class UserInformation { public string CV { get; set; } = ""; public string Photo { get; set; } = ""; }

        public class UserInformationController
        {
            public void Create(UserInformation model, IFormFile image, IFormFile cv, IFormFile upload)
            {
                model.Photo = UploadFiles.UploadFile(image);
                model.CV = UploadFiles.UploadFile(cv); //! SSA0006
                var stored = UploadFiles.UploadFile(upload);
                model.CV = UploadFiles.SaveToAppData(upload);
            }
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
