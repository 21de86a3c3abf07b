using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 shapes of held-out set 15 (issue #21): a <c>Path.Combine</c> whose first part is a URL's scheme and host
/// (<c>$"{Request.Scheme}://{Request.Host}"</c>) builds a link, not a storage path, whatever its slashes; the archive's
/// own path built beside it stays reported.
/// </summary>
public class SSA0101HeldOut15Tests
{
    private static Task VerifyAsync(string source, TestFramework framework = TestFramework.AspNetCore10) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, framework);

    [Fact]
    public async Task CombineFromTheRequestsSchemeAndHost_IsALink_TheArchivePathBesideIt_StaysReportedAsync()
    {
        // dev-starline/slbullion.in WebAPI/BullionController.cs:222-225 (a KYC archive and its download link).
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Kyc
            {
                public string name { get; set; } = "";
                public string mobile { get; set; } = "";
            }

            public class BullionController : Controller
            {
                private readonly IWebHostEnvironment _env;

                public BullionController(IWebHostEnvironment env) => _env = env;

                public IActionResult KycDetails(Kyc kyc, int clientId, byte[] zip)
                {
                    string uploads = Path.Combine(_env.WebRootPath, "images\\kyc\\", clientId.ToString(), kyc.mobile); //! SSA0101
                    var zipFileName = Path.Combine(uploads, kyc.name + "_" + kyc.mobile + "_kyc.zip"); //! SSA0101
                    string url = Path.Combine($"{HttpContext.Request.Scheme}://{HttpContext.Request.Host}", "images\\kyc\\", clientId.ToString(), kyc.mobile, kyc.name + "_" + kyc.mobile + "_kyc.zip");
                    System.IO.File.WriteAllBytes(zipFileName, zip);
                    return Json(new { url });
                }
            }
            """);
    }

    [Fact]
    public async Task CombineFromAUrlBase_ALiteralALocalOrAUri_IsALinkAsync()
    {
        await VerifyAsync("""
            public class Links
            {
                private const string Cdn = "https://cdn.example.com/avatars";

                public string Avatar(string email) => Path.Combine(Cdn, email + ".png");

                public string Host(HttpRequest request, string phoneNumber)
                {
                    var origin = request.Scheme + "://" + request.Host;
                    return Path.Combine(origin, "recordings", phoneNumber + ".wav");
                }

                public string Join(HttpRequest request, string customerEmail) =>
                    Path.Join(request.Host.Value, "files", customerEmail + ".pdf");

                public string FromUri(Uri baseUri, string lastName) =>
                    Path.Combine(baseUri.GetLeftPart(UriPartial.Authority), "reports", lastName + ".pdf");
            }
            """);
    }

    [Fact]
    public async Task AHelperThatReturnsALink_IsNotAPathHelperAsync()
    {
        await VerifyAsync("""
            public class Customer
            {
                public string Email { get; set; } = "";
            }

            public class Links
            {
                private readonly string _root = "C:\\data";

                private static string LinkFor(HttpRequest request, string key) =>
                    Path.Combine($"{request.Scheme}://{request.Host}", "statements", key + ".pdf");

                private string PathFor(string key) => Path.Combine(_root, "statements", key + ".pdf");

                public string Statement(HttpRequest request, Customer customer, byte[] pdf)
                {
                    File.WriteAllBytes(PathFor(customer.Email), pdf); //! SSA0101
                    return LinkFor(request, customer.Email);
                }
            }
            """);
    }

    [Fact]
    public async Task CombineFromAFileUrisLocalPath_OrAFolder_StaysAPathAsync()
    {
        await VerifyAsync("""
            public class Files
            {
                public void Save(Uri folder, string email, byte[] data)
                {
                    File.WriteAllBytes(Path.Combine(folder.LocalPath, email + ".bin"), data); //! SSA0101
                }

                public void Save(string root, string phoneNumber, byte[] data)
                {
                    var folder = root.Length > 0 ? root : "https://example.com";
                    File.WriteAllBytes(Path.Combine(folder, phoneNumber + ".wav"), data); //! SSA0101
                }
            }
            """);
    }
}
