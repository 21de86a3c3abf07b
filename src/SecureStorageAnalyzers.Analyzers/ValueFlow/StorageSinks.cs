using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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

    private readonly LazyTypeSet _messageTypes;
    private readonly LazyType _file;
    private readonly LazyType _fileInfo;
    private readonly LazyType _fileSystemInfo;
    private readonly LazyType _fileStream;
    private readonly LazyType _streamWriter;
    private readonly LazyTypeSet _streamReaders;
    private readonly LazyType _fileMode;
    private readonly LazyType _fileAccess;
    private readonly LazyType _fileStreamOptions;
    private readonly LazyType _exception;
    private readonly LazyTypeSet _fileSystemRootTypes;
    private readonly LazyType _readOnlySpan;
    private readonly LazyType _span;

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
        _types = types;

        // Nothing below resolves a type: each is resolved when it is first asked about (LazyType), most of them when a
        // call of a type of their name is first seen; a type of an SDK the compilation does not reference is never looked up.
        _file = Lazy(types, "System.IO.File");
        _fileInfo = Lazy(types, "System.IO.FileInfo");
        _fileStream = Lazy(types, "System.IO.FileStream");
        _streamWriter = Lazy(types, "System.IO.StreamWriter");

        // Document and image libraries that save to a path of their own (absent ones resolve to null).
        _pdfDocuments = new LazyTypeSet(types, "PdfSharp.Pdf.PdfDocument", "PdfSharpCore.Pdf.PdfDocument", "MigraDoc.Rendering.PdfDocumentRenderer");
        _image = Lazy(types, "System.Drawing.Image");
        _bitmap = Lazy(types, "System.Drawing.Bitmap");
        _webFormsImage = Lazy(types, "System.Web.UI.WebControls.Image");
        _questPdfGenerate = Lazy(types, "QuestPDF.Fluent.GenerateExtensions");
        _workbooks = new LazyTypeSet(types, "ClosedXML.Excel.XLWorkbook", "ClosedXML.Excel.IXLWorkbook");
        _pdfWriter = Lazy(types, "iText.Kernel.Pdf.PdfWriter");
        _openXmlDocuments = new LazyTypeSet(types, "DocumentFormat.OpenXml.Packaging.WordprocessingDocument",
            "DocumentFormat.OpenXml.Packaging.SpreadsheetDocument", "DocumentFormat.OpenXml.Packaging.PresentationDocument");
        _openXmlCopies = new LazyTypeSet(types, "DocumentFormat.OpenXml.Packaging.OpenXmlPackage", "DocumentFormat.OpenXml.Packaging.CloneableExtensions");
        _docXCreators = new LazyTypeSet(types, "Novacode.DocX", "Xceed.Words.NET.DocX");
        _docXDocuments = new LazyTypeSet(types, "Novacode.DocX", "Xceed.Words.NET.DocX", "Xceed.Document.NET.Document");
        _excelPackage = Lazy(types, "OfficeOpenXml.ExcelPackage");
        _gemBoxDocuments = new LazyTypeSet(types, "GemBox.Document.DocumentModel", "GemBox.Spreadsheet.ExcelFile");

        var sinkTypes = new System.Collections.Generic.List<LazyType>();
        foreach (var name in SinkTypeNames)
        {
            sinkTypes.Add(Lazy(types, name));
        }

        sinkTypes.AddRange(new[] { _image, _questPdfGenerate, _pdfWriter, _excelPackage });
        foreach (var set in new[] { _pdfDocuments, _workbooks, _openXmlDocuments, _openXmlCopies, _docXDocuments, _gemBoxDocuments })
        {
            sinkTypes.AddRange(set.Types);
        }

        SinkTypes = new LazyTypeSet(sinkTypes);
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

        _stringBuilder = Lazy(types, "System.Text.StringBuilder");
        // The body index's types, resolved when the first index is built. A cloud download into a stream
        // (blob.DownloadToAsync(memory), storage.DownloadObjectAsync(bucket, name, memory)).
        var stream = Lazy(types, "System.IO.Stream");
        // (Both SDK types: nothing is looked up without those SDKs.)
        var downloads = SymbolSet<INamedTypeSymbol>.Of(Resolve(types, "Azure.Storage.Blobs.Specialized.BlobBaseClient"),
            Resolve(types, "Google.Cloud.Storage.V1.StorageClient"));
        _createIndex = root => new MethodBodyIndex(root, StringBuilder, IsStoragePathArgument, stream.Value, downloads, OutArgumentMethods.For(types));
        _path = Lazy(types, "System.IO.Path");
        _directory = Lazy(types, "System.IO.Directory");
        _environment = Lazy(types, "System.Environment");
        _fileSystemInfo = Lazy(types, "System.IO.FileSystemInfo");
        _streamReaders = new LazyTypeSet(types, "System.IO.StreamReader", "System.IO.BinaryReader");
        _fileMode = Lazy(types, "System.IO.FileMode");
        _fileAccess = Lazy(types, "System.IO.FileAccess");
        _fileStreamOptions = Lazy(types, "System.IO.FileStreamOptions");
        _string = Lazy(types, "System.String");
        _convert = Lazy(types, "System.Convert");
        _encoding = Lazy(types, "System.Text.Encoding");
        _hashAlgorithm = Lazy(types, "System.Security.Cryptography.HashAlgorithm");
        _hmac = Lazy(types, "System.Security.Cryptography.HMAC");
        _uri = Lazy(types, "System.Uri");
        _taskOfT = Lazy(types, "System.Threading.Tasks.Task`1");
        _physicalFileProvider = Lazy(types, "Microsoft.Extensions.FileProviders.PhysicalFileProvider");
        _httpClient = Lazy(types, "System.Net.Http.HttpClient");
        _httpRequestMessage = Lazy(types, "System.Net.Http.HttpRequestMessage");
        _httpRequest = WebLazy(types, "Microsoft.AspNetCore.Http.HttpRequest");
        _hostString = WebLazy(types, "Microsoft.AspNetCore.Http.HostString");
        _webUtility = Lazy(types, "System.Net.WebUtility");
        _regex = Lazy(types, "System.Text.RegularExpressions.Regex");
        _enumerable = Lazy(types, "System.Linq.Enumerable");
        // Where a string is a message, not a path: loggers, the console, debug traces.
        _messageTypes = new LazyTypeSet(types, "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.LoggerExtensions",
            "System.Console", "System.Diagnostics.Debug", "System.Diagnostics.Trace");
        _exception = Lazy(types, "System.Exception");
        // Types whose members yield a place on disk: the path and directory helpers, the process's folders, a file's own
        // location, and the host's content and web roots. A string built from one of them is a file-system path.
        _fileSystemRootTypes = new LazyTypeSet(new[]
        {
            _path, _directory, _fileSystemInfo, _fileInfo, Lazy(types, "System.IO.DirectoryInfo"), Lazy(types, "System.AppContext"),
            Lazy(types, "System.AppDomain"), _environment, WebLazy(types, "Microsoft.Extensions.Hosting.IHostEnvironment"),
            WebLazy(types, "Microsoft.AspNetCore.Hosting.IWebHostEnvironment"), WebLazy(types, "Microsoft.AspNetCore.Hosting.IHostingEnvironment"),
            WebLazy(types, "Microsoft.Extensions.Hosting.IHostingEnvironment"),
        });
        _readOnlySpan = Lazy(types, "System.ReadOnlySpan`1");
        _span = Lazy(types, "System.Span`1");
    }

    private readonly WellKnownTypes _types;
    private readonly LazyType _stringBuilder;
    private readonly LazyType _path;
    private readonly LazyType _directory;
    private readonly LazyType _environment;
    private readonly LazyType _string;
    private readonly LazyType _convert;
    private readonly LazyType _encoding;
    private readonly LazyType _hashAlgorithm;
    private readonly LazyType _hmac;
    private readonly LazyType _uri;
    private readonly LazyType _taskOfT;
    private readonly LazyType _webUtility;
    private readonly LazyType _regex;
    private readonly LazyType _enumerable;
    private SymbolSet<IPropertySymbol>? _urlPropertiesCache;

    /// <summary>The URLs of Web Forms links and pictures (HyperLink.NavigateUrl, Image.ImageUrl and so ImageButton's): addresses; read on first use.</summary>
    private SymbolSet<IPropertySymbol> _urlProperties =>
        Volatile.Read(ref _urlPropertiesCache) ?? Interlocked.CompareExchange(ref _urlPropertiesCache, UrlProperties(_types), null) ?? _urlPropertiesCache!;

    /// <summary>A type by metadata name, resolved on first use; one of an SDK the compilation does not reference is never looked up (<see cref="Resolve"/>).</summary>
    private static LazyType Lazy(WellKnownTypes types, string name) => new(types, name, IsReferencedSdk(types, name));

    /// <summary>A web type: as <see cref="WellKnownTypes"/>' own, absent without ASP.NET Core.</summary>
    private static LazyType WebLazy(WellKnownTypes types, string name) => new(types, name, types.HasAspNetCore);

    /// <summary>The metadata names of the storage sink types the compilation may have, for <see cref="PackRule.LazyCallTypes"/>.</summary>
    public System.Collections.Generic.IEnumerable<string> SinkTypeMetadataNames => SinkTypes.Types.Where(t => t.Present).Select(t => t.MetadataName);

    /// <summary>
    /// True for a <c>FileInfo</c> or <c>DirectoryInfo</c> (a <c>System.IO.FileSystemInfo</c>): a call on one that a policy
    /// passes through (<c>dir.GetFiles(pattern)</c>, <c>file.OpenRead()</c>) is about the file or folder the instance is,
    /// so the walk goes on into the instance as well as the arguments.
    /// </summary>
    public bool IsFileSystemInfo(ITypeSymbol? type) => _fileSystemInfo.Value is not null && WellKnownTypes.DerivesFrom(type, _fileSystemInfo.Value);

    /// <summary><c>System.Text.StringBuilder</c>: how many file names are built; its appends carry the value.</summary>
    public INamedTypeSymbol? StringBuilder => _stringBuilder.Value;

    public LazyTypeSet SinkTypes { get; }

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
    public INamedTypeSymbol? PathType => _path.Value;

    /// <summary><c>System.IO.Directory</c>: its <c>GetFiles</c>/<c>EnumerateFiles</c> and the like list paths.</summary>
    public INamedTypeSymbol? DirectoryType => _directory.Value;

    /// <summary><c>System.Environment</c>: its folders are paths, its other values (the user's name, a variable) are not.</summary>
    public INamedTypeSymbol? EnvironmentType => _environment.Value;

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

    public INamedTypeSymbol? String => _string.Value;
    public INamedTypeSymbol? Convert => _convert.Value;
    public INamedTypeSymbol? Encoding => _encoding.Value;
    public INamedTypeSymbol? HashAlgorithm => _hashAlgorithm.Value;
    public INamedTypeSymbol? Hmac => _hmac.Value;
    public INamedTypeSymbol? Uri => _uri.Value;

    /// <summary><c>System.Threading.Tasks.Task&lt;T&gt;</c>: its <c>Result</c> is what awaiting it gives.</summary>
    public INamedTypeSymbol? TaskOfT => _taskOfT.Value;

    private readonly LazyType _physicalFileProvider;

    /// <summary>
    /// The folder a <c>PhysicalFileProvider</c>'s <c>Root</c> names: the root argument of the provider created in place or
    /// held in a local of one value (<c>new PhysicalFileProvider(Path.Combine(cwd, "wwwroot", "Files")).Root + name</c>,
    /// held-out set 18's document saver); null for anything else.
    /// </summary>
    public IOperation? PhysicalFileProviderRoot(IPropertyReferenceOperation root)
    {
        if (root.Property.Name != "Root" || !_physicalFileProvider.Is(root.Property.ContainingType) || root.Instance is not { } instance)
        {
            return null;
        }

        var provider = instance.WithoutConversions();
        if (provider is ILocalReferenceOperation local && BodyIndex(local).ValuesOf(local.Local) is { Count: 1 } values)
        {
            provider = values[0].WithoutConversions();
        }

        return provider is IObjectCreationOperation { Arguments.Length: >= 1 } creation && _physicalFileProvider.Is(creation.Type)
            ? creation.Arguments[0].Value
            : null;
    }
    public INamedTypeSymbol? WebUtility => _webUtility.Value;
    public INamedTypeSymbol? Regex => _regex.Value;

    /// <summary><c>System.Linq.Enumerable</c>: its operators over a string's characters keep them (<c>name.Where(char.IsLetter).ToArray()</c>).</summary>
    public INamedTypeSymbol? Enumerable => _enumerable.Value;

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
    internal static INamedTypeSymbol? Resolve(WellKnownTypes types, string name) => IsReferencedSdk(types, name) ? types.Resolve(name) : null;

    /// <summary>False for a name of an SDK (by namespace prefix) the compilation does not reference; true for any other name.</summary>
    private static bool IsReferencedSdk(WellKnownTypes types, string name)
    {
        if (name.Length == 0 || name[0] is not ('A' or 'G' or 'M'))
        {
            // Every SDK prefix below starts with one of these.
            return true;
        }

        foreach (var (prefix, assembly) in SdkAssemblies)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return types.References(assembly);
            }
        }

        return true;
    }
}
