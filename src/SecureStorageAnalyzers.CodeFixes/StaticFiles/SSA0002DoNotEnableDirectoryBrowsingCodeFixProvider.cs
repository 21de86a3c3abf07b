using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.StaticFiles;

namespace SecureStorageAnalyzers.CodeFixes.StaticFiles;

/// <summary>
/// SSA0002 fixes: remove a <c>UseDirectoryBrowser</c>/<c>AddDirectoryBrowser</c> registration or guard it with
/// <c>IsDevelopment()</c>; drop the <c>true</c> of <c>UseFileServer(true)</c>; set <c>EnableDirectoryBrowsing</c> to false.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider)), Shared]
public sealed class SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider : CodeFixProvider
{
    public const string GuardWithIsDevelopmentKey = "SSA0002_GuardWithIsDevelopment";
    /// <summary>
    /// The default fix of every SSA0002 finding, under one key: remove the registration, drop the <c>true</c> argument,
    /// set the flag to false. Fix All and <c>dotnet format analyzers</c> apply one key per rule, so one key fixes them all.
    /// </summary>
    public const string DisableDirectoryBrowsingKey = "SSA0002_DisableDirectoryBrowsing";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.DirectoryBrowsingEnabled);

    public override FixAllProvider GetFixAllProvider() => MergingFixAllProvider.For(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (OtherRulesFindings.OfferDefaultKey(context, this, DisableDirectoryBrowsingKey))
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // web.config findings live in an additional file: Roslyn cannot edit it, the docs say what to change.
            if (!diagnostic.Location.IsInSource ||
                !diagnostic.Properties.TryGetValue(SSA0002DoNotEnableDirectoryBrowsingAnalyzer.KindProperty, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var call = SyntaxEdits.InvocationAt(root, diagnostic.Location.SourceSpan);
            switch (kind)
            {
                case SSA0002DoNotEnableDirectoryBrowsingAnalyzer.KindRegistration when call is { } invocation:
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the directory browser registration",
                            ct => SyntaxEdits.EditAsync(context.Document, editor => SyntaxEdits.RemoveInvocation(editor, invocation), ct),
                            DisableDirectoryBrowsingKey),
                        diagnostic);
                    await RegisterGuardAsync(context, diagnostic, invocation).ConfigureAwait(false);
                    break;

                case SSA0002DoNotEnableDirectoryBrowsingAnalyzer.KindArgument when call is { } invocation:
                    context.RegisterCodeFix(
                        CodeAction.Create("Serve files without directory browsing",
                            ct => SyntaxEdits.EditAsync(context.Document, editor => DropTrueArgument(editor, invocation), ct),
                            DisableDirectoryBrowsingKey),
                        diagnostic);
                    break;

                case SSA0002DoNotEnableDirectoryBrowsingAnalyzer.KindAssignment when node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment:
                    context.RegisterCodeFix(
                        CodeAction.Create("Set EnableDirectoryBrowsing to false",
                            ct => SyntaxEdits.EditAsync(context.Document, editor => SyntaxEdits.SetFalse(editor, assignment), ct),
                            DisableDirectoryBrowsingKey),
                        diagnostic);
                    break;
            }
        }
    }

    private static async Task RegisterGuardAsync(CodeFixContext context, Diagnostic diagnostic, InvocationExpressionSyntax invocation)
    {
        if (invocation.Parent is not ExpressionStatementSyntax statement)
        {
            return;
        }

        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return;
        }

        // In a chain (app.UseStaticFiles().UseDirectoryBrowser();) the guard would take the other registrations with it.
        var receiver = SyntaxEdits.Receiver(invocation, model);
        if (receiver is null || receiver.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any())
        {
            return;
        }

        var environment = SyntaxEdits.FindEnvironment(model, statement.SpanStart, WellKnownTypes.GetOrCreate(model.Compilation));
        if (environment is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Only browse directories in Development ({environment}.IsDevelopment())",
                ct => SyntaxEdits.GuardWithIsDevelopmentAsync(context.Document, statement, environment, ct),
                GuardWithIsDevelopmentKey),
            diagnostic);
    }

    /// <summary><c>UseFileServer(true)</c> and <c>UseFileServer(enableDirectoryBrowsing: true)</c> become <c>UseFileServer()</c>.</summary>
    private static void DropTrueArgument(DocumentEditor editor, InvocationExpressionSyntax invocation)
    {
        var arguments = invocation.ArgumentList.Arguments;
        var flag = arguments.FirstOrDefault(a => a.Expression.IsKind(SyntaxKind.TrueLiteralExpression)) ??
                   arguments.LastOrDefault(a => editor.SemanticModel.GetTypeInfo(a.Expression).ConvertedType?.SpecialType == SpecialType.System_Boolean);
        if (flag is not null)
        {
            editor.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(arguments.Remove(flag)));
        }
    }
}
