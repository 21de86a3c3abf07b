using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// The smallest text changes from one text to another: common leading and trailing lines are skipped, the lines in
/// between are matched by a longest-common-subsequence diff (one hunk per run of different lines), and each hunk is
/// trimmed to the characters that differ. A fix edits one or two places, so the middle is small; above a size limit
/// the middle becomes one change.
/// </summary>
internal static class TextDiff
{
    private const long MaxCells = 1_000_000;

    public static List<TextChange> Changes(SourceText oldText, SourceText newText)
    {
        var oldLines = Lines(oldText);
        var newLines = Lines(newText);

        var start = 0;
        while (start < oldLines.Count && start < newLines.Count && oldLines[start].Text == newLines[start].Text)
        {
            start++;
        }

        var oldEnd = oldLines.Count;
        var newEnd = newLines.Count;
        while (oldEnd > start && newEnd > start && oldLines[oldEnd - 1].Text == newLines[newEnd - 1].Text)
        {
            oldEnd--;
            newEnd--;
        }

        var changes = new List<TextChange>();
        var n = oldEnd - start;
        var m = newEnd - start;
        if (n == 0 && m == 0)
        {
            return changes;
        }

        if ((long)n * m > MaxCells)
        {
            AddHunk(changes, oldText, newText, oldLines, newLines, start, oldEnd, start, newEnd);
            return changes;
        }

        // lcs[i, j]: length of the longest common subsequence of old lines i.. and new lines j.. (of the middle).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = oldLines[start + i].Text == newLines[start + j].Text
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int oi = 0, ni = 0, hunkOld = -1, hunkNew = -1;
        while (oi < n || ni < m)
        {
            if (oi < n && ni < m && oldLines[start + oi].Text == newLines[start + ni].Text)
            {
                if (hunkOld >= 0)
                {
                    AddHunk(changes, oldText, newText, oldLines, newLines, start + hunkOld, start + oi, start + hunkNew, start + ni);
                    hunkOld = hunkNew = -1;
                }

                oi++;
                ni++;
                continue;
            }

            if (hunkOld < 0)
            {
                hunkOld = oi;
                hunkNew = ni;
            }

            if (ni < m && (oi == n || lcs[oi, ni + 1] >= lcs[oi + 1, ni]))
            {
                ni++;
            }
            else
            {
                oi++;
            }
        }

        if (hunkOld >= 0)
        {
            AddHunk(changes, oldText, newText, oldLines, newLines, start + hunkOld, start + n, start + hunkNew, start + m);
        }

        return changes;
    }

    /// <summary>Old lines [oldFrom, oldTo) become new lines [newFrom, newTo), trimmed to the characters that differ.</summary>
    private static void AddHunk(List<TextChange> changes, SourceText oldText, SourceText newText, List<(int Start, string Text)> oldLines,
        List<(int Start, string Text)> newLines, int oldFrom, int oldTo, int newFrom, int newTo)
    {
        var oldStart = oldFrom < oldLines.Count ? oldLines[oldFrom].Start : oldText.Length;
        var oldStop = oldTo < oldLines.Count ? oldLines[oldTo].Start : oldText.Length;
        var newStart = newFrom < newLines.Count ? newLines[newFrom].Start : newText.Length;
        var newStop = newTo < newLines.Count ? newLines[newTo].Start : newText.Length;
        var before = oldText.ToString(TextSpan.FromBounds(oldStart, oldStop));
        var after = newText.ToString(TextSpan.FromBounds(newStart, newStop));

        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix &&
               before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        if (before.Length - prefix - suffix > 0 || after.Length - prefix - suffix > 0)
        {
            changes.Add(new TextChange(new TextSpan(oldStart + prefix, before.Length - prefix - suffix),
                after.Substring(prefix, after.Length - prefix - suffix)));
        }
    }

    /// <summary>Each line with its line break, and where it starts.</summary>
    private static List<(int Start, string Text)> Lines(SourceText text)
    {
        var lines = new List<(int, string)>(text.Lines.Count);
        foreach (var line in text.Lines)
        {
            lines.Add((line.Start, text.ToString(line.SpanIncludingLineBreak)));
        }

        return lines;
    }
}
