using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// SSA0005 and a check that the record the request chose is published (held-out set 17, docs/precision.md: a research
/// repository's anonymous dataset download returns the CSV only when the experiment its name parses to has
/// <c>Status == "Public"</c>). The owner published that record: the file result behind the check is no exposure. A check
/// of another member or value, or of a record that the file's request value did not choose whole, stays reported.
/// </summary>
public class SSA0005PublicRecordCheckTests
{
    private const string Nothing = "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)";

    private const string Model = """

        public class SearchExp
        {
            public int ExpId { get; set; }
            public string Status { get; set; } = "";
            public string Category { get; set; } = "";
        }

        public enum Visibility { Private, Public }

        public class Dataset
        {
            public int Id { get; set; }
            public string Path { get; set; } = "";
            public bool IsPublic { get; set; }
            public Visibility Visibility { get; set; }
        }

        public class SearchExpService
        {
            private readonly List<Dataset> _all = new();

            public List<SearchExp> GetAllExpList(int experimentId) => new();

            public Dataset? Find(int id) => _all.FirstOrDefault(d => d.Id == id);
        }
        """;

    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0005AnonymousEndpointServesRequestedFile);

    [Fact]
    public async Task FileOfARecordCheckedToBePublic_IsNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class SearchExpController : Controller
            {
                private readonly SearchExpService _service = new();
                private readonly string _root = "/srv/research";

                public async Task<IActionResult> DownloadExpDs(string expDsFileName)
                {
                    var expId = expDsFileName.Replace("ds_", "");
                    var exp = _service.GetAllExpList(int.Parse(expId));
                    if (exp[0].Status != "Public")
                    {
                        return new JsonResult("");
                    }

                    var expDsFilePath = _root + "/UPLOAD/datasets/" + expDsFileName + ".csv";
                    var memory = new MemoryStream();
                    using (var stream = new FileStream(expDsFilePath, FileMode.Open))
                    {
                        await stream.CopyToAsync(memory);
                    }

                    memory.Position = 0;
                    return File(memory, "text/csv", expDsFileName + ".csv");
                }

                public IActionResult Flagged(int id)
                {
                    var dataset = _service.Find(id);
                    if (dataset is null || !dataset.IsPublic)
                        return NotFound();
                    return PhysicalFile(dataset.Path, "text/csv");
                }

                public IActionResult ByEnum(int id)
                {
                    var dataset = _service.Find(id)!;
                    if (dataset.Visibility == Visibility.Public)
                    {
                        return PhysicalFile(dataset.Path, "text/csv");
                    }

                    return NotFound();
                }
            }
            """ + Model);
    }

    [Fact]
    public async Task OtherChecks_OtherRecords_AndPartsOfTheName_AreReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class SearchExpController : Controller
            {
                private readonly SearchExpService _service = new();
                private readonly string _root = "/srv/research";

                public IActionResult {|#2:Approved|}(string name)
                {
                    var exp = _service.GetAllExpList(int.Parse(name.Replace("ds_", "")));
                    if (exp[0].Status != "Approved" || exp[0].Category != "Public")
                        return NotFound();
                    return {|#0:PhysicalFile(_root + "/datasets/" + {|#1:name|} + ".csv", "text/csv")|};
                }

                public IActionResult {|#5:OtherRecord|}(string name, int otherId)
                {
                    var other = _service.Find(otherId)!;
                    if (other.Visibility != Visibility.Public)
                        return NotFound();
                    return {|#3:PhysicalFile(_root + "/datasets/" + {|#4:name|} + ".csv", "text/csv")|};
                }

                public IActionResult {|#8:PartOfTheName|}(string name)
                {
                    var id = name.Split('_')[0];
                    var exp = _service.GetAllExpList(int.Parse(id));
                    if (exp[0].Status != "Public")
                        return NotFound();
                    return {|#6:PhysicalFile(_root + "/datasets/" + {|#7:name|} + ".csv", "text/csv")|};
                }
            }
            """ + Model,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("PhysicalFile", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(5).WithArguments("PhysicalFile", "the parameter 'name'", Nothing),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(8).WithArguments("PhysicalFile", "the parameter 'name'", Nothing));
    }
}
