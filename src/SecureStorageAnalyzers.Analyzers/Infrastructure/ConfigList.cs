using System.Collections.Immutable;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// The lists of the pack's <c>.editorconfig</c> settings: items separated by commas, semicolons or white space; a comma
/// inside parentheses belongs to its item (a documentation-comment id's parameter list: <c>M:N.T.M(System.String,System.Boolean)</c>).
/// </summary>
internal static class ConfigList
{
    public static ImmutableArray<string> Split(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var items = ImmutableArray.CreateBuilder<string>();
        var start = -1;
        var depth = 0;
        for (var i = 0; i <= value!.Length; i++)
        {
            if (i < value.Length && value[i] == '(')
            {
                depth++;
            }
            else if (i < value.Length && value[i] == ')' && depth > 0)
            {
                depth--;
            }

            var separator = i == value.Length || (value[i] is ',' && depth == 0) || value[i] is ';' || char.IsWhiteSpace(value[i]);
            if (!separator && start < 0)
            {
                start = i;
            }
            else if (separator && start >= 0)
            {
                items.Add(value.Substring(start, i - start));
                start = -1;
            }
        }

        return items.ToImmutable();
    }
}
