using System.Collections;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// A framework type of one compilation, resolved (<see cref="WellKnownTypes.Resolve"/>) the first time it is read rather
/// than when the fact that names it is created: most compilations never meet most of the types the rules know, and
/// resolving one through the compilation's merged namespaces is the largest fixed cost of a compilation
/// (docs/performance.md, h-perf19a). <see cref="Is"/> compares a type's name first and resolves only on a match; the
/// symbol decides. Thread-safe: two threads that read it first resolve the same symbol (the resolution is cached per
/// compilation by <see cref="WellKnownTypes"/>), and the published value never changes.
/// </summary>
internal sealed class LazyType
{
    private readonly WellKnownTypes _types;
    private INamedTypeSymbol? _value;
    private int _resolved;

    /// <summary>A type of <paramref name="types"/>' compilation by metadata name; <paramref name="present"/> false: known absent (an SDK not referenced).</summary>
    public LazyType(WellKnownTypes types, string metadataName, bool present = true)
    {
        _types = types;
        MetadataName = metadataName;
        Name = SimpleName(metadataName);
        Present = present;
        if (!present)
        {
            _resolved = 1;
        }
    }

    /// <summary>False when the type is known absent without a lookup (its SDK is not referenced): it is never resolved.</summary>
    public bool Present { get; }

    /// <summary>The type's metadata name (<c>System.IO.File</c>, <c>System.Span`1</c>).</summary>
    public string MetadataName { get; }

    /// <summary>The type's name as <see cref="ISymbol.Name"/> gives it: no namespace, no containing type, no arity.</summary>
    public string Name { get; }

    /// <summary>The type, or null when the compilation lacks it (or has two accessible copies).</summary>
    public INamedTypeSymbol? Value
    {
        get
        {
            if (Volatile.Read(ref _resolved) != 0)
            {
                return _value;
            }

            var value = _types.Resolve(MetadataName);
            _value = value;
            Volatile.Write(ref _resolved, 1);
            return value;
        }
    }

    /// <summary>True when <paramref name="type"/> is this type (<see cref="SymbolEqualityComparer.Default"/>), asked only of a type of this name.</summary>
    public bool Is(ITypeSymbol? type) =>
        type is not null && type.Name == Name && SymbolEqualityComparer.Default.Equals(type, Value);

    /// <summary><c>System.IO.File</c> → <c>File</c>, <c>A.B+C</c> → <c>C</c>, <c>System.Span`1</c> → <c>Span</c>.</summary>
    public static string SimpleName(string metadataName)
    {
        var start = System.Math.Max(metadataName.LastIndexOf('.'), metadataName.LastIndexOf('+')) + 1;
        var tick = metadataName.IndexOf('`', start);
        return tick < 0 ? metadataName.Substring(start) : metadataName.Substring(start, tick - start);
    }
}

/// <summary>
/// A set of framework types of one compilation given by metadata name, each resolved on the first question about a
/// type of its name (<see cref="LazyType"/>): <see cref="Contains"/> compares the name first, the symbol decides.
/// Enumerating it resolves every type (for the few callers that need the symbols themselves).
/// </summary>
internal sealed class LazyTypeSet : IEnumerable<INamedTypeSymbol>
{
    private readonly LazyType[] _types;
    private readonly Dictionary<string, LazyType[]> _byName = new(System.StringComparer.Ordinal);

    public LazyTypeSet(IEnumerable<LazyType> types)
    {
        var list = new List<LazyType>();
        foreach (var type in types)
        {
            list.Add(type);
            _byName[type.Name] = _byName.TryGetValue(type.Name, out var same) ? Append(same, type) : new[] { type };
        }

        _types = list.ToArray();
    }

    public LazyTypeSet(WellKnownTypes types, params string[] metadataNames)
        : this(Of(types, metadataNames))
    {
    }

    /// <summary>The lazily resolved types, whether or not the compilation has them.</summary>
    public IReadOnlyList<LazyType> Types => _types;

    /// <summary>True when <paramref name="type"/> is one of the set's types (as given: pass an original definition where the set holds definitions).</summary>
    public bool Contains(ITypeSymbol? type)
    {
        if (type is null || _types.Length == 0 || !_byName.TryGetValue(type.Name, out var candidates))
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidate.Value))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<INamedTypeSymbol> GetEnumerator()
    {
        foreach (var type in _types)
        {
            if (type.Value is { } value)
            {
                yield return value;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static IEnumerable<LazyType> Of(WellKnownTypes types, string[] metadataNames)
    {
        foreach (var name in metadataNames)
        {
            yield return new LazyType(types, name);
        }
    }

    private static LazyType[] Append(LazyType[] types, LazyType type)
    {
        var more = new LazyType[types.Length + 1];
        types.CopyTo(more, 0);
        more[types.Length] = type;
        return more;
    }
}

/// <summary>
/// A symbol of one compilation read from <see cref="WellKnownTypes"/> the first time it is asked for, not when the fact
/// that holds it is created (see <see cref="LazyType"/>): the same value the eager read gave, later. Thread-safe: every
/// thread reads the same value (<see cref="WellKnownTypes"/> caches each resolution), and the published value never changes.
/// </summary>
internal sealed class Deferred<T>
    where T : class, ISymbol
{
    private readonly WellKnownTypes _types;
    private System.Func<WellKnownTypes, T?>? _read;
    private T? _value;

    public Deferred(WellKnownTypes types, System.Func<WellKnownTypes, T?> read)
    {
        _types = types;
        _read = read;
    }

    public T? Value
    {
        get
        {
            if (Volatile.Read(ref _read) is not { } read)
            {
                return _value;
            }

            var value = read(_types);
            _value = value;
            Volatile.Write(ref _read, null);
            return value;
        }
    }
}
