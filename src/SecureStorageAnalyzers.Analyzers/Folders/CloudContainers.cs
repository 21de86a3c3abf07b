using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// The cloud side of the folder-identity model (SSA0009, issue #16): which Azure Blob Storage container or S3 bucket a
/// call makes public (what SSA0007/SSA0008 report) or uploads an object into (SSA0101's object-key sinks), as a
/// <see cref="Folder"/> whose root is <c>container:…</c> or <c>bucket:…</c>. Two places name the same container when
/// <list type="bullet">
/// <item>its name is the same, as <see cref="FolderModel"/> resolves a value: the same literal or constant
/// (<c>container:name:recordings</c>), the same configuration key or options member bound from it
/// (<c>container:config:Storage:Container</c>), the same field or property whose value is not known; or</item>
/// <item>the client is the same object: the same field, property, constructor parameter or local
/// (<c>container:client:…</c>), when how it was created is not known.</item>
/// </list>
/// A container client is followed to its creation (<c>blobs.GetBlobContainerClient(name)</c>,
/// <c>new BlobContainerClient(connection, name)</c>) through a local's one value and a field's or property's values in the
/// project; an S3 bucket is the <c>BucketName</c> of the request object; a Google Cloud Storage bucket is the
/// <c>bucket</c> argument of <c>StorageClient</c>'s calls (or the <c>Bucket</c>/<c>Name</c> of the <c>Object</c> or
/// <c>Bucket</c> passed); a MinIO bucket is the <c>WithBucket(…)</c> of the same fluent argument builder. Unknown stays unknown: a name built from a value
/// (<c>"rec-" + tenant</c>) names no container, and makes no chain.
/// </summary>
/// <remarks>
/// SDK types are resolved through <see cref="StorageSinks.Resolve"/>: none is looked up unless the compilation references
/// its assembly. Object-level grants (<c>PutObjectRequest.CannedACL</c>, <c>UploadObjectOptions.PredefinedAcl</c>, which
/// make one object public, not the bucket) and Google ACL entries added to a bucket's list are not part of the chain.
/// </remarks>
internal sealed class CloudContainers
{
    internal const string ContainerPrefix = "container:";
    internal const string BucketPrefix = "bucket:";

    private readonly StorageSinks _sinks;
    private readonly INamedTypeSymbol? _blobServiceClient;
    private readonly INamedTypeSymbol? _blobContainerClient;
    private readonly INamedTypeSymbol? _blobClient;
    private readonly INamedTypeSymbol? _blockBlobClient;
    private readonly SymbolSet<INamedTypeSymbol> _s3UploadRequests;
    private readonly SymbolSet<INamedTypeSymbol> _s3BucketRequests;
    private readonly SymbolSet<INamedTypeSymbol> _transferUtilities;
    private readonly INamedTypeSymbol? _gcsClient;
    private readonly INamedTypeSymbol? _gcsObject;
    private readonly INamedTypeSymbol? _gcsBucket;
    private readonly INamedTypeSymbol? _minioObjectArgs;
    private readonly INamedTypeSymbol? _minioBucketArgs;
    private readonly INamedTypeSymbol? _minioPutObjectArgs;

    private CloudContainers(WellKnownTypes types)
    {
        _sinks = StorageSinks.Create(types);
        _blobServiceClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobServiceClient");
        _blobContainerClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobContainerClient");
        _blobClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobClient");
        _blockBlobClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.Specialized.BlockBlobClient");
        _s3UploadRequests = CloudStorage.CloudAccessCatalog.TypesNamed(types, "Amazon.S3.Model.PutObjectRequest", "Amazon.S3.Transfer.TransferUtilityUploadRequest",
            "Amazon.S3.Model.InitiateMultipartUploadRequest");
        _s3BucketRequests = CloudStorage.CloudAccessCatalog.TypesNamed(types, "Amazon.S3.Model.PutBucketRequest", "Amazon.S3.Model.PutBucketPolicyRequest");
        _transferUtilities = CloudStorage.CloudAccessCatalog.TypesNamed(types, "Amazon.S3.Transfer.TransferUtility", "Amazon.S3.Transfer.ITransferUtility");
        _gcsClient = StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.StorageClient");
        _gcsObject = StorageSinks.Resolve(types, "Google.Apis.Storage.v1.Data.Object");
        _gcsBucket = StorageSinks.Resolve(types, "Google.Apis.Storage.v1.Data.Bucket");
        _minioObjectArgs = StorageSinks.Resolve(types, "Minio.DataModel.Args.ObjectArgs`1");
        _minioBucketArgs = StorageSinks.Resolve(types, "Minio.DataModel.Args.BucketArgs`1");
        _minioPutObjectArgs = StorageSinks.Resolve(types, "Minio.DataModel.Args.PutObjectArgs");

        var uploadTypes = new List<INamedTypeSymbol>(_s3UploadRequests);
        uploadTypes.AddRange(_transferUtilities);
        uploadTypes.AddRange(Symbols.NonNull(_blobContainerClient, _blobClient, _blockBlobClient, _gcsClient, _minioObjectArgs));
        UploadTypes = uploadTypes.ToImmutableArray();
    }

    /// <summary>The model of the compilation, shared by the rules that ask.</summary>
    public static CloudContainers For(WellKnownTypes types) => types.Shared(static t => new CloudContainers(t));

    /// <summary>The types whose calls and creations <see cref="IsUpload"/> looks at; empty without the SDKs.</summary>
    public ImmutableArray<INamedTypeSymbol> UploadTypes { get; }

    /// <summary>True when the call or creation may upload an object (cheap, for the operation action: no flow is walked).</summary>
    public bool IsUpload(IOperation operation, IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        switch (operation)
        {
            case IObjectCreationOperation { Initializer: not null } creation when creation.Type is INamedTypeSymbol created && _s3UploadRequests.Contains(created.OriginalDefinition):
                return true;
            case IInvocationOperation when type is not null:
                if (method.Name is "Upload" or "UploadAsync")
                {
                    return SymbolEquality.Is(type, _blobClient) || SymbolEquality.Is(type, _blockBlobClient) || _transferUtilities.Contains(type);
                }

                if (method.Name is "UploadObject" or "UploadObjectAsync")
                {
                    return SymbolEquality.Is(type, _gcsClient);
                }

                if (method.Name == "WithObject")
                {
                    // ObjectArgs<PutObjectArgs>.WithObject(name): the key of a MinIO upload (not of a download's arguments).
                    return SymbolEquality.Is(type, _minioObjectArgs) && IsMinioPut(method.ContainingType);
                }

                return method.Name is "UploadBlob" or "UploadBlobAsync" && SymbolEquality.Is(type, _blobContainerClient);
            default:
                return false;
        }
    }

    /// <summary>The object key of an upload and the container or bucket it goes into (null when unknown); null when <paramref name="operation"/> uploads nothing the model knows.</summary>
    public (IOperation Key, Folder? Container)? Upload(IOperation operation, FolderModel folders, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return Initialized(creation, "Key") is { } key ? (key, Bucket(Initialized(creation, "BucketName"), folders, cancellationToken)) : null;

            case IInvocationOperation invocation:
                var type = invocation.TargetMethod.ContainingType?.OriginalDefinition;
                if (type is null)
                {
                    return null;
                }

                if (_transferUtilities.Contains(type))
                {
                    return invocation.Arguments.Argument("key", explicitOnly: true) is { } key2 ? (key2, Bucket(invocation.Arguments.Argument("bucketName", explicitOnly: true), folders, cancellationToken)) : null;
                }

                if (SymbolEquality.Is(type, _gcsClient))
                {
                    // UploadObject(bucket, objectName, contentType, source, …) or UploadObject(new Object { Bucket, Name }, source, …).
                    if (invocation.Arguments.Argument("objectName", explicitOnly: true) is { } objectName)
                    {
                        return (objectName, Bucket(invocation.Arguments.Argument("bucket", explicitOnly: true), folders, cancellationToken));
                    }

                    return invocation.Arguments.Argument("destination", explicitOnly: true) is { } destination && Created(destination, _gcsObject) is { } gcsObject &&
                           Initialized(gcsObject, "Name") is { } gcsName
                        ? (gcsName, Bucket(Initialized(gcsObject, "Bucket"), folders, cancellationToken))
                        : null;
                }

                if (SymbolEquality.Is(type, _minioObjectArgs))
                {
                    return invocation.Arguments.Length == 1
                        ? (invocation.Arguments[0].Value, Bucket(MinioBucket(invocation), folders, cancellationToken))
                        : null;
                }

                if (SymbolEquality.Is(type, _blobContainerClient))
                {
                    return invocation.Arguments.Argument("blobName", explicitOnly: true) is { } blobName && invocation.Instance is { } container
                        ? (blobName, Container(container, folders, 0, cancellationToken))
                        : null;
                }

                // blob.UploadAsync(…): the blob client, from container.GetBlobClient(name) or new BlobClient(connection, container, name).
                if (invocation.Instance is not { } instance || _sinks.SingleValue(instance) is not { } blob)
                {
                    return null;
                }

                if (blob is IInvocationOperation { TargetMethod.Name: "GetBlobClient" or "GetBlockBlobClient" } getBlob &&
                    getBlob.Arguments.Argument("blobName", explicitOnly: true) is { } name &&
                    getBlob.Receiver() is { } owner)
                {
                    return (name, Container(owner, folders, 0, cancellationToken));
                }

                if (blob is IObjectCreationOperation blobCreation && blobCreation.Arguments.Argument("blobName", explicitOnly: true) is { } createdName)
                {
                    return (createdName, Name(ContainerPrefix, blobCreation.Arguments.Argument("blobContainerName", explicitOnly: true), folders, cancellationToken));
                }

                return null;

            default:
                return null;
        }
    }

    /// <summary>The container or bucket a call or assignment that SSA0007/SSA0008 judge public makes public; null when unknown.</summary>
    public Folder? ExposedBy(IOperation operation, FolderModel folders, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var type = invocation.TargetMethod.ContainingType?.OriginalDefinition;
                if (SymbolEquality.Is(type, _blobContainerClient) && invocation.Instance is { } container)
                {
                    return Container(container, folders, 0, cancellationToken);
                }

                if (SymbolEquality.Is(type, _blobServiceClient))
                {
                    return Name(ContainerPrefix, invocation.Arguments.Argument("blobContainerName", explicitOnly: true), folders, cancellationToken);
                }

                if (invocation.TargetMethod.Name == "WithPolicy" && _minioBucketArgs is not null)
                {
                    // new SetPolicyArgs().WithBucket(name).WithPolicy(json): the bucket of the same builder.
                    return Bucket(MinioBucket(invocation), folders, cancellationToken);
                }

                return null;

            case ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation options } }
                when _gcsClient is not null && options.CallReceiving() is { } gcsCall && SymbolEquality.Is(gcsCall.TargetMethod.ContainingType?.OriginalDefinition, _gcsClient):
                // A bucket-level predefined ACL in the options of CreateBucket/UpdateBucket/PatchBucket(…): the bucket named
                // by the call (a name, or the Bucket object's Name). An object-level ACL (UploadObjectOptions) is not the bucket's.
                if (gcsCall.TargetMethod.Name is not ("CreateBucket" or "CreateBucketAsync" or "UpdateBucket" or "UpdateBucketAsync" or "PatchBucket" or "PatchBucketAsync"))
                {
                    return null;
                }

                var bucketArgument = gcsCall.Arguments.Argument("bucket", explicitOnly: true);
                if (bucketArgument is not null && bucketArgument.Type?.SpecialType == SpecialType.System_String)
                {
                    return Bucket(bucketArgument, folders, cancellationToken);
                }

                return bucketArgument is not null && Created(bucketArgument, _gcsBucket) is { } bucketObject
                    ? Bucket(Initialized(bucketObject, "Name"), folders, cancellationToken)
                    : null;

            case ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } }
                when creation.Type is INamedTypeSymbol created && _s3BucketRequests.Contains(created.OriginalDefinition):
                return Bucket(Initialized(creation, "BucketName"), folders, cancellationToken);

            default:
                return null;
        }
    }

    /// <summary>True when a MinIO <c>ObjectArgs&lt;T&gt;</c> is the one of <c>PutObjectArgs</c> (an upload).</summary>
    private bool IsMinioPut(INamedTypeSymbol? objectArgs) =>
        objectArgs is { TypeArguments.Length: 1 } && SymbolEquality.Is(objectArgs.TypeArguments[0].OriginalDefinition, _minioPutObjectArgs);

    /// <summary>
    /// The argument of <c>WithBucket(…)</c> in the same fluent MinIO builder as <paramref name="call"/>, before it
    /// (<c>.WithBucket(b).WithObject(k)</c>) or after it (<c>.WithObject(k).WithBucket(b)</c>); null when none is seen.
    /// </summary>
    private IOperation? MinioBucket(IInvocationOperation call)
    {
        for (IOperation? current = call.Instance; current is not null;)
        {
            current = _sinks.SingleValue(current);
            if (current is not IInvocationOperation receiver)
            {
                break;
            }

            if (IsWithBucket(receiver))
            {
                return receiver.Arguments[0].Value;
            }

            current = receiver.Instance;
        }

        for (var current = (IOperation)call; current.Parent is IInvocationOperation next && next.Instance == current; current = next)
        {
            if (IsWithBucket(next))
            {
                return next.Arguments[0].Value;
            }
        }

        return null;
    }

    private bool IsWithBucket(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name == "WithBucket" && invocation.Arguments.Length == 1 &&
        SymbolEquality.Is(invocation.TargetMethod.ContainingType?.OriginalDefinition, _minioBucketArgs);

    /// <summary>The creation of <paramref name="type"/> a value is (directly or through a local's one value), or null.</summary>
    private IObjectCreationOperation? Created(IOperation value, INamedTypeSymbol? type) =>
        type is not null && _sinks.SingleValue(value) is IObjectCreationOperation creation && SymbolEquality.Is(creation.Type?.OriginalDefinition, type)
            ? creation
            : null;

    /// <summary>The container a <c>BlobContainerClient</c> value is a client of.</summary>
    private Folder? Container(IOperation client, FolderModel folders, int depth, CancellationToken cancellationToken)
    {
        if (depth > 4)
        {
            return null;
        }

        var value = client.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
            if (values.Count != 1)
            {
                return ClientIdentity(local.Local);
            }

            value = values[0].WithoutConversions();
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "GetBlobContainerClient" } get when SymbolEquality.Is(get.TargetMethod.ContainingType?.OriginalDefinition, _blobServiceClient):
                return Name(ContainerPrefix, get.Arguments.Argument("blobContainerName", explicitOnly: true), folders, cancellationToken);

            case IObjectCreationOperation creation when SymbolEquality.Is(creation.Type?.OriginalDefinition, _blobContainerClient):
                return Name(ContainerPrefix, creation.Arguments.Argument("blobContainerName", explicitOnly: true), folders, cancellationToken);

            case IFieldReferenceOperation field when field.Field.IsDeclaredInSource():
                return Member(field.Field.OriginalDefinition, folders, depth, cancellationToken);

            case IPropertyReferenceOperation { Property.IsIndexer: false } property when property.Property.IsDeclaredInSource():
                return Member(property.Property.OriginalDefinition, folders, depth, cancellationToken);

            case IParameterReferenceOperation parameter:
                return ClientIdentity(parameter.Parameter.OriginalDefinition);

            case ILocalReferenceOperation other:
                return ClientIdentity(other.Local);

            default:
                return null;
        }
    }

    /// <summary>A field or property holding a container client: the container all its values agree on, or the member itself.</summary>
    private Folder? Member(ISymbol member, FolderModel folders, int depth, CancellationToken cancellationToken)
    {
        Folder? agreed = null;
        foreach (var value in folders.ValuesOf(member, cancellationToken))
        {
            var each = Container(value, folders, depth + 1, cancellationToken);
            if (each is null || agreed is not null && !agreed.Equals(each))
            {
                return ClientIdentity(member);
            }

            agreed = each;
        }

        return agreed ?? ClientIdentity(member);
    }

    private static Folder? Bucket(IOperation? name, FolderModel folders, CancellationToken cancellationToken) => Name(BucketPrefix, name, folders, cancellationToken);

    /// <summary>A container or bucket by its name: the folder model's identity of the name value, closed.</summary>
    private static Folder? Name(string prefix, IOperation? name, FolderModel folders, CancellationToken cancellationToken)
    {
        if (name is null || folders.PathOf(name, cancellationToken) is not { Open: false } folder)
        {
            return null;
        }

        if (string.Equals(folder.Root, Folder.CurrentDirectory, System.StringComparison.Ordinal))
        {
            return folder.Segments.Length == 1 ? Folder.At(prefix + "name:" + folder.Segments[0]) : null;
        }

        return folder.Segments.IsEmpty ? Folder.At(prefix + folder.Root) : null;
    }

    private static Folder ClientIdentity(ISymbol symbol)
    {
        var id = symbol is ILocalSymbol or IParameterSymbol && !symbol.Locations.IsEmpty
            ? $"{symbol.Name}#{symbol.Locations[0].SourceTree?.FilePath}:{symbol.Locations[0].SourceSpan.Start}"
            : symbol.ToDisplayString();
        return Folder.At(ContainerPrefix + "client:" + id);
    }

    private static IOperation? Initialized(IObjectCreationOperation creation, string property)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var member in creation.Initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == property)
            {
                return assignment.Value;
            }
        }

        return null;
    }
}
