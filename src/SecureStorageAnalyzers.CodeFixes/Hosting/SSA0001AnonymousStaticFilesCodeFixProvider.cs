using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CodeFixes.Hosting;

/// <summary>
/// SSA0001 fixes. When the project sets a fallback policy and <c>UseAuthorization()</c> comes later in the same block:
/// move the registration right after it. Otherwise, for <c>UseStaticFiles</c>/<c>UseFileServer</c> created with an
/// options initializer: add an <c>OnPrepareResponse</c> gate that answers 401 to anonymous requests, as the ASP.NET Core
/// documentation shows. A directory listing cannot be gated that way: remove it (SSA0002's fix).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0001AnonymousStaticFilesCodeFixProvider)), Shared]
public sealed class SSA0001AnonymousStaticFilesCodeFixProvider : PackCodeFixProvider
{
    /// <summary>
    /// Both fixes share one key (each finding is offered the one that fits it: the move when a fallback policy exists,
    /// otherwise the gate): Fix All and <c>dotnet format analyzers</c> apply one key per rule, so one key fixes every finding.
    /// </summary>
    public const string AuthorizeStaticFilesKey = "SSA0001_AuthorizeStaticFiles";

    private const string Gate = """
        OnPrepareResponse = context =>
        {
            if (context.Context.User.Identity?.IsAuthenticated != true)
            {
                context.Context.Response.StatusCode = 401;
                context.Context.Response.ContentLength = 0;
                context.Context.Response.Body = STREAM_NULL;
                context.Context.Response.Headers["Cache-Control"] = "no-store";
            }
        }
        """;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFiles.Id);

    protected override string DefaultKey => AuthorizeStaticFilesKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        var types = WellKnownTypes.GetOrCreate(model.Compilation);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (SyntaxEdits.InvocationAt(root, diagnostic.Location.SourceSpan) is not { } invocation)
            {
                continue;
            }

            if (diagnostic.Properties.ContainsKey(SSA0001AnonymousStaticFiles.FallbackPolicyProperty) &&
                invocation.Parent is ExpressionStatementSyntax statement && LaterAuthorization(statement, model, types) is { } authorization)
            {
                RegisterEdit(context, diagnostic, "Move after UseAuthorization() (the fallback policy then applies)", AuthorizeStaticFilesKey, editor =>
                {
                    editor.InsertAfter(authorization, statement.WithAdditionalAnnotations(Formatter.Annotation));
                    SyntaxEdits.RemoveStatement(editor, statement);
                });
                continue;
            }

            if (OptionsInitializer(invocation, model, types, out var isFileServer) is { } initializer && !SetsOnPrepareResponse(initializer, model, types))
            {
                RegisterEdit(context, diagnostic, "Answer 401 to anonymous requests (OnPrepareResponse)", AuthorizeStaticFilesKey,
                    editor => editor.ReplaceNode(initializer, AddGate(initializer, isFileServer,
                        SyntaxEdits.ShortestBindingName(model, initializer.SpanStart, "System.IO.Stream.Null")?.ToString() ?? "global::System.IO.Stream.Null")));
            }
        }
    }

    /// <summary>A later statement of the same block that calls <c>UseAuthorization()</c>.</summary>
    private static StatementSyntax? LaterAuthorization(ExpressionStatementSyntax statement, SemanticModel model, WellKnownTypes types)
    {
        var useAuthorization = WellKnownTypes.Methods(types.AuthorizationAppBuilderExtensions, "UseAuthorization");
        var siblings = statement.Parent switch
        {
            BlockSyntax block => block.Statements.Cast<SyntaxNode>().ToList(),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>().Cast<SyntaxNode>().ToList(),
            _ => null,
        };
        if (siblings is null)
        {
            return null;
        }

        var self = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
        foreach (var sibling in siblings.SkipWhile(s => s != self).Skip(1))
        {
            var candidate = sibling is GlobalStatementSyntax g ? g.Statement : (StatementSyntax)sibling;
            if (candidate is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call } &&
                call.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i =>
                    WellKnownTypes.Contains(useAuthorization, model.GetSymbolInfo(i).Symbol as IMethodSymbol)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The initializer of a <c>new StaticFileOptions { … }</c> or <c>new FileServerOptions { … }</c> argument.</summary>
    private static InitializerExpressionSyntax? OptionsInitializer(InvocationExpressionSyntax invocation, SemanticModel model,
        WellKnownTypes types, out bool isFileServer)
    {
        isFileServer = false;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            if (argument.Expression is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation)
            {
                continue;
            }

            var type = model.GetTypeInfo(creation).Type;
            if (SymbolEqualityComparer.Default.Equals(type, types.StaticFileOptions))
            {
                return initializer;
            }

            if (SymbolEqualityComparer.Default.Equals(type, types.FileServerOptions))
            {
                isFileServer = true;
                return initializer;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the options already set <c>OnPrepareResponse</c> (an async one, which is no gate): a second assignment
    /// would not compile, and replacing the callback would drop what else it does. The user moves the check themselves.
    /// </summary>
    private static bool SetsOnPrepareResponse(InitializerExpressionSyntax initializer, SemanticModel model, WellKnownTypes types)
    {
        foreach (var assignment in initializer.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (model.GetSymbolInfo(assignment.Left).Symbol is IPropertySymbol property &&
                SymbolEqualityComparer.Default.Equals(property.ContainingType, types.StaticFileOptions) &&
                property.Name is "OnPrepareResponse" or "OnPrepareResponseAsync")
            {
                return true;
            }
        }

        return false;
    }

    private static InitializerExpressionSyntax AddGate(InitializerExpressionSyntax initializer, bool isFileServer, string streamNull)
    {
        // FileServerOptions.StaticFileOptions is read-only: the gate goes in a nested member initializer.
        ExpressionSyntax gate = SyntaxFactory.ParseExpression(Gate.Replace("STREAM_NULL", streamNull)).NormalizeWhitespace(elasticTrivia: true);
        if (isFileServer)
        {
            // FileServerOptions { StaticFileOptions = { … } } already there: the gate goes into it.
            if (initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a =>
                    a.Left is IdentifierNameSyntax { Identifier.ValueText: "StaticFileOptions" } &&
                    a.Right is InitializerExpressionSyntax) is { Right: InitializerExpressionSyntax nested })
            {
                var widened = nested.AddExpressions(gate).NormalizeWhitespace(elasticTrivia: true)
                    .WithTriviaFrom(nested).WithAdditionalAnnotations(Formatter.Annotation);
                return initializer.ReplaceNode(nested, widened).WithAdditionalAnnotations(Formatter.Annotation);
            }

            gate = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName("StaticFileOptions"),
                SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression,
                    SyntaxFactory.SingletonSeparatedList(gate.WithAdditionalAnnotations(Formatter.Annotation))));
        }

        return initializer.AddExpressions(gate.WithAdditionalAnnotations(Formatter.Annotation))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
