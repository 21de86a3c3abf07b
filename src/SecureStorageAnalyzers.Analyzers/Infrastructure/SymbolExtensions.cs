using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

internal static class SymbolExtensions
{
    /// <summary>True when the symbol is declared in the compilation's own source (its first location), not in a reference.</summary>
    public static bool IsDeclaredInSource(this ISymbol symbol) =>
        !symbol.Locations.IsEmpty && symbol.Locations[0].IsInSource;

    /// <summary>The property <paramref name="name"/> of <paramref name="type"/> or of the nearest base class that declares it.</summary>
    public static IPropertySymbol? InheritedProperty(INamedTypeSymbol? type, string name)
    {
        for (; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    return property;
                }
            }
        }

        return null;
    }
}
