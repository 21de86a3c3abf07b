using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// Which parameters of the project's own methods become part of a storage path (SSA0101 through helpers, one level):
/// a parameter that reaches a path, file name or key argument of a storage call, a storage property, or the path the
/// method returns (<c>string PathFor(string key) =&gt; Path.Combine(root, key + ".wav")</c>). A method is summarised
/// the first time a call of it is passed a personal identifier, once per compilation and set of SSA0101 settings, from
/// its own body alone: helpers nobody passes an identifier to cost nothing, and no whole-program flow is computed.
/// </summary>
internal sealed class ProjectHelperPaths
{
    private const int MaxPathValueDepth = 8;

    private static readonly SourceReason ParameterReason = new("a parameter", "the helper's parameter");

    private readonly StorageSinks _sinks;
    private readonly IFlowSourcePolicy? _personalPolicy;
    private readonly ConcurrentDictionary<IMethodSymbol, Summary> _summaries = new(SymbolEqualityComparer.Default);

    /// <param name="sinks">The compilation's storage sinks.</param>
    /// <param name="personalPolicy">Whose barriers (a configured pseudonymizer) end a parameter's flow; null for none.</param>
    public ProjectHelperPaths(StorageSinks sinks, IFlowSourcePolicy? personalPolicy)
    {
        _sinks = sinks;
        _personalPolicy = personalPolicy;
    }

    /// <summary>What one parameter's value becomes in the helper: where it is written, or that the returned path holds it.</summary>
    internal sealed class ParameterUse
    {
        public ParameterUse(string where, bool throughUnkeyedHashOnly, IOperation? writtenPath)
        {
            Where = where;
            ThroughUnkeyedHashOnly = throughUnkeyedHashOnly;
            WrittenPath = writtenPath;
        }

        /// <summary>True when the helper writes a file at a path built from the parameter (SSA0006).</summary>
        public bool Writes => WrittenPath is not null;

        /// <summary>The path of the first write built from the parameter, for what its words say (SSA0006); null when it is not written.</summary>
        public IOperation? WrittenPath { get; }

        /// <summary>"File.WriteAllBytes", "returns a path built from it".</summary>
        public string Where { get; }

        /// <summary>
        /// True when every path the parameter goes into also holds another parameter whose own name is personal
        /// (<c>$"{name}_{icNumber}.pdf"</c>): the helper reports that path itself, so its callers add no second finding.
        /// </summary>
        public bool OnlyBesidePersonalParameter { get; internal set; }

        public bool ThroughUnkeyedHashOnly { get; }
    }

    /// <summary>A method's path parameters by ordinal; empty for most methods.</summary>
    internal sealed class Summary
    {
        /// <summary>No path parameter (one per summarised method: no shared mutable state).</summary>
        public static Summary None() => new(new Dictionary<int, ParameterUse>(0));

        public Summary(Dictionary<int, ParameterUse> uses) => Uses = uses;

        public Dictionary<int, ParameterUse> Uses { get; }
    }

    /// <summary>The summary of <paramref name="method"/> (a method declared in <paramref name="compilation"/>), computed once.</summary>
    public Summary For(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (_summaries.TryGetValue(definition, out var summary))
        {
            return summary;
        }

        summary = Compute(definition, compilation, cancellationToken);
        return _summaries.GetOrAdd(definition, summary);
    }

    private Summary Compute(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var body = Body(method, compilation, cancellationToken);
        if (body is null)
        {
            return Summary.None();
        }

        var tracker = new ValueFlowTracker(_sinks, new ParameterPolicy(method, _sinks.PathType, _personalPolicy));
        var uses = new Dictionary<int, ParameterUse>();
        var sources = new List<FlowSource>();
        foreach (var operation in body.Walk())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IInvocationOperation invocation when !_sinks.IsPathBuilder(invocation.TargetMethod) && _sinks.IsSinkMethod(invocation.TargetMethod):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (_sinks.IsPathArgument(argument, invocation.TargetMethod))
                        {
                            Collect(tracker, argument.Value, sources, uses, "writes it into the path of " + invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name,
                                Written(invocation, argument.Value));
                        }
                    }

                    break;

                case IObjectCreationOperation { Constructor: { } constructor } creation when _sinks.IsSinkMethod(constructor):
                    foreach (var argument in creation.Arguments)
                    {
                        if (_sinks.IsPathArgument(argument, constructor))
                        {
                            Collect(tracker, argument.Value, sources, uses, "writes it into the path of new " + constructor.ContainingType.Name,
                                Written(creation, argument.Value));
                        }
                    }

                    break;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when _sinks.PropertySinks.Contains(target.Property.OriginalDefinition):
                    Collect(tracker, assignment.Value, sources, uses, "sets " + target.Property.ContainingType.Name + "." + target.Property.Name + " from it", written: null);
                    break;

                case IReturnOperation { ReturnedValue: { } returned } when returned.Type?.SpecialType == SpecialType.System_String &&
                                                                          !operation.IsInLambdaOrLocalFunction() && IsPathValue(returned, 0):
                    Collect(tracker, returned, sources, uses, "returns a path built from it", written: null);
                    break;
            }
        }

        return uses.Count == 0 ? Summary.None() : new Summary(uses);
    }

    /// <summary><paramref name="path"/> when <paramref name="call"/> writes a file there (whatever its name: SSA0006 judges the words), else null.</summary>
    private IOperation? Written(IOperation call, IOperation path) =>
        ReferenceEquals(_sinks.WrittenPath(call), path) ? path : null;

    private void Collect(ValueFlowTracker tracker, IOperation value, List<FlowSource> sources, Dictionary<int, ParameterUse> uses,
        string where, IOperation? written)
    {
        sources.Clear();
        tracker.FindSources(value, sources);

        // The ordinal of a parameter of this path whose own name is personal (the helper reports the path), -1 for none,
        // -2 for two or more.
        var personal = -1;
        if (_personalPolicy is PersonalDataFlowPolicy policy)
        {
            foreach (var source in sources)
            {
                if (source.Operation.WithoutConversions() is IParameterReferenceOperation { Parameter: var named } &&
                    personal != named.Ordinal && policy.ClassifySymbol(named.OriginalDefinition) is not null)
                {
                    personal = personal == -1 ? named.Ordinal : -2;
                }
            }
        }

        foreach (var source in sources)
        {
            if (source.Operation.WithoutConversions() is not IParameterReferenceOperation reference)
            {
                continue;
            }

            var ordinal = reference.Parameter.Ordinal;
            var besidePersonal = personal == -2 || personal >= 0 && personal != ordinal;
            if (!uses.TryGetValue(ordinal, out var known))
            {
                uses[ordinal] = new ParameterUse(where, source.ThroughUnkeyedHash, written) { OnlyBesidePersonalParameter = besidePersonal };
            }
            else if (known.ThroughUnkeyedHashOnly && !source.ThroughUnkeyedHash || written is not null && !known.Writes)
            {
                // The first way in names it in the message; a clear-text way and a write count whichever comes first.
                uses[ordinal] = new ParameterUse(known.ThroughUnkeyedHashOnly && !source.ThroughUnkeyedHash ? where : known.Where,
                    known.ThroughUnkeyedHashOnly && source.ThroughUnkeyedHash, known.WrittenPath ?? written)
                {
                    OnlyBesidePersonalParameter = known.OnlyBesidePersonalParameter && besidePersonal,
                };
            }
            else
            {
                known.OnlyBesidePersonalParameter &= besidePersonal;
            }
        }
    }

    /// <summary>The summaries with no barrier (SSA0005, SSA0006), shared by the rules of one compilation.</summary>
    public static ProjectHelperPaths WithoutBarriers(WellKnownTypes types) =>
        types.Shared(static t => new ProjectHelperPaths(StorageSinks.Create(t), null));

    /// <summary>True when the returned value is a path: a path builder, directly or through a local, or a choice between them.</summary>
    private bool IsPathValue(IOperation value, int depth)
    {
        if (depth > MaxPathValueDepth)
        {
            return false;
        }

        value = value.WithoutConversions();
        switch (value)
        {
            case IParenthesizedOperation parenthesized:
                return IsPathValue(parenthesized.Operand, depth + 1);
            case IAwaitOperation awaited:
                return IsPathValue(awaited.Operation, depth + 1);
            case IConditionalOperation conditional:
                return conditional.WhenFalse is not null && (IsPathValue(conditional.WhenTrue, depth + 1) || IsPathValue(conditional.WhenFalse, depth + 1));
            case ICoalesceOperation coalesce:
                return IsPathValue(coalesce.Value, depth + 1) || IsPathValue(coalesce.WhenNull, depth + 1);
            case ILocalReferenceOperation local:
                foreach (var assigned in _sinks.BodyIndex(value).ValuesOf(local.Local))
                {
                    if (IsPathValue(assigned, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return _sinks.IsPathBuilder(value) && !(value is IInvocationOperation && _sinks.StartsWithUrl(value));
        }
    }

#pragma warning disable RS1030 // A helper's body is in its own file: its semantic model, shared with the driver's cached ones.
    internal static IOperation? Body(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            if (compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is IMethodBodyBaseOperation body &&
                (body.BlockBody is not null || body.ExpressionBody is not null))
            {
                return body;
            }
        }

        return null;
    }
#pragma warning restore RS1030

    /// <summary>
    /// The helper's own parameters are the sources; the flow goes through every path builder (the helper's path is the
    /// question, not who reports it). A configured pseudonymizer ends it, and so do the calls that keep nothing of a
    /// name but its extension or mint a fresh one.
    /// </summary>
    private sealed class ParameterPolicy : IFlowSourcePolicy
    {
        private readonly IMethodSymbol _method;
        private readonly INamedTypeSymbol? _path;
        private readonly IFlowSourcePolicy? _personal;

        public ParameterPolicy(IMethodSymbol method, INamedTypeSymbol? path, IFlowSourcePolicy? personal)
        {
            _method = method;
            _path = path;
            _personal = personal;
        }

        public bool StopsAtPathBuilders => false;

        public bool FollowsValueTransformations => true;

        public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();


        public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;


        public bool PassesThrough(IOperation creationOrCall) => false;

        public SourceReason? Classify(IOperation operation, ISymbol? symbol) =>
            symbol is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _method)
                ? ParameterReason
                : null;

        public bool IsBarrier(IMethodSymbol method) =>
            SymbolEquality.DefinitionIs(method.ContainingType, _path) && method.Name is "GetExtension" or "GetRandomFileName" or "GetTempFileName" ||
            _personal?.IsBarrier(method) == true;
    }
}
