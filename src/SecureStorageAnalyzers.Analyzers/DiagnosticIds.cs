namespace SecureStorageAnalyzers;

/// <summary>
/// Every rule id of the pack, in one list. Ids are never renumbered or reused:
/// <c>SSA00xx</c> static files, hosting and cloud storage, <c>SSA01xx</c> personal data in storage.
/// </summary>
public static class DiagnosticIds
{
    public const string PrivateFilesServedAnonymously = "SSA0001";
    public const string DirectoryBrowsingEnabled = "SSA0002";
    public const string UnknownFileTypesServed = "SSA0003";
    public const string ContentRootServed = "SSA0004";
    public const string AnonymousEndpointServesRequestedFile = "SSA0005";
    public const string RuntimeDataWrittenUnderWebRoot = "SSA0006";
    public const string StoredObjectsReadableByAnyone = "SSA0007";
    public const string StoredObjectsListableByAnyone = "SSA0008";
    public const string ExposureChain = "SSA0009";
    public const string LongLivedShareLink = "SSA0010";
    public const string PersonalIdentifierInStoragePath = "SSA0101";
    public const string HiddenSegmentExposed = "SSA0011";
    public const string AnonymousAccessUnderIis = "SSA0012";
}
