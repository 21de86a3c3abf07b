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
/// a file whose path holds a freshly minted secret name (<see cref="FreshNames"/>): such a file is reached only by whoever
/// is given its URL, like a share link (a listing of its folder is SSA0002's).
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
        private readonly WebRootFlowPolicy _policy;
        private int _configured;

        public Rule(WellKnownTypes types, WebRootFlowPolicy policy)
        {
            _types = types;
            _policy = policy;
            _sinks = StorageSinks.Create(types);
            _tracker = new PathFlowTracker(_sinks, policy);
        }

        public override IEnumerable<INamedTypeSymbol> CallTypes => _sinks.WritingTypes;

        /// <summary>The project's own helpers that write where a parameter says (one level), given the web root.</summary>
        public override bool SeesCallsOfSourceMethods => true;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (_policy.ReadsWebConfig && System.Threading.Volatile.Read(ref _configured) == 0)
            {
                // The project's web.config files, once per compilation: a hidden segment they un-hide is served.
                _policy.Configuration = StaticFiles.WebConfig.WebConfigSet.For(_types, context.Options, context.CancellationToken);
                System.Threading.Volatile.Write(ref _configured, 1);
            }

            if (context.Operation is IInvocationOperation call && !method.Parameters.IsEmpty &&
                SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                if (HasStringParameter(method) && _sinks.MayStoreOrBuildPath(method, context.CancellationToken))
                {
                    AnalyzeHelperCall(context, call, method);
                }

                return;
            }

            Analyze(context, _types, _sinks, _tracker, AppDataServed);
        }

        /// <summary>True when the project's web.config un-hides App_Data at its root: the fix's folder would be served too.</summary>
        private bool AppDataServed => _policy.Configuration is { } configuration && !configuration.IsHidden("App_Data", "App_Data");

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
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    !uses.TryGetValue(parameter.Ordinal, out var use) || !use.Writes)
                {
                    continue;
                }

                sources ??= new List<FlowSource>();
                _tracker.FindSources(argument.Value, sources);
            }

            if (sources is null || sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(call, _types))
            {
                return;
            }

            ReportWrite(context, sources, throughHelper: true, appDataServed: AppDataServed);
        }
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, StorageSinks sinks, PathFlowTracker tracker, bool appDataServed)
    {
        var path = sinks.WrittenPath(context.Operation);
        if (path is null)
        {
            return;
        }

        var sources = new List<FlowSource>();
        tracker.FindSources(path, sources);
        if (sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(context.Operation, types) ||
            FreshNames.Has(path, sinks))
        {
            return;
        }

        ReportWrite(context, sources, throughHelper: false, appDataServed);
    }

    /// <summary>Key of <see cref="Diagnostic.Properties"/>, present when the write is in the project's own helper: the fix offers nothing there.</summary>
    public const string ThroughHelperProperty = "ThroughHelper";

    private static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> ThroughHelper =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(ThroughHelperProperty, "true");

    /// <summary>
    /// Key of <see cref="Diagnostic.Properties"/>, present when the project's web.config un-hides App_Data (classic
    /// ASP.NET): moving the write there would not take it out of what IIS serves, so the fix offers nothing.
    /// </summary>
    public const string AppDataServedProperty = "AppDataServed";

    private static readonly System.Collections.Immutable.ImmutableDictionary<string, string?> AppDataServedProperties =
        System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty.Add(AppDataServedProperty, "true");

    private static void ReportWrite(OperationAnalysisContext context, List<FlowSource> sources, bool throughHelper, bool appDataServed)
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
            throughHelper ? appDataServed ? ThroughHelper.Add(AppDataServedProperty, "true") : ThroughHelper
                : appDataServed ? AppDataServedProperties : null,
            shown,
            sources[0].Operation.Syntax.ToString()));
    }
}
