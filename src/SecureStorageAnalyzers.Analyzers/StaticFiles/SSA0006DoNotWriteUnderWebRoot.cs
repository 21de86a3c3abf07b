using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0006: a file written (per <see cref="StorageSinks.WrittenPath"/>) at a path that flows (per
/// <see cref="PathFlowTracker"/> with <see cref="WebRootFlowPolicy"/>) from the web root. Primary location: the write;
/// additional location: the web-root expression. Reads are fine; Development-only code is not reported, and neither is
/// public media by design: a path whose words name images, photos, avatars, products, … (or an image extension) and
/// nothing private (<see cref="StoredContentVocabulary"/> over <see cref="PathWords"/>). A random file name no longer
/// exempts a write: a link is a bearer credential that leaks; the message says which fact made the write reportable.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0006DoNotWriteUnderWebRoot
{
    /// <summary>
    /// The rule's part for a compilation: web projects that have a web root (ASP.NET Core's <c>WebRootPath</c>, or in
    /// classic ASP.NET the application folder reached through <c>Server.MapPath</c> and the base directory).
    /// </summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        if (!types.HasAspNetCore && !types.HasSystemWeb)
        {
            return null;
        }

        var policy = new WebRootFlowPolicy(types);
        return policy.HasWebRoot ? new Rule(types, policy) : null;
    }

    private sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly StorageSinks _sinks;
        private readonly PathFlowTracker _tracker;
        private readonly OptionsCache<StoredContentVocabulary> _vocabularies = new(static options => StoredContentVocabulary.Create(options));

        public Rule(WellKnownTypes types, WebRootFlowPolicy policy)
        {
            _types = types;
            _sinks = StorageSinks.Create(types);
            _tracker = new PathFlowTracker(_sinks, policy);
        }

        private StoredContentVocabulary Vocabulary(OperationAnalysisContext context) =>
            _vocabularies.For(context.Options, context.Operation.Syntax.SyntaxTree);

        public override IEnumerable<INamedTypeSymbol> CallTypes => _sinks.WritingTypes;

        /// <summary>The project's own helpers that write where a parameter says (one level), given the web root.</summary>
        public override bool SeesCallsOfSourceMethods => true;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is IInvocationOperation call && !method.Parameters.IsEmpty &&
                SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                if (HasStringParameter(method) && _sinks.MayStoreOrBuildPath(method, context.CancellationToken))
                {
                    AnalyzeHelperCall(context, call, method);
                }

                return;
            }

            Analyze(context, _types, _sinks, _tracker, Vocabulary(context));
        }

        private static bool HasStringParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>_patients.ImageToSave(_env.WebRootPath, model)</c>, where the helper writes a file under the path its
        /// parameter gives (<see cref="StoragePaths.ProjectHelperPaths"/>): one finding at the call, located there. Only
        /// helpers whose source names a storage call are summarised (<see cref="StorageSinks.MayStoreOrBuildPath"/>).
        /// </summary>
        private void AnalyzeHelperCall(OperationAnalysisContext context, IInvocationOperation call, IMethodSymbol method)
        {
            // The helper's summary first (once per method): most helpers write nowhere a parameter says, and then no
            // argument is traced at all.
            var uses = StoragePaths.ProjectHelperPaths.WithoutBarriers(_types).For(method, context.Compilation, context.CancellationToken).Uses;
            if (uses.Count == 0)
            {
                return;
            }

            List<FlowSource>? sources = null;
            PathWords? words = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    !uses.TryGetValue(parameter.Ordinal, out var use) || use.WrittenPath is not { } written)
                {
                    continue;
                }

                sources ??= new List<FlowSource>();
                var before = sources.Count;
                _tracker.FindSources(argument.Value, sources);
                if (sources.Count > before)
                {
                    // What is written there: the words of the argument (the caller's folder) and of the helper's path
                    // (its own folder and name; the parameter that brought the web root is not the caller's choice).
                    words ??= new PathWords().AddEnclosingNames(call);
                    words.Add(argument.Value, _sinks).Add(written, _sinks, parameter.OriginalDefinition).AddEnclosingNames(written);
                }
            }

            if (sources is null || sources.Count == 0 || words is null || EnvironmentGuard.IsDevelopmentOnly(call, _types))
            {
                return;
            }

            var judgement = Vocabulary(context).Judge(words);
            if (judgement.IsPublicMedia)
            {
                return;
            }

            ReportWrite(context, sources, judgement, throughHelper: true);
        }
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, PathFlowTracker tracker,
        StoredContentVocabulary vocabulary)
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

        var judgement = vocabulary.Judge(new PathWords().Add(path, sinks).AddEnclosingNames(context.Operation));
        if (judgement.IsPublicMedia)
        {
            return;
        }

        ReportWrite(context, sources, judgement, throughHelper: false);
    }

    /// <summary>Key of <see cref="Diagnostic.Properties"/>, present when the write is in the project's own helper: the fix offers nothing there.</summary>
    public const string ThroughHelperProperty = "ThroughHelper";

    private static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> ThroughHelper =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ThroughHelperProperty, "true");

    private static void ReportWrite(OperationAnalysisContext context, List<FlowSource> sources, ContentJudgement judgement, bool throughHelper)
    {
        var shown = DiagnosticLocations.CallText(context.Operation.Syntax);
        // One write, one finding, however many ways its path reaches the web root
        // (env.WebRootPath ?? Path.Combine(env.ContentRootPath, "wwwroot")): the first is named, all are located.
        var additional = new Location[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            additional[i] = sources[i].Operation.Syntax.GetLocation();
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot,
            DiagnosticLocations.For(context.Operation),
            additional,
            throughHelper ? ThroughHelper : null,
            shown,
            sources[0].Operation.Syntax.ToString(),
            judgement.Reason));
    }
}
