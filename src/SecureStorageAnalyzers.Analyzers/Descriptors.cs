using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers;

/// <summary>
/// How a rule's descriptor is made (<see cref="Create"/>: category, default severity, help link), and public names for
/// the descriptors of the pack's first rules. Each rule declares its descriptor in its own file (<c>Descriptor</c>);
/// a new rule adds nothing here.
/// </summary>
public static class Descriptors
{
    public const string Category = "Security";

    /// <summary>The repository that hosts the rule pages; help links are built from it in one place.</summary>
    public const string RepositoryUrl = "https://github.com/SecureStorageAnalyzers/SecureStorageAnalyzers";

    public static string HelpLink(string id) => $"{RepositoryUrl}/blob/main/docs/rules/{id}.md";

    public static readonly DiagnosticDescriptor SSA0001PrivateFilesServedAnonymously = Hosting.SSA0001AnonymousStaticFiles.Descriptor;

    public static readonly DiagnosticDescriptor SSA0002DirectoryBrowsingEnabled = Hosting.SSA0002DoNotEnableDirectoryBrowsing.Descriptor;

    public static readonly DiagnosticDescriptor SSA0003UnknownFileTypesServed = Hosting.SSA0003DoNotServeUnknownFileTypes.Descriptor;

    public static readonly DiagnosticDescriptor SSA0004ContentRootServed = Hosting.SSA0004DoNotServeContentRoot.Descriptor;

    public static readonly DiagnosticDescriptor SSA0005AnonymousEndpointServesRequestedFile = Hosting.SSA0005AnonymousFileEndpoint.Descriptor;

    public static readonly DiagnosticDescriptor SSA0006RuntimeDataWrittenUnderWebRoot = Hosting.SSA0006DoNotWriteUnderWebRoot.Descriptor;

    public static readonly DiagnosticDescriptor SSA0007StoredObjectsReadableByAnyone = CloudStorage.SSA0007StoredObjectsReadableByAnyone.Descriptor;

    public static readonly DiagnosticDescriptor SSA0008StoredObjectsListableByAnyone = CloudStorage.SSA0008StoredObjectsListableByAnyone.Descriptor;

    public static readonly DiagnosticDescriptor SSA0009ExposureChain = ExposureChain.SSA0009ExposureChain.Descriptor;

    public static readonly DiagnosticDescriptor SSA0010LongLivedShareLink = CloudStorage.SSA0010LongLivedShareLinks.Descriptor;

    public static readonly DiagnosticDescriptor SSA0101PersonalIdentifierInStoragePath = PersonalData.SSA0101PersonalIdentifierInStoragePath.Descriptor;

    public static readonly DiagnosticDescriptor SSA0011HiddenSegmentExposed = Iis.SSA0011HiddenSegmentExposed.Descriptor;

    public static readonly DiagnosticDescriptor SSA0012AnonymousAccessUnderIis = Iis.SSA0012AnonymousAccessUnderIis.Descriptor;

    /// <summary>
    /// A rule's descriptor: its category, on by default, its help link built from the id. Every rule declares its id and
    /// descriptor with this in its own file.
    /// </summary>
    internal static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        new(id, title, messageFormat, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
