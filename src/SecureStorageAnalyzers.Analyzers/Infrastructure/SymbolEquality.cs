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
    /// <remarks>
    /// Most calls compare a symbol with a known type it is not (<c>Propagates</c> asks a call's type against a dozen), and
    /// the comparer's full comparison counted about 370 instructions a call (h-perf15): the same definition is most often
    /// the same object, and two symbols of different names are never equal, so both answer first.
    /// </remarks>
    public static bool DefinitionIs(ISymbol? symbol, ISymbol? known)
    {
        if (known is null || symbol is null)
        {
            return false;
        }

        var definition = symbol.OriginalDefinition;
        return ReferenceEquals(definition, known) ||
               string.Equals(definition.Name, known.Name, System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(definition, known);
    }

    /// <summary>
    /// <see cref="DefinitionIs"/> of a definition already read, and its name: for one symbol compared with several known
    /// ones in turn, which then reads its <c>OriginalDefinition</c> and <c>Name</c> (interface calls) once (h-perf18b).
    /// </summary>
    public static bool IsDefinition(ISymbol definition, string definitionName, ISymbol? known) =>
        known is not null &&
        (ReferenceEquals(definition, known) ||
         string.Equals(definitionName, known.Name, System.StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(definition, known));
}
