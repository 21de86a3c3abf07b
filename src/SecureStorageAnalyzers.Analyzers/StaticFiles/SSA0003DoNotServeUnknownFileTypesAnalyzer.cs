using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0003: <c>StaticFileOptions.ServeUnknownFileTypes = true</c>, set directly, through
/// <c>FileServerOptions.StaticFileOptions</c>, in an object initializer or in an options callback.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0003DoNotServeUnknownFileTypesAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0003UnknownFileTypesServed);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            if (types.StaticFileOptionsServeUnknownFileTypes is null)
            {
                return;
            }

            start.RegisterOperationAction(context => AnalyzeAssignment(context, types), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, WellKnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target ||
            !SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, types.StaticFileOptionsServeUnknownFileTypes) ||
            !assignment.Value.IsConstantTrue() ||
            EnvironmentGuard.IsDevelopmentOnly(assignment, types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.SSA0003UnknownFileTypesServed, assignment.Syntax.GetLocation()));
    }
}
