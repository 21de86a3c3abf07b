using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>
/// Pathological input: no stack overflow, time bounded and reported. The bound is generous: these tests share two
/// cores with the rest of the run (the end-to-end builds run at the same time), and the 5 MB file takes about 30 s
/// alone but up to 100 s under that load. What the bound catches is a blow-up (the quadratic walk these tests found
/// did not finish at all), not a regression of a few percent: the benchmark measures those.
/// </summary>
public class PathologicalInputTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(240);

    [Fact]
    public Task MethodWithTenThousandStatements() => MeasureAsync("10,000 statements", Program(sb =>
    {
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("var p").Append(i).Append(" = Path.Combine(root, phone + \"").Append(i).AppendLine(".mp3\");");
        }

        sb.AppendLine("File.Create(p9999);");
    }));

    [Fact]
    public Task ConcatenationFiveThousandDeep() => MeasureAsync("5,000-term concatenation", Program(sb =>
    {
        sb.Append("File.Create(root");
        for (var i = 0; i < 5_000; i++)
        {
            sb.Append(" + \"/\" + phone");
        }

        sb.AppendLine(");");
    }));

    [Fact]
    public Task ParenthesesTwoThousandDeep() => MeasureAsync("2,000 nested parentheses and conditionals", Program(sb =>
    {
        sb.Append("File.Create(").Append('(', 2_000).Append("phone").Append(')', 2_000).AppendLine(");");
        sb.Append("File.Create(");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("args.Length > ").Append(i).Append(" ? phone : (");
        }

        sb.Append("root").Append(')', 1_000).AppendLine(");");
    }));

    [Fact]
    public Task InterpolationWithThreeThousandHoles() => MeasureAsync("3,000-hole interpolated string", Program(sb =>
    {
        sb.Append("File.Create($\"");
        for (var i = 0; i < 3_000; i++)
        {
            sb.Append("/{phone}");
        }

        sb.AppendLine(".mp3\");");
    }));

    [Fact]
    public Task FiveMegabyteFile() => MeasureAsync("5 MB file", Program(sb =>
    {
        var i = 0;
        while (sb.Length < 5 * 1024 * 1024)
        {
            sb.Append("app.MapGet(\"/r").Append(i).Append("/{name}\", (string name) => Results.File(Path.Combine(root, name + \"")
              .Append(i++).AppendLine(".mp3\")));");
        }
    }));

    private static string Program(Action<StringBuilder> body)
    {
        var sb = new StringBuilder("var builder = WebApplication.CreateBuilder(args); var app = builder.Build(); string phone = args[0]; string root = \"/srv\";\n");
        body(sb);
        sb.AppendLine("app.Run();");
        return sb.ToString();
    }

    private async Task MeasureAsync(string what, string source)
    {
        var compilation = AnalyzerHarness.Compile(new[] { source });
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(compilation);
        stopwatch.Stop();
        output.WriteLine($"{what}: {source.Length / 1024} KiB, {diagnostics.Length} diagnostics, analyzers {stopwatch.Elapsed.TotalSeconds:F1}s");
        Console.WriteLine($"[robustness] {what}: analyzers {stopwatch.Elapsed.TotalSeconds:F1}s");
        Assert.True(stopwatch.Elapsed < Bound, $"{what} took {stopwatch.Elapsed}");
    }
}
