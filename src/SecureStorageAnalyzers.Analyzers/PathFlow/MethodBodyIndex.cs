using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureStorageAnalyzers.PathFlow;

/// <summary>
/// The values every local of one method body is given (initializer and assignments) and its local functions, built in
/// one pass the first time a walk needs them. Without it, each local a walk meets would cost a scan of the whole body:
/// quadratic on a 10,000-statement method.
/// </summary>
internal sealed class MethodBodyIndex
{
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ILocalFunctionOperation> _localFunctions = new(SymbolEqualityComparer.Default);

    public MethodBodyIndex(IOperation root, INamedTypeSymbol? stringBuilder = null)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                // sb.Append(phone): for the walk, an append is one more value the builder in the local is given.
                // sb.Append(a).Append(b): each append of the chain.
                case IInvocationOperation { Instance: not null } append when stringBuilder is not null &&
                                                      SymbolEqualityComparer.Default.Equals(append.TargetMethod.ContainingType, stringBuilder) &&
                                                      IsStringBuilderAppend(append.TargetMethod) &&
                                                      ChainRoot(append) is ILocalReferenceOperation builder:
                    Add(builder.Local, append);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(declarator.Symbol, initializer.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(target.Local, assignment.Value);
                    break;
                case ILocalFunctionOperation function:
                    _localFunctions[function.Symbol] = function;
                    break;
            }
        }
    }

    private static IOperation? ChainRoot(IInvocationOperation append)
    {
        var receiver = append.Instance;
        while (receiver is IInvocationOperation inner && IsStringBuilderAppend(inner.TargetMethod))
        {
            receiver = inner.Instance;
        }

        return receiver;
    }

    /// <summary><c>Append</c>, <c>AppendLine</c>, <c>AppendFormat</c>, <c>AppendJoin</c>, <c>Insert</c>, <c>Replace</c> of a string builder.</summary>
    public static bool IsStringBuilderAppend(IMethodSymbol method) =>
        method.Name is "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert" or "Replace";

    /// <summary>Every value assigned to <paramref name="local"/> in the body (and, for a string builder, every append), in source order.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local) =>
        _values.TryGetValue(local, out var values) ? values : System.Array.Empty<IOperation>();

    /// <summary>
    /// The identifiers SSA0101 has reported in this body: one path held in a local and used by several storage calls is
    /// one finding. Created on first use; a body's operations are analyzed by one thread in order, and the lock keeps it
    /// safe should a host ever do otherwise.
    /// </summary>
    public ReportedSet Reported
    {
        get
        {
            if (_reported is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _reported, new ReportedSet(), null);
            }

            return _reported!;
        }
    }

    private ReportedSet? _reported;

    /// <summary>A set of operations, safe to add to from several threads.</summary>
    internal sealed class ReportedSet
    {
        private readonly HashSet<IOperation> _operations = new();

        /// <summary>True when <paramref name="operation"/> was not in the set.</summary>
        public bool Add(IOperation operation)
        {
            lock (_operations)
            {
                return _operations.Add(operation);
            }
        }
    }

    public ILocalFunctionOperation? LocalFunction(IMethodSymbol symbol) =>
        _localFunctions.TryGetValue(symbol, out var function) ? function : null;

    private void Add(ILocalSymbol local, IOperation value)
    {
        if (!_values.TryGetValue(local, out var values))
        {
            _values[local] = values = new List<IOperation>(1);
        }

        values.Add(value);
    }
}
