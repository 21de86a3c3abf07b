using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

// A test-only analyzer that never ships: no release tracking, no extended analyzer rules for the test project.
#pragma warning disable RS1036, RS2008

/// <summary>
/// Test-only: reports every call of <c>Probe.Marker()</c> that <see cref="EnvironmentGuard.IsDevelopmentOnly"/> says can
/// run outside Development, so the guard can be tested with markup, apart from any rule.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotDevelopmentOnlyProbeAnalyzer : DiagnosticAnalyzer
{
    public const string ProbeSource = """
        public static class Probe
        {
            public static int Marker() => 0;
        }
        """;

    public static readonly DiagnosticDescriptor Rule = new(
        "PROBE01", "Runs outside Development", "Runs outside Development", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            start.RegisterOperationAction(operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (invocation.TargetMethod is { Name: "Marker", ContainingType.Name: "Probe" } &&
                    !EnvironmentGuard.IsDevelopmentOnly(invocation, types))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation()));
                }
            }, OperationKind.Invocation);
        });
    }
}
