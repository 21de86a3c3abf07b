using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 shapes of held-out set 13: a <c>Path.Combine</c> whose only use is the address of an HTTP request
/// (<c>new Uri(…)</c>, an <c>HttpClient</c> call, an <c>HttpRequestMessage</c>) is a URL, not a storage path (issue #21);
/// the same <c>Path.Combine</c> handed to a file call stays reported.
/// </summary>
public class SSA0101HeldOut13Tests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    [Fact]
    public async Task CombineIntoNewUri_OfAVaultRequest_IsNotReportedAsync()
    {
        // SpDev17/S3WebApi Helpers/VaultServiceHelper.cs:94.
        await VerifyAsync("""
            using System.Net.Http;

            public class VaultServiceHelper
            {
                private readonly string _vaultUsername = Environment.GetEnvironmentVariable("VAULT_USERNAME") ?? "";

                public HttpRequestMessage Token(string secretsNamespace, Uri tokenEndPoint) =>
                    GetRequest(secretsNamespace, new Uri(Path.Combine(tokenEndPoint.ToString(), _vaultUsername)));

                private static HttpRequestMessage GetRequest(string ns, Uri uri) => new HttpRequestMessage(HttpMethod.Post, uri);
            }
            """);
    }

    [Fact]
    public async Task CombineOfAnEmail_OnlyUsedAsAnHttpAddress_IsNotReportedAsync()
    {
        await VerifyAsync("""
            using System.Net.Http;

            public class ProfileClient
            {
                private readonly HttpClient _client = new();

                public async Task<string> Profile(string email)
                {
                    var url = Path.Combine("https://api.example.com/profiles", email);
                    return await _client.GetStringAsync(url);
                }

                public HttpRequestMessage Request(string email) =>
                    new HttpRequestMessage(HttpMethod.Get, Path.Combine("https://api.example.com/profiles", email));

                public Uri Address(string email) => new Uri(Path.Combine("https://api.example.com/profiles", email));
            }
            """);
    }

    [Fact]
    public async Task CombineOfAnEmail_IntoAFileWrite_StaysReportedAsync()
    {
        await VerifyAsync("""
            public class Exporter
            {
                public void Save(string email, string text)
                {
                    {|#1:File.WriteAllText(Path.Combine("exports", {|#0:email|}), text)|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("email", "an e-mail address", "its name 'email'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task CombineOfAnEmail_InALocalUsedAsAUriAndAFile_StaysReportedAsync()
    {
        await VerifyAsync("""
            public class Exporter
            {
                public Uri Save(string email, string text)
                {
                    var path = {|#1:Path.Combine("exports", {|#0:email|})|};
                    File.WriteAllText(path, text);
                    return new Uri(path);
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("email", "an e-mail address", "its name 'email'", "Path.Combine", ""));
    }
}
