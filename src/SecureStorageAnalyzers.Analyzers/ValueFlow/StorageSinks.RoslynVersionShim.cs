using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// What a newer compiler hands the pack that its Roslyn floor has no operation kind for.
internal sealed partial class StorageSinks
{
    /// <summary>
    /// The implicit collection a params argument becomes when the compiler is newer than the pack's Roslyn floor
    /// (a <c>params ReadOnlySpan&lt;string&gt;</c> collection expression): no known operation kind, an implicit value of
    /// an array or span type whose children are the elements.
    /// </summary>
    public bool IsParamsCollection(IOperation operation) =>
        operation.IsImplicit && operation.Parent is IArgumentOperation &&
        operation is not (IArrayCreationOperation or IConversionOperation or IInvocationOperation or IObjectCreationOperation) &&
        (operation.Type is IArrayTypeSymbol ||
         operation.Type is INamedTypeSymbol { IsGenericType: true } named &&
         (SymbolEquality.DefinitionIs(named, _readOnlySpan.Value) || SymbolEquality.DefinitionIs(named, _span.Value)));

    /// <summary>
    /// The parts a path builder (<c>Path.Combine</c>, <c>Path.Join</c>) is given, in order, whichever compiler bound the
    /// call: the elements of a params array the compiler built, or of a params collection (<see cref="IsParamsCollection"/>:
    /// five and more segments on .NET 9 and later bind to <c>params ReadOnlySpan&lt;string&gt;</c>), in the place of the
    /// collection. Null when a params argument's elements are not known (an array built elsewhere and passed as it is).
    /// </summary>
    public List<IOperation>? PathParts(IInvocationOperation call)
    {
        var parts = new List<IOperation>(call.Arguments.Length + 4);
        foreach (var argument in call.Arguments)
        {
            var value = argument.Value;
            if (IsParamsCollection(value))
            {
                parts.AddRange(value.ChildOperations);
            }
            else if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (value.WithoutConversions() is not IArrayCreationOperation { Initializer: { } initializer })
                {
                    return null;
                }

                parts.AddRange(initializer.ElementValues);
            }
            else
            {
                parts.Add(value);
            }
        }

        return parts;
    }
}
