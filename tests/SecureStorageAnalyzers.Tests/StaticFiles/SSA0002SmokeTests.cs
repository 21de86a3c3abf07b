using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SecureStorageAnalyzers.StaticFiles.SSA0002DoNotEnableDirectoryBrowsingAnalyzer,
    SecureStorageAnalyzers.CodeFixes.StaticFiles.SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider>;

namespace SecureStorageAnalyzers.Tests.StaticFiles;

public class SSA0002SmokeTests
{
    [Fact]
    public async Task TopLevel_UseDirectoryBrowser_RemovedAsync()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            [|app.UseDirectoryBrowser()|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.StaticFiles.SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.RemoveRegistrationKey);
    }

    [Fact]
    public async Task TopLevel_Guarded_Async()
    {
        await VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            [|app.UseDirectoryBrowser()|];
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDirectoryBrowser();
            }
            app.Run();
            """, SecureStorageAnalyzers.CodeFixes.StaticFiles.SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider.GuardWithIsDevelopmentKey);
    }
}
