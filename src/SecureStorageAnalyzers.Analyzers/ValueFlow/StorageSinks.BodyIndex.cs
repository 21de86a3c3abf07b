using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// The per-body index cache: one MethodBodyIndex per method body, shared by every walk of the compilation.
internal sealed partial class StorageSinks
{
    /// <summary>
    /// One <see cref="MethodBodyIndex"/> per method body, shared by every walk of the compilation (whatever its policy),
    /// alive as long as the body's operation tree is: no state outlives the compilation.
    /// </summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, MethodBodyIndex> _bodyIndexes = new();

    /// <summary>The index of the method body <paramref name="operation"/> is in, built on first use.</summary>
    public MethodBodyIndex BodyIndex(IOperation operation) => _bodyIndexes.GetValue(operation.Root(), _createIndex);

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, MethodBodyIndex>.CreateValueCallback _createIndex;

    /// <summary>
    /// The value under its conversions, or the one value of a local given exactly one (its initializer or a single
    /// assignment in the same body); null for a local given several values or none.
    /// </summary>
    public IOperation? SingleValue(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            var values = BodyIndex(local).ValuesOf(local.Local);
            return values.Count == 1 ? values[0].WithoutConversions() : null;
        }

        return value;
    }
}
