using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// SSA0002's message says who can list (issue #21, held-out check): a listing after <c>UseAuthorization()</c> with a
/// fallback policy set in another file lets every signed-in user list, not anyone. Decided from the whole-compilation
/// facts in the call's own operation action: the IDE's document scope says what the build says.
/// </summary>
public class ListingBehindAuthorizationTests
{
    private const string Security = """
        using Microsoft.AspNetCore.Authorization;

        public static class Security
        {
            public static IServiceCollection AddStaffOnly(this IServiceCollection services) =>
                services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        }
        """;

    [Theory]
    [InlineData("app.UseAuthorization();\napp.UseDirectoryBrowser();", true, "every signed-in user can list the folder's files")]
    [InlineData("app.UseAuthorization();\napp.UseFileServer(enableDirectoryBrowsing: true);", true, "every signed-in user can list the folder's files")]
    [InlineData("app.UseDirectoryBrowser();\napp.UseAuthorization();", true, "anyone can list the folder's files")]
    [InlineData("app.UseAuthorization();\napp.UseDirectoryBrowser();", false, "anyone can list the folder's files")]
    public async Task WhoCanList_BuildAndDocumentScopeAgreeAsync(string pipeline, bool fallbackPolicy, string expected)
    {
        var program = $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{(fallbackPolicy ? "builder.Services.AddStaffOnly();" : "builder.Services.AddAuthorization();")}}
            var app = builder.Build();
            app.UseAuthentication();
            {{pipeline}}
            app.Run();
            """;
        var compilation = DocumentScope.Compile(fallbackPolicy
            ? new[] { ("/src/Program.cs", program), ("/src/Security.cs", Security) }
            : new[] { ("/src/Program.cs", program) });
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzer());

        var full = await DocumentScope.FullAsync(compilation, analyzers);
        var finding = Assert.Single(full, d => d.Id == "SSA0002");
        var message = finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
        if (expected.StartsWith("every", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("anyone", message, StringComparison.Ordinal);
        }

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Program.cs");
        var inDocument = await DocumentScope.InDocumentAsync(compilation, tree, analyzers: analyzers);
        Assert.Equal(new[] { DocumentScope.Identity(finding) }, inDocument.Where(d => d.Id == "SSA0002").Select(DocumentScope.Identity));
    }
}
