using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005's reach into how a stored file is found (held-out set 9, docs/precision.md): a directory search whose pattern
/// or folder is the request's value (<c>Directory.GetFiles(folder, key).FirstOrDefault()</c>, <c>EnumerateFiles</c>,
/// <c>DirectoryInfo.GetFiles</c>), and a tuple the project's own service returns, deconstructed in the action
/// (<c>var (bytes, name) = await _service.DownloadAsync(id)</c>), whose element is the file the service reads for the
/// record it finds by the id.
/// </summary>
public class SSA0005StoredFileReachTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";
    private const string Marked = "it is marked AllowAnonymous";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    /// <summary>
    /// A licence API's download by key: the stored file is whichever the directory search with the route's key as its
    /// pattern finds first, read and returned; also <c>EnumerateFiles</c> and <c>DirectoryInfo.GetFiles</c> (the
    /// <c>FileInfo</c> it finds opened or served by its full name), and a folder the route names searched with a fixed
    /// pattern.
    /// </summary>
    [Fact]
    public async Task DirectorySearchByTheRequestValue_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/[controller]")]
            public class FileController : ControllerBase
            {
                private readonly string _folderPath = Path.Combine(Directory.GetCurrentDirectory(), "MediaStorage");

                [HttpGet]
                [{|#2:AllowAnonymous|}]
                [Route("{keyName}/download")]
                public IActionResult GetResourceMedia(string keyName)
                {
                    var file = Directory.GetFiles(_folderPath, $"{{|#1:keyName|}}").FirstOrDefault();
                    if (file != null)
                    {
                        var fileBytes = System.IO.File.ReadAllBytes(file);
                        return {|#0:File(fileBytes, "application/pdf")|};
                    }

                    return NotFound();
                }

                [HttpGet("enumerate/{key}")]
                public IActionResult {|#5:Enumerate|}(string key)
                {
                    var path = Directory.EnumerateFiles(_folderPath, {|#4:key|} + ".*").First();
                    return {|#3:PhysicalFile(path, "application/octet-stream")|};
                }

                [HttpGet("info/{key}")]
                public IActionResult {|#8:Info|}(string key)
                {
                    var found = new DirectoryInfo(_folderPath).GetFiles({|#7:key|}).FirstOrDefault();
                    return found is null ? NotFound() : {|#6:PhysicalFile(found.FullName, "application/octet-stream")|};
                }

                [HttpGet("open/{key}")]
                public IActionResult {|#11:Open|}(string key)
                {
                    var found = new DirectoryInfo(_folderPath).EnumerateFiles({|#10:key|}).Single();
                    return {|#9:File(found.OpenRead(), "application/octet-stream")|};
                }

                [HttpGet("folder/{applicant}")]
                public IActionResult {|#14:Folder|}(string applicant)
                {
                    var first = Directory.GetFiles(Path.Combine(_folderPath, {|#13:applicant|}), "*.pdf").First();
                    return {|#12:PhysicalFile(first, "application/pdf")|};
                }
            }
            """ + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'keyName'", Marked),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("PhysicalFile", "the parameter 'key'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("PhysicalFile", "the parameter 'key'", Nothing),
            Diagnostic().WithLocation(9).WithLocation(10).WithLocation(11).WithArguments("File", "the parameter 'key'", Nothing),
            Diagnostic().WithLocation(12).WithLocation(13).WithLocation(14).WithArguments("PhysicalFile", "the parameter 'applicant'", Nothing));
    }

    /// <summary>
    /// Directory searches the request does not steer: a fixed folder and pattern (the newest export), a search behind
    /// [Authorize], the request value used only to count the files found, and a search whose result is not what is
    /// served (a fixed file beside it).
    /// </summary>
    [Fact]
    public async Task DirectorySearchNotChosenByTheRequest_OrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/[controller]")]
            public class ExportController : ControllerBase
            {
                private readonly string _folderPath = Path.Combine(Directory.GetCurrentDirectory(), "Exports");

                [HttpGet("latest")]
                public IActionResult Latest(string format)
                {
                    var newest = Directory.GetFiles(_folderPath, "*.csv").OrderByDescending(f => f).First();
                    return PhysicalFile(newest, "text/csv");
                }

                [HttpGet("count/{key}")]
                public IActionResult Count(string key)
                {
                    var count = Directory.GetFiles(_folderPath, key).Length;
                    return PhysicalFile(Path.Combine(_folderPath, "summary.pdf"), "application/pdf");
                }

                [HttpGet("fixed")]
                public IActionResult Fixed()
                {
                    var file = new DirectoryInfo(_folderPath).GetFiles("manual*.pdf").First();
                    return PhysicalFile(file.FullName, "application/pdf");
                }
            }

            [Authorize]
            [ApiController]
            [Route("api/[controller]")]
            public class GatedFileController : ControllerBase
            {
                [HttpGet("{keyName}")]
                public IActionResult Get(string keyName) =>
                    File(System.IO.File.ReadAllBytes(Directory.GetFiles("/srv/media", keyName).First()), "application/pdf");
            }
            """ + SSA0005RecordLookupTests.EntryPoint);
    }

    private const string EmployeeDocuments = """

        public class EmployeeDocument
        {
            public int Id { get; set; }
            public string FileName { get; set; } = "";
            public string FilePath { get; set; } = "";
        }

        public class HrDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<EmployeeDocument> EmployeeDocuments { get; set; } = null!;
        }
        """;

    /// <summary>
    /// An HR API's download by id: the injected service's one implementation finds the document by the id, reads the file
    /// its record names under the web root, and returns the bytes and the name as a tuple the action deconstructs. Also a
    /// tuple read by element name, and a stream element of a concrete service's tuple.
    /// </summary>
    [Fact]
    public async Task TupleFromTheServiceThatFindsTheRecord_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Mvc;

            public interface IEmployeeDocumentsService
            {
                Task<(byte[] FileBytes, string FileName)> DownloadAsync(int id);
            }

            public class EmployeeDocumentsService : IEmployeeDocumentsService
            {
                private readonly HrDb _context;
                private readonly IWebHostEnvironment _env;

                public EmployeeDocumentsService(HrDb context, IWebHostEnvironment env) => (_context, _env) = (context, env);

                public async Task<(byte[] FileBytes, string FileName)> DownloadAsync(int id)
                {
                    var doc = await _context.EmployeeDocuments.FindAsync(id);
                    if (doc == null) return (null!, null!);
                    var fullPath = Path.Combine(_env.WebRootPath, doc.FilePath);
                    if (!System.IO.File.Exists(fullPath)) return (null!, null!);
                    var bytes = await System.IO.File.ReadAllBytesAsync(fullPath);
                    return (bytes, doc.FileName);
                }
            }

            public sealed class PayslipArchive
            {
                private readonly HrDb _context;
                public PayslipArchive(HrDb context) => _context = context;

                public (string Name, Stream Content) Open(int id)
                {
                    var doc = _context.EmployeeDocuments.Find(id)!;
                    var result = (doc.FileName, (Stream)System.IO.File.OpenRead(doc.FilePath));
                    return result;
                }
            }

            [Route("api/[controller]")]
            [ApiController]
            public class EmployeeDocumentsController : ControllerBase
            {
                private readonly IEmployeeDocumentsService _service;
                private readonly PayslipArchive _archive;

                public EmployeeDocumentsController(IEmployeeDocumentsService service, PayslipArchive archive) => (_service, _archive) = (service, archive);

                [HttpGet("download/{id}")]
                public async Task<IActionResult> {|#2:Download|}(int id)
                {
                    var (fileBytes, fileName) = await _service.DownloadAsync({|#1:id|});
                    if (fileBytes == null) return NotFound();

                    return {|#0:File(fileBytes, "application/octet-stream", fileName)|};
                }

                [HttpGet("element/{id}")]
                public async Task<IActionResult> {|#5:Element|}(int id)
                {
                    var download = await _service.DownloadAsync({|#4:id|});
                    return {|#3:File(download.FileBytes, "application/octet-stream", download.FileName)|};
                }

                [HttpGet("payslip/{id}")]
                public IActionResult {|#8:Payslip|}(int id)
                {
                    var (name, content) = _archive.Open({|#7:id|});
                    return {|#6:File(content, "application/pdf", name)|};
                }
            }
            """ + EmployeeDocuments + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("File", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// Tuples that do not carry the request's choice: the element served is bytes the service builds from the record (a
    /// generated PDF, the payslip of set 9, also returned alone as <c>Encoding.UTF8.GetBytes(text)</c>, set 9's wrong finding), the file is found by the signed-in user rather than the id, the deconstructed
    /// element served is the name while the bytes come from a fixed file, a fake implementation beside the real one, and
    /// the real service behind [Authorize].
    /// </summary>
    [Fact]
    public async Task TupleNotChosenByTheRequest_OrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.Text;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public interface IPayslipService
            {
                Task<(byte[] Pdf, string Name)> GeneratePayslipAsync(int payrollId);
                Task<byte[]> GeneratePayslipPdfAsync(int payrollId);
            }

            public sealed class PayslipService : IPayslipService
            {
                private readonly HrDb _context;
                public PayslipService(HrDb context) => _context = context;

                public async Task<(byte[] Pdf, string Name)> GeneratePayslipAsync(int payrollId)
                {
                    var doc = await _context.EmployeeDocuments.FindAsync(payrollId);
                    var pdf = Encoding.UTF8.GetBytes("Payslip for " + doc!.FileName);
                    return (pdf, doc.FileName);
                }

                public async Task<byte[]> GeneratePayslipPdfAsync(int payrollId)
                {
                    var doc = await _context.EmployeeDocuments.FirstOrDefaultAsync(p => p.Id == payrollId);
                    if (doc == null) return null!;
                    var payslipText = $"Payslip for {doc.FileName}";
                    return Encoding.UTF8.GetBytes(payslipText);
                }
            }

            public interface IDocumentReader
            {
                Task<(byte[] Bytes, string Name)> ReadAsync(int id);
            }

            public sealed class DiskDocumentReader : IDocumentReader
            {
                private readonly HrDb _context;
                public DiskDocumentReader(HrDb context) => _context = context;

                public async Task<(byte[] Bytes, string Name)> ReadAsync(int id)
                {
                    var doc = await _context.EmployeeDocuments.FindAsync(id);
                    return (await System.IO.File.ReadAllBytesAsync(doc!.FilePath), doc.FileName);
                }
            }

            public sealed class SampleDocumentReader : IDocumentReader
            {
                public Task<(byte[] Bytes, string Name)> ReadAsync(int id) => Task.FromResult((new byte[] { 1, 2, 3 }, "sample.pdf"));
            }

            public sealed class OwnDocuments
            {
                private readonly HrDb _context;
                private readonly IHttpContextAccessor _http;
                public OwnDocuments(HrDb context, IHttpContextAccessor http) => (_context, _http) = (context, http);

                public (byte[] Bytes, string Name) Mine()
                {
                    var owner = int.Parse(_http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
                    var doc = _context.EmployeeDocuments.Find(owner)!;
                    return (System.IO.File.ReadAllBytes(doc.FilePath), doc.FileName);
                }

                public (byte[] Bytes, string Name) Labelled(int id)
                {
                    var doc = _context.EmployeeDocuments.Find(id)!;
                    return (System.IO.File.ReadAllBytes("/srv/templates/cover.pdf"), doc.FileName);
                }
            }

            public interface IEmployeeDocumentsService
            {
                Task<(byte[] FileBytes, string FileName)> DownloadAsync(int id);
            }

            public class EmployeeDocumentsService : IEmployeeDocumentsService
            {
                private readonly HrDb _context;
                private readonly IWebHostEnvironment _env;

                public EmployeeDocumentsService(HrDb context, IWebHostEnvironment env) => (_context, _env) = (context, env);

                public async Task<(byte[] FileBytes, string FileName)> DownloadAsync(int id)
                {
                    var doc = await _context.EmployeeDocuments.FindAsync(id);
                    if (doc == null) return (null!, null!);
                    return (await System.IO.File.ReadAllBytesAsync(Path.Combine(_env.WebRootPath, doc.FilePath)), doc.FileName);
                }
            }

            [Route("api/[controller]")]
            [ApiController]
            public class PayrollsController : ControllerBase
            {
                private readonly IPayslipService _payslips;
                private readonly IDocumentReader _reader;
                private readonly OwnDocuments _own;

                public PayrollsController(IPayslipService payslips, IDocumentReader reader, OwnDocuments own) => (_payslips, _reader, _own) = (payslips, reader, own);

                [HttpGet("{payrollId}/payslip")]
                public async Task<IActionResult> Payslip(int payrollId)
                {
                    var (pdf, name) = await _payslips.GeneratePayslipAsync(payrollId);
                    return File(pdf, "application/pdf", name);
                }

                [HttpGet("{payrollId}/payslip.pdf")]
                public async Task<IActionResult> PayslipPdf(int payrollId) =>
                    File(await _payslips.GeneratePayslipPdfAsync(payrollId), "application/pdf");

                [HttpGet("read/{id}")]
                public async Task<IActionResult> Read(int id)
                {
                    var (bytes, name) = await _reader.ReadAsync(id);
                    return File(bytes, "application/pdf", name);
                }

                [HttpGet("mine")]
                public IActionResult Mine()
                {
                    var (bytes, name) = _own.Mine();
                    return File(bytes, "application/pdf", name);
                }

                [HttpGet("labelled/{id}")]
                public IActionResult Labelled(int id)
                {
                    var (bytes, name) = _own.Labelled(id);
                    return File(bytes, "application/pdf");
                }
            }

            [Authorize]
            [Route("api/[controller]")]
            [ApiController]
            public class EmployeeDocumentsController : ControllerBase
            {
                private readonly IEmployeeDocumentsService _service;

                public EmployeeDocumentsController(IEmployeeDocumentsService service) => _service = service;

                [HttpGet("download/{id}")]
                public async Task<IActionResult> Download(int id)
                {
                    var (fileBytes, fileName) = await _service.DownloadAsync(id);
                    return File(fileBytes, "application/octet-stream", fileName);
                }
            }
            """ + EmployeeDocuments + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);
    }
}
