using static SecureStorageAnalyzers.Tests.Verifiers.WebFormsPages;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101's System.Web sinks, compiled against the .NET Framework 4.8 reference assemblies: a line ending in
/// <c>//! SSA0101</c> gets the finding, every other line none (<see cref="LineFindings"/>).
/// </summary>
public class SSA0101SystemWebSinksTests
{
    [Fact]
    public Task HttpPostedFile_SaveAs_AndServerMapPath_ReportedOncePerPathAsync() => VerifyAsync("""
        using System;
        using System.Web;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var callerPhoneNumber = context.Request.Form["phone"];
                var file = context.Request.Files[0];
                file.SaveAs(context.Server.MapPath("~/recordings/" + callerPhoneNumber + ".wav")); //! SSA0101
                var folder = context.Server.MapPath("~/calls/" + callerPhoneNumber); //! SSA0101
                file.SaveAs(context.Server.MapPath("~/App_Data/recordings/" + Guid.NewGuid().ToString("N") + ".wav"));
                file.SaveAs(folder + "/latest.wav");
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task LocalNamedLikeAPersonHoldingAMapPath_IsThePathNotAPersonAsync() => VerifyAsync("""
        using System.IO;
        using System.Web;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                var fullName = context.Server.MapPath("~/App_Data/uploads/" + Path.GetFileName(file.FileName));
                file.SaveAs(fullName);
                var patientName = context.Request.Form["patient"];
                file.SaveAs(context.Server.MapPath("~/App_Data/" + patientName + ".pdf")); //! SSA0101
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task HttpPostedFileBase_HostingEnvironmentMapPath_ReportedAsync() => VerifyAsync("""
        using System.Web;
        using System.Web.Hosting;

        public class Recordings
        {
            public void Save(HttpPostedFileBase upload, string patientEmail, HttpServerUtilityBase server)
            {
                upload.SaveAs(@"D:\recordings\" + patientEmail + ".wav"); //! SSA0101
                var path = HostingEnvironment.MapPath($"~/App_Data/{patientEmail}.wav"); //! SSA0101
                var other = server.MapPath("~/exports/" + patientEmail); //! SSA0101
                upload.SaveAs(HostingEnvironment.MapPath("~/App_Data/upload.wav"));
            }
        }
        """);

    [Fact]
    public Task Response_TransmitFileWriteFileAndContentDisposition_ReportedAsync() => VerifyAsync("""
        using System.Web;

        public class Download : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var callerPhoneNumber = context.Request.QueryString["phone"];
                context.Response.AddHeader("Content-Disposition", "attachment; filename=" + callerPhoneNumber + ".wav"); //! SSA0101
                context.Response.AppendHeader("content-disposition", $"attachment; filename=\"{callerPhoneNumber}.wav\""); //! SSA0101
                context.Response.TransmitFile(@"D:\recordings\" + callerPhoneNumber + ".wav"); //! SSA0101
                context.Response.WriteFile("D:/recordings/" + callerPhoneNumber + ".wav"); //! SSA0101
                context.Response.AddHeader("X-Caller", callerPhoneNumber);
                context.Response.AddHeader("Content-Disposition", "attachment; filename=recording.wav");
                context.Response.Write(callerPhoneNumber);
                context.Response.Redirect("/calls?phone=" + callerPhoneNumber);
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task ResponseBase_InController_ReportedAsync() => VerifyAsync("""
        using System.Web;

        public class Calls
        {
            public void Send(HttpResponseBase response, string customerEmail)
            {
                response.TransmitFile("D:/exports/" + customerEmail + ".pdf"); //! SSA0101
                response.AppendHeader("Content-Disposition", "attachment; filename=" + customerEmail + ".pdf"); //! SSA0101
                response.TransmitFile("D:/exports/report.pdf");
            }
        }
        """);

    /// <summary>The Web Forms <c>FileUpload</c> control's own <c>SaveAs(filename)</c> is a storage path like <c>HttpPostedFile.SaveAs</c>.</summary>
    [Fact]
    public Task WebFormsFileUpload_SaveAs_ReportedAsync() => VerifyAsync("""
        using System;
        using System.Web.UI.WebControls;

        public class Reports : System.Web.UI.Page
        {
            protected FileUpload fuReport;

            protected void Upload(object sender, EventArgs e)
            {
                var studentEmail = Request.Form["email"];
                fuReport.SaveAs(@"D:\reports\" + studentEmail + ".pdf"); //! SSA0101
                fuReport.SaveAs(@"D:\reports\" + Guid.NewGuid().ToString("N") + ".pdf");
            }
        }
        """);
}
