using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// A source its policy names (a personal identifier, a request value, the web root, …) found on the way into a storage
/// path.
/// </summary>
internal readonly struct FlowSource
{
    public FlowSource(IOperation operation, SourceReason reason, bool throughUnkeyedHash)
    {
        Operation = operation;
        Reason = reason;
        ThroughUnkeyedHash = throughUnkeyedHash;
    }

    /// <summary>The expression that yields the source: the primary location of the finding.</summary>
    public IOperation Operation { get; }

    public SourceReason Reason { get; }

    /// <summary>True when the value went through an unkeyed hash (SHA-256, MD5…), which anyone can reverse for a phone number.</summary>
    public bool ThroughUnkeyedHash { get; }
}

/// <summary>
/// The value-flow engine of the pack: walks back from a value that becomes a storage path to the sources it is made of,
/// as its <see cref="IFlowSourcePolicy"/> names them (personal identifiers for SSA0101, request values for SSA0005, the
/// web root for SSA0006, the content root for SSA0004, private folders for SSA0001); through locals
/// (their initializers and assignments in the same method), string interpolation, concatenation, <c>string.Format</c>/
/// <c>Concat</c>/<c>Join</c>, <c>ToString</c> and the string helpers, a <c>StringBuilder</c> (its constructor's text and
/// every append, chained or on a local), <c>Path</c> helpers, encodings, unkeyed hashes, LINQ operators over a string's
/// characters and <c>new string(chars)</c>, tuple literals (element by element, deconstructed or read by field), a value
/// a local is compared equal with (<c>==</c>, <c>Equals</c>; for the policies that follow transformations), conditional access (<c>?.</c>),
/// <c>await</c>, <c>?:</c>/<c>??</c>, <c>Regex.Replace</c>, local functions that return the value, and the project's own
/// methods, one level (what they return, with the call's arguments for their parameters, read lazily and cached per
/// method: <see cref="ProjectMethodReturns"/>; through the project's own interface, its one implementation here, for a
/// policy that is <see cref="IFollowsProjectImplementations"/>). Bounded; any other call ends the walk unless the policy classifies it
/// (for SSA0101, <c>GetPhoneNumberAsync</c>). A keyed hash (HMAC), a barrier of the policy (a configured pseudonymization
/// method) or a fresh name (<c>Guid.NewGuid()</c>, <c>Path.GetRandomFileName()</c>) ends it too. So does another path
/// builder (<c>Path.Combine</c>, a path-like string) for a policy that <see cref="IFlowSourcePolicy.StopsAtPathBuilders"/>:
/// it reports its own inputs.
/// </summary>
internal sealed class ValueFlowTracker
{
    private const int MaxDepth = 32;
    private const int FewLocals = 8;

    private readonly StorageSinks _sinks;
    private readonly IFlowSourcePolicy _policy;

    public ValueFlowTracker(StorageSinks sinks, IFlowSourcePolicy policy)
    {
        _sinks = sinks;
        _policy = policy;
    }

    public IFlowSourcePolicy Policy => _policy;

    /// <summary>
    /// Adds to <paramref name="sources"/> every source of the policy that flows into <paramref name="value"/>. A path
    /// builder met on the way reports its own inputs and ends the walk, unless it is <paramref name="value"/> itself
    /// (<paramref name="valueIsPathBuilder"/>: a path-like string being analyzed).
    /// </summary>
    /// <param name="summarisingMethod">
    /// True when <paramref name="value"/> is a return of a project method being summarised (<see cref="ProjectStringMethods"/>):
    /// a hash or an extension of its parameter is what the method makes of it, as inside a project method's replayed body,
    /// and no other method's summary is asked for.
    /// </param>
    public void FindSources(IOperation value, List<FlowSource> sources, bool valueIsPathBuilder = false, bool summarisingMethod = false)
    {
        var walk = new Walk(this, sources, valueIsPathBuilder ? value : null, summarisingMethod);
        walk.Trace(value, 0, false, null);
    }

    /// <summary>See <see cref="MethodBodyIndex.IsFirstStoragePathUse"/>; the body is indexed only when the argument is a local.</summary>
    public bool IsFirstStoragePathUse(IArgumentOperation argument) =>
        argument.Value.WithoutConversions() is not ILocalReferenceOperation || _sinks.BodyIndex(argument).IsFirstStoragePathUse(argument);

    /// <summary>
    /// True when the value of <paramref name="operation"/> goes straight (through conversions, string helpers,
    /// concatenation and interpolation) into another path builder or a storage call: that one reports, with the storage
    /// call as its location, and walks through this one. A builder whose value is stored in a local or returned reports
    /// itself, and walks that reach it through the local stop there.
    /// </summary>
    public bool FeedsAnotherSink(IOperation operation)
    {
        var current = operation;
        var parent = operation.Parent;
        while (parent is not null)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IInterpolationOperation:
                case IAwaitOperation:
                case IConditionalOperation conditional when !ReferenceEquals(conditional.Condition, current):
                case ICoalesceOperation:
                case IArrayInitializerOperation:
                case IArrayCreationOperation:
                    break;

                // A concatenation that is itself a path (a folder + a file name that starts with a separator) reports,
                // and walks through this part: one path, one finding.
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                    if (_sinks.IsPathBuilder(concatenation))
                    {
                        return true;
                    }

                    break;

                case var collection when _sinks.IsParamsCollection(collection):
                    break;

                case IInterpolatedStringOperation interpolated:
                    if (_sinks.IsPathBuilder(interpolated))
                    {
                        return true;
                    }

                    break;

                case IArgumentOperation argument:
                    var consumer = argument.Parent;
                    var method = consumer switch
                    {
                        IInvocationOperation invocation => invocation.TargetMethod,
                        IObjectCreationOperation creation => creation.Constructor,
                        _ => null,
                    };
                    if (method is null)
                    {
                        return false;
                    }

                    if (_sinks.IsPathBuilder(method) || _sinks.IsSinkMethod(method) && _sinks.IsPathArgument(argument, method))
                    {
                        return true;
                    }

                    if (!_sinks.Propagates(method, out _))
                    {
                        return false;
                    }

                    parent = consumer;
                    break;

                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current):
                    if (!_sinks.Propagates(invocation.TargetMethod, out _))
                    {
                        return false;
                    }

                    break;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when ReferenceEquals(assignment.Value, current):
                    return _sinks.PropertySinks.Contains(target.Property.OriginalDefinition);

                default:
                    return false;
            }

            current = parent!;
            parent = parent!.Parent;
        }

        return false;
    }

    /// <summary>
    /// Inside a local function or a project method: its parameters mapped to the call's arguments, and the caller's own
    /// map. For a project method, also the walk's state in the caller, restored while an argument is walked.
    /// </summary>
    private sealed class ArgumentMap
    {
        public ArgumentMap(ArgumentMap? outer) => Outer = outer;

        public Dictionary<IParameterSymbol, IOperation> Values { get; } = new(SymbolEqualityComparer.Default);

        public ArgumentMap? Outer { get; }

        /// <summary>The caller's state when the map is a project method's (null for a local function: same body).</summary>
        public CallerState? Caller { get; set; }
    }

    /// <summary>What a walk knew in the caller of a project method: its body's index, its visited locals, how it got there.</summary>
    private sealed class CallerState
    {
        public MethodBodyIndex? Index;
        public List<ILocalSymbol>? VisitedLocals;
        public HashSet<ILocalSymbol>? ManyVisitedLocals;
        public bool ViaLocal;
        public IConditionalAccessOperation? Access;
        public IOperation? ProjectCall;
        public int ProjectLevel;
    }

    private sealed class Walk
    {
        private readonly ValueFlowTracker _owner;
        private readonly List<FlowSource> _sources;
        private List<ILocalSymbol>? _visitedLocals;
        private HashSet<ILocalSymbol>? _manyVisitedLocals;
        private readonly IOperation? _builder;
        private MethodBodyIndex? _index;
        private Dictionary<ILocalSymbol, List<IOperation>>? _heldBack;
        private bool _viaLocal;
        private IConditionalAccessOperation? _access;

        // Inside a project method's body (one level): the call in the caller, where what the body yields is located.
        private IOperation? _projectCall;

        // How many project methods deep the walk is: 1 inside one, 2 inside a MapPath helper that one calls.
        private int _projectLevel;

        // Set by every source met (even one already reported): tells whether one return of a project method yielded one.
        private bool _found;

        // Walking a return of a method being summarised (ProjectStringMethods).
        private readonly bool _summarising;

        public Walk(ValueFlowTracker owner, List<FlowSource> sources, IOperation? builder, bool summarising)
        {
            _owner = owner;
            _sources = sources;
            _builder = builder;
            _summarising = summarising;
        }

        public void Trace(IOperation? operation, int depth, bool hashed, ArgumentMap? arguments)
        {
            if (operation is null || depth > MaxDepth)
            {
                return;
            }

            // A path builder reached through a local reports its own inputs; one nested in the value is walked through.
            if (_viaLocal && _owner._policy.StopsAtPathBuilders && !ReferenceEquals(operation, _builder) &&
                _owner._sinks.IsPathBuilder(operation))
            {
                return;
            }

            // (An implicit params array is the arguments of a call the policy passes through, as new CompositeFileProvider(a, b).)
            if (!_owner._policy.FollowsValueTransformations &&
                operation is IInterpolatedStringOperation or IBinaryOperation or IArrayCreationOperation { IsImplicit: false })
            {
                return;
            }

            // The two most frequent kinds first, by their kind: the switch below tests the types one after the other (an
            // invocation came after nine type tests, a local after seventeen). No case above theirs matches either.
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    TraceInvocation((IInvocationOperation)operation, depth, hashed, arguments);
                    return;
                case OperationKind.LocalReference:
                    TraceLocal((ILocalReferenceOperation)operation, depth, hashed, arguments);
                    return;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    Trace(conversion.Operand, depth + 1, hashed, arguments);
                    break;

                case IParenthesizedOperation parenthesized:
                    Trace(parenthesized.Operand, depth + 1, hashed, arguments);
                    break;

                case IAwaitOperation awaited:
                    Trace(awaited.Operation, depth + 1, hashed, arguments);
                    break;

                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } taskResult
                    when _owner._sinks.TaskOfT is { } taskOfT && SymbolEquality.DefinitionIs(taskResult.Property.ContainingType, taskOfT):
                    // helper.DownloadAsync(key).Result: what awaiting the task gives (held-out set 11's S3 helper).
                    Trace(task, depth + 1, hashed, arguments);
                    break;

                case IInterpolatedStringOperation interpolated:
                    // $"wwwroot/logs/{name}.txt": the text it starts with may be a source of its own (a folder).
                    if (interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation)
                    {
                        Report(interpolated, _owner._policy.Classify(interpolated, null), hashed);
                    }

                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            Trace(hole.Expression, depth + 1, hashed, arguments);
                        }
                    }

                    break;

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    Trace(binary.LeftOperand, depth + 1, hashed, arguments);
                    Trace(binary.RightOperand, depth + 1, hashed, arguments);
                    break;

                case IConditionalOperation conditional:
                    Trace(conditional.WhenTrue, depth + 1, hashed, arguments);
                    Trace(conditional.WhenFalse, depth + 1, hashed, arguments);
                    break;

                case ICoalesceOperation coalesce:
                    Trace(coalesce.Value, depth + 1, hashed, arguments);
                    Trace(coalesce.WhenNull, depth + 1, hashed, arguments);
                    break;

                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        Trace(element, depth + 1, hashed, arguments);
                    }

                    break;

                case IConditionalAccessOperation access:
                    // caller?.PhoneNumber: the member read is the identifier; the finding shows the whole expression.
                    var outerAccess = _access;
                    _access = access;
                    Trace(access.WhenNotNull, depth + 1, hashed, arguments);
                    _access = outerAccess;
                    break;

                case IInvocationOperation invocation:
                    TraceInvocation(invocation, depth, hashed, arguments);
                    break;

                case IInvalidOperation invalid when _owner._policy.FollowsValueTransformations &&
                                                    _owner._sinks.IsUnboundStringCall(invalid, out _):
                    // Path.Combine(folder, record.Code) with record's type unknown (a package the build lacks): the call
                    // is not bound, but every method it could be keeps its inputs, so the resolved ones are walked. The
                    // source itself must still be a resolved one (a MapPath, the web root, a person's member).
                    foreach (var child in invalid.ChildOperations)
                    {
                        Trace(child, depth + 1, hashed, arguments);
                    }

                    break;

                case IPropertyReferenceOperation { Property.Name: "Root" } providerRoot when _owner._sinks.PhysicalFileProviderRoot(providerRoot) is { } rootFolder:
                    // new PhysicalFileProvider(folder).Root: the folder it was created over.
                    Trace(rootFolder, depth + 1, hashed, arguments);
                    break;

                case IPropertyReferenceOperation property:
                    var propertyReason = _owner._policy.Classify(operation, property.Property);
                    if (propertyReason is null && property.Instance is { } owner && _owner._policy.FollowsMembersOf(property))
                    {
                        // export.Path: the record it is read from (SSA0005, a record found by a request value).
                        var foundBefore = _found;
                        _found = false;
                        Trace(owner, depth + 1, hashed, arguments);

                        // result.Data.Content: when the whole value yields nothing, the member the project's method put there.
                        if (!_found && FollowsResultMembers &&
                            !PersonalData.FrameworkAssemblies.Declares(property.Property))
                        {
                            TraceMember(owner, new MemberPath(property.Property, null, null), depth + 1, hashed, arguments);
                        }

                        _found |= foundBefore;
                        break;
                    }

                    // WebRoot => _env.WebRootPath ?? …: the project's own computed property, read as its getter's returns.
                    if (propertyReason is null && _projectCall is null && property.Property is { IsIndexer: false, SetMethod: null, GetMethod: { } getter } &&
                        TraceProjectMethod(property, getter, ImmutableArray<IArgumentOperation>.Empty, depth, hashed, arguments))
                    {
                        break;
                    }

                    Report(operation, propertyReason, hashed);
                    break;

                case IConditionalAccessInstanceOperation accessed when AccessOf(accessed) is { } made:
                    // export?.Path, its member followed: the value the access is made on.
                    var accessWas = _access;
                    _access = null;
                    Trace(made.Operation, depth + 1, hashed, arguments);
                    _access = accessWas;
                    break;

                case IDynamicMemberReferenceOperation { Instance: { } dynamicOwner } dynamicMember when FollowsResultMembers:
                    // byte[] fileBytes = data.FileBytes of dynamic data = result.Data: the member the project's method put there.
                    TraceMember(dynamicOwner, new MemberPath(null, dynamicMember.MemberName, null), depth + 1, hashed, arguments);
                    break;

                case IFieldReferenceOperation field:
                    var fieldReason = _owner._policy.Classify(operation, field.Field);
                    if (fieldReason is null && _owner._policy.FollowsValueTransformations && field.Instance is ILocalReferenceOperation tupleLocal &&
                        TupleElementIndex(field.Field) is { } elementIndex)
                    {
                        // person.name of var person = (name: customer.FullName, age: 3): the element the tuple was given.
                        TraceTupleElement(tupleLocal, elementIndex, depth, hashed, arguments);
                        break;
                    }

                    // csvPath = Server.MapPath("~/Files/") + name; then SaveAs(csvPath), csvPath a field of the page: the
                    // value the same method gave the field just before, followed as a local's (held-out set 17).
                    if (fieldReason is null && Index(field).AssignedValue(field) is { } assigned)
                    {
                        var wasViaLocal = _viaLocal;
                        _viaLocal = true;
                        Trace(assigned, depth + 1, hashed, arguments);
                        _viaLocal = wasViaLocal;
                        break;
                    }

                    Report(operation, fieldReason, hashed);
                    break;

                case IParameterReferenceOperation parameter:
                    if (arguments is not null && arguments.Values.TryGetValue(parameter.Parameter, out var argument))
                    {
                        if (arguments.Caller is { } caller)
                        {
                            TraceInCaller(argument, depth + 1, hashed, arguments.Outer, caller);
                        }
                        else
                        {
                            Trace(argument, depth + 1, hashed, arguments.Outer);
                        }
                    }
                    else
                    {
                        Report(operation, _owner._policy.Classify(operation, parameter.Parameter), hashed);
                    }

                    break;

                case ILocalReferenceOperation local:
                    TraceLocal(local, depth, hashed, arguments);
                    break;

                case IObjectCreationOperation creation when _owner._policy.FollowsValueTransformations &&
                                                            _owner._sinks.StringBuilder is { } stringBuilder &&
                                                            SymbolEqualityComparer.Default.Equals(creation.Type, stringBuilder):
                    // new StringBuilder(root): its initial text.
                    foreach (var constructorArgument in creation.Arguments)
                    {
                        if (constructorArgument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            Trace(constructorArgument.Value, depth + 1, hashed, arguments);
                        }
                    }

                    break;

                case IObjectCreationOperation { Type.SpecialType: SpecialType.System_String } creation when _owner._policy.FollowsValueTransformations:
                    // new string(name.Where(char.IsLetter).ToArray()): the characters it is made of.
                    foreach (var constructorArgument in creation.Arguments)
                    {
                        if (constructorArgument.Value.Type is IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true })
                        {
                            Trace(constructorArgument.Value, depth + 1, hashed, arguments);
                        }
                    }

                    break;

                case IObjectCreationOperation creation when _owner._policy.PassesThrough(creation):
                    foreach (var constructorArgument in creation.Arguments)
                    {
                        Trace(constructorArgument.Value, depth + 1, hashed, arguments);
                    }

                    // new GetObjectRequest { BucketName = bucket, Key = key }: what the initializer sets names the object too.
                    if (creation.Initializer is { } requestInitializer)
                    {
                        foreach (var set in requestInitializer.Initializers)
                        {
                            if (set is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } assignment)
                            {
                                Trace(assignment.Value, depth + 1, hashed, arguments);
                            }
                        }
                    }

                    break;

                case ILiteralOperation literal:
                    Report(literal, _owner._policy.Classify(literal, null), hashed);
                    break;

                default:
                    // A params collection the pack's Roslyn floor has no interface for (C# 13 binds five and more
                    // Path.Combine segments to params ReadOnlySpan<string>, a collection expression): its elements.
                    if (_owner._sinks.IsParamsCollection(operation))
                    {
                        foreach (var element in operation.ChildOperations)
                        {
                            Trace(element, depth + 1, hashed, arguments);
                        }
                    }

                    break;
            }
        }

        /// <summary>The position of a tuple's element field (<c>t.name</c>, <c>t.Item2</c>), or null for any other field.</summary>
        private static int? TupleElementIndex(IFieldSymbol field)
        {
            if (field.ContainingType is not { IsTupleType: true } tuple)
            {
                return null;
            }

            var elements = tuple.TupleElements;
            for (var i = 0; i < elements.Length; i++)
            {
                if (SymbolEqualityComparer.Default.Equals(elements[i], field) ||
                    SymbolEqualityComparer.Default.Equals(elements[i].CorrespondingTupleField, field.CorrespondingTupleField ?? field))
                {
                    return i;
                }
            }

            return null;
        }

        /// <summary>
        /// The element at <paramref name="index"/> of every tuple literal given to the local. The local is not marked
        /// visited (another element of it may be read in the same path); the walk's depth bounds a tuple built from itself.
        /// </summary>
        private void TraceTupleElement(ILocalReferenceOperation reference, int index, int depth, bool hashed, ArgumentMap? arguments)
        {
            var wasViaLocal = _viaLocal;
            _viaLocal = true;
            foreach (var value in Index(reference).ValuesReaching(reference))
            {
                if (value.WithoutConversions() is ITupleOperation tuple)
                {
                    if (index < tuple.Elements.Length)
                    {
                        Trace(tuple.Elements[index], depth + 1, hashed, arguments);
                    }
                }
                else if (value.WithoutConversions() is IAwaitOperation or IInvocationOperation && DeconstructedElement(value, reference.Local) is null)
                {
                    // var download = await _service.DownloadAsync(id); download.FileBytes: the element the call returns.
                    TraceElement(value, index, depth + 1, hashed, arguments);
                }
            }

            _viaLocal = wasViaLocal;
        }

        /// <summary>
        /// The position of <paramref name="local"/> in the deconstruction <paramref name="value"/> is given to, when the
        /// value is not a tuple literal (<c>var (bytes, name) = await Download(id)</c>: 0 for <c>bytes</c>); null for any
        /// other value, and for a local nested deeper than the first level of the target.
        /// </summary>
        private static int? DeconstructedElement(IOperation value, ILocalSymbol local)
        {
            if (value.Parent is not IDeconstructionAssignmentOperation deconstruction || !ReferenceEquals(deconstruction.Value, value) ||
                value.WithoutConversions() is ITupleOperation)
            {
                return null;
            }

            var target = deconstruction.Target.WithoutConversions();
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            if (target is not ITupleOperation targets)
            {
                return null;
            }

            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var element = targets.Elements[i].WithoutConversions();
                if (element is IDeclarationExpressionOperation declared)
                {
                    element = declared.Expression;
                }

                if (element is ILocalReferenceOperation named && SymbolEqualityComparer.Default.Equals(named.Local, local))
                {
                    return i;
                }
            }

            return null;
        }

        /// <summary>
        /// The element at <paramref name="index"/> of the tuple <paramref name="value"/> yields: of a tuple literal, of the
        /// locals it is given, of both branches of <c>?:</c>, and of the returns of the project's own method (through its
        /// interface, every implementation: <see cref="TraceProjectMethod"/>), so that a service returning
        /// <c>(bytes, doc.FileName)</c> carries what chose the bytes and not what chose the name. Any other value is walked
        /// whole, as before.
        /// </summary>
        private void TraceElement(IOperation? value, int index, int depth, bool hashed, ArgumentMap? arguments)
        {
            if (value is null || depth > MaxDepth)
            {
                return;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    TraceElement(conversion.Operand, index, depth + 1, hashed, arguments);
                    return;

                case IParenthesizedOperation parenthesized:
                    TraceElement(parenthesized.Operand, index, depth + 1, hashed, arguments);
                    return;

                case IAwaitOperation awaited:
                    TraceElement(awaited.Operation, index, depth + 1, hashed, arguments);
                    return;

                case ITupleOperation tuple:
                    if (index < tuple.Elements.Length)
                    {
                        Trace(tuple.Elements[index], depth + 1, hashed, arguments);
                    }

                    return;

                case IConditionalOperation conditional:
                    TraceElement(conditional.WhenTrue, index, depth + 1, hashed, arguments);
                    TraceElement(conditional.WhenFalse, index, depth + 1, hashed, arguments);
                    return;

                case ILocalReferenceOperation local when _projectCall is not null:
                    // Inside the project method: var result = (name, stream); return result.
                    if (Visit(local.Local))
                    {
                        foreach (var given in Index(local).ValuesOf(local.Local))
                        {
                            TraceElement(given, index, depth + 1, hashed, arguments);
                        }
                    }

                    return;

                case IInvocationOperation invocation when _projectCall is null && !_owner._policy.IsBarrier(invocation.TargetMethod) &&
                                                          TraceProjectMethod(invocation, invocation.TargetMethod, invocation.Arguments, depth, hashed, arguments, index):
                    return;

                default:
                    Trace(value, depth, hashed, arguments);
                    return;
            }
        }

        /// <summary>The conditional access whose receiver <paramref name="instance"/> stands for (the nearest one it is under the <c>?.</c> of).</summary>
        private static IConditionalAccessOperation? AccessOf(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, child))
                {
                    return access;
                }
            }

            return null;
        }

        private void TraceInvocation(IInvocationOperation invocation, int depth, bool hashed, ArgumentMap? arguments)
        {
            var method = invocation.TargetMethod;
            if (_owner._policy.IsBarrier(method))
            {
                return;
            }

            if (_owner._policy.PassesThrough(invocation))
            {
                // dir.GetFiles(pattern), found.OpenRead(): a FileInfo's or DirectoryInfo's call is about the file it is.
                if (invocation.Instance is { } fileSystemInfo && _owner._sinks.IsFileSystemInfo(fileSystemInfo.Type))
                {
                    Trace(fileSystemInfo, depth + 1, hashed, arguments);
                }
                else if (invocation.Instance is { } client && _owner._policy is IWalksCallReceivers receivers && receivers.WalksReceiverOf(invocation))
                {
                    // blob.DownloadStreamingAsync(): the object the client was made for (container.GetBlobClient(name)).
                    Trace(client, depth + 1, hashed, arguments);
                }

                foreach (var argument in invocation.Arguments)
                {
                    Trace(argument.Value, depth + 1, hashed, arguments);
                }

                return;
            }

            if (_owner._policy.FollowsValueTransformations && _owner._sinks.Propagates(method, out var unkeyedHash))
            {
                // In a project method, a hash of the argument is what the method makes of it (a pseudonym), and an
                // extension is all it keeps of a name: neither carries the argument out of the method.
                if ((_projectCall is not null || _summarising) && (unkeyedHash || IsExtensionOnly(method)))
                {
                    return;
                }

                Trace(invocation.Instance, depth + 1, hashed || unkeyedHash, arguments);
                foreach (var argument in invocation.Arguments)
                {
                    Trace(argument.Value, depth + 1, hashed || unkeyedHash, arguments);
                }

                return;
            }

            if (method.MethodKind == MethodKind.LocalFunction && TraceLocalFunction(invocation, depth, hashed, arguments))
            {
                return;
            }

            // A lookup (SSA0005): what it finds is chosen by its keys, walked as its value; the call is then judged as
            // any other (a project method's returns), so nothing else it carries is lost.
            var keys = _owner._policy.LookupKeys(invocation);
            for (var i = 0; i < keys.Count; i++)
            {
                Trace(keys[i], depth + 1, hashed, arguments);
            }

            // Any other call ends the walk, unless its name says what it returns (user.GetPhoneNumber()) or it is the
            // project's own method, whose returns are walked (one level).
            var reason = _owner._policy.Classify(invocation, method);

            // Inside a replayed project method, a call classified by its first argument that is the method's parameter
            // (Map(path) => HostingEnvironment.MapPath(path)): judged again with the caller's argument.
            if (reason is null && arguments is not null && _owner._policy is IClassifiesCallsByArgument byArgument &&
                !invocation.Arguments.IsEmpty && invocation.Arguments[0].Value.WithoutConversions() is IParameterReferenceOperation parameter &&
                arguments.Values.TryGetValue(parameter.Parameter, out var callerArgument))
            {
                reason = byArgument.ClassifyWithArgument(invocation, callerArgument);
            }

            if (reason is null && (_projectCall is null || _projectLevel == 1 && ReturnsMapPath(invocation, method)) &&
                TraceProjectMethod(invocation, method, invocation.Arguments, depth, hashed, arguments))
            {
                return;
            }

            // The project's own string method (a sanitizer, a slug), at any level: its value is the arguments it is made of.
            if (reason is null && !_summarising && _owner._policy is IFollowsProjectStringMethods strings &&
                TraceStringMethod(invocation, method, strings, depth, hashed, arguments))
            {
                return;
            }

            Report(invocation, reason, hashed);
        }

        /// <summary>
        /// A call of one of the project's string methods (<see cref="ProjectStringMethods"/>): the arguments its result is
        /// made of, walked where the call is. False when the method is not one.
        /// </summary>
        private bool TraceStringMethod(IInvocationOperation invocation, IMethodSymbol method, IFollowsProjectStringMethods strings,
            int depth, bool hashed, ArgumentMap? arguments)
        {
            if (invocation.SemanticModel?.Compilation is not { } compilation)
            {
                return false;
            }

            var carried = strings.CarriedParameters(method, compilation);
            if (carried.IsEmpty)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && carried.Contains(parameter.Ordinal))
                {
                    Trace(argument.Value, depth + 1, hashed, arguments);
                }
            }

            return true;
        }

        private bool IsExtensionOnly(IMethodSymbol method) =>
            method.Name == "GetExtension" && SymbolEquality.DefinitionIs(method.ContainingType, _owner._sinks.PathType);

        /// <summary>
        /// A call of the project's own method (<see cref="ProjectMethodReturns"/>): its value is what the method returns,
        /// walked with the call's arguments for its parameters (<c>GetUploadPath()</c> returning <c>"wwwroot/Uploads"</c>,
        /// <c>Clean(name)</c> returning <c>Regex.Replace(name, …)</c>). One level: inside it, calls of other project methods
        /// end the walk as before. Every return must yield a source (a <c>return null</c> or <c>return ""</c> guard aside),
        /// or the method gives nothing: returns that disagree (a web-root path on one branch, another folder on the other)
        /// and recursion are unknown, not a finding. A source inside the method is located at the call. The method's
        /// returns are read only here, when the call's value reaches a storage call or a path builder, and once per method
        /// per compilation. False when the method is not one the walk can follow.
        /// </summary>
        private bool TraceProjectMethod(IOperation invocation, IMethodSymbol method, ImmutableArray<IArgumentOperation> callArguments,
            int depth, bool hashed, ArgumentMap? arguments, int element = -1, MemberPath? members = null)
        {
            if (invocation.SemanticModel?.Compilation is not { } compilation)
            {
                return false;
            }

            // A call through the project's own interface: every implementation here, for a policy that follows it; each
            // must yield a source, as each return must.
            ImmutableArray<IMethodSymbol> bodies;
            if (ProjectMethodReturns.IsFollowable(method, compilation))
            {
                bodies = ImmutableArray.Create(method);
            }
            else if (_owner._policy is IFollowsProjectImplementations follower && follower.ImplementationsOf(method) is { IsEmpty: false } implementations)
            {
                bodies = implementations;
            }
            else
            {
                return false;
            }

            foreach (var body in bodies)
            {
                if (!ProjectMethodReturns.IsFollowable(body, compilation) || _owner._sinks.ProjectReturns.Of(body, compilation).IsEmpty)
                {
                    return false;
                }
            }

            var caller = Save();
            var start = _sources.Count;
            var outerFound = _found;
            var agreed = false;
            foreach (var body in bodies)
            {
                var map = new ArgumentMap(arguments) { Caller = caller };
                foreach (var argument in callArguments)
                {
                    if (argument.Parameter is { } parameter && parameter.Ordinal < body.Parameters.Length)
                    {
                        var target = ReferenceEquals(body, method) ? parameter : body.Parameters[parameter.Ordinal];
                        map.Values[target.OriginalDefinition] = argument.Value;
                    }
                }

                // The method's body: its own index and locals; a path builder in it is walked as one reached through a
                // local (a rule that reports path builders reports the method's own). What a second level yields is
                // located at the first level's call, in the body the walk started from.
                Restore(caller);
                _projectCall ??= invocation;
                _projectLevel++;
                _index = null;
                _visitedLocals = null;
                _manyVisitedLocals = null;
                _viaLocal = true;
                _access = null;
                agreed = false;
                foreach (var returned in _owner._sinks.ProjectReturns.Of(body, compilation))
                {
                    if (returned.WithoutConversions().ConstantValue is { HasValue: true, Value: null or "" } ||
                        element >= 0 && returned.WithoutConversions() is ITupleOperation guard && element < guard.Elements.Length &&
                        guard.Elements[element].WithoutConversions().ConstantValue is { HasValue: true, Value: null or "" })
                    {
                        continue;
                    }

                    // if (string.IsNullOrWhiteSpace(path2)) return path1;: for a policy of request values (SSA0005's), the
                    // method's answer for a request that names nothing, as ProjectStringMethods reads it (issue #21, the
                    // host server's MergePath(root, fileRequestPath)).
                    if (_owner._policy is IFollowsProjectImplementations && ProjectStringMethods.AnswersEmptyInput(returned, body.OriginalDefinition))
                    {
                        continue;
                    }

                    // The member the caller reads, left unset by this return (a NotFound("…") wrapper without Data): a guard.
                    if (members is not null && LeavesMemberUnset(returned, members, compilation, 0))
                    {
                        continue;
                    }

                    _found = false;
                    if (members is not null)
                    {
                        TraceMember(returned, members, depth + 1, hashed, map);
                    }
                    else if (element >= 0)
                    {
                        // The element the caller deconstructs: (null, null) guards aside, as a return null is.
                        TraceElement(returned, element, depth + 1, hashed, map);
                    }
                    else
                    {
                        Trace(returned, depth + 1, hashed, map);
                    }

                    agreed = _found;
                    if (!agreed)
                    {
                        break;
                    }
                }

                if (!agreed)
                {
                    break;
                }
            }

            Restore(caller);
            _found = outerFound || agreed;
            if (!agreed)
            {
                _sources.RemoveRange(start, _sources.Count - start);
                return false;
            }

            return true;
        }

        /// <summary>
        /// The policy follows what the project's own method puts in a member of its result (SSA0005's, which also follow
        /// a call through the project's interface): <see cref="TraceMember"/>.
        /// </summary>
        private bool FollowsResultMembers => _owner._policy is IFollowsProjectImplementations;

        /// <summary>
        /// The member <paramref name="members"/> names (then the next, outermost first) of the value
        /// <paramref name="value"/> yields: through locals, <c>await</c>, conversions, <c>?:</c>/<c>??</c> and member
        /// reads (<c>result.Data</c> of <c>dynamic data = result.Data!</c>), into the returns of the project's own method
        /// (one level; through its interface, every implementation, as <see cref="TraceProjectMethod"/>), down to the
        /// object creation that sets it: <c>new ResponseModel { Data = new { FileBytes = fileBytes } }</c> gives
        /// <c>fileBytes</c> for <c>Data</c> then <c>FileBytes</c>. A typed member is matched by its symbol, a
        /// <c>dynamic</c> one by its name (what the runtime binder does). Only the member read is walked, so the
        /// record's name beside bytes the method makes carries nothing; any other value yields nothing.
        /// </summary>
        private void TraceMember(IOperation? value, MemberPath members, int depth, bool hashed, ArgumentMap? arguments)
        {
            if (value is null || depth > MaxDepth)
            {
                return;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    TraceMember(conversion.Operand, members, depth + 1, hashed, arguments);
                    return;

                case IParenthesizedOperation parenthesized:
                    TraceMember(parenthesized.Operand, members, depth + 1, hashed, arguments);
                    return;

                case IAwaitOperation awaited:
                    TraceMember(awaited.Operation, members, depth + 1, hashed, arguments);
                    return;

                case IConditionalOperation conditional:
                    TraceMember(conditional.WhenTrue, members, depth + 1, hashed, arguments);
                    TraceMember(conditional.WhenFalse, members, depth + 1, hashed, arguments);
                    return;

                case ICoalesceOperation coalesce:
                    TraceMember(coalesce.Value, members, depth + 1, hashed, arguments);
                    TraceMember(coalesce.WhenNull, members, depth + 1, hashed, arguments);
                    return;

                case ILocalReferenceOperation local:
                    // Not marked visited: the walk may have met the local whole already (result, before result.Data).
                    var wasViaLocal = _viaLocal;
                    _viaLocal = true;
                    var created = false;
                    foreach (var given in Index(local).ValuesReaching(local))
                    {
                        created |= given.WithoutConversions() is IObjectCreationOperation;
                        TraceMember(given, members, depth + 1, hashed, arguments);
                    }

                    // var returnedFile = new ReturnedFile(); returnedFile.memory = memory; return returnedFile;: the member
                    // set by a statement on the object the body created (held-out set 16's repository download).
                    if (created)
                    {
                        foreach (var set in MemberSetOn(local, members))
                        {
                            if (members.Rest is null)
                            {
                                Trace(set.Value, depth + 1, hashed, arguments);
                            }
                            else
                            {
                                TraceMember(set.Value, members.Rest, depth + 1, hashed, arguments);
                            }
                        }
                    }

                    _viaLocal = wasViaLocal;
                    return;

                case IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } owner } property
                    when !PersonalData.FrameworkAssemblies.Declares(property.Property):
                    TraceMember(owner, new MemberPath(property.Property, null, members), depth + 1, hashed, arguments);
                    return;

                case IDynamicMemberReferenceOperation { Instance: { } owner } dynamicMember:
                    TraceMember(owner, new MemberPath(null, dynamicMember.MemberName, members), depth + 1, hashed, arguments);
                    return;

                case IObjectCreationOperation { Initializer: { } initializer }:
                    TraceAssigned(initializer.Initializers, members, depth, hashed, arguments);
                    return;

                case IAnonymousObjectCreationOperation anonymous:
                    TraceAssigned(anonymous.Initializers, members, depth, hashed, arguments);
                    return;

                case IInvocationOperation invocation when _projectCall is null && !_owner._policy.IsBarrier(invocation.TargetMethod):
                    TraceProjectMethod(invocation, invocation.TargetMethod, invocation.Arguments, depth, hashed, arguments, members: members);
                    return;
            }
        }

        /// <summary>
        /// The assignments to the member <paramref name="members"/> names of the object in the local <paramref name="read"/>
        /// reads (<c>result.memory = memory;</c>), written before the read in the same body: the last one alone when it is
        /// a statement of a block the read is in (every path to the read passes it, so it replaced the earlier ones), all of
        /// them otherwise.
        /// </summary>
        private IReadOnlyList<ISimpleAssignmentOperation> MemberSetOn(ILocalReferenceOperation read, MemberPath members)
        {
            List<ISimpleAssignmentOperation>? sets = null;
            foreach (var assignment in Index(read).MemberAssignments)
            {
                if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } target &&
                    SymbolEqualityComparer.Default.Equals(owner.Local, read.Local) && members.Names(target.Property) &&
                    assignment.Syntax.SyntaxTree == read.Syntax.SyntaxTree && assignment.Syntax.SpanStart < read.Syntax.SpanStart)
                {
                    (sets ??= new List<ISimpleAssignmentOperation>()).Add(assignment);
                }
            }

            if (sets is null)
            {
                return System.Array.Empty<ISimpleAssignmentOperation>();
            }

            var last = sets[sets.Count - 1];
            if (sets.Count > 1 && last.Parent is IExpressionStatementOperation { Parent: IBlockOperation block } &&
                block.Syntax.Span.Contains(read.Syntax.Span))
            {
                return new[] { last };
            }

            return sets;
        }

        /// <summary>The value an object initializer gives the member <paramref name="members"/> names, walked for the rest of the path.</summary>
        private void TraceAssigned(ImmutableArray<IOperation> initializers, MemberPath members, int depth, bool hashed, ArgumentMap? arguments)
        {
            foreach (var initializer in initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && members.Names(target.Property))
                {
                    if (members.Rest is null)
                    {
                        Trace(assignment.Value, depth + 1, hashed, arguments);
                    }
                    else
                    {
                        TraceMember(assignment.Value, members.Rest, depth + 1, hashed, arguments);
                    }
                }
            }
        }

        /// <summary>
        /// True when <paramref name="returned"/> leaves the member the caller reads at its default: a null, a
        /// <c>default</c>, an object created without constructor arguments whose initializer does not set it, or a call of
        /// the project's own helper every return of which does so (<c>NotFound(message) =&gt; new() { Message = message }</c>).
        /// </summary>
        private bool LeavesMemberUnset(IOperation returned, MemberPath members, Compilation compilation, int level)
        {
            switch (returned.WithoutConversions())
            {
                case IDefaultValueOperation:
                    return true;
                case { ConstantValue: { HasValue: true, Value: null } }:
                    return true;
                case IObjectCreationOperation creation:
                    return creation.Arguments.IsEmpty && !Sets(creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty, members);
                case IAnonymousObjectCreationOperation anonymous:
                    return !Sets(anonymous.Initializers, members);
                case IInvocationOperation { TargetMethod: { } helper } when level == 0 && ProjectMethodReturns.IsFollowable(helper, compilation):
                    var values = _owner._sinks.ProjectReturns.Of(helper, compilation);
                    if (values.IsEmpty)
                    {
                        return false;
                    }

                    foreach (var value in values)
                    {
                        if (!LeavesMemberUnset(value, members, compilation, level + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        private static bool Sets(ImmutableArray<IOperation> initializers, MemberPath members)
        {
            foreach (var initializer in initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && members.Names(target.Property))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The walk's per-body state, to walk another body (a project method's, or back in its caller) and return.</summary>
        private CallerState Save() => new()
        {
            Index = _index,
            VisitedLocals = _visitedLocals,
            ManyVisitedLocals = _manyVisitedLocals,
            ViaLocal = _viaLocal,
            Access = _access,
            ProjectCall = _projectCall,
            ProjectLevel = _projectLevel,
        };

        private void Restore(CallerState state)
        {
            _index = state.Index;
            _visitedLocals = state.VisitedLocals;
            _manyVisitedLocals = state.ManyVisitedLocals;
            _viaLocal = state.ViaLocal;
            _access = state.Access;
            _projectCall = state.ProjectCall;
            _projectLevel = state.ProjectLevel;
        }

        /// <summary>
        /// True when <paramref name="method"/>, called inside a project method, returns a System.Web <c>MapPath</c>
        /// (<c>Uploads(name) =&gt; HttpContext.Current.Server.MapPath("~/Uploads/" + name)</c>): the one kind of method the
        /// walk follows a second level into. Its returns are read once per compilation, and only in a project that
        /// references System.Web.
        /// </summary>
        private bool ReturnsMapPath(IInvocationOperation invocation, IMethodSymbol method)
        {
            var mapPathTypes = _owner._sinks.MapPathTypes;
            if (mapPathTypes.IsEmpty || invocation.SemanticModel?.Compilation is not { } compilation ||
                !ProjectMethodReturns.IsFollowable(method, compilation))
            {
                return false;
            }

            foreach (var returned in _owner._sinks.ProjectReturns.Of(method, compilation))
            {
                if (returned.WithoutConversions() is IInvocationOperation { TargetMethod: { Name: "MapPath" } mapPath } &&
                    mapPath.ContainingType is { } type && mapPathTypes.Contains(type.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An argument of a project method's call, walked in the caller's body with the caller's state.</summary>
        private void TraceInCaller(IOperation argument, int depth, bool hashed, ArgumentMap? arguments, CallerState caller)
        {
            var inner = Save();
            Restore(caller);

            Trace(argument, depth, hashed, arguments);

            // The caller's visited locals may have grown (a list created here): keep them for the next argument.
            caller.VisitedLocals = _visitedLocals;
            caller.ManyVisitedLocals = _manyVisitedLocals;
            caller.Index = _index;
            Restore(inner);
        }

        private bool TraceLocalFunction(IInvocationOperation invocation, int depth, bool hashed, ArgumentMap? arguments)
        {
            var function = Index(invocation).LocalFunction(invocation.TargetMethod.OriginalDefinition);
            if (function is null)
            {
                return false;
            }

            // The arguments are traced later with the caller's own mapping (nested local functions).
            var map = new ArgumentMap(arguments);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not null)
                {
                    map.Values[argument.Parameter] = argument.Value;
                }
            }

            var body = (IOperation?)function.Body ?? function.IgnoredBody;
            if (body is not null)
            {
                foreach (var inner in body.Walk())
                {
                    if (inner is IReturnOperation { ReturnedValue: { } returned })
                    {
                        Trace(returned, depth + 1, hashed, map);
                    }
                }
            }

            return true;
        }

        private void TraceLocal(ILocalReferenceOperation reference, int depth, bool hashed, ArgumentMap? arguments)
        {
            var local = reference.Local;
            var reason = _owner._policy.Classify(reference, local);
            if (reason is not null && !HoldsOnlyPlatformValues(reference, local))
            {
                Report(reference, reason, hashed);
                return;
            }

            var index = Index(reference);
            if (!Visit(local))
            {
                TraceHeldBack(reference, local, depth, hashed, arguments);
                return;
            }

            _heldBack?.Remove(local);
            var wasViaLocal = _viaLocal;
            _viaLocal = true;
            var values = index.ValuesOf(local);
            var point = index.At(reference);
            foreach (var value in values)
            {
                // Only the values that can be in the local here; the others wait for another read of it (HeldBack).
                if (point.Filters && !point.Reaches(value))
                {
                    HoldBack(local, value);
                    continue;
                }

                TraceGiven(value, local, depth, hashed, arguments);
            }

            // A value the local is compared equal with (contacts.FirstOrDefault(c => c.FullName == nameToExport)): where the
            // code uses the local, it is that value.
            if (_owner._policy.FollowsValueTransformations)
            {
                foreach (var equal in index.EqualValuesOf(local))
                {
                    Trace(equal, depth + 1, hashed, arguments);
                }
            }

            _viaLocal = wasViaLocal;
        }

        private void TraceGiven(IOperation value, ILocalSymbol local, int depth, bool hashed, ArgumentMap? arguments)
        {
            // var (bytes, name) = await _service.DownloadAsync(id): the element of what the call returns.
            if (DeconstructedElement(value, local) is { } element)
            {
                TraceElement(value, element, depth + 1, hashed, arguments);
                return;
            }

            Trace(value, depth + 1, hashed, arguments);
        }

        /// <summary>
        /// A value of <paramref name="local"/> that cannot be in it at the read the walk met first (<see cref="ReadPoint"/>):
        /// kept, so that another read of the same local that it does reach walks it (the local is visited once).
        /// </summary>
        private void HoldBack(ILocalSymbol local, IOperation value)
        {
            _heldBack ??= new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            if (!_heldBack.TryGetValue(local, out var values))
            {
                _heldBack[local] = values = new List<IOperation>(1);
            }

            values.Add(value);
        }

        /// <summary>The values held back at an earlier read of <paramref name="local"/> that reach <paramref name="reference"/>, walked once.</summary>
        private void TraceHeldBack(ILocalReferenceOperation reference, ILocalSymbol local, int depth, bool hashed, ArgumentMap? arguments)
        {
            if (_heldBack is null || !_heldBack.TryGetValue(local, out var values) || values.Count == 0)
            {
                return;
            }

            // Taken out of the list before any is walked: the walk may meet the local again and change the list.
            var point = Index(reference).At(reference);
            List<IOperation>? reaching = null;
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (!point.Filters || point.Reaches(values[i]))
                {
                    (reaching ??= new List<IOperation>(1)).Add(values[i]);
                    values.RemoveAt(i);
                }
            }

            if (reaching is null)
            {
                return;
            }

            var wasViaLocal = _viaLocal;
            _viaLocal = true;
            for (var i = reaching.Count - 1; i >= 0; i--)
            {
                TraceGiven(reaching[i], local, depth, hashed, arguments);
            }

            _viaLocal = wasViaLocal;
        }

        /// <summary>
        /// True when every value given to <paramref name="local"/> is a platform member the policy does not classify
        /// (<c>var fullName = file.FullName</c>, <c>var userName = Environment.UserName</c>) or a path the code builds
        /// (<c>var fullname = Path.Combine(root, subfolder, filename)</c>, <c>Path.GetFullPath(x)</c>, a project method's
        /// <c>SanitizePath(Path.Combine(…))</c>, a <c>foreach</c> over <c>Directory.GetFiles</c>: <see cref="FileSystemPathValues"/>): the local is that value, and its name says
        /// nothing; the walk goes on into the values, so a person's name among a path's inputs is still found there.
        /// Indexers and calls with arguments (<c>Request.Form["phone"]</c>) are not such values, nor is what a user typed in a
        /// form's control (<see cref="IReadsTypedInput"/>).
        /// </summary>
        private bool HoldsOnlyPlatformValues(ILocalReferenceOperation reference, ILocalSymbol local)
        {
            var values = Index(reference).ValuesReaching(reference);
            if (values.Count == 0)
            {
                // foreach (var fullName in Directory.GetFiles(dir)): each is a path.
                return FileSystemPathValues.IsDirectoryEntryVariable(reference, _owner._sinks);
            }

            foreach (var value in values)
            {
                if (!IsPlatformValue(value, 0))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsPlatformValue(IOperation? value, int depth)
        {
            if (value is null || depth > 8)
            {
                return false;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return IsPlatformValue(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsPlatformValue(parenthesized.Operand, depth + 1);
                case IAwaitOperation awaited:
                    return IsPlatformValue(awaited.Operation, depth + 1);
                case IConditionalAccessOperation access:
                    return IsPlatformValue(access.WhenNotNull, depth + 1);
                case ICoalesceOperation coalesce:
                    return IsPlatformValue(coalesce.Value, depth + 1) && IsPlatformValue(coalesce.WhenNull, depth + 1);
                case ILiteralOperation:
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                    // What someone typed in the form's control is named by the local that holds it, not by the control.
                    return IsPlatformMember(value, property.Property) &&
                           !(_owner._policy is IReadsTypedInput typed && typed.IsTypedInput(value));
                case IFieldReferenceOperation field:
                    return IsPlatformMember(value, field.Field);
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (depth == 0 && _owner._sinks.IsPathBuilder(method))
                    {
                        return true;
                    }

                    if (_owner._sinks.Propagates(method, out _) && invocation.Instance is { } instance)
                    {
                        // file.FullName.ToLowerInvariant(): the string helper's receiver decides.
                        return IsPlatformValue(instance, depth + 1);
                    }

                    // Path.GetFullPath(x), Server.MapPath(…), SanitizePath(Path.Combine(…)): a path, whatever its inputs.
                    return invocation.Arguments.IsEmpty && IsPlatformMember(value, method) ||
                           FileSystemPathValues.IsPathCall(invocation, _owner._sinks);
                default:
                    return false;
            }
        }

        private bool IsPlatformMember(IOperation operation, ISymbol member) =>
            PersonalData.FrameworkAssemblies.Declares(member) && _owner._policy.Classify(operation, member) is null;

        /// <summary>
        /// True the first time the walk meets <paramref name="local"/>. Most walks meet one to three locals: a short list,
        /// scanned; a hash set only past <see cref="FewLocals"/>.
        /// </summary>
        private bool Visit(ILocalSymbol local)
        {
            if (_manyVisitedLocals is not null)
            {
                return _manyVisitedLocals.Add(local);
            }

            _visitedLocals ??= new List<ILocalSymbol>(FewLocals);
            foreach (var visited in _visitedLocals)
            {
                if (SymbolEqualityComparer.Default.Equals(visited, local))
                {
                    return false;
                }
            }

            if (_visitedLocals.Count < FewLocals)
            {
                _visitedLocals.Add(local);
                return true;
            }

            _manyVisitedLocals = new HashSet<ILocalSymbol>(_visitedLocals, SymbolEqualityComparer.Default) { local };
            return true;
        }

        private void Report(IOperation operation, SourceReason? reason, bool hashed)
        {
            if (reason is null)
            {
                return;
            }

            _found = true;

            // What a project method's own body yields is located at its call in the caller.
            if (_projectCall is not null)
            {
                operation = _projectCall;
            }

            if (_access is not null && ReferenceEquals(_access.WhenNotNull, operation))
            {
                operation = _access;

                // invoice?.Customer?.Name: the whole chain, not its inner '.Customer?.Name'.
                while (operation.Parent is IConditionalAccessOperation outer && ReferenceEquals(outer.WhenNotNull, operation))
                {
                    operation = outer;
                }
            }

            foreach (var existing in _sources)
            {
                if (ReferenceEquals(existing.Operation, operation))
                {
                    return;
                }
            }

            _sources.Add(new FlowSource(operation, reason, hashed));
        }

        private MethodBodyIndex Index(IOperation operation)
        {
            if (_index is null)
            {
                _index = _owner._sinks.BodyIndex(operation);
            }

            return _index;
        }
    }
}

/// <summary>
/// The members read off a value, outermost first (<c>Data</c> then <c>FileBytes</c> of <c>result.Data.FileBytes</c>): a
/// property by its symbol, or a <c>dynamic</c> member by its name.
/// </summary>
internal sealed class MemberPath
{
    public MemberPath(IPropertySymbol? property, string? name, MemberPath? rest)
    {
        Property = property;
        Name = name;
        Rest = rest;
    }

    public IPropertySymbol? Property { get; }

    public string? Name { get; }

    public MemberPath? Rest { get; }

    /// <summary>True when <paramref name="property"/> is the first member of the path: the same property, or a property of that name for a <c>dynamic</c> read.</summary>
    public bool Names(IPropertySymbol property) =>
        Property is not null
            ? SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, Property.OriginalDefinition)
            : string.Equals(property.Name, Name, System.StringComparison.Ordinal);
}
