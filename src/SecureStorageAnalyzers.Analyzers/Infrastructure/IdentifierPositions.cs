using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Where a tree's text may hold an identifier token of one of a few names: a syntax pre-filter over the characters, so
/// that a whole-compilation scan for a handful of names need not walk every token of every tree (the walk materialises
/// the red tree; the text is a flat array). Conservative and exact together with <c>FindToken</c>: every identifier
/// token whose value is one of the names starts at a returned position (or at the <c>@</c> right before it), and the
/// caller keeps only positions where the tree's token starts and is an identifier of that name, so a name in a comment
/// or a string is dropped there. Where the text could spell an identifier otherwise than by its characters (a Unicode
/// escape <c>\u0055seStaticFiles</c>, a formatting character inside it), <see cref="Find"/> answers false and the
/// caller walks the tokens as before.
/// </summary>
internal sealed class IdentifierPositions
{
    private readonly Dictionary<int, string[]> _byLengthAndFirst = new();
    private readonly int _minLength = int.MaxValue;
    private readonly int _maxLength;

    // For a name starting with an ASCII character c, bit n of _asciiLengths[c] is set when some name of length n (below
    // 64) starts with c: most words of a text fail this test, and then no dictionary lookup is made for them.
    private readonly ulong[] _asciiLengths = new ulong[128];
    private char[] _buffer = System.Array.Empty<char>();

    public IdentifierPositions(IEnumerable<string> names)
    {
        var grouped = new Dictionary<int, List<string>>();
        foreach (var name in names)
        {
            if (name.Length == 0)
            {
                continue;
            }

            var key = Key(name.Length, name[0]);
            if (!grouped.TryGetValue(key, out var list))
            {
                grouped[key] = list = new List<string>();
            }

            if (!list.Contains(name))
            {
                list.Add(name);
            }

            if (name[0] < 128)
            {
                _asciiLengths[name[0]] |= name.Length < 64 ? 1UL << name.Length : 1UL;
            }

            _minLength = System.Math.Min(_minLength, name.Length);
            _maxLength = System.Math.Max(_maxLength, name.Length);
        }

        foreach (var pair in grouped)
        {
            _byLengthAndFirst[pair.Key] = pair.Value.ToArray();
        }
    }

    /// <summary>True when no name was given: nothing can be found.</summary>
    public bool IsEmpty => _byLengthAndFirst.Count == 0;

    /// <summary>
    /// Fills <paramref name="names"/> with the start of every word of <paramref name="text"/> spelled like one of the names
    /// (the position of its <c>@</c> when it has one), and <paramref name="newKeywords"/> with the start of every word
    /// <c>new</c>, in the order of the text. False when the text holds a Unicode escape or a formatting character: then
    /// the positions may miss an identifier, and the caller must walk the tokens.
    /// </summary>
    public bool Find(SourceText text, List<int> names, List<int>? newKeywords)
    {
        if (_buffer.Length < text.Length)
        {
            _buffer = new char[System.Math.Max(text.Length, _buffer.Length * 2)];
        }

        text.CopyTo(0, _buffer, 0, text.Length);
        return Find(_buffer, 0, text.Length, names, newKeywords);
    }

    /// <summary>
    /// The same over <paramref name="chars"/> from <paramref name="offset"/> to <paramref name="end"/> (a copy of part of a
    /// text, say one method's span): positions are indexes into <paramref name="chars"/>.
    /// </summary>
    public bool Find(char[] chars, int offset, int end, List<int> names, List<int>? newKeywords)
    {
        // Most texts are ASCII (the UTF-8 count equals the length only then; the runtime counts it vectorized): then no
        // character is a formatting one or a letter outside ASCII, and the scan needs only the ASCII classes.
        if (end > offset && System.Text.Encoding.UTF8.GetByteCount(chars, offset, end - offset) == end - offset)
        {
            return LastFoundAscii = FindAscii(chars, offset, end, names, newKeywords);
        }

        LastFoundAscii = false;
        return FindAny(chars, offset, end, names, newKeywords);
    }

    /// <summary>
    /// True when the last <see cref="Find(char[], int, int, List{int}, List{int})"/> read a text that is not empty, all
    /// ASCII and without a backslash before <c>u</c> or <c>U</c>, and answered it.
    /// </summary>
    public bool LastFoundAscii { get; private set; }

    /// <summary>
    /// <see cref="Find(char[], int, int, List{int}, List{int})"/> over ASCII characters: the same positions, found with a
    /// table of the character classes (h-perf15: the scan that classified each character by comparisons counted about 32
    /// instructions per character). h-perf15 found span accesses slower than arrays, but that count was of MinOpts code
    /// (docs/performance.md, h-perf17); fully optimized, the spans below drop the bounds checks the arrays kept.
    /// </summary>
    internal bool FindAscii(char[] chars, int offset, int end, List<int> names, List<int>? newKeywords)
    {
        names.Clear();
        newKeywords?.Clear();

        // A backslash before u or U may be a Unicode escape in an identifier: the caller walks the tokens then.
        for (var backslash = Array.IndexOf(chars, '\\', offset, end - offset); backslash >= 0;
             backslash = backslash + 1 < end ? Array.IndexOf(chars, '\\', backslash + 1, end - backslash - 1) : -1)
        {
            if (backslash + 1 < end && chars[backslash + 1] is 'u' or 'U')
            {
                return false;
            }
        }

        // Spans, read-only and of a length the JIT knows for the table: in fully optimized code (h-perf18a) neither access
        // is bounds-checked, where the arrays' were (the text's end is not its array's length).
        var classes = AsciiClasses;
        var text = new ReadOnlySpan<char>(chars, 0, end);
        var minLength = _minLength;
        var maxLength = _maxLength;
        var i = offset;
        while ((uint)i < (uint)text.Length)
        {
            // Every character is ASCII here: the mask only keeps the index inside the table.
            var kind = classes[text[i] & 0x7F];
            if (kind == NotPart)
            {
                i++;
                continue;
            }

            var start = i;
            i++;
            while ((uint)i < (uint)text.Length && classes[text[i] & 0x7F] != NotPart)
            {
                i++;
            }

            var runLength = i - start;
            if (kind == Start)
            {
                // An identifier token is the whole run (after an @ when there is one).
                var at = start > offset && chars[start - 1] == '@';
                if (newKeywords is not null && !at && runLength == 3 && chars[start] == 'n' && chars[start + 1] == 'e' && chars[start + 2] == 'w')
                {
                    newKeywords.Add(start);
                }

                if (runLength >= minLength && runLength <= maxLength && Matches(chars, start, runLength))
                {
                    names.Add(at ? start - 1 : start);
                }

                continue;
            }

            // A run that starts like a number (1e5f, or a malformed 1UName): an identifier can only be one of its tails.
            for (var from = start + 1; from < i; from++)
            {
                var tail = i - from;
                if (classes[chars[from] & 0x7F] == Start && tail >= minLength && tail <= maxLength && Matches(chars, from, tail))
                {
                    names.Add(from);
                }
            }
        }

        return true;
    }

    // The classes of _asciiClasses (1 is a digit: part of an identifier, not its start).
    private const byte NotPart = 0;
    private const byte Start = 2;

    /// <summary>
    /// The ASCII characters' classes: 2 for a letter or the underscore (an identifier's start), 1 for a digit, 0 for the
    /// rest. Constant data of the assembly, read through a read-only span (no static mutable state: nothing can write it).
    /// </summary>
    private static ReadOnlySpan<byte> AsciiClasses => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 2,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    };

    /// <summary>The general scan, for a text with characters outside ASCII (and the reference the ASCII scan is tested against).</summary>
    internal bool FindAny(char[] chars, int offset, int end, List<int> names, List<int>? newKeywords)
    {
        names.Clear();
        newKeywords?.Clear();
        var length = end;
        var i = offset;
        while (i < length)
        {
            // ASCII is classified inline (most characters of a text): a letter, a digit or the underscore (c | 0x20 folds
            // the upper case letters onto the lower case ones), written out here because the JIT left a helper method
            // marked AggressiveInlining a call per character in this method (h-perf14's count); the rest by its Unicode
            // category.
            var c = chars[i];
            if (c < 128)
            {
                if (!((uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_'))
                {
                    if (c == '\\' && i + 1 < length && chars[i + 1] is 'u' or 'U')
                    {
                        return false;
                    }

                    i++;
                    continue;
                }
            }
            else
            {
                var part = NonAsciiPart(c);
                if (part == Part.Format)
                {
                    return false;
                }

                if (part == Part.No)
                {
                    i++;
                    continue;
                }
            }

            var start = i;
            i++;
            while (i < length)
            {
                c = chars[i];
                if (c < 128)
                {
                    if (!((uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_'))
                    {
                        break;
                    }
                }
                else
                {
                    var part = NonAsciiPart(c);
                    if (part == Part.Format)
                    {
                        return false;
                    }

                    if (part == Part.No)
                    {
                        break;
                    }
                }

                i++;
            }

            var runLength = i - start;
            if (IsIdentifierStart(chars[start]))
            {
                // An identifier token is the whole run (after an @ when there is one).
                var at = start > offset && chars[start - 1] == '@';
                if (newKeywords is not null && !at && runLength == 3 && chars[start] == 'n' && chars[start + 1] == 'e' && chars[start + 2] == 'w')
                {
                    newKeywords.Add(start);
                }

                if (runLength >= _minLength && runLength <= _maxLength && Matches(chars, start, runLength))
                {
                    names.Add(at ? start - 1 : start);
                }

                continue;
            }

            // A run that starts like a number (1e5f, or a malformed 1UName): an identifier can only be one of its tails.
            for (var from = start + 1; from < i; from++)
            {
                var tail = i - from;
                if (IsIdentifierStart(chars[from]) && tail >= _minLength && tail <= _maxLength && Matches(chars, from, tail))
                {
                    names.Add(from);
                }
            }
        }

        return true;
    }

    private bool Matches(char[] chars, int start, int length)
    {
        // Bit 0 stands for every length from 64 on (no word is that short): then the dictionary decides.
        var first = chars[start];
        if (first < 128 && (_asciiLengths[first] & (length < 64 ? 1UL << length : 1UL)) == 0)
        {
            return false;
        }

        if (!_byLengthAndFirst.TryGetValue(Key(length, chars[start]), out var candidates))
        {
            return false;
        }

        foreach (var name in candidates)
        {
            var same = true;
            for (var k = 1; k < length; k++)
            {
                if (name[k] != chars[start + k])
                {
                    same = false;
                    break;
                }
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private static int Key(int length, char first) => (length << 16) | first;

    private enum Part
    {
        No,
        Yes,
        Format,
    }

    /// <summary>The lexer's identifier-part characters outside ASCII: letters, digits, connectors, combining marks, formatting characters.</summary>
    private static Part NonAsciiPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return Part.Yes;
            case UnicodeCategory.Format:
                return Part.Format;
            default:
                return Part.No;
        }
    }

    /// <summary>The lexer's identifier-start characters: letters and the underscore.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierStart(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' : NonAsciiStart(c);

    private static bool NonAsciiStart(char c)
    {
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or
            UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
    }
}
