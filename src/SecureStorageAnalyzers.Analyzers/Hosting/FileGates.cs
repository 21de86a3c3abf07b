using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0005: a file result that runs only for a signed-in caller (a sign-in check written by hand, <see cref="SignInMembers"/>),
/// or only when a value of the request matches a member of a record the action holds
/// (held-out set 12): a download checked by a per-file token, <c>if (file.DownloadToken != token) return Unauthorized();</c>
/// before <c>return PhysicalFile(file.Path, …)</c>, or its hash compared with the hash stored with the file
/// (<c>CryptographicOperations.FixedTimeEquals(SHA256.HashData(…token…), file.TokenHash)</c>). Whoever holds the value
/// the application stored with the file was given the file: the comparison is an authorization gate.
/// </summary>
/// <remarks>
/// A gate is an <c>if</c> of the handler, before the file result in the same or an enclosing block, whose exiting branch
/// (<c>return</c>/<c>throw</c>) is taken unless the values match, or an <c>if</c> whose branch that holds the file result
/// runs only when they match. The condition is read as <see cref="Infrastructure.EnvironmentGuard"/> reads its own
/// (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>): a comparison (<c>==</c>, <c>!=</c>, <c>Equals</c>, <c>string.Equals</c>,
/// <c>SequenceEqual</c>, <c>CryptographicOperations.FixedTimeEquals</c>) of a value that reads a request value (a
/// request-bound parameter, <c>Request.Query</c>, …: <see cref="RequestValueFlowPolicy.Classify"/>), through locals and
/// calls (a hash of it), with a value that reads a member the application declares of a local or parameter (the
/// record), and no request value. Not a gate: a check of the record's existence (<c>file == null</c>,
/// <c>File.Exists</c>), a comparison with a constant, a comparison whose request side is only the key that found the
/// file (<c>file.Id != id</c>), and a comparison whose branch does not leave (a log line). Syntax-bounded: one method
/// body, locals followed to their one initializer, three levels.
/// </remarks>
internal sealed class FileGates
{
    private const int MaxLocalDepth = 3;

    private readonly RequestValueFlowPolicy _policy;
    private readonly HashSet<ISymbol> _fileKeys;
    private readonly CancellationToken _cancellationToken;
    private readonly SemanticModel? _model;

    private readonly SignInMembers _signIn;

    private FileGates(IOperation result, RequestValueFlowPolicy policy, List<FlowSource> fileSources, SignInMembers signIn, CancellationToken cancellationToken)
    {
        _signIn = signIn;
        _model = result.SemanticModel;
        _policy = policy;
        _cancellationToken = cancellationToken;
        _fileKeys = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var source in fileSources)
        {
            if (Read(source.Operation) is { } symbol)
            {
                _fileKeys.Add(symbol);
            }
        }
    }

    /// <summary>True when <paramref name="result"/> runs only after a request value matched a member of a record (see the class).</summary>
    public static bool Gates(IOperation result, RequestValueFlowPolicy policy, List<FlowSource> fileSources, SignInMembers signIn,
        CancellationToken cancellationToken) =>
        new FileGates(result, policy, fileSources, signIn, cancellationToken).IsGated(result);

    /// <summary>
    /// The members a sign-in check written by hand reads (since 2026-12-08, held-out set 17): <c>IIdentity.IsAuthenticated</c>
    /// (<c>if (!User.Identity.IsAuthenticated) return Challenge();</c>) and ASP.NET Core Identity's
    /// <c>UserManager&lt;TUser&gt;.GetUserAsync</c>, whose result is null for an anonymous caller
    /// (<c>var user = await _userManager.GetUserAsync(User); if (user != null) { … return File(…); }</c>). Resolved once per
    /// compilation; either may be absent.
    /// </summary>
    internal sealed class SignInMembers
    {
        public SignInMembers(IPropertySymbol? isAuthenticated, INamedTypeSymbol? userManager)
        {
            IsAuthenticated = isAuthenticated;
            UserManager = userManager;
        }

        public IPropertySymbol? IsAuthenticated { get; }

        public INamedTypeSymbol? UserManager { get; }
    }

    private bool IsGated(IOperation result)
    {
        var current = result;
        for (var parent = result.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when ReferenceEquals(current, conditional.WhenTrue):
                    if (Matched(conditional.Condition, true, 0))
                    {
                        return true;
                    }

                    break;

                case IConditionalOperation conditional when ReferenceEquals(current, conditional.WhenFalse):
                    if (Matched(conditional.Condition, false, 0))
                    {
                        return true;
                    }

                    break;

                case IBlockOperation block:
                    foreach (var statement in block.Operations)
                    {
                        if (ReferenceEquals(statement, current))
                        {
                            break;
                        }

                        // Getting past the if means its exiting branch was not taken.
                        if (statement is IConditionalOperation gate &&
                            ((AlwaysExits(gate.WhenTrue) && Matched(gate.Condition, false, 0)) ||
                             (gate.WhenFalse is { } otherwise && AlwaysExits(otherwise) && Matched(gate.Condition, true, 0))))
                        {
                            return true;
                        }
                    }

                    break;

                case IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool AlwaysExits(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>Does <paramref name="condition"/> evaluating to <paramref name="value"/> imply that a request value matched a record's member?</summary>
    private bool Matched(IOperation? condition, bool value, int depth)
    {
        condition = Unwrap(condition);
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Matched(not.Operand, !value, depth);

            case IPropertyReferenceOperation property when value && _signIn.IsAuthenticated is { } isAuthenticated &&
                                                            SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, isAuthenticated):
                // User.Identity.IsAuthenticated: only a signed-in caller gets past.
                return true;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals or BinaryOperatorKind.Equals } nullCheck
                when (nullCheck.OperatorKind == BinaryOperatorKind.NotEquals) == value && SignedInUserIsNotNull(nullCheck, depth):
                // user != null (or past user == null): the user Identity found for the caller exists.
                return true;

            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation notNull } } isNot
                when value && IsNull(notNull.Value) && SignedInUser(isNot.Value, depth):
                // user is not null
                return true;

            case IIsPatternOperation { Pattern: IConstantPatternOperation isNullPattern } isNull
                when !value && IsNull(isNullPattern.Value) && SignedInUser(isNull.Value, depth):
                // past user is null
                return true;

            case IBinaryOperation binary:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.ConditionalAnd when value:
                        return Matched(binary.LeftOperand, true, depth) || Matched(binary.RightOperand, true, depth);
                    case BinaryOperatorKind.ConditionalOr when !value:
                        return Matched(binary.LeftOperand, false, depth) || Matched(binary.RightOperand, false, depth);
                    case BinaryOperatorKind.Equals when value:
                    case BinaryOperatorKind.NotEquals when !value:
                        return Compares(binary.LeftOperand, binary.RightOperand);
                    default:
                        return false;
                }

            case IInvocationOperation invocation when value && invocation.TargetMethod.Name is "Equals" or "SequenceEqual" or "FixedTimeEquals":
                var operands = new List<IOperation>(3);
                if (invocation.Instance is { } instance)
                {
                    operands.Add(instance);
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Type.SpecialType != SpecialType.System_Enum && argument.Value.Type?.TypeKind != TypeKind.Enum)
                    {
                        operands.Add(argument.Value);
                    }
                }

                return operands.Count == 2 && Compares(operands[0], operands[1]);

            case ILocalReferenceOperation local when depth < MaxLocalDepth && Initializer(local.Local) is { } initial:
                // var valid = file.DownloadToken == token; if (!valid) return …;
                return Matched(initial, value, depth + 1);

            default:
                return false;
        }
    }

    /// <summary>
    /// <c>user != null</c> / <c>user == null</c> where one side is <c>null</c> and the other the result of
    /// <c>UserManager&lt;TUser&gt;.GetUserAsync</c>, directly or through a local's one initializer.
    /// </summary>
    private bool SignedInUserIsNotNull(IBinaryOperation comparison, int depth)
    {
        if (_signIn.UserManager is null)
        {
            return false;
        }

        var other = IsNull(comparison.RightOperand) ? comparison.LeftOperand : IsNull(comparison.LeftOperand) ? comparison.RightOperand : null;
        return other is not null && SignedInUser(other, depth);
    }

    /// <summary>True when <paramref name="other"/> is <c>UserManager&lt;TUser&gt;.GetUserAsync</c>'s result, directly or through a local's one initializer.</summary>
    private bool SignedInUser(IOperation? other, int depth)
    {
        if (_signIn.UserManager is null)
        {
            return false;
        }

        for (var level = depth; Unwrap(other) is { } value && level <= MaxLocalDepth; level++)
        {
            switch (value)
            {
                case IInvocationOperation { TargetMethod: { Name: "GetUserAsync" } method }:
                    return SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _signIn.UserManager);
                case ILocalReferenceOperation local:
                    other = Initializer(local.Local);
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsNull(IOperation operand) =>
        Unwrap(operand) is { ConstantValue: { HasValue: true, Value: null } };

    /// <summary>One side reads a request value (and no record member), the other a record member (and no request value), and the request side is not only the key that found the file.</summary>
    private bool Compares(IOperation left, IOperation right)
    {
        var a = Reads(left);
        var b = Reads(right);
        return (a.IsRequestSide && b.IsRecordSide && !OnlyFileKeys(a.RequestValues)) ||
               (b.IsRequestSide && a.IsRecordSide && !OnlyFileKeys(b.RequestValues));
    }

    private bool OnlyFileKeys(List<ISymbol> values)
    {
        foreach (var value in values)
        {
            if (!_fileKeys.Contains(value))
            {
                return false;
            }
        }

        return true;
    }

    private Side Reads(IOperation operand)
    {
        var side = new Side();
        Collect(operand, side, 0);
        return side;
    }

    /// <summary>What <paramref name="operation"/> reads: request values, and record members (whose record, the local the lookup found, is not walked into).</summary>
    private void Collect(IOperation operation, Side side, int depth)
    {
        switch (operation)
        {
            case IParameterReferenceOperation parameter:
                if (_policy.Classify(parameter, parameter.Parameter) is not null)
                {
                    side.RequestValues.Add(parameter.Parameter);
                }

                return;

            case IPropertyReferenceOperation property when _policy.Classify(property, property.Property) is not null:
                side.RequestValues.Add(property.Property);
                return;

            case IPropertyReferenceOperation property when IsRecordMember(property.Property, property.Instance):
                side.RecordMembers++;
                return;

            case IFieldReferenceOperation field when IsRecordMember(field.Field, field.Instance):
                side.RecordMembers++;
                return;

            case ILocalReferenceOperation local:
                if (depth < MaxLocalDepth && Initializer(local.Local) is { } initial)
                {
                    Collect(initial, side, depth + 1);
                }

                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Collect(child, side, depth);
        }
    }

    /// <summary>A member the application declares (an entity's token, hash or secret), read from a local or parameter that holds the record.</summary>
    private static bool IsRecordMember(ISymbol member, IOperation? instance) =>
        !member.IsStatic && !FrameworkAssemblies.Declares(member) && member.DeclaringSyntaxReferences.Length > 0 &&
        Unwrap(instance) is ILocalReferenceOperation or IParameterReferenceOperation or IPropertyReferenceOperation;

    /// <summary>The value of the local's one declaration with an initializer (<c>var x = …;</c>) in the handler's tree, or null.</summary>
    private IOperation? Initializer(ILocalSymbol local)
    {
        if (_model is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken);
        return syntax.SyntaxTree == _model.SyntaxTree &&
               _model.GetOperation(syntax, _cancellationToken) is IVariableDeclaratorOperation { Initializer.Value: { } value }
            ? value
            : null;
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation or IAwaitOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                IAwaitOperation awaited => awaited.Operation,
                _ => operation,
            };
        }

        return operation;
    }

    private static ISymbol? Read(IOperation operation) => Unwrap(operation) switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private sealed class Side
    {
        public List<ISymbol> RequestValues { get; } = new();

        public int RecordMembers { get; set; }

        public bool IsRequestSide => RequestValues.Count > 0 && RecordMembers == 0;

        public bool IsRecordSide => RecordMembers > 0 && RequestValues.Count == 0;
    }
}
