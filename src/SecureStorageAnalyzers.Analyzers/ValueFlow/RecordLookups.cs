using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The lookups that find a record by a value (SSA0005, ASP.NET Core and MVC 5 alike): what chooses the record a call
/// returns. Entity Framework's <c>Find</c>/<c>FindAsync</c> on a set or a context (Entity Framework Core, or Entity
/// Framework 6's <c>System.Data.Entity</c>): the key values; any call with a predicate lambda (LINQ, Entity Framework, a
/// repository of the project): the values it compares the record's members to; a LINQ or Entity Framework query
/// operator: its source. A predicate that also compares a member with the signed-in user (a <c>ClaimsPrincipal</c>, or
/// classic ASP.NET's <c>IPrincipal</c>/<c>IIdentity</c>) finds the caller's own record: no keys. AutoMapper's
/// <c>Map&lt;TDestination&gt;(record)</c> is the record it maps: its source is its key. A framework dictionary's
/// <c>TryGetValue(key, out record)</c> of the application's own record type finds the record by the key.
/// </summary>
internal sealed class RecordLookups
{
    private readonly RequestSymbols _symbols;
    private readonly StorageSinks? _sinks;

    private readonly Func<IOperation, bool>? _isRequestValue;

    /// <param name="isRequestValue">
    /// Whether a value is one the request gives (a bound handler parameter, a request collection's entry, a finder's
    /// parameter): a lookup by a secret member is a gate only when compared with such a value. Null: any parameter.
    /// </param>
    public RecordLookups(RequestSymbols symbols, StorageSinks? sinks, Func<IOperation, bool>? isRequestValue = null)
    {
        _symbols = symbols;
        _sinks = sinks;
        _isRequestValue = isRequestValue;
    }

    public IReadOnlyList<IOperation> KeysOf(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        List<IOperation>? keys = null;

        // Entity Framework's Find/FindAsync on a set or a context: the key values (not the entity type, not a token).
        if (method.Name is "Find" or "FindAsync" &&
            (WellKnownTypes.DerivesFrom(method.ContainingType, _symbols.DbSet) || WellKnownTypes.DerivesFrom(method.ContainingType, _symbols.DbContext) ||
             WellKnownTypes.DerivesFrom(method.ContainingType, _symbols.Ef6DbSet) || WellKnownTypes.DerivesFrom(method.ContainingType, _symbols.Ef6DbContext)))
        {
            foreach (var argument in call.Arguments)
            {
                if (!SymbolEquality.DefinitionIs(argument.Value.Type, _symbols.CancellationToken) &&
                    !SymbolEquality.DefinitionIs(argument.Value.Type, _symbols.SystemType))
                {
                    (keys ??= new List<IOperation>()).Add(argument.Value);
                }
            }

            return keys ?? (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
        }

        // A framework dictionary's TryGetValue(key, out record) of the application's own record type (an in-memory store
        // of file records keyed by their name): the key, as for Find. The out local holds the record (MethodBodyIndex).
        // A dictionary of strings or other framework values (a fixed table of allowed files) is no store of records.
        if (method.Name == "TryGetValue" && call.Arguments.Length == 2 && _symbols.OutArguments.IsTryGetValue(method) &&
            call.SemanticModel?.Compilation is { } compilation && IsOwnRecordType(method.Parameters[1].Type, compilation))
        {
            return new[] { call.Arguments[0].Value };
        }

        // AutoMapper's Map<TDestination>(source): the same record's members in another type (a DTO the service returns).
        if (method.Name == "Map" && _symbols.Mapper is { } mapper && !call.Arguments.IsEmpty &&
            (SymbolEquality.DefinitionIs(method.ContainingType, mapper) || method.ContainingType is { } mapperType && WellKnownTypes.Implements(mapperType, mapper)))
        {
            return new[] { call.Arguments[0].Value };
        }

        // A predicate, whoever declares the call (LINQ, Entity Framework, a repository of the project): the values it
        // compares the record's members to.
        foreach (var argument in call.Arguments)
        {
            if (argument.Value.WithoutDelegateConversions() is IAnonymousFunctionOperation lambda && !AddPredicateKeys(lambda, ref keys))
            {
                return Array.Empty<IOperation>();
            }
        }

        // A query operator: what it returns is chosen by its source (Select(x => x.Path) of a record found by id).
        if (IsQueryOperator(method) && !call.Arguments.IsEmpty && call.Instance is null)
        {
            (keys ??= new List<IOperation>()).Add(call.Arguments[0].Value);
        }

        return keys ?? (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
    }

    /// <summary>
    /// The bodies a call of the project's own interface member may run: every implementation in the compilation, up to
    /// <see cref="ProjectImplementations.MaxImplementations"/> (<see cref="ProjectImplementations.Every"/>, listed once
    /// per compilation), so that a record an injected service finds (<c>_documents.GetByIdAsync(id)</c> through
    /// <c>IDocumentService</c>) is followed like one a concrete class finds. The walk follows the call only when every one
    /// of them yields a request value: a fake or a no-op implementation beside the real one leaves the call unfollowed.
    /// One hop, and only into the project's own classes: empty for any other method.
    /// </summary>
    public ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken) =>
        method.IsAbstract ? _symbols.Implementations.Every(method, cancellationToken) : ImmutableArray<IMethodSymbol>.Empty;

    /// <summary>
    /// MVC 5: a method of the project that returns one of the project's own types, called with values (<c>Report.Select(id)</c>
    /// reading the report row by ADO.NET, <c>repository.GetReport(id)</c>): the record it returns is the one those values
    /// choose, whatever the method does with them, so they are its keys. Empty for a method declared elsewhere, one
    /// that returns a framework type (a string, a byte array, a list), a constructor or a property, and when an argument
    /// is the signed-in user (the caller's own record, as for a predicate).
    /// </summary>
    public IReadOnlyList<IOperation> ProjectFinderKeys(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (method.MethodKind != MethodKind.Ordinary || call.Arguments.IsEmpty || call.SemanticModel?.Compilation is not { } compilation ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) ||
            !IsOwnRecordType(RecordType(method.ReturnType), compilation))
        {
            return Array.Empty<IOperation>();
        }

        List<IOperation>? keys = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || SymbolEquality.DefinitionIs(argument.Value.Type, _symbols.CancellationToken))
            {
                continue;
            }

            if (IsSignedInUsers(argument.Value, 0))
            {
                return Array.Empty<IOperation>();
            }

            (keys ??= new List<IOperation>()).Add(argument.Value);
        }

        return keys ?? (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
    }

    /// <summary>
    /// ASP.NET Core: a call of the project's own method that returns one of the project's own types (or a <c>Task</c>
    /// of one) and is itself a lookup by its parameters (a repository's <c>GetById(id)</c> doing
    /// <c>_set.Find(id)</c>, <c>FirstOrDefault(x =&gt; x.Id == id)</c> or returning a generic base repository's
    /// <c>GetByIdAsync(id)</c>): the arguments given for those parameters are its keys. Unlike MVC 5's
    /// <see cref="ProjectFinderKeys"/>, the body must show the lookup: every return of the method (of every
    /// implementation, through the project's own interface, <see cref="ImplementationsOf"/>) is a lookup of
    /// <see cref="KeysOf"/> keyed by a parameter, or a call of another such method of the project (one call deep). A
    /// return that builds the record, reads a cache or is a fake's constant makes it no lookup; so does a lookup that also
    /// compares a member with the signed-in user, and a call given the signed-in user. Answered once per method and
    /// compilation (<see cref="ProjectRecordFinders"/>).
    /// </summary>
    public IReadOnlyList<IOperation> ProjectLookupKeys(IInvocationOperation call, System.Threading.CancellationToken cancellationToken)
    {
        var method = call.TargetMethod;
        if (_sinks is null || method.MethodKind != MethodKind.Ordinary || call.Arguments.IsEmpty ||
            call.SemanticModel?.Compilation is not { } compilation ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly) ||
            !IsOwnRecordType(RecordType(method.ReturnType), compilation))
        {
            return Array.Empty<IOperation>();
        }

        var ordinals = KeyParameters(method, compilation, throughOneCall: true, cancellationToken);
        if (ordinals.IsEmpty)
        {
            return Array.Empty<IOperation>();
        }

        List<IOperation>? keys = null;
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (IsSignedInUsers(argument.Value, 0))
            {
                return Array.Empty<IOperation>();
            }

            if (argument.Parameter is { } parameter && ordinals.Contains(parameter.Ordinal))
            {
                (keys ??= new List<IOperation>()).Add(argument.Value);
            }
        }

        return keys ?? (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
    }

    /// <summary>The ordinals of the parameters <paramref name="method"/>'s returns are looked up by; empty when a return is no lookup.</summary>
    private ImmutableArray<int> KeyParameters(IMethodSymbol method, Compilation compilation, bool throughOneCall, System.Threading.CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        var table = throughOneCall ? _symbols.Finders.ThroughOneCall : _symbols.Finders.Direct;
        if (table.TryGetValue(definition, out var known))
        {
            return known;
        }

        return table.GetOrAdd(definition, ComputeKeyParameters(definition, compilation, throughOneCall, cancellationToken));
    }

    private ImmutableArray<int> ComputeKeyParameters(IMethodSymbol method, Compilation compilation, bool throughOneCall, System.Threading.CancellationToken cancellationToken)
    {
        var bodies = ProjectMethodReturns.IsFollowable(method, compilation) ? ImmutableArray.Create(method) : ImplementationsOf(method, cancellationToken);
        if (bodies.IsEmpty || _sinks is null)
        {
            return ImmutableArray<int>.Empty;
        }

        // A parameter is a key when every body looks its record up by it.
        HashSet<int>? common = null;
        foreach (var body in bodies)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var returns = _sinks.ProjectReturns.Of(body, compilation);
            var ordinals = new HashSet<int>();
            var any = false;
            foreach (var returned in returns)
            {
                if (returned.WithoutConversions().ConstantValue is { HasValue: true, Value: null } ||
                    returned.WithoutConversions() is IDefaultValueOperation)
                {
                    continue;
                }

                if (!IsLookupBy(returned, body, throughOneCall, ordinals, compilation, 0, cancellationToken))
                {
                    return ImmutableArray<int>.Empty;
                }

                any = true;
            }

            if (!any)
            {
                return ImmutableArray<int>.Empty;
            }

            if (common is null)
            {
                common = ordinals;
            }
            else
            {
                common.IntersectWith(ordinals);
            }

            if (common.Count == 0)
            {
                return ImmutableArray<int>.Empty;
            }
        }

        var result = ImmutableArray.CreateBuilder<int>(common!.Count);
        foreach (var ordinal in common)
        {
            result.Add(ordinal);
        }

        result.Sort();
        return result.ToImmutable();
    }

    /// <summary>
    /// True when <paramref name="value"/>, returned by <paramref name="body"/>, is a record a lookup finds by one of
    /// <paramref name="body"/>'s parameters (added to <paramref name="ordinals"/>): through <c>await</c>, conversions and
    /// the locals it is given, a lookup of <see cref="KeysOf"/> (a query operator's source walked as the same question),
    /// or, when <paramref name="throughOneCall"/>, a call of another project method that is a direct lookup.
    /// </summary>
    private bool IsLookupBy(IOperation value, IMethodSymbol body, bool throughOneCall, HashSet<int> ordinals, Compilation compilation,
        int depth, System.Threading.CancellationToken cancellationToken)
    {
        if (depth > 8 || _sinks is null)
        {
            return false;
        }

        value = value.WithoutConversions();
        switch (value)
        {
            case IParenthesizedOperation parenthesized:
                return IsLookupBy(parenthesized.Operand, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken);

            case IAwaitOperation awaited:
                return IsLookupBy(awaited.Operation, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken);

            case ILocalReferenceOperation local:
                var any = false;
                foreach (var assigned in _sinks.BodyIndex(value).ValuesOf(local.Local))
                {
                    if (assigned.WithoutConversions().ConstantValue is { HasValue: true, Value: null })
                    {
                        continue;
                    }

                    if (!IsLookupBy(assigned, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;

            case IInvocationOperation call:
                var keys = KeysOf(call);
                if (keys.Count > 0)
                {
                    var keyed = false;
                    foreach (var key in keys)
                    {
                        keyed |= IsKeyedBy(key, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken);
                    }

                    return keyed;
                }

                if (!throughOneCall || call.TargetMethod.MethodKind != MethodKind.Ordinary ||
                    !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingAssembly, compilation.Assembly) ||
                    !IsOwnRecordType(RecordType(call.TargetMethod.ReturnType), compilation))
                {
                    return false;
                }

                var inner = KeyParameters(call.TargetMethod, compilation, throughOneCall: false, cancellationToken);
                var passed = false;
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter is { } parameter && inner.Contains(parameter.Ordinal) &&
                        argument.Value.WithoutConversions() is IParameterReferenceOperation reference && IsParameterOf(reference.Parameter, body))
                    {
                        ordinals.Add(reference.Parameter.Ordinal);
                        passed = true;
                    }
                }

                return passed;

            default:
                return false;
        }
    }

    /// <summary>A lookup's key: a parameter of <paramref name="body"/>, the values of a params array, or a query operator's source.</summary>
    private bool IsKeyedBy(IOperation key, IMethodSymbol body, bool throughOneCall, HashSet<int> ordinals, Compilation compilation,
        int depth, System.Threading.CancellationToken cancellationToken)
    {
        key = key.WithoutConversions();
        switch (key)
        {
            case IParameterReferenceOperation reference when IsParameterOf(reference.Parameter, body):
                ordinals.Add(reference.Parameter.Ordinal);
                return true;

            case IArrayCreationOperation { Initializer: { } initializer }:
                var keyed = false;
                foreach (var element in initializer.ElementValues)
                {
                    keyed |= IsKeyedBy(element, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken);
                }

                return keyed;

            case IInvocationOperation or ILocalReferenceOperation or IAwaitOperation:
                return IsLookupBy(key, body, throughOneCall, ordinals, compilation, depth + 1, cancellationToken);

            default:
                return false;
        }
    }

    private static bool IsParameterOf(IParameterSymbol parameter, IMethodSymbol body) =>
        SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, body.OriginalDefinition);

    /// <summary>The type a call's value is read as: <c>T</c> of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, or the type itself.</summary>
    private ITypeSymbol? RecordType(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1 } task &&
        (SymbolEquality.DefinitionIs(task, _symbols.TaskOfT) || SymbolEquality.DefinitionIs(task, _symbols.ValueTaskOfT))
            ? task.TypeArguments[0]
            : type;

    /// <summary>A class or struct the compilation declares (an entity, a model): not a string, an array or a collection of the framework.</summary>
    private static bool IsOwnRecordType(ITypeSymbol? type, Compilation compilation) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, IsTupleType: false } named &&
        SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilation.Assembly);

    private bool IsQueryOperator(IMethodSymbol method) =>
        method.ContainingType is { } type &&
        (SymbolEquality.DefinitionIs(type, _symbols.Enumerable) || SymbolEquality.DefinitionIs(type, _symbols.Queryable) ||
         SymbolEquality.DefinitionIs(type, _symbols.EntityFrameworkQueryable) || SymbolEquality.DefinitionIs(type, _symbols.Ef6QueryableExtensions));

    /// <summary>
    /// Adds the values <paramref name="lambda"/> compares its parameter's members to (<c>x.Id == id</c>,
    /// <c>x.Id.Equals(id)</c>, <c>string.Equals(x.Name, name)</c>). False when one of them is the signed-in user's (the
    /// lookup finds the caller's own record).
    /// </summary>
    private bool AddPredicateKeys(IAnonymousFunctionOperation lambda, ref List<IOperation>? keys)
    {
        var parameters = lambda.Symbol.Parameters;
        if (parameters.IsEmpty)
        {
            return true;
        }

        foreach (var operation in lambda.Body.Descendants())
        {
            IOperation left, right;
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                    left = equals.LeftOperand;
                    right = equals.RightOperand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } instance, Arguments.Length: >= 1 } equalsCall:
                    left = instance;
                    right = equalsCall.Arguments[0].Value;
                    break;
                case IInvocationOperation { TargetMethod.Name: "Equals", Instance: null, Arguments.Length: >= 2 } staticEquals:
                    left = staticEquals.Arguments[0].Value;
                    right = staticEquals.Arguments[1].Value;
                    break;
                default:
                    continue;
            }

            var key = Reads(left, parameters) ? right : Reads(right, parameters) ? left : null;
            if (key is null || Reads(key, parameters))
            {
                continue;
            }

            if (IsSignedInUsers(key, 0) ||
                IsSecretMember(ReferenceEquals(key, right) ? left : right, parameters) && ReadsRequestValue(key, lambda, 0))
            {
                return false;
            }

            (keys ??= new List<IOperation>()).Add(key);
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="side"/> is a member the application declares on the lambda's record whose name says it
    /// holds a secret (<c>f.ShareToken</c>, <c>DownloadToken</c>, <c>AccessToken</c>, <c>ShareKey</c>, <c>Secret</c>): a
    /// lookup by it finds only the record of whoever was given the value, an unguessable per-file link the owner made,
    /// so it is a gate, not a choice of the requester's. A lookup by <c>Id</c>, <c>Name</c> or <c>FileName</c> is not.
    /// </summary>
    private static bool IsSecretMember(IOperation side, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
    {
        side = side.WithoutConversions();
        if (side is IInvocationOperation { TargetMethod.Name: "ToString" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim", Instance: { } instance })
        {
            side = instance.WithoutConversions();
        }

        ISymbol? member = side switch
        {
            IPropertyReferenceOperation { Instance: IParameterReferenceOperation owner } property
                when parameters.IndexOf(owner.Parameter, 0, SymbolEqualityComparer.Default) >= 0 => property.Property,
            IFieldReferenceOperation { Instance: IParameterReferenceOperation owner } field
                when parameters.IndexOf(owner.Parameter, 0, SymbolEqualityComparer.Default) >= 0 => field.Field,
            _ => null,
        };
        if (member is null || PersonalData.FrameworkAssemblies.Declares(member))
        {
            return false;
        }

        var words = PersonalData.NameTokens.Split(member.Name);
        var secret = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (IsAccountSecretWord(words[i]))
            {
                // RefreshToken, PasswordResetToken, EmailConfirmationToken, ApiKey's kin: an account's or a session's
                // secret, not a link the owner made to share the file.
                return false;
            }

            if (words[i] is "token" or "secret" ||
                words[i] == "key" && i > 0 && words[i - 1] is "share" or "download" or "access" or "link" or "secret")
            {
                secret = true;
            }
        }

        return secret;
    }

    /// <summary>A word that says a secret serves an account or a session, not a share: refresh, reset, confirmation, …</summary>
    private static bool IsAccountSecretWord(string word) => word is
        "refresh" or "reset" or "password" or "pwd" or "confirm" or "confirmation" or "verify" or "verification" or "email" or
        "activation" or "activate" or "auth" or "authentication" or "jwt" or "bearer" or "id" or "api" or "session" or "csrf" or
        "xsrf" or "antiforgery" or "security" or "concurrency" or "device" or "push" or "fcm" or "firebase" or "login" or
        "otp" or "recovery" or "registration" or "invite" or "invitation" or "unsubscribe" or "remember" or "oauth";

    /// <summary>
    /// True when <paramref name="key"/>, the value a secret member is compared with, reads a value of the request
    /// (through calls, such as a hash or <c>Trim()</c>, and through a local of the same method, one assignment deep):
    /// a secret compared with a setting, a constant or another record's member gates nothing the requester brings.
    /// </summary>
    private bool ReadsRequestValue(IOperation key, IAnonymousFunctionOperation lambda, int depth)
    {
        foreach (var operation in key.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IParameterReferenceOperation reference when lambda.Symbol.Parameters.IndexOf(reference.Parameter, 0, SymbolEqualityComparer.Default) < 0:
                    if (_isRequestValue is null ? reference.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: not MethodKind.Constructor } : _isRequestValue(reference))
                    {
                        return true;
                    }

                    break;

                case IPropertyReferenceOperation when _isRequestValue is not null && _isRequestValue(operation):
                    return true;

                case ILocalReferenceOperation local when depth == 0:
                    foreach (var value in LocalValues(local.Local, lambda))
                    {
                        if (ReadsRequestValue(value, lambda, depth + 1))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>The values a local is given in the body that holds <paramref name="inside"/> (its initializer, its assignments).</summary>
    private static IEnumerable<IOperation> LocalValues(ILocalSymbol local, IOperation inside)
    {
        var root = inside;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                    when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    yield return initializer.Value;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                    when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }

    private static bool Reads(IOperation operation, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters)
    {
        if (Is(operation, parameters))
        {
            return true;
        }

        foreach (var inner in operation.Descendants())
        {
            if (Is(inner, parameters))
            {
                return true;
            }
        }

        return false;

        static bool Is(IOperation operation, System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters) =>
            operation is IParameterReferenceOperation reference && parameters.IndexOf(reference.Parameter, 0, SymbolEqualityComparer.Default) >= 0;
    }

    /// <summary>True when <paramref name="value"/> reads the signed-in user (a <c>ClaimsPrincipal</c>, an <c>IPrincipal</c> or its <c>IIdentity</c>), itself or through the locals it reads (three levels).</summary>
    private bool IsSignedInUsers(IOperation value, int depth)
    {
        if (IsUser(value))
        {
            return true;
        }

        foreach (var inner in value.Descendants())
        {
            if (IsUser(inner))
            {
                return true;
            }
        }

        return false;

        bool IsUser(IOperation operation)
        {
            if (WellKnownTypes.DerivesFrom(operation.Type, _symbols.ClaimsPrincipal) ||
                operation.Type is { } type && (WellKnownTypes.Implements(type, _symbols.IPrincipal) || WellKnownTypes.Implements(type, _symbols.IIdentity)))
            {
                return true;
            }

            if (operation is ILocalReferenceOperation local && depth < 3 && _sinks is not null)
            {
                foreach (var assigned in _sinks.BodyIndex(operation).ValuesOf(local.Local))
                {
                    if (IsSignedInUsers(assigned, depth + 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
