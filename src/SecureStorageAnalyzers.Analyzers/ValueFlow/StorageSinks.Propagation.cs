using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// What carries a value along: string and path helpers, formatting, encodings, unkeyed hashes.
internal sealed partial class StorageSinks
{
    /// <summary>Calls that keep the identifier in the value: string and path helpers, formatting, encodings, unkeyed hashes.</summary>
    public bool Propagates(IMethodSymbol method, out bool unkeyedHash)
    {
        unkeyedHash = false;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        if (method.Name == nameof(ToString) && !method.IsStatic)
        {
            return true;
        }

        // The type's definition and name read once for the comparisons below (h-perf18b: they were read per comparison).
        var definition = type.OriginalDefinition;
        var name = definition.Name;
        if (SymbolEquality.IsDefinition(definition, name, String) || SymbolEquality.IsDefinition(definition, name, Convert) ||
            SymbolEquality.IsDefinition(definition, name, Uri) || SymbolEquality.IsDefinition(definition, name, WebUtility) ||
            WellKnownTypes.DerivesFrom(type, Encoding) ||
            SymbolEquality.IsDefinition(definition, name, StringBuilder) && MethodBodyIndex.IsStringBuilderAppend(method))
        {
            return true;
        }

        // Regex.Replace(name, "[^a-z]", ""), new Regex(…).Replace(name, "_"): what is left of the input is the input.
        if (SymbolEquality.IsDefinition(definition, name, Regex))
        {
            return method.Name == "Replace";
        }

        // name.Normalize(…).Where(c => …).ToArray(), name.Select(char.ToLowerInvariant): what is left of the characters is the input.
        if (SymbolEquality.IsDefinition(definition, name, Enumerable))
        {
            return method.IsExtensionMethod && method.Parameters.Length > 0 && IsCharSequence(method.Parameters[0].Type) &&
                   IsCharSequence(method.ReturnType);
        }

        if (SymbolEquality.IsDefinition(definition, name, PathType))
        {
            return method.Name is not ("GetRandomFileName" or "GetTempFileName" or "GetTempPath");
        }

        if (WellKnownTypes.DerivesFrom(type, HashAlgorithm) && !WellKnownTypes.DerivesFrom(type, Hmac) &&
            method.Name is "HashData" or "HashDataAsync" or "ComputeHash" or "ComputeHashAsync" or "TryHashData")
        {
            unkeyedHash = true;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="invalid"/> is a call the compiler could not bind only because of what it was handed (an
    /// argument whose type is unknown: an entity of a package the build does not have, <c>Path.Combine(folder,
    /// record.Code)</c>), and every method it considered is one that keeps its inputs in the value (<see cref="Propagates"/>,
    /// no hash): the value is made of the operation's children, the resolvable ones among them. An unknown method, or a
    /// call with no candidate at all (a member of an unknown type), is not one. The symbol information is asked only for
    /// an invalid operation a walk reaches, never per node. <paramref name="pathBuilder"/> tells whether the candidates
    /// build paths (<see cref="IsPathBuilder(IMethodSymbol)"/>).
    /// </summary>
    public bool IsUnboundStringCall(IInvalidOperation invalid, out bool pathBuilder)
    {
        pathBuilder = false;
        if (invalid.Syntax is not InvocationExpressionSyntax || invalid.SemanticModel is not { } model)
        {
            return false;
        }

        var info = model.GetSymbolInfo(invalid.Syntax);
        if (info.Symbol is not null || info.CandidateSymbols.IsEmpty)
        {
            return false;
        }

        var builds = true;
        foreach (var candidate in info.CandidateSymbols)
        {
            if (candidate is not IMethodSymbol method || !Propagates(method, out var unkeyedHash) || unkeyedHash)
            {
                return false;
            }

            builds &= IsPathBuilder(method);
        }

        pathBuilder = builds;
        return true;
    }

    /// <summary>
    /// The operations <paramref name="invalid"/> (an unbound call, <see cref="IsUnboundStringCall"/>) was handed, in the
    /// order of its arguments; its receiver is left out. A child not found for an argument ends the list there.
    /// </summary>
    public static System.Collections.Generic.List<IOperation> UnboundArguments(IInvalidOperation invalid)
    {
        var arguments = new System.Collections.Generic.List<IOperation>();
        if (invalid.Syntax is not InvocationExpressionSyntax { ArgumentList.Arguments: var syntaxArguments })
        {
            return arguments;
        }

        foreach (var argument in syntaxArguments)
        {
            IOperation? found = null;
            foreach (var child in invalid.ChildOperations)
            {
                if (argument.Expression.Span.Contains(child.Syntax.Span) && child.Syntax.Span.Contains(argument.Expression.Span))
                {
                    found = child;
                    break;
                }
            }

            if (found is null)
            {
                break;
            }

            arguments.Add(found);
        }

        return arguments;
    }

    /// <summary>A sequence of characters: a <c>string</c>, a <c>char[]</c>, or a generic collection of <c>char</c> (<c>IEnumerable&lt;char&gt;</c>, <c>List&lt;char&gt;</c>).</summary>
    private static bool IsCharSequence(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_String } => true,
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Char,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named => named.TypeArguments[0].SpecialType == SpecialType.System_Char,
        _ => false,
    };
}
