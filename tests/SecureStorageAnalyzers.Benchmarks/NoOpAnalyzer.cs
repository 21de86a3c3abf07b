using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The baseline: an analyzer that does nothing but needs every method body bound and its IOperation tree built (one
/// no-op operation action on invocations), as any operation-based analyzer does; the .NET SDK's own CA analyzers, on by
/// default, already make every build pay for that. A set's wall time and allocations over this baseline are what the set
/// adds beyond binding and operation trees: its callbacks, the driver's dispatch to them, and its own data.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }

    public static AnalyzerSet Set { get; } =
        new("no-op baseline", "-", ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()), Array.Empty<string>());
}
