using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// SSA0101: a personal identifier (per <see cref="PersonalDataClassifier"/>) flows (per <see cref="ValueFlowTracker"/>)
/// into a storage path, file name, download name, blob name or object key (per <see cref="StorageSinks"/>). One
/// diagnostic per identifier and sink: the identifier is the primary location, the path or storage call the additional one.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0101PersonalIdentifierInStoragePath
{
    public const string Id = "SSA0101";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Personal identifier in a storage path",
        "'{0}' is {1} ({2}) and becomes part of a storage path: {3}{4}",
        "A file name, folder, blob name or object key built from a phone number, e-mail address or other personal identifier is personal data itself: once the folder leaks, every name tells who it belongs to, and a file can be found by trying identifiers. Name stored objects with an opaque random id kept in a lookup table, or with a keyed pseudonym.");

    /// <summary>Key of <see cref="Diagnostic.Properties"/>: the configured pseudonymization method, if any, for the code fix.</summary>
    public const string PseudonymizerProperty = "Pseudonymizer";

    /// <summary>
    /// Key of <see cref="Diagnostic.Properties"/>, present when the finding sits on the storage call because its first
    /// identifier came through a local: the primary location is then not an identifier, and the identifiers are all the
    /// additional locations after the call's.
    /// </summary>
    public const string OnCallProperty = "OnCall";

    /// <summary>
    /// Key of <see cref="Diagnostic.Properties"/>, present when the finding sits on a call of the project's own helper
    /// that puts the identifier into a path: the fix, which rewrites the identifier where the path is built, offers nothing.
    /// </summary>
    public const string ThroughHelperProperty = "ThroughHelper";

    private const int MaxShownLength = 60;
    private const int MaxNamedOthers = 5;
    private const string UnkeyedHashNote = ", hashed without a key, which anyone can reverse by hashing every possible value";

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
        private readonly ConcurrentDictionary<ValueFlowTracker, ProjectHelperPaths> _helpers = new();
        private readonly OptionsCache<ValueFlowTracker> _byOptions;
        private ProjectImplementations? _implementations;

        public CompilationAnalysis(WellKnownTypes types, StorageSinks sinks)
        {
            _types = types;
            _sinks = sinks;
            _byOptions = OptionsCache.BySettings(PersonalDataOptions.Read,
                options => new ValueFlowTracker(_sinks, PersonalDataFlowPolicy.For(_types, options)));
        }

        public override IEnumerable<INamedTypeSymbol> CallTypes
        {
            get
            {
                foreach (var type in _sinks.ClassicSinkTypes)
                {
                    yield return type;
                }
            }
        }

        /// <summary><c>Path</c> and the storage sink types, resolved on a call of their name.</summary>
        public override IEnumerable<string> LazyCallTypes => _sinks.SinkTypeMetadataNames.Prepend("System.IO.Path");

        public override IEnumerable<IPropertySymbol> AssignedProperties => _sinks.PropertySinks;

        public override bool SeesStrings => true;

        /// <summary>The project's own helpers: a personal identifier passed to one that puts it into a path.</summary>
        public override bool SeesCallsOfSourceMethods => true;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is not (IInvocationOperation or IObjectCreationOperation))
            {
                return;
            }

            var arguments = context.Operation.CallArguments();

            var builder = _sinks.IsPathBuilder(method);
            if (!builder && !_sinks.IsSinkMethod(method))
            {
                // The helper's own pre-filter (once per method) before the whole project's (a token walk, once).
                if (context.Operation is IInvocationOperation helperCall && HasCarryingParameter(method) &&
                    SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly) &&
                    Helper(method, context.CancellationToken) is { } helper &&
                    _sinks.MentionsStorage(context.Compilation, context.CancellationToken))
                {
                    AnalyzeHelperCall(context, helperCall, helper);
                }

                return;
            }

            _sinks.NoteStorageCall(context.Operation);

            var tracker = Tracker(context);
            if (builder && tracker.FeedsAnotherSink(context.Operation))
            {
                return;
            }

            // One path, one finding: the identifiers of every path argument of the call together.
            List<FlowSource>? sources = null;
            IParameterSymbol? parameter = null;
            foreach (var argument in arguments)
            {
                if (builder || _sinks.IsPathArgument(argument, method) && tracker.IsFirstStoragePathUse(argument))
                {
                    sources ??= new List<FlowSource>();
                    var before = sources.Count;
                    tracker.FindSources(argument.Value, sources);
                    if (parameter is null && sources.Count > before)
                    {
                        parameter = argument.Parameter;
                    }
                }
            }

            // Path.Combine(endpoint, user) whose only use is new Uri(…) or an HTTP request, or whose first part is a URL's
            // scheme and host ($"{Request.Scheme}://{Request.Host}"): a URL, not a storage path. Asked last, of a builder
            // with a source only: the use question walks the whole body for the reads of the local the builder is stored
            // in (h-perf17: 0.8 M instructions for 62 builders at 10 folders, nearly all without one).
            if (sources is { Count: > 0 } &&
                !(builder && (_sinks.StartsWithUrl(context.Operation) || _sinks.OnlyBuildsAUrl(context.Operation))))
            {
                Report(context, tracker, sources, context.Operation, new Sink(method, builder ? null : parameter));
            }
        }

        /// <summary>
        /// A call of the project's own method (one level): the identifiers passed to parameters that the helper puts into
        /// a storage path (<see cref="ProjectHelperPaths"/>), reported at the call. The helper is summarised only when
        /// a personal identifier is passed to it; a call through the project's own interface reads the body of the one
        /// class here that implements it (<see cref="ProjectImplementations"/>). An argument that is a path itself
        /// reports its own inputs, and a parameter whose own name is personal is reported inside the helper, where the
        /// path is built: so is every other parameter that goes only into paths holding such a parameter (one path, one
        /// finding: <c>{name}_{icNumber}.pdf</c> is the helper's finding, not the caller's as well).
        /// </summary>
        private void AnalyzeHelperCall(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol helper)
        {
            var tracker = Tracker(context);
            List<FlowSource>? sources = null;
            List<FlowSource>? candidates = null;
            ProjectHelperPaths.Summary? summary = null;
            IParameterSymbol? parameter = null;
            ProjectHelperPaths.ParameterUse? use = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } target || argument.ArgumentKind == ArgumentKind.DefaultValue ||
                    !CarriesIdentifier(target.Type) || _sinks.IsPathBuilder(argument.Value.WithoutConversions()))
                {
                    continue;
                }

                candidates ??= new List<FlowSource>();
                candidates.Clear();
                tracker.FindSources(argument.Value, candidates);
                if (candidates.Count == 0)
                {
                    continue;
                }

                summary ??= Helpers(tracker).For(helper, context.Compilation, context.CancellationToken);
                if (!summary.Uses.TryGetValue(target.Ordinal, out var targetUse) || targetUse.OnlyBesidePersonalParameter ||
                    ((PersonalDataFlowPolicy)tracker.Policy).ClassifySymbol(helper.Parameters[target.Ordinal].OriginalDefinition) is not null)
                {
                    continue;
                }

                sources ??= new List<FlowSource>();
                foreach (var candidate in candidates)
                {
                    if (!sources.Exists(s => ReferenceEquals(s.Operation, candidate.Operation)))
                    {
                        sources.Add(candidate);
                    }
                }

                parameter ??= helper.Parameters[target.Ordinal];
                use ??= targetUse;
            }

            if (sources is not null)
            {
                Report(context, tracker, sources, invocation, new Sink(helper, parameter!, use!.Where), throughHelper: true);
            }
        }

        /// <summary>
        /// The method whose body a call of <paramref name="method"/> runs, when it may store or build a path: the method
        /// itself, or the one implementation of the project's own interface member; null otherwise. Both answers are cached.
        /// </summary>
        private IMethodSymbol? Helper(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
        {
            if (method.IsAbstract)
            {
                var implementations = _implementations ??= ProjectImplementations.For(_types);
                if (!implementations.IsOwnInterfaceMember(method) || implementations.Single(method, cancellationToken) is not { } implementation)
                {
                    return null;
                }

                method = implementation;
            }

            return _sinks.MayStoreOrBuildPath(method, cancellationToken) ? method : null;
        }

        private static bool HasCarryingParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (CarriesIdentifier(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A parameter that can carry an identifier into a name: a string or a number (a phone number held as a long).</summary>
        private static bool CarriesIdentifier(ITypeSymbol type) => type.SpecialType is SpecialType.System_String or
            SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Int32 or SpecialType.System_Decimal or SpecialType.System_Object;

        private ProjectHelperPaths Helpers(ValueFlowTracker tracker)
        {
            if (!_helpers.TryGetValue(tracker, out var helpers))
            {
                helpers = _helpers.GetOrAdd(tracker, new ProjectHelperPaths(_sinks, tracker.Policy));
            }

            return helpers;
        }

        public override void AnalyzeString(OperationAnalysisContext context)
        {
            // The string's own tests first (most strings are no path), then whether the project names storage at all
            // (a token walk once per compilation, rarely needed: see StorageSinks.NoteStorageCall).
            if (!_sinks.IsPathBuilder(context.Operation))
            {
                if (UnresolvedSinkCall(context.Operation, context.CancellationToken) is { } unresolved &&
                    _sinks.MentionsStorage(context.Compilation, context.CancellationToken))
                {
                    Analyze(context, Tracker(context), context.Operation, unresolved.Call, new Sink(unresolved.Method, unresolved.Parameter));
                }

                return;
            }

            if (!_sinks.MentionsStorage(context.Compilation, context.CancellationToken))
            {
                return;
            }

            // $"Receipt_{customer.FullName}.pdf" handed to an e-mail attachment (or the app's own mail method that only
            // names one with it): what a message calls what it carries, not a storage path.
            // The attachment question (and its types, resolved once) only of a string with a personal identifier (h-perf18b).
            var tracker = Tracker(context);
            if (!tracker.FeedsAnotherSink(context.Operation))
            {
                var sources = new List<FlowSource>();
                tracker.FindSources(context.Operation, sources, valueIsPathBuilder: true);
                if (sources.Count > 0 && !MessageAttachments.For(_types).OnlyNamesAnAttachment(context.Operation, context.CancellationToken))
                {
                    Report(context, tracker, sources, context.Operation, new Sink("a path-like string"));
                }
            }
        }

        /// <summary>
        /// A string built in the argument list of a call the compiler could not resolve, when every candidate is a storage
        /// call and takes that argument as a path or download name (<c>File(bytes, type, $"{user.FullName}.xlsx")</c> where
        /// <c>bytes</c> comes from a library that is not referenced, so <c>File</c> has three candidates and no overload):
        /// the call, its first candidate and that parameter. Null for anything else, and for a call that resolved.
        /// Asked only of interpolations and concatenations whose parent is an invalid operation.
        /// </summary>
        private (IOperation Call, IMethodSymbol Method, IParameterSymbol Parameter)? UnresolvedSinkCall(IOperation value, System.Threading.CancellationToken cancellationToken)
        {
            if (value.Parent is not IInvalidOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call } invalid ||
                value.Syntax.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { NameColon: null } argument ||
                argument.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentListSyntax list || list.Parent != call ||
                value.SemanticModel is not { } model)
            {
                return null;
            }

            var index = list.Arguments.IndexOf(argument);
            var info = model.GetSymbolInfo(call, cancellationToken);
            if (info.Symbol is not null || info.CandidateSymbols.IsEmpty)
            {
                return null;
            }

            // The candidates that could take these arguments: as many parameters (the rest optional) and a string where the
            // string is. Every one of them must be a storage call that takes it as a path or download name.
            IMethodSymbol? first = null;
            IParameterSymbol? firstParameter = null;
            foreach (var candidate in info.CandidateSymbols)
            {
                if (candidate is not IMethodSymbol method || !CouldTake(method, list.Arguments.Count, index))
                {
                    continue;
                }

                if (!_sinks.IsSinkMethod(method) || !StorageSinks.IsPathParameter(method.Parameters[index]) ||
                    firstParameter is not null && method.Parameters[index].Name != firstParameter.Name)
                {
                    return null;
                }

                if (first is null)
                {
                    first = method;
                    firstParameter = method.Parameters[index];
                }
            }

            return first is null || firstParameter is null ? null : (invalid, first, firstParameter);
        }

        private static bool CouldTake(IMethodSymbol method, int count, int index)
        {
            var parameters = method.Parameters;
            if (parameters.Length < count || index >= parameters.Length || parameters[index].IsParams ||
                parameters[index].Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            for (var i = count; i < parameters.Length; i++)
            {
                if (!parameters[i].IsOptional && !parameters[i].IsParams)
                {
                    return false;
                }
            }

            return true;
        }

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (_sinks.PropertySinks.Contains(property.OriginalDefinition))
            {
                Analyze(context, Tracker(context), assignment.Value, assignment, new Sink(property));
            }
        }

        /// <summary>The application's own members named for a stored object's name (<see cref="StorageNameMembers"/>).</summary>
        public override bool SeesAssignmentsOfStringMembers => true;

        /// <summary>
        /// A string put into the application's own member that holds a stored object's name (<c>recording.FileName =
        /// $"{caller.Phone}_{stamp}"</c>, <c>doc.ObjectKey = …</c>): that is the name it is stored, found or served under,
        /// even when the storage call is in another method or project. A value that is a path itself (<c>Path.Combine</c>,
        /// a path-like string) reports its own inputs, so it is not reported again here.
        /// </summary>
        public override void AnalyzeMemberAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, ISymbol member)
        {
            var tracker = Tracker(context);
            if (!((PersonalDataFlowPolicy)tracker.Policy).StorageNames.IsStorageName(member) ||
                _sinks.IsPathBuilder(assignment.Value.WithoutConversions()))
            {
                return;
            }

            var sources = new List<FlowSource>();
            tracker.FindSources(assignment.Value, sources);
            if (sources.Count > 0 && !NamesAPathAlreadyBuilt(tracker, assignment))
            {
                Report(context, tracker, sources, assignment, new Sink(member, storageName: true));
            }
        }

        /// <summary>
        /// True when the value is made of a local that the same body also hands to a path builder or a storage call
        /// (<c>var fileName = $"{caller}_{stamp}.wav"; File.Create(Path.Combine(folder, fileName)); rec.AudioFilePath =
        /// "/records/" + fileName;</c>): that path is already reported, and the member names the same file. One path, one
        /// finding. Asked only when the member would be reported.
        /// </summary>
        private static bool NamesAPathAlreadyBuilt(ValueFlowTracker tracker, ISimpleAssignmentOperation assignment)
        {
            List<ILocalSymbol>? locals = null;
            foreach (var operation in assignment.Value.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation reference)
                {
                    (locals ??= new List<ILocalSymbol>()).Add(reference.Local);
                }
            }

            if (locals is null)
            {
                return false;
            }

            var root = (IOperation)assignment;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                if (operation is ILocalReferenceOperation use && !assignment.Syntax.Span.Contains(use.Syntax.Span) &&
                    locals.Exists(l => SymbolEqualityComparer.Default.Equals(l, use.Local)) && tracker.FeedsAnotherSink(use))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Analyze(OperationAnalysisContext context, ValueFlowTracker tracker, IOperation value,
            IOperation sinkOperation, Sink sink, bool valueIsPathBuilder = false)
        {
            var sources = new List<FlowSource>();
            tracker.FindSources(value, sources, valueIsPathBuilder);
            Report(context, tracker, sources, sinkOperation, sink);
        }

        /// <summary>
        /// One finding for one path: the first identifier is the primary location, the storage call or path the first
        /// additional one, the other identifiers the rest, and the message names them all. When the first identifier is
        /// outside the call (it came through a local), the call is the primary location and every identifier follows the
        /// call's own location among the additional ones. A path held in a local that
        /// several storage calls use is reported at the first of them only (see <see cref="ValueFlowTracker.IsFirstStoragePathUse"/>).
        /// </summary>
        private static void Report(OperationAnalysisContext context, ValueFlowTracker tracker, List<FlowSource> sources,
            IOperation sinkOperation, Sink sink, bool throughHelper = false)
        {
            if (sources.Count == 0)
            {
                return;
            }

            var first = sources[0];

            // An IDE analyzing a document keeps only the findings an operation reports inside its own syntax. An
            // identifier that reached the call through a local (var path = string.Format(…, email)) is outside it: the
            // finding then sits on the call, and every identifier is an additional location after the call's.
            var onCall = !sinkOperation.Syntax.Span.Contains(first.Operation.Syntax.Span);
            var primary = onCall ? DiagnosticLocations.For(sinkOperation) : first.Operation.Syntax.GetLocation();
            var offset = onCall ? 1 : 0;
            var additional = new Location[sources.Count + offset];
            additional[0] = sinkOperation.Syntax.GetLocation();
            if (onCall)
            {
                additional[1] = first.Operation.Syntax.GetLocation();
            }

            var note = new System.Text.StringBuilder(first.ThroughUnkeyedHash ? UnkeyedHashNote : string.Empty);
            for (var i = 1; i < sources.Count; i++)
            {
                var other = sources[i];
                additional[i + offset] = other.Operation.Syntax.GetLocation();
                if (i <= MaxNamedOthers)
                {
                    note.Append(i == 1 ? ", together with " : ", ").Append('\'').Append(Shown(other)).Append("' (")
                        .Append(other.Reason.What).Append(other.ThroughUnkeyedHash ? ", hashed without a key" : string.Empty).Append(')');
                }
            }

            if (sources.Count - 1 > MaxNamedOthers)
            {
                note.Append(" and ").Append(sources.Count - 1 - MaxNamedOthers).Append(" more");
            }

            var pseudonymizer = ((PersonalDataFlowPolicy)tracker.Policy).Options.PseudonymizationMethods;
            var properties = pseudonymizer.IsEmpty
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(PseudonymizerProperty, pseudonymizer[0]);
            if (onCall)
            {
                properties = properties.Add(OnCallProperty, "true");
            }

            if (throughHelper)
            {
                properties = properties.Add(ThroughHelperProperty, "true");
            }

            context.ReportDiagnostic(Diagnostic.Create(
                SSA0101PersonalIdentifierInStoragePath.Descriptor,
                primary,
                additional,
                properties,
                Shown(first),
                first.Reason.What,
                first.Reason.Evidence,
                sink.Describe(),
                note.ToString()));
        }

        private static string Shown(FlowSource source)
        {
            var shown = source.Operation.Syntax.ToString();
            return shown.Length > MaxShownLength ? shown.Substring(0, MaxShownLength) + "…" : shown;
        }

        /// <summary>
        /// The tracker of the file's settings: looked up by the options object of the file (one per distinct section of
        /// .editorconfig), and built once per distinct set of settings.
        /// </summary>
        private ValueFlowTracker Tracker(OperationAnalysisContext context) =>
            _byOptions.For(context.Options, context.Operation.Tree());
    }

    /// <summary>Where a path goes, described only when a finding needs it (most sink calls have none).</summary>
    private readonly struct Sink
    {
        private readonly ISymbol? _symbol;
        private readonly IParameterSymbol? _parameter;
        private readonly string? _text;
        private readonly string? _helperUse;

        public Sink(IMethodSymbol method, IParameterSymbol? parameter)
        {
            _symbol = method;
            _parameter = parameter;
            _text = null;
            _helperUse = null;
        }

        /// <summary>A parameter of the project's own helper, and what the helper does with it.</summary>
        public Sink(IMethodSymbol helper, IParameterSymbol parameter, string use)
        {
            _symbol = helper;
            _parameter = parameter;
            _text = null;
            _helperUse = use;
        }

        public Sink(IPropertySymbol property)
        {
            _symbol = property;
            _parameter = null;
            _text = null;
            _helperUse = null;
        }

        /// <summary>The application's own property or field that holds a stored object's name.</summary>
        public Sink(ISymbol member, bool storageName)
        {
            _symbol = member;
            _parameter = null;
            _text = storageName ? "the application's member for a stored object's name" : null;
            _helperUse = null;
        }

        public Sink(string text)
        {
            _symbol = null;
            _parameter = null;
            _text = text;
            _helperUse = null;
        }

        public string Describe() => _symbol switch
        {
            IMethodSymbol helper when _helperUse is not null => $"'{_parameter!.Name}' of {helper.ContainingType.Name}.{helper.Name}, which {_helperUse}",
            IMethodSymbol method when _parameter is null => $"{method.ContainingType.Name}.{method.Name}",
            IMethodSymbol { MethodKind: MethodKind.Constructor } method => $"'{_parameter!.Name}' of new {method.ContainingType.Name}",
            IMethodSymbol method => $"'{_parameter!.Name}' of {method.ContainingType.Name}.{method.Name}",
            IPropertySymbol or IFieldSymbol when _text is not null => $"{_symbol.ContainingType.Name}.{_symbol.Name}, {_text}",
            IPropertySymbol property => $"{property.ContainingType.Name}.{property.Name}",
            _ => _text ?? string.Empty,
        };
    }
}
