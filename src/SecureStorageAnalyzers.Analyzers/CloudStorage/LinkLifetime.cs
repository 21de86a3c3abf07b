using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// How long a share link lives, read from the code that sets its expiry, in seconds: a duration
/// (<c>TimeSpan.FromDays(30)</c>, <c>new TimeSpan(30, 0, 0, 0)</c>), a point in time relative to now
/// (<c>DateTimeOffset.UtcNow.AddYears(1)</c>, <c>DateTime.UtcNow + TimeSpan.FromDays(30)</c>,
/// <c>timeProvider.GetUtcNow().AddDays(8)</c>) or a number of seconds (MinIO's expiry). <c>MaxValue</c> of
/// <c>DateTime</c>, <c>DateTimeOffset</c> and <c>TimeSpan</c> is forever (<see cref="double.PositiveInfinity"/>).
/// Constants, <c>const</c>s, locals given exactly one value and <c>static readonly</c> fields whose only value is their
/// initializer in the same file are followed; anything else (configuration, a parameter, another field, a fixed calendar
/// date) is unknown (null): an analyzer cannot know today's date at run time, so <c>new DateTimeOffset(2030, 1, 1, …)</c>
/// is left alone. SSA0010 compares it with <c>SSA0010.max_link_lifetime</c>.
/// </summary>
internal sealed class LinkLifetime
{
    /// <summary>How deep a value is followed through locals and nested expressions.</summary>
    private const int MaxDepth = 8;

    private const double Day = 86400;

    private readonly WellKnownTypes _types;

    // The time types are resolved on the first lifetime asked, not with the catalog: a compilation without a cloud SDK
    // never asks one, and resolving them cost it about 0.5 M instructions (docs/performance.md).
    public LinkLifetime(WellKnownTypes types) => _types = types;

    private INamedTypeSymbol? TimeSpanType => _types.TimeSpan;

    private INamedTypeSymbol? DateTimeType => _types.DateTime;

    private INamedTypeSymbol? DateTimeOffsetType => _types.DateTimeOffset;

    private INamedTypeSymbol? TimeProviderType => _types.TimeProvider;

    /// <summary>The lifetime in seconds that <paramref name="value"/> sets, or null when it is not known at compile time.</summary>
    public double? Seconds(IOperation value) => Evaluate(value, 0);

    private double? Evaluate(IOperation? value, int depth)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: { } constant } && Number(constant) is { } number)
        {
            return number;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                var values = StorageSinks.Create(_types).BodyIndex(value).ValuesOf(local.Local);
                return values.Count == 1 ? Evaluate(values[0], depth + 1) : null;

            case IParenthesizedOperation parenthesized:
                return Evaluate(parenthesized.Operand, depth + 1);

            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "MaxValue" } field } when IsTimeType(field.ContainingType):
                return double.PositiveInfinity;

            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return Evaluate(InitializerInSameTree(field, value), depth + 1);

            case IPropertyReferenceOperation { Property: { IsStatic: true } property } when IsClock(property.ContainingType):
                // DateTime.UtcNow, DateTime.Now, DateTime.Today, DateTimeOffset.UtcNow, DateTimeOffset.Now: now.
                return property.Name is "UtcNow" or "Now" or "Today" ? 0 : null;

            case IPropertyReferenceOperation { Property: { IsStatic: false } property, Instance: { } instance }
                when SymbolEqualityComparer.Default.Equals(property.ContainingType, TimeSpanType):
                // (int)TimeSpan.FromDays(30).TotalSeconds, as MinIO's expiry is often written.
                return Evaluate(instance, depth + 1) is { } seconds
                    ? property.Name switch
                    {
                        "TotalSeconds" => seconds,
                        "TotalMinutes" => seconds / 60,
                        "TotalHours" => seconds / 3600,
                        "TotalDays" => seconds / Day,
                        _ => null,
                    }
                    : null;

            case IInvocationOperation invocation:
                return Invocation(invocation, depth);

            case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, TimeSpanType):
                return SumOfArguments(creation.Arguments, factorOfValue: 0, depth);

            case IBinaryOperation binary:
                return Binary(binary, depth);

            default:
                return null;
        }
    }

    /// <summary>
    /// The initializer of a <c>static readonly</c> field (<c>static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(365)</c>)
    /// when it is the field's only value: declared once in the document being analysed, in a type without a static
    /// constructor that could assign it. Only the same document is bound, so the IDE's per-document analysis and a build
    /// read the same value.
    /// </summary>
    private static IOperation? InitializerInSameTree(IFieldSymbol field, IOperation reference)
    {
        if (reference.SemanticModel is not { } model || field.DeclaringSyntaxReferences.Length != 1 ||
            field.ContainingType is not { } type || type.StaticConstructors.Any(c => !c.IsImplicitlyDeclared))
        {
            return null;
        }

        var declaration = field.DeclaringSyntaxReferences[0];
        if (declaration.SyntaxTree != model.SyntaxTree ||
            declaration.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return null;
        }

        return model.GetOperation(initializer);
    }

    private double? Invocation(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (method.IsStatic && SymbolEqualityComparer.Default.Equals(type, TimeSpanType))
        {
            // TimeSpan.FromDays(double value), and since .NET 9 FromDays(int days, int hours = 0, long minutes = 0, …).
            var factor = Factor(method.Name.StartsWith("From", StringComparison.Ordinal) ? method.Name.Substring(4) : "");
            return factor is { } unit ? SumOfArguments(invocation.Arguments, unit, depth) : null;
        }

        if (!method.IsStatic && invocation.Instance is { } instance && IsClock(type))
        {
            // now.AddDays(8), now.Add(TimeSpan.FromDays(8)), chained: now.AddDays(1).AddHours(2).
            if (method.Name == "Add" && invocation.Arguments.Length == 1)
            {
                return Sum(Evaluate(instance, depth + 1), Evaluate(invocation.Arguments[0].Value, depth + 1));
            }

            var unit = method.Name.StartsWith("Add", StringComparison.Ordinal) ? Factor(method.Name.Substring(3)) : null;
            return unit is { } factor && invocation.Arguments.Length == 1 && Evaluate(invocation.Arguments[0].Value, depth + 1) is { } amount
                ? Sum(Evaluate(instance, depth + 1), amount * factor)
                : null;
        }

        if (!method.IsStatic && method.Name is "GetUtcNow" or "GetLocalNow" && type is not null &&
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, TimeProviderType))
        {
            return 0;
        }

        return null;
    }

    private double? Binary(IBinaryOperation binary, int depth)
    {
        var left = Evaluate(binary.LeftOperand, depth + 1);
        var right = Evaluate(binary.RightOperand, depth + 1);
        if (left is not { } a || right is not { } b)
        {
            return null;
        }

        // now + duration, duration + duration, and numbers (days * 86400) that are not constants.
        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Add => a + b,
            BinaryOperatorKind.Multiply when binary.OperatorMethod is null => a * b,
            _ => null,
        };
    }

    /// <summary>The sum of the arguments, each by its parameter's unit (<c>days</c>, <c>hours</c>, …; a <c>value</c> by <paramref name="factorOfValue"/>).</summary>
    private double? SumOfArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, double factorOfValue, int depth)
    {
        double total = 0;
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || Evaluate(argument.Value, depth + 1) is not { } amount)
            {
                return null;
            }

            var factor = parameter.Name == "value" ? factorOfValue : Factor(parameter.Name);
            if (factor is not { } unit || unit == 0)
            {
                return null;
            }

            total += amount * unit;
        }

        return total;
    }

    /// <summary>Seconds per unit named by a <c>From…</c>/<c>Add…</c> method or a <see cref="TimeSpan"/> parameter; a year as 365 days, a month as 30.</summary>
    private static double? Factor(string unit) =>
        unit switch
        {
            "Years" => 365 * Day,
            "Months" or "months" => 30 * Day,
            "Days" or "days" => Day,
            "Hours" or "hours" => 3600,
            "Minutes" or "minutes" => 60,
            "Seconds" or "seconds" => 1,
            "Milliseconds" or "milliseconds" => 1e-3,
            "Microseconds" or "microseconds" => 1e-6,
            "Ticks" or "ticks" => 1e-7,
            _ => null,
        };

    private static double? Sum(double? a, double? b) => a is { } x && b is { } y ? x + y : null;

    private bool IsClock(INamedTypeSymbol? type) =>
        type is not null &&
        (SymbolEqualityComparer.Default.Equals(type, DateTimeType) || SymbolEqualityComparer.Default.Equals(type, DateTimeOffsetType));

    private bool IsTimeType(INamedTypeSymbol? type) => IsClock(type) || SymbolEqualityComparer.Default.Equals(type, TimeSpanType);

    private static double? Number(object constant) =>
        constant switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            short s => s,
            uint u => u,
            ulong ul => ul,
            decimal m => (double)m,
            _ => null,
        };
}
