using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>True when the value is the compile-time constant <see langword="true"/>.</summary>
    public static bool IsConstantTrue(this IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: true };

    /// <summary>The root of the operation tree <paramref name="operation"/> belongs to (its method body or initializer).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
