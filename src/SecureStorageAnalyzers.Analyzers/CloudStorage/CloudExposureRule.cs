using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

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
        if (!Reports(access) || EnvironmentGuard.IsDevelopmentOnly(operation, _catalog.Types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(_descriptor, DiagnosticLocations.For(operation),
            DiagnosticLocations.CallText(operation.Syntax), how));
    }
}
