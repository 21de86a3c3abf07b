using System.Collections.Immutable;
using System.Composition;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Meta;

/// <summary>Conventions every rule of the pack keeps, checked over all analyzers and fixers found by reflection.</summary>
public partial class DescriptorConventionTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly ImmutableArray<DiagnosticDescriptor> AllDescriptors = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    public static TheoryData<string> Ids => new(AllDescriptors.Select(d => d.Id));

    public static TheoryData<string> FixerNames => new(Fixers.Select(f => f.GetType().Name));

    private static DiagnosticDescriptor Descriptor(string id) => AllDescriptors.Single(d => d.Id == id);

    /// <summary>Reflection finds the rules (otherwise every theory below would silently cover nothing).</summary>
    [Fact]
    public void ReflectionFindsTheRules()
    {
        var ids = AllDescriptors.Select(d => d.Id).ToArray();
        Assert.Contains(DiagnosticIds.DirectoryBrowsingEnabled, ids);
        Assert.Contains(DiagnosticIds.UnknownFileTypesServed, ids);
        Assert.Contains(Fixers, f => f is SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider);
        Assert.Contains(Fixers, f => f is SSA0003DoNotServeUnknownFileTypesCodeFixProvider);
    }

    [Fact]
    public void EveryAnalyzer_IsSealed_AndTheExportedOnesCoverEveryRule()
    {
        Assert.All(Analyzers, analyzer =>
        {
            var type = analyzer.GetType();
            Assert.True(type.IsSealed, type.Name);
            Assert.NotEmpty(analyzer.SupportedDiagnostics);
        });

        // The compiler loads the exported analyzers only: SecureStorageAnalyzer (all code rules) and the web.config one.
        var exported = Analyzers.Where(a => a.GetType().IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false)).ToList();
        Assert.All(exported, analyzer =>
            Assert.Contains(LanguageNames.CSharp, Assert.Single(analyzer.GetType().GetCustomAttributes<DiagnosticAnalyzerAttribute>()).Languages));
        Assert.Equal(
            AllDescriptors.Select(d => d.Id),
            exported.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));

        // Each rule's own analyzer (the test project's RuleAnalyzers) is not exported (its rule would be reported
        // twice), is sealed and runs exactly one rule; the analyzer assembly holds no other PackAnalyzer.
        Assert.Empty(Analyzers.Where(a => a is PackAnalyzer && !exported.Contains(a)));
        var ruleAnalyzers = Robustness.AnalyzerHarness.RuleAnalyzers.ToList();
        Assert.All(ruleAnalyzers, analyzer =>
        {
            Assert.True(analyzer.GetType().IsSealed, analyzer.GetType().Name);
            Assert.False(analyzer.GetType().IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false));
        });
        Assert.All(ruleAnalyzers, analyzer => Assert.Single(analyzer.SupportedDiagnostics));
        Assert.Equal(
            Assert.Single(exported.OfType<SecureStorageAnalyzer>()).SupportedDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal),
            ruleAnalyzers.Select(a => a.SupportedDiagnostics[0].Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OneId_OneDescriptor()
    {
        // Two analyzers may report the same rule (SSA0002 in code and in web.config), never with two different texts.
        foreach (var group in Analyzers.SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id))
        {
            Assert.Single(group.Distinct());
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IdCategoryAndHelpLink(string id)
    {
        var descriptor = Descriptor(id);

        Assert.Matches(IdPattern(), descriptor.Id);
        Assert.Equal("Security", descriptor.Category);
        Assert.Equal(Descriptors.Category, descriptor.Category);
        Assert.Equal($"https://github.com/SecureStorageAnalyzers/SecureStorageAnalyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.Equal(Descriptors.HelpLink(id), descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public void Fixer_ExportedSealedWithFixAll(string name)
    {
        var fixer = Fixers.Single(f => f.GetType().Name == name);
        var type = fixer.GetType();

        Assert.True(type.IsSealed);
        var export = Assert.Single(type.GetCustomAttributes<ExportCodeFixProviderAttribute>());
        Assert.Equal(name, export.Name);
        Assert.Contains(LanguageNames.CSharp, export.Languages);
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
        Assert.NotNull(fixer.GetFixAllProvider());
        Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, AllDescriptors.Select(d => d.Id)));
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public void Fixer_EquivalenceKeysArePublicConstsStartingWithTheId(string name)
    {
        var fixer = Fixers.Single(f => f.GetType().Name == name);
        var keys = EquivalenceKeyConsts(fixer.GetType());

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Contains(fixer.FixableDiagnosticIds, id => key.StartsWith(id + "_", StringComparison.Ordinal)));
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    /// <summary>
    /// Code that triggers the pack's fixes. A sample for a rule this build does not have simply produces nothing.
    /// Which keys each rule offers where is tested per rule; here it is the convention that matters.
    /// </summary>
    private static readonly string[] FixSamples =
    [
        """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDirectoryBrowser();
        builder.Services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = true);
        var app = builder.Build();
        app.UseDirectoryBrowser();
        app.UseFileServer(true);
        app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = true });
        app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true });
        app.Run();
        """,
        """
        class Recordings
        {
            public void Save(IWebHostEnvironment env, string callerPhoneNumber, string root, byte[] audio)
            {
                File.WriteAllBytes(Path.Combine(root, callerPhoneNumber + ".mp3"), audio);
                File.WriteAllBytes(Path.Combine(env.WebRootPath, "uploads", "a.bin"), audio);
            }
        }
        """,
    ];

    /// <summary>
    /// Every code action a fixer offers carries one of the provider's public key constants, so that tests and Fix All
    /// can name it.
    /// </summary>
    [Fact]
    public async Task Fixers_OfferOnlyTheirPublicKeys()
    {
        var offeredAnywhere = 0;
        foreach (var fixer in Fixers)
        {
            var keys = EquivalenceKeyConsts(fixer.GetType());
            foreach (var analyzer in Analyzers.Where(a => a.SupportedDiagnostics.Any(d => fixer.FixableDiagnosticIds.Contains(d.Id))))
            {
                foreach (var sample in FixSamples)
                {
                    foreach (var (diagnostic, offered) in await CodeFixOffers.GetAsync(sample, analyzer, fixer))
                    {
                        offeredAnywhere += offered.Length;
                        Assert.All(offered, key => Assert.True(keys.Contains(key),
                            $"{fixer.GetType().Name} offered '{key}' for {diagnostic}: not one of its public const keys"));
                    }
                }
            }
        }

        Assert.True(offeredAnywhere > 0, "the samples triggered no fix at all");
    }

    // ---- Robustness: no analyzer throws, whatever it is given ----

    public static TheoryData<string, TestFramework> RobustnessCases()
    {
        var sources = new[]
        {
            "",
            "   \r\n\t  \n",
            "app.UseDirectoryBrowser(",
            "var app = WebApplication.Create(); app.UseDirectoryBrowser(",
            "var app = WebApplication.Create(); app.UseFileServer(enableDirectoryBrowsing:",
            "var app = WebApplication.Create(); app.UseFileServer(enableDirectoryBrowsing: true",
            "var o = new FileServerOptions { EnableDirectoryBrowsing = ",
            "var o = new FileServerOptions { EnableDirectoryBrowsing = true",
            "var o = new StaticFileOptions { ServeUnknownFileTypes = ",
            "var o = new FileServerOptions { StaticFileOptions = { ServeUnknownFileTypes = true ",
            "var app = WebApplication.Create(); if (app.Environment.IsDevelopment()",
            "var app = WebApplication.Create(); if (!app.Environment.IsDevelopment()) return",
            "var app = WebApplication.Create(); if (app.Environment.IsEnvironment( app.UseDirectoryBrowser();",
            "class Startup { void Configure(IApplicationBuilder app, IWebHostEnvironment env) { if (env.IsDevelopment() app.UseDirectoryBrowser(); } }",
            "class Startup { void Configure(IApplicationBuilder app) { app.UseDirectoryBrowser().",
            "static class X { static IApplicationBuilder U(this IApplicationBuilder a) => a.UseDirectoryBrowser(",
            "builder.Services.Configure<StaticFileOptions>(o => o.ServeUnknownFileTypes = ",
            "DirectoryBrowserExtensions.UseDirectoryBrowser(",
            "FileServerExtensions.UseFileServer(null, true);",
            "new FileServerOptions().EnableDirectoryBrowsing = true; new StaticFileOptions().ServeUnknownFileTypes = true;",
        };
        var data = new TheoryData<string, TestFramework>();
        foreach (var source in sources)
        {
            data.Add(source, TestFramework.AspNetCore10);
            data.Add(source, TestFramework.NoAspNetCore);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RobustnessCases))]
    public async Task EveryAnalyzer_RunsWithoutException(string source, TestFramework framework)
    {
        var webUsings = framework == TestFramework.NoAspNetCore ? "" : TestSetup.WebGlobalUsings;
        var compilation = CSharpCompilation.Create("Robustness",
            [CSharpSyntaxTree.ParseText(source, path: "Program.cs"), CSharpSyntaxTree.ParseText(webUsings, path: "GlobalUsings.g.cs")],
            framework == TestFramework.NoAspNetCore ? TestReferences.NetCoreOnly : TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var additionalFiles = ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText("/app/web.config", "<configuration><system.webServer><directoryBrowse enabled=\"tr"),
            new InMemoryAdditionalText("/app/web.Release.config", "<configuration><system.webServer><directoryBrowse enabled=\"true\" /><system.webSe"),
            new InMemoryAdditionalText("/app/Web.Debug.config", ""),
            new InMemoryAdditionalText("/app/web.Staging.config", "   \n "),
            new InMemoryAdditionalText("/app/web.Test.config", "<?xml version=\"1.0\"?><configuration><directoryBrowse enabled=\"true\" />"),
            new InMemoryAdditionalText("/app/web.Local.config", null));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics, d => Assert.Matches(IdPattern(), d.Id));
    }

    private static string[] EquivalenceKeyConsts(Type fixerType) =>
        fixerType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

    [GeneratedRegex(@"^SSA\d{4}$")]
    private static partial Regex IdPattern();

    private sealed class InMemoryAdditionalText(string path, string? text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) =>
            text is null ? null : SourceText.From(text);
    }
}
