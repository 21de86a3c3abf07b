using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.StoragePaths;

/// <summary>
/// SSA0101: a personal identifier (per <see cref="PersonalDataClassifier"/>) flows (per <see cref="PathFlowTracker"/>)
/// into a storage path, file name, download name, blob name or object key (per <see cref="StorageSinks"/>). One
/// diagnostic per identifier and sink: the identifier is the primary location, the path or storage call the additional one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SSA0101PersonalIdentifierInStoragePathAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Key of <see cref="Diagnostic.Properties"/>: the configured pseudonymization method, if any, for the code fix.</summary>
    public const string PseudonymizerProperty = "Pseudonymizer";

    private const int MaxShownLength = 60;
    private const string UnkeyedHashNote = ", hashed without a key, which anyone can reverse by hashing every possible value";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            var sinks = StorageSinks.Create(types);
            if (!sinks.HasWebOrStorageSdk)
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, sinks);
            start.RegisterOperationAction(analysis.AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeString, OperationKind.InterpolatedString, OperationKind.Binary);
            if (!sinks.PropertySinks.IsEmpty)
            {
                start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            }
        });
    }

    /// <summary>The state of one compilation: its symbols and one tracker per distinct set of options.</summary>
    private sealed class CompilationAnalysis
    {
        private readonly WellKnownTypes _types;
        private readonly StorageSinks _sinks;
        private readonly ConcurrentDictionary<PersonalDataOptions, PathFlowTracker> _trackers = new();
        private readonly OptionsCache<PathFlowTracker> _byOptions;

        public CompilationAnalysis(WellKnownTypes types, StorageSinks sinks)
        {
            _types = types;
            _sinks = sinks;
            _byOptions = new OptionsCache<PathFlowTracker>(CreateTracker);
        }

        public void AnalyzeCall(OperationAnalysisContext context)
        {
            IMethodSymbol? method;
            ImmutableArray<IArgumentOperation> arguments;
            switch (context.Operation)
            {
                case IInvocationOperation invocation:
                    method = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    method = creation.Constructor;
                    arguments = creation.Arguments;
                    break;
                default:
                    return;
            }

            if (method is null)
            {
                return;
            }

            var builder = _sinks.IsPathBuilder(method);
            if (!builder && !_sinks.IsSinkMethod(method))
            {
                return;
            }

            var tracker = Tracker(context);
            if (builder && tracker.FeedsAnotherSink(context.Operation))
            {
                return;
            }

            foreach (var argument in arguments)
            {
                if (builder || StorageSinks.IsPathParameter(argument.Parameter))
                {
                    Analyze(context, tracker, argument.Value, context.Operation, new Sink(method, builder ? null : argument.Parameter));
                }
            }
        }

        public void AnalyzeString(OperationAnalysisContext context)
        {
            if (!_sinks.IsPathBuilder(context.Operation))
            {
                return;
            }

            var tracker = Tracker(context);
            if (!tracker.FeedsAnotherSink(context.Operation))
            {
                Analyze(context, tracker, context.Operation, context.Operation, new Sink("a path-like string"), valueIsPathBuilder: true);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation target &&
                _sinks.PropertySinks.Contains(target.Property.OriginalDefinition))
            {
                Analyze(context, Tracker(context), assignment.Value, assignment, new Sink(target.Property));
            }
        }

        private static void Analyze(OperationAnalysisContext context, PathFlowTracker tracker, IOperation value,
            IOperation sinkOperation, Sink sink, bool valueIsPathBuilder = false)
        {
            var sources = new List<FlowSource>();
            tracker.FindSources(value, sources, valueIsPathBuilder);
            if (sources.Count == 0)
            {
                return;
            }

            var sinkDescription = sink.Describe();
            var additional = new[] { sinkOperation.Syntax.GetLocation() };
            var pseudonymizer = ((PersonalDataFlowPolicy)tracker.Policy).Options.PseudonymizationMethods;
            var properties = pseudonymizer.IsEmpty
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(PseudonymizerProperty, pseudonymizer[0]);

            foreach (var source in sources)
            {
                var shown = source.Operation.Syntax.ToString();
                if (shown.Length > MaxShownLength)
                {
                    shown = shown.Substring(0, MaxShownLength) + "…";
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SSA0101PersonalIdentifierInStoragePath,
                    source.Operation.Syntax.GetLocation(),
                    additional,
                    properties,
                    shown,
                    source.Reason.What,
                    source.Reason.Evidence,
                    sinkDescription,
                    source.ThroughUnkeyedHash ? UnkeyedHashNote : string.Empty));
            }
        }

        /// <summary>
        /// The tracker of the file's settings: looked up by the options object of the file (one per distinct section of
        /// .editorconfig), and built once per distinct set of settings.
        /// </summary>
        private PathFlowTracker Tracker(OperationAnalysisContext context) =>
            _byOptions.For(context.Options, context.Operation.Tree());

        private PathFlowTracker CreateTracker(AnalyzerConfigOptions configOptions)
        {
            var options = PersonalDataOptions.Read(configOptions);
            if (!_trackers.TryGetValue(options, out var tracker))
            {
                tracker = _trackers.GetOrAdd(options,
                    new PathFlowTracker(_sinks, new PersonalDataFlowPolicy(new PersonalDataClassifier(_types, options))));
            }

            return tracker;
        }
    }

    /// <summary>Where a path goes, described only when a finding needs it (most sink calls have none).</summary>
    private readonly struct Sink
    {
        private readonly ISymbol? _symbol;
        private readonly IParameterSymbol? _parameter;
        private readonly string? _text;

        public Sink(IMethodSymbol method, IParameterSymbol? parameter)
        {
            _symbol = method;
            _parameter = parameter;
            _text = null;
        }

        public Sink(IPropertySymbol property)
        {
            _symbol = property;
            _parameter = null;
            _text = null;
        }

        public Sink(string text)
        {
            _symbol = null;
            _parameter = null;
            _text = text;
        }

        public string Describe() => _symbol switch
        {
            IMethodSymbol method when _parameter is null => $"{method.ContainingType.Name}.{method.Name}",
            IMethodSymbol { MethodKind: MethodKind.Constructor } method => $"'{_parameter!.Name}' of new {method.ContainingType.Name}",
            IMethodSymbol method => $"'{_parameter!.Name}' of {method.ContainingType.Name}.{method.Name}",
            IPropertySymbol property => $"{property.ContainingType.Name}.{property.Name}",
            _ => _text ?? string.Empty,
        };
    }
}
