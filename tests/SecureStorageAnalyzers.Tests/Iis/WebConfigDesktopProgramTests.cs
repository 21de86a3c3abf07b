using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Iis.WebConfigAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// A web.config in the folder of a desktop program's project file (held-out set 13: AminaJaved/TaskBasedPayrollSystem
/// keeps a WCF service and a WinForms client in one folder, and both get the folder's Web.config): IIS does not host
/// a WinExe, so its compilation reports nothing in the web.config; the web project's compilation still does.
/// </summary>
public class WebConfigDesktopProgramTests
{
    private const string Source = """
        using System.Web;

        public class Download : IHttpHandler
        {
            public void ProcessRequest(HttpContext context) => context.Response.Write("ok");

            public bool IsReusable => false;
        }

        public static class Program
        {
            public static void Main() { }
        }
        """;

    /// <summary>SSA0002, SSA0003, SSA0011 and SSA0012 in one web.config.</summary>
    private const string WebConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <authentication mode="Forms" />
            <authorization>
              <deny {|SSA0012:users="?"|} />
            </authorization>
          </system.web>
          <system.webServer>
            <directoryBrowse {|SSA0002:enabled="true"|} />
            <staticContent>
              <mimeMap {|SSA0003:fileExtension="*"|} mimeType="application/octet-stream" />
            </staticContent>
            <security>
              <requestFiltering>
                <hiddenSegments>
                  {|SSA0011:<clear|} />
                </hiddenSegments>
              </requestFiltering>
            </security>
          </system.webServer>
        </configuration>
        """;

    [Theory]
    [InlineData(OutputKind.WindowsApplication, false)]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, true)]
    [InlineData(OutputKind.ConsoleApplication, true)]
    public async Task WebConfig_ReportedExceptInADesktopProgramAsync(OutputKind kind, bool reported)
    {
        var test = new VerifyCS.Test(Source, TestFramework.NetFramework48);
        test.TestState.OutputKind = kind;
        test.TestState.AdditionalFiles.Add(("/app/Web.config",
            reported ? WebConfig : Regex.Replace(WebConfig, @"\{\|SSA\d{4}:|\|\}", string.Empty)));
        await test.RunAsync(CancellationToken.None);
    }
}
