using System.Collections.Immutable;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>The lists of the pack's <c>.editorconfig</c> settings: items separated by commas, semicolons or white space.</summary>
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
        for (var i = 0; i <= value!.Length; i++)
        {
            var separator = i == value.Length || value[i] is ',' or ';' || char.IsWhiteSpace(value[i]);
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
