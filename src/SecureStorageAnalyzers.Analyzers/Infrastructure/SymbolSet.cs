using System.Collections;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// A read-only set of symbols (<see cref="SymbolEqualityComparer.Default"/>), built once per compilation and then only
/// read, from any thread. A hash set: the immutable collections the pack used before walk a tree on every lookup, and
/// these lookups run on every call the compiler binds.
/// </summary>
internal sealed class SymbolSet<T> : IEnumerable<T>
    where T : class, ISymbol
{
    private readonly HashSet<T> _items;

    public SymbolSet(IEnumerable<T> items) => _items = new HashSet<T>(items, SymbolEqualityComparer.Default);

    /// <summary>The set of those of <paramref name="items"/> the compilation has (a symbol it lacks is null).</summary>
    public static SymbolSet<T> Of(params T?[] items) => new(Symbols.NonNull(items));

    private SymbolSet() => _items = new HashSet<T>(SymbolEqualityComparer.Default);

    /// <summary>A new empty set (a new one each time: the pack keeps no mutable type in static state).</summary>
    public static SymbolSet<T> Empty() => new();

    public bool IsEmpty => _items.Count == 0;

    public int Count => _items.Count;

    public bool Contains(T? item) => item is not null && _items.Count > 0 && _items.Contains(item);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Helpers over lists of symbols that a compilation may lack.</summary>
internal static class Symbols
{
    /// <summary>The symbols of <paramref name="items"/> that are not null, in order: the ones the compilation has.</summary>
    public static List<T> NonNull<T>(params T?[] items)
        where T : class, ISymbol
    {
        var present = new List<T>(items.Length);
        foreach (var item in items)
        {
            if (item is not null)
            {
                present.Add(item);
            }
        }

        return present;
    }
}

/// <summary>
/// A read-only set of methods (their original definitions) with the types that declare them. A call is first matched by
/// its type, a cheap hash; only a call of one of those types pays for hashing the method itself (its name, arity and
/// type). Reduced extension methods and constructed generic methods match their definition.
/// </summary>
internal sealed class MethodSet : IEnumerable<IMethodSymbol>
{
    private readonly SymbolSet<IMethodSymbol> _methods;

    public MethodSet(IEnumerable<IMethodSymbol> methods)
    {
        var definitions = new List<IMethodSymbol>();
        var types = new List<INamedTypeSymbol>();
        foreach (var method in methods)
        {
            var definition = method.OriginalDefinition;
            definitions.Add(definition);
            if (definition.ContainingType is { } type)
            {
                types.Add(type.OriginalDefinition);
            }
        }

        _methods = new SymbolSet<IMethodSymbol>(definitions);
        DeclaringTypes = new SymbolSet<INamedTypeSymbol>(types);
    }

    /// <summary>A new empty set (a new one each time: the pack keeps no mutable type in static state).</summary>
    public static MethodSet Empty() => new(System.Array.Empty<IMethodSymbol>());

    /// <summary>The types that declare the methods.</summary>
    public SymbolSet<INamedTypeSymbol> DeclaringTypes { get; }

    public bool IsEmpty => _methods.IsEmpty;

    public int Count => _methods.Count;

    /// <summary>True when <paramref name="method"/> (reduced or not, constructed or not) is one of the set.</summary>
    public bool Contains(IMethodSymbol? method)
    {
        if (method is null || _methods.IsEmpty)
        {
            return false;
        }

        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return DeclaringTypes.Contains(definition.ContainingType?.OriginalDefinition) && _methods.Contains(definition);
    }

    /// <summary>The methods of all <paramref name="sets"/>.</summary>
    public static MethodSet Union(params MethodSet[] sets)
    {
        var all = new List<IMethodSymbol>();
        foreach (var set in sets)
        {
            all.AddRange(set);
        }

        return new MethodSet(all);
    }

    public IEnumerator<IMethodSymbol> GetEnumerator() => _methods.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
