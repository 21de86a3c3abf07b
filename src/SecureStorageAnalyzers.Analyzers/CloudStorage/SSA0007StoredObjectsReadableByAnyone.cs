using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// SSA0007: stored objects readable by anyone: Azure's <c>PublicAccessType.Blob</c>, S3 object canned ACLs, public-access blocks turned off, bucket policies and MinIO policies that allow <c>s3:GetObject</c> to <c>*</c>, Google Cloud Storage's public predefined object ACLs and <c>allUsers</c> object ACL entries. Only when the compilation references the SDK (<see cref="CloudAccessCatalog"/>).
/// </summary>
/// <remarks>Runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>).</remarks>
internal static class SSA0007StoredObjectsReadableByAnyone
{
    public const string Id = "SSA0007";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Stored objects are readable by anyone",
        "{0} makes stored objects readable without credentials: {1}",
        "A public access level, a public canned or predefined ACL, an ACL entry for allUsers, a bucket policy that allows s3:GetObject to \"*\" or a public access block turned off lets anyone who has or guesses an object's URL download it. Keep containers and buckets private and hand out short-lived signed URLs (SAS, presigned URLs) after checking who is asking.");

    /// <summary>The rule's part for a compilation, or null when it references none of the cloud storage SDKs.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        var catalog = CloudAccessCatalog.Create(types);
        return catalog.IsEmpty ? null : new CloudExposureRule(catalog, SSA0007StoredObjectsReadableByAnyone.Descriptor, listing: false);
    }
}
