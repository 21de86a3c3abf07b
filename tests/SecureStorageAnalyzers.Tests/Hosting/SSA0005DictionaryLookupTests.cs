using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 through an in-memory store of file records (held-out set 17, docs/precision.md): a route value finds the
/// record through a framework dictionary's <c>TryGetValue</c> out variable, and the file result serves the record's path.
/// </summary>
public class SSA0005DictionaryLookupTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    /// <summary>
    /// The real shape: a <c>ConcurrentDictionary</c> of records keyed by the stored name, read with <c>TryGetValue</c>
    /// in a minimal API's handler. Also through the <c>IReadOnlyDictionary</c> interface, and a <c>Dictionary</c> read
    /// into a local declared before the call.
    /// </summary>
    [Fact]
    public async Task RecordFoundByTheRouteThroughTryGetValue_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Collections.Concurrent;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var fileStore = new ConcurrentDictionary<string, FileRecord>();
            IReadOnlyDictionary<string, FileRecord> byName = fileStore;
            var byCode = new Dictionary<string, FileRecord>();

            {|#2:app.MapGet("/files/public/{ext}/{fileName}", (string ext, string fileName) =>
            {
                if (!fileStore.TryGetValue({|#1:fileName|}, out var record))
                    return Results.NotFound();
                if (record.ExpireAt.HasValue && DateTime.UtcNow > record.ExpireAt.Value)
                    return Results.StatusCode(410);
                return Results.{|#0:File(record.Path, "application/octet-stream")|};
            })|};

            {|#5:app.MapGet("/by-name/{name}", (string name) =>
                byName.TryGetValue({|#4:name|}, out var found) ? Results.{|#3:File(found.Path)|} : Results.NotFound())|};

            {|#8:app.MapGet("/by-code/{code}", (string code) =>
            {
                FileRecord? entry;
                if (!byCode.TryGetValue({|#7:code|}, out entry))
                    return Results.NotFound();
                return Results.{|#6:File(entry.Path)|};
            })|};

            app.Run();

            public record FileRecord
            {
                public string Path { get; set; } = default!;
                public DateTime? ExpireAt { get; set; }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Results.File", "the parameter 'fileName'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("Results.File", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("Results.File", "the parameter 'code'", Nothing));
    }

    /// <summary>
    /// Not a store of records the request chooses from: a fixed table of allowed files (a dictionary of strings), a
    /// record found by a constant key, and a dictionary the project implements itself (its body says what it finds).
    /// </summary>
    [Fact]
    public async Task FixedTablesConstantKeysAndProjectDictionaries_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.Diagnostics.CodeAnalysis;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var allowed = new Dictionary<string, string> { ["terms"] = "/srv/public/terms.pdf", ["privacy"] = "/srv/public/privacy.pdf" };
            var fileStore = new Dictionary<string, FileRecord>();
            var own = new RecordTable();

            app.MapGet("/docs/{name}", (string name) =>
                allowed.TryGetValue(name, out var path) ? Results.File(path) : Results.NotFound());

            app.MapGet("/latest/{name}", (string name) =>
                fileStore.TryGetValue("latest", out var latest) ? Results.File(latest.Path) : Results.NotFound());

            app.MapGet("/own/{name}", (string name) =>
                own.TryGetValue(name, out var mine) ? Results.File(mine.Path) : Results.NotFound());

            app.Run();

            public record FileRecord
            {
                public string Path { get; set; } = default!;
            }

            public class RecordTable
            {
                public bool TryGetValue(string key, [MaybeNullWhen(false)] out FileRecord value)
                {
                    value = new FileRecord { Path = "/srv/public/readme.txt" };
                    return true;
                }
            }
            """);
    }
}
