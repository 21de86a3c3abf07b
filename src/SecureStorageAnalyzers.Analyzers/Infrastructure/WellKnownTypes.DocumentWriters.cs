using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Third-party libraries that write a document or an image to a path of their own (not through <c>System.IO</c>):
/// PDFsharp and PdfSharpCore (<c>PdfDocument.Save(path)</c>), MigraDoc (<c>PdfDocumentRenderer.Save(path)</c>),
/// System.Drawing (<c>Image.Save(filename)</c>, so <c>Bitmap.Save</c>), QuestPDF (<c>GeneratePdf(filePath)</c>),
/// ClosedXML (<c>XLWorkbook.SaveAs(file)</c>) and iText 7 (<c>new PdfWriter(filename)</c>, which creates the file). Each is <see langword="null"/> when the compilation lacks it; the
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

    public INamedTypeSymbol? QuestPdfGenerateExtensions => Get("QuestPDF.Fluent.GenerateExtensions");

    public INamedTypeSymbol? ClosedXmlWorkbook => Get("ClosedXML.Excel.XLWorkbook");

    public INamedTypeSymbol? ClosedXmlIWorkbook => Get("ClosedXML.Excel.IXLWorkbook");

    public INamedTypeSymbol? ITextPdfWriter => Get("iText.Kernel.Pdf.PdfWriter");
}
