using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>One write, one finding (issue #21): a path that reaches the web root two ways is still one write.</summary>
public class SSA0006OneFindingPerWriteTests
{
    [Fact]
    public async Task WebRootOrItsFallback_IsOneFindingLocatingBothAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapPost("/upload", async (IFormFile file, IWebHostEnvironment env) =>
            {
                var root = {|#1:env.WebRootPath|} ?? Path.Combine(env.ContentRootPath, {|#2:"wwwroot"|});
                var path = Path.Combine(root, "uploads", file.FileName);
                await using var stream = File.{|#0:Create(path)|};
                await file.CopyToAsync(stream);
            });
            app.Run();
            """,
            VerifyCS.Diagnostic(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot)
                .WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("File.Create", "env.WebRootPath", SSA0006DoNotWriteUnderWebRootTests.NoMedia));
    }
}
