using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// SSA0008: stored objects anyone can list: Azure's <c>PublicAccessType.BlobContainer</c> (which also lets them read, reported here alone), public S3 bucket ACLs, bucket policies and MinIO policies that allow <c>s3:ListBucket</c> to <c>*</c>, Google Cloud Storage's public predefined bucket ACLs and <c>allUsers</c> bucket ACL entries. Only when the compilation references the SDK (<see cref="CloudAccessCatalog"/>).
/// </summary>
/// <remarks>Runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>).</remarks>
internal static class SSA0008StoredObjectsListableByAnyone
{
    public const string Id = "SSA0008";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Anyone can list the stored objects",
        "{0} lets anyone list the stored objects: {1}",
        "A container or bucket that anyone can list is directory browsing in the cloud: every object's name, and with it every object, is one anonymous request away. Azure's PublicAccessType.BlobContainer, a public-read bucket ACL, an allUsers bucket ACL entry or a bucket policy that allows s3:ListBucket to \"*\" does that. Keep the container or bucket private.");

    /// <summary>The rule's part for a compilation, or null when it references none of the cloud storage SDKs.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        var catalog = CloudAccessCatalog.Create(types);
        return catalog.IsEmpty ? null : new CloudExposureRule(catalog, SSA0008StoredObjectsListableByAnyone.Descriptor, listing: true);
    }
}
