using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// The names a user configures in <c>.editorconfig</c> (<c>ssa.authorization_methods</c>,
/// <c>SSA0101.pseudonymization_methods</c>, <c>SSA0101.personal_data_types</c>, …), resolved to symbols once per
/// compilation and distinct list, and then matched by symbol: the one place the pack looks a type up by a string of the
/// user's. A type is its full name (<c>MyApp.Privacy.Pseudonyms</c>; a nested type also as
/// <c>MyApp.Outer.Inner</c>), a method its type's name and its own (<c>MyApp.Privacy.Pseudonyms.For</c>, every
/// overload). A name the compilation does not define is ignored.
/// </summary>
internal sealed class ConfiguredNames
{
    private readonly WellKnownTypes _types;
    private readonly ConcurrentDictionary<ImmutableArray<string>, MethodSet> _methods = new(ListComparer.Instance);
    private readonly ConcurrentDictionary<ImmutableArray<string>, ImmutableArray<INamedTypeSymbol>> _typeLists = new(ListComparer.Instance);

    private ConfiguredNames(WellKnownTypes types) => _types = types;

    /// <summary>The instance of the compilation, shared by every rule and setting that asks.</summary>
    public static ConfiguredNames For(WellKnownTypes types) => types.Shared(static t => new ConfiguredNames(t));

    /// <summary>The methods named <c>Namespace.Type.Method</c> in <paramref name="names"/>.</summary>
    public MethodSet Methods(ImmutableArray<string> names) =>
        names.IsDefaultOrEmpty ? MethodSet.Empty() : _methods.GetOrAdd(names, ResolveMethods);

    /// <summary>The types named in <paramref name="names"/>, in their order.</summary>
    public ImmutableArray<INamedTypeSymbol> Types(ImmutableArray<string> names) =>
        names.IsDefaultOrEmpty ? ImmutableArray<INamedTypeSymbol>.Empty : _typeLists.GetOrAdd(names, ResolveTypes);

    private MethodSet ResolveMethods(ImmutableArray<string> names)
    {
        var builder = new List<IMethodSymbol>();
        foreach (var name in names)
        {
            var dot = name.LastIndexOf('.');
            if (dot > 0 && dot < name.Length - 1)
            {
                builder.AddRange(WellKnownTypes.Methods(Type(name.Substring(0, dot)), name.Substring(dot + 1)));
            }
        }

        return new MethodSet(builder);
    }

    private ImmutableArray<INamedTypeSymbol> ResolveTypes(ImmutableArray<string> names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in names)
        {
            if (Type(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The type of a full name, as metadata spells it or, for a nested type, as C# does (<c>Outer.Inner</c>).</summary>
    private INamedTypeSymbol? Type(string name)
    {
        if (_types.Resolve(name) is { } type)
        {
            return type;
        }

        // MyApp.Outer.Inner: try MyApp.Outer+Inner, then MyApp+Outer+Inner.
        var nested = name.ToCharArray();
        for (var i = nested.Length - 1; i > 0; i--)
        {
            if (nested[i] == '.')
            {
                nested[i] = '+';
                if (_types.Resolve(new string(nested)) is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    /// <summary>Lists compared item by item (the options give a new array for each read).</summary>
    private sealed class ListComparer : IEqualityComparer<ImmutableArray<string>>
    {
        public static readonly ListComparer Instance = new();

        public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y)
        {
            if (x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(ImmutableArray<string> list)
        {
            var hash = 17;
            foreach (var item in list)
            {
                hash = hash * 31 + StringComparer.Ordinal.GetHashCode(item);
            }

            return hash;
        }
    }
}
