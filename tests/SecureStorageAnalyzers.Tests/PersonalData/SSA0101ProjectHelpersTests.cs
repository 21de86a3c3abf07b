using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Live;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 through the project's own helpers, one level (issue #21, held-out misses): a path built in a helper that
/// returns it, and a helper that writes, each called with a personal identifier. Reported at the call, where the
/// identifier is passed.
/// </summary>
public class SSA0101ProjectHelpersTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    [Fact]
    public async Task HelperThatReturnsAPath_CalledWithAPhoneNumber_IsReportedAtTheCallAsync()
    {
        await VerifyAsync("""
            class Caller { public string Phone { get; set; } = ""; }

            class Recordings
            {
                private readonly string _root = "/srv/recordings";

                private string PathFor(string key) => Path.Combine(_root, key + ".wav");

                public void Save(Caller caller, byte[] audio) => File.WriteAllBytes({|#1:PathFor({|#0:caller.Phone|})|}, audio);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("caller.Phone", "a phone number", "its name 'Phone'", "'key' of Recordings.PathFor, which returns a path built from it", ""));
    }

    [Fact]
    public async Task HelperThatWrites_CalledWithALastName_IsReportedAtTheCallAsync()
    {
        await VerifyAsync("""
            class Patient { public string LastName { get; set; } = ""; public string FirstName { get; set; } = ""; }

            class Archive
            {
                private readonly string _dir = "/srv/letters";

                public void Save(string name, byte[] data) => File.WriteAllBytes(Path.Combine(_dir, name + ".pdf"), data);
            }

            class Letters
            {
                public void Send(Archive archive, Patient patient, byte[] pdf)
                {
                    {|#2:archive.Save({|#0:patient.LastName|} + "_" + {|#1:patient.FirstName|}, pdf)|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(2).WithLocation(1)
                .WithArguments("patient.LastName", "a person's name", "its name 'LastName'",
                    "'name' of Archive.Save, which writes it into the path of File.WriteAllBytes", ", together with 'patient.FirstName' (a person's name)"));
    }

    [Fact]
    public async Task IdentifierThroughALocal_IsReportedOnTheHelperCallAsync()
    {
        await VerifyAsync("""
            class Customer { public string Email { get; set; } = ""; }

            class Exports
            {
                private static string Folder(string owner)
                {
                    var path = Path.Combine("/srv/exports", owner);
                    return path;
                }

                public void Run(Customer customer)
                {
                    var owner = {|#1:customer.Email|};
                    Directory.CreateDirectory({|#0:Folder(owner)|});
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(0).WithLocation(1)
                .WithArguments("customer.Email", "an e-mail address", "its name 'Email'", "'owner' of Exports.Folder, which returns a path built from it", ""));
    }

    [Fact]
    public async Task PathArgumentBuiltAtTheCall_IsReportedOnceAsItselfAsync()
    {
        // $"{patient.LastName}.pdf" names a file: the string reports its own input; the helper adds no second finding.
        await VerifyAsync("""
            class Patient { public string LastName { get; set; } = ""; }

            class Archive
            {
                public void Save(string name, byte[] data) => File.WriteAllBytes(Path.Combine("/srv/letters", name), data);

                public void Send(Patient patient, byte[] pdf) => Save({|#1:$"{{|#0:patient.LastName|}}.pdf"|}, pdf);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("patient.LastName", "a person's name", "its name 'LastName'", "a path-like string", ""));
    }

    [Fact]
    public async Task HelperWhoseParameterIsNamedPersonal_IsReportedInsideTheHelperOnlyAsync()
    {
        // string PathFor(string phone): the path is reported where it is built; the call adds nothing.
        await VerifyAsync("""
            class Caller { public string Phone { get; set; } = ""; }

            class Recordings
            {
                private string PathFor(string phone) => {|#1:Path.Combine("/srv/recordings", {|#0:phone|} + ".wav")|};

                public void Save(Caller caller, byte[] audio) => File.WriteAllBytes(PathFor(caller.Phone), audio);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("phone", "a phone number", "its name 'phone'", "Path.Combine", ""));
    }

    [Fact]
    public async Task HelpersThatKeepNoNameInThePath_AreNotReportedAsync()
    {
        await VerifyAsync("""
            class Patient { public string LastName { get; set; } = ""; public string Email { get; set; } = ""; }

            class Store
            {
                private readonly string _dir = "/srv/files";
                private readonly ILogger<Store> _log;
                private readonly HttpClient _http = new();

                public Store(ILogger<Store> log) => _log = log;

                // Only the extension of the name is kept; the file gets a fresh name.
                public string SaveUpload(string uploadedName, byte[] data)
                {
                    var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + Path.GetExtension(uploadedName));
                    File.WriteAllBytes(path, data);
                    return path;
                }

                // The name is the content, not the path.
                public void WriteCard(string text) => File.WriteAllText(Path.Combine(_dir, "card.txt"), text);

                // A message and a request, not a path.
                public void Notify(string who) => _log.LogInformation("Saved for {Who}", who);
                public Task<string> Lookup(string who) => _http.GetStringAsync($"api/people/{who}");

                // No body to read.
                public void Run(Patient patient, byte[] data, IArchive archive)
                {
                    SaveUpload(patient.LastName, data);
                    WriteCard(patient.LastName);
                    Notify(patient.Email);
                    _ = Lookup(patient.Email);
                    archive.Put(patient.LastName, data);
                }
            }

            interface IArchive { void Put(string name, byte[] data); }
            """);
    }

    [Fact]
    public async Task HelperInAnotherFile_DocumentScopeReportsWhatTheBuildReportsAsync()
    {
        // Live: the helper's summary is read from its own file, so the caller's document shows the finding while typing.
        var compilation = DocumentScope.Compile(new[]
        {
            ("/src/Storage.cs", """
                public class RecordingStore
                {
                    private readonly string _root;
                    public RecordingStore(string root) => _root = root;
                    public void Put(string key, byte[] audio) => File.WriteAllBytes(Path.Combine(_root, key + ".wav"), audio);
                }
                """),
            ("/src/Calls.cs", """
                public class Caller { public string PhoneNumber { get; set; } = ""; }

                public class Calls
                {
                    public void Hangup(RecordingStore store, Caller caller, byte[] audio) => store.Put(caller.PhoneNumber, audio);
                }
                """),
        });
        var analyzers = ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new SecureStorageAnalyzer());
        var full = await DocumentScope.FullAsync(compilation, analyzers);
        var finding = Assert.Single(full, d => d.Id == "SSA0101");
        Assert.Equal("/src/Calls.cs", finding.Location.SourceTree!.FilePath);
        Assert.Equal("caller.PhoneNumber", finding.Location.SourceTree.GetText().ToString(finding.Location.SourceSpan));
        Assert.Equal("true", finding.Properties[SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePath.ThroughHelperProperty]);

        var calls = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Calls.cs");
        var inDocument = await DocumentScope.InDocumentAsync(compilation, calls, analyzers: analyzers);
        Assert.Equal(new[] { DocumentScope.Identity(finding) }, inDocument.Where(d => d.Id == "SSA0101").Select(DocumentScope.Identity));
    }
}
