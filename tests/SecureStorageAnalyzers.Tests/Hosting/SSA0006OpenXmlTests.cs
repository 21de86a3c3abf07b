using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// The Open XML SDK's writes (held-out set 8: a lab's result document copied into <c>wwwroot/files</c> by
/// <c>WordprocessingDocument.Create</c>): creating a Word, Excel or PowerPoint package at a path and cloning one to a
/// path store a file; opening one that exists or reading a template does not. Version 3.3.0 is the real assembly; version
/// 2's instance <c>SaveAs(path)</c>/<c>Clone(path)</c> (gone in version 3) is declared by a stand-in with its namespace
/// and signatures.
/// </summary>
public class SSA0006OpenXmlTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), source,
            TestFramework.AspNetCore10WithDocumentWriters);

    /// <summary>A patient's result document copied to a new file under the web root, and its siblings in the other formats.</summary>
    [Fact]
    public Task PackagesCreatedOrClonedUnderWebRoot_ReportedAsync() => VerifyAsync("""
        using DocumentFormat.OpenXml;
        using DocumentFormat.OpenXml.Packaging;

        public class ResultDocuments(IWebHostEnvironment env)
        {
            public string Copy(string stored, string patient)
            {
                using var existing = WordprocessingDocument.Open(Path.Combine("wwwroot/files/", stored), false);
                var copy = Path.Combine("wwwroot/files/", $"{Guid.NewGuid()}.docx");
                using (var created = WordprocessingDocument.Create(copy, WordprocessingDocumentType.Document)) //! SSA0006
                {
                    foreach (var part in existing.Parts)
                    {
                        created.AddPart(part.OpenXmlPart, part.RelationshipId);
                    }
                }

                using var sheet = SpreadsheetDocument.Create(Path.Combine(env.WebRootPath, "results", $"{patient}.xlsx"), SpreadsheetDocumentType.Workbook); //! SSA0006
                using var slides = PresentationDocument.Create(Path.Combine(env.WebRootPath, "results", $"{patient}.pptx"), PresentationDocumentType.Presentation, true); //! SSA0006
                using var clone = existing.Clone(Path.Combine(env.WebRootPath, "results", $"{patient}.docx")); //! SSA0006
                using var editable = existing.Clone(Path.Combine(env.WebRootPath, "results", $"{patient}-edit.docx"), true); //! SSA0006
                return copy;
            }
        }
        """);

    /// <summary>
    /// Not a write that stores a file under the web root: a package created in a stream or under the content root, an
    /// existing one opened for editing (it changes a file already there), a template read, a clone into a stream.
    /// </summary>
    [Fact]
    public Task StreamsPrivateFoldersOpensAndTemplates_NotReportedAsync() => VerifyAsync("""
        using DocumentFormat.OpenXml;
        using DocumentFormat.OpenXml.Packaging;

        public class ResultDocuments(IWebHostEnvironment env)
        {
            public byte[] Export(string patient, Stream output)
            {
                using var buffer = new MemoryStream();
                using (var created = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document, true))
                {
                }

                using var kept = WordprocessingDocument.Create(Path.Combine(env.ContentRootPath, "App_Data", $"{patient}.docx"), WordprocessingDocumentType.Document);
                using var edited = WordprocessingDocument.Open(Path.Combine(env.WebRootPath, "results", $"{patient}.docx"), true);
                using var fromTemplate = WordprocessingDocument.CreateFromTemplate(Path.Combine(env.WebRootPath, "templates", "letter.dotx"));
                using var copied = fromTemplate.Clone(output);
                return buffer.ToArray();
            }
        }
        """);

    /// <summary>Version 2 of the SDK: a package saved or cloned to a path by its own instance methods.</summary>
    [Fact]
    public Task Version2SaveAsAndClone_ReportedAsync() =>
        LineFindings.VerifyWithLibraryAsync(new SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer(), """
            using DocumentFormat.OpenXml.Packaging;

            public class Contracts(IWebHostEnvironment env)
            {
                public void Keep(WordprocessingDocument contract, string customer, Stream download)
                {
                    contract.SaveAs(Path.Combine(env.WebRootPath, "contracts", $"{customer}.docx")); //! SSA0006
                    contract.Clone(Path.Combine(env.WebRootPath, "contracts", $"{customer}-copy.docx"), false); //! SSA0006
                    contract.Clone(download);
                    contract.SaveAs(Path.Combine(env.ContentRootPath, "contracts", $"{customer}.docx"));
                }
            }
            """, """
            using System.IO;

            namespace DocumentFormat.OpenXml.Packaging
            {
                public abstract class OpenXmlPackage
                {
                    public OpenXmlPackage SaveAs(string path) => this;
                    public OpenXmlPackage Clone(string path, bool isEditable) => this;
                    public OpenXmlPackage Clone(Stream stream) => this;
                }

                public class WordprocessingDocument : OpenXmlPackage
                {
                }
            }
            """, TestFramework.AspNetCore10);
    /// <summary>
    /// The web root handed to the project's own helper that creates the document at the path it is given: reported at
    /// the call, as for the other libraries' writes.
    /// </summary>
    [Fact]
    public Task WebRootHandedToAHelperThatCreatesTheDocument_ReportedAtTheCallAsync() => VerifyAsync("""
        using DocumentFormat.OpenXml;
        using DocumentFormat.OpenXml.Packaging;

        public class LabResults(IWebHostEnvironment env)
        {
            public void Publish(string patient)
            {
                WriteResult(Path.Combine(env.WebRootPath, "results", $"{patient}.docx")); //! SSA0006
                WriteResult(Path.Combine(env.ContentRootPath, "App_Data", $"{patient}.docx"));
            }

            private static void WriteResult(string filePath)
            {
                using var document = WordprocessingDocument.Create(filePath, WordprocessingDocumentType.Document);
            }
        }
        """);
}
