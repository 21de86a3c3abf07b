using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace SecureStorageAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// What every fixer of the pack does before it looks at a finding: answer another rule's findings with its default key
/// (<see cref="OtherRulesFindings"/>, for <c>dotnet format analyzers</c>), fix all through
/// <see cref="MergingFixAllProvider"/>, and read the document's syntax root and semantic model.
/// A fixer says only its default key and what it offers for its own findings (<see cref="RegisterAsync"/>).
/// </summary>
public abstract class PackCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fixer's default fix: the one Fix All and <c>dotnet format</c> apply.</summary>
    protected abstract string DefaultKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() => MergingFixAllProvider.For(this);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (OtherRulesFindings.AreAllOthers(context, this))
        {
            OtherRulesFindings.OfferKey(context, await DefaultKeyAsync(context.Document, context.CancellationToken).ConfigureAwait(false));
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        await RegisterAsync(context, root, model).ConfigureAwait(false);
    }

    /// <summary>
    /// The default key for <paramref name="document"/>; <see cref="DefaultKey"/> unless a fixer's default depends on the
    /// project (SSA0101 pseudonymizes when a pseudonymizer is configured).
    /// </summary>
    protected virtual Task<string> DefaultKeyAsync(Document document, CancellationToken cancellationToken) =>
        Task.FromResult(DefaultKey);

    /// <summary>Offers the fixes of the context's own findings (the context may hold other rules' findings too).</summary>
    protected abstract Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model);

    /// <summary>
    /// Offers, for <paramref name="diagnostic"/>, a fix that edits the context's document through a
    /// <see cref="DocumentEditor"/> (<see cref="SyntaxEdits.EditAsync"/>), under the equivalence key <paramref name="key"/>.
    /// </summary>
    protected static void RegisterEdit(CodeFixContext context, Diagnostic diagnostic, string title, string key, System.Action<DocumentEditor> edit)
    {
        var document = context.Document;
        context.RegisterCodeFix(CodeAction.Create(title, ct => SyntaxEdits.EditAsync(document, edit, ct), key), diagnostic);
    }
}
