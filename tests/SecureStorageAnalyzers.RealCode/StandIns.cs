// Stand-ins for document libraries the NuGet mirror does not serve (Projects.cs StandInPackages). Not compiled into the
// check itself: the check compiles one section of this file (the #if symbol of a package) into an assembly of its own and
// hands it to each project that references that package, as the package's assembly would be. Namespaces, type names and
// the signatures the rules read (a document saved to a path or a stream, and the few members the code around a save
// needs to bind: a license setting, a document's creation); no bodies that do anything. A member missing here binds to
// nothing, as without the package; a member declared here binds as in a real build. Written from the libraries'
// documented public API, not copied.
#nullable enable
#pragma warning disable CS8618, CS0067

#if QUESTPDF
// QuestPDF (2022.x on): Document.Create(handler)[.WithMetadata(metadata)].GeneratePdf(filePath), GenerateExtensions on IDocument.
namespace QuestPDF
{
    public static class Settings
    {
        public static QuestPDF.Infrastructure.LicenseType? License { get; set; }
    }
}

namespace QuestPDF.Infrastructure
{
    public enum LicenseType
    {
        Community,
        Professional,
        Enterprise,
    }

    public interface IDocumentContainer
    {
    }

    public interface IContainer
    {
    }

    public interface IDocument
    {
        void Compose(IDocumentContainer container);
    }

    public class DocumentMetadata
    {
        public string? Title { get; set; }
        public string? Author { get; set; }
        public string? Subject { get; set; }
        public string? Keywords { get; set; }
        public string? Creator { get; set; }
        public string? Producer { get; set; }
        public System.DateTimeOffset CreationDate { get; set; }
        public System.DateTimeOffset ModifiedDate { get; set; }
    }
}

namespace QuestPDF.Fluent
{
    public class Document : QuestPDF.Infrastructure.IDocument
    {
        private Document()
        {
        }

        public static Document Create(System.Action<QuestPDF.Infrastructure.IDocumentContainer> handler) => new();

        public Document WithMetadata(QuestPDF.Infrastructure.DocumentMetadata metadata) => this;

        public void Compose(QuestPDF.Infrastructure.IDocumentContainer container)
        {
        }
    }

    public static class GenerateExtensions
    {
        public static byte[] GeneratePdf(this QuestPDF.Infrastructure.IDocument document) => System.Array.Empty<byte>();

        public static void GeneratePdf(this QuestPDF.Infrastructure.IDocument document, string filePath)
        {
        }

        public static void GeneratePdf(this QuestPDF.Infrastructure.IDocument document, System.IO.Stream stream)
        {
        }

        public static void GeneratePdfAndShow(this QuestPDF.Infrastructure.IDocument document)
        {
        }

        public static byte[] GenerateXps(this QuestPDF.Infrastructure.IDocument document) => System.Array.Empty<byte>();

        public static void GenerateXps(this QuestPDF.Infrastructure.IDocument document, string filePath)
        {
        }

        public static void GenerateXps(this QuestPDF.Infrastructure.IDocument document, System.IO.Stream stream)
        {
        }
    }
}
#endif

#if PDFSHARPCORE
// PdfSharpCore: PdfDocument.Save(path) / Save(stream[, closeStream]), PdfReader.Open(path | stream, mode).
namespace PdfSharpCore.Pdf
{
    public class PdfPage
    {
    }

    public class PdfDocument : System.IDisposable
    {
        public PdfDocument()
        {
        }

        public int PageCount => 0;

        public PdfPage AddPage() => new();

        public void Save(string path)
        {
        }

        public void Save(System.IO.Stream stream)
        {
        }

        public void Save(System.IO.Stream stream, bool closeStream)
        {
        }

        public void Close()
        {
        }

        public void Dispose()
        {
        }
    }
}

namespace PdfSharpCore.Pdf.IO
{
    public enum PdfDocumentOpenMode
    {
        Modify,
        Import,
        ReadOnly,
        InformationOnly,
    }

    public static class PdfReader
    {
        public static PdfSharpCore.Pdf.PdfDocument Open(string path) => new();

        public static PdfSharpCore.Pdf.PdfDocument Open(string path, PdfDocumentOpenMode openmode) => new();

        public static PdfSharpCore.Pdf.PdfDocument Open(System.IO.Stream stream) => new();

        public static PdfSharpCore.Pdf.PdfDocument Open(System.IO.Stream stream, PdfDocumentOpenMode openmode) => new();
    }
}
#endif

#if MIGRADOC
// MigraDoc (PDFsharp-MigraDoc; compiled against the real PDFsharp, whose PdfDocument the renderer hands out):
// PdfDocumentRenderer.Save(path) / Save(stream, closeStream), renderer.PdfDocument.Save(path).
namespace MigraDoc.DocumentObjectModel
{
    public class Paragraph
    {
        public void AddText(string text)
        {
        }
    }

    public class Section
    {
        public Paragraph AddParagraph() => new();

        public Paragraph AddParagraph(string paragraphText) => new();
    }

    public class Document
    {
        public Section AddSection() => new();

        public Document Clone() => new();
    }
}

namespace MigraDoc.Rendering
{
    public class PdfDocumentRenderer
    {
        public PdfDocumentRenderer()
        {
        }

        public PdfDocumentRenderer(bool unicode)
        {
        }

        public MigraDoc.DocumentObjectModel.Document Document { get; set; }

        public PdfSharp.Pdf.PdfDocument PdfDocument { get; set; }

        public void RenderDocument()
        {
        }

        public void Save(string path)
        {
        }

        public void Save(System.IO.Stream stream, bool closeStream)
        {
        }
    }
}
#endif

#if DOCX
// Xceed DocX: Novacode.DocX before 1.1; Xceed.Words.NET.DocX after, whose SaveAs is Xceed.Document.NET.Document's from 1.4.
// DocX.Create(filename) names the file Save() writes; SaveAs(filename) writes where it says; Load reads.
namespace Xceed.Document.NET
{
    public enum DocumentTypes
    {
        Document,
        Template,
    }

    public class Paragraph
    {
        public Paragraph Append(string text) => this;
    }

    public class Document : System.IDisposable
    {
        public System.Collections.Generic.List<Paragraph> Paragraphs { get; } = new();

        public Paragraph InsertParagraph() => new();

        public Paragraph InsertParagraph(string text) => new();

        public virtual void ReplaceText(string searchValue, string newValue, bool trackChanges = false)
        {
        }

        public virtual void Save(string password = "")
        {
        }

        public virtual void SaveAs(string filename, string password = "")
        {
        }

        public virtual void SaveAs(System.IO.Stream stream, string password = "")
        {
        }

        public void Dispose()
        {
        }
    }
}

namespace Xceed.Words.NET
{
    public class DocX : Xceed.Document.NET.Document
    {
        private DocX()
        {
        }

        public static DocX Create(string filename, Xceed.Document.NET.DocumentTypes documentType = Xceed.Document.NET.DocumentTypes.Document) => new();

        public static DocX Create(System.IO.Stream stream, Xceed.Document.NET.DocumentTypes documentType = Xceed.Document.NET.DocumentTypes.Document) => new();

        public static DocX Load(string filename) => new();

        public static DocX Load(System.IO.Stream stream) => new();
    }
}

namespace Novacode
{
    public enum DocumentTypes
    {
        Document,
        Template,
    }

    public class Paragraph
    {
        public Paragraph Append(string text) => this;
    }

    public class DocX : System.IDisposable
    {
        private DocX()
        {
        }

        public static DocX Create(string filename, DocumentTypes documentType = DocumentTypes.Document) => new();

        public static DocX Create(System.IO.Stream stream, DocumentTypes documentType = DocumentTypes.Document) => new();

        public static DocX Load(string filename) => new();

        public static DocX Load(System.IO.Stream stream) => new();

        public System.Collections.Generic.List<Paragraph> Paragraphs { get; } = new();

        public Paragraph InsertParagraph() => new();

        public Paragraph InsertParagraph(string text) => new();

        public void ReplaceText(string searchValue, string newValue, bool trackChanges = false)
        {
        }

        public void Save()
        {
        }

        public void SaveAs(string filename)
        {
        }

        public void SaveAs(System.IO.Stream stream)
        {
        }

        public void Dispose()
        {
        }
    }
}
#endif

#if GEMBOX_DOCUMENT
// GemBox.Document: DocumentModel.Load(path) reads, Save(path[, options]) writes, Save(stream, options) writes to the stream.
namespace GemBox.Document
{
    public static class ComponentInfo
    {
        public static void SetLicense(string serialKey)
        {
        }
    }

    public abstract class SaveOptions
    {
        public static SaveOptions DocxDefault => null!;

        public static SaveOptions PdfDefault => null!;
    }

    public sealed class DocumentModel
    {
        public static DocumentModel Load(string path) => new();

        public static DocumentModel Load(System.IO.Stream stream) => new();

        public void Save(string path)
        {
        }

        public void Save(string path, SaveOptions options)
        {
        }

        public void Save(System.IO.Stream stream, SaveOptions options)
        {
        }
    }
}
#endif

#if GEMBOX_SPREADSHEET
// GemBox.Spreadsheet: ExcelFile.Load(path) reads, Save(path[, options]) writes, Save(stream, options) writes to the stream.
namespace GemBox.Spreadsheet
{
    public static class SpreadsheetInfo
    {
        public static void SetLicense(string serialKey)
        {
        }
    }

    public abstract class SaveOptions
    {
        public static SaveOptions XlsxDefault => null!;

        public static SaveOptions PdfDefault => null!;
    }

    public sealed class ExcelFile
    {
        public static ExcelFile Load(string path) => new();

        public static ExcelFile Load(System.IO.Stream stream) => new();

        public void Save(string path)
        {
        }

        public void Save(string path, SaveOptions options)
        {
        }

        public void Save(System.IO.Stream stream, SaveOptions options)
        {
        }
    }
}
#endif
