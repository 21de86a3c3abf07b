using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// The per-file settings cache behind the authorization helpers and SSA0101's trackers: each file gets the value of its
/// own settings, whatever the order files are asked in, and each distinct settings object is read once.
/// </summary>
public class OptionsCacheTests
{
    [Fact]
    public void EachFileGetsItsOwnSettings_InAnyOrder_ReadOncePerSettings()
    {
        var a = CSharpSyntaxTree.ParseText("class A { }", path: "/src/Admin/A.cs");
        var b = CSharpSyntaxTree.ParseText("class B { }", path: "/src/Public/B.cs");
        var c = CSharpSyntaxTree.ParseText("class C { }", path: "/src/Admin/C.cs");
        var admin = new Options("admin");
        var provider = new Provider(new Dictionary<SyntaxTree, AnalyzerConfigOptions> { [a] = admin, [b] = new Options("public"), [c] = admin });
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider);
        var reads = new List<string>();
        var cache = new OptionsCache<string>(o =>
        {
            var value = ((Options)o).Value;
            reads.Add(value);
            return value;
        });

        var answers = new[] { a, a, b, a, c, b, c }.Select(tree => cache.For(options, tree)).ToList();

        Assert.Equal(["admin", "admin", "public", "admin", "admin", "public", "admin"], answers);
        Assert.Equal(["admin", "public"], reads);
    }

    [Fact]
    public void AnotherOptionsObject_IsAskedAgain()
    {
        var tree = CSharpSyntaxTree.ParseText("class A { }", path: "/src/A.cs");
        var first = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
            new Provider(new Dictionary<SyntaxTree, AnalyzerConfigOptions> { [tree] = new Options("before edit") }));
        var second = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty,
            new Provider(new Dictionary<SyntaxTree, AnalyzerConfigOptions> { [tree] = new Options("after edit") }));
        var cache = new OptionsCache<string>(o => ((Options)o).Value);

        Assert.Equal("before edit", cache.For(first, tree));
        Assert.Equal("after edit", cache.For(second, tree));
        Assert.Equal("before edit", cache.For(first, tree));
    }

    private sealed class Provider(Dictionary<SyntaxTree, AnalyzerConfigOptions> byTree) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options("global");

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => byTree[tree];

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Options(string value) : AnalyzerConfigOptions
    {
        public string Value { get; } = value;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? result)
        {
            result = null;
            return false;
        }
    }
}
