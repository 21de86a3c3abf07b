using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Iis.WebConfigAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Iis;

public class SSA0002DirectoryBrowsingInWebConfigTests
{
    /// <summary>Who can list, as the message says it for a listing nobody authorizes.</summary>
    private const string Anyone = "anyone can list the folder's files";

    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles();
        app.Run();
        """;

    /// <summary>A classic ASP.NET project's generic handler: IIS's own handlers serve what no managed handler takes.</summary>
    private const string Classic = """
        using System.Web;

        public class Download : IHttpHandler
        {
            public void ProcessRequest(HttpContext context) => context.Response.Write("ok");

            public bool IsReusable => false;
        }
        """;

    /// <summary>The web.config that <c>dotnet publish</c> writes for IIS, with directory browsing turned on.</summary>
    private const string PublishedWebConfigWithBrowsing = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <location path="." inheritInChildApplications="false">
            <system.webServer>
              <handlers>
                <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
              </handlers>
              <aspNetCore processPath="dotnet" arguments=".\Hotline.Web.dll" stdoutLogEnabled="false" stdoutLogFile=".\logs\stdout" hostingModel="inprocess" />
              <directoryBrowse {|#0:enabled="true"|} />
            </system.webServer>
          </location>
        </configuration>
        """;

    private static Task VerifyAsync(string fileName, string webConfig, TestFramework framework = TestFramework.NetFramework48,
        params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(framework == TestFramework.NetFramework48 ? Classic : Program, framework);
        test.TestState.AdditionalFiles.Add((fileName, webConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>A classic ASP.NET project's web.config with directory browsing turned on.</summary>
    private const string ClassicWebConfigWithBrowsing = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <compilation debug="false" targetFramework="4.8" />
          </system.web>
          <system.webServer>
            <directoryBrowse {|#0:enabled="true"|} />
          </system.webServer>
        </configuration>
        """;

    [Fact]
    public async Task WebConfig_EnabledTrue_ReportedAtTheAttributeWithFileNameAsync()
    {
        await VerifyAsync("web.config", ClassicWebConfigWithBrowsing, expected:
            VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0)
                .WithArguments("<directoryBrowse enabled=\"true\" /> in web.config", Anyone));
    }

    [Theory]
    [InlineData("Web.config")]
    [InlineData("WEB.CONFIG")]
    [InlineData("web.Release.config")]
    [InlineData("Web.Production.Config")]
    public async Task WebConfigFileNames_AnyCase_ReportedAsync(string fileName)
    {
        await VerifyAsync(fileName, """
            <configuration>
              <system.webServer>
                <directoryBrowse {|SSA0002:enabled="true"|} showFlags="Date, Time, Size, Extension" />
              </system.webServer>
            </configuration>
            """);
    }

    [Fact]
    public async Task AttributeValueAndNames_CaseInsensitive_ReportedAsync()
    {
        await VerifyAsync("web.config", """
            <configuration>
              <system.webServer>
                <directoryBrowse {|SSA0002:enabled="True"|} />
              </system.webServer>
              <location path="recordings">
                <system.webServer>
                  <DirectoryBrowse showFlags="Date" {|SSA0002:Enabled='TRUE'|}></DirectoryBrowse>
                </system.webServer>
              </location>
            </configuration>
            """);
    }

    [Fact]
    public async Task CrLfTabsAndAttributeOnItsOwnLine_SpanStillOnTheAttributeAsync()
    {
        await VerifyAsync("web.config", """
            <configuration>
            	<system.webServer>
            		<directoryBrowse
            			showFlags="Date"
            			{|SSA0002:enabled = "true"|}
            		/>
            	</system.webServer>
            </configuration>
            """.ReplaceLineEndings("\r\n"));
    }

    [Fact]
    public async Task TransformFile_InsertedElement_ReportedAsync()
    {
        await VerifyAsync("web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.webServer>
                <directoryBrowse {|SSA0002:enabled="true"|} xdt:Transform="Insert" />
              </system.webServer>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("""<configuration><system.webServer><directoryBrowse enabled="false" /></system.webServer></configuration>""")]
    [InlineData("""<configuration><system.webServer><directoryBrowse showFlags="Date" /></system.webServer></configuration>""")]
    [InlineData("""<configuration><system.webServer><!-- <directoryBrowse enabled="true" /> --></system.webServer></configuration>""")]
    [InlineData("""<configuration><appSettings><add key="directoryBrowse" value="true" /></appSettings></configuration>""")]
    [InlineData("")]
    [InlineData("   \r\n  ")]
    public async Task WebConfig_BrowsingNotEnabled_NotReportedAsync(string webConfig)
    {
        await VerifyAsync("web.config", webConfig);
    }

    [Theory]
    [InlineData("app.config")]
    [InlineData("App.Release.config")]
    [InlineData("nlog.config")]
    [InlineData("webhooks.config")]
    [InlineData("web.config.bak")]
    [InlineData("appsettings.json")]
    public async Task OtherFiles_NotReportedAsync(string fileName)
    {
        await VerifyAsync(fileName, """
            <configuration>
              <system.webServer>
                <directoryBrowse enabled="true" />
              </system.webServer>
            </configuration>
            """);
    }

    /// <summary>IIS refuses to start on a malformed web.config (HTTP 500.19), so nothing there is served: no report.</summary>
    [Theory]
    [InlineData("""<configuration><system.webServer><directoryBrowse enabled="true" />""")]
    [InlineData("""<configuration><system.webServer><directoryBrowse enabled="true" /></system.webServer></configurat""")]
    [InlineData("""<configuration><system.webServer><directoryBrowse enabled="tr""")]
    [InlineData("""<configuration><system.webServer><directoryBrowse enabled="true" /><system.webServer></configuration>""")]
    [InlineData("""<!DOCTYPE configuration [<!ENTITY on "true">]><configuration><directoryBrowse enabled="&on;" /></configuration>""")]
    [InlineData("not xml at all")]
    public async Task MalformedXml_NotReportedAndNoExceptionAsync(string webConfig)
    {
        await VerifyAsync("web.config", webConfig);
    }

    /// <summary>The docs' Configuration section: a web.config diagnostic is in no syntax tree, so only global options reach it.</summary>
    [Fact]
    public async Task Severity_EditorConfigDoesNotReachWebConfig_GlobalConfigDoesAsync()
    {
        const string webConfig = """
            <configuration>
              <system.webServer>
                <directoryBrowse {|#0:enabled="true"|} />
              </system.webServer>
            </configuration>
            """;

        var editorConfigOnly = new VerifyCS.Test(Classic, TestFramework.NetFramework48);
        editorConfigOnly.TestState.AdditionalFiles.Add(("/0/web.config", webConfig));
        editorConfigOnly.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*]
            dotnet_diagnostic.SSA0002.severity = none
            """));
        editorConfigOnly.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0)
            .WithArguments("<directoryBrowse enabled=\"true\" /> in web.config", Anyone));
        await editorConfigOnly.RunAsync(CancellationToken.None);

        var globalConfig = new VerifyCS.Test(Classic, TestFramework.NetFramework48);
        globalConfig.TestState.AdditionalFiles.Add(("/0/web.config", webConfig.Replace("{|#0:", "").Replace("|}", "")));
        globalConfig.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.SSA0002.severity = none
            """));
        await globalConfig.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// An ASP.NET Core project (held-out set 12): the ASP.NET Core Module's handler takes every request (<c>path="*"</c>),
    /// so IIS's static file and directory listing handlers never see one and the setting lists nothing. The web.config
    /// <c>dotnet publish</c> writes, and one without a handler (publish adds it), are not reported, in .NET 10 and 8.
    /// </summary>
    [Theory]
    [InlineData(TestFramework.AspNetCore10)]
    [InlineData(TestFramework.AspNetCore8)]
    public async Task AspNetCore_ModuleTakesEveryRequest_NotReportedAsync(TestFramework framework)
    {
        await VerifyAsync("web.config", PublishedWebConfigWithBrowsing.Replace("{|#0:", "").Replace("|}", ""), framework);
        await VerifyAsync("Web.config", """
            <configuration>
              <system.webServer>
                <directoryBrowse enabled="true" />
              </system.webServer>
            </configuration>
            """, framework);
        await VerifyAsync("web.config", """
            <configuration>
              <system.webServer>
                <handlers>
                  <remove name="aspNetCore" />
                  <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModule" resourceType="Unspecified" />
                </handlers>
                <aspNetCore processPath="%LAUNCHER_PATH%" arguments="%LAUNCHER_ARGS%" />
                <directoryBrowse enabled="true" />
              </system.webServer>
            </configuration>
            """, framework);
    }

    /// <summary>
    /// An ASP.NET Core project whose web.config takes the module's handler away (removed, cleared) or limits it to a
    /// path: IIS's own handlers serve the other requests, so the listing is live and reported.
    /// </summary>
    [Theory]
    [InlineData("""<remove name="aspNetCore" />""")]
    [InlineData("""<clear />""")]
    [InlineData("""<add name="aspNetCore" path="api/*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />""")]
    public async Task AspNetCore_HandlerRemovedOrLimited_ReportedAsync(string handler)
    {
        await VerifyAsync("web.config", $$"""
            <configuration>
              <system.webServer>
                <handlers>
                  {{handler}}
                </handlers>
                <directoryBrowse {|SSA0002:enabled="true"|} />
              </system.webServer>
            </configuration>
            """, TestFramework.AspNetCore8);
    }

    /// <summary>A classic project whose web.config hands every request to the ASP.NET Core Module: nothing is listed either.</summary>
    [Fact]
    public async Task Classic_AspNetCoreModuleForEveryPath_NotReportedAsync()
    {
        await VerifyAsync("web.config", PublishedWebConfigWithBrowsing.Replace("{|#0:", "").Replace("|}", ""));
    }

    [Fact]
    public async Task NoAspNetCore_NothingRegisteredAsync()
    {
        var test = new VerifyCS.Test("""
            class Program
            {
                static void Main() { }
            }
            """, TestFramework.NoAspNetCore);
        test.TestState.AdditionalFiles.Add(("web.config", """
            <configuration>
              <system.webServer>
                <directoryBrowse enabled="true" />
              </system.webServer>
            </configuration>
            """));
        await test.RunAsync(CancellationToken.None);
    }
}
