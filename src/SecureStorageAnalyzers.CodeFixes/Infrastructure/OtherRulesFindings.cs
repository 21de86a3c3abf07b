using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SecureStorageAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// What a fixer answers when it is asked about another rule's finding. <c>dotnet format analyzers</c> (SDK 10) takes the
/// equivalence key of a rule's bulk fix from the first action the rule's fixer registers for the first finding reported by
/// the analyzers that support the rule, whatever that finding's id. Every code rule of the pack is reported by one
/// analyzer (<c>SecureStorageAnalyzer</c>), so that finding is often another rule's, and which one varies from run to run.
/// A fixer that offered nothing for it would leave dotnet format without a key, and the whole rule unfixed.
/// </summary>
/// <remarks>
/// The IDE and Fix All only ever ask a fixer about the ids in its <see cref="CodeFixProvider.FixableDiagnosticIds"/>, so
/// the action offered here is never shown and never applied: dotnet format reads its key and then fixes the rule's own
/// findings with that key.
/// </remarks>
internal static class OtherRulesFindings
{
    /// <summary>
    /// When none of the context's findings is one of <paramref name="fixer"/>'s rules, offers an action that changes nothing
    /// under <paramref name="defaultKey"/> (the key of the fixer's default fix) and returns true: the caller offers nothing
    /// more. Returns false when the context holds a finding of the fixer's own.
    /// </summary>
    public static bool OfferDefaultKey(CodeFixContext context, CodeFixProvider fixer, string defaultKey)
    {
        if (!AreAllOthers(context, fixer))
        {
            return false;
        }

        OfferKey(context, defaultKey);
        return true;
    }

    /// <summary>True when none of the context's findings has an id <paramref name="fixer"/> fixes.</summary>
    public static bool AreAllOthers(CodeFixContext context, CodeFixProvider fixer)
    {
        var ids = fixer.FixableDiagnosticIds;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (ids.Contains(diagnostic.Id))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Offers an action that changes nothing, under <paramref name="key"/>.</summary>
    public static void OfferKey(CodeFixContext context, string key)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create("No change (another rule's finding)", _ => Task.FromResult(document), key),
            context.Diagnostics);
    }
}
