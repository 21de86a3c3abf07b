using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 on shapes the real-code sets missed in session 18 (issue #21, docs/precision.md): a request value that
/// reaches the path only as what a framework <c>TryParse</c> writes into its <c>out</c> argument, a file result member
/// set by an assignment statement on the object the project's method returns, and a copy loop whose buffer is assigned
/// inside the loop.
/// </summary>
public class SSA0005ParsedValuesAndSetMembersTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    /// <summary>
    /// A daily log of the day the route names: the route's text reaches the file name only as the <c>DateTime</c> that
    /// <c>DateTime.TryParseExact</c> writes into its <c>out</c> variable. Also <c>int.TryParse</c> and
    /// <c>Guid.TryParse</c> into a declared local.
    /// </summary>
    [Fact]
    public async Task ValueParsedFromTheRequestByTryParse_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Globalization;
            using Microsoft.AspNetCore.Mvc;

            [Route("api/[controller]")]
            [ApiController]
            public class LogsController : ControllerBase
            {
                private readonly string _logFolder = Path.Combine(Directory.GetCurrentDirectory(), "log");

                [HttpGet("{date}")]
                public async Task<IActionResult> {|#2:GetLogByDate|}(string date)
                {
                    if (!DateTime.TryParseExact({|#1:date|}, "yyyyMMdd", null, DateTimeStyles.None, out DateTime parsedDate))
                        return BadRequest();

                    string fileName = $"log-{parsedDate:yyyyMMdd}.txt";
                    string fullPath = Path.Combine(_logFolder, fileName);
                    if (!System.IO.File.Exists(fullPath))
                        return NotFound();

                    var bytes = await System.IO.File.ReadAllBytesAsync(fullPath);
                    return {|#0:File(bytes, "text/plain", fileName)|};
                }

                [HttpGet("part/{number}")]
                public IActionResult {|#5:GetPart|}(string number)
                {
                    int part;
                    if (!int.TryParse({|#4:number|}, out part))
                        return BadRequest();
                    return {|#3:PhysicalFile(Path.Combine(_logFolder, "part-" + part + ".txt"), "text/plain")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'date'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("PhysicalFile", "the parameter 'number'", Nothing));
    }

    /// <summary>
    /// What is parsed from a fixed text, from the clock or from the signed-in user chooses nothing; nor does the
    /// <c>bool</c> that <c>TryParse</c> returns, nor a parse of the request whose result the path does not use.
    /// </summary>
    [Fact]
    public async Task ValuesNotParsedFromTheRequest_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Globalization;
            using Microsoft.AspNetCore.Mvc;

            [Route("api/[controller]")]
            [ApiController]
            public class LogsController : ControllerBase
            {
                private readonly string _logFolder = Path.Combine(Directory.GetCurrentDirectory(), "log");

                [HttpGet("today")]
                public IActionResult Today()
                {
                    DateTime.TryParseExact("20250101", "yyyyMMdd", null, DateTimeStyles.None, out var day);
                    return PhysicalFile(Path.Combine(_logFolder, $"log-{day:yyyyMMdd}.txt"), "text/plain");
                }

                [HttpGet("check/{date}")]
                public IActionResult Check(string date)
                {
                    var ok = DateTime.TryParse(date, out var ignored);
                    return PhysicalFile(Path.Combine(_logFolder, $"log-{DateTime.UtcNow:yyyyMMdd}.txt"), "text/plain");
                }
            }
            """);
    }

    private const string FileRepository = """

        public class FileData
        {
            public int Id { get; set; }
            public string FilePath { get; set; } = "";
        }

        public class ReturnedFile
        {
            public MemoryStream memory { get; set; } = null!;
            public string contentType { get; set; } = "";
            public string fileName { get; set; } = "";
        }

        public class AppContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<FileData> FileData { get; set; } = null!;
        }
        """;

    /// <summary>
    /// The e-procurement download: the repository behind its interface finds the record by the id, copies its file into
    /// a <c>MemoryStream</c>, and sets the stream on a result object by assignment statements (no initializer); the
    /// action serves the result's <c>memory</c>.
    /// </summary>
    [Fact]
    public async Task MemberSetByAssignmentOnTheReturnedObject_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public interface IFileDataRepository
            {
                Task<ReturnedFile> DownloadFile(int id);
            }

            public class FileDataRepository : IFileDataRepository
            {
                private readonly AppContext _context;
                private readonly string AppDirectory = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
                public FileDataRepository(AppContext context) => _context = context;

                public async Task<ReturnedFile> DownloadFile(int id)
                {
                    var file = _context.FileData.Where(n => n.Id == id).FirstOrDefault();
                    var path = Path.Combine(AppDirectory, file?.FilePath);
                    var memory = new MemoryStream();
                    using (var stream = new FileStream(path, FileMode.Open))
                    {
                        await stream.CopyToAsync(memory);
                    }
                    memory.Position = 0;
                    ReturnedFile returnedFile = new ReturnedFile();
                    returnedFile.memory = memory;
                    returnedFile.fileName = Path.GetFileName(path);
                    returnedFile.contentType = "application/octet-stream";
                    return returnedFile;
                }
            }

            [Route("api/[controller]")]
            [ApiController]
            public class FileManagerController : ControllerBase
            {
                private readonly IFileDataRepository _fileRepository;
                public FileManagerController(IFileDataRepository fileRepository) => _fileRepository = fileRepository;

                [HttpGet("download/{id}")]
                public async Task<IActionResult> {|#2:DownloadFile|}(int id)
                {
                    ReturnedFile returnedFile = await _fileRepository.DownloadFile({|#1:id|});
                    if (returnedFile != null)
                        return {|#0:File(returnedFile.memory, returnedFile.contentType, returnedFile.fileName)|};
                    return NotFound();
                }
            }
            """ + FileRepository + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// A member set by assignment from what the method makes (bytes encoded from a text), or set from the request and
    /// then replaced by a fixed file before the return, or set on another object than the one returned, carries nothing.
    /// </summary>
    [Fact]
    public async Task MembersSetByAssignmentFromNoRequestedFile_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Text;
            using Microsoft.AspNetCore.Mvc;

            public class ReportService
            {
                private readonly AppContext _context;
                private readonly string AppDirectory = "/srv/files";
                public ReportService(AppContext context) => _context = context;

                public ReturnedFile Summary(int id)
                {
                    var result = new ReturnedFile();
                    result.memory = new MemoryStream(Encoding.UTF8.GetBytes("report " + id));
                    result.fileName = "summary.txt";
                    return result;
                }

                public ReturnedFile Replaced(int id)
                {
                    var file = _context.FileData.Where(n => n.Id == id).FirstOrDefault();
                    var result = new ReturnedFile();
                    result.memory = new MemoryStream(File.ReadAllBytes(Path.Combine(AppDirectory, file!.FilePath)));
                    result.memory = new MemoryStream(File.ReadAllBytes(Path.Combine(AppDirectory, "logo.png")));
                    return result;
                }

                public ReturnedFile Other(int id)
                {
                    var file = _context.FileData.Where(n => n.Id == id).FirstOrDefault();
                    var scratch = new ReturnedFile();
                    scratch.memory = new MemoryStream(File.ReadAllBytes(Path.Combine(AppDirectory, file!.FilePath)));
                    var result = new ReturnedFile();
                    result.memory = new MemoryStream(File.ReadAllBytes(Path.Combine(AppDirectory, "logo.png")));
                    return result;
                }
            }

            [Route("api/[controller]")]
            [ApiController]
            public class ReportsController : ControllerBase
            {
                private readonly ReportService _reports;
                public ReportsController(ReportService reports) => _reports = reports;

                [HttpGet("summary/{id}")]
                public IActionResult Summary(int id) => File(_reports.Summary(id).memory, "text/plain");

                [HttpGet("replaced/{id}")]
                public IActionResult Replaced(int id)
                {
                    var r = _reports.Replaced(id);
                    return File(r.memory, "image/png");
                }

                [HttpGet("other/{id}")]
                public IActionResult Other(int id)
                {
                    var r = _reports.Other(id);
                    return File(r.memory, "image/png");
                }
            }
            """ + FileRepository + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);
    }

    /// <summary>
    /// The host server's file browser: the path is merged by the project's own string helper from a configured root and
    /// the query's path, reassigned under an <c>if</c>, opened with a target-typed <c>new(path, …)</c> inside a
    /// <c>using</c> statement, and copied to <c>Response.Body</c> through a buffer declared before the loop and assigned
    /// inside it.
    /// </summary>
    [Fact]
    public async Task CopyLoopWithBufferAssignedInTheLoop_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Runtime.InteropServices;
            using Microsoft.AspNetCore.Mvc;

            public static class PathHelper
            {
                public static string UnifySlash(string? path)
                {
                    if (string.IsNullOrWhiteSpace(path))
                        return path ?? "";
                    path = path.Replace('\\', '/');
                    return path;
                }

                public static string UnifySlashForWindows(string path, bool isDirectory)
                {
                    if (string.IsNullOrWhiteSpace(path))
                        return path;
                    return path.Replace('/', '\\');
                }

                public static string MergePath(string path1, string path2)
                {
                    path1 = UnifySlash(path1);
                    path2 = UnifySlash(path2);
                    if (string.IsNullOrWhiteSpace(path1))
                        return path2;
                    if (string.IsNullOrWhiteSpace(path2))
                        return path1;
                    return $"{path1}/{path2}";
                }
            }

            public static class HostConfiguration
            {
                public static Dictionary<string, string> Roots { get; } = new();
            }

            public class FileBrowserController : Controller
            {
                [FromQuery]
                public string? AccessKey { get; set; }

                [HttpGet]
                public async Task<IActionResult> {|#2:DownloadFile|}(string fileRequestPath)
                {
                    var basePath = "./";
                    AccessKey ??= "default";
                    if (HostConfiguration.Roots.ContainsKey(AccessKey))
                        basePath = HostConfiguration.Roots[AccessKey];

                    var path = PathHelper.MergePath(basePath, {|#1:fileRequestPath|});
                    if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                        path = PathHelper.UnifySlashForWindows(path, false);

                    int bufferSize = 1024 * 1024;
                    using (FileStream fs = new(path, FileMode.Open, FileAccess.Read))
                    {
                        using (Response.Body)
                        {
                            long contentLength = fs.Length;
                            byte[] buffer;
                            long hasRead = 0;
                            while (hasRead < contentLength)
                            {
                                buffer = new byte[bufferSize];
                                int currentRead = await fs.ReadAsync(buffer, 0, bufferSize);
                                await Response.Body.{|#0:WriteAsync(buffer, 0, currentRead)|};
                                hasRead += currentRead;
                            }
                        }
                    }

                    return new EmptyResult();
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Response.Body.WriteAsync", "the parameter 'fileRequestPath'", Nothing));
    }
}
