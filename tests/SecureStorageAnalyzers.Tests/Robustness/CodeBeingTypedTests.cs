using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>
/// Code being typed: every sample source cut at token boundaries (a seeded sample of the cuts by default; all of them
/// with <c>SSA_FUZZ=all</c>), sources with syntax errors, missing references and error types everywhere. An analyzer
/// exception would show users AD0001 and silently drop every rule of the pack: none may happen.
/// </summary>
public class CodeBeingTypedTests(ITestOutputHelper output)
{
    private const int CutsPerFileInCi = 60;

    public static TheoryData<string> SampleFiles => new(SamplePaths());

    private static IEnumerable<string> SamplePaths() =>
        Directory.EnumerateFiles(Path.Combine(TestReferences.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(TestReferences.RepositoryRoot, f));

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task EveryCutAtATokenBoundary_NeverThrows(string relativePath)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(TestReferences.RepositoryRoot, relativePath));
        var boundaries = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
        var all = Environment.GetEnvironmentVariable("SSA_FUZZ") == "all";
        var random = new Random(relativePath.Length * 7919 + boundaries.Count);
        var cuts = all ? boundaries : boundaries.OrderBy(_ => random.Next()).Take(CutsPerFileInCi).ToList();

        foreach (var cut in cuts)
        {
            // The prefix as typed so far, and the same file with the token at the cut deleted (an edit in the middle).
            var prefix = text.Substring(0, cut);
            await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { prefix }));
        }

        output.WriteLine($"{relativePath}: {cuts.Count} of {boundaries.Count} cuts analyzed without an exception.");
    }

    private const int CutsPerTestCaseInCi = 4;

    public static TheoryData<string> TestFiles => new(
        Directory.EnumerateFiles(Path.Combine(TestReferences.RepositoryRoot, "tests", "SecureStorageAnalyzers.Tests"), "*Tests.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(TestReferences.RepositoryRoot, f)));

    /// <summary>
    /// The C# test cases of the unit tests (their raw string literals, markup removed), cut at token boundaries: a
    /// seeded sample of a few cuts per case by default, every cut with <c>SSA_FUZZ=all</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestFiles))]
    public async Task EveryTestCase_CutAtTokenBoundaries_NeverThrows(string relativePath)
    {
        var all = Environment.GetEnvironmentVariable("SSA_FUZZ") == "all";
        var cases = TestCases(await File.ReadAllTextAsync(Path.Combine(TestReferences.RepositoryRoot, relativePath))).ToList();
        var analyzed = 0;
        foreach (var (source, index) in cases.Select((c, i) => (c, i)))
        {
            var boundaries = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Select(t => t.Span.End).Distinct().ToList();
            var random = new Random(relativePath.Length * 31 + index * 7919 + boundaries.Count);
            var cuts = all ? boundaries : boundaries.OrderBy(_ => random.Next()).Take(CutsPerTestCaseInCi).Append(source.Length).ToList();
            foreach (var cut in cuts)
            {
                await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { source.Substring(0, cut) }));
                analyzed++;
            }
        }

        output.WriteLine($"{relativePath}: {cases.Count} test cases, {analyzed} cuts analyzed without an exception.");
    }

    /// <summary>The raw string literals of a test file that hold C# code, with the test markup removed.</summary>
    private static IEnumerable<string> TestCases(string testFile)
    {
        foreach (var token in CSharpSyntaxTree.ParseText(testFile).GetRoot().DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            {
                continue;
            }

            var text = System.Text.RegularExpressions.Regex.Replace(token.ValueText, @"\{\|(#\d+|[A-Z]+\d+):|\|\}|\[\||\|\]", string.Empty);
            if (text.Contains(';', StringComparison.Ordinal) && !text.TrimStart().StartsWith('<'))
            {
                yield return text;
            }
        }
    }

    [Theory]
    [InlineData("app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(")]
    [InlineData("app.MapGet(\"/x/{name}\", (string name) => Results.File(Path.Combine(root, name")]
    [InlineData("File.WriteAllText(Path.Combine(env.WebRootPath, $\"{phone}.")]
    [InlineData("var x = ; app.UseDirectoryBrowser(x); builder.WebHost.UseWebRoot(")]
    [InlineData("class C : ControllerBase { [AllowAnonymous] public IActionResult Get(string f) => PhysicalFile(f, }")]
    [InlineData("app.Map(\"/a\", b => b.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = c => { if (!c.Context.User.Identity.")]
    [InlineData("string PathFor(string p) => PathFor(p); File.Create(PathFor(phone));")]
    [InlineData("var a = a + phone; File.Create(a);")]
    [InlineData("UnknownType x = Unknown.Method(phone); File.Create(x.Path + \"/\" + phone);")]
    public async Task SyntaxErrorsAndErrorTypes_NeverThrow(string statements)
    {
        var source = "using Microsoft.Extensions.FileProviders;\nusing Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\n" +
                     "var builder = WebApplication.CreateBuilder(args); var app = builder.Build(); var env = app.Environment; " +
                     "string phone = args[0]; string root = \"/srv\";\n" + statements;
        await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { source }));
    }

    [Fact]
    public async Task HalfTheReferencesMissing_NeverThrows()
    {
        // ASP.NET Core without its hosting and static file assemblies: half the pack's types do not resolve.
        var partial = TestReferences.AspNetCore
            .Where(r => r.Display is { } d && !d.Contains("StaticFiles", StringComparison.Ordinal) && !d.Contains("Hosting", StringComparison.Ordinal) &&
                        !d.Contains("Authorization", StringComparison.Ordinal))
            .ToImmutableArray();
        foreach (var file in SamplePaths())
        {
            var text = await File.ReadAllTextAsync(Path.Combine(TestReferences.RepositoryRoot, file));
            await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { text }, partial));
            await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { text }, TestReferences.NetCoreOnly, webUsings: false));
        }
    }

    [Fact]
    public async Task AdditionalFiles_TruncatedAndBinary_NeverThrow()
    {
        var config = "<configuration><system.webServer><directoryBrowse enabled=\"true\" /></system.webServer></configuration>";
        var texts = Enumerable.Range(0, config.Length).Select(i => config.Substring(0, i))
            .Append("\0\u0001\u0002 not xml at all")
            .Select((t, i) => (AdditionalText)new InMemoryText($"/src/web.{i}.config", t))
            .ToImmutableArray();
        await AnalyzerHarness.AnalyzeAsync(AnalyzerHarness.Compile(new[] { "var app = WebApplication.Create(args);" }), additionalFiles: texts);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
