using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>What a finding of SSA0007/SSA0008 grants to anyone.</summary>
internal enum PublicAccess
{
    None,

    /// <summary>Anyone can read stored objects whose names they know (SSA0007).</summary>
    Read,

    /// <summary>Anyone can list the stored objects (SSA0008); Azure's container level also lets them read.</summary>
    List,

    /// <summary>Anyone can list and read (Azure's <c>PublicAccessType.BlobContainer</c>): one level, SSA0008 alone.</summary>
    ListAndRead,

    /// <summary>Two grants in one policy (<c>s3:GetObject</c> and <c>s3:ListBucket</c> to <c>*</c>): SSA0007 and SSA0008.</summary>
    ReadAndListGrants,
}

/// <summary>
/// Where the cloud storage SDKs make stored objects public, resolved once per compilation and shared by SSA0007 and
/// SSA0008: Azure Blob Storage's public access levels, S3 canned ACLs, public-access blocks and bucket policies, Google
/// Cloud Storage's predefined ACLs and ACL entries, MinIO bucket policies. SDK types are resolved through
/// <see cref="StorageSinks.Resolve"/>: none is looked up unless the compilation references its assembly.
/// </summary>
internal sealed class CloudAccessCatalog
{
    private static readonly ImmutableArray<string> CannedAclRequests = ImmutableArray.Create(
        "Amazon.S3.Model.PutObjectRequest", "Amazon.S3.Model.CopyObjectRequest",
        "Amazon.S3.Model.InitiateMultipartUploadRequest", "Amazon.S3.Model.PutACLRequest",
        "Amazon.S3.Transfer.TransferUtilityUploadRequest");

    private static readonly ImmutableArray<string> GcsOptionTypes = ImmutableArray.Create(
        "Google.Cloud.Storage.V1.UploadObjectOptions", "Google.Cloud.Storage.V1.UpdateObjectOptions",
        "Google.Cloud.Storage.V1.PatchObjectOptions", "Google.Cloud.Storage.V1.CopyObjectOptions",
        "Google.Cloud.Storage.V1.CreateBucketOptions", "Google.Cloud.Storage.V1.UpdateBucketOptions",
        "Google.Cloud.Storage.V1.PatchBucketOptions");

    private readonly WellKnownTypes _types;
    private readonly INamedTypeSymbol? _publicAccessType;
    private readonly SymbolSet<INamedTypeSymbol> _azureClients;
    private readonly INamedTypeSymbol? _azureContainer;
    private readonly SymbolSet<INamedTypeSymbol> _azureBlobClients;
    private readonly INamedTypeSymbol? _s3CannedAcl;
    private readonly SymbolSet<IPropertySymbol> _objectCannedAcls;
    private readonly IPropertySymbol? _bucketCannedAcl;
    private readonly SymbolSet<IPropertySymbol> _publicAccessBlocks;
    private readonly IPropertySymbol? _bucketPolicy;
    private readonly SymbolSet<INamedTypeSymbol> _s3Clients;
    private readonly INamedTypeSymbol? _predefinedObjectAcl;
    private readonly INamedTypeSymbol? _predefinedBucketAcl;
    private readonly SymbolSet<IPropertySymbol> _gcsPredefinedAcls;
    private readonly IPropertySymbol? _objectAclEntity;
    private readonly IPropertySymbol? _bucketAclEntity;
    private readonly IPropertySymbol? _s3GranteeUri;
    private readonly INamedTypeSymbol? _minioSetPolicyArgs;

    private CloudAccessCatalog(WellKnownTypes types)
    {
        _types = types;

        // Azure Blob Storage
        _publicAccessType = StorageSinks.Resolve(types, "Azure.Storage.Blobs.Models.PublicAccessType");
        _azureClients = TypesNamed(types, "Azure.Storage.Blobs.BlobContainerClient", "Azure.Storage.Blobs.BlobServiceClient");
        _azureContainer = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobContainerClient");
        _azureBlobClients = TypesNamed(types, "Azure.Storage.Blobs.BlobClient", "Azure.Storage.Blobs.Specialized.BlobBaseClient",
            "Azure.Storage.Blobs.Specialized.BlockBlobClient");

        // AWS S3
        _s3CannedAcl = StorageSinks.Resolve(types, "Amazon.S3.S3CannedACL");
        var objectAcls = new List<IPropertySymbol>();
        foreach (var name in CannedAclRequests)
        {
            if (Property(types, name, "CannedACL") is { } property)
            {
                objectAcls.Add(property);
            }
        }

        _objectCannedAcls = new SymbolSet<IPropertySymbol>(objectAcls);
        _bucketCannedAcl = Property(types, "Amazon.S3.Model.PutBucketRequest", "CannedACL");
        var blocks = new List<IPropertySymbol>();
        foreach (var name in new[] { "BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets" })
        {
            if (Property(types, "Amazon.S3.Model.PublicAccessBlockConfiguration", name) is { } property)
            {
                blocks.Add(property);
            }
        }

        _publicAccessBlocks = new SymbolSet<IPropertySymbol>(blocks);
        _bucketPolicy = Property(types, "Amazon.S3.Model.PutBucketPolicyRequest", "Policy");
        _s3Clients = TypesNamed(types, "Amazon.S3.IAmazonS3", "Amazon.S3.AmazonS3Client");
        _s3GranteeUri = Property(types, "Amazon.S3.Model.S3Grantee", "URI");

        // Google Cloud Storage
        _predefinedObjectAcl = StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.PredefinedObjectAcl");
        _predefinedBucketAcl = StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.PredefinedBucketAcl");
        var gcsAcls = new List<IPropertySymbol>();
        foreach (var name in GcsOptionTypes)
        {
            foreach (var propertyName in new[] { "PredefinedAcl", "DestinationPredefinedAcl", "PredefinedDefaultObjectAcl" })
            {
                if (Property(types, name, propertyName) is { } property)
                {
                    gcsAcls.Add(property);
                }
            }
        }

        _gcsPredefinedAcls = new SymbolSet<IPropertySymbol>(gcsAcls);
        _objectAclEntity = Property(types, "Google.Apis.Storage.v1.Data.ObjectAccessControl", "Entity");
        _bucketAclEntity = Property(types, "Google.Apis.Storage.v1.Data.BucketAccessControl", "Entity");

        // MinIO
        _minioSetPolicyArgs = StorageSinks.Resolve(types, "Minio.DataModel.Args.SetPolicyArgs");

        var callTypes = new List<INamedTypeSymbol>(_azureClients);
        callTypes.AddRange(_s3Clients);
        if (_minioSetPolicyArgs is not null)
        {
            callTypes.Add(_minioSetPolicyArgs);
        }

        CallTypes = callTypes.ToImmutableArray();
        var assigned = new List<IPropertySymbol>(_objectCannedAcls);
        assigned.AddRange(_publicAccessBlocks);
        assigned.AddRange(_gcsPredefinedAcls);
        assigned.AddRange(Symbols.NonNull(_bucketCannedAcl, _bucketPolicy, _objectAclEntity, _bucketAclEntity, _s3GranteeUri));

        AssignedProperties = assigned.ToImmutableArray();
    }

    /// <summary>The catalog of the compilation, shared by SSA0007 and SSA0008.</summary>
    public static CloudAccessCatalog Create(WellKnownTypes types) => types.Shared(static t => new CloudAccessCatalog(t));

    /// <summary>True when the compilation references none of the SDKs the rules look at.</summary>
    public bool IsEmpty => CallTypes.IsEmpty && AssignedProperties.IsEmpty;

    public ImmutableArray<INamedTypeSymbol> CallTypes { get; }

    public ImmutableArray<IPropertySymbol> AssignedProperties { get; }

    public WellKnownTypes Types => _types;

    /// <summary>What the call grants to anyone, and in a few words how (for the message).</summary>
    public (PublicAccess Access, string How) Judge(IOperation call, IMethodSymbol method)
    {
        if (call is not IInvocationOperation invocation)
        {
            return (PublicAccess.None, "");
        }

        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return (PublicAccess.None, "");
        }

        if (_azureClients.Contains(type))
        {
            if (method.Name is not ("Create" or "CreateAsync" or "CreateIfNotExists" or "CreateIfNotExistsAsync" or
                "SetAccessPolicy" or "SetAccessPolicyAsync" or "CreateBlobContainer" or "CreateBlobContainerAsync"))
            {
                return (PublicAccess.None, "");
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter &&
                    SymbolEqualityComparer.Default.Equals(parameter.Type, _publicAccessType) &&
                    argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return AzureLevel(argument.Value);
                }
            }

            return (PublicAccess.None, "");
        }

        if (_s3Clients.Contains(type))
        {
            return method.Name is "DeletePublicAccessBlock" or "DeletePublicAccessBlockAsync"
                ? (PublicAccess.Read, "removes the bucket's public access block, so public ACLs and policies take effect")
                : (PublicAccess.None, "");
        }

        if (SymbolEqualityComparer.Default.Equals(type, _minioSetPolicyArgs) && method.Name == "WithPolicy" &&
            invocation.Arguments.Length == 1)
        {
            return Policy(invocation.Arguments[0].Value);
        }

        return (PublicAccess.None, "");
    }

    /// <summary>What the assignment grants to anyone.</summary>
    public (PublicAccess Access, string How) Judge(ISimpleAssignmentOperation assignment, IPropertySymbol property)
    {
        property = property.OriginalDefinition;
        if (_objectCannedAcls.Contains(property) || SymbolEqualityComparer.Default.Equals(property, _bucketCannedAcl))
        {
            var bucket = SymbolEqualityComparer.Default.Equals(property, _bucketCannedAcl);
            if (!(SingleValue(assignment.Value) is IFieldReferenceOperation field &&
                  SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _s3CannedAcl)))
            {
                return (PublicAccess.None, "");
            }

            return field.Field.Name switch
            {
                "PublicRead" or "PublicReadWrite" when bucket => (PublicAccess.List, $"the bucket ACL S3CannedACL.{field.Field.Name} lets anyone list the bucket's objects"),
                "AuthenticatedRead" when bucket => (PublicAccess.List, "the bucket ACL S3CannedACL.AuthenticatedRead lets any AWS account list the bucket's objects"),
                "PublicRead" or "PublicReadWrite" or "AuthenticatedRead" when !bucket =>
                    (PublicAccess.Read, field.Field.Name == "AuthenticatedRead"
                        ? "S3CannedACL.AuthenticatedRead lets any AWS account read the object"
                        : $"S3CannedACL.{field.Field.Name} lets anyone read the object"),
                _ => (PublicAccess.None, ""),
            };
        }

        if (_publicAccessBlocks.Contains(property))
        {
            var value = SingleValue(assignment.Value);
            return value is { ConstantValue: { HasValue: true, Value: false } }
                ? (PublicAccess.Read, $"{property.Name} = false turns off a guard against public ACLs and policies")
                : (PublicAccess.None, "");
        }

        if (SymbolEqualityComparer.Default.Equals(property, _bucketPolicy))
        {
            return Policy(assignment.Value);
        }

        if (_gcsPredefinedAcls.Contains(property))
        {
            if (SingleValue(assignment.Value) is not { } value || value.Type is not { } enumType ||
                !value.ConstantValue.HasValue)
            {
                return (PublicAccess.None, "");
            }

            if (SymbolEqualityComparer.Default.Equals(enumType, _predefinedObjectAcl))
            {
                var name = MemberName(_predefinedObjectAcl!, value.ConstantValue.Value);
                return name is "PublicRead" or "AuthenticatedRead"
                    ? (PublicAccess.Read, name == "PublicRead"
                        ? "PredefinedObjectAcl.PublicRead lets anyone read the object"
                        : "PredefinedObjectAcl.AuthenticatedRead lets any Google account read the object")
                    : (PublicAccess.None, "");
            }

            if (SymbolEqualityComparer.Default.Equals(enumType, _predefinedBucketAcl))
            {
                var name = MemberName(_predefinedBucketAcl!, value.ConstantValue.Value);
                return name switch
                {
                    "PublicRead" or "PublicReadWrite" => (PublicAccess.List, $"PredefinedBucketAcl.{name} lets anyone list the bucket's objects"),
                    "AuthenticatedRead" => (PublicAccess.List, "PredefinedBucketAcl.AuthenticatedRead lets any Google account list the bucket's objects"),
                    _ => (PublicAccess.None, ""),
                };
            }

            return (PublicAccess.None, "");
        }

        var objectEntity = SymbolEqualityComparer.Default.Equals(property, _objectAclEntity);
        if (objectEntity || SymbolEqualityComparer.Default.Equals(property, _bucketAclEntity))
        {
            if (SingleValue(assignment.Value)?.ConstantValue is not { HasValue: true, Value: string entity} ||
                entity is not ("allUsers" or "allAuthenticatedUsers"))
            {
                return (PublicAccess.None, "");
            }

            return objectEntity
                ? (PublicAccess.Read, $"an ACL entry for '{entity}' lets anyone read the object")
                : (PublicAccess.List, $"a bucket ACL entry for '{entity}' lets anyone list the bucket's objects");
        }

        if (SymbolEqualityComparer.Default.Equals(property, _s3GranteeUri))
        {
            // The two predefined S3 groups that stand for everyone and for every AWS account, by the URIs the S3 ACL
            // documentation names them with.
            return SingleValue(assignment.Value)?.ConstantValue is { HasValue: true, Value: string uri } &&
                   GranteeGroup(uri) is { } group
                ? (PublicAccess.Read, group == "AllUsers"
                    ? "an ACL grant to the AllUsers group gives anyone its permission (on an object: read it; on a bucket: list it)"
                    : "an ACL grant to the AuthenticatedUsers group gives any AWS account its permission (on an object: read it; on a bucket: list it)")
                : (PublicAccess.None, "");
        }

        return (PublicAccess.None, "");
    }

    /// <summary>
    /// The expressions that name what a grant of read access covers, for what their words say (public media by design,
    /// SSA0007): the key and bucket of an S3 request whose object ACL is set (<c>Key</c>, <c>BucketName</c>,
    /// <c>DestinationKey</c>, <c>DestinationBucket</c>, from the same object initializer or assignments to the same local),
    /// the container name of an Azure container made public (<c>GetBlobContainerClient(name)</c>,
    /// <c>new BlobContainerClient(connection, name)</c> through a local, <c>CreateBlobContainer(name, …)</c>), and the
    /// bucket and object name of a Google Cloud Storage call whose options carry the ACL. Empty when none can be seen.
    /// </summary>
    public List<IOperation> ObjectNames(IOperation operation)
    {
        var names = new List<IOperation>();
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when _objectCannedAcls.Contains(target.Property.OriginalDefinition):
                RequestMembers(assignment, target, names, "Key", "BucketName", "DestinationKey", "DestinationBucket");
                break;

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                when _gcsPredefinedAcls.Contains(target.Property.OriginalDefinition) &&
                     assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation }:
                if (creation.CallReceiving() is { } upload)
                {
                    AddArguments(upload, names, "bucket", "objectName", "destinationBucket", "destinationObjectName");
                }

                break;

            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType is { } type && _azureClients.Contains(type.OriginalDefinition):
                AddArguments(invocation, names, "blobContainerName");
                if (invocation.Instance is { } instance && SingleValue(instance) is { } client && !ReferenceEquals(client, invocation.Instance.WithoutConversions()))
                {
                    switch (client)
                    {
                        case IInvocationOperation made:
                            AddArguments(made, names, "blobContainerName");
                            break;
                        case IObjectCreationOperation created:
                            foreach (var argument in created.Arguments)
                            {
                                if (argument.Parameter?.Name == "blobContainerName")
                                {
                                    names.Add(argument.Value);
                                }
                            }

                            break;
                    }
                }

                break;
        }

        return names;
    }

    /// <summary>
    /// The uploads into the Azure container an access-level call (<c>Create</c>/<c>CreateIfNotExists</c>/<c>SetAccessPolicy</c>)
    /// is made on, when the container client is a field of the application's type (<c>_containerClient</c>) or a local:
    /// every <c>UploadBlob(Async)</c> on it, and every <c>Upload(Async)</c>/<c>OpenWrite(Async)</c> of a blob client it
    /// hands out (<c>_containerClient.GetBlobClient(name)</c>, directly or through a local), anywhere in the type (in the
    /// method, for a local), each with the blob name it was given. Null when the client is held otherwise (a parameter, a
    /// call), so nothing is known of what it holds.
    /// </summary>
#pragma warning disable RS1030 // The type's other methods are in its own files: their semantic models, shared with the driver's cached ones.
    public List<(IInvocationOperation Upload, IOperation? BlobName)>? AzureContainerUploads(IOperation operation, Compilation compilation, CancellationToken cancellationToken)
    {
        if (_azureContainer is null || operation is not IInvocationOperation { Instance: { } instance } call ||
            !SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _azureContainer))
        {
            return null;
        }

        ISymbol holder;
        IEnumerable<SyntaxNode> scopes;
        switch (instance.WithoutConversions())
        {
            case IFieldReferenceOperation { Field: { ContainingType: { } owner } field } when field.IsDeclaredInSource():
                holder = field.OriginalDefinition;
                var declarations = new List<SyntaxNode>();
                foreach (var reference in owner.DeclaringSyntaxReferences)
                {
                    declarations.Add(reference.GetSyntax(cancellationToken));
                }

                scopes = declarations;
                break;
            case ILocalReferenceOperation local when call.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>() is { } body:
                holder = local.Local;
                scopes = new[] { (SyntaxNode)body };
                break;
            default:
                return null;
        }

        var uploads = new List<(IInvocationOperation, IOperation?)>();
        foreach (var scope in scopes)
        {
            if (!compilation.ContainsSyntaxTree(scope.SyntaxTree))
            {
                continue;
            }

            var model = compilation.GetSemanticModel(scope.SyntaxTree);
            foreach (var node in scope.DescendantNodes())
            {
                if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax ||
                    model.GetOperation(node, cancellationToken) is not IInvocationOperation { Instance: { } on } used ||
                    !IsHolder(on, holder) || !SymbolEquality.DefinitionIs(used.TargetMethod.ContainingType, _azureContainer))
                {
                    continue;
                }

                switch (used.TargetMethod.Name)
                {
                    case "UploadBlob" or "UploadBlobAsync":
                        uploads.Add((used, NamedArgument(used, "blobName")));
                        break;
                    case "GetBlobClient" or "GetBlockBlobClient":
                        foreach (var upload in UploadsOf(used))
                        {
                            uploads.Add((upload, NamedArgument(used, "blobName")));
                        }

                        break;
                }
            }
        }

        return uploads;
    }
#pragma warning restore RS1030

    private static bool IsHolder(IOperation instance, ISymbol holder) => instance.WithoutConversions() switch
    {
        IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, holder),
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, holder),
        _ => false,
    };

    private static IOperation? NamedArgument(IInvocationOperation invocation, string parameter)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter?.Name == parameter)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The writes of the blob client <paramref name="made"/> hands out: called on it, or on the local it is given to in the same method.</summary>
    private IEnumerable<IInvocationOperation> UploadsOf(IInvocationOperation made)
    {
        var parent = made.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IInvocationOperation direct && IsBlobWrite(direct))
        {
            yield return direct;
            yield break;
        }

        if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: { } local } })
        {
            yield break;
        }

        var root = (IOperation)made;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Walk())
        {
            if (descendant is IInvocationOperation { Instance: ILocalReferenceOperation used } write &&
                SymbolEqualityComparer.Default.Equals(used.Local, local) && IsBlobWrite(write))
            {
                yield return write;
            }
        }
    }

    private bool IsBlobWrite(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Upload" or "UploadAsync" or "OpenWrite" or "OpenWriteAsync" &&
        invocation.TargetMethod.ContainingType is { } type && _azureBlobClients.Contains(type.OriginalDefinition);

    private static void AddArguments(IInvocationOperation invocation, List<IOperation> names, params string[] parameters)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { } parameter &&
                Array.IndexOf(parameters, parameter.Name) >= 0)
            {
                names.Add(argument.Value);
            }
        }
    }

    /// <summary>The values of the request's other members named <paramref name="members"/>: siblings in its initializer, or assignments to the same local.</summary>
    private void RequestMembers(ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target, List<IOperation> names, params string[] members)
    {
        IObjectOrCollectionInitializerOperation? initializer = assignment.Parent as IObjectOrCollectionInitializerOperation;
        ILocalSymbol? local = null;
        if (initializer is null && target.Instance?.WithoutConversions() is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            if (SingleValue(reference) is IObjectCreationOperation { Initializer: { } localInitializer })
            {
                initializer = localInitializer;
            }
        }

        if (initializer is not null)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } sibling &&
                    Array.IndexOf(members, property.Property.Name) >= 0)
                {
                    names.Add(sibling.Value);
                }
            }
        }

        if (local is null)
        {
            return;
        }

        var root = (IOperation)assignment;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var node in root.Walk())
        {
            if (node is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } property } other &&
                SymbolEqualityComparer.Default.Equals(owner.Local, local) && Array.IndexOf(members, property.Property.Name) >= 0)
            {
                names.Add(other.Value);
            }
        }
    }

    private static string? GranteeGroup(string uri) =>
        uri.Trim() switch
        {
            "http://acs.amazonaws.com/groups/global/AllUsers" => "AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" => "AuthenticatedUsers",
            _ => null,
        };

    private (PublicAccess Access, string How) AzureLevel(IOperation value)
    {
        if (_publicAccessType is null || SingleValue(value) is not { ConstantValue.HasValue: true } constant)
        {
            return (PublicAccess.None, "");
        }

        return MemberName(_publicAccessType, constant.ConstantValue.Value) switch
        {
            "Blob" => (PublicAccess.Read, "PublicAccessType.Blob lets anyone read every blob of the container by its name"),
            "BlobContainer" => (PublicAccess.ListAndRead, "PublicAccessType.BlobContainer lets anyone list and read every blob of the container"),
            _ => (PublicAccess.None, ""),
        };
    }

    private (PublicAccess Access, string How) Policy(IOperation value)
    {
        // The policy's text as far as the code fixes it (constants, interpolations, formats, concatenations); what the
        // code leaves open (a bucket name) is a hole that grants nothing.
        if (PolicyText.Read(_types, value) is not { } json)
        {
            return (PublicAccess.None, "");
        }

        var (read, list) = PolicyDocument.PublicGrants(json);
        return (read, list) switch
        {
            (true, true) => (PublicAccess.ReadAndListGrants, "the bucket policy allows s3:GetObject and s3:ListBucket to principal \"*\""),
            (false, true) => (PublicAccess.List, "the bucket policy allows s3:ListBucket to principal \"*\""),
            (true, false) => (PublicAccess.Read, "the bucket policy allows s3:GetObject to principal \"*\""),
            _ => (PublicAccess.None, ""),
        };
    }

    /// <summary>See <see cref="SingleValue(WellKnownTypes, IOperation)"/>.</summary>
    private IOperation? SingleValue(IOperation value) => SingleValue(_types, value);

    /// <summary>The value, or the one value of a local given exactly one (<see cref="StorageSinks.SingleValue"/>). Shared by the cloud catalogs.</summary>
    internal static IOperation? SingleValue(WellKnownTypes types, IOperation value) => StorageSinks.Create(types).SingleValue(value);

    private static string? MemberName(INamedTypeSymbol enumType, object? constant)
    {
        if (constant is null)
        {
            return null;
        }

        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, constant))
            {
                return field.Name;
            }
        }

        return null;
    }

    /// <summary>The SDK types of <paramref name="names"/> the compilation has (<see cref="StorageSinks.Resolve"/>: nothing of an absent SDK is looked up).</summary>
    internal static SymbolSet<INamedTypeSymbol> TypesNamed(WellKnownTypes types, params string[] names)
    {
        var list = new List<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (StorageSinks.Resolve(types, name) is { } type)
            {
                list.Add(type);
            }
        }

        return new SymbolSet<INamedTypeSymbol>(list);
    }

    /// <summary>The property <paramref name="name"/> of the SDK type or of the nearest base class that declares it.</summary>
    private static IPropertySymbol? Property(WellKnownTypes types, string typeName, string name) =>
        SymbolExtensions.InheritedProperty(StorageSinks.Resolve(types, typeName), name);
}
