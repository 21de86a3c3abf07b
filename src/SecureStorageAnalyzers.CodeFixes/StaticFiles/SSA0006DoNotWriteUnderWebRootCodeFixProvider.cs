using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.StaticFiles;

/// <summary>
/// SSA0006 fix, where it is a drop-in change of the folder: <c>env.WebRootPath</c> becomes
/// <c>Path.Combine(env.ContentRootPath, "App_Data")</c>, and a literal <c>"wwwroot/…"</c> becomes <c>"App_Data/…"</c>.
/// The private folder must exist, as the web root did: the rule's page says so.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0006DoNotWriteUnderWebRootCodeFixProvider)), Shared]
public sealed class SSA0006DoNotWriteUnderWebRootCodeFixProvider : CodeFixProvider
{
    public const string UsePrivateFolderKey = "SSA0006_UsePrivateFolderUnderContentRoot";

    /// <summary>The private folder under the content root, the name ASP.NET has long used for app data.</summary>
    public const string PrivateFolder = "App_Data";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.RuntimeDataWrittenUnderWebRoot);

    public override FixAllProvider GetFixAllProvider() => MergingFixAllProvider.For(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (OtherRulesFindings.OfferDefaultKey(context, this, UsePrivateFolderKey))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count == 0 || !diagnostic.AdditionalLocations[0].IsInSource ||
                diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
            {
                continue;
            }

            var source = root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true);
            var replacement = Replacement(source, model);
            if (replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Write to a private folder under the content root ({PrivateFolder})",
                    ct => SyntaxEdits.EditAsync(context.Document, editor => editor.ReplaceNode(source, replacement.WithTriviaFrom(source)), ct),
                    UsePrivateFolderKey),
                diagnostic);
        }
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
