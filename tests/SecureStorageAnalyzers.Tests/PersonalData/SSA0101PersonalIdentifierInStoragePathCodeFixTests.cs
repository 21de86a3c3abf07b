using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.CodeFixes.PersonalData;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer,
    SecureStorageAnalyzers.CodeFixes.PersonalData.SSA0101PersonalIdentifierInStoragePathCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A fix never changes which file the program finds: a random name only where the program keeps the name it writes
/// and nothing rebuilds it, the configured pseudonymizer at every name built from the identifier or at none, and no fix
/// on a read. Each test asserts the whole fixed source, or that nothing is offered.
/// </summary>
public class SSA0101PersonalIdentifierInStoragePathCodeFixTests
{
    private const string PseudonymizerConfig = "root = true\n\n[*.cs]\nSSA0101.pseudonymization_methods = Privacy.Pseudonyms.For\n";

    [Fact]
    public async Task RandomName_WriteWhoseMintedPathIsReturned_ExactFixedSourceAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Recordings
            {
                public string Save(string callerPhoneNumber, string root, byte[] audio)
                {
                    var path = Path.Combine(root, [|callerPhoneNumber|] + ".mp3");
                    File.WriteAllBytes(path, audio);
                    return path;
                }
            }
            """, """
            class Recordings
            {
                public string Save(string callerPhoneNumber, string root, byte[] audio)
                {
                    var path = Path.Combine(root, Guid.NewGuid().ToString("N") + ".mp3");
                    File.WriteAllBytes(path, audio);
                    return path;
                }
            }
            """, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey);
    }

    [Fact]
    public async Task RandomName_WriteWhoseMintedPathIsStoredInAListOrMember_IsOfferedAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            class Scans
            {
                public string? Last { get; private set; }

                public void Save(string customerEmail, string root, byte[] scan, List<string> stored)
                {
                    var path = $"{root}/scans/{[|customerEmail|]}.pdf";
                    using (var stream = new FileStream(path, FileMode.CreateNew))
                    {
                        stream.Write(scan);
                    }

                    stored.Add(path);
                    Last = path;
                }
            }
            """, """
            class Scans
            {
                public string? Last { get; private set; }

                public void Save(string customerEmail, string root, byte[] scan, List<string> stored)
                {
                    var path = $"{root}/scans/{Guid.NewGuid().ToString("N")}.pdf";
                    using (var stream = new FileStream(path, FileMode.CreateNew))
                    {
                        stream.Write(scan);
                    }

                    stored.Add(path);
                    Last = path;
                }
            }
            """, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey);
    }

    [Fact]
    public async Task RandomName_MintedPathRoundTrip_CompiledAndRun_ReadsBackWhatItWroteAsync()
    {
        // The fixed code, compiled and executed: the kept name finds the file written under it.
        const string source = """
            public static class Recordings
            {
                public static string Save(string callerPhoneNumber, string root, byte[] audio)
                {
                    var path = System.IO.Path.Combine(root, callerPhoneNumber + ".mp3");
                    System.IO.File.WriteAllBytes(path, audio);
                    return path;
                }

                public static byte[] Load(string storedPath) => System.IO.File.ReadAllBytes(storedPath);
            }
            """;
        var (diagnostic, document) = await SingleFindingAsync(source, "callerPhoneNumber");
        var action = Assert.Single(await CodeFixOffers.ActionsAsync(document, diagnostic, new SSA0101PersonalIdentifierInStoragePathCodeFixProvider()));
        Assert.Equal(SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey, action.EquivalenceKey);
        var changed = (await action.GetOperationsAsync(CancellationToken.None)).OfType<Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation>().Single()
            .ChangedSolution.GetDocument(document.Id)!;
        var fixedText = (await changed.GetTextAsync()).ToString();
        Assert.DoesNotContain("callerPhoneNumber + \".mp3\"", fixedText, StringComparison.Ordinal);

        var type = await EmitAsync(changed.Project, "Recordings");
        var folder = Directory.CreateTempSubdirectory("ssa0101-").FullName;
        try
        {
            var stored = (string)type.GetMethod("Save")!.Invoke(null, ["+15551234567", folder, new byte[] { 1, 2, 3 }])!;
            Assert.DoesNotContain("15551234567", stored, StringComparison.Ordinal);
            Assert.Equal(new byte[] { 1, 2, 3 }, (byte[])type.GetMethod("Load")!.Invoke(null, [stored])!);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ThroughTheProjectsOwnHelper_NoFixAtTheCallAsync()
    {
        // The name is built in the helper: a random name at the call would change what every caller of PathFor gets.
        var offers = await CodeFixOffers.GetAsync("""
            class Caller { public string Phone { get; set; } = ""; }

            class Recordings
            {
                private static string PathFor(string key) => Path.Combine("/srv/recordings", key + ".wav");

                public string Save(Caller caller, byte[] audio)
                {
                    var path = PathFor(caller.Phone);
                    File.WriteAllBytes(path, audio);
                    return path;
                }
            }
            """, new SSA0101PersonalIdentifierInStoragePathAnalyzer(), new SSA0101PersonalIdentifierInStoragePathCodeFixProvider());
        var offer = Assert.Single(offers);
        Assert.Equal("true", offer.Diagnostic.Properties[SSA0101PersonalIdentifierInStoragePath.ThroughHelperProperty]);
        Assert.Empty(offer.EquivalenceKeys);
    }

    [Fact]
    public async Task WriteAndReadOfTheSameName_NoRandomNameOnEitherAsync()
    {
        // (a) The write keeps its path, but the read rebuilds the name from the same route value: a random name at the
        // write would leave the read looking for a file that never exists. Nothing is offered on either.
        var offers = await CodeFixOffers.GetAsync("""
            class Recordings
            {
                public string Save(string callerPhoneNumber, string root, byte[] audio)
                {
                    var path = Path.Combine(root, callerPhoneNumber + ".mp3");
                    File.WriteAllBytes(path, audio);
                    return path;
                }

                public byte[] Load(string callerPhoneNumber, string root) =>
                    File.ReadAllBytes(Path.Combine(root, callerPhoneNumber + ".mp3"));
            }
            """, new SSA0101PersonalIdentifierInStoragePathAnalyzer(), new SSA0101PersonalIdentifierInStoragePathCodeFixProvider());
        Assert.Equal(2, offers.Length);
        Assert.All(offers, offer => Assert.Empty(offer.EquivalenceKeys));
    }

    [Theory]
    [InlineData("""
        // A read of a name built elsewhere.
        class C { byte[] Load(string callerPhoneNumber, string root) => File.ReadAllBytes(Path.Combine(root, callerPhoneNumber + ".mp3")); }
        """)]
    [InlineData("""
        // An exists check and a delete.
        class C
        {
            void Forget(string callerPhoneNumber, string root)
            {
                if (File.Exists($"{root}/{callerPhoneNumber}.mp3")) File.Delete($"{root}/{callerPhoneNumber}.mp3");
            }
        }
        """)]
    [InlineData("""
        // A write whose name is thrown away: nothing could find the file again.
        class C { void Save(string callerPhoneNumber, string root, byte[] audio) => File.WriteAllBytes(Path.Combine(root, callerPhoneNumber + ".mp3"), audio); }
        """)]
    [InlineData("""
        // A cache: the exists check before the write finds the file of an earlier call by its name.
        class C
        {
            string Avatar(string email, string root, byte[] png)
            {
                var path = Path.Combine(root, email + ".png");
                if (!File.Exists(path)) File.WriteAllBytes(path, png);
                return path;
            }
        }
        """)]
    [InlineData("""
        // The minted path is kept, but a URL to the same file is built from the identifier too.
        class C
        {
            string Save(string callerPhoneNumber, string root, byte[] audio, List<string> urls)
            {
                var path = Path.Combine(root, callerPhoneNumber + ".mp3");
                File.WriteAllBytes(path, audio);
                urls.Add($"https://cdn.example.com/calls/{callerPhoneNumber}.mp3");
                return path;
            }
        }
        """)]
    public async Task NoRandomName_WhereTheProgramFindsTheFileByItsNameAsync(string source)
    {
        var offers = await CodeFixOffers.GetAsync(source, new SSA0101PersonalIdentifierInStoragePathAnalyzer(), new SSA0101PersonalIdentifierInStoragePathCodeFixProvider());
        Assert.NotEmpty(offers);
        Assert.All(offers, offer => Assert.Empty(offer.EquivalenceKeys));
    }

    [Fact]
    public async Task RandomName_NotOfferedWhereAStringDoesNotFitAsync()
    {
        // A phone number kept as a long: a string would not compile in its place, so no fix is offered.
        const string source = """
            class Recordings
            {
                public string Save(long phoneNumber, string root)
                {
                    var path = Path.Combine(root, [|phoneNumber|].ToString("D"));
                    File.Create(path).Dispose();
                    return path;
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, SSA0101PersonalIdentifierInStoragePathCodeFixProvider.UseRandomNameKey);
    }

    [Fact]
    public async Task Pseudonymizer_FixAll_RewritesWriteAndReadIdenticallyAsync()
    {
        // (b) Deterministic: applied at the write and at the read, the read finds the file the write made.
        var test = new VerifyCS.Test("""
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Recordings
            {
                public void Save(string callerPhoneNumber, string root, byte[] audio) =>
                    File.WriteAllBytes(Path.Combine(root, [|callerPhoneNumber|] + ".mp3"), audio);

                public byte[] Load(string callerPhoneNumber, string root) =>
                    File.ReadAllBytes(Path.Combine(root, [|callerPhoneNumber|] + ".mp3"));

                public void Forget(string callerPhoneNumber, string root) =>
                    File.Delete($"{root}/{[|callerPhoneNumber|]}.mp3");
            }
            """, """
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Recordings
            {
                public void Save(string callerPhoneNumber, string root, byte[] audio) =>
                    File.WriteAllBytes(Path.Combine(root, Privacy.Pseudonyms.For(callerPhoneNumber) + ".mp3"), audio);

                public byte[] Load(string callerPhoneNumber, string root) =>
                    File.ReadAllBytes(Path.Combine(root, Privacy.Pseudonyms.For(callerPhoneNumber) + ".mp3"));

                public void Forget(string callerPhoneNumber, string root) =>
                    File.Delete($"{root}/{Privacy.Pseudonyms.For(callerPhoneNumber)}.mp3");
            }
            """) { CodeActionEquivalenceKey = SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        // One action already changes every place: the first fix leaves nothing for the others.
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Pseudonymizer_OneFindingOfTwoIdentifiers_WrapsBothAtWriteAndReadAsync()
    {
        // One path built from a first and a last name is one finding; the fix changes both names, at the write and the read.
        var test = new VerifyCS.Test("""
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Letters
            {
                public void Save(string firstName, string lastName, string root, byte[] pdf) =>
                    File.WriteAllBytes(Path.Combine(root, [|firstName|], lastName + ".pdf"), pdf);

                public byte[] Load(string firstName, string lastName, string root) =>
                    File.ReadAllBytes(Path.Combine(root, [|firstName|], lastName + ".pdf"));
            }
            """, """
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Letters
            {
                public void Save(string firstName, string lastName, string root, byte[] pdf) =>
                    File.WriteAllBytes(Path.Combine(root, Privacy.Pseudonyms.For(firstName), Privacy.Pseudonyms.For(lastName) + ".pdf"), pdf);

                public byte[] Load(string firstName, string lastName, string root) =>
                    File.ReadAllBytes(Path.Combine(root, Privacy.Pseudonyms.For(firstName), Privacy.Pseudonyms.For(lastName) + ".pdf"));
            }
            """) { CodeActionEquivalenceKey = SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task RandomName_OneFindingOfTwoIdentifiers_IsNotOfferedAsync()
    {
        // One random name cannot stand for two identifiers: no action, even where the program keeps the name.
        var offers = await CodeFixOffers.GetAsync("""
            class Letters
            {
                public string Save(string firstName, string lastName, string root, byte[] pdf)
                {
                    var path = Path.Combine(root, firstName, lastName + ".pdf");
                    File.WriteAllBytes(path, pdf);
                    return path;
                }
            }
            """, new SSA0101PersonalIdentifierInStoragePathAnalyzer(), new SSA0101PersonalIdentifierInStoragePathCodeFixProvider());
        var offer = Assert.Single(offers);
        Assert.Empty(offer.EquivalenceKeys);
    }

    [Fact]
    public async Task Pseudonymizer_OneAction_ChangesTheReadInAnotherDocumentTooAsync()
    {
        var test = new VerifyCS.Test("""
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Exports
            {
                public void Write(string customerEmail) => File.WriteAllText($"exports/{[|customerEmail|]}.csv", "");
            }
            """, """
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Exports
            {
                public void Write(string customerEmail) => File.WriteAllText($"exports/{Privacy.Pseudonyms.For(customerEmail)}.csv", "");
            }
            """) { CodeActionEquivalenceKey = SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey };
        test.TestState.Sources.Add(("/0/Downloads.cs", """
            class Downloads
            {
                public string Read(string customerEmail) => File.ReadAllText($"exports/{[|customerEmail|]}.csv");
            }
            """));
        test.FixedState.Sources.Add(("/0/Downloads.cs", """
            class Downloads
            {
                public string Read(string customerEmail) => File.ReadAllText($"exports/{Privacy.Pseudonyms.For(customerEmail)}.csv");
            }
            """));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.NumberOfIncrementalIterations = 1;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Pseudonymizer_NotOfferedAnywhere_WhenOnePlaceCannotTakeItAsync()
    {
        // The URL to the same file is not a storage path, so the rule does not report it and no fix would change it:
        // pseudonymizing the write alone would break the link. None of the places gets the pseudonym.
        const string source = """
            namespace Privacy
            {
                public static class Pseudonyms { public static string For(string value) => value; }
            }

            class Recordings
            {
                public string Save(string callerPhoneNumber, string root, byte[] audio)
                {
                    File.WriteAllBytes(Path.Combine(root, [|callerPhoneNumber|] + ".mp3"), audio);
                    return $"https://calls.example.com/recordings/{callerPhoneNumber}.mp3";
                }
            }
            """;
        var test = new VerifyCS.Test(source, source) { CodeActionEquivalenceKey = SSA0101PersonalIdentifierInStoragePathCodeFixProvider.PseudonymizeKey };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", PseudonymizerConfig));
        await test.RunAsync();
    }

    private static async Task<(Diagnostic Diagnostic, Document Document)> SingleFindingAsync(string source, string identifier)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Run", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(TestReferences.AspNetCore)
            .AddDocument("Recordings.cs", source);
        var compilation = await document.Project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(
            new SSA0101PersonalIdentifierInStoragePathAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(identifier, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        return (diagnostic, document);
    }

    private static async Task<Type> EmitAsync(Project project, string typeName)
    {
        var compilation = await project.GetCompilationAsync();
        using var stream = new MemoryStream();
        EmitResult result = compilation!.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(stream.ToArray());
        return assembly.GetType(typeName)!;
    }
}
