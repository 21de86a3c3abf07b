using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Iis.WebConfigAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// The IIS settings of a classic ASP.NET project's web.config (compiled against the .NET Framework 4.8 reference
/// assemblies): SSA0003's mimeMap form, SSA0011 (hidden segments) and SSA0012 (authorization that static files escape).
/// </summary>
public class IisConfigurationTests
{
    /// <summary>A generic handler, as Visual Studio's "Generic Handler" item template writes it.</summary>
    private const string Handler = """
        using System.Web;

        public class Download : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                context.Response.ContentType = "text/plain";
                context.Response.Write("Hello World");
            }

            public bool IsReusable => false;
        }
        """;

    private static Task VerifyAsync(string webConfig) => VerifyAsync(TestFramework.NetFramework48, "web.config", webConfig);

    private static Task VerifyFileAsync(string fileName, string webConfig, params (string Name, string Text)[] otherFiles) =>
        VerifyAsync(TestFramework.NetFramework48, fileName, webConfig, otherFiles);

    private static async Task VerifyAsync(TestFramework framework, string fileName, string webConfig, params (string Name, string Text)[] otherFiles)
    {
        var test = new VerifyCS.Test(framework == TestFramework.NetFramework48 ? Handler : "var app = WebApplication.Create(); app.Run();", framework);
        test.TestState.AdditionalFiles.Add(("/app/" + fileName, webConfig));
        foreach (var (name, text) in otherFiles)
        {
            test.TestState.AdditionalFiles.Add(("/app/" + name, text));
        }

        await test.RunAsync(CancellationToken.None);
    }

    // ---- SSA0003: <mimeMap fileExtension="*"> ----

    [Theory]
    [InlineData("*")]
    [InlineData(".*")]
    public async Task MimeMap_Wildcard_ReportedAtTheAttributeAsync(string extension)
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", $"""
            <configuration>
              <system.webServer>
                <staticContent>
                  <mimeMap {"{|#0:"}fileExtension="{extension}"{"|}"} mimeType="application/octet-stream" />
                </staticContent>
              </system.webServer>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0003UnknownFileTypesServed).WithLocation(0)
            .WithMessage($"<mimeMap fileExtension=\"{extension}\" /> in web.config makes every file in the served folder downloadable, whatever its extension"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MimeMap_WildcardInLocationAndTransform_ReportedAsync()
    {
        await VerifyFileAsync("web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <location path="recordings">
                <system.webServer>
                  <staticContent>
                    <mimeMap {|SSA0003:fileExtension=".*"|} mimeType="audio/wav" xdt:Transform="Insert" />
                  </staticContent>
                </system.webServer>
              </location>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("""<mimeMap fileExtension=".wav" mimeType="audio/wav" />""")]
    [InlineData("""<remove fileExtension="*" />""")]
    [InlineData("""<mimeMap fileExtension="*" mimeType="application/octet-stream" xdt:Transform="Remove" xdt:Locator="Match(fileExtension)" />""")]
    [InlineData("""<clientCache cacheControlMode="UseMaxAge" />""")]
    public async Task MimeMap_SpecificExtensionOrRemoval_NotReportedAsync(string setting)
    {
        await VerifyAsync($$"""
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.webServer>
                <staticContent>
                  {{setting}}
                </staticContent>
              </system.webServer>
            </configuration>
            """);
    }

    [Fact]
    public async Task MimeMap_AspNetCoreProject_NotReportedAsync()
    {
        // The ASP.NET Core Module handles every request ("*"): IIS's static file handler never serves the app's files.
        await VerifyAsync(TestFramework.AspNetCore10, "web.config", """
            <configuration>
              <system.webServer>
                <staticContent>
                  <mimeMap fileExtension="*" mimeType="application/octet-stream" />
                </staticContent>
              </system.webServer>
            </configuration>
            """);
    }

    // ---- SSA0011: hidden segments un-hidden ----

    [Fact]
    public async Task HiddenSegments_Clear_ReportedAtTheElementWithWhatItExposesAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/Web.config", """
            <configuration>
              <system.webServer>
                <security>
                  <requestFiltering>
                    <hiddenSegments>
                      {|#0:<clear|} />
                      <add segment="bin" />
                    </hiddenSegments>
                  </requestFiltering>
                </security>
              </system.webServer>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0011HiddenSegmentExposed).WithLocation(0)
            .WithArguments("<clear /> in <hiddenSegments>", "Web.config",
                "App_Data, App_Code, App_GlobalResources, App_LocalResources, App_WebReferences, App_Browsers, web.config"));
        await test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("App_Data")]
    [InlineData("app_data")]
    [InlineData("bin")]
    [InlineData("App_Code")]
    [InlineData("App_Browsers")]
    public async Task HiddenSegments_RemoveDefault_ReportedAtTheAttributeAsync(string segment)
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", $$"""
            <configuration>
              <system.webServer>
                <security>
                  <requestFiltering>
                    <hiddenSegments applyToWebDAV="false">
                      <remove {|#0:segment="{{segment}}"|} />
                    </hiddenSegments>
                  </requestFiltering>
                </security>
              </system.webServer>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0011HiddenSegmentExposed).WithLocation(0)
            .WithMessage($"<remove segment=\"{segment}\" /> in web.config makes {(segment == "app_data" ? "App_Data" : segment)} downloadable: IIS hides these folders by default because they hold the app's data, code and settings"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HiddenSegments_RemoveInTransformAndInLocation_ReportedAsync()
    {
        await VerifyFileAsync("web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <location path="files">
                <system.webServer>
                  <security>
                    <requestFiltering>
                      <hiddenSegments>
                        <remove {|SSA0011:segment="App_Data"|} xdt:Transform="Insert" />
                      </hiddenSegments>
                    </requestFiltering>
                  </security>
                </system.webServer>
              </location>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("""<add segment="recordings" />""")]
    [InlineData("""<remove segment="recordings" />""")]
    [InlineData("""<remove segment="App_Data" /><add segment="App_Data" />""")]
    [InlineData("""<clear /><add segment="web.config" /><add segment="bin" /><add segment="App_code" /><add segment="App_GlobalResources" /><add segment="App_LocalResources" /><add segment="App_WebReferences" /><add segment="App_Data" /><add segment="App_Browsers" />""")]
    [InlineData("""<remove segment="App_Data" xdt:Transform="Remove" />""")]
    public async Task HiddenSegments_DefaultsKept_NotReportedAsync(string entries)
    {
        await VerifyAsync($$"""
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.webServer>
                <security>
                  <requestFiltering>
                    <hiddenSegments>
                      {{entries}}
                    </hiddenSegments>
                  </requestFiltering>
                </security>
              </system.webServer>
            </configuration>
            """);
    }

    [Fact]
    public async Task HiddenSegments_ConfigSource_NotReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <system.webServer>
                <security>
                  <requestFiltering configSource="filtering.config" />
                </security>
              </system.webServer>
            </configuration>
            """);
    }

    /// <summary>Only a .globalconfig reaches a diagnostic in web.config (docs/configuration.md).</summary>
    [Fact]
    public async Task HiddenSegments_GlobalConfigSeverityNone_NotReportedAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration><system.webServer><security><requestFiltering><hiddenSegments><remove segment="App_Data" /></hiddenSegments></requestFiltering></security></system.webServer></configuration>
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            dotnet_diagnostic.SSA0011.severity = none
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- SSA0012: protection in <system.web><authorization> only ----

    [Fact]
    public async Task SystemWebDenyOnly_Location_ReportedAtTheUsersAttributeAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration>
              <system.web>
                <authentication mode="Forms" />
              </system.web>
              <location path="recordings">
                <system.web>
                  <authorization>
                    <allow roles="Agents" />
                    <deny {|#0:users="?"|} />
                  </authorization>
                </system.web>
              </location>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0012AnonymousAccessUnderIis).WithLocation(0)
            .WithMessage("<deny users=\"?\" /> in <system.web><authorization> of <location path=\"recordings\"> in web.config protects ASP.NET pages and handlers only: IIS serves the static files there (.wav, .mp3, .pdf) to anonymous users"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SystemWebDenyOnly_RootAndDenyAll_ReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <system.web>
                <authentication mode="Forms"><forms loginUrl="~/Login.aspx" /></authentication>
                <authorization>
                  <deny {|SSA0012:users="?"|} />
                </authorization>
              </system.web>
              <location path="archive/2018">
                <system.web>
                  <authorization>
                    <deny {|SSA0012:users="*"|} />
                  </authorization>
                </system.web>
              </location>
              <system.webServer>
                <modules runAllManagedModulesForAllRequests="false" />
              </system.webServer>
            </configuration>
            """);
    }

    [Fact]
    public async Task SystemWebDeny_ModuleReAddedWithManagedHandlerPrecondition_StillReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <system.web>
                <authorization><deny {|SSA0012:users="?"|} /></authorization>
              </system.web>
              <system.webServer>
                <modules>
                  <remove name="UrlAuthorization" />
                  <add name="UrlAuthorization" type="System.Web.Security.UrlAuthorizationModule" preCondition="managedHandler" />
                </modules>
              </system.webServer>
            </configuration>
            """);
    }

    /// <summary>The documented ways to make the protection reach static files: each one, and nothing is reported.</summary>
    [Theory]
    [InlineData("""<system.webServer><modules runAllManagedModulesForAllRequests="true" /></system.webServer>""")]
    [InlineData("""<system.webServer><modules><remove name="UrlAuthorization" /><add name="UrlAuthorization" type="System.Web.Security.UrlAuthorizationModule" preCondition="" /></modules></system.webServer>""")]
    [InlineData("""<system.webServer><modules><remove name="UrlAuthorization" /><add name="UrlAuthorization" type="System.Web.Security.UrlAuthorizationModule, System.Web, Version=4.0.0.0" /></modules></system.webServer>""")]
    [InlineData("""<system.webServer><modules configSource="modules.config" /></system.webServer>""")]
    [InlineData("""<system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer>""")]
    [InlineData("""<location path="recordings"><system.webServer><security><authorization><remove users="*" roles="" verbs="" /><add accessType="Allow" roles="Agents" /></authorization></security></system.webServer></location>""")]
    [InlineData("""<location path="recordings"><system.webServer><security><authorization><clear /><add accessType="Allow" users="alice" /></authorization></security></system.webServer></location>""")]
    [InlineData("""<location path="recordings"><system.webServer><security><authorization configSource="iis-auth.config" /></security></system.webServer></location>""")]
    public async Task SystemWebDeny_ReachesStaticFiles_NotReportedAsync(string protection)
    {
        await VerifyAsync($$"""
            <configuration>
              <location path="recordings">
                <system.web>
                  <authorization><deny users="?" /></authorization>
                </system.web>
              </location>
              {{protection}}
            </configuration>
            """);
    }

    [Fact]
    public async Task SystemWebDeny_IisDenyOnlyForAnotherFolder_ReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <location path="recordings">
                <system.web><authorization><deny {|SSA0012:users="?"|} /></authorization></system.web>
              </location>
              <location path="admin">
                <system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer>
              </location>
              <location path="recordings">
                <system.webServer><security><authorization><add accessType="Deny" users="?" verbs="POST" /><add accessType="Allow" roles="Agents" /></authorization></security></system.webServer>
              </location>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("Admin.aspx", """<deny users="?" />""")]
    [InlineData("Download.ashx", """<deny users="?" />""")]
    [InlineData("recordings", """<deny users="?" verbs="POST" />""")]
    [InlineData("pages", """<allow users="*" /><deny users="?" />""")]
    [InlineData("recordings", """<allow roles="Agents" /><deny users="alice" />""")]
    [InlineData("recordings", """<deny users="?" xdt:Transform="Remove" />""")]
    public async Task SystemWeb_PageOrNoAnonymousDeny_NotReportedAsync(string path, string rules)
    {
        await VerifyAsync($$"""
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <location path="{{path}}">
                <system.web><authorization>{{rules}}</authorization></system.web>
              </location>
            </configuration>
            """);
    }

    [Fact]
    public async Task SystemWebDeny_InTransform_WhileTheBaseFileRunsModulesForAllRequests_NotReportedAsync()
    {
        await VerifyFileAsync("web.Release.config", """
            <configuration xmlns:xdt="http://schemas.microsoft.com/XML-Document-Transform">
              <system.web>
                <authorization xdt:Transform="Insert"><deny users="?" /></authorization>
              </system.web>
            </configuration>
            """,
            ("web.config", """
            <configuration>
              <system.webServer><modules runAllManagedModulesForAllRequests="true" /></system.webServer>
            </configuration>
            """));
    }

    [Fact]
    public async Task SystemWebDeny_ParentFolderIisDeny_NotReportedAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration><system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer></configuration>
            """));
        test.TestState.AdditionalFiles.Add(("/app/recordings/web.config", """
            <configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>
            """));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SystemWebDeny_AspNetCoreProject_NotReportedAsync()
    {
        await VerifyAsync(TestFramework.AspNetCore10, "web.config", """
            <configuration><system.web><authorization><deny users="?" /></authorization></system.web></configuration>
            """);
    }

    // ---- SSA0012: a private folder opened to everyone ----

    [Fact]
    public async Task PrivateFolderAllowsEveryone_SystemWeb_ReportedAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration>
              <system.web><authorization><deny users="?" /></authorization></system.web>
              <system.webServer><modules runAllManagedModulesForAllRequests="true" /></system.webServer>
              <location path="~/CallRecordings">
                <system.web>
                  <authorization>
                    <allow {|#0:users="*"|} />
                  </authorization>
                </system.web>
              </location>
            </configuration>
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0012AnonymousAccessUnderIis).WithLocation(0)
            .WithMessage("<allow users=\"*\" /> on <location path=\"~/CallRecordings\"> in web.config opens a folder named for private data (the word 'Call' in 'CallRecordings') to anonymous users"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PrivateFolderAllowsEveryone_IisUrlAuthorization_ReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <location path="uploads">
                <system.webServer>
                  <security>
                    <authorization>
                      <add accessType="Allow" {|SSA0012:users="?"|} />
                    </authorization>
                  </security>
                </system.webServer>
              </location>
            </configuration>
            """);
    }

    [Theory]
    [InlineData("css")]
    [InlineData("Content/images")]
    [InlineData("Login.aspx")]
    [InlineData("recordings/readme.txt")]
    [InlineData("App_Data/recordings")]
    [InlineData("")]
    public async Task PublicFolderOrFileAllowsEveryone_NotReportedAsync(string path)
    {
        await VerifyAsync($$"""
            <configuration>
              <location path="{{path}}">
                <system.web><authorization><allow users="*" /></authorization></system.web>
                <system.webServer><security><authorization><add accessType="Allow" users="*" /></authorization></security></system.webServer>
              </location>
            </configuration>
            """);
    }

    [Fact]
    public async Task PrivateFolderAllowsEveryone_ButIisDeniesAnonymous_NotReportedAsync()
    {
        await VerifyAsync("""
            <configuration>
              <system.webServer><security><authorization><add accessType="Deny" users="?" /></authorization></security></system.webServer>
              <location path="recordings">
                <system.web><authorization><allow users="*" /></authorization></system.web>
              </location>
            </configuration>
            """);
    }

    [Fact]
    public async Task PrivateFolderNames_ConfiguredWord_ReportedAsync()
    {
        var test = new VerifyCS.Test(Handler, TestFramework.NetFramework48);
        test.TestState.AdditionalFiles.Add(("/app/web.config", """
            <configuration>
              <location path="dossiers">
                <system.web><authorization><allow {|SSA0012:users="*"|} /></authorization></system.web>
              </location>
            </configuration>
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", """
            is_global = true
            SSA0001.private_folder_names = dossiers
            """));
        await test.RunAsync(CancellationToken.None);
    }

    // ---- Robustness ----

    [Theory]
    [InlineData("""<configuration><system.web><authorization><deny users="?" /></authorization>""")]
    [InlineData("""<configuration><system.webServer><security><requestFiltering><hiddenSegments><clear /></hiddenSegments></requestFiltering></security></system.webServer></configurat""")]
    [InlineData("""<configuration><system.webServer><staticContent><mimeMap fileExtension="*" mimeType="a/b" />""")]
    [InlineData("""<!DOCTYPE configuration [<!ENTITY all "*">]><configuration><staticContent><mimeMap fileExtension="&all;" /></staticContent></configuration>""")]
    [InlineData("""<configuration><location><system.web><authorization><deny users="" /><allow /></authorization></system.web></location><hiddenSegments><remove /></hiddenSegments></configuration>""")]
    [InlineData("")]
    public async Task MalformedOrIncomplete_NotReportedAndNoExceptionAsync(string webConfig)
    {
        await VerifyAsync(webConfig);
    }
}
