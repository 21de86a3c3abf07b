using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The value a field or a parameter holds where the body reads it, when the same body gave it there (held-out set 17: a
/// Web Forms page's field <c>csvPath = Server.MapPath("~/Files/") + name;</c> one line above <c>FileUpload1.SaveAs(csvPath)</c>;
/// a page generator's parameter <c>obj_name = obj_name + ".cs";</c> before the path it names). Followed the way a local
/// is, but only where the answer is plain: the assignment is a statement <c>x = value;</c> of a block that holds the read,
/// before it (so every path to the read passes it), and nothing else may change the value in between:
/// <list type="bullet">
/// <item>no other write of the field or parameter (an assignment of any kind, a <c>ref</c>/<c>out</c> argument, a
/// deconstruction) between the assignment and the read, or anywhere in a loop that holds the read inside that block;</item>
/// <item>no write of it in a lambda or a local function of the body (it may run at any time), no <c>goto</c>, and the read
/// is not itself in one;</item>
/// <item>for a field: the assignment and the read are on this object (or the field is static), and no call of a method
/// declared in source lies in between (it may set the field); a call that takes the read as an argument runs after it.</item>
/// </list>
/// Anything else is unclear, and nothing is followed (a field then stays what its declaration and constructors say, a
/// parameter what the caller passes). The writes are gathered in one walk of the body the first time one is asked.
/// </summary>
internal sealed class AssignedBefore
{
    private readonly Dictionary<ISymbol, List<IOperation>> _writes = new(SymbolEqualityComparer.Default);
    private readonly List<IInvocationOperation> _sourceCalls = new();

    private AssignedBefore()
    {
    }

    /// <summary>Every write of a field or a parameter in the body under <paramref name="root"/>, and its calls of source methods.</summary>
    public static AssignedBefore Of(IOperation root)
    {
        var writes = new AssignedBefore();
        foreach (var operation in root.Walk())
        {
            switch (operation.Kind)
            {
                case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment:
                    writes.AddWrite(((IAssignmentOperation)operation).Target, operation);
                    break;
                case OperationKind.DeconstructionAssignment:
                    foreach (var target in ((IDeconstructionAssignmentOperation)operation).Target.Descendants())
                    {
                        writes.AddWrite(target, operation);
                    }

                    break;
                case OperationKind.Increment or OperationKind.Decrement:
                    writes.AddWrite(((IIncrementOrDecrementOperation)operation).Target, operation);
                    break;
                case OperationKind.Argument:
                    if (operation is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In } byReference)
                    {
                        writes.AddWrite(byReference.Value, operation);
                    }

                    break;
                case OperationKind.Invocation:
                    if (operation is IInvocationOperation call && !call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                    {
                        writes._sourceCalls.Add(call);
                    }

                    break;
            }
        }

        return writes;
    }

    private void AddWrite(IOperation target, IOperation write)
    {
        ISymbol? symbol = target.WithoutConversions() switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null)
        {
            return;
        }

        if (!_writes.TryGetValue(symbol, out var list))
        {
            _writes[symbol] = list = new List<IOperation>(1);
        }

        list.Add(write);
    }

    /// <summary>
    /// The value the field or parameter <paramref name="read"/> reads was given by the latest assignment of the body that
    /// every path to the read passes, with nothing that may change it in between; null when there is none or it is unclear.
    /// </summary>
    public IOperation? ValueAt(IOperation read, bool bodyHasGoto)
    {
        ISymbol? symbol;
        var field = false;
        switch (read)
        {
            case IFieldReferenceOperation { Field: { IsConst: false } held } reference when OnThisObject(reference):
                symbol = held.OriginalDefinition;
                field = true;
                break;
            case IParameterReferenceOperation parameter:
                symbol = parameter.Parameter;
                break;
            default:
                return null;
        }

        if (bodyHasGoto || !_writes.TryGetValue(symbol, out var writes) || ReadPoint.InFunction(read.Syntax))
        {
            return null;
        }

        // The latest plain assignment statement of a block that holds the read, before the read.
        ISimpleAssignmentOperation? given = null;
        SyntaxNode? statement = null;
        foreach (var write in writes)
        {
            if (write is ISimpleAssignmentOperation { Parent: IExpressionStatementOperation { Syntax: { Parent: BlockSyntax block } candidate } } assignment &&
                block.Span.Contains(read.Syntax.Span) && candidate.Span.End <= read.Syntax.SpanStart &&
                (statement is null || candidate.SpanStart > statement.SpanStart) &&
                (!field || assignment.Target is IFieldReferenceOperation target && OnThisObject(target)))
            {
                given = assignment;
                statement = candidate;
            }
        }

        if (given is null || statement is null)
        {
            return null;
        }

        // Between the assignment and the read; a loop inside the block that holds the read may come back to it after any
        // write of its body.
        var end = read.Syntax.SpanStart;
        for (var node = read.Syntax.Parent; node is not null && node != statement.Parent; node = node.Parent)
        {
            if (ReadPoint.IsLoop(node) && node.Span.End > end)
            {
                end = node.Span.End;
            }
        }

        foreach (var write in writes)
        {
            if (ReferenceEquals(write, given))
            {
                continue;
            }

            var at = write.Syntax.SpanStart;
            if (ReadPoint.InFunction(write.Syntax) || at >= statement.Span.End && at < end)
            {
                return null;
            }
        }

        if (field)
        {
            foreach (var call in _sourceCalls)
            {
                var at = call.Syntax.SpanStart;
                if (at >= statement.Span.End && at < end && !call.Syntax.Span.Contains(read.Syntax.Span))
                {
                    return null;
                }
            }
        }

        return given.Value;
    }

    /// <summary>A field of the object the method runs on (<c>csvPath</c>, <c>this.csvPath</c>), or a static field.</summary>
    private static bool OnThisObject(IFieldReferenceOperation field) =>
        field.Field.IsStatic
            ? field.Instance is null
            : field.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
}
