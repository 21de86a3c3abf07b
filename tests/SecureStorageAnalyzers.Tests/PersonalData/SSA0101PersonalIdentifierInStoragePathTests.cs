using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

public class SSA0101PersonalIdentifierInStoragePathTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10WithStorageSdks, expected);

    private static async Task VerifyWithConfigAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test(source, TestFramework.AspNetCore10WithStorageSdks);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    // ---- The incident, and the ways a path is built ----

    [Fact]
    public async Task IncidentShape_PhoneNumberFileName_ReportedAtIdentifierAndPathAsync()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var root = Path.Combine(builder.Environment.ContentRootPath, "recordings");
            app.MapPost("/calls/{callerPhoneNumber}", async (string callerPhoneNumber, HttpRequest request) =>
            {
                var folder = Path.Combine(root, DateTime.UtcNow.ToString("yyyy-MM-dd"));
                var path = {|#1:Path.Combine(folder, {|#0:callerPhoneNumber|} + ".mp3")|};
                await using var file = File.Create(path);
                await request.Body.CopyToAsync(file);
            });
            app.Run();
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("callerPhoneNumber", "a phone number", "its name 'callerPhoneNumber'", "Path.Combine", ""));
    }

    /// <summary>Five segments and more bind to the params overload (a span since .NET 9, an array before): found by the benchmark.</summary>
    [Fact]
    public async Task PathCombine_ManySegments_ParamsOverload_ReportedAsync()
    {
        await VerifyAsync("""
            class Recordings
            {
                public string For(string phoneNumber) =>
                    {|#1:System.IO.Path.Combine("/srv", "calls", "2024", "05", {|#0:phoneNumber|} + ".mp3")|};

                public string ForArray(string phoneNumber) =>
                    {|#3:System.IO.Path.Combine(new[] { "/srv", "calls", "2024", "05", {|#2:phoneNumber|} })|};

                public void Save(string phoneNumber, byte[] data) =>
                    {|#5:System.IO.File.WriteAllBytes(System.IO.Path.Combine("/srv", "calls", "2024", "05", {|#4:phoneNumber|}), data)|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "Path.Combine", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "Path.Combine", ""),
            Diagnostic().WithLocation(4).WithLocation(5)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task PathLikeInterpolation_IntoFileApi_ReportedOnceWithTheStorageCallAsync()
    {
        await VerifyAsync("""
            class Recordings
            {
                public byte[] Load(string msisdn, DateTime day) =>
                    {|#1:File.ReadAllBytes($"/var/calls/{day:yyyy-MM-dd}/{{|#0:msisdn|}}.wav")|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("msisdn", "a phone number", "its name 'msisdn'", "'path' of File.ReadAllBytes", ""));
    }

    [Fact]
    public async Task PathLikeString_StoredInLocal_ReportsItselfAndStopsTheLaterWalkAsync()
    {
        await VerifyAsync("""
            class Exporter
            {
                public void Export(string customerEmail, string root)
                {
                    var path = {|#1:root + "/exports/" + {|#0:customerEmail|} + ".csv"|};
                    File.WriteAllText(path, "");
                    File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("customerEmail", "an e-mail address", "its name 'customerEmail'", "a path-like string", ""));
    }

    [Fact]
    public async Task StringHelpers_FormatConcatJoinAndCaseChanges_CarryTheIdentifierAsync()
    {
        await VerifyAsync("""
            class Store
            {
                public void Save(string email, string lastName, string phone, string root)
                {
                    {|#3:File.Delete(string.Format("{0}.json", {|#0:email|}.Trim().ToLowerInvariant().Replace("@", "_at_")))|};
                    {|#4:Directory.CreateDirectory(string.Concat(root, {|#1:lastName|}.ToUpperInvariant()))|};
                    {|#5:File.Exists(string.Join("_", "call", {|#2:phone|}))|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(3).WithArguments("email", "an e-mail address", "its name 'email'", "'path' of File.Delete", ""),
            Diagnostic().WithLocation(1).WithLocation(4).WithArguments("lastName", "a person's name", "its name 'lastName'", "'path' of Directory.CreateDirectory", ""),
            Diagnostic().WithLocation(2).WithLocation(5).WithArguments("phone", "a phone number", "its name 'phone'", "'path' of File.Exists", ""));
    }

    [Fact]
    public async Task LocalsAndSameMethodHelper_AreFollowedAsync()
    {
        await VerifyAsync("""
            record Call(string CallerNumber, DateTime At);

            class Archive
            {
                public void Store(Call call, string root, byte[] audio)
                {
                    var id = {|#0:call.CallerNumber|};
                    string name;
                    name = id.Replace("+", "00");
                    string PathFor(string value) => Path.Combine(root, value + ".mp3");
                    {|#1:File.{|#2:WriteAllBytes(PathFor(name), audio)|}|};
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0)
                .WithArguments("call.CallerNumber", "a phone number", "its name 'CallerNumber'", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task StreamsInfosAndFileProviders_AreSinksAsync()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.FileProviders;

            class Sinks
            {
                public void Use(string passportNumber, string ssn, string dateOfBirth, string nationalId)
                {
                    using var a = {|#4:new FileStream({|#0:passportNumber|}, FileMode.Create)|};
                    using var b = {|#5:new StreamWriter({|#1:ssn|})|};
                    var c = {|#6:new FileInfo({|#2:dateOfBirth|})|};
                    var d = {|#7:new PhysicalFileProvider({|#3:nationalId|})|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(4).WithArguments("passportNumber", "a passport number", "its name 'passportNumber'", "'path' of new FileStream", ""),
            Diagnostic().WithLocation(1).WithLocation(5).WithArguments("ssn", "a national identity number", "its name 'ssn'", "'path' of new StreamWriter", ""),
            Diagnostic().WithLocation(2).WithLocation(6).WithArguments("dateOfBirth", "a date of birth", "its name 'dateOfBirth'", "'fileName' of new FileInfo", ""),
            Diagnostic().WithLocation(3).WithLocation(7).WithArguments("nationalId", "a national identity number", "its name 'nationalId'", "'root' of new PhysicalFileProvider", ""));
    }

    // ---- Declared personal data ----

    [Fact]
    public async Task IdentityUser_ProtectedPersonalData_IsDeclaredAsync()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Identity;

            class ApplicationUser : IdentityUser { }

            class Voicemail
            {
                public Stream Open(ApplicationUser user, string root) =>
                    {|#1:File.OpenRead(Path.Combine(root, {|#0:user.PhoneNumber|} + ".wav"))|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("user.PhoneNumber", "a phone number", "[ProtectedPersonalData] on IdentityUser.PhoneNumber", "'path' of File.OpenRead", ""));
    }

    [Fact]
    public async Task DeclaredAttributes_BeatHarmlessNamesAsync()
    {
        await VerifyAsync("""
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.Extensions.Compliance.Classification;

            class PrivateDataAttribute : DataClassificationAttribute
            {
                public PrivateDataAttribute() : base(new DataClassification("Privacy", "Private")) { }
            }

            class Customer
            {
                [PersonalData] public string Alias { get; set; } = "";
                [Phone] public string Contact { get; set; } = "";
                [DataType(DataType.EmailAddress)] public string Handle { get; set; } = "";
                [PrivateData] public string Code { get; set; } = "";
            }

            class Documents
            {
                public void Save(Customer c)
                {
                    {|#4:File.Create($"docs/{{|#0:c.Alias|}}.pdf")|};
                    {|#5:File.Create($"docs/{{|#1:c.Contact|}}.pdf")|};
                    {|#6:File.Create($"docs/{{|#2:c.Handle|}}.pdf")|};
                    {|#7:File.Create($"docs/{{|#3:c.Code|}}.pdf")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(4).WithArguments("c.Alias", "personal data", "[PersonalData] on Customer.Alias", "'path' of File.Create", ""),
            Diagnostic().WithLocation(1).WithLocation(5).WithArguments("c.Contact", "a phone number", "[Phone] on Customer.Contact", "'path' of File.Create", ""),
            Diagnostic().WithLocation(2).WithLocation(6).WithArguments("c.Handle", "an e-mail address", "[DataType] on Customer.Handle", "'path' of File.Create", ""),
            Diagnostic().WithLocation(3).WithLocation(7).WithArguments("c.Code", "personal data", "[PrivateData] on Customer.Code", "'path' of File.Create", ""));
    }

    // ---- File results ----

    [Fact]
    public async Task FileResults_DownloadNamesAndPaths_AreSinksAsync()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class RecordingsController : Controller
            {
                public IActionResult Get(string callerPhoneNumber) =>
                    {|#3:PhysicalFile("/srv/recordings/latest.mp3", "audio/mpeg", {|#0:callerPhoneNumber|})|};

                public IResult Minimal(string email) => {|#4:Results.File("/srv/x.pdf", "application/pdf", $"{{|#1:email|}}.pdf")|};

                public IActionResult Named(string customerName)
                {
                    var result = new FileContentResult(new byte[0], "text/plain");
                    {|#5:result.FileDownloadName = {|#2:customerName|}|};
                    return result;
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(3).WithArguments("callerPhoneNumber", "a phone number", "its name 'callerPhoneNumber'", "'fileDownloadName' of ControllerBase.PhysicalFile", ""),
            Diagnostic().WithLocation(1).WithLocation(4).WithArguments("email", "an e-mail address", "its name 'email'", "'fileDownloadName' of Results.File", ""),
            Diagnostic().WithLocation(2).WithLocation(5).WithArguments("customerName", "a person's name", "its name 'customerName'", "FileResult.FileDownloadName", ""));
    }

    // ---- Cloud object keys ----

    [Fact]
    public async Task CloudSdks_ObjectKeys_AreSinksAsync()
    {
        await VerifyAsync("""
            using Amazon.S3;
            using Amazon.S3.Model;
            using Azure.Storage.Blobs;
            using Google.Cloud.Storage.V1;
            using Minio.DataModel.Args;

            class Uploads
            {
                public async Task Run(BlobContainerClient container, IAmazonS3 s3, StorageClient gcs, string phone, string email, string patientName, string iban, Stream audio)
                {
                    {|#10:container.GetBlobClient({|#0:phone|} + "/latest.mp3")|};
                    await {|#11:container.UploadBlobAsync({|#1:email|}, audio)|};
                    await s3.PutObjectAsync(new PutObjectRequest { BucketName = "calls", {|#12:Key = {|#2:phone|}|} });
                    await {|#13:s3.DeleteObjectAsync("calls", {|#3:email|})|};
                    {|#14:gcs.UploadObject("calls", {|#4:patientName|}, "audio/wav", audio)|};
                    {|#15:new PutObjectArgs().WithBucket("calls").WithObject({|#5:iban|})|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(10).WithArguments("phone", "a phone number", "its name 'phone'", "'blobName' of BlobContainerClient.GetBlobClient", ""),
            Diagnostic().WithLocation(1).WithLocation(11).WithArguments("email", "an e-mail address", "its name 'email'", "'blobName' of BlobContainerClient.UploadBlobAsync", ""),
            Diagnostic().WithLocation(2).WithLocation(12).WithArguments("phone", "a phone number", "its name 'phone'", "PutObjectRequest.Key", ""),
            Diagnostic().WithLocation(3).WithLocation(13).WithArguments("email", "an e-mail address", "its name 'email'", "'key' of IAmazonS3.DeleteObjectAsync", ""),
            Diagnostic().WithLocation(4).WithLocation(14).WithArguments("patientName", "a person's name", "its name 'patientName'", "'objectName' of StorageClient.UploadObject", ""),
            Diagnostic().WithLocation(5).WithLocation(15).WithArguments("iban", "a bank account or card number", "its name 'iban'", "'obj' of ObjectArgs.WithObject", ""));
    }

    [Fact]
    public async Task CloudSdk_WithoutAspNetCore_IsStillAnalyzedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;
            using Azure.Storage.Blobs;

            class Worker
            {
                public void Upload(BlobContainerClient container, string callerId, Stream audio) =>
                    {|#1:container.UploadBlob({|#0:callerId|}, audio)|};
            }
            """, TestFramework.StorageSdksOnly,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("callerId", "a phone number", "its name 'callerId'", "'blobName' of BlobContainerClient.UploadBlob", ""));
    }

    // ---- Hashes, pseudonyms and random names ----

    [Fact]
    public async Task UnkeyedHash_StillReportedWithANoteAsync()
    {
        await VerifyAsync("""
            using System.Security.Cryptography;
            using System.Text;

            class Store
            {
                public void Save(string phoneNumber, string root)
                {
                    var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes({|#0:phoneNumber|})));
                    {|#1:File.{|#2:Create(Path.Combine(root, name))|}|};
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0).WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "'path' of File.Create",
                ", hashed without a key, which anyone can reverse by hashing every possible value"));
    }

    [Fact]
    public async Task KeyedHashRandomNamesAndDocumentedUploadPattern_AreNotReportedAsync()
    {
        await VerifyAsync("""
            using System.Security.Cryptography;
            using System.Text;

            class Store
            {
                private readonly byte[] _key = new byte[32];

                public async Task Save(string phoneNumber, string root, IFormFile formFile, IConfiguration config)
                {
                    var keyed = Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(phoneNumber)));
                    File.Create(Path.Combine(root, keyed + ".mp3"));
                    File.Create(Path.Combine(root, Guid.NewGuid().ToString("N") + ".mp3"));

                    // The framework documentation's pattern for stored uploads.
                    var trustedFileNameForFileStorage = Path.GetRandomFileName();
                    var filePath = Path.Combine(config["StoredFilesPath"]!, trustedFileNameForFileStorage);
                    using (var stream = File.Create(filePath))
                    {
                        await formFile.CopyToAsync(stream);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConfiguredPseudonymizer_BreaksTheFlowAsync()
    {
        await VerifyWithConfigAsync("""
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Store
            {
                public void Save(string phoneNumber, string root) =>
                    File.Create(Path.Combine(root, Privacy.Pseudonyms.For(phoneNumber) + ".mp3"));
            }
            """, "SSA0101.pseudonymization_methods = Privacy.Pseudonyms.For\n");
    }

    /// <summary>
    /// The configured name is resolved to the method (a nested type by its C# name too), and only that method is a
    /// pseudonymizer: a method of the same name on another type passes the identifier through.
    /// </summary>
    [Fact]
    public async Task ConfiguredPseudonymizer_NestedTypeByItsCSharpName_SameNameOnAnotherType_NotABarrierAsync()
    {
        await VerifyWithConfigAsync("""
            namespace Privacy
            {
                public static class Outer { public static class Pseudonyms { public static string For(string value) => value; } }
                public static class Lookalike { public static string For(string value) => value; }
            }

            class Store
            {
                public void Save(string phoneNumber, string root) =>
                    File.Create(Path.Combine(root, Privacy.Outer.Pseudonyms.For(phoneNumber) + ".mp3"));

                public void Copy(string phoneNumber, string root) =>
                    {|#1:File.Create(Path.Combine(root, Privacy.Lookalike.For({|#0:phoneNumber|}) + ".mp3"))|};
            }
            """, "SSA0101.pseudonymization_methods = Privacy.Outer.Pseudonyms.For\n",
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "'path' of File.Create", ""));
    }

    // ---- Configuration ----

    [Fact]
    public async Task ConfiguredNamesAttributesAndTypes_AreAddedAndExclusionsWinAsync()
    {
        await VerifyWithConfigAsync("""
            namespace App
            {
                public sealed class PiiAttribute : System.Attribute { }
                public sealed record MemberNumber(string Value);

                class Store
                {
                    [Pii] public string Nickname { get; set; } = "";

                    public void Save(string memberCode, MemberNumber number, string supportEmail, string root)
                    {
                        {|#3:System.IO.File.Create(root + "/" + {|#0:memberCode|})|};
                        {|#4:System.IO.File.Create(root + "/" + {|#1:Nickname|})|};
                        {|#5:System.IO.File.Create(root + "/" + {|#2:number|})|};
                        System.IO.File.Create(root + "/" + supportEmail);
                    }
                }
            }
            """, """
            SSA0101.personal_names = memberCode
            SSA0101.personal_data_attributes = App.PiiAttribute
            SSA0101.personal_data_types = App.MemberNumber
            SSA0101.excluded_names = supportEmail
            """,
            Diagnostic().WithLocation(0).WithLocation(3).WithArguments("memberCode", "a personal identifier", "its name 'memberCode' is listed in SSA0101.personal_names", "'path' of File.Create", ""),
            Diagnostic().WithLocation(1).WithLocation(4).WithArguments("Nickname", "personal data", "[Pii] on Store.Nickname, listed in SSA0101.personal_data_attributes", "'path' of File.Create", ""),
            Diagnostic().WithLocation(2).WithLocation(5).WithArguments("number", "personal data", "its type MemberNumber is listed in SSA0101.personal_data_types", "'path' of File.Create", ""));
    }

    [Fact]
    public async Task NationalIdsAndInsuranceMemberNumbers_InSpanishAndEnglish_AndPersonIdWhenConfiguredAsync()
    {
        // Issue #21: a clinic names files after the patient's DNI and obra social number; a bank names a loan PDF after
        // PersonId, which holds a national id in that code base only: its name alone does not say so, the setting can.
        await VerifyWithConfigAsync("""
            class Paciente
            {
                public string DocumentoIdentidad { get; set; } = "";
                public string NroObraSocial { get; set; } = "";
                public string ObraSocial { get; set; } = "";
                public int TipoDocumento { get; set; }
            }

            class Loan { public string PersonId { get; set; } = ""; public string ProductId { get; set; } = ""; }

            class Files
            {
                public void Save(Paciente paciente, Loan loan, string root, byte[] pdf)
                {
                    {|#2:File.WriteAllBytes(Path.Combine(root, {|#0:paciente.DocumentoIdentidad|}, {|#1:paciente.NroObraSocial|} + ".pdf"), pdf)|};
                    File.WriteAllBytes(Path.Combine(root, paciente.ObraSocial, paciente.TipoDocumento + ".pdf"), pdf);
                    {|#4:File.WriteAllBytes(Path.Combine(root, {|#3:loan.PersonId|} + "_" + loan.ProductId + ".pdf"), pdf)|};
                }
            }
            """, "SSA0101.personal_names = PersonId\n",
            Diagnostic().WithLocation(0).WithLocation(2).WithLocation(1)
                .WithArguments("paciente.DocumentoIdentidad", "a national identity number", "its name 'DocumentoIdentidad'", "'path' of File.WriteAllBytes",
                    ", together with 'paciente.NroObraSocial' (a health insurance member number)"),
            Diagnostic().WithLocation(3).WithLocation(4)
                .WithArguments("loan.PersonId", "a personal identifier", "its name 'PersonId' is listed in SSA0101.personal_names", "'path' of File.WriteAllBytes", ""));
    }

    // ---- What is not a path, and what is not personal ----

    [Fact]
    public async Task LogsMessagesUrlsLocationsAndDatabaseColumns_AreNotPathsAsync()
    {
        await VerifyAsync("""
            using Microsoft.Extensions.Logging;

            record Call { public string CallerNumber { get; set; } = ""; public string FilePath { get; set; } = ""; }

            class Service
            {
                public string Handle(ILogger logger, string phone, List<Call> table, string path)
                {
                    logger.LogInformation($"Stored recording for {phone} in recordings/{DateTime.Today:yyyy-MM-dd}");
                    Console.WriteLine("Saved " + phone + " to /var/calls");
                    table.Add(new Call { CallerNumber = phone, FilePath = path });
                    if (phone.Length == 0) throw new InvalidOperationException($"No recording {phone}.mp3");
                    _ = Results.Created($"/recordings/{Uri.EscapeDataString(phone)}.mp3", null);
                    _ = new Uri($"/calls/{phone}.mp3", UriKind.Relative);
                    return $"https://crm.example/customers/{phone}?tab=calls";
                }
            }
            """);
    }

    [Fact]
    public async Task NamesThatOnlyLookPersonal_AndOpaqueKeys_AreNotReportedAsync()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Identity;

            class Store
            {
                public void Save(IdentityUser user, string fileName, string emailTemplateName, Guid phoneId, string userId,
                    string maxPhoneLength, string phoneNumberFormat, string root)
                {
                    File.Create(Path.Combine(root, fileName));
                    File.Create(Path.Combine(root, emailTemplateName + ".html"));
                    File.Create(Path.Combine(root, phoneId.ToString()));
                    File.Create(Path.Combine(root, userId + ".json"));
                    File.Create(Path.Combine(root, user.Id + ".json"));
                    File.Create(Path.Combine(root, user.PhoneNumberConfirmed.ToString()));
                    File.Create(Path.Combine(root, maxPhoneLength, phoneNumberFormat));
                }
            }
            """);
    }

    [Fact]
    public async Task WithoutAspNetCoreOrStorageSdks_AWorkerWritingFilesIsAnalyzedAsync()
    {
        // A console job or worker with System.IO alone: installing the package is the opt-in.
        await VerifyCS.VerifyAnalyzerAsync("""
            using System.IO;

            class Tool
            {
                public void Save(string phoneNumber) => {|#1:File.WriteAllText({|#0:phoneNumber|} + ".txt", "")|};
                public void Log(string phoneNumber) => System.Console.WriteLine($"saved /tmp/{phoneNumber}.txt");
            }
            """, TestFramework.NoAspNetCore,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task NetEight_IdentityAndFileResults_AreReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            class Exports
            {
                public IResult Download(IdentityUser user) =>
                    {|#1:Results.File("/srv/export.zip", "application/zip", {|#0:user.Email|} + ".zip")|};
            }
            """, TestFramework.AspNetCore8,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("user.Email", "an e-mail address", "[ProtectedPersonalData] on IdentityUser.Email", "'fileDownloadName' of Results.File", ""));
    }
}
