using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

internal static class OperationExtensions
{
    /// <summary>True when the value is the compile-time constant <see langword="true"/>.</summary>
    public static bool IsConstantTrue(this IOperation value) =>
        value.ConstantValue is { HasValue: true, Value: true };
}
