using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The project's own string methods: a method that takes strings and returns a string made of some of them (a
/// sanitizer, a slug, a normaliser: <c>SanitizeFileName(name)</c>, <c>name.Slug()</c>), and which of its parameters the
/// result is made of. Its value at a call is then those arguments, wherever the call is (also inside another project
/// method, where <see cref="ValueFlowTracker"/> replays no body).
/// </summary>
/// <remarks>
/// A method is summarised once per compilation (and per policy: a configured pseudonymizer inside it ends the flow),
/// the first time a walk meets a call of it, by walking each of its returns with <see cref="ValueFlowTracker"/> for its
/// own parameters: the operations the engine follows (string and path helpers, interpolation, concatenation, a string
/// builder, LINQ over characters, <c>new string(chars)</c>, locals, loops over a string's characters, one level into
/// another project method), and nothing else. A return that is a constant (<c>return "Untitled";</c>,
/// <c>string.Empty</c>, <c>null</c>) is the method's answer for an empty input and says nothing, and so is any return under
/// a test that a string parameter is null or empty (<c>if (string.IsNullOrWhiteSpace(name)) return $"User_{id}";</c>); every other return
/// must be made of a parameter, or the method carries none: a hash (an unkeyed one made inside the method is its
/// pseudonym), an encryption, a lookup by the value (<c>_ids[name]</c>), a fresh name or <c>Path.GetExtension</c>
/// returns something not made of it. A return that is itself a path or a file name (<c>Path.Combine</c>,
/// <c>$"{name}.pdf"</c>) makes the method a path helper, which the rule judges at its own call, not a string method.
/// A summary walk does not ask for other summaries, so no summary waits on another and the result does not depend on
/// the order calls are met in.
/// </remarks>
internal sealed class ProjectStringMethods
{
    private readonly StorageSinks _sinks;
    private readonly Func<IMethodSymbol, bool> _isBarrier;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> _carried = new(SymbolEqualityComparer.Default);

    public ProjectStringMethods(StorageSinks sinks, Func<IMethodSymbol, bool> isBarrier)
    {
        _sinks = sinks;
        _isBarrier = isBarrier;
    }

    /// <summary>
    /// The ordinals of the parameters <paramref name="method"/>'s result is made of; empty when it is not one of the
    /// project's string methods.
    /// </summary>
    public ImmutableArray<int> CarriedParameters(IMethodSymbol method, Compilation compilation)
    {
        var definition = method.OriginalDefinition;
        if (_carried.TryGetValue(definition, out var carried))
        {
            return carried;
        }

        return _carried.GetOrAdd(definition, Summarise(definition, compilation));
    }

    /// <summary>A method whose result can be one of its string arguments cleaned: a string out, a string in, a body here.</summary>
    private static bool IsCandidate(IMethodSymbol method, Compilation compilation)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.ReturnType.SpecialType != SpecialType.System_String ||
            !ProjectMethodReturns.IsFollowable(method, compilation))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String && parameter.RefKind == RefKind.None)
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<int> Summarise(IMethodSymbol method, Compilation compilation)
    {
        if (!IsCandidate(method, compilation))
        {
            return ImmutableArray<int>.Empty;
        }

        var returns = _sinks.ProjectReturns.Of(method, compilation);
        var policy = new ParameterPolicy(method, _isBarrier);
        var tracker = new ValueFlowTracker(_sinks, policy);
        var carried = new SortedSet<int>();
        var sources = new List<FlowSource>();
        foreach (var returned in returns)
        {
            var value = returned.WithoutConversions();
            if (IsConstant(value) || AnswersEmptyInput(returned, method))
            {
                continue;
            }

            if (_sinks.IsPathBuilder(value))
            {
                return ImmutableArray<int>.Empty;
            }

            sources.Clear();
            tracker.FindSources(value, sources, summarisingMethod: true);
            var found = false;
            foreach (var source in sources)
            {
                if (!source.ThroughUnkeyedHash && policy.OrdinalOf(source.Reason) is { } ordinal)
                {
                    carried.Add(ordinal);
                    found = true;
                }
            }

            if (!found)
            {
                return ImmutableArray<int>.Empty;
            }
        }

        return carried.Count == 0 ? ImmutableArray<int>.Empty : ImmutableArray.CreateRange(carried);
    }

    /// <summary>
    /// True for a return inside <c>if (string.IsNullOrWhiteSpace(name))</c> (or <c>IsNullOrEmpty</c>, <c>name == null</c>,
    /// <c>name is null</c>, alone or in an <c>||</c>) of one of the method's own string parameters: the method's answer for
    /// an empty input, whatever it is made of (<c>return $"User_{userId}";</c>), as a constant fallback is.
    /// </summary>
    internal static bool AnswersEmptyInput(IOperation returned, IMethodSymbol method)
    {
        var child = returned.Parent;
        for (var parent = child?.Parent; parent is not null && child is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IBlockOperation:
                    continue;
                case IConditionalOperation conditional when ReferenceEquals(conditional.WhenTrue, child):
                    return TestsEmptyParameter(conditional.Condition, method, 0);
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool TestsEmptyParameter(IOperation condition, IMethodSymbol method, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        condition = condition.WithoutConversions();
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return TestsEmptyParameter(or.LeftOperand, method, depth + 1) || TestsEmptyParameter(or.RightOperand, method, depth + 1);
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: nameof(string.IsNullOrEmpty) or nameof(string.IsNullOrWhiteSpace) } test } invocation
                when test.ContainingType.SpecialType == SpecialType.System_String && invocation.Arguments.Length == 1:
                return IsOwnStringParameter(invocation.Arguments[0].Value, method);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return equals.RightOperand.WithoutConversions().ConstantValue is { HasValue: true, Value: null } && IsOwnStringParameter(equals.LeftOperand, method) ||
                       equals.LeftOperand.WithoutConversions().ConstantValue is { HasValue: true, Value: null } && IsOwnStringParameter(equals.RightOperand, method);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } isNull
                when constant.WithoutConversions().ConstantValue is { HasValue: true, Value: null }:
                return IsOwnStringParameter(isNull.Value, method);
            default:
                return false;
        }
    }

    private static bool IsOwnStringParameter(IOperation value, IMethodSymbol method) =>
        value.WithoutConversions() is IParameterReferenceOperation { Parameter: { Type.SpecialType: SpecialType.System_String } parameter } &&
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, method);

    /// <summary>A constant (<c>"Untitled"</c>, <c>null</c>, <c>default</c>) or <c>string.Empty</c>.</summary>
    private static bool IsConstant(IOperation value) =>
        value.ConstantValue.HasValue ||
        value is IFieldReferenceOperation { Field: { Name: nameof(string.Empty), IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } ||
        value is IDefaultValueOperation;

    /// <summary>The sources of a summary walk: the method's own string parameters, each with a reason of its own.</summary>
    private sealed class ParameterPolicy : IFlowSourcePolicy
    {
        private readonly IMethodSymbol _method;
        private readonly Func<IMethodSymbol, bool> _isBarrier;
        private readonly SourceReason[] _reasons;

        public ParameterPolicy(IMethodSymbol method, Func<IMethodSymbol, bool> isBarrier)
        {
            _method = method;
            _isBarrier = isBarrier;
            _reasons = new SourceReason[method.Parameters.Length];
            for (var i = 0; i < _reasons.Length; i++)
            {
                _reasons[i] = new SourceReason("a parameter", method.Parameters[i].Name);
            }
        }

        public bool StopsAtPathBuilders => true;

        public bool FollowsValueTransformations => true;

        public int? OrdinalOf(SourceReason reason)
        {
            var index = Array.IndexOf(_reasons, reason);
            return index < 0 ? null : index;
        }

        public SourceReason? Classify(IOperation operation, ISymbol? symbol) =>
            symbol is IParameterSymbol { Type.SpecialType: SpecialType.System_String } parameter &&
            SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _method) &&
            parameter.Ordinal < _reasons.Length
                ? _reasons[parameter.Ordinal]
                : null;

        public bool IsBarrier(IMethodSymbol method) => _isBarrier(method);

        public bool PassesThrough(IOperation creationOrCall) => false;

        public IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => Array.Empty<IOperation>();

        public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;
    }
}
