using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Third-party libraries that write a document or an image to a path of their own (not through <c>System.IO</c>):
/// PDFsharp and PdfSharpCore (<c>PdfDocument.Save(path)</c>), MigraDoc (<c>PdfDocumentRenderer.Save(path)</c>),
/// System.Drawing (<c>Image.Save(filename)</c>, so <c>Bitmap.Save</c>), QuestPDF (<c>GeneratePdf(filePath)</c>),
/// ClosedXML (<c>XLWorkbook.SaveAs(file)</c>), iText 7 (<c>new PdfWriter(filename)</c>, which creates the file) and the
/// Open XML SDK (<c>WordprocessingDocument</c>/<c>SpreadsheetDocument</c>/<c>PresentationDocument.Create(path, …)</c>, a
/// package's <c>Clone(path)</c> and, before version 3, <c>SaveAs(path)</c>), Xceed DocX (<c>DocX.Create(filename)</c>,
/// <c>SaveAs(filename)</c>: <c>Novacode.DocX</c> before 1.1, <c>Xceed.Words.NET.DocX</c> after, whose <c>SaveAs</c> is
/// <c>Xceed.Document.NET.Document</c>'s from 1.4 on), EPPlus (<c>ExcelPackage.SaveAs(file)</c>, and <c>Save()</c> of a
/// package created over a file) and GemBox (<c>DocumentModel.Save(path)</c>, <c>ExcelFile.Save(path)</c>). Each is <see langword="null"/> when the compilation lacks it; the
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

    /// <summary>Xceed DocX before 1.1: <c>Novacode.DocX</c>, with <c>Create(filename)</c>, <c>SaveAs(filename)</c> of its own.</summary>
    public INamedTypeSymbol? NovacodeDocX => Get("Novacode.DocX");

    /// <summary>Xceed DocX 1.1 on: <c>Xceed.Words.NET.DocX.Create(filename)</c> (and, until 1.4, its own <c>SaveAs(filename)</c>).</summary>
    public INamedTypeSymbol? XceedDocX => Get("Xceed.Words.NET.DocX");

    /// <summary>Xceed DocX 1.4 on: the base of <c>DocX</c>, which declares <c>SaveAs(filename, password)</c>.</summary>
    public INamedTypeSymbol? XceedDocument => Get("Xceed.Document.NET.Document");

    /// <summary>EPPlus: <c>SaveAs(FileInfo file)</c> (and, from version 5, <c>SaveAs(string filePath)</c>), <c>Save()</c> to the file it was created over.</summary>
    public INamedTypeSymbol? EpplusExcelPackage => Get("OfficeOpenXml.ExcelPackage");

    /// <summary>GemBox.Document: <c>DocumentModel.Save(path[, options])</c>.</summary>
    public INamedTypeSymbol? GemBoxDocumentModel => Get("GemBox.Document.DocumentModel");

    /// <summary>GemBox.Spreadsheet: <c>ExcelFile.Save(path[, options])</c>.</summary>
    public INamedTypeSymbol? GemBoxExcelFile => Get("GemBox.Spreadsheet.ExcelFile");
}
