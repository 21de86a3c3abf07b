using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>What a call, creation or assignment sets on a share link: its lifetime and whether it lets the holder list.</summary>
internal readonly struct ShareLink
{
    public ShareLink(double? lifetimeSeconds, string? lists, bool storedPolicy = false, IOperation? listGrant = null)
    {
        LifetimeSeconds = lifetimeSeconds;
        Lists = lists;
        StoredPolicy = storedPolicy;
        ListGrant = listGrant;
    }

    /// <summary>
    /// The <c>List</c> member the permissions argument names where it is written (<c>BlobContainerSasPermissions.List</c>
    /// in <c>SetPermissions(… | …List)</c>), or null (a local, a permission string): where a finding for the List grant
    /// alone is shown, so that a call whose flags are split over lines is reported at the grant at fault.
    /// </summary>
    public IOperation? ListGrant { get; }

    /// <summary>The lifetime the code sets, in seconds (<see cref="double.PositiveInfinity"/> for MaxValue); null when unknown or not set here.</summary>
    public double? LifetimeSeconds { get; }

    /// <summary>What the link lets its holder list ("the container's blobs"), or null.</summary>
    public string? Lists { get; }

    /// <summary>
    /// True when the setting belongs to an Azure stored access policy (<c>BlobAccessPolicy</c>): it is not a link itself,
    /// but every SAS that names the policy gets its expiry and permissions.
    /// </summary>
    public bool StoredPolicy { get; }

    public bool IsEmpty => LifetimeSeconds is null && Lists is null;
}

/// <summary>
/// Where the cloud storage SDKs set a share link's lifetime and permissions, resolved once per compilation for SSA0010:
/// Azure SAS (<c>GenerateSasUri</c> of blob and container clients, <c>GenerateAccountSasUri</c>, <c>BlobSasBuilder</c>,
/// <c>AccountSasBuilder</c>, and the stored access policies SAS can name: <c>BlobAccessPolicy.PolicyExpiresOn</c> and
/// <c>Permissions</c>), S3 presigned URLs (<c>GetPreSignedUrlRequest.Expires</c>), Google Cloud Storage signed URLs
/// (<c>UrlSigner.Sign(Async)</c>, <c>UrlSigner.Options</c>) and MinIO presigned URLs (<c>WithExpiry</c> of the presigned
/// argument builders). An SDK's types are looked up only when the compilation references its assembly.
/// </summary>
internal sealed class ShareLinkCatalog
{
    private readonly WellKnownTypes _types;
    private readonly INamedTypeSymbol? _dateTimeOffset;

    // Azure Blob Storage
    private readonly INamedTypeSymbol? _blobBaseClient;
    private readonly INamedTypeSymbol? _containerClient;
    private readonly INamedTypeSymbol? _serviceClient;
    private readonly INamedTypeSymbol? _blobSasBuilder;
    private readonly INamedTypeSymbol? _accountSasBuilder;
    private readonly INamedTypeSymbol? _containerSasPermissions;
    private readonly INamedTypeSymbol? _accountSasPermissions;
    private readonly IPropertySymbol? _blobSasExpiresOn;
    private readonly IPropertySymbol? _accountSasExpiresOn;
    private readonly IPropertySymbol? _policyExpiresOn;
    private readonly IPropertySymbol? _policyPermissions;

    // AWS S3
    private readonly IPropertySymbol? _presignedUrlExpires;

    // Google Cloud Storage
    private readonly INamedTypeSymbol? _urlSigner;
    private readonly INamedTypeSymbol? _urlSignerOptions;

    // MinIO: the types that declare WithExpiry(int seconds) for presigned GET and PUT URLs.
    private readonly SymbolSet<INamedTypeSymbol> _minioExpiryTypes;

    private ShareLinkCatalog(WellKnownTypes types)
    {
        _types = types;
        Lifetime = new LinkLifetime(types);

        // Every SDK type through the SDK-gated table of StorageSinks: nothing of an SDK the compilation lacks is looked
        // up (the Azure.Storage.Sas types only with the blob SDK referenced).
        _blobBaseClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.Specialized.BlobBaseClient");
        _containerClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobContainerClient");
        _serviceClient = StorageSinks.Resolve(types, "Azure.Storage.Blobs.BlobServiceClient");
        _blobSasBuilder = StorageSinks.Resolve(types, "Azure.Storage.Sas.BlobSasBuilder");
        _accountSasBuilder = StorageSinks.Resolve(types, "Azure.Storage.Sas.AccountSasBuilder");
        _containerSasPermissions = StorageSinks.Resolve(types, "Azure.Storage.Sas.BlobContainerSasPermissions");
        _accountSasPermissions = StorageSinks.Resolve(types, "Azure.Storage.Sas.AccountSasPermissions");
        _blobSasExpiresOn = Property(_blobSasBuilder, "ExpiresOn");
        _accountSasExpiresOn = Property(_accountSasBuilder, "ExpiresOn");
        var accessPolicy = StorageSinks.Resolve(types, "Azure.Storage.Blobs.Models.BlobAccessPolicy");
        _policyExpiresOn = Property(accessPolicy, "PolicyExpiresOn");
        _policyPermissions = Property(accessPolicy, "Permissions");

        _presignedUrlExpires = Property(StorageSinks.Resolve(types, "Amazon.S3.Model.GetPreSignedUrlRequest"), "Expires");
        _urlSigner = StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.UrlSigner");
        _urlSignerOptions = StorageSinks.Resolve(types, "Google.Cloud.Storage.V1.UrlSigner+Options");

        var minio = new List<INamedTypeSymbol>();
        foreach (var name in new[] { "Minio.DataModel.Args.PresignedGetObjectArgs", "Minio.DataModel.Args.PresignedPutObjectArgs" })
        {
            for (var type = StorageSinks.Resolve(types, name); type is not null; type = type.BaseType)
            {
                if (!type.GetMembers("WithExpiry").IsEmpty)
                {
                    minio.Add(type.OriginalDefinition);
                    break;
                }
            }
        }

        _minioExpiryTypes = new SymbolSet<INamedTypeSymbol>(minio);

        var callTypes = new List<INamedTypeSymbol>(_minioExpiryTypes);
        callTypes.AddRange(Symbols.NonNull(_blobBaseClient, _containerClient, _serviceClient, _blobSasBuilder, _accountSasBuilder, _urlSigner, _urlSignerOptions));
        CallTypes = callTypes.ToImmutableArray();
        AssignedProperties = Symbols.NonNull(_blobSasExpiresOn, _accountSasExpiresOn, _presignedUrlExpires, _policyExpiresOn, _policyPermissions).ToImmutableArray();

        // Without a cloud SDK the rule is not made (SSA0010's CreateRule): its time types are not resolved either.
        _dateTimeOffset = IsEmpty ? null : types.DateTimeOffset;
    }

    /// <summary>The catalog of the compilation.</summary>
    public static ShareLinkCatalog Create(WellKnownTypes types) => types.Shared(static t => new ShareLinkCatalog(t));

    public bool IsEmpty => CallTypes.IsEmpty && AssignedProperties.IsEmpty;

    public ImmutableArray<INamedTypeSymbol> CallTypes { get; }

    public ImmutableArray<IPropertySymbol> AssignedProperties { get; }

    public WellKnownTypes Types => _types;

    public LinkLifetime Lifetime { get; }

    /// <summary>What a call or object creation sets on a share link.</summary>
    public ShareLink Judge(IOperation operation, IMethodSymbol method)
    {
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return default;
        }

        var arguments = operation.CallArguments();

        if (SymbolEquality.Is(type, _blobBaseClient) || SymbolEquality.Is(type, _containerClient) || SymbolEquality.Is(type, _serviceClient))
        {
            // GenerateSasUri(permissions, expiresOn), GenerateAccountSasUri(permissions, expiresOn, resourceTypes); the
            // builder overloads are judged where the builder gets its expiry and permissions.
            return method.Name is "GenerateSasUri" or "GenerateAccountSasUri" ? FromArguments(arguments) : default;
        }

        if (SymbolEquality.Is(type, _blobSasBuilder) || SymbolEquality.Is(type, _accountSasBuilder))
        {
            // new BlobSasBuilder(permissions, expiresOn), new AccountSasBuilder(permissions, expiresOn, services, types),
            // builder.SetPermissions(permissions).
            return method.MethodKind == MethodKind.Constructor || method.Name == "SetPermissions" ? FromArguments(arguments) : default;
        }

        if (SymbolEquality.Is(type, _urlSigner) || SymbolEquality.Is(type, _urlSignerOptions))
        {
            // UrlSigner.Sign(bucket, objectName, duration, …), Options.FromDuration/FromExpiration/WithDuration/WithExpiration.
            if (method.Name is not ("Sign" or "SignAsync" or "FromDuration" or "FromExpiration" or "WithDuration" or "WithExpiration"))
            {
                return default;
            }

            double? lifetime = null;
            string? lists = null;
            foreach (var argument in arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "duration" or "expiration" when argument.ArgumentKind == ArgumentKind.Explicit:
                        lifetime = Lifetime.Seconds(argument.Value);
                        break;
                    case "objectName" when argument.Value.WithoutConversions().ConstantValue is { HasValue: true, Value: null }:
                        // A signed GET of the bucket itself, no object: the link lists the bucket.
                        lists = "the bucket's objects";
                        break;
                }
            }

            return new ShareLink(lifetime, lists);
        }

        if (_minioExpiryTypes.Contains(type) && method.Name == "WithExpiry" && arguments.Length == 1)
        {
            return new ShareLink(Lifetime.Seconds(arguments[0].Value), null);
        }

        return default;
    }

    /// <summary>
    /// What an assignment of a SAS builder's <c>ExpiresOn</c>, a presigned request's <c>Expires</c>, or a stored access
    /// policy's <c>PolicyExpiresOn</c> or <c>Permissions</c> sets.
    /// </summary>
    public ShareLink Judge(ISimpleAssignmentOperation assignment, IPropertySymbol property)
    {
        property = property.OriginalDefinition;
        if (SymbolEquality.Is(property, _blobSasExpiresOn) || SymbolEquality.Is(property, _accountSasExpiresOn) || SymbolEquality.Is(property, _presignedUrlExpires))
        {
            return new ShareLink(Lifetime.Seconds(assignment.Value), null);
        }

        if (SymbolEquality.Is(property, _policyExpiresOn))
        {
            // A stored access policy made at "now": its expiry is the lifetime of every SAS that names it.
            return new ShareLink(Lifetime.Seconds(assignment.Value), null, storedPolicy: true);
        }

        if (SymbolEquality.Is(property, _policyPermissions) &&
            SingleValue(assignment.Value)?.ConstantValue is { HasValue: true, Value: string raw } && raw.IndexOf('l') >= 0)
        {
            // The policy's permission string, where l is List (as in a SAS's).
            return new ShareLink(null, "the container's blobs", storedPolicy: true);
        }

        return default;
    }

    /// <summary>The lifetime from the argument of type DateTimeOffset, and a List grant from the permissions argument.</summary>
    private ShareLink FromArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        double? lifetime = null;
        string? lists = null;
        IOperation? listGrant = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            if (SymbolEquality.Is(parameter.Type, _dateTimeOffset))
            {
                lifetime = Lifetime.Seconds(argument.Value);
            }
            else if (SymbolEquality.Is(parameter.Type, _containerSasPermissions) && GrantsList(argument.Value, _containerSasPermissions!))
            {
                lists = "the container's blobs";
                listGrant = ListMember(argument.Value, _containerSasPermissions!);
            }
            else if (SymbolEquality.Is(parameter.Type, _accountSasPermissions) && GrantsList(argument.Value, _accountSasPermissions!))
            {
                lists = "the account's containers and blobs";
                listGrant = ListMember(argument.Value, _accountSasPermissions!);
            }
            else if (parameter.Type.SpecialType == SpecialType.System_String && parameter.Name == "rawPermissions" &&
                     SingleValue(argument.Value)?.ConstantValue is { HasValue: true, Value: string raw } && raw.IndexOf('l') >= 0)
            {
                // SetPermissions("rl"): the SAS permission string, where l is List.
                lists = "the container's blobs";
            }
        }

        return new ShareLink(lifetime, lists, listGrant: listGrant);
    }

    /// <summary>The reference to the enum's <c>List</c> member written in <paramref name="value"/> itself (not through a local), or null.</summary>
    private static IOperation? ListMember(IOperation value, INamedTypeSymbol flagsType)
    {
        foreach (var node in value.DescendantsAndSelf())
        {
            if (node is IFieldReferenceOperation { Field: { Name: "List" } field } &&
                SymbolEqualityComparer.Default.Equals(field.ContainingType, flagsType))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>True when the flags value is a constant that includes the enum's <c>List</c> member.</summary>
    private bool GrantsList(IOperation value, INamedTypeSymbol flagsType)
    {
        if (SingleValue(value)?.ConstantValue is not { HasValue: true, Value: { } constant })
        {
            return false;
        }

        foreach (var member in flagsType.GetMembers("List"))
        {
            if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: { } list })
            {
                var bits = System.Convert.ToInt64(list, System.Globalization.CultureInfo.InvariantCulture);
                return bits != 0 && (System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture) & bits) == bits;
            }
        }

        return false;
    }

    private IOperation? SingleValue(IOperation value) => CloudAccessCatalog.SingleValue(_types, value);

    private static IPropertySymbol? Property(INamedTypeSymbol? type, string name) => SymbolExtensions.InheritedProperty(type, name);
}
