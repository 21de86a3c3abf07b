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
}
