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
/// <remarks>Runs in <see cref="SecureStorageAnalyzer"/>; this class runs the rule alone (tests, per-rule benchmark).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1001:Missing diagnostic analyzer attribute", Justification = "Not exported on purpose: the compiler runs the rule in SecureStorageAnalyzer.")]
public sealed class SSA0101PersonalIdentifierInStoragePathAnalyzer : PackAnalyzer
{
    /// <summary>Key of <see cref="Diagnostic.Properties"/>: the configured pseudonymization method, if any, for the code fix.</summary>
    public const string PseudonymizerProperty = "Pseudonymizer";

    private const int MaxShownLength = 60;
    private const string UnkeyedHashNote = ", hashed without a key, which anyone can reverse by hashing every possible value";

    public SSA0101PersonalIdentifierInStoragePathAnalyzer()
        : base(PackRules.SSA0101)
    {
    }

    /// <summary>
    /// The rule's part for a compilation: every project that has <c>System.IO</c> (all of them): workers, jobs, class
    /// libraries and desktop clients write recordings too. Installing the package is the opt-in.
    /// </summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        var sinks = StorageSinks.Create(types);
        return sinks.PathType is not null ? new CompilationAnalysis(types, sinks) : null;
    }

    /// <summary>The state of one compilation: its symbols and one tracker per distinct set of options.</summary>
    private sealed class CompilationAnalysis : PackRule
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

        public override IEnumerable<INamedTypeSymbol> CallTypes
        {
            get
            {
                if (_sinks.PathType is not null)
                {
                    yield return _sinks.PathType;
                }

                foreach (var type in _sinks.SinkTypes)
                {
                    yield return type;
                }
            }
        }

        public override IEnumerable<IPropertySymbol> AssignedProperties => _sinks.PropertySinks;

        public override bool SeesStrings => true;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            ImmutableArray<IArgumentOperation> arguments;
            switch (context.Operation)
            {
                case IInvocationOperation invocation:
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation:
                    arguments = creation.Arguments;
                    break;
                default:
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

        public override void AnalyzeString(OperationAnalysisContext context)
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

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (_sinks.PropertySinks.Contains(property.OriginalDefinition))
            {
                Analyze(context, Tracker(context), assignment.Value, assignment, new Sink(property));
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
