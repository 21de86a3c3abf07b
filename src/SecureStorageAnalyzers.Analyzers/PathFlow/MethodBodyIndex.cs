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

    public MethodBodyIndex(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
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

    /// <summary>Every value assigned to <paramref name="local"/> in the body, in source order.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local) =>
        _values.TryGetValue(local, out var values) ? values : System.Array.Empty<IOperation>();

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
