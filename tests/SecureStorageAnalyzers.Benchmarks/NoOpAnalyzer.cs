using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// The baseline: an analyzer that does nothing but needs the whole compilation analyzed (one no-op symbol action), so
/// the driver binds every tree and raises every compilation event. A set's wall time and allocations over this baseline
/// are what the set adds, including the IOperation trees the driver builds for operation actions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new(
        "BENCH0000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterSymbolAction(static _ => { }, SymbolKind.NamedType);
    }

    public static AnalyzerSet Set { get; } =
        new("no-op baseline", "-", ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()), Array.Empty<string>());
}
