using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The shapes public code bases showed SSA0101 getting wrong (issue #21): framework members read as a person's name,
/// route strings read as paths, and the signed-in user's own identifiers.
/// </summary>
public class SSA0101RealCodeShapesTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10WithStorageSdks, expected);

    [Fact]
    public async Task FrameworkMembers_NamedLikeAPerson_AreNotPersonalAsync()
    {
        // A media server's scanner, a logger of types, the server's own account: none of these names a data subject.
        await VerifyAsync("""
            using System.Reflection;

            class Library
            {
                public void Index(FileInfo fi, DirectoryInfo d, object model, string cache)
                {
                    File.Copy(fi.FullName, Path.Combine(cache, fi.Name));
                    File.WriteAllText(Path.Combine(cache, d.FullName, "index.json"), "");
                    File.WriteAllText(Path.Combine(cache, fi.Directory!.FullName + ".txt"), "");
                    File.WriteAllText(Path.Combine(cache, new FileInfo("a.mp3").FullName), "");
                    File.WriteAllText(Path.Combine(cache, model.GetType().FullName + ".json"), "");
                    File.WriteAllText(Path.Combine(cache, Environment.UserName, "settings.json"), "");
                    File.WriteAllText(Path.Combine(cache, Assembly.GetExecutingAssembly().GetName().Name + ".log"), "");
                    File.WriteAllText($"{cache}/{model.GetType().AssemblyQualifiedName}.cache", "");
                }
            }
            """);
    }

    [Fact]
    public async Task LocalsCopiedFromFrameworkMembers_TakeTheirValuesMeaningAsync()
    {
        await VerifyAsync("""
            class Library
            {
                public void Index(FileInfo fi, string cache)
                {
                    var fullname = fi.FullName;
                    var fullName = fi.FullName.ToLowerInvariant();
                    var userName = Environment.UserName;
                    File.Copy(fullname, Path.Combine(cache, "copy.bin"));
                    File.WriteAllText(Path.Combine(cache, fullName + ".idx"), "");
                    File.WriteAllText(Path.Combine(cache, userName, "prefs.json"), "");
                }
            }
            """);
    }

    [Fact]
    public async Task LocalNamedLikeAPerson_HoldingABuiltPath_IsThePathAsync()
    {
        // A document library's image lookup: 'fullname' is the file's full path, passed through the project's own helper
        // and returned to its callers; the name describes the path, not a person. A person's name among the path's inputs
        // is still found, at the input.
        await VerifyAsync("""
            class Caller { public string PhoneNumber { get; set; } = ""; }

            class ImageHelper
            {
                public static string? GetImageName(string root, string filename, string[] subfolders)
                {
                    foreach (var subfolder in subfolders)
                    {
                        string fullname = Path.Combine(Path.Combine(root, subfolder), filename);
                        string realFile = ExtractPageNumber(fullname);
                        if (File.Exists(realFile))
                        {
                            return fullname;
                        }
                    }

                    return null;
                }

                private static string ExtractPageNumber(string path) => path.TrimEnd('#');

                public static void Save(string root, Caller caller)
                {
                    var fullname = {|#1:Path.Combine(root, {|#0:caller.PhoneNumber|} + ".wav")|};
                    File.WriteAllText(fullname, "");
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("caller.PhoneNumber", "a phone number", "its name 'PhoneNumber'", "Path.Combine", ""));
    }

    [Fact]
    public async Task LocalsNamedLikeAPerson_FromRequestOrOwnMembers_StayPersonalAsync()
    {
        // An indexer (a form field) or the application's own member is not a framework value: the name still speaks.
        await VerifyAsync("""
            class Caller { public string PhoneNumber { get; set; } = ""; }

            class Calls
            {
                public void Save(HttpRequest request, Caller caller, string root)
                {
                    var phone = request.Form["phone"].ToString();
                    var callerPhone = caller.PhoneNumber;
                    {|#1:File.WriteAllText(Path.Combine(root, {|#0:phone|} + ".wav"), "")|};
                    {|#3:File.WriteAllText(Path.Combine(root, {|#2:callerPhone|} + ".wav"), "")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("phone", "a phone number", "its name 'phone'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("callerPhone", "a phone number", "its name 'callerPhone'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task SignedInUsersNameAndPersonalClaims_ArePersonalAsync()
    {
        await VerifyAsync("""
            using System.Security.Claims;

            class Exports
            {
                public void Save(ClaimsPrincipal user, string root)
                {
                    {|#1:File.WriteAllText(Path.Combine(root, {|#0:user.Identity!.Name|} + ".zip"), "")|};
                    {|#3:File.WriteAllText(Path.Combine(root, {|#2:user.FindFirstValue(ClaimTypes.Email)|} + ".zip"), "")|};
                    {|#5:File.WriteAllText(Path.Combine(root, {|#4:user.FindFirst(ClaimTypes.MobilePhone)?.Value|} + ".zip"), "")|};
                    File.WriteAllText(Path.Combine(root, user.FindFirstValue(ClaimTypes.NameIdentifier) + ".zip"), "");
                    File.WriteAllText(Path.Combine(root, user.FindFirstValue(ClaimTypes.Role) + ".zip"), "");
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("user.Identity!.Name", "the signed-in user's name", "IIdentity.Name (User.Identity.Name)", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("user.FindFirstValue(ClaimTypes.Email)", "an e-mail address",
                    "the signed-in user's claim 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(4).WithLocation(5)
                .WithArguments("user.FindFirst(ClaimTypes.MobilePhone)?.Value", "a phone number",
                    "the signed-in user's claim 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/mobilephone'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task RouteStringsLinksAndHtml_AreNotStoragePathsAsync()
    {
        // Relative URLs for an HTTP call (through the project's own helper), a link, a route, HTML with a slash.
        await VerifyAsync("""
            class Api
            {
                private readonly HttpClient _http = new();
                public Task<string> GetAsync(string relative) => _http.GetStringAsync(relative);
            }

            class Users
            {
                public async Task<string> Load(Api api, string idOrEmail, string firstName, string lastName)
                {
                    var profile = await api.GetAsync($"api/v1/users/{idOrEmail}");
                    var link = "/profile/" + idOrEmail + "/edit";
                    var html = "<p>" + firstName + "<br/>" + lastName + "</p>";
                    var route = $"/users/{lastName}/details";
                    return profile + link + html + route;
                }
            }
            """);
    }

    [Fact]
    public async Task ATextMessageWithAWordAfterADot_IsNoFileNameAsync()
    {
        // Held-out set 18 (an admissions site's SMS): ".Pay GHS" after a value reads like an extension but a word follows it.
        await VerifyAsync("""
            class Notices
            {
                public string Text(string firstName, string room, decimal fees) =>
                    "Hi " + firstName + " your room no is " + room + ".Pay GHS" + fees + " within 48hrs to keep the room.";

                public string Sms(string lastName) => $"Dear {lastName}.Your booking is confirmed";

                // The project stores files (the rule reads strings only in a project that names storage).
                public void Log(string text) => File.AppendAllText("notices.log", text);
            }
            """);
    }

    [Fact]
    public async Task ANameFollowedByAnExtension_StaysAFileNameAsync()
    {
        await VerifyAsync("""
            class Exports
            {
                public string[] Names(string lastName, string email) => new[]
                {
                    {|#1:$"{{|#0:lastName|}}.pdf"|},
                    {|#3:{|#2:email|} + ".csv_" + 1|},
                };

                public void Log(string text) => File.AppendAllText("exports.log", text);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("lastName", "a person's name", "its name 'lastName'", "a path-like string", ""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("email", "an e-mail address", "its name 'email'", "a path-like string", ""));
    }

    [Fact]
    public async Task StringsBuiltFromADiskRootOrNamingAFile_AreStoragePathsAsync()
    {
        await VerifyAsync("""
            class Exports
            {
                public string[] Paths(IWebHostEnvironment env, string email, string lastName) => new[]
                {
                    {|#1:$"{env.ContentRootPath}/exports/{{|#0:email|}}"|},
                    {|#3:$"exports/{{|#2:lastName|}}/report.pdf"|},
                    {|#5:AppContext.BaseDirectory + "/cache/" + {|#4:email|}|},
                };
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("email", "an e-mail address", "its name 'email'", "a path-like string", ""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("lastName", "a person's name", "its name 'lastName'", "a path-like string", ""),
            Diagnostic().WithLocation(4).WithLocation(5).WithArguments("email", "an e-mail address", "its name 'email'", "a path-like string", ""));
    }

    [Fact]
    public async Task AFolderStringWithoutRoot_ThatReachesAStorageCall_IsFoundAtTheCallAsync()
    {
        // Not a storage path by itself, but it becomes one where File.WriteAllText takes it.
        await VerifyAsync("""
            class Exports
            {
                private readonly string _folder = "data";
                public void Save(string email)
                {
                    var path = $"{_folder}/{{|#0:email|}}";
                    {|#1:File.{|#2:WriteAllText(path, "")|}|};
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0).WithArguments("email", "an e-mail address", "its name 'email'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task OnePathOfSeveralIdentifiers_IsOneFindingNamingEveryOneAsync()
    {
        await VerifyAsync("""
            class Letters
            {
                public void Save(string root, string firstName, string lastName, byte[] pdf) =>
                    {|#1:File.WriteAllBytes(Path.Combine(root, {|#0:firstName|}, {|#2:lastName|} + ".pdf"), pdf)|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("firstName", "a person's name", "its name 'firstName'", "'path' of File.WriteAllBytes",
                    ", together with 'lastName' (a person's name)"));
    }

    [Fact]
    public async Task OnePathUsedByTwoStorageCalls_IsOneFindingAtTheFirstAsync()
    {
        await VerifyAsync("""
            class Letters
            {
                public void Save(string root, string email, byte[] pdf)
                {
                    var path = string.Format("{0}{1}{2}.pdf", root, Path.DirectorySeparatorChar, {|#0:email|});
                    if ({|#1:File.{|#2:Exists(path)|}|})
                    {
                        File.Delete(path);
                    }

                    File.WriteAllBytes(path, pdf);
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0).WithArguments("email", "an e-mail address", "its name 'email'", "'path' of File.Exists", ""));
    }

    [Fact]
    public async Task StringBuilder_AppendsOnALocalOrInAChain_CarryTheIdentifierAsync()
    {
        await VerifyAsync("""
            using System.Text;

            class Exports
            {
                public void Save(string root, string patientName, string phoneNumber, string iban)
                {
                    var sb = new StringBuilder(root);
                    sb.Append('/');
                    sb.Append("exports").Append('/').Append({|#0:patientName|});
                    {|#1:File.{|#4:WriteAllText(sb.ToString(), "")|}|};

                    {|#3:Directory.CreateDirectory(new StringBuilder().Append(root).Append('/').Append({|#2:phoneNumber|}).ToString())|};

                    var clean = new StringBuilder();
                    clean.Append(root).Append("/archive");
                    File.WriteAllText(clean.ToString(), iban);
                }
            }
            """,
            Diagnostic().WithLocation(4).WithLocation(1).WithLocation(0).WithArguments("patientName", "a person's name", "its name 'patientName'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "'path' of Directory.CreateDirectory", ""));
    }

    [Fact]
    public async Task NationalNumberDtoProperties_ReachingASink_AreReportedAsync()
    {
        await VerifyAsync("""
            class PatientDto
            {
                public string Ssn { get; set; } = "";
                public string NationalId { get; set; } = "";
                public string Personnummer { get; set; } = "";
                public string Bsn { get; set; } = "";
                public string Pesel { get; set; } = "";
                public string Cpf { get; set; } = "";
                public string Nino { get; set; } = "";
                public string Aadhaar { get; set; } = "";
                public string Nric { get; set; } = "";
                public string SocialSecurityNumber { get; set; } = "";
            }

            class Records
            {
                public void Save(string root, PatientDto p)
                {
                    {|#1:File.WriteAllText(Path.Combine(root, {|#0:p.Ssn|}), "")|};
                    {|#3:File.WriteAllText(Path.Combine(root, {|#2:p.NationalId|}), "")|};
                    {|#5:File.WriteAllText(Path.Combine(root, {|#4:p.Personnummer|}), "")|};
                    {|#7:File.WriteAllText(Path.Combine(root, {|#6:p.Bsn|}), "")|};
                    {|#9:File.WriteAllText(Path.Combine(root, {|#8:p.Pesel|}), "")|};
                    {|#11:File.WriteAllText(Path.Combine(root, {|#10:p.Cpf|}), "")|};
                    {|#13:File.WriteAllText(Path.Combine(root, {|#12:p.Nino|}), "")|};
                    {|#15:File.WriteAllText(Path.Combine(root, {|#14:p.Aadhaar|}), "")|};
                    {|#17:File.WriteAllText(Path.Combine(root, {|#16:p.Nric|}), "")|};
                    {|#19:File.WriteAllText(Path.Combine(root, {|#18:p.SocialSecurityNumber|}), "")|};
                }
            }
            """,
            Enumerable.Range(0, 10).Select(i =>
            {
                var names = new[] { "Ssn", "NationalId", "Personnummer", "Bsn", "Pesel", "Cpf", "Nino", "Aadhaar", "Nric", "SocialSecurityNumber" };
                return Diagnostic().WithLocation(2 * i).WithLocation(2 * i + 1)
                    .WithArguments("p." + names[i], "a national identity number", $"its name '{names[i]}'", "'path' of File.WriteAllText", "");
            }).ToArray());
    }

    /// <summary>
    /// What an IDE shows is what a build shows. An IDE analyzes one document (or span) and keeps only the findings an
    /// operation reports inside its own syntax: a finding on an identifier that reached the call through a local was
    /// dropped there (it sits on the call now, the identifier an additional location). The first-use rule is decided from
    /// the method body alone: analyzing again gives the same finding, and a span holding only the second use gives no other.
    /// </summary>
    [Fact]
    public async Task OnePathUsedTwice_SameFindingWhateverIsAnalyzedAndHowOftenAsync()
    {
        var compilation = SecureStorageAnalyzers.Tests.Robustness.AnalyzerHarness.Compile(new[] { """
            class Letters
            {
                public void Save(string root, string email, byte[] pdf)
                {
                    var path = string.Format("{0}{1}{2}.pdf", root, Path.DirectorySeparatorChar, email);
                    if (File.Exists(path)) { File.Delete(path); }
                    File.WriteAllBytes(path, pdf);
                }
            }
            """ }, TestReferences.AspNetCore);
        var tree = compilation.SyntaxTrees.First();
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<string>();
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new SecureStorageAnalyzers.SecureStorageAnalyzer());
        var withAnalyzers = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(compilation, analyzers,
            new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty),
                onAnalyzerException: (e, _, _) => exceptions.Add(e.ToString()), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var model = withAnalyzers.Compilation.GetSemanticModel(tree);
        var text = tree.ToString();
        var secondUse = new Microsoft.CodeAnalysis.Text.TextSpan(text.IndexOf("File.WriteAllBytes", StringComparison.Ordinal), "File.WriteAllBytes(path, pdf)".Length);

        var build = Assert.Single(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None), d => d.Id == "SSA0101");
        for (var round = 0; round < 2; round++)
        {
            var whole = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None);
            Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
            var finding = Assert.Single(whole, d => d.Id == "SSA0101");
            Assert.Contains("File.Exists", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Equal(build.Location, finding.Location);
            Assert.Equal(build.AdditionalLocations, finding.AdditionalLocations);
            // A span holding only the second use: whatever the IDE returns for it is the build's finding, never another.
            var onlySecondUse = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, secondUse, CancellationToken.None);
            Assert.All(onlySecondUse.Where(d => d.Id == "SSA0101"), d => Assert.Equal(build.Location, d.Location));
        }
    }
}
