using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 through the project's own interfaces with several implementations (held-out set 8: a file-storage service with
/// a local and a cloud form, loan-document services over a generic repository): a call is followed when every
/// implementation here reads the stored file its argument names, or finds the record by it; a fake, a no-op or a
/// caller-only implementation beside the real one leaves it unfollowed. A repository's own by-id method whose body is a
/// lookup counts as one, also one call inside a service.
/// </summary>
public class SSA0005ImplementationsTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private const string FileStores = """

        public interface IFileStore
        {
            Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken = default);
        }

        public sealed class LocalFileStore : IFileStore
        {
            private readonly string _root = "/srv/permits";

            public Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken = default)
            {
                var fullPath = Path.Combine(_root, Normalize(name));
                Stream stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                return Task.FromResult(stream);
            }

            private static string Normalize(string name) => Path.GetFileName(name.Trim());
        }

        public sealed class SharedFolderFileStore : IFileStore
        {
            public Task<Stream> DownloadAsync(string name, CancellationToken cancellationToken = default) =>
                Task.FromResult<Stream>(File.OpenRead(Path.Combine(@"\\files\permits", name)));
        }
        """;

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    /// <summary>
    /// Every implementation of the store reads the file the argument names (a local folder and a shared folder): the
    /// request's name chooses the stored file whichever is registered. Also a stored-file DTO of the one implementation
    /// (<c>file.Content</c> of what the service returns), and a record finder with two implementations that both look the
    /// record up by the id.
    /// </summary>
    [Fact]
    public async Task EveryImplementationReadsTheNamedFileOrFindsTheRecord_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public sealed class StoredFile
            {
                public Stream Content { get; set; } = Stream.Null;
                public string ContentType { get; set; } = "";
            }

            public interface IDocumentStore
            {
                Task<StoredFile> DownloadFileAsync(string key);
            }

            public sealed class DiskDocumentStore : IDocumentStore
            {
                public Task<StoredFile> DownloadFileAsync(string key) =>
                    Task.FromResult(new StoredFile { Content = File.OpenRead(Path.Combine("/srv/documents", key)), ContentType = "application/pdf" });
            }

            public interface IExportFinder
            {
                Export? Find(int id);
            }

            public sealed class DbExportFinder : IExportFinder
            {
                private readonly AppDb _db;
                public DbExportFinder(AppDb db) => _db = db;
                public Export? Find(int id) => _db.Exports.Find(id);
            }

            public sealed class ArchiveExportFinder : IExportFinder
            {
                private readonly AppDb _db;
                public ArchiveExportFinder(AppDb db) => _db = db;
                public Export? Find(int id) => _db.Exports.FirstOrDefault(x => x.GroupId == id);
            }

            [ApiController]
            [Route("api/[controller]")]
            public class FileController : ControllerBase
            {
                private readonly IFileStore _files;
                private readonly IDocumentStore _documents;
                private readonly IExportFinder _finder;

                public FileController(IFileStore files, IDocumentStore documents, IExportFinder finder) => (_files, _documents, _finder) = (files, documents, finder);

                [HttpGet]
                public async Task<IActionResult> {|#2:GetFile|}([FromQuery] string path, CancellationToken cancellationToken)
                {
                    Stream stream;
                    try
                    {
                        stream = await _files.DownloadAsync({|#1:path|}, cancellationToken);
                    }
                    catch (FileNotFoundException)
                    {
                        return NotFound();
                    }

                    return {|#0:File(stream, "application/pdf", Path.GetFileName(path))|};
                }

                [HttpGet("document")]
                public async Task<IActionResult> {|#5:Document|}([FromQuery] string key)
                {
                    var file = await _documents.DownloadFileAsync({|#4:key|});
                    return {|#3:File(file.Content, file.ContentType)|};
                }

                [HttpGet("export/{id}")]
                public IActionResult {|#8:Export|}(int id) => {|#6:PhysicalFile(_finder.Find({|#7:id|})!.Path, "application/pdf")|};
            }
            """ + FileStores + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'path'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("File", "the parameter 'key'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("PhysicalFile", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// Not every implementation reads the named file: a fake beside the real store returns a fixed stream, a no-op one an
    /// empty stream; a finder whose second implementation finds only the caller's own record; more implementations than
    /// the bound; and an [Authorize] controller over stores that both read the file.
    /// </summary>
    [Fact]
    public async Task NotEveryImplementationReadsTheFile_OrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using System.Text;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public interface IReportStore
            {
                Task<Stream> OpenAsync(string name);
            }

            public sealed class DiskReportStore : IReportStore
            {
                public Task<Stream> OpenAsync(string name) => Task.FromResult<Stream>(File.OpenRead(Path.Combine("/srv/reports", name)));
            }

            public sealed class FakeReportStore : IReportStore
            {
                public Task<Stream> OpenAsync(string name) => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("sample report")));
            }

            public sealed class NoReportStore : IReportStore
            {
                public Task<Stream> OpenAsync(string name) => Task.FromResult(Stream.Null);
            }

            public interface IExportLookup
            {
                Export? Find(int id);
            }

            public sealed class DbExportLookup : IExportLookup
            {
                private readonly AppDb _db;
                public DbExportLookup(AppDb db) => _db = db;
                public Export? Find(int id) => _db.Exports.Find(id);
            }

            public sealed class OwnExportLookup : IExportLookup
            {
                private readonly AppDb _db;
                private readonly IHttpContextAccessor _http;
                public OwnExportLookup(AppDb db, IHttpContextAccessor http) => (_db, _http) = (db, http);
                public Export? Find(int id) =>
                    _db.Exports.FirstOrDefault(x => x.Id == id && x.OwnerId == _http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier));
            }

            public interface IManyStores
            {
                Stream Open(string name);
            }

            public sealed class StoreA : IManyStores { public Stream Open(string name) => File.OpenRead(Path.Combine("/a", name)); }
            public sealed class StoreB : IManyStores { public Stream Open(string name) => File.OpenRead(Path.Combine("/b", name)); }
            public sealed class StoreC : IManyStores { public Stream Open(string name) => File.OpenRead(Path.Combine("/c", name)); }
            public sealed class StoreD : IManyStores { public Stream Open(string name) => File.OpenRead(Path.Combine("/d", name)); }
            public sealed class StoreE : IManyStores { public Stream Open(string name) => File.OpenRead(Path.Combine("/e", name)); }

            public class ReportsController : ControllerBase
            {
                private readonly IReportStore _reports;
                private readonly IExportLookup _exports;
                private readonly IManyStores _many;

                public ReportsController(IReportStore reports, IExportLookup exports, IManyStores many) => (_reports, _exports, _many) = (reports, exports, many);

                public async Task<IActionResult> Report(string name) => File(await _reports.OpenAsync(name), "application/pdf");

                public IActionResult Export(int id) => PhysicalFile(_exports.Find(id)!.Path, "application/pdf");

                public IActionResult Any(string name) => File(_many.Open(name), "application/pdf");
            }

            [Authorize]
            public class GatedFileController : ControllerBase
            {
                private readonly IFileStore _files;

                public GatedFileController(IFileStore files) => _files = files;

                public async Task<IActionResult> GetFile(string path) => File(await _files.DownloadAsync(path), "application/pdf");
            }
            """ + FileStores + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);
    }

    /// <summary>
    /// A service that returns its generic repository's <c>GetByIdAsync(id)</c>, whose one body is Entity Framework's
    /// <c>FindAsync(id)</c>, as the entity or mapped by AutoMapper into a DTO; and a concrete repository's by-id method
    /// over a base repository's predicate lookup, called from a service. AutoMapper is declared here with its real names.
    /// </summary>
    [Fact]
    public async Task RepositoryByIdLookupInsideAService_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public interface IGenericRepository<T> where T : class
            {
                Task<T?> GetByIdAsync(int id);
            }

            public class GenericRepository<T> : IGenericRepository<T> where T : class
            {
                private readonly DbSet<T> _set;
                public GenericRepository(DbSet<T> set) => _set = set;
                public async Task<T?> GetByIdAsync(int id) => await _set.FindAsync(id);
            }

            public abstract class BaseRepository<T> where T : class
            {
                protected abstract IQueryable<T> Rows { get; }
            }

            public sealed class ExportRepository : BaseRepository<Export>
            {
                private readonly AppDb _db;
                public ExportRepository(AppDb db) => _db = db;
                protected override IQueryable<Export> Rows => _db.Exports;
                public Export? GetById(int id)
                {
                    var row = Rows.FirstOrDefault(x => x.Id == id);
                    return row;
                }
            }

            public interface IExportService
            {
                Task<Export?> GetExportAsync(int exportId);
                Export? GetArchived(int exportId);
                Task<ExportDto> GetMappedAsync(int exportId);
            }

            public sealed class ExportDto
            {
                public string Path { get; set; } = "";
            }

            public sealed class ExportService : IExportService
            {
                private readonly IGenericRepository<Export> _repository;
                private readonly ExportRepository _exports;

                public ExportService(IGenericRepository<Export> repository, ExportRepository exports) => (_repository, _exports) = (repository, exports);

                public async Task<Export?> GetExportAsync(int exportId)
                {
                    var export = await _repository.GetByIdAsync(exportId);
                    return export;
                }

                public Export? GetArchived(int exportId) => _exports.GetById(exportId);

                public async Task<ExportDto> GetMappedAsync(int exportId)
                {
                    var export = await _repository.GetByIdAsync(exportId);
                    return _mapper.Map<ExportDto>(export!);
                }

                private readonly AutoMapper.IMapper _mapper = null!;
            }

            [ApiController]
            [Route("api/exports")]
            public class ExportsController : ControllerBase
            {
                private readonly IExportService _service;

                public ExportsController(IExportService service) => _service = service;

                [HttpGet("download/{id}")]
                public async Task<IActionResult> {|#2:Download|}(int id)
                {
                    var export = await _service.GetExportAsync({|#1:id|});
                    if (export == null)
                    {
                        return NotFound();
                    }

                    var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine("/srv/exports", export.Path));
                    return {|#0:File(bytes, "application/octet-stream", export.FolderName)|};
                }

                [HttpGet("archived/{id}")]
                public IActionResult {|#5:Archived|}(int id) => {|#3:PhysicalFile(_service.GetArchived({|#4:id|})!.Path, "application/pdf")|};

                [HttpGet("mapped/{id}")]
                public async Task<IActionResult> {|#8:Mapped|}(int id)
                {
                    var dto = await _service.GetMappedAsync({|#7:id|});
                    var bytes = await System.IO.File.ReadAllBytesAsync(dto.Path);
                    return {|#6:File(bytes, "application/pdf")|};
                }
            }

            namespace AutoMapper
            {
                public interface IMapperBase
                {
                    TDestination Map<TDestination>(object source);
                }

                public interface IMapper : IMapperBase { }
            }
            """ + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("PhysicalFile", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("File", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// A by-id method that is no lookup (it builds the record, or reads a cache), a fake repository beside the real one,
    /// a lookup that also compares the owner with the signed-in user, the signed-in user passed with the id, and an
    /// [Authorize] controller over the real lookup: not reported.
    /// </summary>
    [Fact]
    public async Task RepositoryByIdNotALookupOrOwnRecordOrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public interface IRecordRepository<T> where T : class
            {
                Task<T?> GetByIdAsync(int id);
            }

            public class RecordRepository<T> : IRecordRepository<T> where T : class
            {
                private readonly DbSet<T> _set;
                public RecordRepository(DbSet<T> set) => _set = set;
                public async Task<T?> GetByIdAsync(int id) => await _set.FindAsync(id);
            }

            public class FakeRecordRepository<T> : IRecordRepository<T> where T : class
            {
                public Task<T?> GetByIdAsync(int id) => Task.FromResult<T?>(default);
            }

            public sealed class ExportCatalog
            {
                private readonly Dictionary<int, Export> _cache = new();
                private readonly AppDb _db;
                public ExportCatalog(AppDb db) => _db = db;
                public Export Describe(int id) => new Export { Id = id, Path = "/srv/exports/sample.pdf" };
                public Export Cached(int id) => _cache[id];
                public Export? Owned(int id, string userId) => _db.Exports.FirstOrDefault(x => x.Id == id && x.OwnerId == userId);
            }

            public sealed class ExportService
            {
                private readonly IRecordRepository<Export> _repository;
                private readonly ExportCatalog _catalog;

                public ExportService(IRecordRepository<Export> repository, ExportCatalog catalog) => (_repository, _catalog) = (repository, catalog);

                public async Task<Export?> GetAsync(int id) => await _repository.GetByIdAsync(id);
                public Export Describe(int id) => _catalog.Describe(id);
                public Export Cached(int id) => _catalog.Cached(id);
                public Export? Owned(int id, ClaimsPrincipal user) => _catalog.Owned(id, user.FindFirstValue(ClaimTypes.NameIdentifier)!);
            }

            public class ExportsController : ControllerBase
            {
                private readonly ExportService _service;

                public ExportsController(ExportService service) => _service = service;

                public async Task<IActionResult> WithFake(int id) => PhysicalFile((await _service.GetAsync(id))!.Path, "application/pdf");

                public IActionResult Described(int id) => PhysicalFile(_service.Describe(id).Path, "application/pdf");

                public IActionResult FromCache(int id) => PhysicalFile(_service.Cached(id).Path, "application/pdf");

                public IActionResult Mine(int id) => PhysicalFile(_service.Owned(id, User)!.Path, "application/pdf");
            }

            [Authorize]
            public class GatedExportsController : ControllerBase
            {
                private readonly RecordRepository<Export> _repository;

                public GatedExportsController(RecordRepository<Export> repository) => _repository = repository;

                public async Task<IActionResult> Download(int id) => PhysicalFile((await _repository.GetByIdAsync(id))!.Path, "application/pdf");
            }
            """ + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);
    }
}
