using System;
using System.Collections.Immutable;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// The words that mark a served folder as private (SSA0001), in one place, matched by stem and token: a name or path is
/// split into words at separators (<c>/</c>, <c>\</c>, <c>-</c>, <c>_</c>, <c>.</c>), case changes and digits
/// (<c>UploadedFiles</c> → Uploaded, Files; <c>user-uploads</c> → user, uploads), and a word matches a stem when it is
/// the stem or the stem with an inflection: <c>s</c>/<c>es</c>, <c>ed</c>/<c>d</c>, <c>ing</c>, <c>er</c>/<c>ers</c>,
/// <c>ings</c>, with a doubled final consonant (<c>scanned</c>) or a dropped final <c>e</c> (<c>archiving</c>).
/// Nothing else counts: <c>logo</c>, <c>login</c> and <c>catalog</c> are not <c>log</c>, and the site's own asset folders (css, js, lib, images, assets, fonts, dist, wwwroot, public,
/// static) name no stem. Documented in docs/rules/SSA0001.md: keep the two lists the same.
/// </summary>
internal sealed class PrivateFolderVocabulary
{
    /// <summary>
    /// The stems. <c>record</c> covers recordings and recorded calls, <c>call</c> calls and callers, <c>upload</c>
    /// uploads and uploaded files. <c>document</c> is not a stem: on public code bases a folder served as "documents" is
    /// as often the site's own help or demo files as anyone's papers (docs/precision.md); a documents folder the app
    /// writes uploads into is private by what it does (<c>RequestDataFolders</c>), and a project can add the word.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultStems = ImmutableArray.Create(
        "record", "call", "voicemail", "upload", "attachment", "export", "report", "backup", "log", "data",
        "private", "patient", "invoice", "scan", "statement", "contract", "payslip", "secret", "archive", "userfile",
        "userdata", "appdata");

    private static readonly ImmutableArray<string> Inflections = ImmutableArray.Create("s", "es", "ed", "ing", "ings", "er", "ers");

    private readonly ImmutableArray<string> _stems;

    private PrivateFolderVocabulary(ImmutableArray<string> stems) => _stems = stems;

    /// <summary>The default stems plus the words of <c>SSA0001.private_folder_names</c> (each word of each name, a plural folded).</summary>
    public static PrivateFolderVocabulary Create(string configuredWords)
    {
        var stems = DefaultStems.ToBuilder();
        foreach (var name in ConfigList.Split(configuredWords))
        {
            var start = 0;
            while (NextWord(name, ref start, out var wordStart, out var wordLength))
            {
                var word = Singular(name.Substring(wordStart, wordLength).ToLowerInvariant());
                if (!stems.Contains(word))
                {
                    stems.Add(word);
                }
            }
        }

        return new PrivateFolderVocabulary(stems.ToImmutable());
    }

    /// <summary>The first word of <paramref name="text"/> that names private data, as written there; or null.</summary>
    public string? FindWord(string text)
    {
        var start = 0;
        while (NextWord(text, ref start, out var wordStart, out var wordLength))
        {
            foreach (var stem in _stems)
            {
                if (Matches(text, wordStart, wordLength, stem))
                {
                    return text.Substring(wordStart, wordLength);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The stems that say where a folder's files come from or sit, not what they are: <c>upload</c> (anything sent to the
    /// app) and <c>data</c> (<c>/data/uploads</c>, <c>App_Data</c>). A folder private only by these words is public when
    /// every file the app writes into it is a picture the code restricts to images (<see cref="ServedFolders.WhyPrivate"/>).
    /// </summary>
    internal static readonly ImmutableArray<string> StorageStems = ImmutableArray.Create("upload", "data");

    /// <summary>
    /// True when every word of <paramref name="text"/> that names private data is a <see cref="StorageStems"/> word
    /// (<c>publicProductUploadsPath</c>, <c>/data/uploads</c>); false when another stem (<c>recordings</c>,
    /// <c>PatientUploads</c>, a configured word) names it.
    /// </summary>
    public bool NamesOnlyStorage(string text)
    {
        var start = 0;
        while (NextWord(text, ref start, out var wordStart, out var wordLength))
        {
            foreach (var stem in _stems)
            {
                if (Matches(text, wordStart, wordLength, stem) && !StorageStems.Contains(stem))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>How a message says why: "the name 'recordings'", or "the word 'Uploaded' in 'UploadedFiles'".</summary>
    public static string Describe(string text, string word)
    {
        var trimmed = text.Trim('/', '\\', '.', '~', ' ');
        return string.Equals(trimmed, word, StringComparison.Ordinal)
            ? $"the name '{word}'"
            : $"the word '{word}' in '{text}'";
    }

    /// <summary>True when <c>text[start..start+length]</c> is <paramref name="stem"/> or an inflection of it (case-insensitive).</summary>
    internal static bool Matches(string text, int start, int length, string stem)
    {
        if (length >= stem.Length && string.Compare(text, start, stem, 0, stem.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            var rest = length - stem.Length;
            var restStart = start + stem.Length;
            if (rest == 0 || IsInflection(text, restStart, rest))
            {
                return true;
            }

            // archive + d, invoice + d; scan + n + ed, log + g + ing.
            if (stem[stem.Length - 1] == 'e' && rest == 1 && char.ToLowerInvariant(text[restStart]) == 'd')
            {
                return true;
            }

            if (rest > 1 && char.ToLowerInvariant(text[restStart]) == stem[stem.Length - 1] && !IsVowel(stem[stem.Length - 1]) &&
                IsInflection(text, restStart + 1, rest - 1) && text[restStart + 1] is 'e' or 'E' or 'i' or 'I')
            {
                return true;
            }
        }

        // archiv + ing, invoic + ing: a final e dropped before -ing.
        if (stem.Length > 3 && stem[stem.Length - 1] == 'e' && length == stem.Length - 1 + 3 &&
            string.Compare(text, start, stem, 0, stem.Length - 1, StringComparison.OrdinalIgnoreCase) == 0 &&
            string.Compare(text, start + stem.Length - 1, "ing", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }

        return false;
    }

    private static bool IsInflection(string text, int start, int length)
    {
        foreach (var inflection in Inflections)
        {
            if (inflection.Length == length && string.Compare(text, start, inflection, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="position"/>: letters and digits, split at any other
    /// character, at a lower-to-upper case change (<c>callRecordings</c>), before the last capital of an acronym
    /// (<c>PDFExports</c> → PDF, Exports) and between letters and digits.
    /// </summary>
    internal static bool NextWord(string text, ref int position, out int start, out int length)
    {
        var i = position;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        start = i;
        if (i >= text.Length)
        {
            length = 0;
            position = i;
            return false;
        }

        i++;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            var previous = text[i - 1];
            var c = text[i];
            if (char.IsLower(previous) && char.IsUpper(c) ||
                char.IsDigit(previous) != char.IsDigit(c) ||
                char.IsUpper(previous) && char.IsUpper(c) && i + 1 < text.Length && char.IsLower(text[i + 1]))
            {
                break;
            }

            i++;
        }

        length = i - start;
        position = i;
        return true;
    }

    /// <summary>A plural folded to its stem (<c>dossiers</c> → <c>dossier</c>; <c>access</c>, <c>status</c> kept).</summary>
    internal static string Singular(string word) =>
        word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal) &&
        !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            ? word.Substring(0, word.Length - 1)
            : word;
}
