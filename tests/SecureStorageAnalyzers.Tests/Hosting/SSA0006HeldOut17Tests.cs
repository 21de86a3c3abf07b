using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Held-out set 17 (session 19, h-s19): a path held in a field of the page that the same method sets one line above the
/// write (a Web Forms import page's <c>csvPath</c>), followed as a local is; and a page generator's parameter given its
/// extension in the same method (<c>obj_name = obj_name + ".cs";</c>), whose file IIS does not serve.
/// </summary>
public class SSA0006HeldOut17Tests
{
    private static Task VerifyClassicAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    /// <summary>
    /// hs4qnz's import page: <c>csvPath</c> is a field of the page, set to <c>Server.MapPath("~/Files/") + name</c> in the
    /// branch that saves, one line above <c>FileUpload1.SaveAs(csvPath)</c>. Reported, once. The same shape for a folder
    /// named for pictures stays public media (the words of the field's value are read too).
    /// </summary>
    [Fact]
    public Task FieldSetInTheMethodBeforeTheWrite_ReportedAsync() => VerifyClassicAsync("""
        using System;
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class Upload : Page
        {
            protected FileUpload FileUpload1;
            protected Label lblMessage;
            string type = String.Empty;
            string csvPath = String.Empty;
            string savedPath = String.Empty;

            protected void ReadCSV(object sender, EventArgs e)
            {
                try
                {
                    string ext = Path.GetExtension(FileUpload1.PostedFile.FileName);
                    if (!FileUpload1.HasFile)
                    {
                        lblMessage.Text = "Please Select File";
                    }
                    else
                    {
                        csvPath = Server.MapPath("~/Files/") + Path.GetFileName(FileUpload1.PostedFile.FileName);
                        FileUpload1.SaveAs(csvPath); //! SSA0006
                        switch (ext)
                        {
                            case ".csv":
                                ImportCSV(csvPath);
                                break;
                        }
                    }
                }
                catch (Exception ex)
                {
                    lblMessage.Text = ex.Message;
                }
            }

            protected void SavePicture(object sender, EventArgs e)
            {
                savedPath = Server.MapPath("~/Images/Gallery/") + Path.GetFileName(FileUpload1.FileName);
                FileUpload1.SaveAs(savedPath);
            }

            public void ImportCSV(string path)
            {
                string csvData = File.ReadAllText(path);
            }
        }
        """);

    /// <summary>
    /// Where it is not plain what the field holds at the write, nothing is followed (a field is then what its declaration
    /// and constructors say): set in another method, in the other branch, before a call of the page's own method that may
    /// set it again, before another assignment in a loop around the write, or in a lambda.
    /// </summary>
    [Fact]
    public Task FieldWhoseValueAtTheWriteIsUnclear_NotFollowedAsync() => VerifyClassicAsync("""
        using System;
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public class Import : Page
        {
            protected FileUpload FileUpload1;
            string csvPath = String.Empty;

            protected void Page_Load(object sender, EventArgs e)
            {
                csvPath = Server.MapPath("~/Files/") + FileUpload1.FileName;
            }

            protected void SetInAnotherMethod(object sender, EventArgs e)
            {
                FileUpload1.SaveAs(csvPath);
            }

            protected void SetInTheOtherBranch(object sender, EventArgs e)
            {
                if (FileUpload1.HasFile)
                {
                    csvPath = Server.MapPath("~/Files/") + FileUpload1.FileName;
                }
                else
                {
                    FileUpload1.SaveAs(csvPath);
                }
            }

            protected void SetBeforeAnOwnCall(object sender, EventArgs e)
            {
                csvPath = Server.MapPath("~/Files/") + FileUpload1.FileName;
                Prepare();
                FileUpload1.SaveAs(csvPath);
            }

            protected void SetAgainInALoop(object sender, EventArgs e)
            {
                csvPath = Server.MapPath("~/Files/") + FileUpload1.FileName;
                for (var i = 0; i < 3; i++)
                {
                    FileUpload1.SaveAs(csvPath);
                    csvPath = Path.GetTempFileName();
                }
            }

            protected void SetInALambda(object sender, EventArgs e)
            {
                csvPath = Path.GetTempFileName();
                Action later = () => csvPath = Server.MapPath("~/Files/") + FileUpload1.FileName;
                FileUpload1.SaveAs(csvPath);
            }

            private void Prepare()
            {
                csvPath = Path.GetTempFileName();
            }
        }
        """);

    /// <summary>
    /// KrunalG29's page generator: the file's name is a parameter the same method gives its extension first
    /// (<c>obj_name = obj_name + ".cs";</c>), then <c>File.Create(Server.MapPath("~/Upload_v2/") + … + obj_name)</c>.
    /// IIS does not serve <c>.cs</c> (nor <c>.aspx</c>: it runs the page; neither is in its MIME map), as for a literal
    /// extension in the path itself. The same shape with a data extension (<c>.txt</c>) stays reported.
    /// </summary>
    [Fact]
    public Task ParameterGivenASourceExtensionInTheMethod_NotServedByIisAsync() => VerifyClassicAsync("""
        using System;
        using System.IO;
        using System.Web.UI;

        public class DynamicPage : Page
        {
            public string CreateFormCSPage(string tbl_name, string obj_name)
            {
                obj_name = (obj_name == "" ? tbl_name.Replace("i_", "form_") : obj_name);
                obj_name = obj_name + ".cs";
                string SaveFilePath = string.Empty;
                if (File.Exists(SaveFilePath))
                {
                    return "File Name " + obj_name + " already exist!";
                }

                SaveFilePath = Server.MapPath("~/Upload_v2/") + "\\" + tbl_name + "\\" + "\\" + obj_name;
                FileStream fsSave = File.Create(SaveFilePath);
                using (var sw = new StreamWriter(fsSave))
                {
                    sw.Write("public partial class " + obj_name + " { }");
                }

                return "Operation Successfully";
            }

            public string CreateFormPage(string tbl_name, string obj_name)
            {
                obj_name = tbl_name.Replace("i_", "form_") + ".aspx";
                File.WriteAllText(Server.MapPath("~/Upload_v2/") + tbl_name + "\\" + obj_name, "<%@ Page Language=\"C#\" %>");
                return "Operation Successfully";
            }

            public string SaveExport(string tbl_name, string obj_name)
            {
                obj_name = obj_name + ".txt";
                FileStream fsSave = File.Create(Server.MapPath("~/Upload_v2/") + tbl_name + "\\" + obj_name); //! SSA0006
                fsSave.Dispose();
                return "Operation Successfully";
            }
        }
        """);

    /// <summary>
    /// KrunalG29's mail log: <c>string root = Server.MapPath("~");</c>, then <c>root + "\\SystemGeneratePages" + … +
    /// obj_name + ".txt"</c>. The application folder alone is judged by the text that follows it, here where the method
    /// reads the local: a served folder. A local whose reads go into <c>App_Data</c> (or into it and elsewhere) is not a
    /// source: which read a path comes from is not known there.
    /// </summary>
    [Fact]
    public Task ApplicationFolderInALocal_JudgedByTheTextAfterItsReads_ReportedAsync() => VerifyClassicAsync("""
        using System;
        using System.IO;
        using System.Web.UI;

        public class form_download_file : Page
        {
            public string CreateDynamicPageLogFile(string text)
            {
                string obj_name = "SenMail_" + DateTime.Now.ToString("dd_MM_yyyy_hh_mm_ss") + "_Log";
                string root = Server.MapPath("~");
                string filepath = string.Empty;
                if (!Directory.Exists(root + "\\SystemGeneratePages" + "\\" + "LogFile" + "\\"))
                {
                    DirectoryInfo thisFolder1 = new DirectoryInfo(root + "\\SystemGeneratePages" + "\\" + "LogFile" + "\\");
                    thisFolder1.Create();
                }

                filepath = root + "\\SystemGeneratePages" + "\\" + "LogFile" + "\\" + obj_name + ".txt";
                if (!File.Exists(filepath))
                {
                    FileStream fsSave = File.Create(filepath); //! SSA0006
                    using (var sw = new StreamWriter(fsSave))
                    {
                        sw.Write(text);
                    }
                }

                return "Operation Successfully";
            }

            public void PrivateLog(string text)
            {
                string root = Server.MapPath("~");
                File.AppendAllText(root + "\\App_Data\\mail.txt", text);
            }

            public void MixedLog(string text, bool archive)
            {
                string root = Server.MapPath("~");
                File.AppendAllText(root + "\\App_Data\\mail.txt", text);
                if (archive)
                {
                    File.AppendAllText(root + "\\Logs\\mail.txt", text);
                }
            }
        }
        """);

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    /// <summary>
    /// chain-dev's CRM: a private <c>SaveImageAsync(IFormFile file)</c> stores any upload as <c>{Guid}{ext}</c> under a
    /// readonly field's folder, <c>Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "checkinout")</c>, for the
    /// check-in and check-out records. The folder's words are read from the field's initializer, and a check-in or
    /// attendance record is private: reported, where h-s18's picture-named method alone made it public media. The same
    /// method into a folder that says nothing (held-out set 16's <c>UploadImage</c> shape) stays public media, and so does a
    /// visitor's photo stored by a method named <c>CheckIn</c> into a folder that says nothing of check-ins.
    /// </summary>
    [Fact]
    public Task CheckInPicturesInAPictureNamedMethod_ReportedAsync() => VerifyAsync("""
        public class VehicleInOutService
        {
            private readonly string _uploadFolder = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "checkinout");
            private readonly string _catalogueFolder = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "catalogue");

            public async Task<string> CheckInAsync(IFormFile checkInImage) => await SaveImageAsync(checkInImage);

            private async Task<string> SaveImageAsync(IFormFile file)
            {
                if (!Directory.Exists(_uploadFolder))
                {
                    Directory.CreateDirectory(_uploadFolder);
                }

                string uniqueFileName = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                var filePath = Path.Combine(_uploadFolder, uniqueFileName);
                using (var stream = new FileStream(filePath, FileMode.Create)) //! SSA0006
                {
                    await file.CopyToAsync(stream);
                }

                return Path.Combine("uploads", uniqueFileName);
            }

            private async Task<string> SaveCatalogueImageAsync(IFormFile file)
            {
                string uniqueFileName = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                using (var stream = new FileStream(Path.Combine(_catalogueFolder, uniqueFileName), FileMode.Create))
                {
                    await file.CopyToAsync(stream);
                }

                return uniqueFileName;
            }
        }

        public class AttendanceController(IWebHostEnvironment env)
        {
            public async Task UploadPhoto(IFormFile photo)
            {
                var path = Path.Combine(env.WebRootPath, "uploads", "attendance", $"{Guid.NewGuid()}.jpg");
                using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await photo.CopyToAsync(stream);
            }

            public async Task ClockIn(IFormFile clockInPhoto)
            {
                var path = Path.Combine(env.WebRootPath, "images", $"{Guid.NewGuid()}{Path.GetExtension(clockInPhoto.FileName)}");
                using var stream = new FileStream(path, FileMode.Create); //! SSA0006
                await clockInPhoto.CopyToAsync(stream);
            }
        }

        // A method named for a check-in stores whatever it stores: the words must be in the path (held-out set 17's gate
        // system keeps the guard's visitor photos in one uploads/visitors folder from its CheckIn and WalkIn actions).
        public class GuardController(IWebHostEnvironment env)
        {
            public async Task CheckIn(IFormFile visitorPhoto)
            {
                var path = Path.Combine(env.WebRootPath, "uploads", "visitors", $"{Guid.NewGuid()}{Path.GetExtension(visitorPhoto.FileName)}");
                using var stream = new FileStream(path, FileMode.Create);
                await visitorPhoto.CopyToAsync(stream);
            }
        }
        """);
}
