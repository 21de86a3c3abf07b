using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Tests.Meta;

/// <summary>
/// The analyzer and code-fix assemblies keep no static mutable state: a compiler or IDE process runs the pack on many
/// compilations, in parallel and for hours, so anything static must be read-only and deeply immutable (strings, numbers,
/// immutable collections of those, descriptors, and the pack's own sealed types built only of such fields). State per
/// compilation lives in objects created by the compilation-start action. The one exception is the cache that shares
/// those objects between the pack's analyzers: a <c>ConditionalWeakTable</c> keyed by the <see cref="Compilation"/>,
/// whose entries go with their compilation and are never found from another.
/// </summary>
public class NoStaticMutableStateTests
{
    /// <summary>
    /// Each assembly with the least the scan must see: static fields checked (41 in the analyzers today; the code fixes
    /// have none, so for them the floor is on the types scanned, at least one per fixer), so a scan that finds nothing fails.
    /// </summary>
    public static IEnumerable<object[]> Assemblies() =>
    [
        [typeof(Descriptors).Assembly.GetName().Name!, 30, 50],
        [typeof(SecureStorageAnalyzers.CodeFixes.Hosting.SSA0005AnonymousFileEndpointCodeFixProvider).Assembly.GetName().Name!, 0, 6],
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void StaticFields_AreReadOnlyAndDeeplyImmutable(string assemblyName, int fieldFloor, int typeFloor)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assemblyName);
        var problems = new List<string>();
        var checkedFields = 0;
        var scannedTypes = 0;
        foreach (var type in assembly.GetTypes().Where(t => !IsCompilerGenerated(t)))
        {
            scannedTypes++;
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                // A static auto-property's backing field is compiler-generated but holds state like any other field.
                if (field.IsLiteral || IsCompilerGenerated(field) && !IsAutoPropertyBackingField(field))
                {
                    continue;
                }

                checkedFields++;
                if (field.IsInitOnly && IsPerCompilationCache(field.FieldType))
                {
                    continue;
                }

                if (!field.IsInitOnly)
                {
                    problems.Add($"{type.FullName}.{field.Name} is not readonly");
                }
                else if (!IsDeeplyImmutable(field.FieldType, new HashSet<Type>()))
                {
                    problems.Add($"{type.FullName}.{field.Name} is a {field.FieldType}, which can change");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(scannedTypes >= typeFloor, $"only {scannedTypes} types scanned in {assemblyName}, expected at least {typeFloor}");
        Assert.True(checkedFields >= fieldFloor,
            $"only {checkedFields} static fields checked in {assemblyName}, expected at least {fieldFloor}: the scan misses fields");
    }

    [Fact]
    public void TheCheck_RejectsMutableState()
    {
        Assert.True(IsPerCompilationCache(typeof(ConditionalWeakTable<Compilation, string>)));
        Assert.False(IsPerCompilationCache(typeof(ConditionalWeakTable<string, string>)));
        Assert.False(IsPerCompilationCache(typeof(Dictionary<Compilation, string>)));
        Assert.False(IsDeeplyImmutable(typeof(string[]), new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(List<string>), new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(System.Collections.Concurrent.ConcurrentDictionary<string, int>), new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(ImmutableArray<List<int>>), new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(Mutable), new HashSet<Type>()));
        Assert.True(IsDeeplyImmutable(typeof(ImmutableHashSet<string>), new HashSet<Type>()));
        Assert.True(IsDeeplyImmutable(typeof(Frozen), new HashSet<Type>()));

        // A static auto-property's hidden field is checked like a declared one; a type parameter could be anything.
        var backing = typeof(WithAutoProperty).GetField("<Items>k__BackingField", BindingFlags.Static | BindingFlags.NonPublic)!;
        Assert.True(IsAutoPropertyBackingField(backing));
        Assert.False(IsDeeplyImmutable(backing.FieldType, new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(List<>).GetGenericArguments()[0], new HashSet<Type>()));
        Assert.False(IsDeeplyImmutable(typeof(List<>), new HashSet<Type>()));
    }

    private static class WithAutoProperty
    {
        public static List<string> Items { get; } = new();
    }

    private sealed class Mutable
    {
        public int Count = 1;
    }

    private sealed class Frozen
    {
        public readonly ImmutableArray<string> Names = ImmutableArray<string>.Empty;
    }

    private static bool IsPerCompilationCache(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ConditionalWeakTable<,>) &&
        type.GetGenericArguments()[0] == typeof(Compilation);

    private static bool IsAutoPropertyBackingField(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.EndsWith(">k__BackingField", StringComparison.Ordinal);

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.Name.Contains('<', StringComparison.Ordinal) || member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static bool IsDeeplyImmutable(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
            type == typeof(DiagnosticDescriptor) || type == typeof(LocalizableString) || typeof(Delegate).IsAssignableFrom(type) ||
            typeof(StringComparer).IsAssignableFrom(type) || type == typeof(System.Text.RegularExpressions.Regex))
        {
            return true;
        }

        // A type parameter of an open generic type could be anything.
        if (type.IsGenericParameter)
        {
            return false;
        }

        // Immutable collections, and value tuples (a readonly field or an immutable collection hands out copies).
        if (type.IsGenericType && (type.Namespace == "System.Collections.Immutable" || type.Namespace == "System" && type.Name.StartsWith("ValueTuple`", StringComparison.Ordinal)))
        {
            return type.GetGenericArguments().All(argument => IsDeeplyImmutable(argument, visiting));
        }

        if (type.IsArray || type.IsInterface || type.IsAbstract)
        {
            return false;
        }

        // The pack's own types: sealed (or structs), every instance field readonly and deeply immutable.
        var ours = type.Assembly == typeof(Descriptors).Assembly ||
                   type.Assembly == typeof(SecureStorageAnalyzers.CodeFixes.Hosting.SSA0005AnonymousFileEndpointCodeFixProvider).Assembly ||
                   type.Assembly == typeof(NoStaticMutableStateTests).Assembly;
        if (!ours || !(type.IsSealed || type.IsValueType))
        {
            return false;
        }

        if (!visiting.Add(type))
        {
            return true;
        }

        return type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .All(field => field.IsInitOnly && IsDeeplyImmutable(field.FieldType, visiting));
    }
}
