using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Hosting;

namespace SecureStorageAnalyzers.CodeFixes.Hosting;

/// <summary>
/// SSA0006 fix, where it is a drop-in change of the folder: <c>env.WebRootPath</c> becomes
/// <c>Path.Combine(env.ContentRootPath, "App_Data")</c>, and a literal <c>"wwwroot/…"</c> becomes <c>"App_Data/…"</c>.
/// The private folder must exist, as the web root did: the rule's page says so.
/// </summary>
/// <remarks>
/// The fix must not change which file the program finds, so it is offered only when the web-root expression it
/// replaces is the only place in the project that names that folder under the web root: everything the program writes
/// or reads there goes through the one expression, and moves with it. Another web-root expression (a
/// <c>WebRootPath</c>, a <c>WebRootFileProvider</c>, a <c>"wwwroot…"</c> literal) whose first folder is the same, or
/// cannot be told, means a read elsewhere (a <c>File.ReadAllText</c>, a <c>PhysicalFileProvider</c> serving it) would
/// still look in the web root: no fix. The web root served as static files by <c>UseStaticFiles()</c> stops serving
/// the moved files to anonymous visitors: that is the exposure the rule is about.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0006DoNotWriteUnderWebRootCodeFixProvider)), Shared]
public sealed class SSA0006DoNotWriteUnderWebRootCodeFixProvider : PackCodeFixProvider
{
    public const string UsePrivateFolderKey = "SSA0006_UsePrivateFolderUnderContentRoot";

    /// <summary>The private folder under the content root, the name ASP.NET has long used for app data.</summary>
    public const string PrivateFolder = "App_Data";

    private const string WebRootFolder = "wwwroot";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRoot.Id);

    protected override string DefaultKey => UsePrivateFolderKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // A write in the project's own helper: the web root at the call may be the helper's only root for other callers too.
            if (diagnostic.Properties.ContainsKey(SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRoot.ThroughHelperProperty) ||
                diagnostic.AdditionalLocations.Count == 0 || !diagnostic.AdditionalLocations[0].IsInSource ||
                diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
            {
                continue;
            }

            var source = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            if (ClassicVirtualPathLiteral(source) is { } virtualPath)
            {
                // The project's web.config un-hides App_Data (SSA0011 reports it): a write moved there is still served.
                if (diagnostic.Properties.ContainsKey(SecureStorageAnalyzers.Hosting.SSA0006DoNotWriteUnderWebRoot.AppDataServedProperty))
                {
                    continue;
                }

                // Classic ASP.NET: Server.MapPath("~/uploads/…") becomes Server.MapPath("~/App_Data/uploads/…"), when no
                // other string of the project names that folder (a read elsewhere would still look in the old one).
                if (await IsTheOnlyClassicNameOfItsFolderAsync(context.Document, virtualPath, context.CancellationToken).ConfigureAwait(false))
                {
                    var moved = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression,
                        SyntaxFactory.Literal(InsertPrivateFolder(virtualPath.Token.ValueText)));
                    RegisterEdit(context, diagnostic, $"Write to {PrivateFolder}, which IIS never serves", UsePrivateFolderKey, editor => editor.ReplaceNode(virtualPath, moved.WithTriviaFrom(virtualPath)));
                }

                continue;
            }

            var replacement = Replacement(source, model);
            if (replacement is null ||
                !await IsTheOnlyNameOfItsFolderAsync(context.Document, source, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            RegisterEdit(context, diagnostic, $"Write to a private folder under the content root ({PrivateFolder})", UsePrivateFolderKey, editor => editor.ReplaceNode(source, replacement.WithTriviaFrom(source)));
        }
    }

    /// <summary>
    /// The literal that starts the virtual path of a classic <c>MapPath</c> call reported as the source
    /// (<c>"~/uploads/"</c> in <c>Server.MapPath("~/uploads/" + name)</c>), when it names a first folder; otherwise null
    /// (the base directory, <c>MapPath("~")</c> followed by a folder: no drop-in change).
    /// </summary>
    private static LiteralExpressionSyntax? ClassicVirtualPathLiteral(SyntaxNode source)
    {
        if (source is not InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } invocation ||
            invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "MapPath" })
        {
            return null;
        }

        ExpressionSyntax expression = invocation.ArgumentList.Arguments[0].Expression;
        while (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            expression = binary.Left;
        }

        return expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
               ClassicFolder(literal.Token.ValueText) is not null
            ? literal
            : null;
    }

    /// <summary>The first folder of an application-relative path (<c>"uploads"</c> for <c>"~/uploads/a.wav"</c>), or null.</summary>
    private static string? ClassicFolder(string virtualPath)
    {
        var text = virtualPath.Trim();
        if (text.StartsWith("~", StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        return text.Length > 0 && text[0] is '/' or '\\' ? FirstSegment(text) : null;
    }

    /// <summary><c>"~/uploads/"</c> → <c>"~/App_Data/uploads/"</c>, <c>"/uploads"</c> → <c>"/App_Data/uploads"</c>.</summary>
    private static string InsertPrivateFolder(string virtualPath)
    {
        var prefixLength = 0;
        while (prefixLength < virtualPath.Length && virtualPath[prefixLength] is '~' or '/' or '\\' or ' ')
        {
            prefixLength++;
        }

        var separator = virtualPath.IndexOf('\\') >= 0 && virtualPath.IndexOf('/') < 0 ? "\\" : "/";
        return virtualPath.Substring(0, prefixLength) + PrivateFolder + separator + virtualPath.Substring(prefixLength);
    }

    /// <summary>
    /// True when no other string literal of the project names the same first folder of the application
    /// (<c>"~/uploads/…"</c>, <c>"/uploads"</c>, <c>"uploads"</c>): every write and read of that folder goes through the
    /// literal the fix changes.
    /// </summary>
    private static async Task<bool> IsTheOnlyClassicNameOfItsFolderAsync(Document document, LiteralExpressionSyntax source, CancellationToken cancellationToken)
    {
        var folder = ClassicFolder(source.Token.ValueText);
        if (folder is null)
        {
            return false;
        }

        foreach (var other in document.Project.Documents)
        {
            var root = await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            foreach (var node in root.DescendantNodes())
            {
                if (node is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression) ||
                    other.Id == document.Id && literal.Span == source.Span)
                {
                    continue;
                }

                if (FirstSegment(literal.Token.ValueText.Trim().TrimStart('~')) is { } otherFolder &&
                    string.Equals(otherFolder, folder, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static ExpressionSyntax? Replacement(SyntaxNode source, SemanticModel model)
    {
        switch (source)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WebRootPath" } webRoot
                when model.GetTypeInfo(webRoot.Expression).Type?.GetMembers("ContentRootPath").Length > 0 ||
                     HasInheritedContentRoot(model.GetTypeInfo(webRoot.Expression).Type):
                var combine = SyntaxEdits.ShortestBindingName(model, source.SpanStart, "System.IO.Path.Combine");
                if (combine is null)
                {
                    return null;
                }

                return SyntaxFactory.InvocationExpression(combine, SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                {
                    SyntaxFactory.Argument(webRoot.WithName(SyntaxFactory.IdentifierName("ContentRootPath")).WithoutTrivia()),
                    SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(PrivateFolder))),
                })));

            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                var text = literal.Token.ValueText;
                var index = text.IndexOf("wwwroot", System.StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    return null;
                }

                var replaced = text.Substring(0, index) + PrivateFolder + text.Substring(index + "wwwroot".Length);
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(replaced));

            default:
                return null;
        }
    }

    /// <summary>
    /// True when no other web-root expression of the project names the same first folder under the web root as
    /// <paramref name="source"/> (or an unknown one).
    /// </summary>
    private static async Task<bool> IsTheOnlyNameOfItsFolderAsync(Document document, SyntaxNode source, CancellationToken cancellationToken)
    {
        var folder = Folder(source);
        foreach (var other in document.Project.Documents)
        {
            var root = await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes())
            {
                if (other.Id == document.Id && node.Span == source.Span && node.RawKind == source.RawKind)
                {
                    continue;
                }

                bool isWebRoot;
                switch (node)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        isWebRoot = literal.Token.ValueText.IndexOf(WebRootFolder, StringComparison.OrdinalIgnoreCase) >= 0;
                        break;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WebRootPath" or "WebRootFileProvider" } access:
                        model ??= await other.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        var type = model?.GetTypeInfo(access.Expression, cancellationToken).Type;
                        isWebRoot = type?.GetMembers("ContentRootPath").Length > 0 || HasInheritedContentRoot(type);
                        break;
                    default:
                        continue;
                }

                if (isWebRoot && (folder is null || Folder(node) is not { } otherFolder ||
                                  string.Equals(folder, otherFolder, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The first folder (or file) under the web root that a web-root expression continues with: <c>"exports"</c> for
    /// <c>Path.Combine(env.WebRootPath, "exports", …)</c>, <c>$"{env.WebRootPath}/exports/…"</c>,
    /// <c>env.WebRootPath + "/exports"</c> and <c>"wwwroot/exports/…"</c>; null when it cannot be told
    /// (<c>var root = env.WebRootPath;</c>, <c>WebRootFileProvider</c>).
    /// </summary>
    private static string? Folder(SyntaxNode webRoot)
    {
        if (webRoot is LiteralExpressionSyntax literal)
        {
            var text = literal.Token.ValueText;
            var index = text.IndexOf(WebRootFolder, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && FirstSegment(text.Substring(index + WebRootFolder.Length)) is { } inLiteral)
            {
                return inLiteral;
            }
        }
        else if (webRoot is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WebRootFileProvider" })
        {
            return null;
        }

        switch (webRoot.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax list } argument when list.Parent is InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Combine" or "Join" },
            }:
                var next = list.Arguments.IndexOf(argument) + 1;
                return next < list.Arguments.Count && list.Arguments[next].Expression is LiteralExpressionSyntax following
                    ? FirstSegment(following.Token.ValueText)
                    : null;

            case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } hole:
                var after = interpolated.Contents.IndexOf(hole) + 1;
                return after < interpolated.Contents.Count && interpolated.Contents[after] is InterpolatedStringTextSyntax text
                    ? FirstSegment(text.TextToken.ValueText)
                    : null;

            case BinaryExpressionSyntax { Right: LiteralExpressionSyntax right } binary when binary.Left == webRoot &&
                                                                                          binary.IsKind(SyntaxKind.AddExpression):
                return FirstSegment(right.Token.ValueText);

            default:
                return null;
        }
    }

    /// <summary><c>"exports"</c> for <c>"/exports/a.csv"</c>; null when nothing but separators is left.</summary>
    private static string? FirstSegment(string text)
    {
        var trimmed = text.TrimStart('/', '\\');
        var slash = trimmed.IndexOf('/');
        var backslash = trimmed.IndexOf('\\');
        var end = slash < 0 ? backslash : backslash < 0 ? slash : Math.Min(slash, backslash);
        var segment = end < 0 ? trimmed : trimmed.Substring(0, end);
        return segment.Length == 0 || segment.IndexOf('{') >= 0 ? null : segment;
    }

    private static bool HasInheritedContentRoot(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.GetMembers("ContentRootPath").Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}
