using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Whether an implementation of the project's own interface reads the stored file one of its parameters names, itself
/// (<see cref="ProjectHelperPaths"/>: the parameter reaches a storage call's path or key) or by handing the parameter
/// to another method of its own class that does (held-out set 14: a cloud store's <c>GetFileAsyncBytes(job, type,
/// name)</c> returns the bytes of its own <c>GetFileAsync(job, type, name)</c>, which asks S3 for the key they make).
/// One call deep, only into the same class's methods with a body here, each answered once per compilation (SSA0005's
/// question: <see cref="RequestValueFlowPolicy"/>); no whole-program flow.
/// </summary>
internal sealed class ProjectHelperReads
{
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), bool> _answers = new(MethodOrdinalComparer.Instance);

    /// <summary>True when <paramref name="method"/> (a method of the compilation) reads a stored file named by its parameter <paramref name="ordinal"/>.</summary>
    public bool Reads(IMethodSymbol method, int ordinal, ProjectHelperPaths helpers, Compilation compilation, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (helpers.For(definition, compilation, cancellationToken).Uses.ContainsKey(ordinal))
        {
            return true;
        }

        var key = (definition, ordinal);
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        return _answers.GetOrAdd(key, ThroughOwnCall(definition, ordinal, helpers, compilation, cancellationToken));
    }

    /// <summary>A call in the body of another method of the same class given the parameter itself, in a place that method reads a stored file from.</summary>
    private static bool ThroughOwnCall(IMethodSymbol method, int ordinal, ProjectHelperPaths helpers, Compilation compilation, CancellationToken cancellationToken)
    {
        if (ordinal >= method.Parameters.Length || ProjectHelperPaths.Body(method, compilation, cancellationToken) is not { } body)
        {
            return false;
        }

        var parameter = method.Parameters[ordinal];
        foreach (var operation in body.Walk())
        {
            if (operation is not IInvocationOperation { TargetMethod: { MethodKind: MethodKind.Ordinary, IsAbstract: false } target } call ||
                SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method) ||
                !SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, method.ContainingType?.OriginalDefinition))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } given && argument.Value.WithoutConversions() is IParameterReferenceOperation reference &&
                    SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter) &&
                    helpers.For(target, compilation, cancellationToken).Uses.ContainsKey(given.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class MethodOrdinalComparer : System.Collections.Generic.IEqualityComparer<(IMethodSymbol Method, int Ordinal)>
    {
        public static readonly MethodOrdinalComparer Instance = new();

        public bool Equals((IMethodSymbol Method, int Ordinal) x, (IMethodSymbol Method, int Ordinal) y) =>
            x.Ordinal == y.Ordinal && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

        public int GetHashCode((IMethodSymbol Method, int Ordinal) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Ordinal;
    }
}
