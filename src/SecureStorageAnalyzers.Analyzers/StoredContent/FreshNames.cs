using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// Does a path hold a name minted right here that nobody can guess? <c>Guid.NewGuid()</c>, <c>Path.GetRandomFileName()</c>,
/// <c>Path.GetTempFileName()</c>, <c>RandomNumberGenerator</c>, a time in ticks, or a time formatted to the millisecond
/// (<c>"yyyyMMddHHmmssfff"</c>). Found anywhere in the path's value, through the locals of the same method. A name taken
/// from the request, the user's data, a stored value or a counter is not fresh, and neither is a <c>Guid</c> passed in
/// (an order id travels in URLs). A write under such a name is not SSA0006's finding, whether written here or in the
/// project's own helper (<c>ProjectHelperPaths</c>).
/// </summary>
internal static class FreshNames
{
    private const int MaxDepth = 24;

    public static bool Has(IOperation path, StorageSinks sinks) => Scan(path, sinks, 0, null);

    private static bool Scan(IOperation operation, StorageSinks sinks, int depth, ILocalSymbol? from)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IInvocationOperation invocation when IsMinting(invocation):
                return true;
            case IPropertyReferenceOperation { Property.Name: "Ticks" } ticks when IsTime(ticks.Property.ContainingType):
                return true;
            case IInterpolationOperation { FormatString: { ConstantValue: { HasValue: true, Value: string format } } } hole
                when IsTime(hole.Expression.Type) && HasMilliseconds(format):
                return true;
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } formatted
                when IsTime(instance.Type) && formatted.Arguments.Length > 0 &&
                     formatted.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string toStringFormat } &&
                     HasMilliseconds(toStringFormat):
                return true;
            case ILocalReferenceOperation local when !SymbolEqualityComparer.Default.Equals(local.Local, from):
                foreach (var value in sinks.BodyIndex(local).ValuesOf(local.Local))
                {
                    if (Scan(value, sinks, depth + 1, local.Local))
                    {
                        return true;
                    }
                }

                return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (Scan(child, sinks, depth + 1, from))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMinting(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null || !IsSystemNamespace(type.ContainingNamespace, out var sub))
        {
            return false;
        }

        return (sub, type.Name, method.Name) switch
        {
            (null, "Guid", "NewGuid") => true,
            (null, "Guid", "CreateVersion7") => true,
            ("IO", "Path", "GetRandomFileName") => true,
            ("IO", "Path", "GetTempFileName") => true,
            ("Security.Cryptography", "RandomNumberGenerator", _) => true,
            _ => false,
        };
    }

    private static bool IsTime(ITypeSymbol? type) =>
        type is { Name: "DateTime" or "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool HasMilliseconds(string format) => format.IndexOf("fff", System.StringComparison.Ordinal) >= 0;

    /// <summary>True for <c>System</c> (sub null) and <c>System.IO</c>, <c>System.Security.Cryptography</c> (sub their rest).</summary>
    private static bool IsSystemNamespace(INamespaceSymbol? ns, out string? sub)
    {
        sub = ns switch
        {
            { Name: "System", ContainingNamespace.IsGlobalNamespace: true } => null,
            { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } => "IO",
            { Name: "Cryptography", ContainingNamespace: { Name: "Security", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } => "Security.Cryptography",
            _ => string.Empty,
        };
        return sub != string.Empty;
    }
}
