using SecureStorageAnalyzers.EndToEnd.Tests.Samples;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The packed package in a <c>net8.0</c> web project (ASP.NET Core 8, the LTS the README promises), beside the
/// <c>net10.0</c> consumer: one finding of every code rule, each at its marked line. Lines, not columns, are compared,
/// so the test holds whatever exact span a rule reports.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class Net8ConsumerTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    public const string ProjectFile = "Consumer8.csproj";

    // No apphost: the build needs only the .NET 8 and ASP.NET Core 8 targeting packs, restored like any package.
    public static string ProjectFileText(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net8.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <UseAppHost>false</UseAppHost>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SecureStorageAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>Each line that must get findings ends with their ids.</summary>
    public const string ProgramText = """
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseStaticFiles("/recordings"); app.UseDirectoryBrowser(); // SSA0001 SSA0002
        app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true }); // SSA0003
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Environment.ContentRootPath), RequestPath = "/support" }); // SSA0004
        app.MapGet("/recordings/{name}", (string name) => Results.File(Path.Combine("/srv/recordings", name), "audio/mpeg")); // SSA0005
        app.MapPost("/notes", (IWebHostEnvironment env) => File.WriteAllText(Path.Combine(env.WebRootPath, "last-note.txt"), "note")); // SSA0006
        app.MapPost("/calls/{callerPhoneNumber}", (string callerPhoneNumber) => File.Create(Path.Combine("/srv/calls", callerPhoneNumber + ".mp3")).Dispose()); // SSA0101
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/calls"), RequestPath = "/calls" }); // SSA0001 SSA0009
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public async Task Net8_web_consumer_gets_every_code_rule_at_its_line()
    {
        var directory = Path.Combine(fixture.Root, "consumer-net8");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ProjectFile), ProjectFileText(fixture.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"),
            ConsumerProject.NuGetConfigText(fixture.FeedDirectory, Path.Combine(fixture.Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ProgramText);

        var restore = await fixture.Timings.TimeAsync("net8.0 consumer restore", output,
            () => PackedConsumerFixture.RunAsync(directory, "restore", "-tl:off"));
        Assert.True(restore.ExitCode == 0, $"dotnet restore of the net8.0 consumer failed (the .NET 8 targeting packs come from the package feed):\n{restore}");

        string[] build = ["build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off"];
        var result = await fixture.Timings.TimeAsync("net8.0 consumer build", output, () => PackedConsumerFixture.RunAsync(directory, build));
        output.WriteLine($"$ dotnet {string.Join(' ', build)}\n{result}");
        PackedConsumerFixture.AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', build)}");
        // SSA0009 (the exposure chain) is an error by default: it, and nothing else, fails this build.
        Assert.True(result.ExitCode != 0, $"SSA0009 is an error by default and must fail the build:\n{result}");
        Assert.Equal(["SSA0009"], BuildOutput.Findings(result.Output).Where(f => f.Severity == "error").Select(f => f.Id).Distinct());

        var expected = Expected();
        // Rules that need a cloud storage SDK are exempt: this consumer references none (see PackRules.NeedingACloudSdk).
        Assert.Equal(PackRules.Ids.Except(PackRules.NeedingACloudSdk).Except(PackRules.NeedingSystemWeb), expected.Select(e => e.Split(' ')[1]).Distinct().Order(StringComparer.Ordinal));
        var actual = BuildOutput.SsaFindings(result.Output)
            .Select(f => $"{f.File}({f.Line}) {f.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}\n{result}");
    }

    /// <summary>"Program.cs(line) id" for every id at the end of a line of <see cref="ProgramText"/>.</summary>
    private static List<string> Expected()
    {
        var lines = ProgramText.Split('\n');
        var expected = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var comment = lines[i].LastIndexOf("// SSA", StringComparison.Ordinal);
            if (comment >= 0)
            {
                expected.AddRange(lines[i][(comment + 3)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(id => $"Program.cs({i + 1}) {id}"));
            }
        }

        return expected.Order(StringComparer.Ordinal).ToList();
    }
}
