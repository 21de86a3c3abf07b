using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Hosting;

namespace SecureStorageAnalyzers.CodeFixes.Hosting;

/// <summary>
/// SSA0005 fix: require authorization on the endpoint. <c>.AllowAnonymous()</c> becomes <c>.RequireAuthorization()</c>
/// and <c>[AllowAnonymous]</c> becomes <c>[Authorize]</c>; an endpoint with nothing gets <c>.RequireAuthorization()</c>
/// (minimal API) or <c>[Authorize]</c> (action).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0005AnonymousFileEndpointCodeFixProvider)), Shared]
public sealed class SSA0005AnonymousFileEndpointCodeFixProvider : PackCodeFixProvider
{
    public const string RequireAuthorizationKey = "SSA0005_RequireAuthorization";

    private const string AuthorizeAttribute = "Microsoft.AspNetCore.Authorization.AuthorizeAttribute";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.Hosting.SSA0005AnonymousFileEndpoint.Id);

    protected override string DefaultKey => RequireAuthorizationKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.AdditionalLocations.Count < 2 || diagnostic.AdditionalLocations[1].SourceTree != root.SyntaxTree ||
                !diagnostic.Properties.TryGetValue(SSA0005AnonymousFileEndpoint.FixProperty, out var fix))
            {
                continue;
            }

            var target = root.FindNode(diagnostic.AdditionalLocations[1].SourceSpan, getInnermostNodeForTie: true);
            SyntaxNode? replacement = null;
            switch (fix)
            {
                case SSA0005AnonymousFileEndpoint.FixReplaceAllowAnonymous when target.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute &&
                    SyntaxEdits.ShortestBindingName(model, attribute.SpanStart, AuthorizeAttribute) is { } authorize:
                    target = attribute;
                    replacement = attribute.WithName(AttributeName(authorize)).WithArgumentList(null);
                    break;

                case SSA0005AnonymousFileEndpoint.FixReplaceAllowAnonymous when target is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax access,
                    } allowAnonymous:
                    replacement = allowAnonymous.WithExpression(access.WithName(SyntaxFactory.IdentifierName("RequireAuthorization")));
                    break;

                case SSA0005AnonymousFileEndpoint.FixRequireAuthorization when target is InvocationExpressionSyntax mapCall:
                    replacement = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression, mapCall.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("RequireAuthorization")))
                        .WithTrailingTrivia(mapCall.GetTrailingTrivia());
                    break;

                case SSA0005AnonymousFileEndpoint.FixAuthorize when target.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } action &&
                    SyntaxEdits.ShortestBindingName(model, action.SpanStart, AuthorizeAttribute) is { } name:
                    target = action;
                    replacement = action.AddAttributeLists(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Attribute(AttributeName(name))))).WithAdditionalAnnotations(Formatter.Annotation);
                    break;
            }

            if (replacement is null)
            {
                continue;
            }

            var node = target;
            var newNode = replacement;
            RegisterEdit(context, diagnostic, "Require authorization on the endpoint", RequireAuthorizationKey, editor => editor.ReplaceNode(node, newNode));
        }
    }

    /// <summary><c>AuthorizeAttribute</c> (or a qualified form) as an attribute name: <c>Authorize</c>.</summary>
    private static NameSyntax AttributeName(ExpressionSyntax name)
    {
        var text = name.ToString();
        if (text.EndsWith("Attribute", System.StringComparison.Ordinal))
        {
            text = text.Substring(0, text.Length - "Attribute".Length);
        }

        return SyntaxFactory.ParseName(text);
    }
}
