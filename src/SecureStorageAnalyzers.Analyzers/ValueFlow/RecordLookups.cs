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

    /// <summary>
    /// The body a call of the project's own interface member runs: its one implementation in the compilation
    /// (<see cref="ProjectImplementations"/>, the helper SSA0101's summaries use), so that a record an injected service
    /// finds (<c>_documents.GetByIdAsync(id)</c> through <c>IDocumentService</c>) is followed like one a concrete class
    /// finds. One hop, and only into the project's own classes: null for any other method.
    /// </summary>
    public IMethodSymbol? ImplementationOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken) =>
        method.IsAbstract ? _symbols.Implementations.Single(method, cancellationToken) : null;

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

    /// <summary>The type a call's value is read as: <c>T</c> of a <c>Task&lt;T&gt;</c>, or the type itself.</summary>
    private static ITypeSymbol? RecordType(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task &&
        task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
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
