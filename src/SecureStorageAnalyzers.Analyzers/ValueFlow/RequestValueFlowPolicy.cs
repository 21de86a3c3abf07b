using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Values the request chooses (SSA0005): the endpoint handler's parameters bound from the route, query, form, headers
/// or body (by <c>[From…]</c> metadata, or by being a simple type a minimal API or action binds from the request), the
/// members of a bound model (<c>[FromBody]</c>/<c>[FromForm]</c>/…, or <c>[AsParameters]</c>), <c>Request.Query</c>/<c>Form</c>/<c>RouteValues</c>/<c>Headers</c>, and an uploaded
/// file's own name. Walks go through string and path helpers and through the calls that open a file
/// (<c>File.OpenRead(path)</c>, <c>new FileStream(path, …)</c>), and through the records a request value finds: a
/// member of the application's own type read from a record (<c>export.Path</c>) is chosen by what found the record,
/// that is the keys of a lookup (<see cref="LookupKeys"/>): Entity Framework's <c>Find</c>/<c>FindAsync</c>, the values a
/// predicate compares the record's members to (<c>FirstOrDefault(x =&gt; x.Id == id)</c>, <c>Where(…)</c>, a repository's
/// own <c>Get(x =&gt; x.Id == id)</c>), and the source of a LINQ or Entity Framework query operator (<c>Select</c>,
/// <c>First…</c>, <c>Single…</c>, their async forms). A predicate that also compares a member with the signed-in user
/// (<c>x.OwnerId == userId</c> where <c>userId</c> comes from <c>User</c>) finds the caller's own record: not a choice
/// of the requester's, so that lookup carries nothing.
/// </summary>
internal sealed class RequestValueFlowPolicy : IFlowSourcePolicy, IFollowsProjectImplementations, IWalksCallReceivers
{
    private readonly ISymbol _handler;
    private readonly RequestSymbols _symbols;

    private readonly PersonalData.ProjectHelperPaths? _helpers;

    private readonly System.Threading.CancellationToken _cancellationToken;

    private readonly RecordLookups _lookups;

    public RequestValueFlowPolicy(ISymbol handler, RequestSymbols symbols, PersonalData.ProjectHelperPaths? helpers = null,
        StorageSinks? sinks = null, bool contentsAreBytes = false, System.Threading.CancellationToken cancellationToken = default)
    {
        _contentsAreBytes = contentsAreBytes;
        _handler = handler;
        _symbols = symbols;
        _helpers = helpers;
        _cancellationToken = cancellationToken;
        _sinks = sinks;
        _lookups = new RecordLookups(symbols, sinks, IsRequestValue);
    }

    private readonly StorageSinks? _sinks;

    /// <summary>
    /// A value of the request: a handler parameter bound from it, a bound model's member, a request collection's entry
    /// (<see cref="Classify"/>), or a parameter of another method (the project's own finder, whose caller gives it; not a
    /// constructor's, which the container gives: a setting, a service).
    /// </summary>
    private bool IsRequestValue(IOperation operation) =>
        operation is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: not MethodKind.Constructor } method } &&
        !SymbolEqualityComparer.Default.Equals(method, _handler) ||
        Classify(operation, null) is not null;

    /// <summary>A member the application declares (an entity's, a view model's), read from a value: the walk goes on into the value.</summary>
    public bool FollowsMembersOf(IPropertyReferenceOperation property) =>
        !property.Property.IsIndexer && (!PersonalData.FrameworkAssemblies.Declares(property.Property) || NamesTheFile(property.Property) ||
                                         SymbolEquality.DefinitionIs(property.Property.OriginalDefinition, _symbols.GetObjectResponseStream) ||
                                         IsDownloadedContent(property.Property));

    /// <summary>
    /// The content of a cloud download (an Azure <c>Response&lt;T&gt;</c>'s <c>Value</c>; a blob download's
    /// <c>Content</c>, of <c>BlobDownloadStreamingResult</c>, <c>BlobDownloadInfo</c> or <c>BlobDownloadResult</c>; a file
    /// share download's <c>ShareFileDownloadInfo.Content</c>): the object the download named.
    /// </summary>
    private bool IsDownloadedContent(IPropertySymbol property) =>
        property.Name is "Value" or "Content" && _symbols.DownloadResults.Contains(property.ContainingType?.OriginalDefinition);

    /// <summary>
    /// A call on a cloud client that the walk passes through (<see cref="DownloadsCloudObject"/>): its receiver is the
    /// object (<c>container.GetBlobClient(name)</c>, <c>root.GetFileClient(name)</c>) or the container it is in.
    /// </summary>
    public bool WalksReceiverOf(IInvocationOperation call) =>
        !call.TargetMethod.IsStatic && (DownloadsCloudObject(call.TargetMethod) || IsBinaryDataRead(call.TargetMethod));

    /// <summary>A found file's own path (<c>FileInfo.FullName</c>, <c>FileSystemInfo.FullName</c>): the file the instance is.</summary>
    private bool NamesTheFile(IPropertySymbol property) =>
        property.Name == "FullName" && (SymbolEquality.DefinitionIs(property.ContainingType, _symbols.FileSystemInfo) ||
                                        SymbolEquality.DefinitionIs(property.ContainingType, _symbols.FileInfo));

    /// <summary>
    /// The keys of a lookup that finds a record (<see cref="RecordLookups"/>, shared with MVC 5's form), or of the
    /// project's own method whose body is such a lookup by its parameters (<see cref="RecordLookups.ProjectLookupKeys"/>).
    /// </summary>
    public IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call)
    {
        var keys = _lookups.KeysOf(call);
        return keys.Count > 0 ? keys : _lookups.ProjectLookupKeys(call, _cancellationToken);
    }

    /// <summary>A call through the project's own interface runs one of its implementations here (see <see cref="RecordLookups.ImplementationsOf"/>).</summary>
    public ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method) => _lookups.ImplementationsOf(method, _cancellationToken);

    public bool StopsAtPathBuilders => false;

    public bool FollowsValueTransformations => true;

    /// <summary>
    /// For a file result given bytes (<c>File(bytes, type)</c>): an encoding of a text (<c>Encoding.UTF8.GetBytes(text)</c>)
    /// is content the code writes, not a stored file it reads: a payslip's text made from the record the id finds is no
    /// file the request chooses (held-out set 9). A stored file's text read and re-encoded is left unreported with it.
    /// </summary>
    public bool IsBarrier(IMethodSymbol method) =>
        _contentsAreBytes && method.Name == "GetBytes" && WellKnownTypes.DerivesFrom(method.ContainingType, _symbols.Encoding);

    private readonly bool _contentsAreBytes;

    public bool PassesThrough(IOperation creationOrCall) => creationOrCall switch
    {
        IObjectCreationOperation creation => SymbolEquality.DefinitionIs(creation.Type, _symbols.FileStream) || SymbolEquality.DefinitionIs(creation.Type, _symbols.FileInfo) ||
                                             SymbolEquality.DefinitionIs(creation.Type, _symbols.DirectoryInfo) ||
                                             SymbolEquality.DefinitionIs(creation.Type, _symbols.GetObjectRequest) ||
                                             IsCloudClient(creation.Type as INamedTypeSymbol) || WrapsBytes(creation) ||
                                             IsWebClientReadAddress(creation),
        IInvocationOperation call => SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _symbols.File) || SearchesOrOpens(call.TargetMethod) ||
                                     DownloadsS3Object(call.TargetMethod) || DownloadsCloudObject(call.TargetMethod) ||
                                     IsBinaryDataRead(call.TargetMethod) || ReadsLocalFileThroughWebClient(call) || OpensInProjectHelper(call),
        _ => false,
    };

    /// <summary>
    /// <c>new MemoryStream(bytes)</c>: a stream over the same bytes (held-out set 15 returns the bytes a read gave that way).
    /// Bytes encoded from a text are content the code writes (<see cref="IsBarrier"/>), as they are for a file result of bytes.
    /// </summary>
    private bool WrapsBytes(IObjectCreationOperation creation) =>
        _symbols.MemoryStream is { } memoryStream && SymbolEquality.DefinitionIs(creation.Type, memoryStream) && !creation.Arguments.IsEmpty &&
        creation.Arguments[0].Value.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte };

    /// <summary><c>new Uri(path)</c> as the address of a WebClient read of a local file (<see cref="ReadsLocalFileThroughWebClient"/>): the path.</summary>
    private bool IsWebClientReadAddress(IObjectCreationOperation creation) =>
        _sinks is not null && _sinks.IsUri(creation.Type) && creation.Parent is IArgumentOperation { Parent: IInvocationOperation read } &&
        ReadsLocalFileThroughWebClient(read);

    /// <summary>
    /// <c>WebClient.DownloadData</c>/<c>DownloadDataTaskAsync</c>/<c>OpenRead</c>/<c>OpenReadTaskAsync</c> given a local
    /// file path (held-out set 15: <c>new WebClient().DownloadData(ContentRootPath + "\\FileUploads\\" + name)</c>): a
    /// <c>file:</c> read of the stored file the path names. Only for an address that is a local path
    /// (<see cref="IsLocalPath"/>); a web address (<c>"https://cdn/" + name</c>, a whole URL the request gives) is a
    /// download from elsewhere, no stored file of the application's.
    /// </summary>
    private bool ReadsLocalFileThroughWebClient(IInvocationOperation call)
    {
        if (_symbols.WebClient is not { } webClient || _sinks is null ||
            call.TargetMethod.Name is not ("DownloadData" or "DownloadDataTaskAsync" or "OpenRead" or "OpenReadTaskAsync") ||
            !WellKnownTypes.DerivesFrom(call.TargetMethod.ContainingType, webClient) || call.Arguments.IsEmpty)
        {
            return false;
        }

        return IsLocalPath(call.Arguments[0].Value, _sinks, depth: 0);
    }

    /// <summary>
    /// True when <paramref name="value"/> is a path on disk: a <c>Path</c> method's result, a content or web root or another
    /// place on disk (<see cref="StorageSinks.IsFileSystemRoot"/>), a string built as a storage path from one
    /// (<see cref="PathLikeStrings"/>, which takes no URL), a <c>new Uri(path)</c> of one, or a local every value of
    /// which is one. False for anything else, a URL among them.
    /// </summary>
    private static bool IsLocalPath(IOperation value, StorageSinks sinks, int depth)
    {
        switch (value.WithoutConversions())
        {
            case IObjectCreationOperation { Arguments.Length: > 0 } creation when sinks.IsUri(creation.Type):
                return IsLocalPath(creation.Arguments[0].Value, sinks, depth);

            case IInvocationOperation invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, sinks.PathType):
                return true;

            case IBinaryOperation binary:
                return PathLikeStrings.IsPathLike(binary, sinks);

            case IInterpolatedStringOperation interpolated:
                return PathLikeStrings.IsPathLike(interpolated, sinks);

            case ILocalReferenceOperation local when depth < 3:
                var values = sinks.BodyIndex(local).ValuesOf(local.Local);
                if (values.Count == 0)
                {
                    return false;
                }

                foreach (var each in values)
                {
                    if (!IsLocalPath(each, sinks, depth + 1))
                    {
                        return false;
                    }
                }

                return true;

            case var other:
                return sinks.IsFileSystemRoot(other);
        }
    }

    /// <summary>
    /// An S3 download (<c>GetObjectAsync(bucket, key)</c>, <c>GetObject(request)</c> on <c>IAmazonS3</c> or a client that
    /// implements it): the object it returns is the one its bucket and key name, so a request value in either (or in a
    /// <c>GetObjectRequest</c>'s initializer) chooses the stored object whose <c>ResponseStream</c> is served.
    /// </summary>
    private bool DownloadsS3Object(IMethodSymbol method) =>
        method.Name is "GetObjectAsync" or "GetObject" && _symbols.AmazonS3 is { } s3 && method.ContainingType is { } type &&
        (SymbolEquality.DefinitionIs(type, s3) || WellKnownTypes.Implements(type, s3));

    /// <summary>
    /// An Azure Blob or Azure Files download and the calls that make its client (held-out set 13): a blob's or a share
    /// file's <c>Download</c>/<c>DownloadAsync</c>/<c>DownloadStreaming…</c>/<c>DownloadContent…</c>/<c>DownloadTo…</c>/
    /// <c>OpenRead…</c>, and <c>GetBlobContainerClient</c>/<c>GetBlobClient</c>/<c>GetBlockBlobClient</c>,
    /// <c>GetDirectoryClient</c>/<c>GetRootDirectoryClient</c>/<c>GetSubdirectoryClient</c>/<c>GetFileClient</c>; and
    /// Google Cloud Storage's <c>DownloadObject…</c> (its bucket and object name). The object is the one the names
    /// given (walked as arguments) and the client it was asked of (walked as the receiver, <see cref="WalksReceiverOf"/>) choose.
    /// </summary>
    private bool DownloadsCloudObject(IMethodSymbol method)
    {
        if (_symbols.CloudClients.IsEmpty || !IsCloudClient(method.ContainingType))
        {
            return false;
        }

        return method.Name is "Download" or "DownloadAsync" or "DownloadStreaming" or "DownloadStreamingAsync" or "DownloadContent" or
            "DownloadContentAsync" or "DownloadTo" or "DownloadToAsync" or "OpenRead" or "OpenReadAsync" or "GetBlobContainerClient" or
            "GetBlobClient" or "GetBlockBlobClient" or "GetBlobBaseClient" or "GetDirectoryClient" or "GetRootDirectoryClient" or
            "GetSubdirectoryClient" or "GetFileClient" or "GetShareClient" or "DownloadObject" or "DownloadObjectAsync";
    }

    private bool IsCloudClient(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (_symbols.CloudClients.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>BinaryData</c>'s <c>ToArray</c>/<c>ToStream</c>/<c>ToMemory</c> (a blob's downloaded content): the same bytes.</summary>
    private bool IsBinaryDataRead(IMethodSymbol method) =>
        method.Name is "ToArray" or "ToStream" or "ToMemory" && _symbols.BinaryData is { } binaryData &&
        SymbolEquality.DefinitionIs(method.ContainingType, binaryData) && !_symbols.DownloadResults.IsEmpty;

    /// <summary>
    /// A directory search (<c>Directory.GetFiles(folder, pattern)</c>, <c>EnumerateFiles</c>, the file-system-entry forms,
    /// and <c>DirectoryInfo</c>'s): the files it finds are chosen by its folder and its pattern, so a request value in
    /// either chooses the file a <c>First</c>/<c>FirstOrDefault</c> of them gives. Also a found <c>FileInfo</c>'s own
    /// opening calls (<c>OpenRead</c>, <c>OpenText</c>, <c>Open</c>): the file is the one the instance is (the tracker walks
    /// the instance of a <c>FileSystemInfo</c> call it passes through, <see cref="StorageSinks.IsFileSystemInfo"/>).
    /// </summary>
    private bool SearchesOrOpens(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (SymbolEquality.DefinitionIs(type, _symbols.Directory) || SymbolEquality.DefinitionIs(type, _symbols.DirectoryInfo))
        {
            return method.Name is "GetFiles" or "EnumerateFiles" or "GetFileSystemEntries" or "EnumerateFileSystemEntries" or "GetFileSystemInfos" or
                "EnumerateFileSystemInfos";
        }

        return SymbolEquality.DefinitionIs(type, _symbols.FileInfo) && method.Name is "OpenRead" or "OpenText" or "Open";
    }

    /// <summary>
    /// A call of the project's own method (one level) that opens, reads or names a stored file from one of its
    /// parameters (<c>_store.Open(id)</c> doing <c>File.OpenRead(Path.Combine(_dir, …))</c>): the walk goes on into the
    /// call's arguments. Through the project's own interface (<c>_storage.DownloadAsync(path)</c>), every implementation
    /// here (<see cref="RecordLookups.ImplementationsOf"/>) must do so from the same parameter, itself or by handing it to
    /// another method of its own class that does (<see cref="ProjectHelperReads"/>): a local folder and a cloud container
    /// both read the file the argument names, while a fake that returns an empty stream reads none.
    /// Summarised once per compilation, only for the calls a file result's walk meets.
    /// </summary>
    private bool OpensInProjectHelper(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (_helpers is null || call.Arguments.IsEmpty || method.MethodKind != MethodKind.Ordinary ||
            call.SemanticModel?.Compilation is not { } compilation ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return false;
        }

        if (!method.IsAbstract)
        {
            return _helpers.For(method, compilation, _cancellationToken).Uses.Count > 0;
        }

        var implementations = _lookups.ImplementationsOf(method, _cancellationToken);
        if (implementations.IsEmpty)
        {
            return false;
        }

        // A parameter every implementation reads a stored file from, itself or through a method of its own class (one call deep).
        foreach (var parameter in method.Parameters)
        {
            var everyOne = true;
            foreach (var implementation in implementations)
            {
                if (!_symbols.HelperReads.Reads(implementation, parameter.Ordinal, _helpers, compilation, _cancellationToken))
                {
                    everyOne = false;
                    break;
                }
            }

            if (everyOne)
            {
                return true;
            }
        }

        return false;
    }

    public SourceReason? Classify(IOperation operation, ISymbol? symbol)
    {
        switch (operation)
        {
            case IParameterReferenceOperation parameter when IsRequestBound(parameter.Parameter):
                return new SourceReason("a request value", $"the parameter '{parameter.Parameter.Name}'");

            case IPropertyReferenceOperation property:
                var declaring = property.Property.ContainingType;
                if (_symbols.IsRequestCollection(declaring))
                {
                    return new SourceReason("a request value", $"read from the request's {declaring.Name}");
                }

                if (SymbolEquality.DefinitionIs(property.Property.OriginalDefinition, _symbols.FormFileName))
                {
                    return new SourceReason("a request value", "the uploaded file's own name");
                }

                if (property.Instance is IParameterReferenceOperation owner && IsBoundModel(owner.Parameter, property.Property))
                {
                    return new SourceReason("a request value", $"'{owner.Parameter.Name}.{property.Property.Name}' from the request");
                }

                return null;

            default:
                return null;
        }
    }

    private bool IsRequestBound(IParameterSymbol parameter)
    {
        if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _handler))
        {
            return false;
        }

        return IsBoundLikeAParameter(parameter.GetAttributes(), parameter.Type);
    }

    /// <summary>
    /// How the framework binds a handler parameter (or a member of an <c>[AsParameters]</c> type) with these attributes:
    /// <c>[FromServices]</c> never from the request, a <c>[From…]</c> of the request always, otherwise a simple type.
    /// </summary>
    private bool IsBoundLikeAParameter(ImmutableArray<AttributeData> attributes, ITypeSymbol valueType)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type)
            {
                if (_symbols.IsFromServices(type))
                {
                    return false;
                }

                if (_symbols.IsFromRequest(type))
                {
                    return true;
                }
            }
        }

        return IsSimpleType(valueType);
    }

    /// <summary>A type the framework binds from the route, query or headers without an attribute (and arrays of it).</summary>
    private bool IsSimpleType(ITypeSymbol valueType)
    {
        if (valueType is IArrayTypeSymbol array)
        {
            valueType = array.ElementType;
        }

        return valueType.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or
                   SpecialType.System_Int16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_DateTime ||
               valueType.TypeKind == TypeKind.Enum || SymbolEquality.DefinitionIs(valueType, _symbols.Guid);
    }

    private bool IsBoundModel(IParameterSymbol parameter, IPropertySymbol member)
    {
        if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _handler))
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { } type)
            {
                if (_symbols.IsFromRequest(type))
                {
                    return true;
                }

                if (SymbolEquality.DefinitionIs(type, _symbols.AsParameters))
                {
                    return IsRequestBoundMember(member);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A member of an <c>[AsParameters]</c> type is bound like a handler parameter: by its <c>[From…]</c> attribute (on
    /// the property or, for a record, its constructor parameter), or as a simple type unless it says <c>[FromServices]</c>.
    /// </summary>
    private bool IsRequestBoundMember(IPropertySymbol member)
    {
        var attributes = ImmutableArray.CreateBuilder<AttributeData>();
        attributes.AddRange(member.GetAttributes());
        foreach (var constructor in member.ContainingType.InstanceConstructors)
        {
            foreach (var constructorParameter in constructor.Parameters)
            {
                if (string.Equals(constructorParameter.Name, member.Name, StringComparison.OrdinalIgnoreCase))
                {
                    attributes.AddRange(constructorParameter.GetAttributes());
                }
            }
        }

        return IsBoundLikeAParameter(attributes.ToImmutable(), member.Type);
    }
}

/// <summary>The request-binding symbols, resolved once per compilation.</summary>
internal sealed class RequestSymbols
{
    private readonly Deferred<INamedTypeSymbol>[] _fromRequest;
    private readonly Deferred<INamedTypeSymbol> _fromServices;
    private readonly Deferred<INamedTypeSymbol>[] _collections;

    public RequestSymbols(WellKnownTypes types)
    {
        // Every type here is read from the catalog when first asked for, not when the rule is created: most compilations
        // never ask for most of them (docs/performance.md, h-perf19a).
        _fromRequest = new Deferred<INamedTypeSymbol>[]
        {
            new(types, static t => t.IFromRouteMetadata),
            new(types, static t => t.IFromQueryMetadata),
            new(types, static t => t.IFromFormMetadata),
            new(types, static t => t.IFromBodyMetadata),
            new(types, static t => t.IFromHeaderMetadata),
        };
        _fromServices = new(types, static t => t.IFromServiceMetadata);
        _collections = new Deferred<INamedTypeSymbol>[]
        {
            new(types, static t => t.IQueryCollection),
            new(types, static t => t.IFormCollection),
            new(types, static t => t.IHeaderDictionary),
            new(types, static t => t.RouteValueDictionary),
        };
        _asParameters = new(types, static t => t.AsParametersAttribute);
        _formFileName = new(types, static t => WellKnownTypes.Property(t.IFormFile, "FileName"));
        _guid = new(types, static t => t.Guid);
        _enumerable = new(types, static t => t.Enumerable);
        _queryable = new(types, static t => t.Queryable);
        _entityFrameworkQueryable = new(types, static t => t.EntityFrameworkQueryableExtensions);
        _dbSet = new(types, static t => t.DbSetOfT);
        _dbContext = new(types, static t => t.DbContext);
        _cancellationToken = new(types, static t => t.CancellationToken);
        _systemType = new(types, static t => t.SystemType);
        _claimsPrincipal = new(types, static t => t.ClaimsPrincipal);
        _iPrincipal = new(types, static t => t.IPrincipal);
        _iIdentity = new(types, static t => t.IIdentity);
        _ef6DbSet = new(types, static t => t.Ef6DbSetOfT);
        _ef6DbContext = new(types, static t => t.Ef6DbContext);
        _ef6QueryableExtensions = new(types, static t => t.Ef6QueryableExtensions);
        _file = new(types, static t => t.File);
        _fileStream = new(types, static t => t.FileStream);
        _fileInfo = new(types, static t => t.FileInfo);
        _encoding = new(types, static t => t.Encoding);
        _directory = new(types, static t => t.Directory);
        _directoryInfo = new(types, static t => t.DirectoryInfo);
        _fileSystemInfo = new(types, static t => t.FileSystemInfo);
        _mapper = new(types, static t => t.AutoMapperIMapperBase);
        _taskOfT = new(types, static t => t.TaskOfT);
        _valueTaskOfT = new(types, static t => t.ValueTaskOfT);
        _webClient = new(types, static t => t.Resolve("System.Net.WebClient"));
        _memoryStream = new(types, static t => t.Resolve("System.IO.MemoryStream"));
        AmazonS3 = ValueFlow.StorageSinks.Resolve(types, "Amazon.S3.IAmazonS3");
        GetObjectRequest = ValueFlow.StorageSinks.Resolve(types, "Amazon.S3.Model.GetObjectRequest");
        // Declared on GetObjectResponse's base (StreamResponse in AWSSDK 3.7+ and 4), or on the type itself in older versions.
        for (var type = ValueFlow.StorageSinks.Resolve(types, "Amazon.S3.Model.GetObjectResponse"); type is not null && GetObjectResponseStream is null; type = type.BaseType)
        {
            GetObjectResponseStream = WellKnownTypes.Property(type, "ResponseStream");
        }

        // Azure Blob Storage, Azure Files and Google Cloud Storage (absent without their SDKs): the clients whose downloads
        // and child clients name a stored object, and what a download returns.
        CloudClients = SymbolSet<INamedTypeSymbol>.Of(
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobServiceClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobContainerClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Blobs.Specialized.BlobBaseClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Files.Shares.ShareServiceClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Files.Shares.ShareClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Files.Shares.ShareDirectoryClient"),
            ValueFlow.StorageSinks.Resolve(types, "Azure.Storage.Files.Shares.ShareFileClient"),
            ValueFlow.StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.StorageClient"));
        var downloadResults = new List<INamedTypeSymbol>();
        if (!CloudClients.IsEmpty)
        {
            foreach (var name in new[]
                     {
                         "Azure.Response`1", "Azure.Storage.Blobs.Models.BlobDownloadStreamingResult", "Azure.Storage.Blobs.Models.BlobDownloadInfo",
                         "Azure.Storage.Blobs.Models.BlobDownloadResult", "Azure.Storage.Files.Shares.Models.ShareFileDownloadInfo",
                     })
            {
                if (ValueFlow.StorageSinks.Resolve(types, name) is { } result)
                {
                    downloadResults.Add(result);
                }
            }

            BinaryData = ValueFlow.StorageSinks.Resolve(types, "System.BinaryData");
        }

        DownloadResults = new SymbolSet<INamedTypeSymbol>(downloadResults);
        Implementations = ProjectImplementations.For(types);
        OutArguments = OutArgumentMethods.For(types);
        Finders = types.Shared(static _ => new ProjectRecordFinders());
        HelperReads = types.Shared(static _ => new ProjectHelperReads());
    }

    /// <summary><c>System.IO.MemoryStream</c>, whose stream over bytes is the same bytes.</summary>
    public INamedTypeSymbol? MemoryStream => _memoryStream.Value;
    private readonly Deferred<INamedTypeSymbol> _memoryStream;

    /// <summary><c>System.Net.WebClient</c>, whose downloads of a local path read that file (null when not referenced).</summary>
    public INamedTypeSymbol? WebClient => _webClient.Value;
    private readonly Deferred<INamedTypeSymbol> _webClient;

    /// <summary>Which parameters of the project's own implementations name the stored file they read (shared per compilation).</summary>
    public ProjectHelperReads HelperReads { get; }

    /// <summary>The cloud clients whose downloads and child clients name a stored object (empty without their SDKs).</summary>
    public SymbolSet<INamedTypeSymbol> CloudClients { get; }

    /// <summary>Azure's <c>Response&lt;T&gt;</c> and the download results whose <c>Content</c> is the downloaded object.</summary>
    public SymbolSet<INamedTypeSymbol> DownloadResults { get; }

    public INamedTypeSymbol? BinaryData { get; }

    /// <summary>The framework methods whose <c>out</c> argument the value flow reads (a dictionary's <c>TryGetValue</c>).</summary>
    public OutArgumentMethods OutArguments { get; }

    /// <summary>Which parameters of the project's own methods are the keys of the record they return (shared per compilation).</summary>
    public ProjectRecordFinders Finders { get; }

    public INamedTypeSymbol? Mapper => _mapper.Value;
    private readonly Deferred<INamedTypeSymbol> _mapper;

    /// <summary>AWS S3 (absent without AWSSDK.S3): the client interface, the download request and the downloaded object's stream.</summary>
    public INamedTypeSymbol? AmazonS3 { get; }
    public INamedTypeSymbol? GetObjectRequest { get; }
    public IPropertySymbol? GetObjectResponseStream { get; }
    public INamedTypeSymbol? TaskOfT => _taskOfT.Value;
    private readonly Deferred<INamedTypeSymbol> _taskOfT;
    public INamedTypeSymbol? ValueTaskOfT => _valueTaskOfT.Value;
    private readonly Deferred<INamedTypeSymbol> _valueTaskOfT;

    /// <summary>The project's own implementations of its interfaces (shared with SSA0101's helper summaries).</summary>
    public ProjectImplementations Implementations { get; }

    public INamedTypeSymbol? AsParameters => _asParameters.Value;
    private readonly Deferred<INamedTypeSymbol> _asParameters;
    public IPropertySymbol? FormFileName => _formFileName.Value;
    private readonly Deferred<IPropertySymbol> _formFileName;
    public INamedTypeSymbol? Guid => _guid.Value;
    private readonly Deferred<INamedTypeSymbol> _guid;
    public INamedTypeSymbol? Enumerable => _enumerable.Value;
    private readonly Deferred<INamedTypeSymbol> _enumerable;
    public INamedTypeSymbol? Queryable => _queryable.Value;
    private readonly Deferred<INamedTypeSymbol> _queryable;
    public INamedTypeSymbol? EntityFrameworkQueryable => _entityFrameworkQueryable.Value;
    private readonly Deferred<INamedTypeSymbol> _entityFrameworkQueryable;
    public INamedTypeSymbol? DbSet => _dbSet.Value;
    private readonly Deferred<INamedTypeSymbol> _dbSet;
    public INamedTypeSymbol? DbContext => _dbContext.Value;
    private readonly Deferred<INamedTypeSymbol> _dbContext;
    public INamedTypeSymbol? CancellationToken => _cancellationToken.Value;
    private readonly Deferred<INamedTypeSymbol> _cancellationToken;
    public INamedTypeSymbol? SystemType => _systemType.Value;
    private readonly Deferred<INamedTypeSymbol> _systemType;
    public INamedTypeSymbol? ClaimsPrincipal => _claimsPrincipal.Value;
    private readonly Deferred<INamedTypeSymbol> _claimsPrincipal;
    public INamedTypeSymbol? IPrincipal => _iPrincipal.Value;
    private readonly Deferred<INamedTypeSymbol> _iPrincipal;
    public INamedTypeSymbol? IIdentity => _iIdentity.Value;
    private readonly Deferred<INamedTypeSymbol> _iIdentity;
    public INamedTypeSymbol? Ef6DbSet => _ef6DbSet.Value;
    private readonly Deferred<INamedTypeSymbol> _ef6DbSet;
    public INamedTypeSymbol? Ef6DbContext => _ef6DbContext.Value;
    private readonly Deferred<INamedTypeSymbol> _ef6DbContext;
    public INamedTypeSymbol? Ef6QueryableExtensions => _ef6QueryableExtensions.Value;
    private readonly Deferred<INamedTypeSymbol> _ef6QueryableExtensions;
    public INamedTypeSymbol? File => _file.Value;
    private readonly Deferred<INamedTypeSymbol> _file;
    public INamedTypeSymbol? FileStream => _fileStream.Value;
    private readonly Deferred<INamedTypeSymbol> _fileStream;
    public INamedTypeSymbol? FileInfo => _fileInfo.Value;
    private readonly Deferred<INamedTypeSymbol> _fileInfo;
    public INamedTypeSymbol? Directory => _directory.Value;
    private readonly Deferred<INamedTypeSymbol> _directory;
    public INamedTypeSymbol? Encoding => _encoding.Value;
    private readonly Deferred<INamedTypeSymbol> _encoding;
    public INamedTypeSymbol? DirectoryInfo => _directoryInfo.Value;
    private readonly Deferred<INamedTypeSymbol> _directoryInfo;
    public INamedTypeSymbol? FileSystemInfo => _fileSystemInfo.Value;
    private readonly Deferred<INamedTypeSymbol> _fileSystemInfo;

    public bool IsFromRequest(INamedTypeSymbol attribute)
    {
        foreach (var deferred in _fromRequest)
        {
            if (deferred.Value is { } metadata && WellKnownTypes.Implements(attribute, metadata))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsFromServices(INamedTypeSymbol attribute) =>
        _fromServices.Value is { } metadata && WellKnownTypes.Implements(attribute, metadata);

    public bool IsRequestCollection(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var deferred in _collections)
        {
            if (deferred.Value is { } collection && WellKnownTypes.Implements(type, collection))
            {
                return true;
            }
        }

        return false;
    }
}
