using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Answers one question for every rule of the pack: does this operation only run in the Development environment?
/// </summary>
/// <remarks>
/// The line is Development, as the framework documentation draws it. A registration counts as Development-only when it
/// sits in the true branch of <c>IsDevelopment()</c> (or <c>IsEnvironment("Development")</c>, compared case-insensitively
/// as the framework does, or <c>IsEnvironment(Environments.Development)</c>), in the false branch of the negation, after
/// an if whose exiting branch (<c>return</c>/<c>throw</c>) is taken outside Development, or in a lambda registered from
/// there. <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> and comparisons with <c>true</c>/<c>false</c> are followed.
/// <c>!IsProduction()</c>, <c>IsStaging()</c> and <c>IsEnvironment("AnythingElse")</c> are not guards: they are true on
/// deployed servers (staging, test, a subcontractor's box nobody named), which is where the incident happened. The walk
/// is syntactic in extent (the enclosing operations of one method body) and costs nothing when the operation is not
/// reported anyway. An early exit before a local function's declaration does not count: the function can be called
/// before it.
/// </remarks>
internal static class EnvironmentGuard
{
    private const string DevelopmentEnvironmentName = "Development";

    public static bool IsDevelopmentOnly(IOperation operation, WellKnownTypes types)
    {
        if (types.IsDevelopment.IsEmpty && types.IsEnvironment.IsEmpty)
        {
            return false;
        }

        var current = operation;
        var parent = operation.Parent;
        while (parent is not null)
        {
            switch (parent)
            {
                case IConditionalOperation conditional:
                    if (ReferenceEquals(current, conditional.WhenTrue) && Implies(conditional.Condition, true, types))
                    {
                        return true;
                    }

                    if (ReferenceEquals(current, conditional.WhenFalse) && Implies(conditional.Condition, false, types))
                    {
                        return true;
                    }

                    break;

                case IBlockOperation block:
                    // A local function can be called before its declaration, so an early exit that precedes the
                    // declaration does not guard its body.
                    if (current is not ILocalFunctionOperation && GuardedByEarlyExit(block, current, types))
                    {
                        return true;
                    }

                    break;
            }

            current = parent;
            parent = parent.Parent;
        }

        return false;
    }

    /// <summary>
    /// True when a statement before <paramref name="statement"/> in <paramref name="block"/> leaves unless the environment
    /// is Development. The position of the first such statement is computed once per block (cached in
    /// <see cref="WellKnownTypes"/> for the compilation), so a block of 10,000 statements costs one pass, not one per statement.
    /// </summary>
    private static bool GuardedByEarlyExit(IBlockOperation block, IOperation statement, WellKnownTypes types)
    {
        // Looked up first, so that only the first question about a block allocates (the factory captures the types).
        if (!types.EarlyExitGuards.TryGetValue(block, out var guard))
        {
            guard = types.EarlyExitGuards.GetValue(block, b => new StrongBox<int>(FirstEarlyExitGuard(b, types)));
        }

        return statement.Syntax.SpanStart > guard.Value;
    }

    /// <summary>Where the first statement of the block that exits unless in Development ends, or int.MaxValue.</summary>
    private static int FirstEarlyExitGuard(IBlockOperation block, WellKnownTypes types)
    {
        foreach (var sibling in block.Operations)
        {
            // Getting past the if means its exiting branch was not taken.
            if (sibling is IConditionalOperation conditional &&
                ((AlwaysExits(conditional.WhenTrue) && Implies(conditional.Condition, false, types)) ||
                 (conditional.WhenFalse is not null && AlwaysExits(conditional.WhenFalse) && Implies(conditional.Condition, true, types))))
            {
                return sibling.Syntax.Span.End - 1;
            }
        }

        return int.MaxValue;
    }

    private static bool AlwaysExits(IOperation operation)
    {
        switch (operation)
        {
            case IReturnOperation:
            case IThrowOperation:
            case IExpressionStatementOperation { Operation: IThrowOperation }:
                return true;
            case IBlockOperation block when block.Operations.Length > 0:
                return AlwaysExits(block.Operations[block.Operations.Length - 1]);
            default:
                return false;
        }
    }

    /// <summary>Does <paramref name="condition"/> evaluating to <paramref name="value"/> imply the Development environment?</summary>
    private static bool Implies(IOperation? condition, bool value, WellKnownTypes types)
    {
        condition = condition?.WithoutImplicitConversions();
        switch (condition)
        {
            case IInvocationOperation invocation:
                return value && IsDevelopmentCheck(invocation, types);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, !value, types);

            case IBinaryOperation binary:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.ConditionalAnd when value:
                        return Implies(binary.LeftOperand, true, types) || Implies(binary.RightOperand, true, types);
                    case BinaryOperatorKind.ConditionalOr when !value:
                        return Implies(binary.LeftOperand, false, types) || Implies(binary.RightOperand, false, types);
                    case BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                        var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                        if (ConstantBool(binary.RightOperand) is { } right)
                        {
                            return Implies(binary.LeftOperand, equals ? value == right : value != right, types);
                        }

                        if (ConstantBool(binary.LeftOperand) is { } left)
                        {
                            return Implies(binary.RightOperand, equals ? value == left : value != left, types);
                        }

                        return false;
                    default:
                        return false;
                }

            default:
                return false;
        }
    }

    private static bool IsDevelopmentCheck(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        if (WellKnownTypes.Contains(types.IsDevelopment, method))
        {
            return true;
        }

        if (!WellKnownTypes.Contains(types.IsEnvironment, method))
        {
            return false;
        }

        // IsEnvironment(this env, string environmentName): the name is the last argument.
        var arguments = invocation.Arguments;
        if (arguments.Length == 0)
        {
            return false;
        }

        var value = arguments[arguments.Length - 1].Value.WithoutImplicitConversions();
        if (value is IFieldReferenceOperation { Field: var field } &&
            types.DevelopmentEnvironmentNameFields.Contains(field.OriginalDefinition))
        {
            return true;
        }

        return value.ConstantValue is { HasValue: true, Value: string text } &&
               string.Equals(text, DevelopmentEnvironmentName, StringComparison.OrdinalIgnoreCase);
    }

    private static bool? ConstantBool(IOperation operation)
    {
        var constant = operation.WithoutImplicitConversions().ConstantValue;
        return constant is { HasValue: true, Value: bool b } ? b : null;
    }
}
