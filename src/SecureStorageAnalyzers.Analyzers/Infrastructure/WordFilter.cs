using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Which words a tree's text may spell, as a small bit filter (two bits per word): <see cref="MayContain"/> answers false
/// only when no identifier token of the text can have that value, so a per-name question over every tree (the folder
/// model's calls and assignments by name) need not walk the trees that do not name it. Conservative: a false positive
/// (another word setting the same bits, a name in a comment or string) only costs the walk; a text that could spell an
/// identifier otherwise than by its characters (a Unicode escape, a formatting character inside it) may contain anything
/// (<see cref="Everything"/>), as in <see cref="IdentifierPositions"/>, whose character classes it uses.
/// </summary>
internal sealed class WordFilter
{
    private const int Bits = 8192;

    private readonly ulong[]? _bits;

    private WordFilter(ulong[]? bits) => _bits = bits;

    /// <summary>The filter of a text it cannot read word by word: it may contain every word.</summary>
    public static WordFilter Everything => new(null);

    /// <summary>True for <see cref="Everything"/>: the text was not read word by word.</summary>
    public bool MayContainEverything => _bits is null;

    /// <summary>
    /// The words of <paramref name="text"/>: every run of identifier characters that starts like an identifier (after an
    /// <c>@</c> when there is one), and of a run that starts like a number (<c>1e5f</c>), every tail that does.
    /// <paramref name="buffer"/> is reused across calls (grown when too small).
    /// </summary>
    public static WordFilter Of(SourceText text, ref char[] buffer)
    {
        var length = text.Length;
        if (buffer.Length < length)
        {
            buffer = new char[System.Math.Max(length, buffer.Length * 2)];
        }

        text.CopyTo(0, buffer, 0, length);
        var chars = buffer;
        var bits = new ulong[Bits / 64];
        var i = 0;
        while (i < length)
        {
            var c = chars[i];
            if (c == '\\' && i + 1 < length && chars[i + 1] is 'u' or 'U')
            {
                return Everything;
            }

            var part = IdentifierPositions.IsIdentifierPart(c);
            if (part == IdentifierPositions.Part.Format)
            {
                return Everything;
            }

            if (part == IdentifierPositions.Part.No)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < length && (part = IdentifierPositions.IsIdentifierPart(chars[i])) != IdentifierPositions.Part.No)
            {
                if (part == IdentifierPositions.Part.Format)
                {
                    return Everything;
                }

                i++;
            }

            if (IdentifierPositions.IsIdentifierStart(chars[start]))
            {
                Set(bits, Hash(chars, start, i));
                continue;
            }

            for (var from = start + 1; from < i; from++)
            {
                if (IdentifierPositions.IsIdentifierStart(chars[from]))
                {
                    Set(bits, Hash(chars, from, i));
                }
            }
        }

        return new WordFilter(bits);
    }

    /// <summary>False only when no identifier token of the text can have the value <paramref name="word"/>.</summary>
    public bool MayContain(string word)
    {
        if (_bits is null || word.Length == 0)
        {
            return true;
        }

        var hash = 2166136261u;
        foreach (var c in word)
        {
            if (c >= 128)
            {
                // Classified by Unicode category in the text; not worth the risk of a disagreement with the lexer.
                return true;
            }

            hash = (hash ^ c) * 16777619u;
        }

        return IsSet(_bits, hash);
    }

    private static uint Hash(char[] chars, int start, int end)
    {
        var hash = 2166136261u;
        for (var k = start; k < end; k++)
        {
            hash = (hash ^ chars[k]) * 16777619u;
        }

        return hash;
    }

    private static (int First, int Second) Positions(uint hash)
    {
        var first = (int)(hash & (Bits - 1));
        var second = (int)((hash * 0x9E3779B1u) >> 19) & (Bits - 1);
        return (first, second);
    }

    private static void Set(ulong[] bits, uint hash)
    {
        var (first, second) = Positions(hash);
        bits[first >> 6] |= 1UL << (first & 63);
        bits[second >> 6] |= 1UL << (second & 63);
    }

    private static bool IsSet(ulong[] bits, uint hash)
    {
        var (first, second) = Positions(hash);
        return (bits[first >> 6] & (1UL << (first & 63))) != 0 && (bits[second >> 6] & (1UL << (second & 63))) != 0;
    }
}
