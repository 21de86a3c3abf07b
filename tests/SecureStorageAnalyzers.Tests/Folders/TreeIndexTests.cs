using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SecureStorageAnalyzers.Folders;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>
/// The folder model's index of a tree answers from the places the text spells a name (<c>Spelled</c>) what a walk of
/// every node answers (<c>Walked</c>): the same calls, creations and assignments, in the same order.
/// </summary>
public class TreeIndexTests
{
    [Theory]
    [InlineData("""
        using System.IO;
        using Alias = System.IO;

        public class Store
        {
            private string _root = "";
            public string Root { get; set; } = "";
            public Store Inner { get; set; }

            public string M(string a, string b, Store other)
            {
                var p = Path.Combine(a, Path.Combine(b, "x"));
                var q = Combine(a).Combine(b).Combine(Combine(a).Combine(b));
                _root = Combine(a);
                this.Root = other?.Inner?.Combine(a)?.Root;
                other.Inner.Root = _root = Root = p;
                var s = new Store { Root = q };
                var t = new global::Store().Combine(@Combine(a));
                var u = new Alias::FileInfo(a).FullName;
                var v = Generic<int>(a) + Generic<string>(Generic<int>(b));
                System.Func<string, Store> f = x => Combine(x).Combine(x);
                // Combine(a) in a comment, "Combine(a)" in a string, Root = in a comment
                var w = $"{Combine(a).Root}/{Path.Combine(a, b)}";
        #if NEVER
                Combine(a);
                _root = a;
        #endif
                return p + q + s + t + u + v + f(a) + w;
            }

            public Store Combine(string part) => this;
            public static string Generic<T>(string x) => x;
        }
        """)]
    [InlineData("""
        public class Broken
        {
            public void M(string a)
            {
                var p = Combine(a, Combine(;
                Root = ;
                x. = Combine
                new Combine(
            }
            public string Root { get; set; }
        """)]
    public void Spelled_IsTheWalk(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var text = tree.GetText().ToString();
        var names = Regex.Matches(text, "[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).Distinct().ToList();
        var spelled = new FolderModel.TreeIndex(tree);
        var walked = new FolderModel.TreeIndex(tree);
        var nonEmpty = 0;
        foreach (var name in names)
        {
            var positions = new List<int>();
            foreach (Match word in Regex.Matches(text, "(?<![A-Za-z0-9_])" + Regex.Escape(name) + "(?![A-Za-z0-9_])"))
            {
                positions.Add(word.Index);
            }

            foreach (var calls in new[] { true, false })
            {
                var expected = walked.Walked(name, calls, CancellationToken.None);
                var found = spelled.Spelled(name, calls, positions, CancellationToken.None);
                Assert.Equal(expected.Select(n => (n.SpanStart, n.Span.Length, n.RawKind)), found.Select(n => (n.SpanStart, n.Span.Length, n.RawKind)));
                Assert.Equal(expected, found);
                nonEmpty += expected.Length > 0 ? 1 : 0;
            }
        }

        Assert.True(nonEmpty >= 2);
    }
}
