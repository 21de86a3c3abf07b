using SecureStorageAnalyzers.TestShared;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The packed package in a <c>net10.0</c> web project that references the four cloud storage SDKs (Azure.Storage.Blobs,
/// AWSSDK.S3, Google.Cloud.Storage.V1 and Minio, restored from the package feed like any dependency): the examples of the
/// pages of the rules of <c>CloudStorage/</c>, <c>PersonalData/</c> and <c>ExposureChain/</c> (their pages use the SDKs),
/// each a file of this project (<see cref="RulePageExamples"/>), get their rule in a real <c>dotnet build</c> against the
/// SDKs' own assemblies at their marked lines, and their compliant forms stay silent.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class CloudConsumerTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    public const string ProjectFile = "CloudConsumer.csproj";

    public static string ProjectFileText(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <UseAppHost>false</UseAppHost>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SecureStorageAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
            <PackageReference Include="Azure.Storage.Blobs" Version="12.30.1" />
            <PackageReference Include="AWSSDK.S3" Version="4.1.0.1" />
            <PackageReference Include="Google.Cloud.Storage.V1" Version="5.0.0" />
            <PackageReference Include="Minio" Version="7.0.0" />
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
    public async Task Consumer_with_the_cloud_SDKs_gets_each_rule_at_its_pages_examples()
    {
        var directory = Path.Combine(fixture.Root, "consumer-cloud");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ProjectFile), ProjectFileText(fixture.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"),
            ConsumerProject.NuGetConfigText(fixture.FeedDirectory, Path.Combine(fixture.Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), ProgramText);
        var examples = RulePageExamples.Write(ExampleConsumer.Cloud, directory);

        var restore = await fixture.Timings.TimeAsync("cloud consumer restore", output,
            () => PackedConsumerFixture.RunAsync(directory, "restore", "-tl:off"));
        Assert.True(restore.ExitCode == 0, $"dotnet restore of the cloud consumer failed (the SDKs come from the package feed):\n{restore}");

        string[] build = ["build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off"];
        var result = await fixture.Timings.TimeAsync("cloud consumer build", output, () => PackedConsumerFixture.RunAsync(directory, build));
        output.WriteLine($"$ dotnet {string.Join(' ', build)}\n{result}");
        PackedConsumerFixture.AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', build)}");

        RulePageExamples.AssertBuilt(examples, directory, result.Output);
        var program = BuildOutput.SsaFindings(result.Output).Where(f => f.File == "Program.cs").ToList();
        Assert.True(program.Count == 0, $"Program.cs holds no finding:\n{BuildOutput.Describe(program)}");
        // SSA0009 (the exposure chain, its page's examples among these) is an error by default: it, and nothing else, fails this build.
        Assert.True(result.ExitCode != 0, $"SSA0009 is an error by default and must fail the build:\n{result}");
        Assert.Equal(["SSA0009"], BuildOutput.Findings(result.Output).Where(f => f.Severity == "error").Select(f => f.Id).Distinct());
    }
}
