using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Live;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.ValueFlow;

/// <summary>
/// The value-flow engine follows a value out of the project's own method, one level (issue #21, second held-out
/// check): what the method returns is the call's value, with the call's arguments for its parameters. Two misses showed
/// it: call recordings written under <c>GetUploadPath()</c>, which returns <c>"wwwroot/Uploads"</c> (SSA0006), and a
/// contact card named <c>CleanString(firstName + lastName)</c>, which returns a <c>Regex.Replace</c> of its argument (SSA0101).
/// </summary>
public class ProjectMethodReturnTests
{
    private static Task VerifyWebRootAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source);

    private static Task VerifyPersonalAsync(string source) => LineFindings.VerifyAsync(RuleAnalyzer.For(PackRules.SSA0101), source);

    /// <summary>SSA0101 in a project without ASP.NET Core (a console job, a class library): every marker, and nothing else.</summary>
    private static async Task VerifyPersonalWithoutWebAsync(string source)
    {
        var compilation = DocumentScope.Compile(new[] { ("/src/Program.cs", source) }, TestReferences.NetCoreOnly, webUsings: false);
        Assert.DoesNotContain(compilation.ReferencedAssemblyNames, a => a.Name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        var findings = await DocumentScope.FullAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(RuleAnalyzer.For(PackRules.SSA0101)));
        Assert.Equal(DocumentScope.Markers(compilation.SyntaxTrees.First()).Order(StringComparer.Ordinal), DocumentScope.Lines(findings));
    }

    [Fact]
    public Task SSA0006_UploadFolderReturnedByAStaticHelper_IsReportedAtTheWriteAsync() => VerifyWebRootAsync("""
        using Microsoft.AspNetCore.Mvc;

        // The incident's shape: phone-call recordings uploaded into a folder UseStaticFiles serves.
        [ApiController, Route("api/recordings")]
        public class RecordingController : ControllerBase
        {
            [HttpPost("upload")]
            public async Task<IActionResult> Upload(IFormFile file)
            {
                var safeFileName = Path.GetFileName(file.FileName);
                var filePath = Path.Combine(GetUploadPath(), safeFileName);
                using var stream = new FileStream(filePath, FileMode.Create); //! SSA0006
                await file.CopyToAsync(stream);
                return Ok();
            }

            private static string GetUploadPath()
            {
                return "wwwroot/Uploads";
            }
        }
        """);

    [Fact]
    public Task SSA0006_WebRootReturnedByInstanceAndExpressionBodiedHelpers_IsReportedAsync() => VerifyWebRootAsync("""
        public class Recordings(IWebHostEnvironment env)
        {
            private const string Folder = "wwwroot/calls";

            private string RecordingsFolder() => Path.Combine(env.WebRootPath, "recordings");

            private string Under(string folder) => Path.Combine(env.WebRootPath, folder);

            private static string CallsFolder() => Folder;

            private string Chosen(bool archive)
            {
                if (archive)
                {
                    return Path.Combine(env.WebRootPath, "archive");
                }

                return env.WebRootPath;
            }

            public void Save(string caller, byte[] audio)
            {
                File.WriteAllBytes(Path.Combine(RecordingsFolder(), caller + ".wav"), audio); //! SSA0006
                File.WriteAllBytes(Path.Combine(Under("exports"), caller + ".csv"), audio); //! SSA0006
                File.WriteAllBytes(Path.Combine(CallsFolder(), caller + ".mp3"), audio); //! SSA0006
                File.WriteAllBytes(Path.Combine(Chosen(true), caller + ".ogg"), audio); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task SSA0006_HelpersThatDoNotReturnTheWebRoot_AreNotReportedAsync() => VerifyWebRootAsync("""
        public class Recordings(IWebHostEnvironment env)
        {
            private string PrivateFolder() => Path.Combine(env.ContentRootPath, "App_Data", "recordings");
            private static string DataFolder() { return "/var/lib/recordings"; }

            // One return is the web root, the other is not: unknown, not a finding.
            private string Either(bool pub)
            {
                if (pub)
                {
                    return "wwwroot/public";
                }

                return Path.Combine(env.ContentRootPath, "private");
            }

            // Recursion: the inner call is not followed (one level), so the first return is unknown.
            private string Root(string? folder)
            {
                if (folder is null)
                {
                    return Root("wwwroot");
                }

                return folder;
            }

            // The helper returns what it is given: a private folder here.
            private static string Same(string folder) => folder;

            public void Save(string caller, byte[] audio)
            {
                File.WriteAllBytes(Path.Combine(PrivateFolder(), caller + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(DataFolder(), caller + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(Either(true), caller + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(Root(null), caller + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(Same("/srv/private"), caller + ".wav"), audio);
                File.WriteAllBytes(Path.Combine(Same(env.WebRootPath), caller + ".wav"), audio); //! SSA0006
            }
        }
        """);

    [Fact]
    public Task SSA0101_ArgumentPassedThroughASanitizer_InAController_IsReportedAsync() => VerifyPersonalAsync("""
        using System.Text.RegularExpressions;
        using Microsoft.AspNetCore.Mvc;

        public class ContactEntry { public string? FirstName { get; set; } public string? LastName { get; set; } public string Email { get; set; } = ""; }

        public class ContactsController(IWebHostEnvironment env) : ControllerBase
        {
            private readonly string _contactsFolderPath = Path.Combine(env.ContentRootPath, "contacts");

            [HttpPost]
            public IActionResult Export(ContactEntry contact)
            {
                var firstName = contact.FirstName ?? string.Empty;
                var lastName = contact.LastName ?? string.Empty;
                var path = $"{_contactsFolderPath}\\{CleanString(firstName + lastName)}.vcf"; //! SSA0101
                using var writer = new StreamWriter(path, false);
                writer.WriteLine("BEGIN:VCARD");
                System.IO.File.WriteAllText(Path.Combine(_contactsFolderPath, Slugify(contact.Email) + ".txt"), ""); //! SSA0101
                return Ok();
            }

            private string CleanString(string str)
            {
                return new Regex(string.Format("[{0}]", Regex.Escape(new string(Path.GetInvalidFileNameChars())))).Replace(str, string.Empty);
            }

            private static string Slugify(string text) => text.Trim().ToLowerInvariant().Replace(' ', '-');
        }
        """);

    [Fact]
    public Task SSA0101_HelpersThatMintOrHashTheName_AreNotReportedAsync() => VerifyPersonalAsync("""
        using System.Security.Cryptography;
        using System.Text;

        public class Customer { public string Email { get; set; } = ""; public string PhoneNumber { get; set; } = ""; }

        public class Exports(IWebHostEnvironment env)
        {
            private readonly string _dir = Path.Combine(env.ContentRootPath, "exports");

            private static string NewName(string original) => Guid.NewGuid().ToString("N") + Path.GetExtension(original);

            private static string Hash(string value)
            {
                var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(value));
                return Convert.ToHexString(bytes);
            }

            // The returns disagree: one keeps the argument, the other does not.
            private static string Short(string value)
            {
                if (value.Length < 8)
                {
                    return value;
                }

                return "long-" + value.Length;
            }

            public void Save(Customer customer, byte[] data)
            {
                File.WriteAllBytes(Path.Combine(_dir, NewName(customer.Email)), data);
                File.WriteAllBytes(Path.Combine(_dir, Hash(customer.PhoneNumber) + ".bin"), data);
                File.WriteAllBytes(Path.Combine(_dir, Short(customer.Email) + ".bin"), data);
            }
        }
        """);

    [Fact]
    public Task SSA0101_ThroughHelpers_WithoutAspNetCore_InAConsoleJobAsync() => VerifyPersonalWithoutWebAsync("""
        using System;
        using System.IO;
        using System.Security.Cryptography;
        using System.Text;

        var writer = new CardWriter("/srv/cards");
        writer.Write(new Contact { FirstName = "Ada", LastName = "Lovelace", Phone = "+15551234567" });

        public class Contact { public string FirstName { get; set; } = ""; public string LastName { get; set; } = ""; public string Phone { get; set; } = ""; }

        public class CardWriter
        {
            private readonly string _dir;

            public CardWriter(string dir) => _dir = dir;

            public void Write(Contact contact)
            {
                // Through a local: the finding sits on the write, the identifiers are its additional locations.
                var name = Sanitize(contact.FirstName + "_" + contact.LastName);
                File.WriteAllText(Path.Combine(_dir, name + ".vcf"), "BEGIN:VCARD"); //! SSA0101
                File.WriteAllText(Path.Combine(_dir, CallerOf(contact) + ".wav"), ""); //! SSA0101
                File.WriteAllText(Path.Combine(_dir, Pseudonym(contact.Phone) + ".wav"), "");
                File.WriteAllText(Path.Combine(_dir, Guid.NewGuid() + ".wav"), "");
            }

            private static string Sanitize(string value)
            {
                foreach (var c in Path.GetInvalidFileNameChars())
                {
                    value = value.Replace(c, '_');
                }

                return value.Trim();
            }

            // Its value is what it returns: the contact's phone number.
            private static string CallerOf(Contact contact) => contact.Phone;

            private static string Pseudonym(string value)
            {
                using var sha = SHA1.Create();
                return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(value)));
            }
        }
        """);

    [Fact]
    public async Task IncompleteCode_HelpersWithNoBodyOrErrorTypes_DoNotCrashAsync()
    {
        var source = """
            using System.IO;
            using System.Text.RegularExpressions;

            public class Contact { public string Phone { get; set; } = ""; }

            public abstract class Store
            {
                protected abstract string Folder();
                private static extern string Native(string value);
                private string Broken(string value) => Undefined.Clean(value);
                private string Unfinished(string value) { return }
                private string Missing(string value)

                public void Save(Contact contact, byte[] data)
                {
                    File.WriteAllBytes(Path.Combine(Folder(), contact.Phone), data);
                    File.WriteAllBytes(Path.Combine("wwwroot", Native(contact.Phone)), data);
                    File.WriteAllBytes(Path.Combine("wwwroot", Broken(contact.Phone)), data);
                    File.WriteAllBytes(Path.Combine("wwwroot", Unfinished(contact.Phone)), data);
                    File.WriteAllBytes(Path.Combine("wwwroot", Missing(contact.Phone)), data);
                    File.WriteAllBytes(Path.Combine("wwwroot", NotDeclared(contact.Phone)), data);
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Store.cs");
        var compilation = CSharpCompilation.Create("Incomplete", new[] { tree }, TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        // Every rule of the pack runs; an analyzer exception or AD0001 fails the harness.
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation, RuleAnalyzer.ForEveryRule());
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");

        // The walk still works around the broken parts: the phone number in the first write's path.
        Assert.Contains(diagnostics, d => d.Id == "SSA0101" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("contact.Phone", StringComparison.Ordinal));
    }
}
