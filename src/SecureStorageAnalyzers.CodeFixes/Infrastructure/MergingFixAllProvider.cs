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
/// Fix All for the pack's fixers: each finding's fix (the action with the requested equivalence key) is computed on the
/// original solution, turned into the smallest text changes of every document it changes by a line diff of the texts,
/// and the changes of all findings are applied together. Identical changes (two findings fixed by the same edit, or an
/// action that also fixes the other places of the same name) count once; a change that overlaps one already taken is
/// left for a next run.
/// </summary>
/// <remarks>
/// The batch fixer merges the changes Roslyn's syntax-tree differ reports, which are not the smallest: removing a
/// statement whose comments stay with the next statement is reported as a change across that next statement, and a
/// fix of the next statement in the same pass is then dropped. Fix All over the incident sample found it (a directory
/// browser removed, the <c>EnableDirectoryBrowsing = true</c> below it left for a second run). An action may change
/// other documents than its finding's (SSA0101's pseudonymizer changes every name built from the identifier, in one
/// action, so that writes and reads stay paired): those changes are kept too, whatever the scope.
/// </remarks>
internal sealed class MergingFixAllProvider : FixAllProvider
{
    private readonly CodeFixProvider _fixer;

    private MergingFixAllProvider(CodeFixProvider fixer) => _fixer = fixer;

    public static FixAllProvider For(CodeFixProvider fixer) => new MergingFixAllProvider(fixer);

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext context)
    {
        var cancellationToken = context.CancellationToken;
        var diagnostics = new List<Diagnostic>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                diagnostics.AddRange(await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false));
                break;
            case FixAllScope.Project:
                diagnostics.AddRange(await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false));
                break;
            case FixAllScope.Solution:
                foreach (var project in context.Solution.Projects)
                {
                    diagnostics.AddRange(await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                }

                break;
            default:
                return null;
        }

        var solution = context.Solution;
        var changes = new Dictionary<DocumentId, List<TextChange>>();
        foreach (var group in diagnostics
                     .Where(d => d.Location.IsInSource && solution.GetDocument(d.Location.SourceTree) is not null)
                     .GroupBy(d => solution.GetDocument(d.Location.SourceTree)!.Id))
        {
            var document = solution.GetDocument(group.Key)!;
            foreach (var diagnostic in group.OrderBy(d => d.Location.SourceSpan.Start))
            {
                await CollectAsync(context, document, diagnostic, changes, cancellationToken).ConfigureAwait(false);
            }
        }

        var result = solution;
        foreach (var entry in changes)
        {
            var document = solution.GetDocument(entry.Key);
            if (document is null)
            {
                continue;
            }

            var merged = new List<TextChange>();
            foreach (var change in entry.Value.Distinct().OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length))
            {
                var last = merged.Count > 0 ? merged[merged.Count - 1] : default;
                if (merged.Count > 0 && (change.Span.Start < last.Span.End || change.Span.Start == last.Span.Start))
                {
                    continue;
                }

                merged.Add(change);
            }

            if (merged.Count > 0)
            {
                var oldText = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                result = result.WithDocumentText(entry.Key, oldText.WithChanges(merged));
            }
        }

        var key = context.CodeActionEquivalenceKey;
        return CodeAction.Create($"Fix all: {key}", _ => Task.FromResult(result), key);
    }

    /// <summary>The text changes, per document, of the action with the context's key for one finding.</summary>
    private async Task CollectAsync(FixAllContext context, Document document, Diagnostic diagnostic,
        Dictionary<DocumentId, List<TextChange>> changes, CancellationToken cancellationToken)
    {
        CodeAction? action = null;
        var fixContext = new CodeFixContext(document, diagnostic, (candidate, _) =>
        {
            if (action is null && candidate.EquivalenceKey == context.CodeActionEquivalenceKey)
            {
                action = candidate;
            }
        }, cancellationToken);
        await _fixer.RegisterCodeFixesAsync(fixContext).ConfigureAwait(false);
        if (action is null)
        {
            return;
        }

        var solution = document.Project.Solution;
        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is not ApplyChangesOperation apply)
            {
                continue;
            }

            foreach (var projectChanges in apply.ChangedSolution.GetChanges(solution).GetProjectChanges())
            {
                foreach (var id in projectChanges.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    var before = await solution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    var after = await apply.ChangedSolution.GetDocument(id)!.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    if (!changes.TryGetValue(id, out var list))
                    {
                        changes[id] = list = new List<TextChange>();
                    }

                    list.AddRange(TextDiff.Changes(before, after));
                }
            }
        }
    }
}
