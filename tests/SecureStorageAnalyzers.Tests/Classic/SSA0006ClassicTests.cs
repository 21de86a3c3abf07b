using SecureStorageAnalyzers.StaticFiles;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Classic;

/// <summary>
/// SSA0006 in classic ASP.NET (net48 reference assemblies): the application folder is the web root, so a runtime
/// write under <c>Server.MapPath("~/…")</c>, <c>HostingEnvironment.MapPath("~/…")</c> or the base directory is served
/// by IIS, except under App_Data and the other hidden segments.
/// </summary>
public class SSA0006ClassicTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task HandlerWrites_UnderServedFolders_ReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                var id = Guid.NewGuid().ToString("N");
                file.SaveAs(context.Server.MapPath("~/uploads/" + file.FileName)); //! SSA0006
                File.WriteAllText(HostingEnvironment.MapPath("~/exports/last.csv"), "a,b"); //! SSA0006
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "logs", "today.txt"), "x"); //! SSA0006
                File.WriteAllText(Path.Combine(HttpRuntime.AppDomainAppPath, "reports/today.txt"), "x"); //! SSA0006
                File.WriteAllText(Path.Combine(context.Server.MapPath("~"), "notes", "n.txt"), "x"); //! SSA0006
                var folder = context.Server.MapPath("/recordings");
                File.WriteAllBytes(Path.Combine(folder, "call.wav"), new byte[0]); //! SSA0006
            }

            public bool IsReusable => false;
        }
        """);

    [Fact]
    public Task HandlerWrites_UnderHiddenSegmentsOrReads_NotReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web;
        using System.Web.Hosting;

        public class Upload : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var file = context.Request.Files[0];
                file.SaveAs(context.Server.MapPath("~/App_Data/uploads/" + Guid.NewGuid().ToString("N")));
                file.SaveAs(context.Server.MapPath("~/app_data/" + Guid.NewGuid().ToString("N")));
                File.WriteAllText(HostingEnvironment.MapPath("~/App_Data/exports/last.csv"), "a,b");
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, "App_Data", "today.txt"), "x");
                File.WriteAllText(Path.Combine(context.Server.MapPath("~"), "App_Data", "n.txt"), "x");
                var text = File.ReadAllText(context.Server.MapPath("~/content/terms.txt"));
                context.Response.TransmitFile(context.Server.MapPath("~/downloads/brochure.pdf"));
                var dynamicPath = context.Request.QueryString["p"];
                File.WriteAllText(context.Server.MapPath(dynamicPath), "x");
                File.WriteAllText(Path.Combine(AppDomain.CurrentDomain.BaseDirectory, dynamicPath), "x");
                File.WriteAllText(Path.Combine(Path.GetTempPath(), "x.txt"), "x");
            }

            public bool IsReusable => false;
        }
        """);
}
