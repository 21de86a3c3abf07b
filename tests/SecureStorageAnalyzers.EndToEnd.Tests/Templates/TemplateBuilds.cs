using System.Diagnostics;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using SecureStorageAnalyzers.EndToEnd.Tests.Samples;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Templates;

/// <summary>
/// Every ASP.NET Core project template of the SDK, instantiated with <c>dotnet new</c> into the sample-build fixture's
/// temporary folder (removed at the end of the run) and built once, in one solution, with the pack's analyzer assembly
/// and a SARIF log per project. The templates are the code every user starts from: the pack must find nothing in them
/// and must not crash on them. To prove the pack analyzed each project, every template that references ASP.NET Core
/// also gets <see cref="SeedFile"/>, with one known finding of each rule family.
/// </summary>
public sealed class TemplateBuilds
{
    /// <summary>Short name, then the <c>dotnet new</c> arguments.</summary>
    public static readonly IReadOnlyList<(string Name, string[] Arguments)> Templates =
    [
        ("web", ["web"]),
        ("webapp", ["webapp"]),
        ("mvc", ["mvc"]),
        ("webapi", ["webapi"]),
        ("webapi-controllers", ["webapi", "--use-controllers"]),
        ("blazor", ["blazor"]),
        ("grpc", ["grpc"]),
        ("razorclasslib", ["razorclasslib"]),
        ("webapp-individual", ["webapp", "--auth", "Individual"]),
        ("mvc-individual", ["mvc", "--auth", "Individual"]),
        ("blazor-individual", ["blazor", "--auth", "Individual"]),
    ];

    /// <summary>
    /// One more project in the same build: a <c>web</c> app whose Program.cs uses what only the SDK's own compiler
    /// produces (C# 13 binds five and more <c>Path.Combine</c> segments to <c>params ReadOnlySpan&lt;string&gt;</c>, an
    /// operation the pack's Roslyn floor has no interface for). The unit tests compile with that floor and cannot see it.
    /// The <c>Photos</c> class (no picture word in its names, so only the image-only judgement decides): the parts of such a path as the folder model, the path's words and the image-only judgement
    /// of SSA0006 read them (held-out set 11's trainer pictures, reported before 2026-12-07 because the file name of a
    /// five-part path was not seen).
    /// </summary>
    public const string NewerCompilerProject = "newer-compiler";

    public const string NewerCompilerProgram = """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseStaticFiles();
        app.MapGet("/r/{name}", (string name) => Results.File(Path.Combine("/srv", "calls", "2024", "05", name)));
        app.Run();

        static class Store
        {
            public static void Save(string phoneNumber, byte[] data) => File.WriteAllBytes(Path.Combine("/srv", "calls", "2024", "05", phoneNumber), data);
            public static string For(string phoneNumber) => Path.Combine("/srv", "calls", "2024", "05", phoneNumber + ".mp3");
        }

        static class Photos
        {
            private static readonly string[] Allowed = { ".jpg", ".png" };

            public static void Store(IFormFile upload)
            {
                var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
                if (!Allowed.Contains(extension))
                {
                    return;
                }

                using var target = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "content", "uploads", Guid.NewGuid() + extension), FileMode.Create);
                upload.CopyTo(target);
            }

            public static void SaveAny(IFormFile upload)
            {
                using var any = new FileStream(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "content", "uploads", Guid.NewGuid() + Path.GetExtension(upload.FileName)), FileMode.Create);
                upload.CopyTo(any);
            }
        }
        """;

    /// <summary>The newer-compiler project's severities: its seeded SSA0009 chain stays a warning, so the shared build passes.</summary>
    public const string NewerCompilerEditorConfig = """
        [*.cs]
        dotnet_diagnostic.SSA0009.severity = warning
        """;

    /// <summary>Added to every seeded template project: one static-files finding (SSA0002) and one SSA0101, each on its marked line.</summary>
    public const string SeedFile = "SsaSeeded.cs";

    public const string SeedText = """
        // Seeded by the end-to-end template tests: one finding of each rule family proves the pack analyzed this project.
        using Microsoft.AspNetCore.Builder;

        namespace SecureStorageAnalyzersSeed
        {
            internal static class Seeded
            {
                internal static void Browse(IApplicationBuilder app) => app.UseDirectoryBrowser(); // SSA0002
                internal static void Save(string callerPhoneNumber, byte[] audio) => System.IO.File.WriteAllBytes(System.IO.Path.Combine("/srv/recordings", callerPhoneNumber + ".mp3"), audio); // SSA0101
            }
        }
        """;

    /// <summary>
    /// The seed of <c>razorclasslib</c>: it references only the Blazor component packages, not ASP.NET Core's shared
    /// framework, so the hosting rules do not run there and a static-files seed would not compile; SSA0101 runs in every
    /// project, so its finding proves the analysis ran.
    /// </summary>
    public const string PersonalDataSeedText = """
        // Seeded by the end-to-end template tests: SSA0101 runs in every project, so its finding proves the pack analyzed this one.
        namespace SecureStorageAnalyzersSeed
        {
            internal static class Seeded
            {
                internal static void Save(string callerPhoneNumber, byte[] audio) => System.IO.File.WriteAllBytes(System.IO.Path.Combine("/srv/recordings", callerPhoneNumber + ".mp3"), audio); // SSA0101
            }
        }
        """;

    /// <summary>The seed a template gets: every template has one, with a known finding of each family that runs there.</summary>
    public static string SeedTextFor(string template) => template == "razorclasslib" ? PersonalDataSeedText : SeedText;

    /// <summary>The findings a template's seed must get: each marked line's id and 1-based line.</summary>
    public static IReadOnlyList<(string Id, int Line)> SeededFindingsFor(string template) => SeedTextFor(template).Split('\n')
        .Select((text, index) => (Text: text.TrimEnd(), Line: index + 1))
        .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.Text, @"// SSA\d{4}$"))
        .Select(l => (l.Text[^7..], l.Line))
        .ToList();

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<TemplateBuilds>? built;

    private TemplateBuilds(string root, IReadOnlyList<CommandResult> instantiations, CommandResult build, string commandLine, TimeSpan elapsed)
    {
        Root = root;
        Instantiations = instantiations;
        Build = build;
        CommandLine = commandLine;
        Elapsed = elapsed;
    }

    public string Root { get; }

    public IReadOnlyList<CommandResult> Instantiations { get; }

    public CommandResult Build { get; }

    public string CommandLine { get; }

    public TimeSpan Elapsed { get; }

    public static IEnumerable<object[]> Names() => Templates.Select(template => new object[] { template.Name });

    /// <summary>Instantiates and builds every template, once per test run.</summary>
    public static async Task<TemplateBuilds> GetAsync(SampleBuildFixture analyzers)
    {
        await Gate.WaitAsync();
        try
        {
            built ??= CreateAsync(analyzers);
        }
        finally
        {
            Gate.Release();
        }

        return await built;
    }

    /// <summary>The SARIF log of one template's compilation, or null when none was written.</summary>
    public SarifLog? Log(string name)
    {
        var path = Path.Combine(Root, name, "ssa.sarif");
        return File.Exists(path) ? SarifLog.Read(path, Root) : null;
    }

    public override string ToString() =>
        $"{CommandLine} in {Root} ({Elapsed.TotalSeconds:F0}s in all)\n" +
        string.Join("\n", Instantiations.Where(i => i.ExitCode != 0)) + "\n" + Build;

    private static async Task<TemplateBuilds> CreateAsync(SampleBuildFixture analyzers)
    {
        if (analyzers.AnalyzersBuild.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {SampleBuildFixture.AnalyzersProject} failed:\n{analyzers.AnalyzersBuild}");
        }

        var stopwatch = Stopwatch.StartNew();
        // Under the fixture's own folder, which it removes at the end of the run.
        var root = Path.Combine(analyzers.TemporaryRoot, "templates");
        Directory.CreateDirectory(root);

        // A copy of the analyzer assembly the fixture built into its own artifacts folder (not src/*/bin).
        var analyzerCopy = Path.Combine(root, "analyzers", "SecureStorageAnalyzers.Analyzers.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(analyzerCopy)!);
        File.Copy(analyzers.AnalyzerAssembly, analyzerCopy);

        // Picked up by every template project below: the pack's analyzers, and one SARIF log per project.
        await File.WriteAllTextAsync(Path.Combine(root, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <ErrorLog>$(MSBuildProjectDirectory)/ssa.sarif,version=2.1</ErrorLog>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{analyzerCopy}" />
              </ItemGroup>
            </Project>
            """);

        var instantiations = new List<CommandResult>();
        foreach (var (name, arguments) in Templates)
        {
            instantiations.Add(await DotNet.RunAsync(root, ["new", .. arguments, "-o", name, "--no-restore"]));
            if (Directory.Exists(Path.Combine(root, name)))
            {
                await File.WriteAllTextAsync(Path.Combine(root, name, SeedFile), SeedTextFor(name));
            }
        }

        instantiations.Add(await DotNet.RunAsync(root, "new", "web", "-o", NewerCompilerProject, "--no-restore"));
        await File.WriteAllTextAsync(Path.Combine(root, NewerCompilerProject, "Program.cs"), NewerCompilerProgram);

        // SSA0009 is an error by default and this project exists to be reported: keep it a warning here so the shared
        // build (whose exit code EveryTemplate_InstantiatesAndBuildsAsync checks) still succeeds.
        await File.WriteAllTextAsync(Path.Combine(root, NewerCompilerProject, ".editorconfig"), NewerCompilerEditorConfig);

        await DotNet.RunAsync(root, "new", "sln", "--format", "sln", "-n", "templates");
        await DotNet.RunAsync(root, ["sln", "templates.sln", "add", .. Templates.Select(t => Path.Combine(t.Name, t.Name + ".csproj")),
            Path.Combine(NewerCompilerProject, NewerCompilerProject + ".csproj")]);
        string[] build = ["build", "templates.sln", "-tl:off", "-nologo"];
        var result = await DotNet.RunAsync(root, build);
        return new TemplateBuilds(root, instantiations, result, "dotnet " + string.Join(' ', build), stopwatch.Elapsed);
    }
}
