using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// A path re-assigned from itself through a call the walk does not follow (held-out set 14, a download handler:
/// <c>filePath = context.Server.UrlDecode(filePath)</c>, then mapped and sent): the request value before it is still in
/// the path. The shared value flow's overwrite rule (<c>ReadPoint</c>) counts only an assignment that does not read the
/// local; with one that did, this finding was lost.
/// </summary>
public class SSA0005ClassicDecodedPathTests
{
    [Fact]
    public Task PathDecodedInPlace_ThenMappedAndSent_ReportedAsync() => LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), """
        using System.IO;
        using System.Web;

        public class DownloadFile : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                string filePath = context.Request.QueryString["file"];
                if (string.IsNullOrEmpty(filePath))
                {
                    context.Response.Write("File parameter is missing.");
                    return;
                }

                filePath = context.Server.UrlDecode(filePath);
                if (filePath.StartsWith("~"))
                    filePath = context.Server.MapPath(filePath);
                else
                    filePath = context.Server.MapPath("~" + filePath);

                context.Response.TransmitFile(filePath); //! SSA0005
            }

            public bool IsReusable { get { return false; } }
        }
        """, TestFramework.NetFramework48);
}
