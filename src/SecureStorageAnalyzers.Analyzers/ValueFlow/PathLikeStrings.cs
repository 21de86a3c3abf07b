using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// A string built as a storage path: an interpolation or the outermost string concatenation with a literal part that
/// holds a path separator, or a literal right after a value that starts with a file extension (<c>{phone}.mp3</c>), and
/// that is either built from a place on disk (a content or web root, <c>Path.*</c>, <c>AppContext.BaseDirectory</c>, a
/// drive or <c>~/</c> prefix: see <see cref="StorageSinks.IsFileSystemRoot"/>) or names a file (a file extension after
/// a value or at its end). A relative URL or route (<c>$"api/v1/users/{email}"</c>), an HTML snippet (<c>"&lt;br/&gt;"</c>),
/// URLs (<c>://</c>, a query string, a URL parameter) and strings handed straight to a logger, the console or an
/// exception are not storage paths by themselves; such a string that reaches a storage call is found at that call.
/// </summary>
internal static class PathLikeStrings
{
    public static bool IsPathLike(IInterpolatedStringOperation interpolated, StorageSinks sinks)
    {
        var shape = new Scanned();
        var afterHole = false;
        var first = true;
        foreach (var part in interpolated.Parts)
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } })
            {
                if (!shape.Text(text, afterHole, first))
                {
                    return false;
                }

                afterHole = false;
            }
            else
            {
                shape.Value(false);

                afterHole = true;
            }

            first = false;
        }

        if (!shape.PathLike)
        {
            return false;
        }

        if (!shape.IsStoragePath)
        {
            // Only now, for the few strings shaped like paths: is one of its values a place on disk?
            foreach (var part in interpolated.Parts)
            {
                if (part is IInterpolationOperation hole && sinks.IsFileSystemRoot(hole.Expression))
                {
                    shape.Rooted = true;
                    break;
                }
            }
        }

        return shape.IsStoragePath && !IsMessage(interpolated, sinks);
    }

    public static bool IsPathLike(IBinaryOperation binary, StorageSinks sinks)
    {
        if (binary.OperatorKind != BinaryOperatorKind.Add || binary.Type?.SpecialType != SpecialType.System_String ||
            binary.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add })
        {
            return false;
        }

        var shape = new Scanned();
        var first = true;
        if (!Scan(binary, ref shape, ref first, out _) || !shape.PathLike)
        {
            return false;
        }

        if (!shape.IsStoragePath && HasRootOperand(binary, sinks))
        {
            // Only now, for the few concatenations shaped like paths: is one of its values a place on disk?
            shape.Rooted = true;
        }

        return shape.IsStoragePath && !IsMessage(binary, sinks);
    }

    /// <summary>What the parts of a string seen so far say.</summary>
    private struct Scanned
    {
        public bool PathLike;
        public bool NamesFile;
        public bool Rooted;
        public bool LastWasText;
        public string? LastText;

        public readonly bool IsStoragePath =>
            PathLike && (Rooted || NamesFile || LastWasText && LastText is not null && EndsWithExtension(LastText));

        /// <summary>Takes one literal part; false when it says the string is not a path.</summary>
        public bool Text(string text, bool afterValue, bool first)
        {
            LastWasText = true;
            LastText = text;
            if (first && StartsLikeRoot(text))
            {
                Rooted = true;
            }

            switch (Classify(text, afterValue))
            {
                case Shape.NotAPath:
                    return false;
                case Shape.Path:
                    PathLike = true;
                    break;
            }

            if (afterValue && StartsWithExtension(text))
            {
                NamesFile = true;
            }

            return true;
        }

        public void Value(bool root)
        {
            LastWasText = false;
            Rooted |= root;
        }
    }

    private static bool HasRootOperand(IOperation operand, StorageSinks sinks)
    {
        while (operand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary &&
               binary.Type?.SpecialType == SpecialType.System_String)
        {
            if (HasRootOperand(binary.RightOperand.WithoutImplicitConversions(), sinks))
            {
                return true;
            }

            operand = binary.LeftOperand;
        }

        var single = operand.WithoutImplicitConversions();
        return single.ConstantValue is not { HasValue: true } && sinks.IsFileSystemRoot(single);
    }

    /// <summary>Scans a concatenation left to right. Returns false when a part says it is not a path.</summary>
    private static bool Scan(IOperation operand, ref Scanned shape, ref bool first, out bool endsWithValue)
    {
        if (operand is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary &&
            binary.Type?.SpecialType == SpecialType.System_String)
        {
            if (!Scan(binary.LeftOperand, ref shape, ref first, out var leftEndsWithValue))
            {
                endsWithValue = false;
                return false;
            }

            var right = binary.RightOperand.WithoutImplicitConversions();
            if (right.ConstantValue is { HasValue: true, Value: string text })
            {
                endsWithValue = false;
                var ok = shape.Text(text, leftEndsWithValue, first);
                first = false;
                return ok;
            }

            return Scan(right, ref shape, ref first, out endsWithValue);
        }

        var single = operand.WithoutImplicitConversions();
        if (single.ConstantValue is { HasValue: true, Value: string literal })
        {
            endsWithValue = false;
            var ok = shape.Text(literal, false, first);
            first = false;
            return ok;
        }

        shape.Value(false);
        first = false;
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

    /// <summary><c>~/</c> (an application-relative path), <c>./</c>, <c>../</c> (or with <c>\</c>), a drive (<c>C:\</c>) or a UNC share.</summary>
    private static bool StartsLikeRoot(string text) =>
        text.StartsWith("~/", System.StringComparison.Ordinal) || text.StartsWith("./", System.StringComparison.Ordinal) ||
        text.StartsWith("../", System.StringComparison.Ordinal) || text.StartsWith("~\\", System.StringComparison.Ordinal) ||
        text.StartsWith(".\\", System.StringComparison.Ordinal) || text.StartsWith("..\\", System.StringComparison.Ordinal) ||
        text.StartsWith("\\\\", System.StringComparison.Ordinal) ||
        text.Length >= 3 && char.IsLetter(text[0]) && text[1] == ':' && text[2] is '\\' or '/';

    /// <summary>
    /// <c>.mp3</c>, <c>.wav"</c>, <c>.json_</c>: a dot, 2 to 5 letters or digits, then the end or a character that is
    /// neither a letter nor white space. A word after a dot and then a space is a sentence, not a file name (held-out set
    /// 18: <c>"Hi " + applicant.FirstName + " your room no is " + room + ".Pay GHS" + fees + …</c>, an SMS text).
    /// </summary>
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

        return length is >= 2 and <= 5 &&
               (length + 1 == text.Length || !char.IsLetter(text[length + 1]) && !char.IsWhiteSpace(text[length + 1]));
    }

    /// <summary><c>recording.wav</c>, <c>/audio/call.mp3</c>: the text ends with a dot and 2 to 5 letters or digits, at least one a letter.</summary>
    private static bool EndsWithExtension(string text)
    {
        var length = 0;
        var letter = false;
        while (length < text.Length && char.IsLetterOrDigit(text[text.Length - 1 - length]))
        {
            letter |= char.IsLetter(text[text.Length - 1 - length]);
            length++;
        }

        return length is >= 2 and <= 5 && letter && text.Length > length && text[text.Length - 1 - length] == '.';
    }

    /// <summary>
    /// Handed straight to a logger, the console, a debug trace or an exception (a message), or to a parameter that takes
    /// a URL (<c>Results.Created(uri, …)</c>, <c>Redirect(url)</c>, <c>new Uri(…)</c>), or assigned to a Web Forms link's
    /// or picture's URL (<c>hyperLink.NavigateUrl = "~/Resumes/" + file</c>, <see cref="StorageSinks.IsUrlProperty"/>): not a storage path.
    /// </summary>
    private static bool IsMessage(IOperation operation, StorageSinks sinks)
    {
        var parent = operation.ParentSkippingConversions();
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
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment =>
                !ReferenceEquals(assignment.Target, operation) && sinks.IsUrlProperty(target.Property),
            IObjectCreationOperation creation => sinks.IsException(creation.Type) || sinks.IsUri(creation.Type),
            IInvocationOperation invocation => sinks.IsMessageSink(invocation.TargetMethod),
            _ => false,
        };
    }
}
