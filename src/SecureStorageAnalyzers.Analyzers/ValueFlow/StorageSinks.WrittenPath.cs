using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Where a call writes a file (SSA0006, SSA0009): the written path of File, FileInfo, FileStream, StreamWriter and posted-file
// calls, and of the document and image libraries that save to a path themselves (PDFsharp, MigraDoc, System.Drawing,
// QuestPDF, ClosedXML).
internal sealed partial class StorageSinks
{
    private readonly SymbolSet<INamedTypeSymbol> _pdfDocuments;
    private readonly INamedTypeSymbol? _image;
    private readonly INamedTypeSymbol? _questPdfGenerate;
    private readonly SymbolSet<INamedTypeSymbol> _workbooks;

    /// <summary>The types whose calls and creations <see cref="WrittenPath"/> looks at.</summary>
    public System.Collections.Generic.IEnumerable<INamedTypeSymbol> WritingTypes =>
        Symbols.NonNull(_file, _fileInfo, _fileStream, _streamWriter, _postedFile, _postedFileBase, _image, _questPdfGenerate)
            .Concat(_pdfDocuments).Concat(_workbooks);

    /// <summary>
    /// The value a call writes a file at, or null when the call writes nothing: <c>File.Write*</c>/<c>Append*</c>/
    /// <c>Create*</c>/<c>OpenWrite</c>, the destination of <c>File.Copy</c>/<c>Move</c>/<c>Replace</c>, <c>File.Open</c> and
    /// <c>new FileStream</c> with a creating mode or write access, <c>new StreamWriter(path)</c>, and <c>FileInfo</c>'s
    /// <c>Create</c>/<c>CreateText</c>/<c>OpenWrite</c>/<c>AppendText</c> (the receiver) and <c>CopyTo</c>/<c>MoveTo</c>
    /// (the destination).
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

                // Classic ASP.NET: an upload saved where the caller says (HttpPostedFileWrapper.SaveAs overrides the base's).
                if (method.Name == "SaveAs" && (WellKnownTypes.DerivesFrom(type, _postedFile) || WellKnownTypes.DerivesFrom(type, _postedFileBase)))
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

                return null;

            default:
                return null;
        }
    }

    /// <summary>
    /// A document or image saved by its library to a path (the first string argument; an overload that takes a stream
    /// writes where the code opened it, a sink of its own): <c>PdfDocument.Save(path)</c>/<c>SaveAsync(path)</c> (PDFsharp, PdfSharpCore),
    /// MigraDoc's <c>PdfDocumentRenderer.Save(path)</c>, <c>Image.Save(filename)</c> (<c>Bitmap</c> too),
    /// QuestPDF's <c>GeneratePdf</c>/<c>GenerateXps(filePath)</c>, ClosedXML's <c>SaveAs(file)</c>.
    /// </summary>
    private IOperation? DocumentWrittenPath(IInvocationOperation invocation, INamedTypeSymbol type)
    {
        var name = invocation.TargetMethod.Name;
        var writes = name switch
        {
            "Save" => _pdfDocuments.Contains(type) || SymbolEqualityComparer.Default.Equals(type, _image),
            "SaveAsync" => _pdfDocuments.Contains(type),
            "GeneratePdf" or "GenerateXps" => SymbolEqualityComparer.Default.Equals(type, _questPdfGenerate),
            "SaveAs" => _workbooks.Contains(type),
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

    /// <summary>A <c>FileMode</c> that creates or truncates, or a <c>FileAccess</c> with write, among the arguments.</summary>
    private bool OpensForWriting(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            var value = argument.Value;
            if (value.ConstantValue is not { HasValue: true, Value: int constant } || value.Type is null)
            {
                continue;
            }

            // FileMode: CreateNew = 1, Create = 2, OpenOrCreate = 4, Truncate = 5, Append = 6. FileAccess: Write = 2, ReadWrite = 3.
            if (SymbolEqualityComparer.Default.Equals(value.Type, _fileMode) && constant is 1 or 2 or 4 or 5 or 6)
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(value.Type, _fileAccess) && (constant & 2) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
