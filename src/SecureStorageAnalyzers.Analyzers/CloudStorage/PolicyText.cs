using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// The text of a bucket policy as far as the code shows it: constants, an interpolated string's literal parts
/// (<c>$$"""…arn:aws:s3:::{{bucketName}}/*…"""</c>), a <c>string.Format</c> format and a concatenation of constants, read
/// through the local that holds each (the same one-value rule as the other cloud settings). Every part the code does not
/// fix (a bucket name, a parameter, a configuration value) is one <see cref="Hole"/>: <see cref="PolicyDocument"/> reads
/// what is known and never lets a hole grant anything. Short and intraprocedural: a few levels of nesting, no calls followed.
/// </summary>
internal static class PolicyText
{
    /// <summary>A Unicode noncharacter standing for a part of the text the code does not fix; no policy holds it.</summary>
    public const char Hole = '\uFFFF';

    private const int MaxDepth = 6;

    /// <summary>The policy text with <see cref="Hole"/>s, or null when nothing of it is known.</summary>
    public static string? Read(WellKnownTypes types, IOperation value)
    {
        var text = new StringBuilder();
        Append(types, value, text, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != Hole)
            {
                return text.ToString();
            }
        }

        return null;
    }

    private static void Append(WellKnownTypes types, IOperation? value, StringBuilder text, int depth)
    {
        value = value?.WithoutConversions();
        if (value is null || depth > MaxDepth)
        {
            text.Append(Hole);
            return;
        }

        if (value.ConstantValue is { HasValue: true, Value: var constant })
        {
            if (constant is string s)
            {
                text.Append(s);
            }
            else
            {
                text.Append(Hole);
            }

            return;
        }

        switch (value)
        {
            case ILocalReferenceOperation:
                if (CloudAccessCatalog.SingleValue(types, value) is { } single && single is not ILocalReferenceOperation)
                {
                    Append(types, single, text, depth + 1);
                }
                else
                {
                    text.Append(Hole);
                }

                return;

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation textPart)
                    {
                        Append(types, textPart.Text, text, depth + 1);
                    }
                    else if (part is IInterpolationOperation { Alignment: null, FormatString: null } hole &&
                             hole.Expression.Type?.SpecialType == SpecialType.System_String)
                    {
                        Append(types, hole.Expression, text, depth + 1);
                    }
                    else
                    {
                        text.Append(Hole);
                    }
                }

                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                Append(types, concatenation.LeftOperand, text, depth + 1);
                Append(types, concatenation.RightOperand, text, depth + 1);
                return;

            case IInvocationOperation { TargetMethod.ContainingType.SpecialType: SpecialType.System_String } call:
                if (ReadStringCall(types, call, text, depth))
                {
                    return;
                }

                break;
        }

        text.Append(Hole);
    }

    /// <summary><c>string.Format(format, …)</c>, <c>string.Concat(…)</c> and <c>text.Replace(constant, …)</c>; false for any other.</summary>
    private static bool ReadStringCall(WellKnownTypes types, IInvocationOperation call, StringBuilder text, int depth)
    {
        var method = call.TargetMethod;
        switch (method.Name)
        {
            case "Format" when method.IsStatic && method.Parameters.Length > 0:
            {
                // string.Format(string format, …) or string.Format(IFormatProvider, string format, …).
                var formatIndex = method.Parameters[0].Type.SpecialType == SpecialType.System_String ? 0 : 1;
                var format = ArgumentFor(call, formatIndex);
                if (format is null || Read(types, format) is not { } pattern || pattern.IndexOf(Hole) >= 0)
                {
                    return false;
                }

                var arguments = FormatArguments(call, formatIndex);
                AppendFormatted(types, pattern, arguments, text, depth);
                return true;
            }

            case "Concat" when method.IsStatic:
                foreach (var argument in Flattened(call, 0))
                {
                    Append(types, argument, text, depth + 1);
                }

                return true;

            case "Replace" when !method.IsStatic && call.Instance is { } instance && call.Arguments.Length == 2 &&
                                method.Parameters[0].Type.SpecialType == SpecialType.System_String &&
                                ArgumentFor(call, 0) is { ConstantValue: { HasValue: true, Value: string { Length: > 0 } oldValue } } &&
                                ArgumentFor(call, 1) is { } newValue:
            {
                var source = new StringBuilder();
                Append(types, instance, source, depth + 1);
                var replacement = new StringBuilder();
                Append(types, newValue, replacement, depth + 1);
                text.Append(source.ToString().Replace(oldValue, replacement.ToString()));
                return true;
            }

            default:
                return false;
        }
    }

    /// <summary>The format with <c>{{</c>/<c>}}</c> unescaped and each <c>{n[,alignment][:format]}</c> replaced by argument n (a hole if unknown).</summary>
    private static void AppendFormatted(WellKnownTypes types, string format, System.Collections.Generic.List<IOperation> arguments, StringBuilder text, int depth)
    {
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{' || c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                text.Append(c);
                i++;
                continue;
            }

            if (c != '{')
            {
                text.Append(c);
                continue;
            }

            var close = format.IndexOf('}', i);
            if (close < 0)
            {
                text.Append(Hole);
                return;
            }

            var index = 0;
            var j = i + 1;
            var digits = 0;
            for (; j < close && char.IsDigit(format[j]); j++, digits++)
            {
                index = index * 10 + (format[j] - '0');
            }

            // Only a bare {n} takes the argument's text; an alignment or format makes it unknown.
            if (digits > 0 && j == close && index < arguments.Count && arguments[index].WithoutConversions().Type?.SpecialType == SpecialType.System_String)
            {
                Append(types, arguments[index], text, depth + 1);
            }
            else
            {
                text.Append(Hole);
            }

            i = close;
        }
    }

    /// <summary>The arguments after the format, a <c>params</c> array's elements in its place.</summary>
    private static System.Collections.Generic.List<IOperation> FormatArguments(IInvocationOperation call, int formatIndex) =>
        Flattened(call, formatIndex + 1);

    private static System.Collections.Generic.List<IOperation> Flattened(IInvocationOperation call, int fromParameter)
    {
        var list = new System.Collections.Generic.List<IOperation>();
        for (var p = fromParameter; p < call.TargetMethod.Parameters.Length; p++)
        {
            var argument = ArgumentFor(call, p);
            if (argument is null)
            {
                continue;
            }

            if (call.TargetMethod.Parameters[p].IsParams && argument is IArrayCreationOperation { Initializer: { } initializer })
            {
                list.AddRange(initializer.ElementValues);
            }
            else
            {
                list.Add(argument);
            }
        }

        return list;
    }

    private static IOperation? ArgumentFor(IInvocationOperation call, int parameterOrdinal)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Ordinal == parameterOrdinal)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
