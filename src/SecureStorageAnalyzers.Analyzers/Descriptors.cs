using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers;

/// <summary>The one catalog of the pack's diagnostics.</summary>
public static class Descriptors
{
    public const string Category = "Security";

    /// <summary>The repository that hosts the rule pages; help links are built from it in one place.</summary>
    public const string RepositoryUrl = "https://github.com/SecureStorageAnalyzers/SecureStorageAnalyzers";

    public static string HelpLink(string id) => $"{RepositoryUrl}/blob/main/docs/rules/{id}.md";

    public static readonly DiagnosticDescriptor SSA0001PrivateFilesServedAnonymously = Create(
        DiagnosticIds.PrivateFilesServedAnonymously,
        "Non-public files are served as static files without authorization",
        "{0} serves {1} ({2}) to anonymous requests: {3}",
        "Static file middleware authorizes nothing by itself. A folder the app writes to, or one named for recordings, uploads, documents, exports or backups, is readable by anyone who guesses a URL unless UseAuthorization runs first and a fallback policy requires a signed-in user, or an OnPrepareResponse gate turns anonymous requests away.");

    public static readonly DiagnosticDescriptor SSA0002DirectoryBrowsingEnabled = Create(
        DiagnosticIds.DirectoryBrowsingEnabled,
        "Directory browsing is enabled",
        "{0} turns on directory browsing outside Development: {1}",
        "Directory browsing lists every file of a folder to any visitor, with links to download them. The ASP.NET Core documentation advises against enabling it in production. Keep it behind an IsDevelopment() check or remove it.");

    public static readonly DiagnosticDescriptor SSA0003UnknownFileTypesServed = Create(
        DiagnosticIds.UnknownFileTypesServed,
        "Files of unknown type are served",
        "{0} makes every file in the served folder downloadable, whatever its extension",
        "With ServeUnknownFileTypes enabled (or, under IIS, a <mimeMap fileExtension=\"*\">) the static file handler serves files it has no content type for: databases, backups, recordings, key files. The ASP.NET Core documentation calls this a security risk. Map the extensions you need with a FileExtensionContentTypeProvider, or one <mimeMap> per extension, instead.");

    public static readonly DiagnosticDescriptor SSA0004ContentRootServed = Create(
        DiagnosticIds.ContentRootServed,
        "Static files are served from the content root, the app's directory or a filesystem root",
        "{0} serves {1} ({2}): appsettings*.json, secrets, the app's own assemblies and local databases become downloadable",
        "A file provider or web root set to the content root, the app's base or current directory, or a drive root serves everything in it to anyone who asks for the name: configuration with connection strings, user secrets, the compiled app, SQLite databases, logs and any recordings kept next to them. Serve a dedicated folder of public assets instead.");

    public static readonly DiagnosticDescriptor SSA0005AnonymousEndpointServesRequestedFile = Create(
        DiagnosticIds.AnonymousEndpointServesRequestedFile,
        "An anonymous endpoint serves stored files chosen by the request",
        "{0} returns a stored file chosen by the request ({1}) from an endpoint anonymous requests reach: {2}",
        "An endpoint that returns whichever stored file a route, query, form or body value names hands every stored file to anyone who can guess or enumerate the names, unless it requires an authenticated user. Require authorization on the endpoint, and check that the caller may read the file it asks for.");

    public static readonly DiagnosticDescriptor SSA0006RuntimeDataWrittenUnderWebRoot = Create(
        DiagnosticIds.RuntimeDataWrittenUnderWebRoot,
        "Runtime data is written under the web root",
        "{0} writes under the web root ({1}): every file there is served to anyone by the static file middleware; {2}",
        "Files the app writes at run time (uploads, recordings, exports, logs) under wwwroot are public the moment they exist: UseStaticFiles serves every file of the web root to anonymous visitors, whatever the file's name (a random name is a link, and links leak). Only public media by design (images, photos, avatars, product pictures) that nothing marks private is not reported. Write the rest to a private folder under the content root, and serve it through an endpoint that checks who is asking.");

    public static readonly DiagnosticDescriptor SSA0007StoredObjectsReadableByAnyone = Create(
        DiagnosticIds.StoredObjectsReadableByAnyone,
        "Stored objects are readable by anyone",
        "{0} makes stored objects readable without credentials: {1}",
        "A public access level, a public canned or predefined ACL, an ACL entry for allUsers, a bucket policy that allows s3:GetObject to \"*\" or a public access block turned off lets anyone who has or guesses an object's URL download it. Keep containers and buckets private and hand out short-lived signed URLs (SAS, presigned URLs) after checking who is asking.");

    public static readonly DiagnosticDescriptor SSA0008StoredObjectsListableByAnyone = Create(
        DiagnosticIds.StoredObjectsListableByAnyone,
        "Anyone can list the stored objects",
        "{0} lets anyone list the stored objects: {1}",
        "A container or bucket that anyone can list is directory browsing in the cloud: every object's name, and with it every object, is one anonymous request away. Azure's PublicAccessType.BlobContainer, a public-read bucket ACL, an allUsers bucket ACL entry or a bucket policy that allows s3:ListBucket to \"*\" does that. Keep the container or bucket private.");

    /// <summary>Reported at the end of the compilation (<see cref="WellKnownDiagnosticTags.CompilationEnd"/>): a build, full solution analysis and the audit tool show it, not live typing.</summary>
    public static readonly DiagnosticDescriptor SSA0009ExposureChain = new(
        DiagnosticIds.ExposureChain,
        "Files named after people are written into a folder anyone can download from",
        "Anonymous users are served {0} ({1}){2}, and files named with {3} ('{4}') are written into it ({5}): {6}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The incident in one finding: a folder (or a cloud container) served without a login, filled with files whose names carry a phone number, an e-mail address or another personal identifier, and often listed. Each link has its own rule (SSA0001/SSA0004/SSA0005/SSA0006/SSA0007/SSA0008, SSA0101, SSA0002); together they mean anyone with a browser can fetch every file, and find whose it is by its name. Close the anonymous access first (UseAuthorization with a fallback policy, or serve the files through an endpoint that checks the caller), then rename the files and remove the listing.",
        HelpLink(DiagnosticIds.ExposureChain),
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SSA0010LongLivedShareLink = Create(
        DiagnosticIds.LongLivedShareLink,
        "A share link outlives its purpose",
        "{0} makes a share link that {1}",
        "A SAS, presigned or signed URL is a bearer credential: whoever holds the link reads the object, with no login, for as long as the link lives. A link that lives for months or never expires is an anonymous server with a long URL once it is forwarded, logged or leaked, and a link that grants List hands out the whole container. Keep links short-lived (minutes to hours, at most the configured limit), read-only and for one object; issue a fresh one after checking who is asking.");

    public static readonly DiagnosticDescriptor SSA0101PersonalIdentifierInStoragePath = Create(
        DiagnosticIds.PersonalIdentifierInStoragePath,
        "Personal identifier in a storage path",
        "'{0}' is {1} ({2}) and becomes part of a storage path: {3}{4}",
        "A file name, folder, blob name or object key built from a phone number, e-mail address or other personal identifier is personal data itself: once the folder leaks, every name tells who it belongs to, and a file can be found by trying identifiers. Name stored objects with an opaque random id kept in a lookup table, or with a keyed pseudonym.");

    public static readonly DiagnosticDescriptor SSA0011HiddenSegmentExposed = Create(
        DiagnosticIds.HiddenSegmentExposed,
        "A folder IIS keeps private is made downloadable",
        "{0} in {1} makes {2} downloadable: IIS hides these folders by default because they hold the app's data, code and settings",
        "IIS request filtering hides bin, App_Code, App_Data and the other ASP.NET folders (and web.config) from every request. Clearing <hiddenSegments> or removing one of them lets anyone download what the app keeps there: App_Data's databases and recordings, the compiled code, the configuration. Keep the default hidden segments; serve a file through a handler that checks who is asking.");

    public static readonly DiagnosticDescriptor SSA0012AnonymousAccessUnderIis = Create(
        DiagnosticIds.AnonymousAccessUnderIis,
        "web.config leaves stored files open to anonymous users",
        "{0} in {1} {2}",
        "Under IIS's integrated pipeline, ASP.NET's <system.web><authorization> is enforced by a module that runs only for requests a managed handler serves: pages and handlers are protected, the .wav, .mp3 and .pdf files beside them are served to anyone. Deny anonymous users with IIS URL authorization (<system.webServer><security><authorization>) too, or run the module for all requests. A location that allows everyone on a folder named for recordings, uploads or exports opens it outright.");

    /// <summary>
    /// A rule's descriptor: its category, on by default, its help link built from the id. A new rule declares its id and
    /// descriptor with this in its own file (the rules before it keep theirs here and in <see cref="DiagnosticIds"/>).
    /// </summary>
    internal static DiagnosticDescriptor Create(string id, string title, string messageFormat, string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
        new(id, title, messageFormat, Category, severity, isEnabledByDefault: true, description, HelpLink(id));
}
