using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0006 in classic ASP.NET: IIS's static file handler serves a file only when its extension has a MIME type (the
/// server's default map, or a <c>&lt;mimeMap&gt;</c> the application's web.config adds). A write whose file name ends in
/// an extension the code spells and IIS does not serve (held-out set 13: a signature written to
/// <c>Server.MapPath("~/signature.ca")</c>) is not exposed by the folder; one IIS serves (a .pdf, a .json settings file,
/// a .txt log) still is, and so is one whose extension comes from the upload.
/// </summary>
public class SSA0006IisFileTypesTests
{
    private const string Source = """
        using System;
        using System.IO;
        using System.Web;

        public class SigningController
        {
            public string Sign(byte[] signed, HttpPostedFile upload)
            {
                string path = HttpContext.Current.Server.MapPath("~/signature.ca");
                File.WriteAllBytes(path, signed); //? ca
                var day = DateTime.Now.ToString("yyyyMMdd");
                File.WriteAllText(HttpContext.Current.Server.MapPath("~/keys/private_" + day + ".pem"), "key");
                File.WriteAllBytes(HttpContext.Current.Server.MapPath("~/exports/report_" + day + ".pdf"), signed); //! SSA0006
                File.WriteAllText(HttpContext.Current.Server.MapPath("~/BackupConfig.json"), "{}"); //! SSA0006
                File.AppendAllText(Path.Combine(HttpRuntime.AppDomainAppPath, "logs", "log_" + day + ".txt"), "x"); //! SSA0006
                upload.SaveAs(HttpContext.Current.Server.MapPath("~/signatures/" + day + Path.GetExtension(upload.FileName))); //! SSA0006
                return path;
            }
        }
        """;

    private static Task VerifyAsync(string source, params (string Path, string Text)[] files) =>
        LineFindings.VerifyAsync(new SSA0006DoNotWriteUnderWebRootAnalyzer(), source, TestFramework.NetFramework48, files);

    [Fact]
    public Task FileTypeIisDoesNotServe_NotReported_ServedTypesStillAreAsync() =>
        VerifyAsync(Source.Replace(" //? ca", ""));

    [Fact]
    public Task FileTypeTheWebConfigMaps_ReportedAsync() =>
        VerifyAsync(Source.Replace(" //? ca", " //! SSA0006"), ("/app/Web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <system.webServer>
                <staticContent>
                  <mimeMap fileExtension=".ca" mimeType="application/octet-stream" />
                </staticContent>
              </system.webServer>
            </configuration>
            """));
}
