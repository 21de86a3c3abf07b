using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.StoragePaths.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.StoragePaths;

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
                    {|#1:File.WriteAllText(path, "")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("email", "an e-mail address", "its name 'email'", "'path' of File.WriteAllText", ""));
    }
}
