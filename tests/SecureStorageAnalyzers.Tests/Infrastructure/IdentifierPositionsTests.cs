using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// The text pre-filter of the facts' pre-scan: with <c>FindToken</c> at each position it finds exactly the identifier
/// tokens of the names that a walk of every token finds (none in comments or strings, verbatim <c>@</c> names, names in
/// interpolation holes), and it gives up where the text could spell a name otherwise (a Unicode escape).
/// </summary>
public class IdentifierPositionsTests
{
    private static readonly string[] Names = { "UseStaticFiles", "FallbackPolicy", "AuthorizeFilter" };

    [Theory]
    [InlineData("class C { void M(dynamic app) { app.UseStaticFiles(); } }")]
    [InlineData("class C { void M(dynamic app) { // app.UseStaticFiles();\n /* UseStaticFiles */ var s = \"UseStaticFiles\"; } }")]
    [InlineData("class C { void M(dynamic app, dynamic o) { app.@UseStaticFiles(); o.FallbackPolicy = null; var t = $\"{app.UseStaticFiles()} UseStaticFiles\"; } }")]
    [InlineData("class C { object f = new AuthorizeFilter(); object g = new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(); int n = 1; }")]
    [InlineData("class C { void M(dynamic app) { var x = 1UUseStaticFiles; var y = 0x1FUseStaticFiles; app.UseStaticFilesX(); app.XUseStaticFiles(); } }")]
    [InlineData("class Ünïcode { void UseStaticFiles() { var é = 1; UseStaticFiles(); } }")]
    [InlineData("#if DEBUG\nclass UseStaticFiles { }\n#endif\n/// <see cref=\"UseStaticFiles\"/>\nclass C { }")]
    [InlineData("class C { string r = \"\"\"\n  UseStaticFiles\n  \"\"\"; void UseStaticFiles() { } }")]
    public void FindsTheIdentifierTokensAWalkFinds(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var root = tree.GetRoot();
        var walked = root.DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && Names.Contains(t.ValueText))
            .Select(t => t.SpanStart)
            .ToList();

        var positions = new List<int>();
        Assert.True(new IdentifierPositions(Names).Find(tree.GetText(), positions, null));
        var found = positions
            .Select(p => root.FindToken(p))
            .Where((t, i) => t.SpanStart == positions[i] && t.IsKind(SyntaxKind.IdentifierToken) && Names.Contains(t.ValueText))
            .Select(t => t.SpanStart)
            .ToList();

        Assert.Equal(walked, found);
    }

    [Theory]
    [InlineData("class C { void M(dynamic app) { app.\\u0055seStaticFiles(); } }")]
    [InlineData("class C { void M(dynamic app) { app.Use\u00ADStaticFiles(); } }")]
    public void GivesUpWhereTheTextCouldSpellANameOtherwise(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        Assert.Contains(tree.GetRoot().DescendantTokens(), t => t.ValueText == "UseStaticFiles");
        Assert.False(new IdentifierPositions(Names).Find(tree.GetText(), new List<int>(), null));
    }

    [Fact]
    public void FindsTheNewKeywordsOfTargetTypedCreations()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { C c = new(); object o = new C(); int @new = 0; string s = \"new\"; }");
        var keywords = new List<int>();
        Assert.True(new IdentifierPositions(Names).Find(tree.GetText(), new List<int>(), keywords));
        var root = tree.GetRoot();
        var expected = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.NewKeyword)).Select(t => t.SpanStart).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, keywords.Where(p => root.FindToken(p).IsKind(SyntaxKind.NewKeyword) && root.FindToken(p).SpanStart == p).ToList());
    }

    /// <summary>
    /// The ASCII scan (h-perf15: a table of the character classes) finds what the general scan finds, position for
    /// position, on texts made of names, their neighbours, numbers, verbatim names, <c>new</c>, backslashes and
    /// punctuation, from every offset; and both give up on the same Unicode escapes.
    /// </summary>
    [Fact]
    public void TheAsciiScanFindsWhatTheGeneralScanFinds()
    {
        string[] pieces =
        {
            "UseStaticFiles", "FallbackPolicy", "AuthorizeFilter", "UseStaticFilesX", "XUseStaticFiles", "_UseStaticFiles", "Use",
            "1UseStaticFiles", "0x1FUseStaticFiles", "1e5", "42", "@", "@UseStaticFiles", "new", "@new", "renew", "new1", "_", "__",
            " ", "  ", "\n", "\\", "\\u", "\t", ".", "(", ")", ";", "\"", "/*", "*/", "//", "\n", "=", "$\"{", "}", "a1", "Z9_",
        };
        var finder = new IdentifierPositions(Names);
        var random = new System.Random(15);
        for (var round = 0; round < 2000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (round % 7 == 0)
            {
                text += "\\u0055";
            }

            var chars = text.ToCharArray();
            for (var offset = 0; offset <= System.Math.Min(chars.Length, 3); offset++)
            {
                var asciiNames = new List<int>();
                var asciiNew = new List<int>();
                var anyNames = new List<int>();
                var anyNew = new List<int>();
                var ascii = finder.FindAscii(chars, offset, chars.Length, asciiNames, asciiNew);
                var any = finder.FindAny(chars, offset, chars.Length, anyNames, anyNew);
                Assert.Equal(any, ascii);
                if (any)
                {
                    Assert.Equal(anyNames, asciiNames);
                    Assert.Equal(anyNew, asciiNew);
                }

                var names = new List<int>();
                Assert.Equal(any, finder.Find(chars, offset, chars.Length, names, null));
                if (any)
                {
                    Assert.Equal(anyNames, names);
                }
            }
        }
    }
}
