using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Live;

/// <summary>
/// Classic ASP.NET (net48 references) reports live too: SSA0005's handler form reports in the handler's document in
/// document scope, the same as a full analysis, and a web.config that denies anonymous users (an additional file, read
/// from the handler's own operation action) removes it in both.
/// </summary>
public class ClassicDocumentScopeTests
{
    private const string Handler = """
        using System.Web;

        public class Recording : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var name = context.Request.QueryString["file"];
                context.Response.TransmitFile(context.Server.MapPath("~/recordings/" + name)); //! SSA0005
            }

            public bool IsReusable => false;
        }
        """;

    private const string Other = """
        public static class Clock
        {
            public static System.DateTime Now() => System.DateTime.UtcNow;
        }
        """;

    private const string Denies = """
        <configuration>
          <system.web>
            <authorization>
              <deny users="?" />
            </authorization>
          </system.web>
        </configuration>
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HandlerSendingTheRequestedFile_ReportedInItsDocument_UnlessWebConfigDeniesAnonymousAsync(bool webConfigDenies)
    {
        var compilation = DocumentScope.Compile([("/src/Recording.ashx.cs", Handler), ("/src/Clock.cs", Other)], TestReferences.NetFramework48, webUsings: false);
        var additional = webConfigDenies ? ImmutableArray.Create<AdditionalText>(new Text("/src/web.config", Denies)) : ImmutableArray<AdditionalText>.Empty;
        var options = new AnalyzerOptions(additional);
        var handler = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Recording.ashx.cs");
        var other = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Clock.cs");

        var inHandler = DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, handler, options: options));
        var inOther = DocumentScope.Lines(await DocumentScope.InDocumentAsync(compilation, other, options: options));
        var full = DocumentScope.Lines(await DocumentScope.FullAsync(compilation, options: options));

        Assert.Equal(webConfigDenies ? [] : DocumentScope.Markers(handler), inHandler);
        Assert.Empty(inOther);
        Assert.Equal(full, inHandler);
    }

    private sealed class Text(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
