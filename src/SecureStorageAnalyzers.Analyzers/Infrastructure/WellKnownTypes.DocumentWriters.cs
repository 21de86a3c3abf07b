using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Third-party libraries that write a document or an image to a path of their own (not through <c>System.IO</c>):
/// PDFsharp and PdfSharpCore (<c>PdfDocument.Save(path)</c>), MigraDoc (<c>PdfDocumentRenderer.Save(path)</c>),
/// System.Drawing (<c>Image.Save(filename)</c>, so <c>Bitmap.Save</c>), QuestPDF (<c>GeneratePdf(filePath)</c>),
/// ClosedXML (<c>XLWorkbook.SaveAs(file)</c>), iText 7 (<c>new PdfWriter(filename)</c>, which creates the file) and the
/// Open XML SDK (<c>WordprocessingDocument</c>/<c>SpreadsheetDocument</c>/<c>PresentationDocument.Create(path, …)</c>, a
/// package's <c>Clone(path)</c> and, before version 3, <c>SaveAs(path)</c>). Each is <see langword="null"/> when the compilation lacks it; the
/// storage sinks (<c>ValueFlow.StorageSinks</c>) read them once per compilation. NPOI writes through a
/// <c>FileStream</c> the code opens, which is a sink already, and so does iTextSharp 5 (<c>PdfWriter.GetInstance(document,
/// stream)</c>).
/// </summary>
internal sealed partial class WellKnownTypes
{
    public INamedTypeSymbol? PdfSharpPdfDocument => Get("PdfSharp.Pdf.PdfDocument");

    public INamedTypeSymbol? PdfSharpCorePdfDocument => Get("PdfSharpCore.Pdf.PdfDocument");

    public INamedTypeSymbol? MigraDocPdfDocumentRenderer => Get("MigraDoc.Rendering.PdfDocumentRenderer");

    public INamedTypeSymbol? SystemDrawingImage => Get("System.Drawing.Image");
    public INamedTypeSymbol? SystemDrawingBitmap => Get("System.Drawing.Bitmap");

    public INamedTypeSymbol? QuestPdfGenerateExtensions => Get("QuestPDF.Fluent.GenerateExtensions");

    public INamedTypeSymbol? ClosedXmlWorkbook => Get("ClosedXML.Excel.XLWorkbook");

    public INamedTypeSymbol? ClosedXmlIWorkbook => Get("ClosedXML.Excel.IXLWorkbook");

    public INamedTypeSymbol? ITextPdfWriter => Get("iText.Kernel.Pdf.PdfWriter");

    public INamedTypeSymbol? OpenXmlWordprocessingDocument => Get("DocumentFormat.OpenXml.Packaging.WordprocessingDocument");

    public INamedTypeSymbol? OpenXmlSpreadsheetDocument => Get("DocumentFormat.OpenXml.Packaging.SpreadsheetDocument");

    public INamedTypeSymbol? OpenXmlPresentationDocument => Get("DocumentFormat.OpenXml.Packaging.PresentationDocument");

    /// <summary>The base of the three packages: <c>Clone(path)</c> and <c>SaveAs(path)</c> are its instance methods before version 3.</summary>
    public INamedTypeSymbol? OpenXmlPackage => Get("DocumentFormat.OpenXml.Packaging.OpenXmlPackage");

    /// <summary>Version 3's <c>Clone(this OpenXmlPackage, string path, …)</c>.</summary>
    public INamedTypeSymbol? OpenXmlCloneableExtensions => Get("DocumentFormat.OpenXml.Packaging.CloneableExtensions");
}
