using SecureStorageAnalyzers.CodeFixes.StaticFiles;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyFix = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.StaticFiles.SSA0006DoNotWriteUnderWebRootAnalyzer,
    SecureStorageAnalyzers.CodeFixes.StaticFiles.SSA0006DoNotWriteUnderWebRootCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.Classic;

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
}
