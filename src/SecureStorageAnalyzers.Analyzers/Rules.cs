using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.ExposureChain;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers;

/// <summary>
/// The registry of the pack's operation analysis (<see cref="SecureStorageAnalyzer"/>): one line per rule, its
/// descriptor and the factory of its per-compilation part, in id order; that line is all it takes to register a rule
/// (<see cref="All"/> is read from these fields). The comment on each line says what the rule
/// subscribes to in <see cref="PackAnalyzer"/>'s dispatch (<see cref="PackRule.CallTypes"/>,
/// <see cref="PackRule.AssignedProperties"/> and the flags), and when its factory creates nothing. The IIS side of
/// SSA0002 (web.config) is its own analyzer, <see cref="Iis.WebConfigAnalyzer"/>.
/// </summary>
internal static class PackRules
{
    // Calls: UseStaticFiles/UseFileServer types (no assignments, no flags); reads the other files' facts from CompilationFacts. Needs ASP.NET Core.
    public static readonly PackRuleEntry SSA0001 = new(SSA0001AnonymousStaticFiles.Descriptor, SSA0001AnonymousStaticFiles.CreateRule);

    // Calls: UseDirectoryBrowser/AddDirectoryBrowser/UseFileServer(bool) types; assigns: FileServerOptions.EnableDirectoryBrowsing; AddDirectoryBrowser asks CompilationFacts.
    public static readonly PackRuleEntry SSA0002 = new(SSA0002DoNotEnableDirectoryBrowsing.Descriptor, SSA0002DoNotEnableDirectoryBrowsing.CreateRule);

    // Assigns: StaticFileOptions.ServeUnknownFileTypes (no calls, no flags). Needs that property.
    public static readonly PackRuleEntry SSA0003 = new(SSA0003DoNotServeUnknownFileTypes.Descriptor, SSA0003DoNotServeUnknownFileTypes.CreateRule);

    // Calls: UseWebRoot's type; assigns: FileProvider, WebApplicationOptions.WebRootPath, IWebHostEnvironment.WebRootPath/WebRootFileProvider. Needs ASP.NET Core.
    public static readonly PackRuleEntry SSA0004 = new(SSA0004DoNotServeContentRoot.Descriptor, SSA0004DoNotServeContentRoot.CreateRule);

    // Calls: Results/TypedResults/ControllerBase/PageModel/SendFile, the file result classes, and Stream/FileStream (copies and writes into
    // Response.Body); no assignments, no flags; reads the other files' facts from CompilationFacts. Needs ASP.NET Core.
    public static readonly PackRuleEntry SSA0005 = new(SSA0005AnonymousFileEndpoint.Descriptor, SSA0005AnonymousFileEndpoint.CreateRule);

    // Calls: File, FileInfo, FileStream, StreamWriter (the writing sinks), and calls of the project's own methods (the web root handed to a
    // helper that writes). Needs ASP.NET Core and a web root.
    public static readonly PackRuleEntry SSA0006 = new(SSA0006DoNotWriteUnderWebRoot.Descriptor, SSA0006DoNotWriteUnderWebRoot.CreateRule);

    // Calls: BlobContainerClient/BlobServiceClient create and access-policy calls, S3 DeletePublicAccessBlock, MinIO SetPolicyArgs.WithPolicy;
    // assigns: S3 CannedACL and public-access-block settings, bucket policies, GCS predefined ACLs and ACL entities. Needs a cloud storage SDK.
    public static readonly PackRuleEntry SSA0007 = new(SSA0007StoredObjectsReadableByAnyone.Descriptor, SSA0007StoredObjectsReadableByAnyone.CreateRule);

    // The same calls and assignments as SSA0007; reports the levels that let anyone list (Azure BlobContainer, bucket ACLs and policies). Needs a cloud storage SDK.
    public static readonly PackRuleEntry SSA0008 = new(SSA0008StoredObjectsListableByAnyone.Descriptor, SSA0008StoredObjectsListableByAnyone.CreateRule);

    // Calls: UseStaticFiles/UseFileServer/UseDirectoryBrowser types and the writing sinks (File, FileInfo, FileStream, StreamWriter); notes them only,
    // judges at the end of the compilation (ReportsAtEnd) with FolderModel. Needs ASP.NET Core.
    public static readonly PackRuleEntry SSA0009 = new(SSA0009ExposureChain.Descriptor, SSA0009ExposureChain.CreateRule);

    // Calls: Azure GenerateSasUri/GenerateAccountSasUri (blob, container, service clients), BlobSasBuilder/AccountSasBuilder creations and SetPermissions,
    // GCS UrlSigner.Sign(Async) and UrlSigner.Options, MinIO presigned args' WithExpiry; assigns: SAS builders' ExpiresOn, S3 GetPreSignedUrlRequest.Expires. Needs a cloud storage SDK.
    public static readonly PackRuleEntry SSA0010 = new(SSA0010LongLivedShareLinks.Descriptor, SSA0010LongLivedShareLinks.CreateRule);

    // Calls: Path and the storage sink types, and calls of the project's own methods (helpers, one level); assigns: the sinks' path properties;
    // sees strings (interpolations, concatenations). Every project with System.IO.
    public static readonly PackRuleEntry SSA0101 = new(SSA0101PersonalIdentifierInStoragePath.Descriptor, SSA0101PersonalIdentifierInStoragePath.CreateRule);

    /// <summary>
    /// Every rule above, in id order: the <see cref="PackRuleEntry"/> fields of this class, read once (declared last, so
    /// that every field above is set when it is read).
    /// </summary>
    public static readonly ImmutableArray<PackRuleEntry> All = Registered();

    private static ImmutableArray<PackRuleEntry> Registered()
    {
        var entries = new List<PackRuleEntry>();
        foreach (var field in typeof(PackRules).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.FieldType == typeof(PackRuleEntry))
            {
                entries.Add(field.GetValue(null) as PackRuleEntry ??
                    throw new InvalidOperationException($"PackRules.{field.Name} is declared after All: declare every rule above it."));
            }
        }

        entries.Sort(static (a, b) => string.CompareOrdinal(a.Descriptor.Id, b.Descriptor.Id));
        return entries.ToImmutableArray();
    }
}
