using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
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
                        return Compares(binary.LeftOperand, binary.RightOperand) || ChecksPublic(binary.LeftOperand, binary.RightOperand);
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

                return operands.Count == 2 && (Compares(operands[0], operands[1]) || ChecksPublic(operands[0], operands[1]));

            case IPropertyReferenceOperation flag when value && IsPublicFlag(flag):
                // if (dataset.IsPublic) { … return File(…); }: the record the request chose was published.
                return true;

            case ILocalReferenceOperation local when depth < MaxLocalDepth && Initializer(local.Local) is { } initial:
                // var valid = file.DownloadToken == token; if (!valid) return …;
                return Matched(initial, value, depth + 1);

            default:
                return false;
        }
    }

    /// <summary>
    /// A check that the record the request chose is published to anyone (held-out set 17's research datasets,
    /// <c>if (exp[0].Status != "Public") return …;</c>): one side a member the application declares whose name says
    /// visibility (<see cref="IsVisibilityMember"/>) read on a record the file's request value chose
    /// (<see cref="ChosenByFileValue"/>), the other the constant <c>"Public"</c> (any case) or an enum's <c>Public</c>
    /// member. A check of another member (<c>Status == "Approved"</c>), of another value (<c>"Private"</c>) or of a
    /// record the request value did not choose whole is no gate.
    /// </summary>
    private bool ChecksPublic(IOperation left, IOperation right) =>
        IsPublicConstant(right) && IsVisibilityOfChosenRecord(left) || IsPublicConstant(left) && IsVisibilityOfChosenRecord(right);

    private static bool IsPublicConstant(IOperation operand) => Unwrap(operand) switch
    {
        { ConstantValue: { HasValue: true, Value: string text } } => string.Equals(text.Trim(), "public", System.StringComparison.OrdinalIgnoreCase),
        IFieldReferenceOperation { Field: { Name: "Public", ContainingType.TypeKind: TypeKind.Enum } } => true,
        _ => false,
    };

    private bool IsVisibilityOfChosenRecord(IOperation operand)
    {
        var member = Unwrap(operand);
        if (member is IInvocationOperation { TargetMethod.Name: "ToString" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim", Instance: { } text })
        {
            member = Unwrap(text);
        }

        return member is IMemberReferenceOperation { Instance: { } record } reference && reference.Member is IPropertySymbol or IFieldSymbol &&
               IsRecordMember(reference.Member, record) && IsVisibilityMember(reference.Member) && ChosenByFileValue(record, 0);
    }

    /// <summary><c>IsPublic</c> or <c>Public</c>, a <c>bool</c> member the application declares, of a record the file's request value chose.</summary>
    private bool IsPublicFlag(IPropertyReferenceOperation flag) =>
        flag.Property.Type.SpecialType == SpecialType.System_Boolean && flag.Instance is { } record && IsRecordMember(flag.Property, record) &&
        NameTokens.Split(flag.Property.Name) is var words && (words.Length == 1 || words.Length == 2 && words[0] == "is") && words[words.Length - 1] == "public" &&
        ChosenByFileValue(record, 0);

    /// <summary>A member whose name says who may see the record: <c>Status</c>, <c>Visibility</c>, <c>AccessLevel</c>, <c>Privacy</c>, <c>Scope</c>, <c>Sharing</c>.</summary>
    private static bool IsVisibilityMember(ISymbol member)
    {
        foreach (var word in NameTokens.Split(member.Name))
        {
            if (word is "status" or "visibility" or "visible" or "access" or "privacy" or "scope" or "sharing" or "audience" or "availability")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="record"/> was chosen by a request value of the file, whole: through locals (one
    /// initializer), an element of what was found (<c>exp[0]</c>, <c>First()</c>), a lookup whose key is that value
    /// (<see cref="RequestValueFlowPolicy.LookupKeys"/>), or a call of the project's own method given it
    /// (<c>_service.GetAllExpList(int.Parse(expId))</c>).
    /// </summary>
    private bool ChosenByFileValue(IOperation record, int depth)
    {
        if (depth > MaxLocalDepth + 2)
        {
            return false;
        }

        switch (Unwrap(record))
        {
            case ILocalReferenceOperation local:
                return Initializer(local.Local) is { } initial && ChosenByFileValue(initial, depth + 1);

            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                return ChosenByFileValue(collection, depth + 1);

            case IArrayElementReferenceOperation element:
                return ChosenByFileValue(element.ArrayReference, depth + 1);

            case IInvocationOperation { TargetMethod: { Name: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "ElementAt" or "ElementAtOrDefault" } method, Arguments.Length: >= 1 } element
                when method.IsExtensionMethod && method.Parameters.Length >= 1 && element.Arguments[element.Arguments.Length - 1].Value.WithoutDelegateConversions() is not IAnonymousFunctionOperation:
                return ChosenByFileValue(element.Arguments[0].Value, depth + 1);

            case IInvocationOperation call:
                var keys = _policy.LookupKeys(call);
                if (keys.Count > 0)
                {
                    foreach (var key in keys)
                    {
                        if (IsWholeFileValue(key, 0))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                if (call.TargetMethod.DeclaringSyntaxReferences.Length == 0)
                {
                    return false;
                }

                foreach (var argument in call.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.Explicit && IsWholeFileValue(argument.Value, 0))
                    {
                        return true;
                    }
                }

                return false;

            default:
                return false;
        }
    }

    /// <summary>
    /// A request value that chooses the file (one of the file's sources), whole: itself, through locals, or through what
    /// keeps all of it (<c>Replace</c>, <c>Trim</c>, a change of case, an integer's <c>Parse</c>). A part of it (<c>Split('_')[0]</c>, <c>Substring</c>) chooses no file of its own.
    /// </summary>
    private bool IsWholeFileValue(IOperation value, int depth)
    {
        if (depth > MaxLocalDepth + 3)
        {
            return false;
        }

        switch (Unwrap(value))
        {
            case IParameterReferenceOperation or IPropertyReferenceOperation when Read(value) is { } symbol:
                return _fileKeys.Contains(symbol);

            case ILocalReferenceOperation local:
                return Initializer(local.Local) is { } initial && IsWholeFileValue(initial, depth + 1);

            case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, IsStatic: false } method, Instance: { } text }
                when method.Name is "Replace" or "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant":
                return IsWholeFileValue(text, depth + 1);

            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse" } parse, Arguments.Length: >= 1 } parsed
                when parse.ContainingType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or
                         SpecialType.System_UInt32 or SpecialType.System_UInt64:
                return IsWholeFileValue(parsed.Arguments[0].Value, depth + 1);

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
