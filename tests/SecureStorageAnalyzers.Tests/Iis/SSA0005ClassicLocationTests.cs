using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// SSA0005's classic form against the web.config <c>&lt;location&gt;</c> (and nested web.config) that covers the
/// handler's URL: the URL of a generic handler or page is its code-behind's path under the application's folder (the
/// web.config's folder) without <c>.cs</c>, or the path of a handler mapping that names its type.
/// </summary>
public class SSA0005ClassicLocationTests
{
    /// <summary>A generic handler that sends the file the query string names, with no user check.</summary>
    private const string Handler = """
        using System.Web;

        namespace CallCenter.Handlers
        {
            public class Download : IHttpHandler
            {
                public void ProcessRequest(HttpContext context) =>
                    context.Response.{|#0:TransmitFile(context.Server.MapPath("~/recordings/" + context.Request.QueryString["file"]))|};

                public bool IsReusable => false;
            }
        }
        """;

    private static Task VerifyAsync(string sourcePath, bool reported, params (string Path, string Text)[] webConfigs) =>
        VerifyAsync(sourcePath, reported ? "~/Handlers/Download.ashx" : null, webConfigs);

    /// <summary>Reported (with the URL the message names) when <paramref name="openUrl"/> is set; nothing otherwise.</summary>
    private static async Task VerifyAsync(string sourcePath, string? openUrl, params (string Path, string Text)[] webConfigs)
    {
        var test = new CSharpAnalyzerVerifier<SSA0005AnonymousFileEndpointAnalyzer>.Test("", TestFramework.NetFramework48);
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add((sourcePath, Handler));
        foreach (var (path, text) in webConfigs)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        if (openUrl is not null)
        {
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SSA0005AnonymousEndpointServesRequestedFile).WithLocation(0)
                .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("context.Response.TransmitFile", "Request.QueryString/Form/Params",
                    "the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users at " + openUrl));
        }

        await test.RunAsync(CancellationToken.None);
    }

    private static string Location(string path, string systemWeb) => $$"""
        <configuration>
          <system.web><authentication mode="Forms" /></system.web>
          <location path="{{path}}">
            <system.web><authorization>{{systemWeb}}</authorization></system.web>
          </location>
        </configuration>
        """;

    [Theory]
    [InlineData("Handlers")]
    [InlineData("~/Handlers")]
    [InlineData("handlers/Download.ashx")]
    [InlineData("")]
    public Task LocationDeniesAnonymous_OverTheHandler_NotReportedAsync(string path) =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: false, ("/app/web.config", Location(path, """<deny users="?" />""")));

    [Theory]
    [InlineData("Admin")]
    [InlineData("Handlers/Upload.ashx")]
    [InlineData("Handlers/Private")]
    [InlineData("Hand")]
    public Task LocationDeniesAnonymous_ElsewhereOnly_ReportedAsync(string path) =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: true, ("/app/web.config", Location(path, """<deny users="?" />""")));

    [Theory]
    [InlineData("""<allow users="*" />""")]
    [InlineData("""<allow users="?" /><deny users="*" />""")]
    public Task LocationAllowsAnonymous_UnderARootDeny_ReportedAsync(string rules) =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: true, ("/app/web.config", $$"""
            <configuration>
              <system.web><authorization><deny users="?" /></authorization></system.web>
              <location path="Handlers">
                <system.web><authorization>{{rules}}</authorization></system.web>
              </location>
            </configuration>
            """));

    [Theory]
    [InlineData("""<allow roles="Agents" />""")]
    [InlineData("""<deny users="?" verbs="POST" />""")]
    [InlineData("""<allow users="alice" />""")]
    public Task LocationRulesThatDoNotFitAnonymousGets_UnderARootDeny_NotReportedAsync(string rules) =>
        // ASP.NET's first rule that fits an anonymous GET is the root's deny.
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: false, ("/app/web.config", $$"""
            <configuration>
              <system.web><authorization><deny users="?" /></authorization></system.web>
              <location path="Handlers">
                <system.web><authorization>{{rules}}</authorization></system.web>
              </location>
            </configuration>
            """));

    [Fact]
    public Task NestedWebConfigDeniesAnonymous_NotReportedAsync() =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: false,
            ("/app/web.config", """<configuration><system.web><authentication mode="Forms" /></system.web></configuration>"""),
            ("/app/Handlers/web.config", """<configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>"""));

    [Fact]
    public Task NestedWebConfigAllowsEveryone_UnderARootDeny_ReportedAsync() =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: true,
            ("/app/web.config", """<configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>"""),
            ("/app/Handlers/web.config", """<configuration><system.web><authorization><allow users="*" /></authorization></system.web></configuration>"""));

    [Fact]
    public Task NestedWebConfigOfAnotherFolderDenies_ReportedAsync() =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: true,
            ("/app/web.config", """<configuration><system.web><authentication mode="Forms" /></system.web></configuration>"""),
            ("/app/Admin/web.config", """<configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>"""));

    [Theory]
    [InlineData("""<add accessType="Deny" users="?" />""")]
    [InlineData("""<remove users="*" roles="" verbs="" /><add accessType="Allow" roles="Agents" />""")]
    [InlineData("""<clear /><add accessType="Allow" users="alice" />""")]
    public Task IisUrlAuthorizationDeniesAnonymous_OverTheHandler_NotReportedAsync(string rules) =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: false, ("/app/web.config", $$"""
            <configuration>
              <location path="Handlers">
                <system.webServer><security><authorization>{{rules}}</authorization></security></system.webServer>
              </location>
            </configuration>
            """));

    [Theory]
    [InlineData("""<add accessType="Deny" users="?" verbs="POST" />""")]
    [InlineData("""<add accessType="Allow" roles="Agents" />""")]
    [InlineData("""<clear /><add accessType="Allow" users="*" />""")]
    public Task IisUrlAuthorizationLeavesAnonymousIn_ReportedAsync(string rules) =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: true, ("/app/web.config", $$"""
            <configuration>
              <location path="Handlers">
                <system.webServer><security><authorization>{{rules}}</authorization></security></system.webServer>
              </location>
              <location path="Admin">
                <system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer>
              </location>
            </configuration>
            """));

    [Fact]
    public Task Page_LocationOnThePage_NotReportedAsync() =>
        VerifyAsync("/app/Recordings.aspx.cs", openUrl: null, ("/app/Web.config", Location("Recordings.aspx", """<deny users="?" />""")));

    [Theory]
    [InlineData("exports", null)]
    [InlineData("admin", "~/exports/download.axd")]
    public Task HandlerMapping_LocationOverItsPath_DecidesAsync(string deniedFolder, string? openUrl) =>
        // The class is in App_Code: its URL comes from the handler mapping that names its type.
        VerifyAsync("/app/App_Code/Download.cs", openUrl, ("/app/web.config", $$"""
            <configuration>
              <system.webServer>
                <handlers>
                  <add name="Download" verb="GET" path="exports/download.axd" type="CallCenter.Handlers.Download, CallCenter" />
                </handlers>
              </system.webServer>
              <location path="{{deniedFolder}}">
                <system.web><authorization><deny users="?" /></authorization></system.web>
              </location>
            </configuration>
            """));

    [Fact]
    public Task UnknownUrl_DenyAnywhere_NotReportedAsync() =>
        // A handler class in a file that is no code-behind and that no mapping names: any deny is taken to cover it.
        VerifyAsync("/app/App_Code/Download.cs", reported: false, ("/app/web.config", Location("Admin", """<deny users="?" />""")));

    [Fact]
    public Task TransformDeniesAnonymous_OverTheHandler_NotReportedAsync() =>
        VerifyAsync("/app/Handlers/Download.ashx.cs", reported: false,
            ("/app/web.config", """<configuration><system.web><authorization><allow users="*" /></authorization></system.web></configuration>"""),
            ("/app/web.Release.config", """
                <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
                  <system.web><authorization xdt:Transform="Replace"><deny users="?" /></authorization></system.web>
                </configuration>
                """));
}
