using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.Hosting;

/// <summary>
/// SSA0002 fixes: remove a <c>UseDirectoryBrowser</c>/<c>AddDirectoryBrowser</c> registration or guard it with
/// <c>IsDevelopment()</c>; drop the <c>true</c> of <c>UseFileServer(true)</c>; set <c>EnableDirectoryBrowsing</c> to false.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider)), Shared]
public sealed class SSA0002DoNotEnableDirectoryBrowsingCodeFixProvider : PackCodeFixProvider
{
    public const string GuardWithIsDevelopmentKey = "SSA0002_GuardWithIsDevelopment";
    /// <summary>
    /// The default fix of every SSA0002 finding, under one key: remove the registration, drop the <c>true</c> argument,
    /// set the flag to false. Fix All and <c>dotnet format analyzers</c> apply one key per rule, so one key fixes them all.
    /// </summary>
    public const string DisableDirectoryBrowsingKey = "SSA0002_DisableDirectoryBrowsing";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.Hosting.SSA0002DoNotEnableDirectoryBrowsing.Id);

    protected override string DefaultKey => DisableDirectoryBrowsingKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // web.config findings live in an additional file: Roslyn cannot edit it, the docs say what to change.
            if (!diagnostic.Location.IsInSource ||
                !diagnostic.Properties.TryGetValue(SSA0002DoNotEnableDirectoryBrowsing.KindProperty, out var kind))
            {
                continue;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var call = SyntaxEdits.InvocationAt(root, diagnostic.Location.SourceSpan);
            switch (kind)
            {
                case SSA0002DoNotEnableDirectoryBrowsing.KindRegistration when call is { } invocation:
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the directory browser registration",
                            ct => FixAsync(context.Document, invocation, editor => SyntaxEdits.RemoveInvocation(editor, invocation), ct),
                            DisableDirectoryBrowsingKey),
                        diagnostic);
                    await RegisterGuardAsync(context, diagnostic, invocation).ConfigureAwait(false);
                    break;

                case SSA0002DoNotEnableDirectoryBrowsing.KindArgument when call is { } invocation:
                    context.RegisterCodeFix(
                        CodeAction.Create("Serve files without directory browsing",
                            ct => FixAsync(context.Document, invocation, editor => DropTrueArgument(editor, invocation), ct),
                            DisableDirectoryBrowsingKey),
                        diagnostic);
                    break;

                case SSA0002DoNotEnableDirectoryBrowsing.KindAssignment when node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment:
                    context.RegisterCodeFix(
                        CodeAction.Create("Set EnableDirectoryBrowsing to false",
                            ct => FixAsync(context.Document, assignment, editor => SyntaxEdits.SetFalse(editor, assignment), ct),
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

    /// <summary>
    /// Applies a default fix, and removes the document's <c>AddDirectoryBrowser()</c> calls with it when no listing
    /// would be left to need them (<see cref="OrphanedServiceRegistrationsAsync"/>): SSA0002 reports the middleware, not
    /// the services, so one fix takes both.
    /// </summary>
    private static async Task<Document> FixAsync(Document document, SyntaxNode fixedNode, System.Action<DocumentEditor> edit, CancellationToken cancellationToken)
    {
        var orphans = await OrphanedServiceRegistrationsAsync(document, fixedNode, cancellationToken).ConfigureAwait(false);
        return await SyntaxEdits.EditAsync(document, editor =>
        {
            edit(editor);
            foreach (var registration in orphans)
            {
                SyntaxEdits.RemoveInvocation(editor, registration);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The <c>AddDirectoryBrowser()</c> calls of the document that a fix of the listing at <paramref name="fixedNode"/>
    /// leaves with nothing to serve: those of a project whose every listing middleware (<c>UseDirectoryBrowser</c>,
    /// <c>UseFileServer(true)</c>, <c>EnableDirectoryBrowsing = true</c>) is a finding, so that Fix All removes them all.
    /// A listing kept to Development still needs the services: then none. Names are a cheap first filter; the symbol
    /// decides.
    /// </summary>
    private static async Task<List<InvocationExpressionSyntax>> OrphanedServiceRegistrationsAsync(Document document, SyntaxNode fixedNode, CancellationToken cancellationToken)
    {
        var orphans = new List<InvocationExpressionSyntax>();
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null)
        {
            return orphans;
        }

        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        if (types.AddDirectoryBrowser.IsEmpty || model.GetOperation(fixedNode, cancellationToken) is not { } fixedOperation ||
            !SSA0002DoNotEnableDirectoryBrowsing.IsListing(fixedOperation, types))
        {
            return orphans;
        }

        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (SyntaxNames.Rightmost(invocation.Expression) == "AddDirectoryBrowser" &&
                WellKnownTypes.Contains(types.AddDirectoryBrowser, model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol))
            {
                orphans.Add(invocation);
            }
        }

        if (orphans.Count == 0)
        {
            return orphans;
        }

        foreach (var other in document.Project.Documents)
        {
            var text = await other.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var content = text.ToString();
            if (content.IndexOf("DirectoryBrows", System.StringComparison.Ordinal) < 0 &&
                content.IndexOf("UseFileServer", System.StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var otherRoot = await other.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var otherModel = await other.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (otherRoot is null || otherModel is null)
            {
                continue;
            }

            foreach (var node in otherRoot.DescendantNodes())
            {
                var name = node switch
                {
                    InvocationExpressionSyntax call => SyntaxNames.Rightmost(call.Expression),
                    AssignmentExpressionSyntax assignment => SyntaxNames.Rightmost(assignment.Left),
                    _ => null,
                };
                if (name is not ("UseDirectoryBrowser" or "UseFileServer" or "EnableDirectoryBrowsing") ||
                    otherModel.GetOperation(node, cancellationToken) is not { } operation ||
                    !SSA0002DoNotEnableDirectoryBrowsing.IsListing(operation, types))
                {
                    continue;
                }

                if (EnvironmentGuard.IsDevelopmentOnly(operation, types))
                {
                    orphans.Clear();
                    return orphans;
                }
            }
        }

        return orphans;
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
