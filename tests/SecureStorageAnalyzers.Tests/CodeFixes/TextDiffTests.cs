using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;

namespace SecureStorageAnalyzers.Tests.CodeFixes;

/// <summary>The text diff behind the pack's Fix All: the smallest changes, one per edited place, that rebuild the new text.</summary>
public class TextDiffTests
{
    [Theory]
    // A removed statement: only its own line, not the comment that stays with the next statement.
    [InlineData("a();\nb();\n\n// c\nc(true);\n", "a();\n\n// c\nc(true);\n", new[] { "[5..10)=''" })]
    // Two places edited (a using added, a statement changed): two changes, the lines between untouched.
    [InlineData("using A;\nx();\ny();\nz(true);\n", "using A;\nusing B;\nx();\ny();\nz(false);\n", new[] { "[9..9)='using B;\n'", "[21..24)='fals'" })]
    // A statement moved down: removed here, inserted there.
    [InlineData("m();\na();\nb();\nc();\n", "a();\nb();\nm();\nc();\n", new[] { "[0..5)=''", "[15..15)='m();\n'" })]
    [InlineData("same\n", "same\n", new string[0])]
    [InlineData("", "new\n", new[] { "[0..0)='new\n'" })]
    [InlineData("no line break", "no line break!", new[] { "[13..13)='!'" })]
    public void Changes_AreTheSmallestAndRebuildTheNewText(string before, string after, string[] expected)
    {
        var oldText = SourceText.From(before);
        var changes = TextDiff.Changes(oldText, SourceText.From(after));

        Assert.Equal(expected, changes.Select(c => $"{c.Span}='{c.NewText}'").ToArray());
        Assert.Equal(after, oldText.WithChanges(changes).ToString());
    }
}
