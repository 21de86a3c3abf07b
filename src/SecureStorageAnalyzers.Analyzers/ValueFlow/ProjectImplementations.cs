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
/// </summary>
internal sealed class ProjectImplementations
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, Answer> _answers = new(SymbolEqualityComparer.Default);
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
