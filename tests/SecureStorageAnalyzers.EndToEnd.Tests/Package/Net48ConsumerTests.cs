using SecureStorageAnalyzers.TestShared;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The packed package in an SDK-style <c>net48</c> class library that references System.Web (classic ASP.NET on IIS,
/// compiled against the restored Microsoft.NETFramework.ReferenceAssemblies.net48): the findings of the System.Web
/// shapes in C# and of the IIS settings in web.config, each at its marked line, in <c>dotnet build</c>'s output; and the
/// examples of the pages of the <c>Iis/</c> rules (docs/rules/SSA0011.md, SSA0012.md), each a file of this project
/// (<see cref="RulePageExamples"/>; an XML example is the web.config of a folder of its own), at their marked lines.
/// </summary>
[Collection(PackedConsumerCollection.Name)]
public sealed class Net48ConsumerTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    public const string ProjectFile = "ClassicConsumer.csproj";

    public static string ProjectFileText(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net48</TargetFramework>
            <OutputType>Library</OutputType>
          </PropertyGroup>
          <ItemGroup>
            <Reference Include="System.Web" />
            <PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies.net48" Version="1.0.3" PrivateAssets="all" />
            <PackageReference Include="SecureStorageAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>A generic handler; each line that must get findings ends with their ids.</summary>
    public const string HandlerText = """
        using System.Web;

        public class RecordingHandler : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var callerPhoneNumber = context.Request.Form["phone"];
                context.Request.Files[0].SaveAs(context.Server.MapPath("~/recordings/" + callerPhoneNumber + ".wav")); // SSA0006 SSA0101
                context.Response.AddHeader("Content-Disposition", "attachment; filename=" + callerPhoneNumber + ".wav"); // SSA0101
                context.Request.Files[0].SaveAs(context.Server.MapPath("~/App_Data/latest.wav")); // SSA0006
            }

            public bool IsReusable => false;
        }
        """;

    /// <summary>
    /// Generic handlers' code-behind files (path, text) that send the file the query string names: the one whose URL a
    /// <c>&lt;location&gt;</c> of <see cref="WebConfigText"/> denies to anonymous users gets no SSA0005, the other does.
    /// </summary>
    public static readonly (string Path, string Text)[] DownloadHandlers =
    [
        ("Handlers/Download.ashx.cs", Download("Handlers", "")),
        ("Public/Download.ashx.cs", Download("Public", " // SSA0005")),
    ];

    private static string Download(string ns, string marker) => $$"""
        using System.Web;

        namespace {{ns}}
        {
            public class Download : IHttpHandler
            {
                public void ProcessRequest(HttpContext context)
                {
                    context.Response.TransmitFile(context.Server.MapPath("~/App_Data/exports/" + context.Request.QueryString["file"])); {{marker}}
                }

                public bool IsReusable => false;
            }
        }
        """;

    /// <summary>
    /// The IIS configuration; each line that must get findings ends with an XML comment naming them. Un-hiding
    /// App_Data (SSA0011) also makes the handler's write under <c>~/App_Data</c> served (SSA0006).
    /// </summary>
    public const string WebConfigText = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.web>
            <compilation targetFramework="4.8" />
            <authentication mode="Forms" />
          </system.web>
          <location path="recordings">
            <system.web>
              <authorization>
                <deny users="?" /> <!-- SSA0012 -->
              </authorization>
            </system.web>
          </location>
          <location path="Handlers/Download.ashx">
            <system.web>
              <authorization>
                <deny users="?" />
              </authorization>
            </system.web>
          </location>
          <system.webServer>
            <directoryBrowse enabled="true" /> <!-- SSA0002 -->
            <staticContent>
              <mimeMap fileExtension=".*" mimeType="application/octet-stream" /> <!-- SSA0003 -->
            </staticContent>
            <security>
              <requestFiltering>
                <hiddenSegments>
                  <remove segment="App_Data" /> <!-- SSA0011 -->
                </hiddenSegments>
              </requestFiltering>
            </security>
          </system.webServer>
        </configuration>
        """;

    [Fact]
    public async Task Net48_classic_consumer_gets_the_system_web_and_iis_findings_at_their_lines()
    {
        var directory = Path.Combine(fixture.Root, "consumer-net48");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ProjectFile), ProjectFileText(fixture.Version));
        await File.WriteAllTextAsync(Path.Combine(directory, "NuGet.config"),
            ConsumerProject.NuGetConfigText(fixture.FeedDirectory, Path.Combine(fixture.Root, "packages")));
        await File.WriteAllTextAsync(Path.Combine(directory, "RecordingHandler.cs"), HandlerText);
        await File.WriteAllTextAsync(Path.Combine(directory, "Web.config"), WebConfigText);
        foreach (var (path, text) in DownloadHandlers)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
            await File.WriteAllTextAsync(Path.Combine(directory, path), text);
        }

        var examples = RulePageExamples.Write(ExampleConsumer.Net48, directory);

        var restore = await fixture.Timings.TimeAsync("net48 consumer restore", output,
            () => PackedConsumerFixture.RunAsync(directory, "restore", "-tl:off"));
        Assert.True(restore.ExitCode == 0, $"dotnet restore of the net48 consumer failed:\n{restore}");

        string[] build = ["build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off"];
        var result = await fixture.Timings.TimeAsync("net48 consumer build", output, () => PackedConsumerFixture.RunAsync(directory, build));
        output.WriteLine($"$ dotnet {string.Join(' ', build)}\n{result}");
        PackedConsumerFixture.AssertAnalyzersLoaded(result, $"dotnet {string.Join(' ', build)}");
        RulePageExamples.AssertBuilt(examples, directory, result.Output);
        Assert.True(result.ExitCode == 0, $"Warnings alone must not fail the build:\n{result}");

        var expected = Expected("RecordingHandler.cs", HandlerText, "// ").Concat(Expected("Web.config", WebConfigText, "<!-- "))
            .Concat(DownloadHandlers.SelectMany(handler => Expected(Path.GetFileName(handler.Path), handler.Text, "// ")))
            .Order(StringComparer.Ordinal).ToList();
        // The hand-written files: every finding outside the examples' folder is at a marked line.
        var actual = BuildOutput.FindingsByPath(result.Output, directory)
            .Where(f => f.Id.StartsWith("SSA", StringComparison.Ordinal) && !f.File.StartsWith(RulePageExamples.Folder + "/", StringComparison.Ordinal))
            .Select(f => f with { File = Path.GetFileName(f.File) })
            .Distinct()
            .Select(f => $"{f.File}({f.Line}) {f.Id}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}\n{result}");
    }

    /// <summary>"File(line) id" for every id in the marker comment at the end of a line.</summary>
    private static IEnumerable<string> Expected(string file, string text, string marker)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var comment = lines[i].LastIndexOf(marker + "SSA", StringComparison.Ordinal);
            if (comment < 0)
            {
                continue;
            }

            foreach (var id in lines[i][(comment + marker.Length)..].Replace("-->", "", StringComparison.Ordinal)
                         .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return $"{file}({i + 1}) {id}";
            }
        }
    }
}
