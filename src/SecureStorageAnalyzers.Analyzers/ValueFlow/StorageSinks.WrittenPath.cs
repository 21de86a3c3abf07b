using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Where a call writes a file (SSA0006, SSA0009): the written path of File, FileInfo, FileStream, StreamWriter and posted-file
// calls, and of the document and image libraries that save to a path themselves (PDFsharp, MigraDoc, System.Drawing,
// QuestPDF, ClosedXML, iText 7, the Open XML SDK, Xceed DocX, EPPlus, GemBox).
internal sealed partial class StorageSinks
{
    private readonly LazyTypeSet _pdfDocuments;
    private readonly LazyType _image;
    private readonly LazyType _bitmap;
    private readonly LazyType _webFormsImage;
    private readonly LazyType _questPdfGenerate;
    private readonly LazyTypeSet _workbooks;
    private readonly LazyType _pdfWriter;
    private readonly LazyTypeSet _openXmlDocuments;
    private readonly LazyTypeSet _openXmlCopies;
    private readonly LazyTypeSet _docXCreators;
    private readonly LazyTypeSet _docXDocuments;
    private readonly LazyType _excelPackage;
    private readonly LazyTypeSet _gemBoxDocuments;

    /// <summary>
    /// The types whose calls and creations <see cref="WrittenPath"/> looks at, as symbols: the classic ASP.NET ones (resolved
    /// with System.Web only); the others are <see cref="WritingTypeMetadataNames"/>.
    /// </summary>
    public System.Collections.Generic.IEnumerable<INamedTypeSymbol> WritingTypes => Symbols.NonNull(_postedFile, _postedFileBase, _fileUpload);

    /// <summary>The other types <see cref="WrittenPath"/> looks at, by metadata name, for <see cref="PackRule.LazyCallTypes"/> (resolved on a call of their name).</summary>
    public System.Collections.Generic.IEnumerable<string> WritingTypeMetadataNames =>
        new[] { _file, _fileInfo, _fileStream, _streamWriter, _image, _questPdfGenerate, _pdfWriter, _excelPackage }
            .Concat(_pdfDocuments.Types).Concat(_workbooks.Types).Concat(_openXmlDocuments.Types).Concat(_openXmlCopies.Types)
            .Concat(_docXDocuments.Types).Concat(_gemBoxDocuments.Types)
            .Where(t => t.Present).Select(t => t.MetadataName);

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
                if (_file.Is(type))
                {
                    return method.Name == "Open"
                        ? OpensForWriting(invocation.Arguments, invocation) ? invocation.Arguments.Argument("path") : null
                        : FileWrittenParameter(method.Name) is { } parameter ? invocation.Arguments.Argument(parameter) : null;
                }

                // Classic ASP.NET: an upload saved where the caller says (HttpPostedFileWrapper.SaveAs overrides the base's;
                // the Web Forms FileUpload control saves its posted file with a SaveAs of its own).
                if (method.Name == "SaveAs" && (WellKnownTypes.DerivesFrom(type, _postedFile) || WellKnownTypes.DerivesFrom(type, _postedFileBase) ||
                                                WellKnownTypes.DerivesFrom(type, _fileUpload)))
                {
                    return invocation.Arguments.Argument("filename");
                }

                if (_fileInfo.Is(type))
                {
                    return method.Name switch
                    {
                        "Create" or "CreateText" or "OpenWrite" or "AppendText" => invocation.Instance,
                        "Open" => OpensForWriting(invocation.Arguments, invocation) ? invocation.Instance : null,
                        "CopyTo" or "MoveTo" => invocation.Arguments.Argument("destFileName"),
                        _ => null,
                    };
                }

                return DocumentWrittenPath(invocation, type.OriginalDefinition);

            case IObjectCreationOperation creation:
                if (_streamWriter.Is(creation.Type))
                {
                    return creation.Arguments.Argument("path");
                }

                if (_fileStream.Is(creation.Type) && OpensForWriting(creation.Arguments, creation))
                {
                    return creation.Arguments.Argument("path");
                }

                // iText 7: new PdfWriter(filename[, properties]); its Stream and FileInfo overloads write where those were opened.
                if (_pdfWriter.Is(creation.Type))
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
    /// The parameter of a <c>File</c> method that names the file it writes: the destination of <c>Copy</c>/<c>Move</c>/
    /// <c>Replace</c>, the path of <c>Write*</c>/<c>Append*</c>/<c>Create</c>/<c>CreateText</c>/<c>OpenWrite</c>; null
    /// for any other method (<c>Open</c> writes by its mode: <see cref="OpensForWriting"/>).
    /// </summary>
    private static string? FileWrittenParameter(string name) => name switch
    {
        "Copy" or "Move" => "destFileName",
        "Replace" => "destinationFileName",
        _ when name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal) ||
               name is "Create" or "CreateText" or "OpenWrite" => "path",
        _ => null,
    };

    /// <summary>
    /// The path written by a <c>File</c> call the compiler could not bind only because of what it was handed: an argument
    /// whose type is unknown (a package the build does not have; held-out set 15's Web API 2 upload,
    /// <c>File.Move(file.LocalFileName, Path.Combine(root, fileName))</c> with <c>MultipartFileData</c> unbound), the other
    /// arguments convertible to the parameters. Every <c>File</c> method it may mean (its candidates that take as many
    /// positional arguments) must write the file an argument at the same position names (<see cref="FileWrittenParameter"/>);
    /// that argument is the path. Null for anything else: a call that resolved, a named or <c>ref</c> argument, a candidate
    /// of another type or one that does not write, an <c>Open</c> (its mode is not read here). Asked only of invalid
    /// invocations the pack hands over (<see cref="Infrastructure.PackRule.SeesUnboundCalls"/>).
    /// </summary>
    public IOperation? UnboundWrittenPath(IInvalidOperation invalid, System.Threading.CancellationToken cancellationToken)
    {
        if (_file.Value is null || invalid.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { ArgumentList.Arguments: var syntaxArguments } call ||
            invalid.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var argument in syntaxArguments)
        {
            if (argument.NameColon is not null || argument.RefKindKeyword.RawKind != 0)
            {
                return null;
            }
        }

        var info = model.GetSymbolInfo(call, cancellationToken);
        if (info.Symbol is not null || info.CandidateReason != CandidateReason.OverloadResolutionFailure)
        {
            return null;
        }

        var arguments = UnboundArguments(invalid);
        if (arguments.Count != syntaxArguments.Count)
        {
            return null;
        }

        var position = -1;
        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol { IsStatic: true } method || !_file.Is(method.ContainingType))
            {
                return null;
            }

            if (!CouldTake(method, arguments, model.Compilation, out var unknown) || !unknown)
            {
                continue;
            }

            if (FileWrittenParameter(method.Name) is not { } name || IndexOfParameter(method, name) is var index && (index < 0 || position >= 0 && index != position))
            {
                return null;
            }

            position = index;
        }

        return position >= 0 && position < arguments.Count ? arguments[position] : null;
    }

    /// <summary>
    /// True when <paramref name="method"/> takes these positional arguments: as many parameters (the rest optional, no
    /// <c>params</c>), each argument of an unknown type (<paramref name="unknown"/> then true) or one that converts
    /// implicitly to its parameter's.
    /// </summary>
    private static bool CouldTake(IMethodSymbol method, System.Collections.Generic.List<IOperation> arguments, Compilation compilation, out bool unknown)
    {
        unknown = false;
        var parameters = method.Parameters;
        if (arguments.Count > parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.IsParams || parameter.RefKind != RefKind.None)
            {
                return false;
            }

            if (i >= arguments.Count)
            {
                if (!parameter.IsOptional)
                {
                    return false;
                }

                continue;
            }

            var type = arguments[i].Type;
            if (type is null || type.TypeKind == TypeKind.Error || arguments[i] is IInvalidOperation)
            {
                unknown = true;
            }
            else if (!compilation.ClassifyCommonConversion(type, parameter.Type).IsImplicit)
            {
                return false;
            }
        }

        return true;
    }

    private static int IndexOfParameter(IMethodSymbol method, string name)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter.Ordinal;
            }
        }

        return -1;
    }

    /// <summary>
    /// A document or image saved by its library to a path (the first string argument; an overload that takes a stream
    /// writes where the code opened it, a sink of its own): <c>PdfDocument.Save(path)</c>/<c>SaveAsync(path)</c> (PDFsharp, PdfSharpCore),
    /// MigraDoc's <c>PdfDocumentRenderer.Save(path)</c>, <c>Image.Save(filename)</c> (<c>Bitmap</c> too),
    /// QuestPDF's <c>GeneratePdf</c>/<c>GenerateXps(filePath)</c>, ClosedXML's <c>SaveAs(file)</c>; the Open XML SDK's
    /// <c>WordprocessingDocument</c>/<c>SpreadsheetDocument</c>/<c>PresentationDocument.Create(path, …)</c> (which creates
    /// the file), a package's <c>Clone(path, …)</c> (version 3's extension, version 2's instance method) and version 2's
    /// <c>SaveAs(path)</c>. <c>Open(path, true)</c> changes a file already there and <c>CreateFromTemplate(path)</c> reads
    /// one: not writes that store a file. Xceed DocX's <c>DocX.Create(filename)</c> (the file its <c>Save()</c> writes) and
    /// <c>SaveAs(filename)</c>; GemBox's <c>DocumentModel</c>/<c>ExcelFile.Save(path[, options])</c>; EPPlus in
    /// <see cref="ExcelPackageWrittenPath"/>. <c>DocX.Load</c> and GemBox's <c>Load</c> read a file.
    /// </summary>
    private IOperation? DocumentWrittenPath(IInvocationOperation invocation, INamedTypeSymbol type)
    {
        if (_excelPackage.Is(type))
        {
            return ExcelPackageWrittenPath(invocation);
        }

        var name = invocation.TargetMethod.Name;
        var writes = name switch
        {
            "Save" => _pdfDocuments.Contains(type) || _image.Is(type) || _gemBoxDocuments.Contains(type),
            "SaveAsync" => _pdfDocuments.Contains(type),
            "GeneratePdf" or "GenerateXps" => _questPdfGenerate.Is(type),
            "SaveAs" => _workbooks.Contains(type) || _openXmlCopies.Contains(type) || _docXDocuments.Contains(type),
            "Create" => _openXmlDocuments.Contains(type) || _docXCreators.Contains(type),
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
    /// EPPlus: <c>SaveAs(file)</c>/<c>SaveAsAsync(file)</c> write the <c>FileInfo</c> (or, from version 5, the path) they are
    /// given; <c>Save()</c>/<c>SaveAsync()</c> write the file the package was created over (<c>new ExcelPackage(new
    /// FileInfo(path))</c>, in the call's receiver or in the one value of the local it is read from). A string of
    /// <c>Save(password)</c> is a password, and a package created over a stream writes where the stream was opened.
    /// </summary>
    private IOperation? ExcelPackageWrittenPath(IInvocationOperation invocation)
    {
        switch (invocation.TargetMethod.Name)
        {
            case "SaveAs" or "SaveAsAsync":
                return FirstParameterArgument(invocation.Arguments) is { Parameter: { } first } saved && IsFileOrPath(first.Type) ? saved.Value : null;
            case "Save" or "SaveAsync":
                var receiver = invocation.Instance is { } instance ? SingleValue(instance) : null;

                // new ExcelPackage(newFile[, password | template]): the file is the first parameter in every version.
                return receiver is IObjectCreationOperation creation && _excelPackage.Is(creation.Type) &&
                       FirstParameterArgument(creation.Arguments) is { Parameter: { } file } created && IsFileOrPath(file.Type) && file.Name != "template"
                    ? created.Value
                    : null;
            default:
                return null;
        }
    }

    private static IArgumentOperation? FirstParameterArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument;
            }
        }

        return null;
    }

    private bool IsFileOrPath(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_String || _fileInfo.Is(type);

    /// <summary>
    /// An open that can store a new file: a <c>FileMode</c> that creates (<c>CreateNew</c>, <c>Create</c>,
    /// <c>OpenOrCreate</c>, <c>Append</c>), given as a constant or as the <c>Mode</c> of a <c>FileStreamOptions</c>
    /// created in the call. <c>Open</c> and <c>Truncate</c> throw when the file is missing, so they only change a file that
    /// is already there (a secure erase overwrites and deletes it): not a write that stores one, whatever the access.
    /// A mode that is not a constant is judged by the access: write access counts as a write. An access given as a
    /// constant without write (<c>FileAccess.Read</c>, as an argument or as the options' <c>Access</c>) writes nothing
    /// whatever the mode: <c>OpenOrCreate</c> then creates at most an empty file, and the other creating modes throw.
    /// With no access given, a creating mode opens for writing (the constructors' default is <c>ReadWrite</c>): a write.
    /// <c>OpenOrCreate</c> with write access whose stream the method only reads (<see cref="OnlyReadsTheStream"/>) writes
    /// nothing either: at most it creates an empty file, which holds no data.
    /// </summary>
    private bool OpensForWriting(ImmutableArray<IArgumentOperation> arguments, IOperation open)
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

            if (_fileMode.Is(value.Type))
            {
                modeGiven = true;
                mode = value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
            }
            else if (_fileAccess.Is(value.Type))
            {
                var access = value.ConstantValue is { HasValue: true, Value: int constant } ? constant : (int?)null;
                writeAccess |= access is { } written && (written & 2) != 0;
                readOnly |= access is { } given && (given & 2) == 0;
            }
            else if (_fileStreamOptions.Is(value.Type))
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
        if (!modeGiven)
        {
            return writeAccess;
        }

        return mode switch
        {
            null => writeAccess,
            4 => !OnlyReadsTheStream(open),
            { } known => known is 1 or 2 or 6,
        };
    }

    /// <summary>
    /// True when every use of the stream <paramref name="open"/> returns, in the method it is opened in, reads it or
    /// closes it, and one reads it (held-out set 10: e-mail templates opened with <c>FileMode.OpenOrCreate,
    /// FileAccess.ReadWrite</c> and handed to a <c>StreamReader</c>). A read: the stream handed to a
    /// <c>StreamReader</c> or <c>BinaryReader</c> (which cannot write), its <c>Read*</c> and <c>CopyTo*</c> (into
    /// another stream); neutral: <c>Close</c>, <c>Dispose</c>, <c>Seek</c>, a property read, <c>Position</c> set, the
    /// local assigned again. Anything else, and the stream is taken to be written: written to, handed to a
    /// <c>StreamWriter</c> or to any other method, returned, stored in a field or another variable, captured by
    /// <c>ref</c>. Local and per method; only asked for a constant <c>OpenOrCreate</c> with write access.
    /// </summary>
    private bool OnlyReadsTheStream(IOperation open)
    {
        var value = Outermost(open);
        ILocalSymbol? local = null;
        switch (value.Parent)
        {
            case IArgumentOperation argument:
                return ReadsArgument(argument);
            case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, value):
                return ReadUse(invocation) == Use.Read;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                local = declarator.Symbol;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when ReferenceEquals(assignment.Value, value):
                local = target.Local;
                break;
        }

        if (local is null || local.RefKind != RefKind.None)
        {
            return false;
        }

        var root = open;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var read = false;
        foreach (var operation in root.Walk())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local) ||
                reference.IsDeclaration)
            {
                continue;
            }

            var use = Outermost(reference);
            switch (use.Parent)
            {
                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, use):
                    continue;
                case IArgumentOperation argument when ReadsArgument(argument):
                    read = true;
                    continue;
                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, use):
                    switch (ReadUse(invocation))
                    {
                        case Use.Read:
                            read = true;
                            continue;
                        case Use.Neutral:
                            continue;
                        default:
                            return false;
                    }

                case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, use) &&
                    (property.Parent is not ISimpleAssignmentOperation set || !ReferenceEquals(set.Target, property) || property.Property.Name == "Position"):
                    continue;
                case IUsingOperation:
                    continue;
                default:
                    return false;
            }
        }

        return read;
    }

    private enum Use
    {
        Other,
        Neutral,
        Read,
    }

    private static Use ReadUse(IInvocationOperation invocation) => invocation.TargetMethod.Name switch
    {
        "Read" or "ReadAsync" or "ReadByte" or "ReadExactly" or "ReadExactlyAsync" or "ReadAtLeast" or "ReadAtLeastAsync" or
            "CopyTo" or "CopyToAsync" => Use.Read,
        "Close" or "Dispose" or "DisposeAsync" or "Seek" => Use.Neutral,
        _ => Use.Other,
    };

    /// <summary>The stream handed to a <c>new StreamReader(stream, …)</c> or <c>new BinaryReader(stream, …)</c>.</summary>
    private bool ReadsArgument(IArgumentOperation argument) =>
        argument.Parent is IObjectCreationOperation creation && _streamReaders.Contains(creation.Type as INamedTypeSymbol) &&
        argument.Parameter is { RefKind: RefKind.None };

    private static IOperation Outermost(IOperation operation)
    {
        while (operation.Parent is IConversionOperation conversion)
        {
            operation = conversion;
        }

        return operation;
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
                    _fileAccess.Is(assignment.Value.Type))
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
                    _fileMode.Is(assignment.Value.Type))
                {
                    return assignment.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
                }
            }
        }

        return 3;
    }

    /// <summary>
    /// True when what <paramref name="write"/> stores is a picture by what the code does with it (held-out set 10: a
    /// photo gallery's crops): System.Drawing's <c>Image.Save(path)</c> (so <c>Bitmap.Save</c>) encodes a picture, and
    /// a write whose file the same method opens as a picture (<c>Image.FromFile(p)</c>, <c>new Bitmap(p)</c>, with
    /// <c>p</c> naming the file by the same parameter or variable as the written path does) stores one, and so does a
    /// write whose file the same method shows as a picture on a Web Forms page (<c>imgPreview.ImageUrl = "~/Uploads/" +
    /// fileName</c> on a <c>System.Web.UI.WebControls.Image</c>, held-out set 14's profile picture). Asked only of a
    /// write whose words decide nothing.
    /// </summary>
    public bool StoresPicture(IOperation write, IOperation path)
    {
        if (_image.Value is null && _webFormsImage.Value is null)
        {
            return false;
        }

        if (_image.Value is not null && write is IInvocationOperation { TargetMethod.Name: "Save" } save &&
            _image.Is(save.TargetMethod.ContainingType?.OriginalDefinition))
        {
            return true;
        }

        if (FileNameSymbol(path, 0) is not { } name)
        {
            return false;
        }

        foreach (var operation in write.Root().Walk())
        {
            IOperation? opened = operation switch
            {
                IInvocationOperation { TargetMethod.Name: "FromFile" } fromFile when _image.Is(fromFile.TargetMethod.ContainingType) => fromFile.Arguments.Argument("filename"),
                IObjectCreationOperation creation when _bitmap.Is(creation.Type) &&
                    creation.Arguments.Length > 0 && creation.Arguments[0].Parameter is { Type.SpecialType: SpecialType.System_String } => creation.Arguments[0].Value,
                ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ImageUrl" } shown } shownAt when _webFormsImage.Value is not null &&
                    WellKnownTypes.DerivesFrom(shown.Property.ContainingType, _webFormsImage.Value) => shownAt.Value,
                _ => null,
            };
            if (opened is not null && SymbolEqualityComparer.Default.Equals(FileNameSymbol(opened, 0), name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The parameter or variable a path's file name comes from: the last part of a <c>Path.Combine</c>, the right end of a
    /// concatenation, through a local with one value; null for anything else.
    /// </summary>
    private ISymbol? FileNameSymbol(IOperation operation, int depth)
    {
        if (depth > 6)
        {
            return null;
        }

        switch (operation.WithoutConversions())
        {
            case IParameterReferenceOperation parameter:
                return parameter.Parameter;
            case ILocalReferenceOperation local:
                var values = BodyIndex(local).ValuesOf(local.Local);
                return values.Count == 1 ? FileNameSymbol(values[0], depth + 1) ?? local.Local : local.Local;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return FileNameSymbol(concatenation.RightOperand, depth + 1);
            case IInvocationOperation { TargetMethod.Name: "Combine" } combine when
                SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, PathType) && combine.Arguments.Length > 0 &&
                combine.Arguments[combine.Arguments.Length - 1].ArgumentKind != ArgumentKind.ParamArray:
                return FileNameSymbol(combine.Arguments[combine.Arguments.Length - 1].Value, depth + 1);
            default:
                return null;
        }
    }
}
