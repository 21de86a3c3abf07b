using System.Globalization;
using System.Text.Json;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using SecureStorageAnalyzers.EndToEnd.Tests.Package;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Tool;

/// <summary>
/// The audit tool as an auditor meets it (issue #18): installed from its freshly packed nupkg into a local tool
/// manifest, run on code it did not build. Its findings must be the build's findings (one set of rules), its SARIF must
/// have the 2.1.0 shape code-scanning services read, and its exit code must follow --fail-on.
/// </summary>
[Collection(AuditToolCollection.Name)]
public sealed class AuditToolTests(AuditToolFixture fixture, ITestOutputHelper output)
{
    private const string IncidentSample = "SecureStorageAnalyzers.Samples.IncidentApp";

    [Fact]
    public async Task IncidentSample_FailsTheScan_AndReportsWhatTheBuildReportsAsync()
    {
        var sarifPath = Path.Combine(fixture.Root, "incident.sarif");
        var project = Path.Combine(DotNet.RepositoryRoot, "samples", IncidentSample, IncidentSample + ".csproj");
        var run = await ScanAsync("scan incident sample", project, "--restore", "--sarif", sarifPath);

        Assert.True(run.ExitCode == 1, $"findings at the default threshold (warning) must exit 1:\n{run}");
        // Chains first: the console summary opens with them, before the per-rule counts.
        var chains = run.Output.IndexOf("Exposure chains", StringComparison.Ordinal);
        var rules = run.Output.IndexOf("Findings by rule", StringComparison.Ordinal);
        Assert.True(chains >= 0 && rules > chains, run.ToString());
        Assert.Contains("(MSBuild)", run.Output, StringComparison.Ordinal);

        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath));
        var results = AssertSarif210Shape(sarif.RootElement);

        // One set of rules: the tool finds exactly what `dotnet build` of the sample reports (the committed snapshot of
        // IncidentSampleTests), at the same lines with the same messages.
        var snapshot = Path.Combine(DotNet.RepositoryRoot, "tests", "SecureStorageAnalyzers.EndToEnd.Tests", "Samples", "__snapshots__", "IncidentSampleTests.Diagnostics.snap");
        using var expected = JsonDocument.Parse(File.ReadAllText(snapshot).TrimStart('\uFEFF'));
        var fromBuild = expected.RootElement.EnumerateArray()
            .Select(e => $"{e.GetProperty("Id").GetString()} {e.GetProperty("File").GetString()}:{e.GetProperty("Line").GetInt32()} {e.GetProperty("Message").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
        var fromTool = results
            .Select(r => $"{r.RuleId} samples/{IncidentSample}/{r.Uri}:{r.Line} {r.Message}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fromBuild, fromTool);
    }

    [Fact]
    public async Task SecureSample_ExitsZeroWithNoFindingAsync()
    {
        var sarifPath = Path.Combine(fixture.Root, "secure.sarif");
        var project = Path.Combine(DotNet.RepositoryRoot, "samples", "SecureStorageAnalyzers.Samples.SecureApp", "SecureStorageAnalyzers.Samples.SecureApp.csproj");
        var markdownPath = Path.Combine(fixture.Root, "secure.md");
        var run = await ScanAsync("scan secure sample", project, "--restore", "--sarif", sarifPath, "--format", "markdown", "--output", markdownPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(sarifPath));
        Assert.Empty(AssertSarif210Shape(sarif.RootElement));

        // The markdown report for a ticket: a title naming the target, no chain, and a zero in every rule's row.
        var markdown = await File.ReadAllLinesAsync(markdownPath);
        Assert.StartsWith("# Storage exposure audit: ", markdown[0], StringComparison.Ordinal);
        Assert.Equal("None found.", markdown.SkipWhile(l => l != "## Exposure chains").Skip(2).First());
        var ruleRows = markdown.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains("](https://", StringComparison.Ordinal)).ToList();
        Assert.Contains(ruleRows, r => r.Contains("[SSA0001]", StringComparison.Ordinal));
        Assert.All(ruleRows, r => Assert.Equal("0", r.Split('|')[4].Trim()));
    }

    /// <summary>
    /// An auditor's copy: one project that cannot restore (a private package, an old target framework, no feed) and one
    /// that loads; a shared .editorconfig raises SSA0003 to error. The first is compiled by the fallback, says so, and
    /// gives its resolution figure; both honour the .editorconfig and see their web.config.
    /// </summary>
    [Fact]
    public async Task FolderThatDoesNotRestore_FallsBack_AndSaysHowMuchResolvedAsync()
    {
        var folder = WriteAuditorsCopy();
        var jsonPath = Path.Combine(fixture.Root, "auditors-copy.json");
        var run = await ScanAsync("scan folder (fallback)", folder, "--restore", "--format", "json", "--output", jsonPath, "--fail-on", "error");

        Assert.True(run.ExitCode == 1, $"SSA0003 at error severity (.editorconfig) with --fail-on error must exit 1:\n{run}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath));
        var projects = report.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var legacy = projects["Legacy"];
        Assert.Equal("fallback", legacy.GetProperty("loadedBy").GetString());
        Assert.False(string.IsNullOrWhiteSpace(legacy.GetProperty("fallbackReason").GetString()), legacy.ToString());
        var lines = legacy.GetProperty("lines").GetInt32();
        var errors = legacy.GetProperty("compileErrors").GetInt32();
        Assert.True(lines > 0 && errors > 0, $"the missing package's types cannot resolve: {legacy}");
        Assert.Equal(Math.Round(errors * 1000.0 / lines, 2), legacy.GetProperty("compileErrorsPerThousandLines").GetDouble(), 2);
        Assert.Equal("msbuild", projects["Web"].GetProperty("loadedBy").GetString());

        var findings = report.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString()!, Project: f.GetProperty("project").GetString()!, Severity: f.GetProperty("severity").GetString()!,
                File: f.GetProperty("location").GetProperty("path").GetString()!))
            .ToList();
        foreach (var name in new[] { "Legacy", "Web" })
        {
            Assert.Contains(findings, f => f.Project == name && f.Rule == "SSA0003" && f.Severity == "error");
            Assert.Contains(findings, f => f.Project == name && f.Rule == "SSA0002" && f.File == $"{name}/web.config");
        }

        // The progress on the console names the fallback and gives the same figure.
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Legacy (fallback): {lines} lines, {errors} compile errors ({errors * 1000.0 / lines:0.0}/1k lines)"),
            run.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue #18's cross-project chain: a worker project writes recordings named after the caller into the folder
    /// configured at Storage:Recordings, a web project of the same solution serves that configured folder anonymously.
    /// Neither build sees the chain; the tool reports one SSA0009 on the web project's registration, the write as its
    /// related location.
    /// </summary>
    [Fact]
    public async Task WorkerWritesWebServes_OneCrossProjectChainAsync()
    {
        var folder = Path.Combine(fixture.Root, "worker-and-web");
        Directory.CreateDirectory(Path.Combine(folder, "Worker"));
        Directory.CreateDirectory(Path.Combine(folder, "Web"));
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        const string project = """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """;
        // One solution holds both: the tool links projects of one solution (each loose project is a scan of its own).
        File.WriteAllText(Path.Combine(folder, "Recordings.slnx"), """
            <Solution>
              <Project Path="Web/Web.csproj" />
              <Project Path="Worker/Worker.csproj" />
            </Solution>
            """);
        File.WriteAllText(Path.Combine(folder, "Worker", "Worker.csproj"), project);
        File.WriteAllText(Path.Combine(folder, "Web", "Web.csproj"), project);
        File.WriteAllText(Path.Combine(folder, "Worker", "Program.cs"), """
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            new RecordingWriter(configuration).Save(args[0], File.ReadAllBytes(args[1]));

            public sealed class RecordingWriter(IConfiguration configuration)
            {
                public void Save(string callerPhoneNumber, byte[] audio) =>
                    File.WriteAllBytes(Path.Combine(configuration["Storage:Recordings"]!, $"{callerPhoneNumber}.wav"), audio);
            }
            """);
        File.WriteAllText(Path.Combine(folder, "Web", "Program.cs"), """
            using Microsoft.Extensions.FileProviders;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(builder.Configuration["Storage:Recordings"]!), RequestPath = "/calls" });
            app.Run();
            """);

        var jsonPath = Path.Combine(fixture.Root, "worker-and-web.json");
        var run = await ScanAsync("scan worker and web", folder, "--restore", "--format", "json", "--output", jsonPath, "--fail-on", "chain");

        Assert.True(run.ExitCode == 1, $"a chain with --fail-on chain must exit 1:\n{run}");
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(jsonPath));
        var chains = report.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == "SSA0009").ToList();
        var chain = Assert.Single(chains);
        Assert.Equal("Web", chain.GetProperty("project").GetString());
        Assert.Equal("Web/Program.cs", chain.GetProperty("location").GetProperty("path").GetString());
        Assert.Contains("Storage:Recordings", chain.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(chain.GetProperty("relatedLocations").EnumerateArray(), l => l.GetProperty("path").GetString() == "Worker/Program.cs");
    }

    [Fact]
    public async Task BadPath_IsAUsageErrorAsync()
    {
        var run = await fixture.RunToolAsync("scan a missing path", "scan", Path.Combine(fixture.Root, "no-such-folder"));

        Assert.True(run.ExitCode == 2, run.ToString());
    }

    private async Task<CommandResult> ScanAsync(string step, string path, params string[] options)
    {
        // Restore and design-time build outputs of repository projects go under the fixture's folder, never the work tree.
        string[] arguments = ["scan", path, .. options, "-p", "UseArtifactsOutput=true", "-p", $"ArtifactsPath={fixture.ScanArtifacts}"];
        var run = await fixture.RunToolAsync(step, arguments);
        output.WriteLine($"$ securestorage {string.Join(' ', arguments)}\n{run}");
        return run;
    }

    private sealed record SarifResult(string RuleId, string Uri, int Line, string Message);

    /// <summary>The parts of SARIF 2.1.0 that code-scanning services require and rank by.</summary>
    private static List<SarifResult> AssertSarif210Shape(JsonElement root)
    {
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif-2.1.0", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray().ToList());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("securestorage", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "SSA0001");
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Equal($"https://github.com/SecureStorageAnalyzers/SecureStorageAnalyzers/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            var properties = rule.GetProperty("properties");
            var severity = double.Parse(properties.GetProperty("security-severity").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(severity, 0.1, 10.0);
            Assert.Contains("security", properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        }

        var ruleIds = rules.Select(r => r.GetProperty("id").GetString()!).ToList();
        var results = new List<SarifResult>();
        var lastRank = -1;
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var ruleId = result.GetProperty("ruleId").GetString()!;
            var rank = ruleIds.IndexOf(ruleId);
            Assert.True(rank >= 0, $"{ruleId} is not among the driver's rules");
            Assert.Equal(rank, result.GetProperty("ruleIndex").GetInt32());
            Assert.True(rank >= lastRank, "results are ranked by their rule's place in the severity table (chains first)");
            lastRank = rank;
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var line = physical.GetProperty("region").GetProperty("startLine").GetInt32();
            Assert.True(line >= 1);
            results.Add(new SarifResult(ruleId, physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!, line,
                result.GetProperty("message").GetProperty("text").GetString()!));
        }

        return results;
    }

    private string WriteAuditorsCopy()
    {
        var folder = Path.Combine(fixture.Root, "auditors-copy");
        Directory.CreateDirectory(Path.Combine(folder, "Legacy"));
        Directory.CreateDirectory(Path.Combine(folder, "Web"));
        // No feed at all: nothing can be downloaded, so Legacy's private package and net6.0 targeting pack stay missing.
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        File.WriteAllText(Path.Combine(folder, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SSA0003.severity = error\n");
        // Diagnostics located in web.config take their severity from a global config only.
        File.WriteAllText(Path.Combine(folder, ".globalconfig"), "is_global = true\n");
        File.WriteAllText(Path.Combine(folder, "Legacy", "Legacy.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net6.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Contoso.Telephony.Recordings" Version="3.1.4" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Web", "Web.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        const string program = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });
            app.Run();
            """;
        File.WriteAllText(Path.Combine(folder, "Web", "Program.cs"), program);
        File.WriteAllText(Path.Combine(folder, "Legacy", "Program.cs"), program);
        File.WriteAllText(Path.Combine(folder, "Legacy", "Recorder.cs"), """
            using Contoso.Telephony.Recordings;

            public sealed class Recorder(IRecordingClient client)
            {
                public Task<RecordingStream> OpenAsync(string callId) => client.OpenAsync(callId);
            }
            """);
        // The consumer project's web.config: one SSA0002 (directoryBrowse) in each project.
        File.WriteAllText(Path.Combine(folder, "Legacy", "web.config"), ConsumerProject.WebConfigText);
        File.WriteAllText(Path.Combine(folder, "Web", "web.config"), ConsumerProject.WebConfigText);
        return folder;
    }
}
