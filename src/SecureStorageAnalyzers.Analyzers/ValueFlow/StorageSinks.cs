using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Where a value becomes a storage path, file name or object key, resolved once per compilation: path building
/// (<c>Path.Combine</c>/<c>Path.Join</c>), <c>System.IO</c>, file results, and the object keys of the Azure Blob
/// Storage, AWS S3, Google Cloud Storage and MinIO SDKs when the compilation references them. Also what carries a value
/// along (string and path helpers, encodings, unkeyed hashes) and what breaks the flow (HMAC, random names).
/// </summary>
internal sealed partial class StorageSinks
{
    private static readonly ImmutableArray<string> SinkTypeNames = ImmutableArray.Create<string>(
        // System.IO
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamWriter", "System.IO.StreamReader", "Microsoft.Extensions.FileProviders.PhysicalFileProvider",
        // File results
        "Microsoft.AspNetCore.Mvc.ControllerBase", "Microsoft.AspNetCore.Mvc.RazorPages.PageModel",
        "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.Http.TypedResults",
        "Microsoft.AspNetCore.Mvc.PhysicalFileResult", "Microsoft.AspNetCore.Mvc.VirtualFileResult",
        "Microsoft.AspNetCore.Http.SendFileResponseExtensions",
        // Azure Blob Storage
        "Azure.Storage.Blobs.BlobContainerClient", "Azure.Storage.Blobs.BlobClient",
        "Azure.Storage.Blobs.Specialized.BlobBaseClient", "Azure.Storage.Blobs.Specialized.BlockBlobClient",
        "Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions",
        // Azure Files (a share's directories and files: GetDirectoryClient(directoryName), GetFileClient(fileName))
        "Azure.Storage.Files.Shares.ShareClient", "Azure.Storage.Files.Shares.ShareDirectoryClient",
        "Azure.Storage.Files.Shares.ShareFileClient",
        // AWS S3
        "Amazon.S3.IAmazonS3", "Amazon.S3.AmazonS3Client", "Amazon.S3.Transfer.TransferUtility",
        "Amazon.S3.Transfer.ITransferUtility",
        // Google Cloud Storage
        "Google.Cloud.Storage.V1.StorageClient", "Google.Cloud.Storage.V1.UrlSigner",
        // MinIO
        "Minio.DataModel.Args.ObjectArgs`1", "Minio.DataModel.Args.ObjectConditionalQueryArgs`1",
        "Minio.DataModel.Args.PutObjectArgs", "Minio.DataModel.Args.GetObjectArgs",
        // NAudio's WAV writer (a recorder's output file): new WaveFileWriter(filename, format), WaveFileWriter.CreateWaveFile(filename, …)
        "NAudio.Wave.WaveFileWriter");

    /// <summary>Object-key properties: the S3 requests, the download name of file results and a file dialog's proposed name.</summary>
    private static readonly ImmutableArray<(string Type, string Property)> PropertySinkNames = ImmutableArray.Create<(string Type, string Property)>(
        ("Microsoft.AspNetCore.Mvc.FileResult", "FileDownloadName"),
        ("Amazon.S3.Model.PutObjectRequest", "Key"),
        ("Amazon.S3.Model.GetObjectRequest", "Key"),
        ("Amazon.S3.Model.DeleteObjectRequest", "Key"),
        ("Amazon.S3.Model.GetObjectMetadataRequest", "Key"),
        ("Amazon.S3.Model.CopyObjectRequest", "SourceKey"),
        ("Amazon.S3.Model.CopyObjectRequest", "DestinationKey"),
        ("Amazon.S3.Model.InitiateMultipartUploadRequest", "Key"),
        ("Amazon.S3.Model.GetPreSignedUrlRequest", "Key"),
        ("Amazon.S3.Transfer.TransferUtilityUploadRequest", "Key"),
        ("Amazon.S3.Transfer.TransferUtilityDownloadRequest", "Key"),
        ("Google.Apis.Storage.v1.Data.Object", "Name"),
        // A desktop save or open dialog's proposed file name (WPF's and WinForms' FileDialog.FileName): unless the user
        // types another, the file is stored, or looked for, under it.
        ("Microsoft.Win32.FileDialog", "FileName"),
        ("System.Windows.Forms.FileDialog", "FileName"));

    private readonly SymbolSet<INamedTypeSymbol> _messageTypes;
    private readonly INamedTypeSymbol? _file;
    private readonly INamedTypeSymbol? _fileInfo;
    private readonly INamedTypeSymbol? _fileSystemInfo;
    private readonly INamedTypeSymbol? _fileStream;
    private readonly INamedTypeSymbol? _streamWriter;
    private readonly SymbolSet<INamedTypeSymbol> _streamReaders;
    private readonly INamedTypeSymbol? _fileMode;
    private readonly INamedTypeSymbol? _fileAccess;
    private readonly INamedTypeSymbol? _fileStreamOptions;
    private readonly INamedTypeSymbol? _exception;
    private readonly SymbolSet<INamedTypeSymbol> _fileSystemRootTypes;
    private readonly INamedTypeSymbol? _readOnlySpan;
    private readonly INamedTypeSymbol? _span;

    /// <summary>The SDKs whose types the sinks name, by namespace prefix: their types are looked up only when referenced.</summary>
    private static readonly ImmutableArray<(string Prefix, string Assembly)> SdkAssemblies = ImmutableArray.Create(
        ("Azure.Storage.Blobs.", "Azure.Storage.Blobs"),
        ("Azure.Storage.Sas.", "Azure.Storage.Blobs"),
        ("Azure.Storage.Files.Shares.", "Azure.Storage.Files.Shares"),
        ("Amazon.S3.", "AWSSDK.S3"),
        ("Google.Cloud.Storage.V1.", "Google.Cloud.Storage.V1"),
        ("Google.Apis.Storage.v1.", "Google.Apis.Storage.v1"),
        ("Minio.", "Minio"));

    private StorageSinks(WellKnownTypes types)
    {
        // System.IO is in every compilation: SSA0101 runs wherever the package is installed (workers, jobs, desktop
        // clients write recordings too). Web and SDK types absent from the compilation resolve to nothing.
        HasWebOrStorageSdk = types.HasAspNetCore || HasAnyCloudSdk(types);
        var sinkTypes = new System.Collections.Generic.List<INamedTypeSymbol>();
        foreach (var name in SinkTypeNames)
        {
            if (Resolve(types, name) is { } type)
            {
                sinkTypes.Add(type);
            }
        }

        // Document and image libraries that save to a path of their own (resolved once, typed members; absent ones are null).
        _pdfDocuments = SymbolSet<INamedTypeSymbol>.Of(types.PdfSharpPdfDocument, types.PdfSharpCorePdfDocument, types.MigraDocPdfDocumentRenderer);
        _image = types.SystemDrawingImage;
        _bitmap = types.SystemDrawingBitmap;
        _webFormsImage = types.WebFormsImage;
        _questPdfGenerate = types.QuestPdfGenerateExtensions;
        _workbooks = SymbolSet<INamedTypeSymbol>.Of(types.ClosedXmlWorkbook, types.ClosedXmlIWorkbook);
        _pdfWriter = types.ITextPdfWriter;
        _openXmlDocuments = SymbolSet<INamedTypeSymbol>.Of(types.OpenXmlWordprocessingDocument, types.OpenXmlSpreadsheetDocument, types.OpenXmlPresentationDocument);
        _openXmlCopies = SymbolSet<INamedTypeSymbol>.Of(types.OpenXmlPackage, types.OpenXmlCloneableExtensions);
        _docXCreators = SymbolSet<INamedTypeSymbol>.Of(types.NovacodeDocX, types.XceedDocX);
        _docXDocuments = SymbolSet<INamedTypeSymbol>.Of(types.NovacodeDocX, types.XceedDocX, types.XceedDocument);
        _excelPackage = types.EpplusExcelPackage;
        _gemBoxDocuments = SymbolSet<INamedTypeSymbol>.Of(types.GemBoxDocumentModel, types.GemBoxExcelFile);
        foreach (var writer in Symbols.NonNull(types.PdfSharpPdfDocument, types.PdfSharpCorePdfDocument, types.MigraDocPdfDocumentRenderer,
                     _image, _questPdfGenerate, types.ClosedXmlWorkbook, types.ClosedXmlIWorkbook, _pdfWriter, _excelPackage)
                     .Concat(_openXmlDocuments).Concat(_openXmlCopies).Concat(_docXDocuments).Concat(_gemBoxDocuments))
        {
            sinkTypes.Add(writer);
        }

        SinkTypes = new SymbolSet<INamedTypeSymbol>(sinkTypes);
        MapPathTypes = types.HasSystemWeb ? types.SystemWebMapPathTypes : SymbolSet<INamedTypeSymbol>.Empty();

        // Classic ASP.NET (only with System.Web): single methods of types most of whose members are no storage call.
        var classicMethods = new System.Collections.Generic.List<IMethodSymbol>();
        var classicTypes = new System.Collections.Generic.List<INamedTypeSymbol>();
        var headerMethods = new System.Collections.Generic.List<IMethodSymbol>();
        foreach (var (type, names) in new (INamedTypeSymbol? Type, string[] Names)[]
                 {
                     (types.SystemWebHttpPostedFile, new[] { "SaveAs" }),
                     (types.SystemWebHttpPostedFileBase, new[] { "SaveAs" }),
                     (types.SystemWebFileUpload, new[] { "SaveAs" }),
                     (types.SystemWebHttpServerUtility, new[] { "MapPath" }),
                     (types.SystemWebHttpServerUtilityBase, new[] { "MapPath" }),
                     (types.SystemWebHostingEnvironment, new[] { "MapPath" }),
                     (types.SystemWebHttpResponse, new[] { "TransmitFile", "WriteFile", "AddHeader", "AppendHeader" }),
                     (types.SystemWebHttpResponseBase, new[] { "TransmitFile", "WriteFile", "AddHeader", "AppendHeader" }),
                 })
        {
            if (type is null)
            {
                continue;
            }

            classicTypes.Add(type);
            foreach (var name in names)
            {
                foreach (var member in type.GetMembers(name))
                {
                    if (member is IMethodSymbol method)
                    {
                        (name is "AddHeader" or "AppendHeader" ? headerMethods : classicMethods).Add(method);
                    }
                }
            }
        }

        ClassicSinkTypes = new SymbolSet<INamedTypeSymbol>(classicTypes);
        _postedFile = types.SystemWebHttpPostedFile;
        _postedFileBase = types.SystemWebHttpPostedFileBase;
        _fileUpload = types.SystemWebFileUpload;
        _classicSinkMethods = new SymbolSet<IMethodSymbol>(classicMethods);
        _headerMethods = new SymbolSet<IMethodSymbol>(headerMethods);

        var properties = new System.Collections.Generic.List<IPropertySymbol>();
        foreach (var (typeName, propertyName) in PropertySinkNames)
        {
            // The property may be declared by a base class (TransferUtilityDownloadRequest.Key is BaseDownloadRequest's).
            for (var type = Resolve(types, typeName); type is not null; type = type.BaseType)
            {
                var found = false;
                foreach (var member in type.GetMembers(propertyName))
                {
                    if (member is IPropertySymbol property)
                    {
                        properties.Add(property);
                        found = true;
                    }
                }

                if (found)
                {
                    break;
                }
            }
        }

        PropertySinks = new SymbolSet<IPropertySymbol>(properties);

        StringBuilder = types.StringBuilder;
        var stringBuilder = StringBuilder;
        var stream = types.Stream;
        // A cloud download into a stream (blob.DownloadToAsync(memory), storage.DownloadObjectAsync(bucket, name, memory)).
        var downloads = SymbolSet<INamedTypeSymbol>.Of(Resolve(types, "Azure.Storage.Blobs.Specialized.BlobBaseClient"),
            Resolve(types, "Google.Cloud.Storage.V1.StorageClient"));
        var outArguments = OutArgumentMethods.For(types);
        _createIndex = root => new MethodBodyIndex(root, stringBuilder, IsStoragePathArgument, stream, downloads, outArguments);
        PathType = types.Path;
        DirectoryType = types.Directory;
        EnvironmentType = types.Environment;
        _file = types.File;
        _fileInfo = types.FileInfo;
        _fileSystemInfo = types.FileSystemInfo;
        _fileStream = types.FileStream;
        _streamWriter = types.StreamWriter;
        _streamReaders = SymbolSet<INamedTypeSymbol>.Of(types.StreamReader, types.BinaryReader);
        _fileMode = types.FileMode;
        _fileAccess = types.FileAccess;
        _fileStreamOptions = types.FileStreamOptions;
        String = types.String;
        Convert = types.Convert;
        Encoding = types.Encoding;
        HashAlgorithm = types.HashAlgorithm;
        Hmac = types.Hmac;
        Uri = types.Uri;
        TaskOfT = types.TaskOfT;
        _httpClient = types.HttpClient;
        _httpRequestMessage = types.HttpRequestMessage;
        _httpRequest = types.HttpRequest;
        _hostString = types.HostString;
        // The URLs of Web Forms links and pictures (HyperLink.NavigateUrl, Image.ImageUrl and so ImageButton's): addresses.
        _urlProperties = UrlProperties(types);
        WebUtility = types.WebUtility;
        Regex = types.Regex;
        Enumerable = types.Enumerable;
        // Where a string is a message, not a path: loggers, the console, debug traces.
        _messageTypes = SymbolSet<INamedTypeSymbol>.Of(types.ILogger, types.LoggerExtensions, types.Console, types.Debug, types.Trace);
        _exception = types.Exception;
        // Types whose members yield a place on disk: the path and directory helpers, the process's folders, a file's own
        // location, and the host's content and web roots. A string built from one of them is a file-system path.
        _fileSystemRootTypes = SymbolSet<INamedTypeSymbol>.Of(
            types.Path, types.Directory, types.FileSystemInfo, types.FileInfo, types.DirectoryInfo, types.AppContext, types.AppDomain,
            types.Environment, types.IHostEnvironment, types.IWebHostEnvironment, types.IHostingEnvironmentAspNetCore,
            types.IHostingEnvironmentExtensions);
        _readOnlySpan = types.ReadOnlySpanOfT;
        _span = types.SpanOfT;
    }

    /// <summary>
    /// True for a <c>FileInfo</c> or <c>DirectoryInfo</c> (a <c>System.IO.FileSystemInfo</c>): a call on one that a policy
    /// passes through (<c>dir.GetFiles(pattern)</c>, <c>file.OpenRead()</c>) is about the file or folder the instance is,
    /// so the walk goes on into the instance as well as the arguments.
    /// </summary>
    public bool IsFileSystemInfo(ITypeSymbol? type) => _fileSystemInfo is not null && WellKnownTypes.DerivesFrom(type, _fileSystemInfo);

    /// <summary><c>System.Text.StringBuilder</c>: how many file names are built; its appends carry the value.</summary>
    public INamedTypeSymbol? StringBuilder { get; }

    public SymbolSet<INamedTypeSymbol> SinkTypes { get; }

    /// <summary>The System.Web types whose <c>MapPath</c> maps a virtual path (empty without System.Web).</summary>
    public SymbolSet<INamedTypeSymbol> MapPathTypes { get; }

    /// <summary>
    /// The System.Web types that declare a storage call (<c>HttpPostedFile.SaveAs</c>, the Web Forms <c>FileUpload.SaveAs</c>, <c>Server.MapPath</c>,
    /// <c>HostingEnvironment.MapPath</c>, <c>Response.TransmitFile</c>/<c>WriteFile</c>, a Content-Disposition header):
    /// only those methods of theirs are sinks. Empty without System.Web.
    /// </summary>
    public SymbolSet<INamedTypeSymbol> ClassicSinkTypes { get; }

    private readonly SymbolSet<IMethodSymbol> _classicSinkMethods;
    private readonly INamedTypeSymbol? _postedFile;
    private readonly INamedTypeSymbol? _postedFileBase;
    private readonly INamedTypeSymbol? _fileUpload;
    private readonly SymbolSet<IMethodSymbol> _headerMethods;
    public SymbolSet<IPropertySymbol> PropertySinks { get; }
    public INamedTypeSymbol? PathType { get; }

    /// <summary><c>System.IO.Directory</c>: its <c>GetFiles</c>/<c>EnumerateFiles</c> and the like list paths.</summary>
    public INamedTypeSymbol? DirectoryType { get; }

    /// <summary><c>System.Environment</c>: its folders are paths, its other values (the user's name, a variable) are not.</summary>
    public INamedTypeSymbol? EnvironmentType { get; }

    /// <summary>
    /// True for classic ASP.NET's <c>MapPath</c> (<c>Server.MapPath</c>, <c>HostingEnvironment.MapPath</c>, and an
    /// override of <c>HttpServerUtilityBase.MapPath</c> such as its wrapper's); never without System.Web.
    /// </summary>
    public bool IsMapPath(IMethodSymbol method)
    {
        if (MapPathTypes.IsEmpty || method.Name != "MapPath")
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.ContainingType is { } type && MapPathTypes.Contains(type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    public INamedTypeSymbol? String { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? HashAlgorithm { get; }
    public INamedTypeSymbol? Hmac { get; }
    public INamedTypeSymbol? Uri { get; }

    /// <summary><c>System.Threading.Tasks.Task&lt;T&gt;</c>: its <c>Result</c> is what awaiting it gives.</summary>
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? WebUtility { get; }
    public INamedTypeSymbol? Regex { get; }

    /// <summary><c>System.Linq.Enumerable</c>: its operators over a string's characters keep them (<c>name.Where(char.IsLetter).ToArray()</c>).</summary>
    public INamedTypeSymbol? Enumerable { get; }

    /// <summary>What the project's own methods return, read on a walk's first call of each (see <see cref="ProjectMethodReturns"/>).</summary>
    public ProjectMethodReturns ProjectReturns { get; } = new();

    /// <summary>True when the compilation references ASP.NET Core or one of the storage SDKs.</summary>
    public bool HasWebOrStorageSdk { get; }

    /// <summary>The sinks of the compilation, shared by every analyzer of the pack.</summary>
    public static StorageSinks Create(WellKnownTypes types) => types.Shared(static t => new StorageSinks(t));

    /// <summary><c>Path.Combine</c> and <c>Path.Join</c>: building a path is where an identifier becomes part of one.</summary>
    public bool IsPathBuilder(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingType, PathType) &&
        method.Name is "Combine" or "Join";

    /// <summary>True when <paramref name="operation"/> builds a path itself (and so reports its own inputs).</summary>
    public bool IsPathBuilder(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => IsPathBuilder(invocation.TargetMethod),
        IInterpolatedStringOperation interpolated => PathLikeStrings.IsPathLike(interpolated, this),
        IBinaryOperation binary => PathLikeStrings.IsPathLike(binary, this),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="value"/> is a place on disk: a member of the path and directory helpers
    /// (<c>Path.GetTempPath()</c>, <c>Directory.GetCurrentDirectory()</c>), the process's folders
    /// (<c>AppContext.BaseDirectory</c>, <c>Environment.GetFolderPath</c>), a file's location (<c>file.DirectoryName</c>),
    /// or the host's content or web root.
    /// </summary>
    public bool IsFileSystemRoot(IOperation value)
    {
        ISymbol? member = value.WithoutConversions() switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        return member?.ContainingType is { } type && _fileSystemRootTypes.Contains(type.OriginalDefinition) &&
               member.Name is not ("UserName" or "MachineName" or "NewLine" or "ProcessorCount" or "Name" or "Extension");
    }

    /// <summary>A path, file name or key argument of a storage call (not of a path builder).</summary>
    public bool IsStoragePathArgument(IArgumentOperation argument)
    {
        var method = argument.Parent switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            _ => null,
        };
        return method is not null && IsSinkMethod(method) && IsPathArgument(argument, method) && !IsPathBuilder(method);
    }

    /// <summary>True when the method belongs to a storage API whose string parameters named like paths, file names or keys are sinks.</summary>
    public bool IsSinkMethod(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (SinkTypes.Contains(type.OriginalDefinition))
        {
            return true;
        }

        if (ClassicSinkTypes.IsEmpty)
        {
            return false;
        }

        // An override (HttpPostedFileWrapper.SaveAs) is the sink it overrides.
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (_classicSinkMethods.Contains(current.OriginalDefinition) || _headerMethods.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="argument"/> of the sink <paramref name="method"/> is a path, file name or key: a
    /// parameter named so (<see cref="IsPathParameter"/>), or the value of a <c>Content-Disposition</c> header added
    /// with <c>Response.AddHeader</c>/<c>AppendHeader</c> (the download's file name).
    /// </summary>
    public bool IsPathArgument(IArgumentOperation argument, IMethodSymbol method)
    {
        if (!IsHeaderMethod(method))
        {
            return IsPathParameter(argument.Parameter);
        }

        if (argument.Parameter is not { Name: "value" } || argument.Parent is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var other in invocation.Arguments)
        {
            if (other.Parameter?.Name == "name" && other.Value.ConstantValue is { HasValue: true, Value: string name })
            {
                return string.Equals(name.Trim(), "Content-Disposition", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private bool IsHeaderMethod(IMethodSymbol method)
    {
        if (_headerMethods.IsEmpty)
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (_headerMethods.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A string parameter that takes a path, file name, download name, blob name or object key.</summary>
    public static bool IsPathParameter(IParameterSymbol? parameter)
    {
        if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var name = parameter.Name;
        // A directory search's pattern is a file name (Directory.GetFiles(dir, $"*{phone}*.wav") finds one person's files).
        return name.IndexOf("path", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("file", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name.IndexOf("dir", StringComparison.OrdinalIgnoreCase) >= 0 ||
               name is "root" or "blobName" or "key" or "objectName" or "obj" or "sourceKey" or "destinationKey" or "searchPattern";
    }

    private static bool HasAnyCloudSdk(WellKnownTypes types) =>
        Resolve(types, "Azure.Storage.Blobs.BlobContainerClient") is not null ||
        Resolve(types, "Amazon.S3.IAmazonS3") is not null ||
        Resolve(types, "Google.Cloud.Storage.V1.StorageClient") is not null ||
        Resolve(types, "Minio.DataModel.Args.ObjectArgs`1") is not null;

    /// <summary>A type by metadata name; a type of an SDK the compilation does not reference is not looked up at all.</summary>
    internal static INamedTypeSymbol? Resolve(WellKnownTypes types, string name)
    {
        foreach (var (prefix, assembly) in SdkAssemblies)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return types.References(assembly) ? types.Resolve(name) : null;
            }
        }

        return types.Resolve(name);
    }
}
