using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.StoragePaths;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.StoragePaths.SSA0101PersonalIdentifierInStoragePathAnalyzer,
    SecureStorageAnalyzers.CodeFixes.StoragePaths.SSA0101PersonalIdentifierInStoragePathCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.StoragePaths;

public class SSA0101PersonalIdentifierInStoragePathCodeFixTests
{
    [Fact]
    public async Task RandomName_ReplacesEveryIdentifier_FixAllAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Recordings
            {
                public void Save(string callerPhoneNumber, string email, string root, byte[] audio)
                {
                    File.WriteAllBytes(Path.Combine(root, [|callerPhoneNumber|] + ".mp3"), audio);
                    File.WriteAllText($"{root}/mail/{[|email|]}.txt", "");
                }
            }
            """, """
            class Recordings
            {
                public void Save(string callerPhoneNumber, string email, string root, byte[] audio)
                {
                    File.WriteAllBytes(Path.Combine(root, Path.GetRandomFileName() + ".mp3"), audio);
                    File.WriteAllText($"{root}/mail/{Path.GetRandomFileName()}.txt", "");
                }
            }
            """, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey);
    }

    [Fact]
    public async Task RandomName_NotOfferedWhereAStringDoesNotFitAsync()
    {
        // A phone number kept as a long: Path.GetRandomFileName() would not compile in its place, so no fix is offered.
        const string source = """
            class Recordings
            {
                public void Save(long phoneNumber, string root) =>
                    File.Create(Path.Combine(root, [|phoneNumber|].ToString("D")));
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey);
    }

    [Fact]
    public async Task ConfiguredPseudonymizer_WrapsTheIdentifier_FixAllAcrossDocumentsAsync()
    {
        var test = new VerifyCS.Test("""
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Recordings
            {
                public void Save(string callerPhoneNumber, string root) =>
                    File.Create(Path.Combine(root, [|callerPhoneNumber|] + ".mp3"));
            }
            """, """
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Recordings
            {
                public void Save(string callerPhoneNumber, string root) =>
                    File.Create(Path.Combine(root, Privacy.Pseudonyms.For(callerPhoneNumber) + ".mp3"));
            }
            """) { CodeActionEquivalenceKey = SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey };
        test.TestState.Sources.Add(("/0/Exports.cs", """
            class Exports
            {
                public void Write(string customerEmail) => File.WriteAllText($"exports/{[|customerEmail|]}.csv", "");
            }
            """));
        test.FixedState.Sources.Add(("/0/Exports.cs", """
            class Exports
            {
                public void Write(string customerEmail) => File.WriteAllText($"exports/{Privacy.Pseudonyms.For(customerEmail)}.csv", "");
            }
            """));
        const string config = "root = true\n\n[*.cs]\nSSA0101.pseudonymization_methods = Privacy.Pseudonyms.For\n";
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        await test.RunAsync();
    }
}
