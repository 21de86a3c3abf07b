using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.Infrastructure;

/// <summary>Edits that several fixes of the pack share: removing a registration, guarding it, flipping a flag.</summary>
internal static class SyntaxEdits
{
    /// <summary>Runs <paramref name="edit"/> on a <see cref="DocumentEditor"/> of the document and returns the result.</summary>
    public static async Task<Document> EditAsync(Document document, System.Action<DocumentEditor> edit, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        edit(editor);
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Removes a registration call. A call that is a statement of its own (<c>app.UseX();</c>) goes with its statement;
    /// when its receiver does work of its own (a fluent chain, <c>app.UseStaticFiles().UseX();</c>) the receiver stays
    /// as the statement. Anywhere else the call is replaced by its receiver so that a chain or a <c>return</c> keeps
    /// compiling (<c>app.UseX().UseY()</c> → <c>app.UseY()</c>, <c>return app.UseX();</c> → <c>return app;</c>).
    /// </summary>
    public static void RemoveInvocation(DocumentEditor editor, InvocationExpressionSyntax invocation)
    {
        var receiver = Receiver(invocation, editor.SemanticModel);
        if (invocation.Parent is ExpressionStatementSyntax statement && (receiver is null || !DoesWork(receiver)))
        {
            RemoveStatement(editor, statement);
            return;
        }

        if (receiver is not null)
        {
            editor.ReplaceNode(invocation, receiver.WithTriviaFrom(invocation));
        }
    }

    /// <summary>
    /// True when <paramref name="expression"/> is itself a call, creation, assignment or await: removing it would drop
    /// more than the registration, and it is valid as an expression statement on its own.
    /// </summary>
    public static bool DoesWork(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is InvocationExpressionSyntax or AwaitExpressionSyntax or AssignmentExpressionSyntax or
            BaseObjectCreationExpressionSyntax;
    }

    /// <summary>Removes a statement, or empties it where the grammar needs a statement (an embedded <c>if</c> body).</summary>
    public static void RemoveStatement(DocumentEditor editor, StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax:
            case SwitchSectionSyntax:
                editor.RemoveNode(statement);
                break;
            case GlobalStatementSyntax global:
                // A top-level statement's line ending sits in its own trailing trivia: drop it with the statement
                // unless the statement carries comments or directives that must stay.
                editor.RemoveNode(global, global.GetLeadingTrivia().All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
                    ? SyntaxRemoveOptions.KeepNoTrivia
                    : SyntaxRemoveOptions.KeepLeadingTrivia);
                break;
            default:
                editor.ReplaceNode(statement, SyntaxFactory.Block().WithTriviaFrom(statement));
                break;
        }
    }

    /// <summary>The receiver of <c>x.M(...)</c>, or the first argument of a static extension call <c>T.M(x, ...)</c>.</summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation, SemanticModel? model = null)
    {
        if (invocation.Expression is MemberAccessExpressionSyntax memberAccess)
        {
            if (model?.GetSymbolInfo(invocation).Symbol is IMethodSymbol { IsExtensionMethod: true, ReducedFrom: null, IsStatic: true } &&
                invocation.ArgumentList.Arguments.Count > 0)
            {
                return invocation.ArgumentList.Arguments[0].Expression;
            }

            return memberAccess.Expression;
        }

        return invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
    }

    /// <summary>Replaces the right-hand side of an assignment with <see langword="false"/>.</summary>
    public static void SetFalse(DocumentEditor editor, AssignmentExpressionSyntax assignment) =>
        editor.ReplaceNode(assignment.Right,
            SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(assignment.Right));

    /// <summary>
    /// The expression of a hosting environment in scope at <paramref name="position"/>: an <c>IHostEnvironment</c>
    /// (or derived, or obsolete) local, parameter, field or property, else <c>app.Environment</c>/<c>builder.Environment</c>
    /// of a <c>WebApplication</c>/<c>WebApplicationBuilder</c> declared before the position. Null when there is none.
    /// </summary>
    public static ExpressionSyntax? FindEnvironment(SemanticModel model, int position, WellKnownTypes types)
    {
        ExpressionSyntax? fromApplication = null;
        ExpressionSyntax? fromBuilder = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (!IsUsableAt(symbol, position, model))
            {
                continue;
            }

            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };

            if (type is null || type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            if (types.IsHostEnvironment(type))
            {
                return SyntaxFactory.IdentifierName(symbol.Name);
            }

            // LookupSymbols has no defined order: prefer the application over its builder, whichever comes first.
            if (fromApplication is null && SymbolEqualityComparer.Default.Equals(type, types.WebApplication))
            {
                fromApplication = EnvironmentOf(symbol);
            }
            else if (fromBuilder is null && SymbolEqualityComparer.Default.Equals(type, types.WebApplicationBuilder))
            {
                fromBuilder = EnvironmentOf(symbol);
            }
        }

        return fromApplication ?? fromBuilder;
    }

    private static MemberAccessExpressionSyntax EnvironmentOf(ISymbol applicationOrBuilder) =>
        SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxFactory.IdentifierName(applicationOrBuilder.Name),
            SyntaxFactory.IdentifierName("Environment"));

    /// <summary>
    /// Wraps <paramref name="statement"/> in <c>if (env.IsDevelopment()) { … }</c>, adding the using of the
    /// <c>IsDevelopment</c> extension when it does not bind there yet: <c>Microsoft.Extensions.Hosting</c>, or
    /// <c>Microsoft.AspNetCore.Hosting</c> for the obsolete <c>Microsoft.AspNetCore.Hosting.IHostingEnvironment</c>.
    /// </summary>
    public static async Task<Document> GuardWithIsDevelopmentAsync(Document document, StatementSyntax statement,
        ExpressionSyntax environment, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax compilationUnit || model is null)
        {
            return document;
        }

        var condition = SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(
            SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("IsDevelopment")));
        var needsUsing = model.GetSpeculativeSymbolInfo(statement.SpanStart, condition,
            SpeculativeBindingOption.BindAsExpression).Symbol is null;

        var guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statement.WithoutTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

        SyntaxNode newRoot = statement.Parent is GlobalStatementSyntax global
            ? compilationUnit.ReplaceNode(global, global.WithStatement(guarded))
            : compilationUnit.ReplaceNode(statement, guarded);

        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            var hostingNamespace = HostingNamespace(model, statement.SpanStart, environment);
            if (!unit.Usings.Any(u => u.Name?.ToString() == hostingNamespace))
            {
                newRoot = unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(hostingNamespace))
                    .WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        var formatted = await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return formatted;
    }

    private static string HostingNamespace(SemanticModel model, int position, ExpressionSyntax environment)
    {
        var types = WellKnownTypes.Create(model.Compilation);
        var type = model.GetSpeculativeTypeInfo(position, environment, SpeculativeBindingOption.BindAsExpression).Type;
        return type is not null && !WellKnownTypes.Implements(type, types.IHostEnvironment) &&
               WellKnownTypes.Implements(type, types.IHostingEnvironmentAspNetCore)
            ? "Microsoft.AspNetCore.Hosting"
            : "Microsoft.Extensions.Hosting";
    }

    private static bool IsUsableAt(ISymbol symbol, int position, SemanticModel model)
    {
        switch (symbol)
        {
            case ILocalSymbol local:
                // A local of the same block declared after the position is in scope but not usable.
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.Span.Start >= position)
                    {
                        return false;
                    }
                }

                return true;
            case IParameterSymbol:
                return true;
            case IFieldSymbol or IPropertySymbol:
                // Members of the enclosing type only, and only static ones from a static method.
                var enclosing = model.GetEnclosingSymbol(position);
                return !symbol.IsImplicitlyDeclared && symbol is not IPropertySymbol { IsIndexer: true } &&
                       enclosing is not null &&
                       SymbolEqualityComparer.Default.Equals(symbol.ContainingType, enclosing.ContainingType) &&
                       (!enclosing.IsStatic || symbol.IsStatic);
            default:
                return false;
        }
    }
}
