namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>A diagnostic as the user sees it: rule, file name, 1-based line and column, severity.</summary>
public sealed record Finding(string Id, string File, int Line, int Column, string Severity)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}";
}

/// <summary>
/// The consumer web app the package tests build: a project file that references the package and nothing else, a
/// Program.cs with known findings and a web.config with directory browsing. Expected positions are computed from the
/// marker comments, so editing the sources cannot leave a stale line number behind.
/// </summary>
public static class ConsumerProject
{
    public const string ProjectName = "Consumer";
    public const string ProjectFile = ProjectName + ".csproj";

    public static string ProjectFileText(string packageVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="SecureStorageAnalyzers" Version="{packageVersion}" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    /// <summary>
    /// Adds the local feed to the sources the machine already has (no &lt;clear /&gt;), and restores into a packages
    /// folder of this run (beside the consumer, not inside it), so a run leaves nothing in the user's global packages folder.
    /// </summary>
    public static string NuGetConfigText(string feedDirectory, string packagesDirectory) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="{packagesDirectory}" />
          </config>
          <packageSources>
            <add key="securestorageanalyzers-e2e" value="{feedDirectory}" />
          </packageSources>
        </configuration>
        """;

    public const string ProgramText = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDirectoryBrowser(); // no finding: the services list nothing; the listings below are the findings

        var app = builder.Build();

        if (app.Environment.IsDevelopment())
        {
            app.UseDirectoryBrowser("/dev-files"); // guarded by IsDevelopment(): no finding
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            ServeUnknownFileTypes = true, // expect SSA0003
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.Combine(builder.Environment.ContentRootPath, "recordings")), RequestPath = "/calls" }); // expect SSA0001: the incident's recordings, anonymous
        app.UseDirectoryBrowser("/recordings"); // expect SSA0002 (registration, over a private folder): one finding, not SSA0001 too
        app.UseFileServer(enableDirectoryBrowsing: true); // expect SSA0002 (argument)

        app.MapGet("/", () => "ok");
        app.Run();
        """;

    /// <summary>
    /// The web.config beside the project: under <c>recordings</c> the ASP.NET Core module's handler is removed, so IIS
    /// answers there itself, with directory browsing on (SSA0002 at <c>enabled="true"</c>). The audit tool's tests give
    /// it to each of their projects too.
    /// </summary>
    public const string WebConfigText = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <location path="recordings">
            <system.webServer>
              <handlers>
                <remove name="aspNetCore" />
              </handlers>
              <directoryBrowse enabled="true" />
            </system.webServer>
          </location>
        </configuration>
        """;

    /// <summary>What the default build must report in Program.cs, at default (warning) severity.</summary>
    public static IReadOnlyList<Finding> ProgramFindings { get; } =
    [
        At("SSA0003", "Program.cs", ProgramText, "ServeUnknownFileTypes = true"),
        At("SSA0001", "Program.cs", ProgramText, "UseStaticFiles(new StaticFileOptions { FileProvider"),
        At("SSA0002", "Program.cs", ProgramText, "UseDirectoryBrowser(\"/recordings\");"),
        At("SSA0002", "Program.cs", ProgramText, "UseFileServer(enableDirectoryBrowsing: true);"),
    ];

    /// <summary>What the default build must report in web.config: the <c>enabled="true"</c> attribute.</summary>
    public static Finding WebConfigFinding { get; } = At("SSA0002", "web.config", WebConfigText, "enabled=\"true\"");

    public static IReadOnlyList<Finding> AllFindings { get; } = [.. ProgramFindings, WebConfigFinding];

    /// <summary>The position of the first occurrence of <paramref name="snippet"/>, as the compiler prints it.</summary>
    public static Finding At(string id, string file, string text, string snippet, string severity = "warning")
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(snippet, StringComparison.Ordinal);
            if (column >= 0)
            {
                return new Finding(id, file, i + 1, column + 1, severity);
            }
        }

        throw new ArgumentException($"'{snippet}' is not in the {file} text", nameof(snippet));
    }
}
