using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.Hosting;

/// <summary>SSA0003 fixes: set <c>ServeUnknownFileTypes</c> to false, or remove the assignment.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0003DoNotServeUnknownFileTypesCodeFixProvider)), Shared]
public sealed class SSA0003DoNotServeUnknownFileTypesCodeFixProvider : PackCodeFixProvider
{
    public const string SetFalseKey = "SSA0003_SetServeUnknownFileTypesFalse";
    public const string RemoveKey = "SSA0003_RemoveServeUnknownFileTypes";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.Hosting.SSA0003DoNotServeUnknownFileTypes.Id);

    protected override string DefaultKey => SetFalseKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment)
            {
                continue;
            }

            RegisterEdit(context, diagnostic, "Set ServeUnknownFileTypes to false", SetFalseKey, editor => SyntaxEdits.SetFalse(editor, assignment));

            if (assignment.Parent is InitializerExpressionSyntax or ExpressionStatementSyntax)
            {
                RegisterEdit(context, diagnostic, "Remove ServeUnknownFileTypes = true", RemoveKey, editor => Remove(editor, assignment));
            }
        }
    }

    private static void Remove(DocumentEditor editor, AssignmentExpressionSyntax assignment)
    {
        if (assignment.Parent is ExpressionStatementSyntax statement)
        {
            SyntaxEdits.RemoveStatement(editor, statement);
        }
        else
        {
            editor.RemoveNode(assignment);
        }
    }
}
