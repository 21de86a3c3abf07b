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
    /// <summary>
    /// The call a finding is located on, whether the location is the whole call (<c>app.UseX(…)</c>) or its member name
    /// through the end of its argument list (<c>UseX(…)</c>): the innermost invocation that holds the whole span, walking
    /// up from the node at the span. Null when no call holds it.
    /// </summary>
    public static InvocationExpressionSyntax? InvocationAt(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span.Contains(span));

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
        // app?.UseX(): the call is the whole conditional access, and its receiver the expression before '?'.
        ExpressionSyntax node = invocation;
        ExpressionSyntax? receiver;
        if (invocation.Expression is MemberBindingExpressionSyntax &&
            invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation)
        {
            node = conditional;
            receiver = conditional.Expression;
        }
        else
        {
            receiver = Receiver(invocation, editor.SemanticModel);
        }

        if (node.Parent is ExpressionStatementSyntax statement && (receiver is null || !DoesWork(receiver)))
        {
            RemoveStatement(editor, statement);
            return;
        }

        if (receiver is not null)
        {
            editor.ReplaceNode(node, receiver.WithTriviaFrom(node));
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

    /// <summary>
    /// The receiver of <c>x.M(...)</c>, or the first argument of a static extension call <c>T.M(x, ...)</c>; null for
    /// <c>x?.M(...)</c>, whose receiver is outside the call.
    /// </summary>
    public static ExpressionSyntax? Receiver(InvocationExpressionSyntax invocation, SemanticModel? model = null)
    {
        if (invocation.Expression is MemberBindingExpressionSyntax)
        {
            return null;
        }

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

    /// <summary>
    /// The shortest form of the dotted name <paramref name="qualifiedName"/> (<c>Namespace.Type.Member</c>) that binds to
    /// the same symbol at <paramref name="position"/>: <c>Path.GetRandomFileName</c> where <c>System.IO</c> is imported,
    /// the full name otherwise. Null when even the full name does not bind.
    /// </summary>
    public static ExpressionSyntax? ShortestBindingName(SemanticModel model, int position, string qualifiedName)
    {
        var parts = qualifiedName.Split('.');
        var full = SyntaxFactory.ParseExpression("global::" + qualifiedName);
        var symbol = Bind(model, position, full);
        if (symbol is null)
        {
            return null;
        }

        for (var start = parts.Length - 1; start >= 0; start--)
        {
            var candidate = SyntaxFactory.ParseExpression(string.Join(".", parts, start, parts.Length - start));
            var bound = Bind(model, position, candidate);
            if (bound is not null && SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, symbol.OriginalDefinition))
            {
                return candidate;
            }
        }

        return full;
    }

    /// <summary>What <paramref name="expression"/> would mean at <paramref name="position"/>: a member, or a type.</summary>
    private static ISymbol? Bind(SemanticModel model, int position, ExpressionSyntax expression)
    {
        foreach (var option in new[] { SpeculativeBindingOption.BindAsExpression, SpeculativeBindingOption.BindAsTypeOrNamespace })
        {
            var info = model.GetSpeculativeSymbolInfo(position, expression, option);
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
            if (symbol is not null)
            {
                return symbol;
            }
        }

        return null;
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
        var enclosing = model.GetEnclosingSymbol(position);
        ExpressionSyntax? best = null;
        var bestRank = int.MaxValue;
        var bestName = "";
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (Distance(symbol, position, enclosing) is not { } distance)
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

            int kind;
            if (types.IsHostEnvironment(type))
            {
                kind = 0;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.WebApplication))
            {
                kind = 1;
            }
            else if (SymbolEqualityComparer.Default.Equals(type, types.WebApplicationBuilder))
            {
                kind = 2;
            }
            else
            {
                continue;
            }

            // The innermost declaration first (a local function's parameter over a local of the enclosing method), then
            // an environment over the application over its builder; the name breaks ties, as LookupSymbols has no order.
            var rank = (distance * 3) + kind;
            if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, bestName) < 0))
            {
                bestRank = rank;
                bestName = symbol.Name;
                best = kind == 0 ? SyntaxFactory.IdentifierName(symbol.Name) : EnvironmentOf(symbol);
            }
        }

        return best;
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
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        var type = model.GetSpeculativeTypeInfo(position, environment, SpeculativeBindingOption.BindAsExpression).Type;
        return type is not null && !WellKnownTypes.Implements(type, types.IHostEnvironment) &&
               WellKnownTypes.Implements(type, types.IHostingEnvironmentAspNetCore)
            ? "Microsoft.AspNetCore.Hosting"
            : "Microsoft.Extensions.Hosting";
    }

    /// <summary>
    /// How many function boundaries (lambdas, local functions) lie between <paramref name="position"/> and the
    /// declaration of <paramref name="symbol"/>, members of the type counting as farthest; null when the symbol cannot
    /// be used there (declared later, captured across a static lambda or local function, an instance member from a
    /// static context, another type's member).
    /// </summary>
    private static int? Distance(ISymbol symbol, int position, ISymbol? enclosing)
    {
        const int MemberDistance = 1000;
        switch (symbol)
        {
            case ILocalSymbol local when local.DeclaringSyntaxReferences.Any(r => r.Span.Start >= position):
                // A local of the same block declared after the position is in scope but not usable.
                return null;

            case ILocalSymbol or IParameterSymbol:
                var distance = 0;
                for (var current = enclosing; current is IMethodSymbol method; current = current.ContainingSymbol)
                {
                    if (SymbolEqualityComparer.Default.Equals(method, symbol.ContainingSymbol))
                    {
                        return distance;
                    }

                    if (method.MethodKind is not (MethodKind.LocalFunction or MethodKind.AnonymousFunction) || method.IsStatic)
                    {
                        return null;
                    }

                    distance++;
                }

                return null;

            case IFieldSymbol or IPropertySymbol when !symbol.IsImplicitlyDeclared && symbol is not IPropertySymbol { IsIndexer: true }:
                // Members of the enclosing type only, and only static ones from a static context.
                var staticContext = false;
                var member = enclosing;
                while (member is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } function)
                {
                    staticContext |= function.IsStatic;
                    member = function.ContainingSymbol;
                }

                staticContext |= member?.IsStatic ?? true;
                return member is not null &&
                       SymbolEqualityComparer.Default.Equals(symbol.ContainingType, member.ContainingType) &&
                       (!staticContext || symbol.IsStatic)
                    ? MemberDistance
                    : null;

            default:
                return null;
        }
    }
}
