using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Tests.ValueFlow;

/// <summary>
/// The per-method syntax pre-filter of the project's helpers (<c>StorageSinks.MayStoreOrBuildPath</c>) reads the text
/// and confirms each hit with <c>FindToken</c>: it answers what a walk of every token answers, for names and quotes in
/// comments and strings, verbatim and interpolated strings, strings in interpolation holes, and escapes.
/// </summary>
public class StorageSinksPreFilterTests
{
    [Theory]
    [InlineData("void M() { var x = 1; }", false)]
    [InlineData("void M() { System.IO.File.Delete(\"x\"); }", true)]
    [InlineData("void M() { // File.Delete(\"a/b\");\n var x = 1; /* Path \"c/d\" */ }", false)]
    [InlineData("void M() { var s = \"File and Path in words\"; }", false)]
    [InlineData("void M() { var s = \"reports/today\"; }", true)]
    [InlineData("void M() { var s = \"report.pdf\"; }", true)]
    [InlineData("void M() { var s = \"The end. Next\"; }", false)]
    [InlineData("void M() { var s = @\"a\"\"b\\c\"; }", true)]
    [InlineData("void M() { var s = @\"a\"\"b\"; var c = '\"'; }", false)]
    [InlineData("void M(int id) { var s = $\"{id}.txt\"; }", true)]
    [InlineData("void M(int id) { var s = $\"{id} items\"; }", false)]
    [InlineData("void M(int id) { var s = $\"{Format(\"a/b\")} items\"; } string Format(string s) => s;", true)]
    [InlineData("void M(int id) { var s = $\"{(id > 0 ? \"x\" : \"y\")} and {id}\"; var t = \"z/\"; }", true)]
    [InlineData("void M() { var s = \"\\n\\t\"; }", false)]
    [InlineData("void M() { var s = \"\\x2F\"; }", true)]
    [InlineData("void M(dynamic d) { d.\\u0046ile(); }", true)]
    [InlineData("void M(dynamic d) { var @Path = 1; }", true)]
    [InlineData("void M() { var s = \"\"\"\n  a/b\n  \"\"\"; }", false)]
    [InlineData("void M(dynamic WebRootPath) { }", true)]
    public void AnswersAsTheTokenWalk(string member, bool expected)
    {
        var tree = CSharpSyntaxTree.ParseText("class C { int pad; " + member + " }");
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().First();
        Assert.Equal(expected, StorageSinks.WalkTokens(method));
        Assert.Equal(expected, StorageSinks.MayStoreOrBuildPathFromText(method));
    }
}
