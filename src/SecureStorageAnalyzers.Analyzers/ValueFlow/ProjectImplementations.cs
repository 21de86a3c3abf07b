using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The one implementation a member of the project's own interface has in the compilation
/// (<c>_fileStorage.StoreImageAsync(…)</c> through <c>IFileStorageService</c>, implemented only by
/// <c>FileStorageService</c>), so that a helper summary can read the body a call through the interface runs. Asked only
/// when a personal identifier is passed to such a call; the compilation's own classes and structs are listed once (symbols,
/// no binding), and each interface member is answered once. None when the interface is not the project's, is generic, or
/// has no or several implementations here (an implementation in another project is out of sight: no whole-program flow).
/// <see cref="Every"/> answers the wider question SSA0005 asks: every implementation here, up to
/// <see cref="MaxImplementations"/>, generic interfaces included.
/// </summary>
internal sealed class ProjectImplementations
{
    /// <summary>
    /// The most implementations <see cref="Every"/> lists. A storage service has a local and a cloud form, a repository
    /// one or two; an interface with more is a plug-in point whose bodies say little about one call, and reading them all
    /// for every call would cost more than it tells.
    /// </summary>
    public const int MaxImplementations = 4;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, Answer> _answers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _every = new(SymbolEqualityComparer.Default);
    private ImmutableArray<INamedTypeSymbol> _types;

    private ProjectImplementations(Compilation compilation) => _compilation = compilation;

    /// <summary>The instance of the compilation.</summary>
    public static ProjectImplementations For(WellKnownTypes types) => types.Shared(static t => new ProjectImplementations(t.Compilation));

    /// <summary>True when <paramref name="method"/> is a member of an interface the compilation declares (a question <see cref="Single"/> may answer).</summary>
    public bool IsOwnInterfaceMember(IMethodSymbol method) =>
        method.ContainingType is { TypeKind: TypeKind.Interface, IsGenericType: false } && method.IsAbstract &&
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

    /// <summary>The single method of the compilation that implements <paramref name="method"/>, or null.</summary>
    public IMethodSymbol? Single(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (!IsOwnInterfaceMember(definition))
        {
            return null;
        }

        if (_answers.TryGetValue(definition, out var known))
        {
            return known.Method;
        }

        return _answers.GetOrAdd(definition, new Answer(Find(definition, cancellationToken))).Method;
    }

    /// <summary>
    /// Every method of the compilation that implements <paramref name="method"/>, a member of an interface the
    /// compilation declares (generic or not: <c>IRepository&lt;T&gt;.GetByIdAsync</c> in <c>Repository&lt;T&gt;</c>), as
    /// original definitions, each once (two classes that inherit one base's implementation share it). Empty when there is
    /// none, more than <see cref="MaxImplementations"/>, or a class here implements it with a body the compilation does
    /// not hold (an abstract member, or one inherited from another assembly): then which body runs is not known.
    /// </summary>
    public ImmutableArray<IMethodSymbol> Every(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (definition.ContainingType is not { TypeKind: TypeKind.Interface } || !definition.IsAbstract ||
            !SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        if (_every.TryGetValue(definition, out var known))
        {
            return known;
        }

        return _every.GetOrAdd(definition, FindEvery(definition, cancellationToken));
    }

    private ImmutableArray<IMethodSymbol> FindEvery(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var iface = method.ContainingType.OriginalDefinition;
        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var type in Types(cancellationToken))
        {
            if (type.IsAbstract)
            {
                continue;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, iface))
                {
                    continue;
                }

                // The member of this construction of the interface (IRepository<Export>.GetByIdAsync), then its body here.
                IMethodSymbol? member = null;
                foreach (var candidate in implemented.GetMembers(method.Name))
                {
                    if (candidate is IMethodSymbol candidateMethod && SymbolEqualityComparer.Default.Equals(candidateMethod.OriginalDefinition, method))
                    {
                        member = candidateMethod;
                        break;
                    }
                }

                if (member is null || type.FindImplementationForInterfaceMember(member) is not IMethodSymbol implementation ||
                    implementation.IsAbstract || !SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, _compilation.Assembly))
                {
                    return ImmutableArray<IMethodSymbol>.Empty;
                }

                implementation = implementation.OriginalDefinition;
                if (!Contains(found, implementation))
                {
                    if (found.Count == MaxImplementations)
                    {
                        return ImmutableArray<IMethodSymbol>.Empty;
                    }

                    found.Add(implementation);
                }
            }
        }

        return found.ToImmutable();
    }

    private IMethodSymbol? Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var iface = method.ContainingType;
        IMethodSymbol? found = null;
        foreach (var type in Types(cancellationToken))
        {
            if (type.IsAbstract || !Implements(type, iface))
            {
                continue;
            }

            if (type.FindImplementationForInterfaceMember(method) is not IMethodSymbol implementation ||
                implementation.IsAbstract || !SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            implementation = implementation.OriginalDefinition;
            if (found is not null && !SymbolEqualityComparer.Default.Equals(found, implementation))
            {
                return null;
            }

            found = implementation;
        }

        return found;
    }

    private static bool Contains(ImmutableArray<IMethodSymbol>.Builder found, IMethodSymbol method)
    {
        foreach (var known in found)
        {
            if (SymbolEqualityComparer.Default.Equals(known, method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol iface)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, iface))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The compilation's own non-static classes and structs, nested ones included, listed once.</summary>
    private ImmutableArray<INamedTypeSymbol> Types(CancellationToken cancellationToken)
    {
        var types = _types;
        if (!types.IsDefault)
        {
            return types;
        }

        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var pending = new System.Collections.Generic.Stack<INamespaceOrTypeSymbol>();
        pending.Push(_compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamespaceSymbol ns)
                {
                    pending.Push(ns);
                }
                else if (member is INamedTypeSymbol type)
                {
                    if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.IsStatic && !type.AllInterfaces.IsEmpty)
                    {
                        builder.Add(type);
                    }

                    if (!type.GetTypeMembers().IsEmpty)
                    {
                        pending.Push(type);
                    }
                }
            }
        }

        types = builder.ToImmutable();
        ImmutableInterlocked.InterlockedInitialize(ref _types, types);
        return _types;
    }

    /// <summary>A cached answer (null is an answer too).</summary>
    private sealed class Answer
    {
        public Answer(IMethodSymbol? method) => Method = method;

        public IMethodSymbol? Method { get; }
    }
}
