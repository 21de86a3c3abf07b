using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// <c>WebClient.DownloadData</c>/<c>DownloadDataTaskAsync</c> given a local file path reads that file (held-out set 15: an
/// anonymous <c>Download(filename)</c> action builds <c>ContentRootPath + "\\FileUploads\\" + filename</c>, reads it with
/// <c>new WebClient().DownloadData(path)</c> and returns the bytes). Such a read is a stored-file read only when the
/// address is a local path (built from a content or web root, a <c>Path</c> method or a folder); an <c>http</c> address
/// is a web download, which SSA0005 is not about.
/// </summary>
public class SSA0005WebClientLocalReadTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer(), source);

    [Fact]
    public Task DownloadDataOfAContentRootPath_IsAStoredFileReadAsync() => VerifyAsync("""
        #pragma warning disable SYSLIB0014
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Mvc;

        public class DownloadController : Controller
        {
            private readonly IWebHostEnvironment _env;

            public DownloadController(IWebHostEnvironment env) => _env = env;

            public IActionResult Download(string filename)
            {
                var filepath = _env.ContentRootPath + "\\FileUploads\\" + filename;
                var net = new System.Net.WebClient();
                var data = net.DownloadData(filepath);
                var stream = new System.IO.MemoryStream(data);
                return File(stream, "application/octet-stream", filename); //! SSA0005
            }

            public async Task<IActionResult> Combined(string name)
            {
                using var client = new System.Net.WebClient();
                var bytes = await client.DownloadDataTaskAsync(Path.Combine(_env.WebRootPath, "uploads", name));
                return File(bytes, "application/octet-stream"); //! SSA0005
            }

            public IActionResult ByUri(string name)
            {
                var client = new System.Net.WebClient();
                var bytes = client.DownloadData(new Uri(Path.Combine(_env.ContentRootPath, "Files", name)));
                return File(bytes, "application/octet-stream"); //! SSA0005
            }
        }
        """);

    [Fact]
    public Task DownloadDataOfAWebAddress_IsNoStoredFileReadAsync() => VerifyAsync("""
        #pragma warning disable SYSLIB0014
        using Microsoft.AspNetCore.Mvc;

        public class ProxyController : Controller
        {
            private const string Cdn = "https://cdn.example.com/files/";

            public IActionResult Proxy(string filename)
            {
                var net = new System.Net.WebClient();
                var data = net.DownloadData("https://cdn.example.com/files/" + filename);
                return File(data, "application/octet-stream", filename);
            }

            public IActionResult FromConstant(string filename)
            {
                var net = new System.Net.WebClient();
                var data = net.DownloadData(Cdn + filename);
                return File(data, "application/octet-stream");
            }

            public IActionResult Interpolated(string name)
            {
                var net = new System.Net.WebClient();
                var data = net.DownloadData(new Uri($"http://images.example.com/{name}"));
                return File(data, "image/png");
            }

            public IActionResult Text(int id)
            {
                var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes($"Report {id}"));
                return File(stream, "text/plain", "report.txt");
            }

            public IActionResult WholeUrl(string url)
            {
                var net = new System.Net.WebClient();
                return File(net.DownloadData(url), "application/octet-stream");
            }
        }
        """);
}
