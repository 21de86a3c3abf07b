using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Which of a local's values (<see cref="MethodBodyIndex.ValuesOf"/>) can still be in it where it is read: the control
/// flow the walk knows, read from the syntax of the body, no graph built. A value assigned to the local does not reach a
/// read
/// <list type="bullet">
/// <item>when it is given in a block that returns or throws after it and does not hold the read (<c>if (cached) { bytes =
/// stored; return File(bytes, …); }</c>, then <c>bytes = Generate(); return File(bytes, …);</c>);</item>
/// <item>when it is given in one branch of an <c>if</c> and read in the other;</item>
/// <item>when every path to the read passes a later plain assignment of the local (<c>name = "";</c>, <c>name =
/// Guid.NewGuid().ToString();</c>, <c>var name = …;</c>) that is a statement of a block the read is in and does not read
/// the local itself;</item>
/// <item>when it is given after the read, with no loop around both.</item>
/// </list>
/// Sound, or it says "reaches": nothing is dropped in a body with a <c>goto</c>, for a read or a value inside a lambda or
/// a local function, across a <c>break</c>/<c>continue</c> that leaves the returning block, or across a <c>try</c> whose
/// handlers may come back to the read. A value the local is given by a call on it (a <c>StringBuilder</c>'s append, a
/// stream copied or downloaded into it) changes the object, not the local, and always reaches. Cost: a few walks up the
/// syntax of the read and of each value; asked only for a local with two values or more.
/// </summary>
internal readonly struct ReadPoint
{
    private readonly SyntaxNode? _read;
    private readonly SyntaxNode? _overwrite;
    private readonly SyntaxNode? _overwriteUntil;

    private ReadPoint(SyntaxNode read, SyntaxNode? overwrite, SyntaxNode? overwriteUntil)
    {
        _read = read;
        _overwrite = overwrite;
        _overwriteUntil = overwriteUntil;
    }

    /// <summary>False when every value reaches the read (nothing is known about the paths to it).</summary>
    public bool Filters => _read is not null;

    /// <summary>Where <paramref name="read"/> is, among the <paramref name="values"/> of its local.</summary>
    public static ReadPoint Of(ILocalReferenceOperation read, IReadOnlyList<IOperation> values, bool bodyHasGoto)
    {
        var syntax = read.Syntax;
        if (bodyHasGoto || values.Count < 2 || InFunction(syntax))
        {
            return default;
        }

        // The latest plain assignment of the local every path to the read passes: a statement of a block the read is in,
        // before the read's own statement there. Not one made of the local itself (path = Server.UrlDecode(path)): the
        // walk may not follow that call, and the earlier values are still in what it returns.
        SyntaxNode? overwrite = null;
        foreach (var value in values)
        {
            if (AssignmentStatement(value) is { Parent: BlockSyntax block } statement &&
                block.Span.Contains(syntax.Span) && statement.Span.End <= syntax.SpanStart &&
                (overwrite is null || statement.SpanStart > overwrite.SpanStart) &&
                !Reads(value, read.Local))
            {
                overwrite = statement;
            }
        }

        SyntaxNode? until = null;
        if (overwrite is not null)
        {
            for (until = syntax; until.Parent is not null && until.Parent != overwrite.Parent; until = until.Parent)
            {
            }
        }

        return new ReadPoint(syntax, overwrite, until);
    }

    private static bool Reads(IOperation value, ILocalSymbol local)
    {
        foreach (var operation in value.Walk())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when <paramref name="value"/>, one of the local's values, cannot be in the local at the read.</summary>
    public bool Reaches(IOperation value)
    {
        if (_read is not { } read || !IsAssignment(value))
        {
            return true;
        }

        var given = value.Syntax;
        if (InFunction(given))
        {
            return true;
        }

        if (_overwrite is not null && _overwriteUntil is not null &&
            (given.Span.End <= _overwrite.SpanStart || given.SpanStart >= _overwriteUntil.Span.End))
        {
            return false;
        }

        if (given.SpanStart >= read.Span.End && !InLoop(read, around: given))
        {
            return false;
        }

        return !InOtherBranch(given, read) && !LeftBefore(given, read);
    }

    /// <summary>
    /// True when <paramref name="value"/> is what an assignment or a declaration gives the local (not a call that changes
    /// the object it holds, which a read before it still sees).
    /// </summary>
    private static bool IsAssignment(IOperation value)
    {
        var parent = value.Parent;
        while (parent is ITupleOperation)
        {
            parent = parent.Parent;
        }

        return parent is IAssignmentOperation or IVariableInitializerOperation;
    }

    /// <summary>The statement <c>local = value;</c> or <c>var local = value;</c> that gives <paramref name="value"/>, or null.</summary>
    private static SyntaxNode? AssignmentStatement(IOperation value) => value.Parent switch
    {
        ISimpleAssignmentOperation { Parent: IExpressionStatementOperation statement } => statement.Syntax,
        IVariableInitializerOperation
        {
            Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } },
        } when group.Syntax is LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } => group.Syntax,
        _ => null,
    };

    /// <summary>True inside a lambda, an anonymous method or a local function, which may run at any time.</summary>
    internal static bool InFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return true;
            }

            if (current is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when a loop statement of the body holds <paramref name="node"/> and <paramref name="around"/>.</summary>
    private static bool InLoop(SyntaxNode node, SyntaxNode around)
    {
        for (var current = node.Parent; current is not null and not MemberDeclarationSyntax; current = current.Parent)
        {
            if (IsLoop(current) && current.Span.Contains(around.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InAnyLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null and not MemberDeclarationSyntax; current = current.Parent)
        {
            if (IsLoop(current))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsLoop(SyntaxNode node) =>
        node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax;

    /// <summary>True when one branch of an <c>if</c> gives the value and the other reads it, and no loop holds the <c>if</c>.</summary>
    private static bool InOtherBranch(SyntaxNode given, SyntaxNode read)
    {
        SyntaxNode child = given;
        for (var node = given.Parent; node is not null and not MemberDeclarationSyntax; child = node, node = node.Parent)
        {
            if (!node.Span.Contains(read.Span))
            {
                continue;
            }

            return node is IfStatementSyntax { Else: { } otherwise } branch &&
                   (child == branch.Statement && otherwise.Span.Contains(read.Span) ||
                    child == otherwise && branch.Statement.Span.Contains(read.Span)) &&
                   !InAnyLoop(branch);
        }

        return false;
    }

    /// <summary>
    /// True when every path from <paramref name="given"/> ends (a <c>return</c> or <c>throw</c> statement later in a
    /// block that holds it, not the read) before reaching <paramref name="read"/>: no <c>break</c> or <c>continue</c> in
    /// between leaves that block, and no <c>try</c> around it can bring an exception back to the read.
    /// </summary>
    private static bool LeftBefore(SyntaxNode given, SyntaxNode read)
    {
        SyntaxNode child = given;
        for (var node = given.Parent; node is not null; child = node, node = node.Parent)
        {
            if (node.Span.Contains(read.Span) || node is MemberDeclarationSyntax)
            {
                return false;
            }

            if (node is not BlockSyntax block)
            {
                continue;
            }

            var statements = block.Statements;
            var start = statements.IndexOf((StatementSyntax)child);
            if (start < 0)
            {
                continue;
            }

            for (var i = start; i < statements.Count; i++)
            {
                var statement = statements[i];
                if (i > start && statement is ReturnStatementSyntax or ThrowStatementSyntax)
                {
                    return !HandledAround(block, read);
                }

                if (JumpsOutOf(statement, block))
                {
                    return false;
                }
            }
        }

        return false;
    }

    /// <summary>True when a <c>break</c> or <c>continue</c> in <paramref name="statement"/> goes to a loop or switch outside <paramref name="block"/>.</summary>
    private static bool JumpsOutOf(StatementSyntax statement, BlockSyntax block)
    {
        foreach (var node in statement.DescendantNodesAndSelf(static node => node is not ExpressionSyntax))
        {
            if (node is not (BreakStatementSyntax or ContinueStatementSyntax))
            {
                continue;
            }

            for (var target = node.Parent; target is not null; target = target.Parent)
            {
                if (IsLoop(target) || node is BreakStatementSyntax && target is SwitchStatementSyntax)
                {
                    if (!block.Span.Contains(target.Span))
                    {
                        return true;
                    }

                    break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when a <c>try</c> holds <paramref name="block"/> and an exception thrown in it may come back to
    /// <paramref name="read"/>: the read is not in the same <c>try</c> block, or a loop holds the <c>try</c>.
    /// </summary>
    private static bool HandledAround(BlockSyntax block, SyntaxNode read)
    {
        for (var node = block.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is TryStatementSyntax attempt &&
                (!attempt.Block.Span.Contains(block.Span) || !attempt.Block.Span.Contains(read.Span) || InAnyLoop(attempt)))
            {
                return true;
            }
        }

        return false;
    }
}
