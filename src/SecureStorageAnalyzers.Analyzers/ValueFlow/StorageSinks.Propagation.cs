using Microsoft.CodeAnalysis;
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

        if (SymbolEquality.DefinitionIs(type, String) || SymbolEquality.DefinitionIs(type, Convert) || SymbolEquality.DefinitionIs(type, Uri) ||
            SymbolEquality.DefinitionIs(type, WebUtility) || WellKnownTypes.DerivesFrom(type, Encoding) ||
            SymbolEquality.DefinitionIs(type, StringBuilder) && MethodBodyIndex.IsStringBuilderAppend(method))
        {
            return true;
        }

        // Regex.Replace(name, "[^a-z]", ""), new Regex(…).Replace(name, "_"): what is left of the input is the input.
        if (SymbolEquality.DefinitionIs(type, Regex))
        {
            return method.Name == "Replace";
        }

        // name.Normalize(…).Where(c => …).ToArray(), name.Select(char.ToLowerInvariant): what is left of the characters is the input.
        if (SymbolEquality.DefinitionIs(type, Enumerable))
        {
            return method.IsExtensionMethod && method.Parameters.Length > 0 && IsCharSequence(method.Parameters[0].Type) &&
                   IsCharSequence(method.ReturnType);
        }

        if (SymbolEquality.DefinitionIs(type, PathType))
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

    /// <summary>A sequence of characters: a <c>string</c>, a <c>char[]</c>, or a generic collection of <c>char</c> (<c>IEnumerable&lt;char&gt;</c>, <c>List&lt;char&gt;</c>).</summary>
    private static bool IsCharSequence(ITypeSymbol type) => type switch
    {
        { SpecialType: SpecialType.System_String } => true,
        IArrayTypeSymbol array => array.ElementType.SpecialType == SpecialType.System_Char,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named => named.TypeArguments[0].SpecialType == SpecialType.System_Char,
        _ => false,
    };
}
