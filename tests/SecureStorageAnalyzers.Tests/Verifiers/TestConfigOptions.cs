using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// Fixed <c>key = value</c> settings handed to the analyzers as the compiler hands them .editorconfig and .globalconfig
/// keys: per file (an <c>[*.cs]</c> section), global (a .globalconfig), both, or chosen per syntax tree. The values are
/// read as given, with the dictionary's own key comparer.
/// </summary>
public sealed class TestConfigOptions : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = Of(new Dictionary<string, string>());

    private readonly AnalyzerConfigOptions _global;
    private readonly Func<SyntaxTree, AnalyzerConfigOptions> _perTree;
    private readonly AnalyzerConfigOptions _perText;

    private TestConfigOptions(AnalyzerConfigOptions global, Func<SyntaxTree, AnalyzerConfigOptions> perTree, AnalyzerConfigOptions perText)
    {
        _global = global;
        _perTree = perTree;
        _perText = perText;
    }

    /// <summary>The same settings for every file and additional file, as an <c>[*.cs]</c> section gives them; no global ones.</summary>
    public static TestConfigOptions PerFile(IReadOnlyDictionary<string, string> values)
    {
        var options = Of(values);
        return new TestConfigOptions(Empty, _ => options, options);
    }

    /// <summary>Global settings only, as a .globalconfig gives them; files have none of their own.</summary>
    public static TestConfigOptions Global(IReadOnlyDictionary<string, string> values) =>
        new(Of(values), _ => Empty, Empty);

    /// <summary>The same settings globally and for every file and additional file.</summary>
    public static TestConfigOptions Everywhere(IReadOnlyDictionary<string, string> values)
    {
        var options = Of(values);
        return new TestConfigOptions(options, _ => options, options);
    }

    /// <summary>
    /// Each syntax tree's own settings, asked of <paramref name="values"/> every time (a new options object per call);
    /// no global ones, none for additional files.
    /// </summary>
    public static TestConfigOptions ByTree(Func<SyntaxTree, IReadOnlyDictionary<string, string>> values) =>
        new(Empty, tree => Of(values(tree)), Empty);

    /// <summary>One set of settings, for code that reads an <see cref="AnalyzerConfigOptions"/> directly.</summary>
    public static AnalyzerConfigOptions Of(IReadOnlyDictionary<string, string> values) => new Options(values);

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _perTree(tree);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _perText;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
