using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Issue #21: in a fluent chain the finding sits on the call at fault, from its method name through its argument list,
/// so that <c>dotnet build</c> prints that call's line, not the first line of the chain. One test per rule; every span
/// is the whole expected span (markup), so the line and the columns are pinned.
/// </summary>
public class ReportedLineTests
{
    /// <summary>Who can list, as the message says it for a listing nobody authorizes.</summary>
    private const string Anyone = "anyone can list the folder's files";

    [Fact]
    public async Task SSA0001_ChainedRegistration_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting()
                .UseStaticFiles()

                .{|#0:UseStaticFiles("/recordings")|};
            app.Run();
            """,
            new DiagnosticResult(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(0)
                .WithArguments("UseStaticFiles", "a private folder", "the name 'recordings'", "it runs before UseAuthorization(), or with none"));
    }

    [Fact]
    public async Task SSA0002_ChainedDirectoryBrowser_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsingAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions())

                .{|#0:UseDirectoryBrowser(new DirectoryBrowserOptions
                {
                    RequestPath = "/files",
                })|}
                .UseRouting();
            app?.{|#1:UseFileServer(enableDirectoryBrowsing: true)|};
            app.Run();
            """,
            new DiagnosticResult(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(0).WithArguments("UseDirectoryBrowser", Anyone),
            new DiagnosticResult(Descriptors.SSA0002DirectoryBrowsingEnabled).WithLocation(1).WithArguments("UseFileServer", Anyone));
    }

    [Fact]
    public async Task SSA0003_AssignmentInAChain_ReportedAtTheAssignmentAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0003DoNotServeUnknownFileTypesAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting()
                .UseStaticFiles(new StaticFileOptions
                {
                    {|#0:ServeUnknownFileTypes = true|},
                });
            app.Run();
            """,
            new DiagnosticResult(Descriptors.SSA0003UnknownFileTypesServed).WithLocation(0).WithArguments("ServeUnknownFileTypes = true"));
    }

    [Fact]
    public async Task SSA0004_ChainedUseWebRoot_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0004DoNotServeContentRootAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost
                .UseSetting("a", "b")
                .{|#0:UseWebRoot({|#1:Directory.GetCurrentDirectory()|})|};
            builder.Build().Run();
            """,
            new DiagnosticResult(Descriptors.SSA0004ContentRootServed).WithLocation(0).WithLocation(1)
                .WithArguments("UseWebRoot", "the current directory", "Directory.GetCurrentDirectory()"));
    }

    [Fact]
    public async Task SSA0005_FileResultInAChain_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpointAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            {|#2:app.MapGet("/recordings/{name}", (string name) =>
                Results
                    .{|#0:File(Path.Combine("/srv/recordings", {|#1:name|}))|})|};
            app.Run();
            """,
            new DiagnosticResult(Descriptors.SSA0005AnonymousEndpointServesRequestedFile).WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("Results.File", "the parameter 'name'",
                    "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)"));
    }

    [Fact]
    public async Task SSA0006_ChainedWrite_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRootAnalyzer>.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            File
                .{|#0:WriteAllText(Path.Combine({|#1:builder.Environment.WebRootPath|}, "status.txt"), "ok")|};
            builder.Build().UseStaticFiles();
            """,
            new DiagnosticResult(Descriptors.SSA0006RuntimeDataWrittenUnderWebRoot).WithLocation(0).WithLocation(1)
                .WithArguments("File.WriteAllText", "builder.Environment.WebRootPath", SSA0006DoNotWriteUnderWebRootTests.NoMedia));
    }

    /// <summary>SSA0101 reports the personal identifier itself, not a call: its line is the identifier's in any chain.</summary>
    [Fact]
    public async Task SSA0101_IdentifierInAChain_ReportedOnItsOwnLineAsync()
    {
        await CSharpAnalyzerVerifier<SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>.VerifyAnalyzerAsync("""
            class Recordings
            {
                public string For(string phoneNumber) =>
                    {|#3:Path.Combine("/srv",
                        {|#2:phoneNumber|})|};
            }
            """,
            new DiagnosticResult(Descriptors.SSA0101PersonalIdentifierInStoragePath).WithLocation(2).WithLocation(3)
                .WithArguments("phoneNumber", "a phone number", "its name 'phoneNumber'", "Path.Combine", ""));
    }

    /// <summary>The helper on every shape of call: member access, null-conditional, generic, plain name, object creation.</summary>
    [Theory]
    [InlineData("a.b.C(1)", "C(1)")]
    [InlineData("a?.C(1)", "C(1)")]
    [InlineData("a.C<int>(1)", "C<int>(1)")]
    [InlineData("C(1)", "C(1)")]
    [InlineData("f()(1)", "f()(1)")]
    [InlineData("new C(1) { X = 2 }", "new C(1)")]
    [InlineData("new C { X = 2 }", "new C { X = 2 }")]
    public void Span_IsTheNameThroughTheArguments(string expression, string expected)
    {
        var syntax = SyntaxFactory.ParseExpression(expression);
        var node = syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ConditionalAccessExpressionSyntax conditional ? conditional.WhenNotNull : syntax;
        var span = DiagnosticLocations.Span(node);
        Assert.Equal(expected, syntax.ToString().Substring(span.Start, span.Length));
    }
}
