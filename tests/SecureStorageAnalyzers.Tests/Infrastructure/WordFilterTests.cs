using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// The folder model's per-tree word filter: every identifier token's value is a word it may contain (verbatim <c>@</c>
/// names, names after a number, non-ASCII names, names in interpolation holes), a name the text never spells is not, and
/// a text with a Unicode escape may contain anything.
/// </summary>
public class WordFilterTests
{
    [Theory]
    [InlineData("class C { void M(dynamic app) { app.SaveRecording(); } }")]
    [InlineData("class C { void M(dynamic app, dynamic o) { app.@SaveRecording(); o._root = null; var t = $\"{app.Combine(o.Folder)} x\"; } }")]
    [InlineData("class C { void M() { var x = 1UTail; var y = 0x1FUName; var z = 1e5f; } }")]
    [InlineData("class Ünïcode { void Ränder() { var é = 1; Ränder(); } }")]
    [InlineData("class C { string r = \"\"\"\n  raw text\n  \"\"\"; void @class() { } }")]
    public void EveryIdentifierTokenIsAWordItMayContain(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var buffer = System.Array.Empty<char>();
        var words = WordFilter.Of(tree.GetText(), ref buffer);
        Assert.False(words.MayContainEverything);
        foreach (var token in tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)))
        {
            Assert.True(words.MayContain(token.ValueText), token.ValueText);
        }
    }

    [Fact]
    public void NamesTheTextDoesNotSpell_AreNotContained()
    {
        var buffer = System.Array.Empty<char>();
        var words = WordFilter.Of(CSharpSyntaxTree.ParseText("public static class Unrelated { public static int Twice(int x) => x * 2; }").GetText(), ref buffer);
        Assert.True(words.MayContain("Twice"));
        Assert.True(words.MayContain("Unrelated"));
        Assert.False(words.MayContain("_root"));
        Assert.False(words.MayContain("Store"));
        Assert.False(words.MayContain("Combine"));
        Assert.False(words.MayContain("Twic"));
    }

    [Fact]
    public void AUnicodeEscape_MayContainAnything()
    {
        var buffer = System.Array.Empty<char>();
        var words = WordFilter.Of(CSharpSyntaxTree.ParseText("class C { void M(dynamic app) { app.\\u0053ave(); } }").GetText(), ref buffer);
        Assert.True(words.MayContainEverything);
        Assert.True(words.MayContain("Save"));
    }
}
