using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0006: a file written (per <see cref="StorageSinks.WrittenPath"/>) at a path that flows (per
/// <see cref="PathFlowTracker"/> with <see cref="WebRootFlowPolicy"/>) from the web root. Primary location: the write;
/// additional location: the web-root expression. Reads are fine; Development-only code is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0006DoNotWriteUnderWebRootAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            if (!types.HasAspNetCore)
            {
                return;
            }

            var policy = new WebRootFlowPolicy(types);
            if (!policy.HasWebRoot)
            {
                return;
            }

            var sinks = StorageSinks.Create(types);
            var tracker = new PathFlowTracker(sinks, policy);
            start.RegisterOperationAction(
                context => Analyze(context, types, sinks, tracker),
                OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, PathFlowTracker tracker)
    {
        var path = sinks.WrittenPath(context.Operation);
        if (path is null)
        {
            return;
        }

        var sources = new List<FlowSource>();
        tracker.FindSources(path, sources);
        if (sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(context.Operation, types))
        {
            return;
        }

        var call = context.Operation.Syntax;
        var shown = call.ToString();
        var parenthesis = shown.IndexOf('(');
        shown = parenthesis > 0 ? shown.Substring(0, parenthesis) : shown;
        foreach (var source in sources)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot,
                call.GetLocation(),
                new[] { source.Operation.Syntax.GetLocation() },
                shown,
                source.Operation.Syntax.ToString()));
        }
    }
}
