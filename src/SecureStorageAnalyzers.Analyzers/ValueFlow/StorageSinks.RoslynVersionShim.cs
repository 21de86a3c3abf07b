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
         (SymbolEquality.DefinitionIs(named, _readOnlySpan) || SymbolEquality.DefinitionIs(named, _span)));
}
