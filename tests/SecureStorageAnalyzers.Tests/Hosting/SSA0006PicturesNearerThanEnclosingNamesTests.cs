using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Held-out set 10: pictures written by code whose enclosing names say documents. A document word of the enclosing
/// method or type (<c>ResumeController</c>, a <c>DocumentSettings</c> helper) says what the code around the write
/// handles; the value written (<c>applicant.ProfilePhoto</c>) or what every caller hands in (<c>"Images"</c> with
/// <c>employeeVM.Image</c>) is nearer evidence. Data subjects, documents that are pictures by format (licence, passport,
/// kyc, scan), and a private word of the path itself still win. And a picture by what the code does with it:
/// System.Drawing's <c>Image.Save</c>, or a stored file the same method opens as an image (a photo gallery's crop).
/// </summary>
public class SSA0006PicturesNearerThanEnclosingNamesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    private static Task VerifyClassicAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task PictureNamedByTheValueWritten_InADocumentWordedType_NotReportedAsync() => VerifyAsync("""
        public class Applicant
        {
            public IFormFile? ProfilePhoto { get; set; }
            public IFormFile? Cv { get; set; }
            public IFormFile? Upload { get; set; }
        }

        public class ResumeController(IWebHostEnvironment env)
        {
            private string Photo(Applicant applicant)
            {
                var uploadsFolder = Path.Combine(env.WebRootPath, "Images");
                var uniqueFileName = Guid.NewGuid() + "_" + applicant.ProfilePhoto!.FileName;
                using (var fileStream = new FileStream(Path.Combine(uploadsFolder, uniqueFileName), FileMode.Create))
                {
                    applicant.ProfilePhoto.CopyTo(fileStream);
                }

                return uniqueFileName;
            }

            private void Files(Applicant applicant)
            {
                using var a = new FileStream(Path.Combine(env.WebRootPath, "Images", applicant.Cv!.FileName), FileMode.Create); //! SSA0006
                using var b = new FileStream(Path.Combine(env.WebRootPath, "Images", applicant.Upload!.FileName), FileMode.Create); //! SSA0006
                // A photo in a general folder beside the other files (held-out set 2's ResumeController): the type's word stands.
                using var c = new FileStream(Path.Combine(env.WebRootPath, "Uploads", applicant.ProfilePhoto!.FileName), FileMode.Create); //! SSA0006
            }
        }

        public class RecordsController(IWebHostEnvironment env)
        {
            public void SaveAssetRecord(IFormFile assetPicture) =>
                assetPicture.CopyTo(new FileStream(Path.Combine(env.WebRootPath, "asset-pictures", assetPicture.FileName), FileMode.Create));
        }
        """);

    [Fact]
    public Task PictureNamedByTheValueWritten_UnderASubjectOrPictureDocumentWord_ReportedAsync() => VerifyAsync("""
        public class Model { public IFormFile? ProfilePhoto { get; set; } }

        public class PatientController(IWebHostEnvironment env)
        {
            public void Save(Model model) =>
                model.ProfilePhoto!.CopyTo(new FileStream(Path.Combine(env.WebRootPath, "Images", model.ProfilePhoto.FileName), FileMode.Create)); //! SSA0006
        }

        public class KycController(IWebHostEnvironment env)
        {
            public void Save(IFormFile panImage) =>
                panImage.CopyTo(new FileStream(Path.Combine(env.WebRootPath, "uploads", panImage.FileName), FileMode.Create)); //! SSA0006
        }

        public class ResumeController(IWebHostEnvironment env)
        {
            public void SaveLicence(IFormFile photo) =>
                photo.CopyTo(new FileStream(Path.Combine(env.WebRootPath, "uploads", photo.FileName), FileMode.Create)); //! SSA0006

            public void SaveResume(IFormFile photo) =>
                photo.CopyTo(new FileStream(Path.Combine(env.WebRootPath, "resumes", photo.FileName), FileMode.Create)); //! SSA0006
        }
        """);

    [Fact]
    public Task DocumentWordedHelper_EveryCallerHandsInPictures_NotReportedAsync() => VerifyAsync("""
        public static class DocumentSettings
        {
            public static string UploadFile(IFormFile file, string folderName)
            {
                var folderPath = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/Files", folderName);
                var fileName = $"{Guid.NewGuid()}-{Path.GetFileName(file.FileName)}";
                using var fileStream = new FileStream(Path.Combine(folderPath, fileName), FileMode.Create);
                file.CopyTo(fileStream);
                return fileName;
            }
        }

        public class EmployeeViewModel { public IFormFile Image { get; set; } = null!; }
        public class Employee { public string? ImageUrl { get; set; } }

        public class EmployeeController
        {
            public void Create(EmployeeViewModel employeeVM, Employee employee)
            {
                employee.ImageUrl = DocumentSettings.UploadFile(employeeVM.Image, "Images");
            }
        }
        """);

    [Fact]
    public Task DocumentWordedHelper_CallersHandInDocumentsOrNothing_ReportedAsync() => VerifyAsync("""
        public static class DocumentSettings
        {
            public static string UploadFile(IFormFile file, string folderName)
            {
                var fileName = $"{Guid.NewGuid()}-{Path.GetFileName(file.FileName)}";
                using var fileStream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/Files", folderName, fileName), FileMode.Create); //! SSA0006
                file.CopyTo(fileStream);
                return fileName;
            }
        }

        public static class PatientFiles
        {
            public static string UploadFile(IFormFile file, string folderName)
            {
                using var fileStream = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot/Files", folderName, file.FileName), FileMode.Create); //! SSA0006
                file.CopyTo(fileStream);
                return file.FileName;
            }
        }

        public class EmployeeController
        {
            public void Create(IFormFile image, IFormFile contract, string folder)
            {
                DocumentSettings.UploadFile(image, "Images");
                DocumentSettings.UploadFile(contract, "Files");
                PatientFiles.UploadFile(image, "Images");
            }
        }
        """);

    [Fact]
    public Task GalleryCrop_SavedThenOpenedAsAPicture_NotReportedAsync() => VerifyClassicAsync("""
        using System;
        using System.Drawing;
        using System.IO;
        using System.Web;

        public class GalleryApi
        {
            public void CropAndSave(string moduleName, string fileName, int x, int y, int w, int h)
            {
                string path = HttpContext.Current.Server.MapPath("~/Uploads/" + moduleName + "/");
                foreach (string key in HttpContext.Current.Request.Files)
                {
                    HttpPostedFile postedFile = HttpContext.Current.Request.Files[key];
                    postedFile.SaveAs(path + fileName);

                    string filePath = Path.Combine(HttpContext.Current.Server.MapPath("~/Uploads/" + moduleName), fileName);
                    Image original = Image.FromFile(filePath);
                    Bitmap bitMap = new Bitmap(w, h);
                    using (Graphics g = Graphics.FromImage(bitMap))
                    {
                        g.DrawImage(original, new Rectangle(0, 0, w, h), new Rectangle(x, y, w, h), GraphicsUnit.Pixel);
                    }

                    bitMap.Save(Path.Combine(HttpContext.Current.Server.MapPath("~/Uploads/" + moduleName), "crop_" + fileName));
                }
            }
        }
        """);

    [Fact]
    public Task UploadNotOpenedAsAPicture_OrUnderAPrivateWord_ReportedAsync() => VerifyClassicAsync("""
        using System;
        using System.Drawing;
        using System.IO;
        using System.Web;

        public class FilesApi
        {
            public void Save(string moduleName, string fileName, string otherName, string patientFile)
            {
                string path = HttpContext.Current.Server.MapPath("~/Uploads/" + moduleName + "/");
                HttpPostedFile postedFile = HttpContext.Current.Request.Files[0];
                postedFile.SaveAs(path + fileName); //! SSA0006
                postedFile.SaveAs(path + "copy" + otherName); //! SSA0006
                Image preview = Image.FromFile(path + otherName + ".preview");
                postedFile.SaveAs(HttpContext.Current.Server.MapPath("~/Uploads/Patients/") + patientFile); //! SSA0006
                Image.FromFile(HttpContext.Current.Server.MapPath("~/Uploads/Patients/") + patientFile).Save(HttpContext.Current.Server.MapPath("~/Uploads/Patients/crop_") + patientFile); //! SSA0006
            }
        }
        """);
}
