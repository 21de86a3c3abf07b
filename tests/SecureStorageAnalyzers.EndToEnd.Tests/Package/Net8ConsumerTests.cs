using SecureStorageAnalyzers.TestShared;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The packed package in a <c>net8.0</c> web project (ASP.NET Core 8, the LTS the README promises), beside the
/// <c>net10.0</c> consumer: the examples of the pages of the <c>Hosting/</c> rules (docs/rules/SSA0001.md to SSA0006.md),
/// each a file of this project (<see cref="RulePageExamples"/>), get their rule at their marked lines and nowhere else.
/// Lines, not columns, are compared, so the test holds whatever exact span a rule reports.
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

    /// <summary>The app's own pipeline, which the examples' methods sit beside: no finding.</summary>
    public const string ProgramText = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    [Fact]
    public async Task Net8_web_consumer_gets_each_hosting_rule_at_its_pages_examples()
    {
        var directory = Path.Combine(fixture.Root, "consumer-net8");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ProjectFile), ProjectFileText(fixture.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"),
            ConsumerProject.NuGetConfigText(fixture.FeedDirectory, Path.Combine(fixture.Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ProgramText);
        var examples = RulePageExamples.Write(ExampleConsumer.Net8, directory);

        var restore = await fixture.Timings.TimeAsync("net8.0 consumer restore", output,
            () => PackedConsumerFixture.RunAsync(directory, "restore", "-tl:off"));
        Assert.True(restore.ExitCode == 0, $"dotnet restore of the net8.0 consumer failed (the .NET 8 targeting packs come from the package feed):\n{restore}");

        string[] build = ["build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off"];
        var result = await fixture.Timings.TimeAsync("net8.0 consumer build", output, () => PackedConsumerFixture.RunAsync(directory, build));
        output.WriteLine($"$ dotnet {string.Join(' ', build)}\n{result}");
        PackedConsumerFixture.AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', build)}");

        RulePageExamples.AssertBuilt(examples, directory, result.Output);
        var program = BuildOutput.SsaFindings(result.Output).Where(f => f.File == "Program.cs").ToList();
        Assert.True(program.Count == 0, $"Program.cs holds no finding:\n{BuildOutput.Describe(program)}");
        Assert.True(result.ExitCode == 0, $"Warnings alone must not fail the build:\n{result}");
    }
}
