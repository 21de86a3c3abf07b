namespace SecureStorageAnalyzers;

/// <summary>
/// Public names for the ids of the pack's first rules, for code that references them by name. Each rule declares its
/// id in its own file (<c>public const string Id</c>), where a grep of the id finds it; a new rule adds nothing here.
/// Ids are never renumbered or reused: <c>SSA00xx</c> static files, hosting, IIS and cloud storage, <c>SSA01xx</c>
/// personal data in storage.
/// </summary>
public static class DiagnosticIds
{
    public const string PrivateFilesServedAnonymously = Hosting.SSA0001AnonymousStaticFiles.Id;
    public const string DirectoryBrowsingEnabled = Hosting.SSA0002DoNotEnableDirectoryBrowsing.Id;
    public const string UnknownFileTypesServed = Hosting.SSA0003DoNotServeUnknownFileTypes.Id;
    public const string ContentRootServed = Hosting.SSA0004DoNotServeContentRoot.Id;
    public const string AnonymousEndpointServesRequestedFile = Hosting.SSA0005AnonymousFileEndpoint.Id;
    public const string RuntimeDataWrittenUnderWebRoot = Hosting.SSA0006DoNotWriteUnderWebRoot.Id;
    public const string StoredObjectsReadableByAnyone = CloudStorage.SSA0007StoredObjectsReadableByAnyone.Id;
    public const string StoredObjectsListableByAnyone = CloudStorage.SSA0008StoredObjectsListableByAnyone.Id;
    public const string ExposureChain = SecureStorageAnalyzers.ExposureChain.SSA0009ExposureChain.Id;
    public const string LongLivedShareLink = CloudStorage.SSA0010LongLivedShareLinks.Id;
    public const string PersonalIdentifierInStoragePath = PersonalData.SSA0101PersonalIdentifierInStoragePath.Id;
    public const string HiddenSegmentExposed = Iis.SSA0011HiddenSegmentExposed.Id;
    public const string AnonymousAccessUnderIis = Iis.SSA0012AnonymousAccessUnderIis.Id;
}
