using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Reports, CVs, invoices and payslips saved by Xceed DocX, EPPlus and GemBox (the real-code sets' largest miss class was
/// documents a library writes to a path): <c>DocX.Create(filename)</c> and <c>SaveAs(filename)</c>, EPPlus's
/// <c>SaveAs(FileInfo)</c> and <c>Save()</c> of a package created over a file, GemBox's <c>DocumentModel</c>/<c>ExcelFile</c>
/// <c>Save(path)</c>. EPPlus 4.5.3.3 is the real assembly (restored); DocX and GemBox are not served by the mirror, so a
/// stand-in with their namespaces and signatures is compiled into an assembly of its own. A save to a stream, a load,
/// a save outside the web root and an application type that bears a library's name are not reported.
/// </summary>
public class SSA0006DocXEpplusGemBoxTests
{
    /// <summary>Xceed DocX 1.4 on: <c>DocX</c> derives from <c>Xceed.Document.NET.Document</c>, which declares <c>SaveAs</c>.</summary>
    internal const string DocX = """
        using System;
        using System.IO;

        namespace Xceed.Document.NET
        {
            public enum DocumentTypes { Document, Template }

            public class Document : IDisposable
            {
                public virtual void Save(string password = "") { }
                public virtual void SaveAs(string filename, string password = "") { }
                public virtual void SaveAs(Stream stream, string password = "") { }
                public void Dispose() { }
            }
        }

        namespace Xceed.Words.NET
        {
            public class DocX : Xceed.Document.NET.Document
            {
                private DocX() { }
                public static DocX Create(string filename, Xceed.Document.NET.DocumentTypes documentType = Xceed.Document.NET.DocumentTypes.Document) => new DocX();
                public static DocX Create(Stream stream, Xceed.Document.NET.DocumentTypes documentType = Xceed.Document.NET.DocumentTypes.Document) => new DocX();
                public static DocX Load(string filename) => new DocX();
                public static DocX Load(Stream stream) => new DocX();
                public override void SaveAs(Stream stream, string password = "") { }
            }
        }
        """;

    /// <summary>Xceed DocX before 1.1: <c>Novacode.DocX</c> declares its own <c>SaveAs(filename)</c>.</summary>
    private const string NovacodeDocX = """
        using System;
        using System.IO;

        namespace Novacode
        {
            public class DocX : IDisposable
            {
                private DocX() { }
                public static DocX Create(string filename) => new DocX();
                public static DocX Load(string filename) => new DocX();
                public void Save() { }
                public void SaveAs(string filename) { }
                public void SaveAs(Stream stream) { }
                public void Dispose() { }
            }
        }
        """;

    internal const string GemBox = """
        using System.IO;

        namespace GemBox.Document
        {
            public abstract class SaveOptions { public static SaveOptions PdfDefault => null; }

            public sealed class DocumentModel
            {
                public static DocumentModel Load(string path) => new DocumentModel();
                public void Save(string path) { }
                public void Save(string path, SaveOptions options) { }
                public void Save(Stream stream, SaveOptions options) { }
            }
        }

        namespace GemBox.Spreadsheet
        {
            public abstract class SaveOptions { public static SaveOptions XlsxDefault => null; }

            public sealed class ExcelFile
            {
                public static ExcelFile Load(string path) => new ExcelFile();
                public void Save(string path) { }
                public void Save(Stream stream, SaveOptions options) { }
            }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source,
            TestFramework.AspNetCore10WithDocumentWriters);

    private static Task VerifyWithLibraryAsync(string source, string library, TestFramework framework = TestFramework.AspNetCore10WithDocumentWriters) =>
        LineFindings.VerifyWithLibraryAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source, library, framework);

    /// <summary>An applicant's CV generated from a template and saved under the web root, and a report created there.</summary>
    [Fact]
    public Task DocXSavedUnderWebRoot_IsReportedAsync() => VerifyWithLibraryAsync("""
        using Xceed.Words.NET;

        public class CurriculumVitae(IWebHostEnvironment env)
        {
            public void Write(string applicant, Stream download)
            {
                using var cv = DocX.Load(Path.Combine(env.WebRootPath, "templates", "cv.docx"));
                cv.SaveAs(Path.Combine(env.WebRootPath, "cvs", $"CV_{applicant}.docx")); //! SSA0006
                cv.SaveAs(download);
                cv.SaveAs(Path.Combine(env.ContentRootPath, "CVs", $"CV_{applicant}.docx"));

                using var report = DocX.Create(Path.Combine(env.WebRootPath, "reports", $"report_{applicant}.docx")); //! SSA0006
                report.Save();
                using var kept = DocX.Create(Path.Combine(env.ContentRootPath, "Reports", $"report_{applicant}.docx"));
                using var inMemory = DocX.Create(download);
            }
        }
        """, DocX);

    /// <summary>DocX before 1.1 (<c>Novacode</c>): its own <c>SaveAs</c> and <c>Create</c>.</summary>
    [Fact]
    public Task NovacodeDocXSavedUnderWebRoot_IsReportedAsync() => VerifyWithLibraryAsync("""
        using Novacode;

        public class Certificates(IWebHostEnvironment env)
        {
            public void Write(string student, Stream download)
            {
                using var certificate = DocX.Load("Templates/certificate.docx");
                certificate.SaveAs(Path.Combine(env.WebRootPath, "certificates", $"{student}.docx")); //! SSA0006
                using var created = DocX.Create($"wwwroot/certificates/new_{student}.docx"); //! SSA0006
                certificate.SaveAs(download);
            }
        }
        """, NovacodeDocX);

    /// <summary>
    /// Classic ASP.NET (Web Forms, held-out set 10's thesis-check site): a certificate generated with DocX and saved under
    /// <c>Server.MapPath("~/Reports/…")</c>, a folder IIS serves; the same under App_Data is not.
    /// </summary>
    [Fact]
    public Task DocXSavedUnderServedFolder_InClassicAspNet_IsReportedAsync() => VerifyWithLibraryAsync("""
        using System;
        using System.IO;
        using System.Web;
        using Xceed.Words.NET;

        public class CertificateHandler : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var author = context.Request.Form["author"];
                var stamp = DateTime.Now.ToString("yyyyMMddHHmmss");
                using (var document = DocX.Load(context.Server.MapPath("~/Templates/cert.docx")))
                {
                    document.SaveAs(context.Server.MapPath("~/Reports/Cert_" + author + "_" + stamp + ".docx")); //! SSA0006
                    document.SaveAs(context.Server.MapPath("~/App_Data/Reports/Cert_" + author + "_" + stamp + ".docx"));
                }
            }

            public bool IsReusable => false;
        }
        """, DocX, TestFramework.NetFramework48);

    /// <summary>An attendance workbook saved by EPPlus under the web root: <c>SaveAs(FileInfo)</c>, and <c>Save()</c> of a package created over the file.</summary>
    [Fact]
    public Task EpplusPackageSavedUnderWebRoot_IsReportedAsync() => VerifyAsync("""
        using OfficeOpenXml;

        public class AttendanceExport(IWebHostEnvironment env)
        {
            public void Export(string employee, Stream download)
            {
                using (var package = new ExcelPackage())
                {
                    package.Workbook.Worksheets.Add("Attendance");
                    package.SaveAs(new FileInfo(Path.Combine(env.WebRootPath, "exports", $"{employee}.xlsx"))); //! SSA0006
                    var file = new FileInfo(Path.Combine(env.WebRootPath, "exports", $"copy_{employee}.xlsx"));
                    package.SaveAs(file, "secret"); //! SSA0006
                    package.SaveAs(download);
                    package.SaveAs(new FileInfo(Path.Combine(env.ContentRootPath, "Exports", $"{employee}.xlsx")));
                }

                using (var overFile = new ExcelPackage(new FileInfo(Path.Combine(env.WebRootPath, "payslips", $"{employee}.xlsx"))))
                {
                    overFile.Workbook.Worksheets.Add("Payslip");
                    overFile.Save(); //! SSA0006
                }

                using var kept = new ExcelPackage(new FileInfo(Path.Combine(env.ContentRootPath, "Payslips", $"{employee}.xlsx")));
                kept.Save("secret");
                using var streamed = new ExcelPackage(download);
                streamed.Save();
            }
        }
        """);

    /// <summary>A package created over a stream, or one the method cannot see created, writes no path of its own.</summary>
    [Fact]
    public Task EpplusSaveWithoutAFileItWasCreatedOver_IsNotReportedAsync() => VerifyAsync("""
        using OfficeOpenXml;

        public class Reports
        {
            public void Save(ExcelPackage handedIn, Stream output)
            {
                handedIn.Save();
                var created = new ExcelPackage(output);
                created.Save();
                var twice = new ExcelPackage(new FileInfo("wwwroot/a.xlsx"));
                twice = new ExcelPackage(output);
                twice.Save();
            }
        }
        """);

    /// <summary>GemBox: a payslip converted to PDF and a spreadsheet saved under the web root; loads and stream saves are not writes.</summary>
    [Fact]
    public Task GemBoxDocumentsSavedUnderWebRoot_AreReportedAsync() => VerifyWithLibraryAsync("""
        using GemBox.Document;
        using GemBox.Spreadsheet;

        public class Payslips(IWebHostEnvironment env)
        {
            public void Write(string employee, Stream download)
            {
                var payslip = DocumentModel.Load(Path.Combine(env.WebRootPath, "templates", "payslip.docx"));
                payslip.Save(Path.Combine(env.WebRootPath, "payslips", $"{employee}.pdf")); //! SSA0006
                payslip.Save(Path.Combine(env.WebRootPath, "payslips", $"{employee}.docx"), GemBox.Document.SaveOptions.PdfDefault); //! SSA0006
                payslip.Save(download, GemBox.Document.SaveOptions.PdfDefault);
                payslip.Save(Path.Combine(env.ContentRootPath, "Payslips", $"{employee}.pdf"));

                var sheet = ExcelFile.Load("wwwroot/templates/hours.xlsx");
                sheet.Save($"wwwroot/hours/{employee}.xlsx"); //! SSA0006
                sheet.Save(download, GemBox.Spreadsheet.SaveOptions.XlsxDefault);
            }
        }
        """, GemBox);

    /// <summary>Application types that bear a library's names in namespaces of their own are not the library's: no write.</summary>
    [Fact]
    public Task AppTypesNamedLikeTheLibraries_AreNotSinksAsync() => VerifyAsync("""
        namespace Clinic.Documents
        {
            public class DocX
            {
                public static DocX Create(string filename) => new DocX();
                public void SaveAs(string filename) { }
            }

            public class ExcelPackage
            {
                public void SaveAs(FileInfo file) { }
            }

            public class DocumentModel
            {
                public void Save(string path) { }
            }

            public class Letters
            {
                public void Keep(string patient, DocumentModel model)
                {
                    DocX.Create($"wwwroot/letters/{patient}.docx").SaveAs($"wwwroot/letters/{patient}.docx");
                    new ExcelPackage().SaveAs(new FileInfo($"wwwroot/letters/{patient}.xlsx"));
                    model.Save($"wwwroot/letters/{patient}.pdf");
                }
            }
        }
        """);
}
