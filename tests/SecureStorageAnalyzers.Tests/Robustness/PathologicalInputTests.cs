using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>
/// Pathological input: no stack overflow, time bounded and reported, and exactly the findings the input holds (so a
/// rule that gives up on large input, or reports nothing after a timeout of its own, fails). The bound is relative: the
/// analyzers may take at most <see cref="Ratio"/> times what the compiler alone takes to bind the same input, measured
/// in the same test just before (with a floor of <see cref="Floor"/> for inputs the compiler binds in a moment). Both
/// readings slow down together when these tests share two cores with the rest of the run, so the load of the machine
/// does not decide the outcome (a fixed 240 s bound did: the 5 MB file, about 30 s alone, took 255 to 448 s under a load
/// of 13 to 23). What the bound catches is a blow-up (the quadratic walk these tests found did not finish at all), not a
/// regression of a few percent: the benchmark measures those.
/// </summary>
public class PathologicalInputTests(ITestOutputHelper output)
{
    /// <summary>The analyzers' time (their binding included) over the compiler's own time for the same input.</summary>
    private const int Ratio = 20;

    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(60);

    /// <summary>One SSA0101 per path built: each local's Path.Combine reports where it is built, the use does not repeat it.</summary>
    [Fact]
    public Task MethodWithTenThousandStatements() => MeasureAsync("10,000 statements", Expect("SSA0101", 10_000), Program(sb =>
    {
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("var p").Append(i).Append(" = Path.Combine(root, phone + \"").Append(i).AppendLine(".mp3\");");
        }

        sb.AppendLine("File.Create(p9999);");
    }));

    /// <summary>
    /// The walk is bounded (ValueFlowTracker.MaxDepth, 32 levels): of a left-nested concatenation of 10,000 operators it
    /// reaches the last 16 <c>+ "/" + phone</c> terms, each reported (identifiers of the one finding for the path). The sink is still reported; the count pins the bound.
    /// </summary>
    [Fact]
    public Task ConcatenationFiveThousandDeep() => MeasureAsync("5,000-term concatenation", Expect("SSA0101", 16), Program(sb =>
    {
        sb.Append("File.Create(root");
        for (var i = 0; i < 5_000; i++)
        {
            sb.Append(" + \"/\" + phone");
        }

        sb.AppendLine(");");
    }));

    /// <summary>
    /// Parentheses are no operation in C#: the phone inside 2,000 of them is one finding. The 1,000 nested conditionals
    /// meet the walk's bound (32 levels): the phones of the first 32 are reported.
    /// </summary>
    [Fact]
    public Task ParenthesesTwoThousandDeep() => MeasureAsync("2,000 nested parentheses and conditionals", Expect("SSA0101", 1 + 32), Program(sb =>
    {
        sb.Append("File.Create(").Append('(', 2_000).Append("phone").Append(')', 2_000).AppendLine(");");
        sb.Append("File.Create(");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("args.Length > ").Append(i).Append(" ? phone : (");
        }

        sb.Append("root").Append(')', 1_000).AppendLine(");");
    }));

    /// <summary>Every hole is an identifier of the one finding for the path.</summary>
    [Fact]
    public Task InterpolationWithThreeThousandHoles() => MeasureAsync("3,000-hole interpolated string", Expect("SSA0101", 3_000), Program(sb =>
    {
        sb.Append("File.Create($\"");
        for (var i = 0; i < 3_000; i++)
        {
            sb.Append("/{phone}");
        }

        sb.AppendLine(".mp3\");");
    }));

    /// <summary>One SSA0005 per anonymous endpoint whose file the route chooses: every endpoint of the file.</summary>
    [Fact]
    public Task FiveMegabyteFile()
    {
        var endpoints = 0;
        var source = Program(sb =>
        {
            while (sb.Length < 5 * 1024 * 1024)
            {
                sb.Append("app.MapGet(\"/r").Append(endpoints).Append("/{name}\", (string name) => Results.File(Path.Combine(root, name + \"")
                  .Append(endpoints++).AppendLine(".mp3\")));");
            }
        });
        Assert.True(endpoints > 40_000, $"only {endpoints} endpoints generated");
        return MeasureAsync("5 MB file", Expect("SSA0005", endpoints), source);
    }

    private static Dictionary<string, int> Expect(string id, int count) => new() { [id] = count };

    private static string Program(Action<StringBuilder> body)
    {
        var sb = new StringBuilder("var builder = WebApplication.CreateBuilder(args); var app = builder.Build(); string phone = args[0]; string root = \"/srv\";\n");
        body(sb);
        sb.AppendLine("app.Run();");
        return sb.ToString();
    }

    private async Task MeasureAsync(string what, Dictionary<string, int> expected, string source)
    {
        // The compiler's own time: a compilation of its own, so the analyzers' run below binds the input afresh too.
        var compilerOnly = Stopwatch.StartNew();
        var compilerDiagnostics = AnalyzerHarness.Compile(new[] { source }).GetDiagnostics();
        compilerOnly.Stop();
        Assert.DoesNotContain(compilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var bound = TimeSpan.FromTicks(Math.Max(Floor.Ticks, compilerOnly.Elapsed.Ticks * Ratio));

        var compilation = AnalyzerHarness.Compile(new[] { source });
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        stopwatch.Stop();
        output.WriteLine($"{what}: {source.Length / 1024} KiB, {diagnostics.Length} diagnostics, analyzers {stopwatch.Elapsed.TotalSeconds:F1}s, compiler alone {compilerOnly.Elapsed.TotalSeconds:F1}s");
        Console.WriteLine($"[robustness] {what}: analyzers {stopwatch.Elapsed.TotalSeconds:F1}s, compiler alone {compilerOnly.Elapsed.TotalSeconds:F1}s");
        Assert.True(stopwatch.Elapsed < bound, $"{what} took {stopwatch.Elapsed}, more than {Ratio} times the compiler's {compilerOnly.Elapsed} (bound {bound})");
        // SSA0101 reports one finding per path; its identifiers are the primary location and the additional locations
        // after the storage call, so what it found is counted in identifiers.
        var found = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key,
            g => g.Key == "SSA0101" ? g.Sum(d => Math.Max(1, d.AdditionalLocations.Count)) : g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), found.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
