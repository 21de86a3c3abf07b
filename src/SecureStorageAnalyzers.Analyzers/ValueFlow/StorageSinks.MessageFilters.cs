using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Where a string is a message, a URL or an exception, not a storage path.
internal sealed partial class StorageSinks
{
    /// <summary>A method of a logger, the console or a debug trace.</summary>
    public bool IsMessageSink(IMethodSymbol method) =>
        method.ContainingType is { } type && _messageTypes.Contains(type.OriginalDefinition);

    /// <summary><c>System.Uri</c>: a URL, not a storage path.</summary>
    public bool IsUri(ITypeSymbol? type) => SymbolEquality.Is(type, Uri);

    /// <summary>An exception type: its message is not a path.</summary>
    public bool IsException(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && WellKnownTypes.DerivesFrom(named, _exception);
}
