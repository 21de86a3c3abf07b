using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureStorageAnalyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>
    /// The operations under <paramref name="root"/> (not itself), in the order of Roslyn's <c>Descendants()</c> (depth first,
    /// each operation before its children, the children in order), for a walk of a whole body: <c>foreach (var operation
    /// in root.Walk())</c>. A struct enumerator over its own stack of child-operation enumerators, one array per walk (no
    /// static pool: the pack keeps no static mutable state); <c>Descendants()</c> makes an iterator step, a pooled stack
    /// push and pop and two interface calls per operation.
    /// </summary>
    public static OperationWalk Walk(this IOperation root) => new(root);

    /// <summary>The walk of <see cref="Walk"/>: its own enumerator.</summary>
    public struct OperationWalk
    {
        private IOperation.OperationList.Enumerator[] _stack;
        private int _depth;
        private IOperation? _current;

        internal OperationWalk(IOperation root)
        {
            // Sixteen levels hold the bodies of the benchmark and the real-code sets without growing.
            _stack = new IOperation.OperationList.Enumerator[16];
            _stack[0] = root.ChildOperations.GetEnumerator();
            _depth = 1;
            _current = null;
        }

        public readonly OperationWalk GetEnumerator() => this;

        public readonly IOperation Current => _current!;

        public bool MoveNext()
        {
            var stack = _stack;
            while (_depth > 0)
            {
                ref var top = ref stack[_depth - 1];
                if (!top.MoveNext())
                {
                    _depth--;
                    continue;
                }

                var current = top.Current;
                if (current is null)
                {
                    continue;
                }

                if (_depth == stack.Length)
                {
                    System.Array.Resize(ref stack, _depth * 2);
                    _stack = stack;
                }

                stack[_depth++] = current.ChildOperations.GetEnumerator();
                _current = current;
                return true;
            }

            _current = null;
            return false;
        }
    }

    /// <summary>True when the value is the compile-time constant <see langword="true"/>.</summary>
    public static bool IsConstantTrue(this IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: true };

    /// <summary>The value under every conversion, implicit or explicit (<c>(object)x</c>, a boxing, a method group to a delegate type).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>
    /// The lambda or method reference under the conversions and delegate creations that hand it over as a delegate
    /// (<c>OnPrepareResponse = ctx =&gt; …</c>, <c>Map("/x", Configure)</c>); any other value under its conversions.
    /// </summary>
    public static IOperation WithoutDelegateConversions(this IOperation operation)
    {
        while (operation is IConversionOperation or IDelegateCreationOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)operation).Target;
        }

        return operation;
    }

    /// <summary>The value under the conversions the compiler inserted; a cast written in the code stays.</summary>
    public static IOperation WithoutImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operation that uses <paramref name="operation"/>'s value: its parent above any conversions.</summary>
    public static IOperation? ParentSkippingConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The arguments of a call or an object creation; empty for any other operation.</summary>
    public static ImmutableArray<IArgumentOperation> CallArguments(this IOperation callOrCreation) => callOrCreation switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    /// <summary>
    /// The value handed to the parameter named <paramref name="parameterName"/>, or null; with
    /// <paramref name="explicitOnly"/>, only a value written in the call (not a parameter's default).
    /// </summary>
    public static IOperation? Argument(this ImmutableArray<IArgumentOperation> arguments, string parameterName, bool explicitOnly = false)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name == parameterName && (!explicitOnly || argument.ArgumentKind == ArgumentKind.Explicit))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>The receiver of a call: its instance, or the <c>this</c> argument of an extension method; null for a static call.</summary>
    public static IOperation? Receiver(this IInvocationOperation call) =>
        call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);

    /// <summary>True inside a lambda or local function: a <c>return</c> there leaves that function, not the method.</summary>
    public static bool IsInLambdaOrLocalFunction(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call <paramref name="value"/> is an argument of, above any conversions (<c>Upload(new Options { … })</c>), or null.</summary>
    public static IInvocationOperation? CallReceiving(this IOperation value) =>
        value.ParentSkippingConversions() is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;

    /// <summary>
    /// The operation a lambda or method group is handed to: its parent above any conversions and delegate creations
    /// (for a lambda argument, the <see cref="IArgumentOperation"/>).
    /// </summary>
    public static IOperation? ParentSkippingDelegateConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to (its method body or initializer).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// The syntax tree of the file <paramref name="operation"/> is in, from its semantic model (one object shared by the
    /// whole file). <c>Syntax.SyntaxTree</c> answers the same but may walk the node's parents up to the root, touching
    /// nodes the analyzer never needed, on every call a rule sees.
    /// </summary>
    public static SyntaxTree Tree(this IOperation operation) =>
        operation.SemanticModel?.SyntaxTree ?? operation.Syntax.SyntaxTree;
}
