using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.CloudStorage;

/// <summary>
/// SSA0007 and SSA0008 fixes: the public level or ACL written at the finding becomes the private one of its SDK:
/// <c>PublicAccessType.Blob/BlobContainer</c> → <c>PublicAccessType.None</c>, an S3 canned ACL →
/// <c>S3CannedACL.Private</c>, a GCS predefined ACL → <c>ProjectPrivate</c>. Offered only where the member is written
/// at the finding (<c>Type.Member</c>); not for a value held in a const or a local, nor for policies, ACL entries and
/// public access blocks (the rule pages say what to change there).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CloudStorageExposureCodeFixProvider)), Shared]
public sealed class CloudStorageExposureCodeFixProvider : PackCodeFixProvider
{
    /// <summary>
    /// One key for both rules' findings: <c>dotnet format analyzers</c> takes a rule's bulk-fix key from the first action
    /// this fixer registers, whichever of the two ids it was asked about, so both must fix under the same key.
    /// </summary>
    public const string MakePrivateKey = "SSA0007_MakePrivate";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.CloudStorage.SSA0007StoredObjectsReadableByAnyone.Id, SecureStorageAnalyzers.CloudStorage.SSA0008StoredObjectsListableByAnyone.Id);

    protected override string DefaultKey => MakePrivateKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id is not (SecureStorageAnalyzers.CloudStorage.SSA0007StoredObjectsReadableByAnyone.Id or SecureStorageAnalyzers.CloudStorage.SSA0008StoredObjectsListableByAnyone.Id))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (PublicMember(node, model, context.CancellationToken) is not ({ } access, { } replacement))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create($"Make it private ({replacement})",
                    ct => ReplaceAsync(context.Document, access, replacement, ct),
                    MakePrivateKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, MemberAccessExpressionSyntax access, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var name = SyntaxFactory.IdentifierName(replacement).WithTriviaFrom(access.Name);
        return document.WithSyntaxRoot(root.ReplaceNode(access.Name, name));
    }

    /// <summary>The <c>Type.Member</c> the finding names, and the private member of the same type that replaces it.</summary>
    private static (MemberAccessExpressionSyntax? Access, string? Replacement) PublicMember(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment &&
            assignment.Span.Contains(node.Span))
        {
            return Judge(assignment.Right, model, cancellationToken);
        }

        if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (Judge(argument.Expression, model, cancellationToken) is ({ } access, { } replacement))
                {
                    return (access, replacement);
                }
            }
        }

        return (null, null);
    }

    private static (MemberAccessExpressionSyntax? Access, string? Replacement) Judge(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        if (expression is not MemberAccessExpressionSyntax access ||
            model.GetSymbolInfo(access, cancellationToken).Symbol is not IFieldSymbol { ContainingType: { } type } field)
        {
            return (null, null);
        }

        var replacement = (type.ToDisplayString(), field.Name) switch
        {
            ("Azure.Storage.Blobs.Models.PublicAccessType", "Blob" or "BlobContainer") => "None",
            ("Amazon.S3.S3CannedACL", "PublicRead" or "PublicReadWrite" or "AuthenticatedRead") => "Private",
            ("Google.Cloud.Storage.V1.PredefinedObjectAcl", "PublicRead" or "AuthenticatedRead") => "ProjectPrivate",
            ("Google.Cloud.Storage.V1.PredefinedBucketAcl", "PublicRead" or "PublicReadWrite" or "AuthenticatedRead") => "ProjectPrivate",
            _ => null,
        };

        return replacement is null ? (null, null) : (access, replacement);
    }
}
