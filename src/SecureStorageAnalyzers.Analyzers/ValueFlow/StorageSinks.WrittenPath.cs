using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Where a call writes a file (SSA0006, SSA0009): the written path of File, FileInfo, FileStream, StreamWriter and posted-file
// calls, and of the document and image libraries that save to a path themselves (PDFsharp, MigraDoc, System.Drawing,
// QuestPDF, ClosedXML, iText 7, the Open XML SDK).
internal sealed partial class StorageSinks
{
    private readonly SymbolSet<INamedTypeSymbol> _pdfDocuments;
    private readonly INamedTypeSymbol? _image;
    private readonly INamedTypeSymbol? _questPdfGenerate;
    private readonly SymbolSet<INamedTypeSymbol> _workbooks;
    private readonly INamedTypeSymbol? _pdfWriter;
    private readonly SymbolSet<INamedTypeSymbol> _openXmlDocuments;
    private readonly SymbolSet<INamedTypeSymbol> _openXmlCopies;

    /// <summary>The types whose calls and creations <see cref="WrittenPath"/> looks at.</summary>
    public System.Collections.Generic.IEnumerable<INamedTypeSymbol> WritingTypes =>
        Symbols.NonNull(_file, _fileInfo, _fileStream, _streamWriter, _postedFile, _postedFileBase, _fileUpload, _image, _questPdfGenerate, _pdfWriter)
            .Concat(_pdfDocuments).Concat(_workbooks).Concat(_openXmlDocuments).Concat(_openXmlCopies);

    /// <summary>
    /// The value a call writes a file at, or null when the call writes nothing: <c>File.Write*</c>/<c>Append*</c>/
    /// <c>Create*</c>/<c>OpenWrite</c>, the destination of <c>File.Copy</c>/<c>Move</c>/<c>Replace</c>, <c>File.Open</c> and
    /// <c>new FileStream</c> with a mode that creates (see <see cref="OpensForWriting"/>), <c>new StreamWriter(path)</c>, and <c>FileInfo</c>'s
    /// <c>Create</c>/<c>CreateText</c>/<c>OpenWrite</c>/<c>AppendText</c> (the receiver) and <c>CopyTo</c>/<c>MoveTo</c>
    /// (the destination); iText 7's <c>new PdfWriter(filename)</c> creates the file it is given.
    /// </summary>
    public IOperation? WrittenPath(IOperation call)
    {
        switch (call)
        {
            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType is { } type:
                var method = invocation.TargetMethod;
                if (SymbolEqualityComparer.Default.Equals(type, _file))
                {
                    return method.Name switch
                    {
                        "Copy" or "Move" => invocation.Arguments.Argument("destFileName"),
                        "Replace" => invocation.Arguments.Argument("destinationFileName"),
                        "Open" => OpensForWriting(invocation.Arguments) ? invocation.Arguments.Argument("path") : null,
                        _ when method.Name.StartsWith("Write", StringComparison.Ordinal) ||
                               method.Name.StartsWith("Append", StringComparison.Ordinal) ||
                               method.Name is "Create" or "CreateText" or "OpenWrite" => invocation.Arguments.Argument("path"),
                        _ => null,
                    };
                }

                // Classic ASP.NET: an upload saved where the caller says (HttpPostedFileWrapper.SaveAs overrides the base's;
                // the Web Forms FileUpload control saves its posted file with a SaveAs of its own).
                if (method.Name == "SaveAs" && (WellKnownTypes.DerivesFrom(type, _postedFile) || WellKnownTypes.DerivesFrom(type, _postedFileBase) ||
                                                WellKnownTypes.DerivesFrom(type, _fileUpload)))
                {
                    return invocation.Arguments.Argument("filename");
                }

                if (SymbolEqualityComparer.Default.Equals(type, _fileInfo))
                {
                    return method.Name switch
                    {
                        "Create" or "CreateText" or "OpenWrite" or "AppendText" => invocation.Instance,
                        "Open" => OpensForWriting(invocation.Arguments) ? invocation.Instance : null,
                        "CopyTo" or "MoveTo" => invocation.Arguments.Argument("destFileName"),
                        _ => null,
                    };
                }

                return DocumentWrittenPath(invocation, type.OriginalDefinition);

            case IObjectCreationOperation creation:
                if (SymbolEqualityComparer.Default.Equals(creation.Type, _streamWriter))
                {
                    return creation.Arguments.Argument("path");
                }

                if (SymbolEqualityComparer.Default.Equals(creation.Type, _fileStream) && OpensForWriting(creation.Arguments))
                {
                    return creation.Arguments.Argument("path");
                }

                // iText 7: new PdfWriter(filename[, properties]); its Stream and FileInfo overloads write where those were opened.
                if (SymbolEqualityComparer.Default.Equals(creation.Type, _pdfWriter))
                {
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter is { Type.SpecialType: SpecialType.System_String })
                        {
                            return argument.Value;
                        }
                    }
                }

                return null;

            default:
                return null;
        }
    }

    /// <summary>
    /// A document or image saved by its library to a path (the first string argument; an overload that takes a stream
    /// writes where the code opened it, a sink of its own): <c>PdfDocument.Save(path)</c>/<c>SaveAsync(path)</c> (PDFsharp, PdfSharpCore),
    /// MigraDoc's <c>PdfDocumentRenderer.Save(path)</c>, <c>Image.Save(filename)</c> (<c>Bitmap</c> too),
    /// QuestPDF's <c>GeneratePdf</c>/<c>GenerateXps(filePath)</c>, ClosedXML's <c>SaveAs(file)</c>; the Open XML SDK's
    /// <c>WordprocessingDocument</c>/<c>SpreadsheetDocument</c>/<c>PresentationDocument.Create(path, …)</c> (which creates
    /// the file), a package's <c>Clone(path, …)</c> (version 3's extension, version 2's instance method) and version 2's
    /// <c>SaveAs(path)</c>. <c>Open(path, true)</c> changes a file already there and <c>CreateFromTemplate(path)</c> reads
    /// one: not writes that store a file.
    /// </summary>
    private IOperation? DocumentWrittenPath(IInvocationOperation invocation, INamedTypeSymbol type)
    {
        var name = invocation.TargetMethod.Name;
        var writes = name switch
        {
            "Save" => _pdfDocuments.Contains(type) || SymbolEqualityComparer.Default.Equals(type, _image),
            "SaveAsync" => _pdfDocuments.Contains(type),
            "GeneratePdf" or "GenerateXps" => SymbolEqualityComparer.Default.Equals(type, _questPdfGenerate),
            "SaveAs" => _workbooks.Contains(type) || _openXmlCopies.Contains(type),
            "Create" => _openXmlDocuments.Contains(type),
            "Clone" => _openXmlCopies.Contains(type),
            _ => false,
        };
        if (!writes)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String })
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// An open that can store a new file: a <c>FileMode</c> that creates (<c>CreateNew</c>, <c>Create</c>,
    /// <c>OpenOrCreate</c>, <c>Append</c>), given as a constant or as the <c>Mode</c> of a <c>FileStreamOptions</c>
    /// created in the call. <c>Open</c> and <c>Truncate</c> throw when the file is missing, so they only change a file that
    /// is already there (a secure erase overwrites and deletes it): not a write that stores one, whatever the access.
    /// A mode that is not a constant is judged by the access: write access counts as a write. An access given as a
    /// constant without write (<c>FileAccess.Read</c>, as an argument or as the options' <c>Access</c>) writes nothing
    /// whatever the mode: <c>OpenOrCreate</c> then creates at most an empty file, and the other creating modes throw.
    /// With no access given, a creating mode opens for writing (the constructors' default is <c>ReadWrite</c>): a write.
    /// </summary>
    private bool OpensForWriting(ImmutableArray<IArgumentOperation> arguments)
    {
        int? mode = null;
        var modeGiven = false;
        var writeAccess = false;
        var readOnly = false;
        foreach (var argument in arguments)
        {
            var value = argument.Value;
            if (value.Type is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(value.Type, _fileMode))
            {
                modeGiven = true;
                mode = value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
            }
            else if (SymbolEqualityComparer.Default.Equals(value.Type, _fileAccess))
            {
                var access = value.ConstantValue is { HasValue: true, Value: int constant } ? constant : (int?)null;
                writeAccess |= access is { } written && (written & 2) != 0;
                readOnly |= access is { } given && (given & 2) == 0;
            }
            else if (SymbolEqualityComparer.Default.Equals(value.Type, _fileStreamOptions))
            {
                // new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write }; its Mode defaults to Open.
                modeGiven = true;
                var options = value.WithoutConversions();
                mode = OptionsMode(options);
                readOnly |= OptionsAccess(options) is { } access && (access & 2) == 0;
            }
        }

        if (readOnly)
        {
            return false;
        }

        // FileMode: CreateNew = 1, Create = 2, Open = 3, OpenOrCreate = 4, Truncate = 5, Append = 6. FileAccess: Read = 1, Write = 2, ReadWrite = 3.
        return modeGiven
            ? mode is { } known ? known is 1 or 2 or 4 or 6 : writeAccess
            : writeAccess;
    }

    /// <summary>
    /// The <c>Access</c> of a <c>FileStreamOptions</c> created in place when it is set to a constant; null otherwise
    /// (its default, <c>Read</c>, is not taken: with a creating mode the open throws, it is not a write that is silenced here).
    /// </summary>
    private int? OptionsAccess(IOperation options)
    {
        if (options is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var initialized in initializer.Initializers)
            {
                if (initialized is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Access" } } assignment &&
                    SymbolEqualityComparer.Default.Equals(assignment.Value.Type, _fileAccess))
                {
                    return assignment.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
                }
            }
        }

        return null;
    }

    /// <summary>The constant <c>Mode</c> of a <c>FileStreamOptions</c> created in place (Open, 3, when not set); null otherwise.</summary>
    private int? OptionsMode(IOperation options)
    {
        if (options is not IObjectCreationOperation creation)
        {
            return null;
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var initialized in initializer.Initializers)
            {
                if (initialized is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Mode" } } assignment &&
                    SymbolEqualityComparer.Default.Equals(assignment.Value.Type, _fileMode))
                {
                    return assignment.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
                }
            }
        }

        return 3;
    }
}
