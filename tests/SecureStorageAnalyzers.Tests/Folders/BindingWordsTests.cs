using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Live;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>
/// The pre-scan finds the words of the folder model's binding names (<see cref="FolderModel.BindingNames"/>) in its own
/// pass, for the trees the folder model's index would search as text: exactly the words such a search finds (the name
/// with no letter, digit or underscore either side, after an <c>@</c> too; not the tail of <c>1Get</c>), and no entry for
/// a tree whose text is not ASCII or holds a Unicode escape (the index walks those).
/// </summary>
public class BindingWordsTests
{
    private const string Options = """
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        public sealed class StorageOptions { public string Root { get; set; } = ""; }

        public static class Setup
        {
            // Bind, Get and Configure in a comment; "Get" and "BindConfiguration" in a string; 1Get and x_Get are no words.
            public static void Add(IServiceCollection services, IConfiguration configuration)
            {
                services.Configure<StorageOptions>(configuration.GetSection("Storage"));
                services.AddOptions<StorageOptions>().BindConfiguration("Storage");
                services.AddOptions<StorageOptions>().Bind(configuration.GetSection("Storage"));
                var options = configuration.GetSection("Storage").Get<StorageOptions>();
                var @Get = "Get"; var x_Get = 1; var text = "1Get BindConfiguration";
                configuration.GetSection("Storage").@Bind(options);
            }
        }
        """;

    private const string NotAscii = """
        public static class Café { public static void Bind() { Bind(); } }
        """;

    private const string Escaped = """
        public static class Escaped { public static void Bind() { \u0042ind(); } }
        """;

    [Fact]
    public void PreScan_FindsTheWordsTheIndexWouldSearchFor()
    {
        var analyzer = new SecureStorageAnalyzer();
        Compilation compilation = DocumentScope.Compile([("/src/Program.cs", "var app = Microsoft.AspNetCore.Builder.WebApplication.Create(); app.UseStaticFiles(); app.Run();"),
            ("/src/Setup.cs", Options), ("/src/Cafe.cs", NotAscii), ("/src/Escaped.cs", Escaped)]);
        var types = WellKnownTypes.GetOrCreate(compilation);
        Assert.NotEmpty(analyzer.CreateRules(compilation, CancellationToken.None));
        var shared = CompilationFacts.For(types);
        shared.UseSyntaxCache(analyzer.SyntaxCache);
        Assert.Null(shared.BindingWords);
        shared.Get(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);

        var words = shared.BindingWords;
        Assert.NotNull(words);
        var trees = compilation.SyntaxTrees.ToDictionary(t => Path.GetFileName(t.FilePath));
        Assert.False(words.ContainsKey(trees["Cafe.cs"]));
        Assert.False(words.ContainsKey(trees["Escaped.cs"]));

        var setup = trees["Setup.cs"];
        var text = setup.GetText().ToString();
        var found = 0;
        for (var i = 0; i < FolderModel.BindingNames.Length; i++)
        {
            var name = FolderModel.BindingNames[i];
            var expected = Regex.Matches(text, "(?<![A-Za-z0-9_])" + name + "(?![A-Za-z0-9_])").Select(m => m.Index).ToList();
            Assert.Equal(expected, words[setup][i] ?? []);
            found += expected.Count;
        }

        // Configure 2 (the comment, the call), Bind 3 (the comment, .Bind, .@Bind), BindConfiguration 3 (the comment, the
        // call, the string), Get 5 (the comment, .Get<…>, @Get, "Get", and not 1Get, x_Get or GetSection).
        Assert.Equal(new[] { 2, 3, 3, 5 }, Enumerable.Range(0, 4).Select(i => words[setup][i]?.Count ?? 0));
        Assert.Equal(13, found);
    }
}
