using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0004: the file provider of the static file, file server, directory browser or default files middleware
/// (<c>SharedOptionsBase.FileProvider</c>), or the web root (<c>WebApplicationOptions.WebRootPath</c>,
/// <c>UseWebRoot</c>, <c>IWebHostEnvironment.WebRootPath</c>/<c>WebRootFileProvider</c>), set to the content root, the
/// app's directory, the current directory or a filesystem root (per <see cref="ContentRootFlowPolicy"/>). Primary
/// location: the setting; additional: where the folder comes from.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0004DoNotServeContentRootAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0004ContentRootServed);

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

            var settings = new Settings(types);
            var tracker = new PathFlowTracker(StorageSinks.Create(types), new ContentRootFlowPolicy(types));
            start.RegisterOperationAction(context =>
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is IPropertyReferenceOperation target && settings.Describe(target.Property) is { } setting)
                {
                    Analyze(context, types, tracker, assignment.Value, setting);
                }
            }, OperationKind.SimpleAssignment);

            if (!settings.UseWebRoot.IsEmpty)
            {
                start.RegisterOperationAction(context =>
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    if (WellKnownTypes.Contains(settings.UseWebRoot, invocation.TargetMethod))
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                            {
                                Analyze(context, types, tracker, argument.Value, "UseWebRoot");
                            }
                        }
                    }
                }, OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, WellKnownTypes types, PathFlowTracker tracker, IOperation value, string setting)
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
                Descriptors.SSA0004ContentRootServed,
                context.Operation.Syntax.GetLocation(),
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
            _fileProvider = WellKnownTypes.Property(types.Resolve("Microsoft.AspNetCore.StaticFiles.Infrastructure.SharedOptionsBase"), "FileProvider");
            _optionsWebRootPath = WellKnownTypes.Property(types.Resolve("Microsoft.AspNetCore.Builder.WebApplicationOptions"), "WebRootPath");
            _environmentWebRootPath = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootPath");
            _environmentWebRootFileProvider = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootFileProvider");
            UseWebRoot = types.Methods("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions", "UseWebRoot");
        }

        public MethodSet UseWebRoot { get; }

        /// <summary>How the message names the setting, or null when the property chooses no served folder.</summary>
        public string? Describe(IPropertySymbol property)
        {
            var definition = property.OriginalDefinition;
            return Is(definition, _fileProvider) ? "FileProvider"
                : Is(definition, _optionsWebRootPath) || Is(definition, _environmentWebRootPath) ? "WebRootPath"
                : Is(definition, _environmentWebRootFileProvider) ? "WebRootFileProvider"
                : null;
        }

        private static bool Is(ISymbol symbol, ISymbol? other) => other is not null && SymbolEqualityComparer.Default.Equals(symbol, other);
    }
}
