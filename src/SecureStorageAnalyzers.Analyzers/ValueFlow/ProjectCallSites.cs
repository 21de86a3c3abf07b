using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The calls of one of the project's own methods that the compilation holds, for a question that follows a parameter to
/// the callers one level (<see cref="StoredContent.PublicMediaCallers"/>: what folder or key the callers hand to an
/// upload service). A call counts when it binds to the method itself, to an interface member the method implements
/// (<c>_s3.UploadFileAsync(…)</c> through <c>IS3Service</c>) or to a method it overrides. Found on the first question
/// for a method, once per compilation: the identifier tokens of every tree are compared with the method's name (syntax
/// only) and only the matching names are bound. <see cref="CallSites.Unknown"/> when the answer cannot be complete: the
/// method is not the project's or has no body here, it is named without being called (a method group, a delegate), or
/// it has more calls than <see cref="MaxCalls"/>. No whole-program flow: the callers' own callers are not looked at here.
/// </summary>
internal sealed class ProjectCallSites
{
    /// <summary>More calls than this: unknown (a general-purpose helper, not one upload service's few callers).</summary>
    public const int MaxCalls = 16;

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<IMethodSymbol, CallSites> _calls = new(SymbolEqualityComparer.Default);

    private ProjectCallSites(Compilation compilation) => _compilation = compilation;

    /// <summary>The instance of the compilation.</summary>
    public static ProjectCallSites For(WellKnownTypes types) => types.Shared(static t => new ProjectCallSites(t.Compilation));

    /// <summary>Every call of <paramref name="method"/> in the compilation, or <see cref="CallSites.Unknown"/>.</summary>
    public CallSites Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (_calls.TryGetValue(definition, out var known))
        {
            return known;
        }

        return _calls.GetOrAdd(definition, Find(definition, cancellationToken));
    }

#pragma warning disable RS1030 // The callers are in other files: their semantic models, shared with the driver's cached ones.
    private CallSites Find(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsExtern || method.IsAbstract ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly) || method.Name.Length == 0)
        {
            return CallSites.Unknown;
        }

        var calls = ImmutableArray.CreateBuilder<IInvocationOperation>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != method.Name || token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

                model ??= _compilation.GetSemanticModel(tree);
                if (CallOf(name) is { } invocationSyntax &&
                    model.GetOperation(invocationSyntax, cancellationToken) is IInvocationOperation call)
                {
                    if (IsCallOf(call.TargetMethod, method))
                    {
                        calls.Add(call);
                        if (calls.Count > MaxCalls)
                        {
                            return CallSites.Unknown;
                        }
                    }

                    continue;
                }

                // Named but not called (a method group handed on, a delegate): the calls are out of sight.
                if (Names(model, name, method, cancellationToken))
                {
                    return CallSites.Unknown;
                }
            }
        }

        return new CallSites(calls.ToImmutable());
    }
#pragma warning restore RS1030

    private static bool Names(SemanticModel model, SimpleNameSyntax name, IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (name.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } })
        {
            return false;
        }

        var info = model.GetSymbolInfo(name, cancellationToken);
        if (info.Symbol is IMethodSymbol bound && IsCallOf(bound, method))
        {
            return true;
        }

        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is IMethodSymbol each && IsCallOf(each, method))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The invocation whose callee is <paramref name="name"/> (<c>M(…)</c>, <c>x.M(…)</c>, <c>x?.M(…)</c>), or null.</summary>
    private static InvocationExpressionSyntax? CallOf(SimpleNameSyntax name) => name.Parent switch
    {
        InvocationExpressionSyntax invocation when invocation.Expression == name => invocation,
        MemberAccessExpressionSyntax access when access.Name == name && access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access => invocation,
        MemberBindingExpressionSyntax binding when binding.Name == name && binding.Parent is InvocationExpressionSyntax invocation && invocation.Expression == binding => invocation,
        _ => null,
    };

    /// <summary>True when a call bound to <paramref name="target"/> runs <paramref name="method"/>: the method, an interface member it implements, a method it overrides.</summary>
    internal static bool IsCallOf(IMethodSymbol target, IMethodSymbol method)
    {
        target = target.ReducedFrom ?? target;
        target = target.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(target, method))
        {
            return true;
        }

        if (target.ContainingType is { TypeKind: TypeKind.Interface } && method.ContainingType is { } implementing &&
            SymbolEqualityComparer.Default.Equals(implementing.FindImplementationForInterfaceMember(target)?.OriginalDefinition, method))
        {
            return true;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The calls <see cref="ProjectCallSites"/> found: a list, or unknown.</summary>
internal sealed class CallSites
{
    /// <summary>Not known (a new instance each time: no static state in the analyzers).</summary>
    public static CallSites Unknown => new(default);

    public CallSites(ImmutableArray<IInvocationOperation> calls) => Calls = calls;

    /// <summary>The calls; default when unknown.</summary>
    public ImmutableArray<IInvocationOperation> Calls { get; }

    public bool IsKnown => !Calls.IsDefault;
}
