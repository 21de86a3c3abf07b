using System;
using System.Collections.Generic;
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
/// classic ASP.NET's <c>IPrincipal</c>/<c>IIdentity</c>) finds the caller's own record: no keys.
/// </summary>
internal sealed class RecordLookups
{
    private readonly RequestSymbols _symbols;
    private readonly StorageSinks? _sinks;

    public RecordLookups(RequestSymbols symbols, StorageSinks? sinks)
    {
        _symbols = symbols;
        _sinks = sinks;
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

            if (IsSignedInUsers(key, 0))
            {
                return false;
            }

            (keys ??= new List<IOperation>()).Add(key);
        }

        return true;
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
