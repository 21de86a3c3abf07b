using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CodeFixes.PersonalData;

/// <summary>Where the value an expression builds ends up, as <see cref="NameFlow.Trace"/> finds it.</summary>
internal enum NameEnd
{
    /// <summary>Nothing the fix cares about: a condition, a comparison, an unknown use.</summary>
    Other,

    /// <summary>A logger, the console, a debug trace or an exception: a message, not a name.</summary>
    Message,

    /// <summary>The path or key argument of a storage call that writes or creates a file (<see cref="StorageSinks.WrittenPath"/>).</summary>
    StorageWrite,

    /// <summary>The path or key of any other storage call (a read, an exists check, a delete, a move's source, a file result) or a key property.</summary>
    StorageOther,

    /// <summary>The initializer of, or a value assigned to, a local variable (<see cref="NameTrace.Local"/>).</summary>
    Local,

    /// <summary>Kept by the program: returned, assigned to a field, property or element, or passed to a method that is not a storage call.</summary>
    Kept,
}

/// <summary>The result of <see cref="NameFlow.Trace"/>.</summary>
internal readonly struct NameTrace
{
    public NameTrace(ExpressionSyntax value, NameEnd end, bool isName, ILocalSymbol? local, bool looksLikeName = false)
    {
        Value = value;
        End = end;
        IsName = isName;
        Local = local;
        LooksLikeName = looksLikeName || isName;
    }

    /// <summary>The outermost expression the value was built into before it reached <see cref="End"/>.</summary>
    public ExpressionSyntax Value { get; }

    public NameEnd End { get; }

    /// <summary>True when the value became a name: a <c>Path.Combine</c>/<c>Join</c>, a path-like string, a storage path.</summary>
    public bool IsName { get; }

    /// <summary>
    /// <see cref="IsName"/>, or the value went into a string whose literal parts hold a <c>/</c> or <c>\</c>, or start
    /// with a file extension right after it: a URL or a name the rule does not report (<c>$"/recordings/{phone}.mp3"</c>)
    /// that may point at the same file.
    /// </summary>
    public bool LooksLikeName { get; }

    /// <summary>The local the value was stored in, for <see cref="NameEnd.Local"/>.</summary>
    public ILocalSymbol? Local { get; }
}

/// <summary>
/// The SSA0101 fix's view of how a value becomes a stored object's name, in syntax with the semantic model: what a value
/// is built into (string and path helpers, interpolation, concatenation) and where it ends (a storage call that writes, any
/// other storage call, a local, a return, a member, another method). Symbols decide, never text.
/// </summary>
internal static class NameFlow
{
    /// <summary>Follows <paramref name="expression"/> up through what builds a string or path from it, to where it ends.</summary>
    public static NameTrace Trace(SemanticModel model, StorageSinks sinks, ExpressionSyntax expression)
    {
        var current = expression;
        var isName = false;
        var looksLike = false;
        while (true)
        {
            switch (current.Parent)
            {
                case ParenthesizedExpressionSyntax or AwaitExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression }:
                    current = (ExpressionSyntax)current.Parent;
                    continue;

                case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                    isName |= model.GetOperation(interpolated) is IInterpolatedStringOperation i && PathLikeStrings.IsPathLike(i, sinks);
                    looksLike |= LooksLikePath(interpolated);
                    current = interpolated;
                    continue;

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    var operation = model.GetOperation(binary) as IBinaryOperation;
                    if (operation?.Type?.SpecialType != SpecialType.System_String)
                    {
                        return new NameTrace(current, NameEnd.Other, isName, null, looksLike);
                    }

                    isName |= PathLikeStrings.IsPathLike(operation, sinks);
                    looksLike |= LooksLikePath(binary.Left, afterValue: false) || LooksLikePath(binary.Right, afterValue: true);
                    current = binary;
                    continue;

                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    current = coalesce;
                    continue;

                case ConditionalExpressionSyntax conditional when conditional.Condition != current:
                    current = conditional;
                    continue;

                case MemberAccessExpressionSyntax access when access.Expression == current:
                    if (access.Parent is InvocationExpressionSyntax receiverCall && receiverCall.Expression == access &&
                        model.GetSymbolInfo(receiverCall).Symbol is IMethodSymbol instanceMethod && sinks.Propagates(instanceMethod, out _))
                    {
                        current = receiverCall;
                        continue;
                    }

                    return new NameTrace(current, NameEnd.Other, isName, null, looksLike);

                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ExpressionSyntax call } } argument
                    when call is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax:
                    var method = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
                    if (method is null)
                    {
                        return new NameTrace(current, NameEnd.Other, isName, null, looksLike);
                    }

                    if (sinks.IsPathBuilder(method))
                    {
                        isName = true;
                        current = call;
                        continue;
                    }

                    if (sinks.IsMessageSink(method) || (method.MethodKind == MethodKind.Constructor && sinks.IsException(method.ContainingType)))
                    {
                        return new NameTrace(current, NameEnd.Message, isName, null, looksLike);
                    }

                    if (sinks.IsSinkMethod(method) && StorageSinks.IsPathParameter(Parameter(method, argument)))
                    {
                        var written = model.GetOperation(call) is { } callOperation ? sinks.WrittenPath(callOperation) : null;
                        var writes = written is not null && written.Syntax.Span.Contains(current.Span);
                        return new NameTrace(current, writes ? NameEnd.StorageWrite : NameEnd.StorageOther, true, null);
                    }

                    if (sinks.Propagates(method, out _))
                    {
                        current = call;
                        continue;
                    }

                    return new NameTrace(current, NameEnd.Kept, isName, null, looksLike);

                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return model.GetDeclaredSymbol(declarator) switch
                    {
                        ILocalSymbol local => new NameTrace(current, NameEnd.Local, isName, local, looksLike),
                        IFieldSymbol => new NameTrace(current, NameEnd.Kept, isName, null, looksLike),
                        _ => new NameTrace(current, NameEnd.Other, isName, null, looksLike),
                    };

                case AssignmentExpressionSyntax assignment when assignment.Right == current && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    switch (model.GetSymbolInfo(assignment.Left).Symbol)
                    {
                        case ILocalSymbol local:
                            return new NameTrace(current, NameEnd.Local, isName, local, looksLike);
                        case IPropertySymbol property when sinks.PropertySinks.Contains(property.OriginalDefinition):
                            return new NameTrace(current, NameEnd.StorageOther, true, null);
                        case IFieldSymbol or IPropertySymbol:
                            return new NameTrace(current, NameEnd.Kept, isName, null, looksLike);
                        default:
                            return assignment.Left is ElementAccessExpressionSyntax
                                ? new NameTrace(current, NameEnd.Kept, isName, null, looksLike)
                                : new NameTrace(current, NameEnd.Other, isName, null, looksLike);
                    }

                case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                case AnonymousFunctionExpressionSyntax lambda when lambda.Body == current:
                    return new NameTrace(current, NameEnd.Kept, isName, null, looksLike);

                case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) ||
                                                                 initializer.IsKind(SyntaxKind.ArrayInitializerExpression):
                    return new NameTrace(current, NameEnd.Kept, isName, null, looksLike);

                default:
                    return new NameTrace(current, NameEnd.Other, isName, null, looksLike);
            }
        }
    }

    private static bool LooksLikePath(InterpolatedStringExpressionSyntax interpolated)
    {
        var contents = interpolated.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is InterpolatedStringTextSyntax text &&
                LooksLikePath(text.TextToken.ValueText, afterValue: i > 0 && contents[i - 1] is InterpolationSyntax))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikePath(ExpressionSyntax operand, bool afterValue) =>
        operand is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
        LooksLikePath(literal.Token.ValueText, afterValue);

    private static bool LooksLikePath(string text, bool afterValue) =>
        text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0 ||
        (afterValue && text.Length >= 2 && text[0] == '.' && char.IsLetterOrDigit(text[1]));

    /// <summary>The parameter an argument binds to: by name, else by position (the last one for a params argument).</summary>
    private static IParameterSymbol? Parameter(IMethodSymbol method, ArgumentSyntax argument)
    {
        if (argument.NameColon is { } nameColon)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        }

        if (argument.Parent is not ArgumentListSyntax list || method.Parameters.IsEmpty)
        {
            return null;
        }

        var index = list.Arguments.IndexOf(argument);
        return index < method.Parameters.Length ? method.Parameters[index] :
            method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
    }

    /// <summary>
    /// The symbol an identifier expression names: a parameter, local, field, property or method (<c>user.Email</c>,
    /// <c>await GetPhoneNumberAsync()</c>); null when it names nothing the fix can match.
    /// </summary>
    public static ISymbol? SymbolOf(SemanticModel model, ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    continue;
                case ConditionalAccessExpressionSyntax conditional:
                    expression = conditional.WhenNotNull;
                    continue;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    continue;
            }

            var symbol = model.GetSymbolInfo(expression).Symbol;
            return symbol is IParameterSymbol or ILocalSymbol or IFieldSymbol or IPropertySymbol or IMethodSymbol ? symbol : null;
        }
    }

    /// <summary>
    /// True when <paramref name="candidate"/> is the same identifier as <paramref name="target"/>: the same member, or a
    /// parameter or local of the same name and type (a route value <c>callerPhoneNumber</c> taken by two endpoints is the
    /// same value from outside).
    /// </summary>
    public static bool IsSameIdentifier(ISymbol? candidate, ISymbol target)
    {
        if (candidate is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, target.OriginalDefinition))
        {
            return true;
        }

        return candidate is IParameterSymbol or ILocalSymbol && target is IParameterSymbol or ILocalSymbol &&
               candidate.Name == target.Name &&
               SymbolEqualityComparer.Default.Equals(TypeOf(candidate), TypeOf(target));
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
    {
        IParameterSymbol parameter => parameter.Type,
        ILocalSymbol local => local.Type,
        _ => null,
    };

    /// <summary>
    /// The whole expression an identifier name stands for: <c>user.Email</c> for <c>Email</c>, <c>GetPhone()</c> for
    /// <c>GetPhone</c>, <c>user?.Email</c>, and <c>await</c> around a call.
    /// </summary>
    public static ExpressionSyntax ExpressionOf(IdentifierNameSyntax name)
    {
        ExpressionSyntax expression = name;
        if (expression.Parent is MemberAccessExpressionSyntax access && access.Name == expression)
        {
            expression = access;
        }
        else if (expression.Parent is MemberBindingExpressionSyntax binding)
        {
            expression = binding;
        }

        if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
        {
            expression = invocation;
        }

        while (expression.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == expression)
        {
            expression = conditional;
        }

        return expression;
    }

    /// <summary>The method, lambda or top-level code whose body holds <paramref name="local"/>'s uses.</summary>
    public static SyntaxNode? Scope(ILocalSymbol local)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        return declaration?.Ancestors().FirstOrDefault(a =>
            a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or
                AccessorDeclarationSyntax or CompilationUnitSyntax);
    }
}
