using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 through a member of what the project's own service returns (held-out set 10, a task API): the bytes or the
/// stream served are read off the service's result (<c>result.Data.Content</c>, a response wrapper's <c>Data</c> read
/// through <c>dynamic</c>: <c>dynamic data = result.Data!; byte[] fileBytes = data.FileBytes;</c>), and the service's one
/// implementation puts there the file it reads for the record it finds by the id. Only the member read is followed, so
/// a wrapper that also carries the record's name beside bytes it makes itself says nothing.
/// </summary>
public class SSA0005ServiceResultMembersTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    private const string Attachments = """

        public class ResponseModel
        {
            public string? Message { get; set; }
            public int Status { get; set; }
            public object? Data { get; set; }
        }

        public class Envelope<T>
        {
            public bool Success { get; set; }
            public T? Data { get; set; }
        }

        public class FileDownload
        {
            public byte[] Content { get; set; } = null!;
            public Stream? Body { get; set; }
            public string FileName { get; set; } = "";
        }

        public class FileAttachment
        {
            public Guid FileId { get; set; }
            public bool IsActive { get; set; }
            public string FilePath { get; set; } = "";
            public string OriginalFileName { get; set; } = "";
            public string ContentType { get; set; } = "";
        }

        public class DataContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<FileAttachment> FileAttachments { get; set; } = null!;
        }

        public interface IFileAttachmentRepository
        {
            Task<FileAttachment?> GetActiveByIdAsync(Guid fileId);
        }

        public class FileAttachmentRepository : IFileAttachmentRepository
        {
            private readonly DataContext _context;
            public FileAttachmentRepository(DataContext context) => _context = context;

            public async Task<FileAttachment?> GetActiveByIdAsync(Guid fileId) =>
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(_context.FileAttachments, f => f.FileId == fileId && f.IsActive);
        }
        """;

    /// <summary>
    /// The task API's download: the service finds the attachment by the id through its repository, reads its file and
    /// returns the bytes in an anonymous object as the wrapper's <c>Data</c>, which the action reads through
    /// <c>dynamic</c>. Also a typed wrapper's <c>Data.Content</c>, its <c>Data.Body</c> stream (with a null-forgiving
    /// <c>!</c>, which Roslyn marks as an implicit argument), and the wrapper's <c>Data</c> held in a local.
    /// </summary>
    [Fact]
    public async Task BytesReadOffTheServiceResult_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public interface IFileService
            {
                Task<ResponseModel> DownloadFileAsync(Guid fileId);
                Task<Envelope<FileDownload>> GetAsync(Guid fileId);
            }

            public class FileService : IFileService
            {
                private readonly IFileAttachmentRepository _attachments;
                public FileService(IFileAttachmentRepository attachments) => _attachments = attachments;

                public async Task<ResponseModel> DownloadFileAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    if (attachment == null)
                        return NotFound("File not found.");
                    if (!System.IO.File.Exists(attachment.FilePath))
                        return NotFound("File not found on server.");

                    var fileBytes = await System.IO.File.ReadAllBytesAsync(attachment.FilePath);
                    return new ResponseModel
                    {
                        Status = 0,
                        Message = "Successful!",
                        Data = new
                        {
                            attachment.OriginalFileName,
                            attachment.ContentType,
                            FileBytes = fileBytes
                        }
                    };
                }

                public async Task<Envelope<FileDownload>> GetAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    if (attachment == null) return new Envelope<FileDownload> { Success = false };
                    var download = new FileDownload
                    {
                        Content = await System.IO.File.ReadAllBytesAsync(attachment.FilePath),
                        Body = System.IO.File.OpenRead(attachment.FilePath),
                        FileName = attachment.OriginalFileName,
                    };
                    return new Envelope<FileDownload> { Success = true, Data = download };
                }

                private static ResponseModel NotFound(string message) => new() { Status = 3, Message = message };
            }

            [ApiController]
            [Route("files")]
            public class FilesController : ControllerBase
            {
                private readonly IFileService _fileService;
                public FilesController(IFileService fileService) => _fileService = fileService;

                [HttpGet("download/{id:guid}")]
                public async Task<IActionResult> {|#2:Download|}(Guid id)
                {
                    var result = await _fileService.DownloadFileAsync({|#1:id|});
                    if (result.Status != 0)
                        return NotFound(result);

                    dynamic data = result.Data!;
                    string fileName = data.OriginalFileName;
                    string contentType = data.ContentType;
                    byte[] fileBytes = data.FileBytes;

                    return {|#0:File(fileBytes, contentType, fileName)|};
                }

                [HttpGet("content/{id:guid}")]
                public async Task<IActionResult> {|#5:Content|}(Guid id)
                {
                    var result = await _fileService.GetAsync({|#4:id|});
                    return {|#3:File(result.Data!.Content, "application/octet-stream", result.Data.FileName)|};
                }

                [HttpGet("stream/{id:guid}")]
                public async Task<IActionResult> {|#8:Open|}(Guid id)
                {
                    var result = await _fileService.GetAsync({|#7:id|});
                    return {|#6:File(result.Data!.Body!, "application/octet-stream")|};
                }

                [HttpGet("local/{id:guid}")]
                public async Task<IActionResult> {|#11:Local|}(Guid id)
                {
                    var result = await _fileService.GetAsync({|#10:id|});
                    var download = result.Data!;
                    return {|#9:File(download.Content, "application/octet-stream")|};
                }
            }
            """ + Attachments + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(9).WithLocation(10).WithLocation(11).WithArguments("File", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// Results that do not carry a stored file the request chooses: the wrapper carries the record's name beside bytes
    /// the service makes (a generated receipt, a fixed template), the attachment is the signed-in user's own, a sample
    /// implementation beside the real one, a member the service never sets, and the real service behind [Authorize].
    /// </summary>
    [Fact]
    public async Task ResultMembersNotChosenByTheRequest_OrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.Text;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IReceiptService
            {
                Task<ResponseModel> ReceiptAsync(Guid fileId);
                Task<ResponseModel> CoverAsync(Guid fileId);
                Task<ResponseModel> MineAsync();
                Task<Envelope<FileDownload>> NameOnlyAsync(Guid fileId);
            }

            public class ReceiptService : IReceiptService
            {
                private readonly IFileAttachmentRepository _attachments;
                private readonly IHttpContextAccessor _http;
                public ReceiptService(IFileAttachmentRepository attachments, IHttpContextAccessor http) => (_attachments, _http) = (attachments, http);

                public async Task<ResponseModel> ReceiptAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    return new ResponseModel { Data = new { attachment!.OriginalFileName, FileBytes = Encoding.UTF8.GetBytes("Receipt for " + attachment.OriginalFileName) } };
                }

                public async Task<ResponseModel> CoverAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    return new ResponseModel { Data = new { attachment!.OriginalFileName, FileBytes = System.IO.File.ReadAllBytes("/srv/templates/cover.pdf") } };
                }

                public async Task<ResponseModel> MineAsync()
                {
                    var owner = Guid.Parse(_http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier)!);
                    var attachment = await _attachments.GetActiveByIdAsync(owner);
                    return new ResponseModel { Data = new { FileBytes = await System.IO.File.ReadAllBytesAsync(attachment!.FilePath) } };
                }

                public async Task<Envelope<FileDownload>> NameOnlyAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    return new Envelope<FileDownload> { Data = new FileDownload { FileName = attachment!.OriginalFileName } };
                }
            }

            public interface IFileService
            {
                Task<ResponseModel> DownloadFileAsync(Guid fileId);
            }

            public class FileService : IFileService
            {
                private readonly IFileAttachmentRepository _attachments;
                public FileService(IFileAttachmentRepository attachments) => _attachments = attachments;

                public async Task<ResponseModel> DownloadFileAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    return new ResponseModel { Data = new { FileBytes = await System.IO.File.ReadAllBytesAsync(attachment!.FilePath) } };
                }
            }

            public class SampleFileService : IFileService
            {
                public Task<ResponseModel> DownloadFileAsync(Guid fileId) =>
                    Task.FromResult(new ResponseModel { Data = new { FileBytes = new byte[] { 1, 2, 3 } } });
            }

            public interface IGatedFiles
            {
                Task<ResponseModel> DownloadFileAsync(Guid fileId);
            }

            public class GatedFiles : IGatedFiles
            {
                private readonly IFileAttachmentRepository _attachments;
                public GatedFiles(IFileAttachmentRepository attachments) => _attachments = attachments;

                public async Task<ResponseModel> DownloadFileAsync(Guid fileId)
                {
                    var attachment = await _attachments.GetActiveByIdAsync(fileId);
                    return new ResponseModel { Data = new { FileBytes = await System.IO.File.ReadAllBytesAsync(attachment!.FilePath) } };
                }
            }

            [ApiController]
            [Route("receipts")]
            public class ReceiptsController : ControllerBase
            {
                private readonly IReceiptService _receipts;
                private readonly IFileService _files;
                public ReceiptsController(IReceiptService receipts, IFileService files) => (_receipts, _files) = (receipts, files);

                [HttpGet("receipt/{id:guid}")]
                public async Task<IActionResult> Receipt(Guid id)
                {
                    var result = await _receipts.ReceiptAsync(id);
                    dynamic data = result.Data!;
                    byte[] fileBytes = data.FileBytes;
                    return File(fileBytes, "application/pdf", (string)data.OriginalFileName);
                }

                [HttpGet("cover/{id:guid}")]
                public async Task<IActionResult> Cover(Guid id)
                {
                    dynamic data = (await _receipts.CoverAsync(id)).Data!;
                    return File((byte[])data.FileBytes, "application/pdf");
                }

                [HttpGet("mine")]
                public async Task<IActionResult> Mine()
                {
                    dynamic data = (await _receipts.MineAsync()).Data!;
                    return File((byte[])data.FileBytes, "application/pdf");
                }

                [HttpGet("content/{id:guid}")]
                public async Task<IActionResult> Content(Guid id)
                {
                    var result = await _receipts.NameOnlyAsync(id);
                    return File(result.Data!.Content, "application/pdf");
                }

                [HttpGet("sampled/{id:guid}")]
                public async Task<IActionResult> Sampled(Guid id)
                {
                    dynamic data = (await _files.DownloadFileAsync(id)).Data!;
                    return File((byte[])data.FileBytes, "application/pdf");
                }
            }

            [Authorize]
            [ApiController]
            [Route("files")]
            public class GatedController : ControllerBase
            {
                private readonly IGatedFiles _files;
                public GatedController(IGatedFiles files) => _files = files;

                [HttpGet("download/{id:guid}")]
                public async Task<IActionResult> Download(Guid id)
                {
                    dynamic data = (await _files.DownloadFileAsync(id)).Data!;
                    return File((byte[])data.FileBytes, "application/pdf");
                }
            }
            """ + Attachments + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);
    }
}
