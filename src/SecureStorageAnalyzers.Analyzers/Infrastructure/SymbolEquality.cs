using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Comparisons with the pack's well-known symbols, which are null when the compilation lacks them: a missing symbol
/// matches nothing (where <see cref="SymbolEqualityComparer"/> alone would match null with null).
/// </summary>
internal static class SymbolEquality
{
    /// <summary>True when <paramref name="known"/> exists and is <paramref name="symbol"/>.</summary>
    public static bool Is(ISymbol? symbol, ISymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

    /// <summary>True when <paramref name="known"/> exists and is the original definition of <paramref name="symbol"/>.</summary>
    public static bool DefinitionIs(ISymbol? symbol, ISymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol?.OriginalDefinition, known);
}
