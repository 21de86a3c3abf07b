using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 on the shapes the real-code check missed (issue #21, docs/precision.md): a stored file copied to
/// <c>Response.Body</c> by hand, and a file opened in a helper class of the project.
/// </summary>
public class SSA0005HandWrittenAndHelperTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    [Fact]
    public async Task FileCopiedToResponseBodyByHand_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class FileBrowserController : Controller
            {
                private readonly string _root = "/srv/files";

                public async Task {|#2:Get|}(string path)
                {
                    using var fs = System.IO.File.OpenRead(Path.Combine(_root, {|#1:path|}));
                    await fs.{|#0:CopyToAsync(Response.Body)|};
                }

                public async Task {|#5:Raw|}(string name)
                {
                    var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine(_root, {|#4:name|}));
                    await Response.Body.{|#3:WriteAsync(bytes)|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("fs.CopyToAsync", "the parameter 'path'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Response.Body.WriteAsync", "the parameter 'name'", Nothing));
    }

    [Fact]
    public async Task CopyLoopFromAStoredFileIntoResponseBody_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class FileBrowserController : Controller
            {
                private readonly string _root = "/srv/files";

                public async Task<IActionResult> {|#2:DownloadFile|}(string fileRequestPath)
                {
                    var path = _root + "/" + {|#1:fileRequestPath|};
                    using var fs = new FileStream(path, FileMode.Open, FileAccess.Read);
                    var buffer = new byte[81920];
                    int n;
                    while ((n = await fs.ReadAsync(buffer, 0, buffer.Length)) > 0)
                    {
                        await Response.Body.{|#0:WriteAsync(buffer, 0, n)|};
                    }

                    return new EmptyResult();
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Response.Body.WriteAsync", "the parameter 'fileRequestPath'", Nothing));
    }

    [Fact]
    public async Task CopiesThatServeNoRequestedStoredFile_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public class ReportsController : Controller
            {
                private readonly string _root = "/srv/files";

                // A fixed file, a copy into another stream, and an authorized action.
                public async Task Logo()
                {
                    using var fs = System.IO.File.OpenRead(Path.Combine(_root, "logo.png"));
                    await fs.CopyToAsync(Response.Body);
                }

                public async Task Backup(string name)
                {
                    using var fs = System.IO.File.OpenRead(Path.Combine(_root, name));
                    using var copy = System.IO.File.Create("/srv/backup.bin");
                    await fs.CopyToAsync(copy);
                }

                [Authorize]
                public async Task Mine(string name)
                {
                    using var fs = System.IO.File.OpenRead(Path.Combine(_root, name));
                    await fs.CopyToAsync(Response.Body);
                }
            }
            """);
    }

    [Fact]
    public async Task FileOpenedInAHelperClass_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class FileStore
            {
                private readonly string _dir = "/srv/uploads";

                public (Stream Stream, string Name) Open(int id)
                {
                    var name = id + ".bin";
                    return (System.IO.File.OpenRead(Path.Combine(_dir, name)), name);
                }

                public Stream OpenByName(string name) => new FileStream(Path.Combine(_dir, name), FileMode.Open);

                public Stream Logo() => System.IO.File.OpenRead(Path.Combine(_dir, "logo.png"));
            }

            public class HomeController : Controller
            {
                private readonly FileStore _store = new();

                public IActionResult {|#2:Download|}(int id)
                {
                    var (stream, name) = _store.Open({|#1:id|});
                    return {|#0:File(stream, "application/octet-stream", name)|};
                }

                public IActionResult {|#5:ByName|}(string name) => {|#3:File(_store.OpenByName({|#4:name|}), "application/octet-stream")|};

                public IActionResult Logo(string theme) => File(_store.Logo(), "image/png");
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("File", "the parameter 'name'", Nothing));
    }
}
