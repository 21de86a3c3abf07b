using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 and a download checked by a per-file token (held-out set 12): the action compares a value of the request
/// (a token from the query, its hash) with a member of the record it found (the token, hash or secret stored with the
/// file) and leaves unless they match, before the file is returned. Whoever holds the token was given the file: an
/// authorization gate, not reported. A check of the record's existence, of the key that found it, or a comparison that
/// does not decide whether the file is returned keeps the finding.
/// </summary>
public class SSA0005PerFileTokenTests
{
    private const string Records = """

        public class StoredFile
        {
            public int Id { get; set; }
            public string Path { get; set; } = "";
            public string DownloadToken { get; set; } = "";
            public byte[] TokenHash { get; set; } = [];
            public int Code { get; set; }
        }

        public class FilesDb : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<StoredFile> Files { get; set; } = null!;
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source + Records + SSA0005RecordLookupTests.EntityFramework + SSA0005RecordLookupTests.EntryPoint);

    [Fact]
    public Task TokenComparedWithTheRecords_BeforeTheFile_NotReportedAsync() => VerifyAsync("""
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        public class DownloadsController(FilesDb db) : Controller
        {
            [HttpGet("files/{id}")]
            public async Task<IActionResult> Get(int id, [FromQuery] string token)
            {
                var file = await db.Files.FindAsync(id);
                if (file == null) return NotFound();
                if (file.DownloadToken != token) return Unauthorized();
                return PhysicalFile(file.Path, "application/octet-stream");
            }

            [HttpGet("files2/{id}")]
            public IActionResult GetEither(int id, string token)
            {
                var file = db.Files.Find(id);
                if (file is null || !string.Equals(file.DownloadToken, token, StringComparison.Ordinal))
                {
                    return NotFound();
                }

                return PhysicalFile(file.Path, "application/octet-stream");
            }

            [HttpGet("files3/{id}")]
            public IActionResult GetHashed(int id, string token)
            {
                var file = db.Files.Find(id);
                if (file == null) throw new InvalidOperationException();
                var provided = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
                if (!CryptographicOperations.FixedTimeEquals(provided, file.TokenHash))
                {
                    return Unauthorized();
                }

                return PhysicalFile(file.Path, "application/octet-stream");
            }

            [HttpGet("files4/{id}")]
            public IActionResult GetWhenValid(int id, string token)
            {
                var file = db.Files.Find(id)!;
                if (token == file.DownloadToken)
                {
                    return PhysicalFile(file.Path, "application/octet-stream");
                }

                return Forbid();
            }
        }
        """);

    [Fact]
    public Task ExistenceKeyOrUngatedComparison_ReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [AllowAnonymous]
        public class OpenController(FilesDb db) : Controller
        {
            [HttpGet("a/{id}")]
            public IActionResult Exists(int id)
            {
                var file = db.Files.Find(id);
                if (file == null) return NotFound();
                if (!System.IO.File.Exists(file.Path)) return NotFound();
                return PhysicalFile(file.Path, "application/octet-stream"); //! SSA0005
            }

            [HttpGet("b/{id}")]
            public IActionResult SameKey(int id)
            {
                var file = db.Files.Find(id)!;
                if (file.Id != id) return NotFound();
                return PhysicalFile(file.Path, "application/octet-stream"); //! SSA0005
            }

            [HttpGet("c/{id}")]
            public IActionResult LoggedOnly(int id, string token, ILogger<OpenController> log)
            {
                var file = db.Files.Find(id)!;
                if (file.DownloadToken != token) log.LogWarning("token mismatch");
                return PhysicalFile(file.Path, "application/octet-stream"); //! SSA0005
            }

            [HttpGet("e/{id}")]
            public IActionResult ConstantCompared(int id)
            {
                var file = db.Files.Find(id)!;
                if (file.DownloadToken == "") return NotFound();
                return PhysicalFile(file.Path, "application/octet-stream"); //! SSA0005
            }
        }
        """);
}
