using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The framework methods whose <c>out</c> argument the value flow reads (<see cref="MethodBodyIndex"/>), matched by
/// symbol and resolved once per compilation:
/// <list type="bullet">
/// <item>a value type's own <c>TryParse</c>/<c>TryParseExact</c> (<c>int</c>, <c>long</c>, <c>decimal</c>, <c>DateTime</c>,
/// <c>Guid</c>, <c>DateTimeOffset</c>, <c>TimeSpan</c>, <c>DateOnly</c>, <c>TimeOnly</c>…): it writes the text it is
/// given, parsed;</item>
/// <item>a dictionary's <c>TryGetValue(key, out value)</c>: the <c>IDictionary&lt;TKey, TValue&gt;</c> or
/// <c>IReadOnlyDictionary&lt;TKey, TValue&gt;</c> member itself, or a platform class's method that implements it
/// (<c>Dictionary&lt;,&gt;</c>, <c>ConcurrentDictionary&lt;,&gt;</c>, <c>SortedDictionary&lt;,&gt;</c>…): it writes the
/// value the key finds. A dictionary the project implements is not one: its body says what it writes.</item>
/// </list>
/// </summary>
internal sealed class OutArgumentMethods
{
    private readonly SymbolSet<INamedTypeSymbol> _parsedTypes;
    private readonly INamedTypeSymbol? _dictionary;
    private readonly INamedTypeSymbol? _readOnlyDictionary;

    private OutArgumentMethods(WellKnownTypes types)
    {
        _parsedTypes = SymbolSet<INamedTypeSymbol>.Of(types.Guid, types.DateTimeOffset, types.TimeSpan, types.DateOnly, types.TimeOnly);
        _dictionary = types.IDictionaryOfTKeyTValue;
        _readOnlyDictionary = types.IReadOnlyDictionaryOfTKeyTValue;
    }

    /// <summary>The compilation's one instance.</summary>
    public static OutArgumentMethods For(WellKnownTypes types) => types.Shared(static t => new OutArgumentMethods(t));

    /// <summary>A framework value type's own <c>TryParse</c>/<c>TryParseExact</c>: its <c>out</c> argument is the text it parses.</summary>
    public bool IsTryParse(IMethodSymbol method) =>
        method is { IsStatic: true, Name: "TryParse" or "TryParseExact", ContainingType: { } type } && method.Parameters.Length >= 2 &&
        (IsParsedSpecialType(type.SpecialType) || _parsedTypes.Contains(type.OriginalDefinition));

    private static bool IsParsedSpecialType(SpecialType type) => type is
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or
        SpecialType.System_Decimal or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_DateTime;

    /// <summary>
    /// A framework dictionary's <c>TryGetValue(key, out value)</c>: the interface member, or the method of a platform
    /// class that implements it. Its <c>out</c> argument is the value the key finds.
    /// </summary>
    public bool IsTryGetValue(IMethodSymbol method)
    {
        if (method is not { IsStatic: false, Name: "TryGetValue", Parameters.Length: 2, ContainingType: { } type } ||
            method.Parameters[1].RefKind != RefKind.Out || _dictionary is null && _readOnlyDictionary is null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            return SymbolEquality.DefinitionIs(type, _dictionary) || SymbolEquality.DefinitionIs(type, _readOnlyDictionary);
        }

        if (type.ContainingAssembly is not { } assembly || !PersonalData.FrameworkAssemblies.IsPlatform(assembly.Name) || type.IsDeclaredInSource())
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (!SymbolEquality.DefinitionIs(@interface, _dictionary) && !SymbolEquality.DefinitionIs(@interface, _readOnlyDictionary))
            {
                continue;
            }

            foreach (var member in @interface.GetMembers("TryGetValue"))
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation &&
                    SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
