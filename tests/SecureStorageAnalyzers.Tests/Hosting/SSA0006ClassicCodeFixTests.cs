using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyFix = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer,
    SecureStorageAnalyzers.CodeFixes.Hosting.SSA0006DoNotWriteUnderWebRootCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>SSA0006's fix in classic ASP.NET: the folder moves under ~/App_Data, which IIS never serves.</summary>
public class SSA0006ClassicCodeFixTests
{
    [Fact]
    public async Task MapPathFolder_MovesUnderAppData_WhereTheOnlyLiteralNamesItAsync()
    {
        await VerifyFix.VerifyCodeFixAsync("""
            using System;
            using System.IO;
            using System.Web;

            public class Upload : IHttpHandler
            {
                public void ProcessRequest(HttpContext context)
                {
                    var file = context.Request.Files[0];
                    var path = context.Server.MapPath("~/uploads/" + Path.GetFileName(file.FileName));
                    file.[|SaveAs(path)|];
                    context.Response.Write(path.Length);
                }

                public bool IsReusable => false;
            }
            """, """
            using System;
            using System.IO;
            using System.Web;

            public class Upload : IHttpHandler
            {
                public void ProcessRequest(HttpContext context)
                {
                    var file = context.Request.Files[0];
                    var path = context.Server.MapPath("~/App_Data/uploads/" + Path.GetFileName(file.FileName));
                    file.SaveAs(path);
                    context.Response.Write(path.Length);
                }

                public bool IsReusable => false;
            }
            """, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey, TestFramework.NetFramework48);
    }

    [Fact]
    public async Task MapPathFolder_ReadElsewhereUnderItsName_NoFixAsync()
    {
        const string source = """
            using System.IO;
            using System.Web;

            public class Export : IHttpHandler
            {
                public void ProcessRequest(HttpContext context)
                {
                    File.[|WriteAllText(context.Server.MapPath("~/exports/last.csv"), "a,b")|];
                    context.Response.TransmitFile(context.Server.MapPath("/exports/last.csv"));
                }

                public bool IsReusable => false;
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, source, SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey, TestFramework.NetFramework48);
    }

    [Theory]
    [InlineData("~/uploads/")]
    [InlineData("~/App_Data/uploads/")]
    public async Task WebConfigUnhidesAppData_NoFixAsync(string folder)
    {
        // App_Data is served once the web.config un-hides it (SSA0011's finding): moving the write there changes nothing.
        var source = $$"""
            using System.IO;
            using System.Web;

            public class Upload : IHttpHandler
            {
                public void ProcessRequest(HttpContext context)
                {
                    var file = context.Request.Files[0];
                    file.[|SaveAs(context.Server.MapPath("{{folder}}" + Path.GetFileName(file.FileName)))|];
                }

                public bool IsReusable => false;
            }
            """;
        var test = new VerifyFix.Test(source, source, TestFramework.NetFramework48)
        {
            CodeActionEquivalenceKey = SSA0006DoNotWriteUnderWebRootCodeFixProvider.UsePrivateFolderKey,
        };
        const string WebConfig = """
            <configuration><system.webServer><security><requestFiltering><hiddenSegments><remove segment="App_Data" /></hiddenSegments></requestFiltering></security></system.webServer></configuration>
            """;
        test.TestState.AdditionalFiles.Add(("/app/web.config", WebConfig));
        test.FixedState.AdditionalFiles.Add(("/app/web.config", WebConfig));
        await test.RunAsync(CancellationToken.None);
    }
}
