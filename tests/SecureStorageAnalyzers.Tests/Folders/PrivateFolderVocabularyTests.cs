using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>Issue #21: SSA0001's private-folder words match stems and inflections, word by word, and nothing else.</summary>
public class PrivateFolderVocabularyTests
{
    [Theory]
    [InlineData("UploadedFiles", "Uploaded")]
    [InlineData("user-uploads", "uploads")]
    [InlineData("uploading", "uploading")]
    [InlineData("Recording", "Recording")]
    [InlineData("CallRecordings", "Call")]
    [InlineData("recorded_calls", "recorded")]
    [InlineData("attachments", "attachments")]
    [InlineData("wwwroot/exported", "exported")]
    [InlineData("ScannedInvoices", "Scanned")]
    [InlineData("archived", "archived")]
    [InlineData("archiving", "archiving")]
    [InlineData("logging", "logging")]
    [InlineData("App_Data", "Data")]
    [InlineData("PDFReports", "Reports")]
    [InlineData("voicemails", "voicemails")]
    public void PrivateWords_MatchByStemAndInflection(string name, string word) =>
        Assert.Equal(word, PrivateFolderVocabulary.Create(string.Empty).FindWord(name));

    /// <summary>"documents" is not private by default (real code served help and demo files so); a project can add it.</summary>
    [Fact]
    public void Documents_IsPrivateOnlyWhenConfigured()
    {
        Assert.Null(PrivateFolderVocabulary.Create(string.Empty).FindWord("Documents"));
        Assert.Equal("Documents", PrivateFolderVocabulary.Create("documents").FindWord("Documents"));
    }

    [Theory]
    [InlineData("css")]
    [InlineData("js")]
    [InlineData("lib")]
    [InlineData("images")]
    [InlineData("img")]
    [InlineData("assets")]
    [InlineData("fonts")]
    [InlineData("dist")]
    [InlineData("wwwroot")]
    [InlineData("public")]
    [InlineData("static")]
    [InlineData("MyStaticFiles")]
    [InlineData("logo")]
    [InlineData("logos")]
    [InlineData("login")]
    [InlineData("catalog")]
    [InlineData("blog")]
    [InlineData("documentation")]
    [InlineData("Documents")]
    [InlineData("doc")]
    [InlineData("docs")]
    [InlineData("callback")]
    [InlineData("recall")]
    [InlineData("database")]
    [InlineData("scandal")]
    [InlineData("favicon.ico")]
    public void SiteAssetsAndLookAlikes_AreNotPrivate(string name) =>
        Assert.Null(PrivateFolderVocabulary.Create(string.Empty).FindWord(name));

    [Fact]
    public void ConfiguredWords_AreStemsToo()
    {
        var vocabulary = PrivateFolderVocabulary.Create("dossiers, casefile");
        Assert.Equal("Dossier", vocabulary.FindWord("Dossier"));
        Assert.Equal("casefiles", vocabulary.FindWord("/srv/casefiles"));
        Assert.Null(PrivateFolderVocabulary.Create(string.Empty).FindWord("dossiers"));
    }

    [Fact]
    public async Task InflectedFolderName_IsReported_AndTheMessageSaysWhichWordAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "UploadedFiles")) })|};
            app.{|#1:UseStaticFiles("/user-uploads")|};
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "assets")), RequestPath = "/static" });
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(0)
                .WithArguments("UseStaticFiles", "a private folder", "the word 'Uploaded' in 'UploadedFiles'", "it runs before UseAuthorization(), or with none"),
            VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(1)
                .WithArguments("UseStaticFiles", "a private folder", "the word 'uploads' in '/user-uploads'", "it runs before UseAuthorization(), or with none"));
    }
}
