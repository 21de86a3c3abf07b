using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Fix All for the pack's fixers: per document, each finding's fix (the action with the requested equivalence key) is
/// computed on the original document, turned into the smallest text changes by a line diff of the texts, and the
/// changes of all findings are applied together. Identical changes (two findings fixed by the same edit) count once;
/// a change that overlaps one already taken is left for a next run.
/// </summary>
/// <remarks>
/// The batch fixer merges the changes Roslyn's syntax-tree differ reports, which are not the smallest: removing a
/// statement whose comments stay with the next statement is reported as a change across that next statement, and a
/// fix of the next statement in the same pass is then dropped. Fix All over the incident sample found it (a directory
/// browser removed, the <c>EnableDirectoryBrowsing = true</c> below it left for a second run).
/// </remarks>
internal static class MergingFixAllProvider
{
    public static FixAllProvider For(CodeFixProvider fixer) =>
        FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(fixer, context, document, diagnostics));

    private static async Task<Document?> FixDocumentAsync(CodeFixProvider fixer, FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var oldText = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<TextChange>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            CodeAction? action = null;
            var fixContext = new CodeFixContext(document, diagnostic, (candidate, _) =>
            {
                if (action is null && candidate.EquivalenceKey == context.CodeActionEquivalenceKey)
                {
                    action = candidate;
                }
            }, cancellationToken);
            await fixer.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
            if (action is null)
            {
                continue;
            }

            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is ApplyChangesOperation apply && apply.ChangedSolution.GetDocument(document.Id) is { } changed)
                {
                    changes.AddRange(TextDiff.Changes(oldText, await changed.GetTextAsync(cancellationToken).ConfigureAwait(false)));
                }
            }
        }

        var merged = new List<TextChange>();
        foreach (var change in changes.Distinct().OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length))
        {
            var last = merged.Count > 0 ? merged[merged.Count - 1] : default;
            if (merged.Count > 0 && (change.Span.Start < last.Span.End || change.Span.Start == last.Span.Start))
            {
                continue;
            }

            merged.Add(change);
        }

        return merged.Count == 0 ? document : document.WithText(oldText.WithChanges(merged));
    }
}
