using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PathFlow;

/// <summary>
/// A string built like a path: an interpolation or the outermost string concatenation with a literal part that holds a
/// path separator, or a literal right after a value that starts with a file extension (<c>{phone}.mp3</c>). URLs
/// (<c>://</c>, a query string, a URL parameter) and strings handed straight to a logger, the console or an exception
/// are not paths.
/// </summary>
internal static class PathLikeStrings
{
    public static bool IsPathLike(IInterpolatedStringOperation interpolated, StorageSinks sinks)
    {
        var pathLike = false;
        var afterHole = false;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } })
            {
                switch (Classify(text, afterHole))
                {
                    case Shape.NotAPath:
                        return false;
                    case Shape.Path:
                        pathLike = true;
                        break;
                }

                afterHole = false;
            }
            else
            {
                afterHole = true;
            }
        }

        return pathLike && !IsMessage(interpolated, sinks);
    }

    public static bool IsPathLike(IBinaryOperation binary, StorageSinks sinks)
    {
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String ||
            binary.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
        {
            return false;
        }

        var pathLike = false;
        if (!Scan(binary, ref pathLike, out _))
        {
            return false;
        }

        return pathLike && !IsMessage(binary, sinks);
    }

    /// <summary>Scans a concatenation left to right. Returns false when a part says it is not a path.</summary>
    private static bool Scan(IOperation operand, ref bool pathLike, out bool endsWithValue)
    {
        if (operand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary &&
            binary.Type?.SpecialType == SpecialType.System_String)
        {
            if (!Scan(binary.LeftOperand, ref pathLike, out var leftEndsWithValue))
            {
                endsWithValue = false;
                return false;
            }

            var right = binary.RightOperand.WithoutImplicitConversions();
            if (right.ConstantValue is { HasValue: true, Value: string text })
            {
                endsWithValue = false;
                switch (Classify(text, leftEndsWithValue))
                {
                    case Shape.NotAPath:
                        return false;
                    case Shape.Path:
                        pathLike = true;
                        break;
                }

                return true;
            }

            return Scan(right, ref pathLike, out endsWithValue);
        }

        var single = operand.WithoutImplicitConversions();
        if (single.ConstantValue is { HasValue: true, Value: string literal })
        {
            endsWithValue = false;
            var shape = Classify(literal, false);
            pathLike |= shape == Shape.Path;
            return shape != Shape.NotAPath;
        }

        endsWithValue = true;
        return true;
    }

    private enum Shape
    {
        Neutral,
        Path,
        NotAPath,
    }

    private static Shape Classify(string text, bool afterValue)
    {
        if (text.IndexOf("://", System.StringComparison.Ordinal) >= 0 || text.IndexOf('?') >= 0 || text.IndexOf('=') >= 0)
        {
            return Shape.NotAPath;
        }

        if (text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0)
        {
            return Shape.Path;
        }

        return afterValue && StartsWithExtension(text) ? Shape.Path : Shape.Neutral;
    }

    /// <summary><c>.mp3</c>, <c>.wav"</c>, <c>.json_</c>: a dot, 2 to 5 letters or digits, then the end or a non-alphanumeric.</summary>
    private static bool StartsWithExtension(string text)
    {
        if (text.Length < 3 || text[0] != '.')
        {
            return false;
        }

        var length = 0;
        while (length + 1 < text.Length && char.IsLetterOrDigit(text[length + 1]))
        {
            length++;
        }

        return length is >= 2 and <= 5 && (length + 1 == text.Length || !char.IsLetter(text[length + 1]));
    }

    /// <summary>
    /// Handed straight to a logger, the console, a debug trace or an exception (a message), or to a parameter that takes
    /// a URL (<c>Results.Created(uri, …)</c>, <c>Redirect(url)</c>, <c>new Uri(…)</c>): not a storage path.
    /// </summary>
    private static bool IsMessage(IOperation operation, StorageSinks sinks)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IArgumentOperation argument)
        {
            if (argument.Parameter is { } parameter &&
                (parameter.Name.IndexOf("url", System.StringComparison.OrdinalIgnoreCase) >= 0 ||
                 parameter.Name.IndexOf("uri", System.StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }

            parent = argument.Parent;
        }

        return parent switch
        {
            IThrowOperation => true,
            IObjectCreationOperation creation => sinks.IsException(creation.Type) || sinks.IsUri(creation.Type),
            IInvocationOperation invocation => sinks.IsMessageSink(invocation.TargetMethod),
            _ => false,
        };
    }
}
