using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Two storage names SSA0101 did not see: a string put into the application's own member that holds a stored object's
/// name (<c>FileName</c>, <c>FilePath</c>, <c>ObjectKey</c>, <c>BlobName</c>, <c>StoragePath</c>, …), where the storage
/// call is elsewhere; and the search pattern of a directory listing, which finds a person's files by their identifier.
/// </summary>
public class SSA0101StorageNameMembersTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Theory]
    [InlineData("FileName", true)]
    [InlineData("Filename", true)]
    [InlineData("RecordingFileName", true)]
    [InlineData("pdfFilePath", true)]
    [InlineData("_fileKey", true)]
    [InlineData("ObjectKey", true)]
    [InlineData("BlobName", true)]
    [InlineData("StoragePath", true)]
    [InlineData("DocumentFolderName", true)]
    [InlineData("NombreArchivo", true)]
    [InlineData("nome_arquivo", true)]
    [InlineData("PrefixoDaPasta", true)]
    [InlineData("UploadFolder", true)]
    [InlineData("KeyPrefix", true)]
    [InlineData("FolderColor", false)]
    [InlineData("FileUrl", false)]
    [InlineData("FileNameUrl", false)]
    [InlineData("DownloadLink", false)]
    [InlineData("Path", false)]
    [InlineData("Key", false)]
    [InlineData("Profile", false)]
    [InlineData("FileNames", true)]
    [InlineData("FileType", false)]
    [InlineData("FileNameLength", false)]
    public void EndsInStorageName_ReadsTheNamesLastWords(string name, bool expected) =>
        Assert.Equal(expected, StorageNameMembers.EndsInStorageName(NameTokens.Split(name), ImmutableArray<ImmutableArray<string>>.Empty));

    [Fact]
    public void EndsInStorageName_TakesConfiguredLastWords() =>
        Assert.True(StorageNameMembers.EndsInStorageName(NameTokens.Split("AudioRecordingRef"),
            ImmutableArray.Create(NameTokens.Split("RecordingRef"))));

    [Fact]
    public Task APersonsIdentifierPutIntoTheApplicationsStorageNameMember_IsReportedAsync() => VerifyAsync("""
        public class Customer
        {
            public string NationalId { get; set; } = "";
            public string FullName { get; set; } = "";
            public string PhoneNumber { get; set; } = "";
        }

        public class StoredDocument
        {
            public string FileName { get; set; } = "";
            public string ObjectKey { get; set; } = "";
            public string BlobName { get; set; } = "";
            public string StoragePath { get; set; } = "";
            public string FileUrl { get; set; } = "";
            public string Title { get; set; } = "";
        }

        public class Recording
        {
            private string _recordingFileName = "";
            public void Name(string callerPhone) => _recordingFileName = callerPhone + "_" + DateTime.UtcNow.Ticks; //! SSA0101
        }

        public class LoanApplications
        {
            public StoredDocument EmployerOrder(Customer customer) => new StoredDocument
            {
                FileName = $"EmployerOrder-{customer.NationalId}-{DateTime.Now:yyyyMMdd}", //! SSA0101
                Title = $"Employer order of {customer.FullName}",
            };

            public void Keys(StoredDocument doc, Customer customer)
            {
                var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
                var key = $"statements/{customer.NationalId}/{stamp}";
                doc.ObjectKey = key; //! SSA0101
                doc.BlobName = customer.PhoneNumber; //! SSA0101
                doc.StoragePath = string.Join("-", customer.FullName, stamp); //! SSA0101
            }
        }
        """);

    [Fact]
    public Task TheSameMembers_GivenNoPersonalValue_OrALink_OrAPathThatReportsItself_AreSilentOrReportedOnceAsync() => VerifyAsync("""
        public class Customer
        {
            public int Id { get; set; }
            public string FullName { get; set; } = "";
            public string Email { get; set; } = "";
        }

        public class StoredDocument
        {
            public string FileName { get; set; } = "";
            public string FilePath { get; set; } = "";
            public string FileUrl { get; set; } = "";
            public string DownloadLink { get; set; } = "";
            public string Path { get; set; } = "";
            public string Key { get; set; } = "";
            public string Title { get; set; } = "";
        }

        public class Documents
        {
            public void Fill(StoredDocument doc, Customer customer, string uploadName, string root)
            {
                doc.FileName = $"{Guid.NewGuid():N}{System.IO.Path.GetExtension(uploadName)}";
                doc.FileName = $"statement-{customer.Id}-{DateTime.UtcNow:yyyyMMdd}";
                doc.FileUrl = $"https://cdn.example.com/{customer.Email}";
                doc.DownloadLink = "/customers/" + customer.Email;
                doc.Path = "/profile/" + customer.FullName;
                doc.Key = customer.Email;
                doc.Title = customer.FullName;

                // The name of a file whose path this method already builds: that path is the finding.
                var fileName = $"{customer.FullName}_{DateTime.UtcNow:yyyyMMdd}";
                File.WriteAllText(System.IO.Path.Combine(root, fileName), ""); //! SSA0101
                doc.FileName = "/files/" + fileName;

                // A path that is one reports its own inputs: one finding, not a second one at the member.
                doc.FilePath = System.IO.Path.Combine(root, customer.FullName + ".pdf"); //! SSA0101
                doc.FilePath = $"{root}/{customer.Email}.pdf"; //! SSA0101
            }
        }
        """);

    [Fact]
    public Task AFrameworkOrPackageMember_IsNotTheApplicationsStorageNameAsync() => VerifyAsync("""
        using System.Diagnostics;

        public class Customer
        {
            public string FullName { get; set; } = "";
        }

        public class Tools
        {
            public void Start(Customer customer)
            {
                // ProcessStartInfo.FileName is the platform's: a program to run, not a stored object.
                var info = new ProcessStartInfo { FileName = customer.FullName };
            }
        }
        """);

    [Fact]
    public Task ASearchPatternBuiltFromAnIdentifier_IsReportedAtTheSearchAsync() => VerifyAsync("""
        public class Certificates
        {
            private readonly string _folder = "/data/certificates";

            public string[] Find(string icNumber) => Directory.GetFiles(_folder, $"*{icNumber}*.pdf"); //! SSA0101

            public IEnumerable<string> Recordings(string callerPhoneNumber)
            {
                var pattern = "*" + callerPhoneNumber + "*.wav";
                return Directory.EnumerateFiles(_folder, pattern, SearchOption.AllDirectories); //! SSA0101
            }

            public FileInfo[] ByName(DirectoryInfo folder, string lastName) => folder.GetFiles(lastName + "_*"); //! SSA0101

            // A pattern of a kind, a date or an opaque id finds no one.
            public string[] Pdfs() => Directory.GetFiles(_folder, "*.pdf");
            public string[] OfDay(DateTime day) => Directory.GetFiles(_folder, $"*{day:yyyyMMdd}*");
            public string[] OfUser(int userId) => Directory.GetFiles(_folder, $"{userId}_*");
        }
        """);

    /// <summary><c>SSA0101.storage_name_members</c> adds last words of the application's storage-name members.</summary>
    [Fact]
    public async Task ConfiguredStorageNameMembers_AreStorageNamesAsync()
    {
        const string source = """
            public class Customer { public string Email { get; set; } = ""; }

            public class Recording
            {
                public string RecordingRef { get; set; } = "";
                public string Notes { get; set; } = "";

                public void Fill(Customer customer)
                {
                    RecordingRef = customer.Email + "_" + DateTime.UtcNow.Ticks;
                    Notes = customer.Email;
                }
            }
            """;
        var compilation = AnalyzerHarness.Compile(new[] { source }, TestReferences.AspNetCore)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new SSA0101PersonalIdentifierInStoragePathAnalyzer());

        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation, analyzer, configOptions: TestConfigOptions.PerFile(new Dictionary<string, string>())));

        var configured = await AnalyzerHarness.AnalyzeAsync(compilation, analyzer,
            configOptions: TestConfigOptions.PerFile(new Dictionary<string, string> { ["SSA0101.storage_name_members"] = "RecordingRef" }));
        Assert.Equal(new[] { 10 }, configured.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
    }
}
