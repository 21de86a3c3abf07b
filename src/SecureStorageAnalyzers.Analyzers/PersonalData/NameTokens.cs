using System.Collections.Immutable;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// Splits an identifier into lower-case word tokens: camelCase, PascalCase, snake_case, kebab-case, acronyms and digits
/// (<c>callerPhoneNumber</c> → caller, phone, number; <c>SSNValue</c> → ssn, value; <c>phone2</c> → phone, 2), with a
/// plural folded to its singular (numbers → number, addresses → address).
/// </summary>
internal static class NameTokens
{
    public static ImmutableArray<string> Split(string identifier)
    {
        var tokens = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(identifier, ref start, i, tokens);
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(c)) ||
                (char.IsDigit(previous) != char.IsDigit(c)) ||
                (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (boundary)
            {
                Flush(identifier, ref start, i, tokens);
                start = i;
            }
        }

        Flush(identifier, ref start, identifier.Length, tokens);
        return tokens.ToImmutable();
    }

    private static void Flush(string identifier, ref int start, int end, ImmutableArray<string>.Builder tokens)
    {
        if (start >= 0 && end > start)
        {
            tokens.Add(Singular(identifier.Substring(start, end - start).ToLowerInvariant()));
        }

        start = -1;
    }

    private static string Singular(string token)
    {
        if (token.Length <= 3 || !token.EndsWith("s", System.StringComparison.Ordinal))
        {
            return token;
        }

        if (token.EndsWith("sses", System.StringComparison.Ordinal))
        {
            return token.Substring(0, token.Length - 2);
        }

        return token.EndsWith("ss", System.StringComparison.Ordinal) || token.EndsWith("us", System.StringComparison.Ordinal)
            ? token
            : token.Substring(0, token.Length - 1);
    }
}
