using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 through a database lookup (held-out set 2, docs/precision.md): a request value that finds a record whose
/// members name the file chooses the file. Entity Framework is not among the test references: its types are declared
/// here with their real names, as the rule resolves them.
/// </summary>
public class SSA0005RecordLookupTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";
    private const string Marked = "it is marked AllowAnonymous";

    internal const string EntityFramework = """

        namespace Microsoft.EntityFrameworkCore
        {
            using System.Linq.Expressions;

            public class DbContext { }

            public abstract class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
            {
                public virtual TEntity? Find(params object?[]? keyValues) => null;
                public virtual ValueTask<TEntity?> FindAsync(params object?[]? keyValues) => default;
                public abstract Type ElementType { get; }
                public abstract Expression Expression { get; }
                public abstract IQueryProvider Provider { get; }
                public abstract IEnumerator<TEntity> GetEnumerator();
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
            }

            public static class EntityFrameworkQueryableExtensions
            {
                public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) => throw null!;
                public static Task<T?> SingleOrDefaultAsync<T>(this IQueryable<T> source, CancellationToken cancellationToken = default) => throw null!;
            }
        }

        public class Export
        {
            public int Id { get; set; }
            public int GroupId { get; set; }
            public string OwnerId { get; set; } = "";
            public string FolderName { get; set; } = "";
            public string Path { get; set; } = "";
        }

        public class Group
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        public class AppDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<Export> Exports { get; set; } = null!;
            public Microsoft.EntityFrameworkCore.DbSet<Group> Groups { get; set; } = null!;
        }

        /// <summary>The project's own repository: an interface (not followed into), queried with a predicate.</summary>
        public interface IRepository<T>
        {
            IList<T> Get(System.Linq.Expressions.Expression<Func<T, bool>> filter, string include);
        }
        """;

    /// <summary>
    /// The markup parser reads <c>== {|#1:id|}</c> as statements at the top level, and the verifier then builds an
    /// executable: an entry point keeps the controller sources compiling as they would.
    /// </summary>
    internal const string EntryPoint = """

        public static class Program { public static void Main() { } }
        """;

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    [Fact]
    public async Task RecordFoundByRequestId_FindAndPredicates_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class ExportsController : Controller
            {
                private readonly AppDb _db;

                public ExportsController(AppDb db) => _db = db;

                public IActionResult {|#2:ByFind|}(int id)
                {
                    var export = _db.Exports.Find({|#1:id|});
                    return {|#0:PhysicalFile(export!.Path, "application/pdf")|};
                }

                public async Task<IActionResult> {|#5:ByPredicateAsync|}(int id)
                {
                    var export = await _db.Exports.FirstOrDefaultAsync(x => x.Id == {|#4:id|});
                    return {|#3:PhysicalFile(Path.Combine("/srv/exports", export?.FolderName ?? "", "data.xlsx"), "application/pdf")|};
                }

                public async Task<IActionResult> {|#8:ByFindAsync|}([FromRoute] int id)
                {
                    var export = await _db.Exports.FindAsync({|#7:id|});
                    return {|#6:File(System.IO.File.OpenRead(export!.Path), "application/pdf")|};
                }

                public IActionResult {|#11:ByWhere|}(string name) =>
                    {|#9:PhysicalFile(_db.Exports.Where(x => x.FolderName.Equals({|#10:name|})).Select(x => x.Path).First(), "application/pdf")|};
            }
            """ + EntityFramework + EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("PhysicalFile", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("PhysicalFile", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("File", "the parameter 'id'", Nothing),
            Diagnostic().WithLocation(9).WithLocation(10).WithLocation(11).WithArguments("PhysicalFile", "the parameter 'name'", Nothing));
    }

    /// <summary>
    /// Held-out set 2's shape: the export's folder, then its group's name by the group id found, through the project's own
    /// repository; the file is read into a MemoryStream that is returned.
    /// </summary>
    [Fact]
    public async Task ChainedLookupsThroughRepositoryAndMemoryStream_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class ExportController : Controller
            {
                private readonly IRepository<Export> _exports;
                private readonly IRepository<Group> _groups;

                public ExportController(IRepository<Export> exports, IRepository<Group> groups) => (_exports, _groups) = (exports, groups);

                public IActionResult {|#2:DownloadFile|}(int id)
                {
                    var folderName = _exports.Get(x => x.Id == {|#1:id|}, string.Empty).Select(x => x.FolderName).FirstOrDefault();
                    var groupId = _exports.Get(x => x.Id == id, string.Empty).Select(x => x.GroupId).FirstOrDefault();
                    var fileName = _groups.Get(x => x.Id == groupId, string.Empty).Select(x => x.Name).FirstOrDefault() + ".xlsx";
                    var path = "D:\\Exports\\" + folderName + "\\" + fileName;

                    var memory = new MemoryStream();
                    using (var stream = new FileStream(path, FileMode.Open))
                    {
                        stream.CopyTo(memory);
                    }

                    memory.Position = 0;
                    return {|#0:File(memory, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Path.GetFileName(path))|};
                }
            }
            """ + EntityFramework + EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'id'", Nothing));
    }

    /// <summary>The lookup in the project's own method, followed one level with the call's argument.</summary>
    [Fact]
    public async Task LookupInProjectMethod_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|#2:app.MapGet("/exports/{id}", (int id, AppDb db) => Results.{|#0:File(Exports.Find(db, {|#1:id|})!.Path, "application/pdf")|})|};
            app.Run();

            static class Exports
            {
                public static Export? Find(AppDb db, int exportId) => db.Exports.SingleOrDefault(x => x.Id == exportId);
            }
            """ + EntityFramework,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'id'", Nothing));
    }

    /// <summary>
    /// Held-out set 7's shape: a controller gets the service that finds the record as the project's own interface, which
    /// one class here implements: the lookup in that class's method is followed as if the field were typed as the class.
    /// The file is copied into a MemoryStream that is returned.
    /// </summary>
    [Fact]
    public async Task LookupThroughTheProjectsOwnInterface_FollowedIntoItsOneImplementation_ReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public interface IExportService
            {
                Task<Export?> FindExportAsync(int exportId);
            }

            public sealed class ExportService : IExportService
            {
                private readonly AppDb _db;

                public ExportService(AppDb db) => _db = db;

                public async Task<Export?> FindExportAsync(int exportId) =>
                    await _db.Exports.FirstOrDefaultAsync(x => x.Id == exportId);
            }

            [Route("admin/exports")]
            public class AdminExportsController : ControllerBase
            {
                private readonly IExportService _exports;

                public AdminExportsController(IExportService exports) => _exports = exports;

                [HttpGet("download/{exportId}")]
                public async Task<IActionResult> {|#2:Download|}(int exportId)
                {
                    var export = await _exports.FindExportAsync({|#1:exportId|});
                    if (export == null)
                    {
                        return NotFound();
                    }

                    var path = export.Path;
                    var memory = new MemoryStream();
                    using (var stream = new FileStream(path, FileMode.Open))
                    {
                        await stream.CopyToAsync(memory);
                    }

                    memory.Position = 0;
                    return {|#0:File(memory, "application/pdf", "export.pdf")|};
                }
            }
            """ + EntityFramework + EntryPoint,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File", "the parameter 'exportId'", Nothing));
    }

    /// <summary>
    /// Through an interface, only when every body it may run finds the record by the request's value: an interface whose
    /// second implementation is a sample that finds nothing, one whose implementation finds only the caller's own
    /// record, and one implemented outside the compilation (a framework interface) are not followed; an [Authorize]
    /// controller stays gated. (Two implementations that both look the record up by the id are followed:
    /// <see cref="SSA0005ImplementationsTests"/>.)
    /// </summary>
    [Fact]
    public async Task LookupThroughInterface_AmbiguousOwnRecordOrGated_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

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

            public sealed class SampleExportFinder : IExportFinder
            {
                public Export? Find(int id) => new Export { Id = id, Path = "/srv/exports/sample.pdf" };
            }

            public interface IOwnExports
            {
                Export? Mine(int id);
            }

            public sealed class OwnExports : IOwnExports
            {
                private readonly AppDb _db;
                private readonly IHttpContextAccessor _http;
                public OwnExports(AppDb db, IHttpContextAccessor http) => (_db, _http) = (db, http);
                public Export? Mine(int id) =>
                    _db.Exports.FirstOrDefault(x => x.Id == id && x.OwnerId == _http.HttpContext!.User.FindFirstValue(ClaimTypes.NameIdentifier));
            }

            public class ExportsController : ControllerBase
            {
                private readonly IExportFinder _finder;
                private readonly IOwnExports _own;

                public ExportsController(IExportFinder finder, IOwnExports own) => (_finder, _own) = (finder, own);

                public IActionResult Either(int id) => PhysicalFile(_finder.Find(id)!.Path, "application/pdf");

                public IActionResult Own(int id) => PhysicalFile(_own.Mine(id)!.Path, "application/pdf");
            }

            [Authorize]
            public class GatedExportsController : ControllerBase
            {
                private readonly IOwnExports _own;
                private readonly AppDb _db;

                public GatedExportsController(IOwnExports own, AppDb db) => (_own, _db) = (own, db);

                public IActionResult Any(int id) => PhysicalFile(new DbExportFinder(_db).Find(id)!.Path, "application/pdf");
            }
            """ + EntityFramework + EntryPoint);
    }

    /// <summary>The endpoint judgement is the rule's own: a fallback policy authorizes, AllowAnonymous is reported whatever.</summary>
    [Fact]
    public async Task LookupEndpoints_JudgedAsAnyOtherAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
            var app = builder.Build();
            app.UseAuthorization();
            app.MapGet("/exports/{id}", (int id, AppDb db) => Results.File(db.Exports.Find(id)!.Path));
            {|#2:app.MapGet("/public/{id}", (int id, AppDb db) => Results.{|#0:File(db.Exports.Find({|#1:id|})!.Path)|}).AllowAnonymous()|};
            app.Run();
            """ + EntityFramework,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'id'", Marked));
    }

    /// <summary>
    /// Not chosen by the requester: the record of the signed-in user (on an [Authorize] action, and on an anonymous one),
    /// a record the request's id finds only among the caller's own, a record found by a constant, and a fixed file next to
    /// a lookup.
    /// </summary>
    [Fact]
    public async Task SignedInUsersRecordConstantKeyOrFixedFile_NotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Security.Claims;
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.EntityFrameworkCore;

            public class MyExportsController : Controller
            {
                private readonly AppDb _db;

                public MyExportsController(AppDb db) => _db = db;

                [Authorize]
                public async Task<IActionResult> Mine()
                {
                    var userId = User.FindFirst(ClaimTypes.NameIdentifier)!.Value;
                    var export = await _db.Exports.FirstOrDefaultAsync(x => x.OwnerId == userId);
                    return PhysicalFile(export!.Path, "application/pdf");
                }

                public IActionResult MineAnonymous()
                {
                    var export = _db.Exports.First(x => x.OwnerId == User.FindFirst(ClaimTypes.NameIdentifier)!.Value);
                    return PhysicalFile(export.Path, "application/pdf");
                }

                public IActionResult OwnById(int id)
                {
                    var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                    var export = _db.Exports.Where(x => x.Id == id && x.OwnerId == userId).FirstOrDefault();
                    return PhysicalFile(export!.Path, "application/pdf");
                }

                public IActionResult Latest()
                {
                    var first = _db.Exports.Find(1);
                    var named = _db.Exports.FirstOrDefault(x => x.FolderName == "latest");
                    return PhysicalFile(first!.Path + named!.Path, "application/pdf");
                }

                public IActionResult Terms(int id)
                {
                    var export = _db.Exports.Find(id);
                    return PhysicalFile("/srv/public/terms.pdf", "application/pdf", export!.FolderName + ".pdf");
                }
            }
            """ + EntityFramework);
    }
}
