using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0004: the file provider of the static file, file server, directory browser or default files middleware
/// (<c>SharedOptionsBase.FileProvider</c>), or the web root (<c>WebApplicationOptions.WebRootPath</c>,
/// <c>UseWebRoot</c>, <c>IWebHostEnvironment.WebRootPath</c>/<c>WebRootFileProvider</c>), set to the content root, the
/// app's directory, the current directory or a filesystem root (per <see cref="ContentRootFlowPolicy"/>). Primary
/// location: the setting; additional: where the folder comes from.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0004DoNotServeContentRoot
{
    public const string Id = "SSA0004";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Static files are served from the content root, the app's directory or a filesystem root",
        "{0} serves {1} ({2}): appsettings*.json, secrets, the app's own assemblies and local databases become downloadable",
        "A file provider or web root set to the content root, the app's base or current directory, or a drive root serves everything in it to anyone who asks for the name: configuration with connection strings, user secrets, the compiled app, SQLite databases, logs and any recordings kept next to them. Serve a dedicated folder of public assets instead.");

    /// <summary>The rule's part for a compilation: web projects only.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types) => types.HasAspNetCore ? new Rule(types) : null;

    private sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly Settings _settings;
        private readonly ValueFlowTracker _tracker;

        public Rule(WellKnownTypes types)
        {
            _types = types;
            _settings = new Settings(types);
            _tracker = new ValueFlowTracker(StorageSinks.Create(types), new ContentRootFlowPolicy(types));
        }

        public override IEnumerable<INamedTypeSymbol> CallTypes => _settings.UseWebRoot.DeclaringTypes;

        public override IEnumerable<IPropertySymbol> AssignedProperties => _settings.Properties;

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (_settings.Describe(property) is { } setting)
            {
                Analyze(context, _types, _tracker, assignment.Value, setting);
            }
        }

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is IInvocationOperation invocation && WellKnownTypes.Contains(_settings.UseWebRoot, method))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                    {
                        Analyze(context, _types, _tracker, argument.Value, "UseWebRoot");
                    }
                }
            }
        }
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, ValueFlowTracker tracker, IOperation value, string setting)
    {
        var sources = new List<FlowSource>();
        tracker.FindSources(value, sources);
        if (sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(context.Operation, types))
        {
            return;
        }

        foreach (var source in sources)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                SSA0004DoNotServeContentRoot.Descriptor,
                DiagnosticLocations.For(context.Operation),
                new[] { source.Operation.Syntax.GetLocation() },
                setting,
                source.Reason.What,
                source.Operation.Syntax.ToString()));
        }
    }

    /// <summary>The settings that choose a served folder, resolved once per compilation.</summary>
    private sealed class Settings
    {
        private readonly IPropertySymbol? _fileProvider;
        private readonly IPropertySymbol? _optionsWebRootPath;
        private readonly IPropertySymbol? _environmentWebRootPath;
        private readonly IPropertySymbol? _environmentWebRootFileProvider;

        public Settings(WellKnownTypes types)
        {
            _fileProvider = WellKnownTypes.Property(types.SharedOptionsBase, "FileProvider");
            _optionsWebRootPath = WellKnownTypes.Property(types.WebApplicationOptions, "WebRootPath");
            _environmentWebRootPath = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootPath");
            _environmentWebRootFileProvider = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootFileProvider");
            UseWebRoot = WellKnownTypes.Methods(types.HostingAbstractionsWebHostBuilderExtensions, "UseWebRoot");
        }

        public MethodSet UseWebRoot { get; }

        /// <summary>The properties <see cref="Describe"/> names.</summary>
        public IEnumerable<IPropertySymbol> Properties =>
            Symbols.NonNull(_fileProvider, _optionsWebRootPath, _environmentWebRootPath, _environmentWebRootFileProvider);

        /// <summary>How the message names the setting, or null when the property chooses no served folder.</summary>
        public string? Describe(IPropertySymbol property)
        {
            var definition = property.OriginalDefinition;
            return SymbolEquality.Is(definition, _fileProvider) ? "FileProvider"
                : SymbolEquality.Is(definition, _optionsWebRootPath) || SymbolEquality.Is(definition, _environmentWebRootPath) ? "WebRootPath"
                : SymbolEquality.Is(definition, _environmentWebRootFileProvider) ? "WebRootFileProvider"
                : null;
        }
    }
}
