using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// What the project's own methods return, for <see cref="ValueFlowTracker"/> to walk through a call of one (one level):
/// the values of the method's own <c>return</c> statements (an expression body is one), bound from its declaration. A
/// method is read the first time a walk meets a call of it, that is only when the call's value reaches a storage call or
/// a path builder, and then once per compilation (cached per method definition, shared by every policy); a method
/// no walk meets costs nothing. Only methods whose body is the one that runs: not abstract, virtual, extern, partial
/// without an implementation, or declared in another assembly.
/// </summary>
internal sealed class ProjectMethodReturns
{
    private readonly ConcurrentDictionary<IMethodSymbol, Body> _bodies = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The values <paramref name="method"/>'s own returns give (not a lambda's or a local function's), in source order;
    /// empty when the method is not the project's, has no body the compiler could bind, or returns nothing.
    /// </summary>
    public ImmutableArray<IOperation> Of(IMethodSymbol method, Compilation compilation) => BodyOf(method, compilation).Returns;

    /// <summary>
    /// The assignments of <paramref name="method"/>'s parameters in its body (lambdas included), in source order, gathered
    /// by the same walk as its returns: what a caller asks when a return hands a parameter back (<c>path = Path.GetFullPath(path); return path;</c>).
    /// </summary>
    public ImmutableArray<IAssignmentOperation> ParameterAssignmentsOf(IMethodSymbol method, Compilation compilation) =>
        BodyOf(method, compilation).ParameterAssignments;

    private Body BodyOf(IMethodSymbol method, Compilation compilation)
    {
        var definition = method.OriginalDefinition;
        definition = definition.PartialImplementationPart ?? definition;
        if (_bodies.TryGetValue(definition, out var body))
        {
            return body;
        }

        return _bodies.GetOrAdd(definition, Read(definition, compilation));
    }

    /// <summary>
    /// True for a method of the compilation whose own body is what a call runs, or the getter of such a property
    /// (<c>string Root =&gt; env.WebRootPath ?? …</c>; the caller takes only properties without a setter).
    /// </summary>
    public static bool IsFollowable(IMethodSymbol method, Compilation compilation) =>
        method.MethodKind is MethodKind.Ordinary or MethodKind.PropertyGet && !method.ReturnsVoid && !method.IsAbstract && !method.IsVirtual &&
        !method.IsExtern && !method.IsPartialDefinition && method.ContainingType is { TypeKind: not TypeKind.Interface } &&
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);

#pragma warning disable RS1030 // The method's body is in its own file: its semantic model, shared with the driver's cached ones.
    private static Body Read(IMethodSymbol method, Compilation compilation)
    {
        if (!IsFollowable(method, compilation))
        {
            return Body.None;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(CancellationToken.None);
            if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

            // A method or accessor body; a property's expression body (=> value) binds to the block of its return.
            var root = compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) switch
            {
                IMethodBodyBaseOperation body => (IOperation?)body.BlockBody ?? body.ExpressionBody,
                IBlockOperation block => block,
                _ => null,
            };
            if (root is null)
            {
                continue;
            }

            var values = ImmutableArray.CreateBuilder<IOperation>();
            ImmutableArray<IAssignmentOperation>.Builder? assignments = null;
            foreach (var operation in root.Walk())
            {
                if (operation is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned } && !operation.IsInLambdaOrLocalFunction())
                {
                    values.Add(returned);
                }
                else if (operation is IAssignmentOperation { Target: IParameterReferenceOperation } assignment)
                {
                    (assignments ??= ImmutableArray.CreateBuilder<IAssignmentOperation>()).Add(assignment);
                }
            }

            return new Body(values.ToImmutable(), assignments?.ToImmutable() ?? ImmutableArray<IAssignmentOperation>.Empty);
        }

        return Body.None;
    }
#pragma warning restore RS1030

    private sealed class Body
    {
        // A new instance per use (no static state: the pack shares nothing across compilations); read once per method, then cached.
        public static Body None => new(ImmutableArray<IOperation>.Empty, ImmutableArray<IAssignmentOperation>.Empty);

        public Body(ImmutableArray<IOperation> returns, ImmutableArray<IAssignmentOperation> parameterAssignments)
        {
            Returns = returns;
            ParameterAssignments = parameterAssignments;
        }

        public ImmutableArray<IOperation> Returns { get; }

        public ImmutableArray<IAssignmentOperation> ParameterAssignments { get; }
    }
}
