using SecureStorageAnalyzers.CodeFixes.Hosting;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Infrastructure;

/// <summary>
/// A rule's tests need no analyzer class of their own: <see cref="RuleAnalyzer.For"/> runs any registry line alone, and
/// the harness takes every rule from the registry.
/// </summary>
public class RuleAnalyzerTests
{
    [Fact]
    public Task AnyRegistryLine_RunsAloneThroughTheGenericWrapperAsync() => LineFindings.VerifyAsync(RuleAnalyzer.For(PackRules.SSA0003), """
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = true }); //! SSA0003
        app.UseDirectoryBrowser();
        app.Run();
        """);

    [Fact]
    public void TheHarness_HasOneAnalyzerPerRegistryLine_InRegistryOrder()
    {
        Assert.Equal(
            PackRules.All.Select(r => r.Descriptor.Id),
            AnalyzerHarness.RuleAnalyzers.Select(a => Assert.Single(a.SupportedDiagnostics).Id));
        Assert.Equal("SSA0003Analyzer", RuleAnalyzer.NameOf(RuleAnalyzer.For(PackRules.SSA0003)));
    }

    [Fact]
    public Task AFixTest_TakesItsRulesFromTheFixerAsync() =>
        CSharpCodeFixVerifier<RulesFixedBy<SSA0003DoNotServeUnknownFileTypesCodeFixProvider>, SSA0003DoNotServeUnknownFileTypesCodeFixProvider>.VerifyCodeFixAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseStaticFiles(new StaticFileOptions { [|ServeUnknownFileTypes = true|] });
            app.Run();
            """, """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = false });
            app.Run();
            """, SSA0003DoNotServeUnknownFileTypesCodeFixProvider.SetFalseKey);
}
