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
    /// <summary>The rule's part for a compilation, or null when it references none of the cloud storage SDKs.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        var catalog = CloudAccessCatalog.Create(types);
        return catalog.IsEmpty ? null : new Rule(catalog);
    }

    private sealed class Rule : PackRule
    {
        private readonly CloudAccessCatalog _catalog;

        public Rule(CloudAccessCatalog catalog) => _catalog = catalog;

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

        private void Report(OperationAnalysisContext context, IOperation operation, PublicAccess access, string how)
        {
            if (!(access is PublicAccess.List or PublicAccess.ListAndRead or PublicAccess.ReadAndListGrants) || EnvironmentGuard.IsDevelopmentOnly(operation, _catalog.Types))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SSA0008StoredObjectsListableByAnyone, DiagnosticLocations.For(operation),
                DiagnosticLocations.CallText(operation.Syntax), how));
        }
    }
}
