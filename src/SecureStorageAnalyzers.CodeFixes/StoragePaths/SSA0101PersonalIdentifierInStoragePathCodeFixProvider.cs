using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.StoragePaths;

namespace SecureStorageAnalyzers.CodeFixes.StoragePaths;

/// <summary>
/// SSA0101 fix: replace the identifier in the path with the project's pseudonymization method when
/// <c>SSA0101.pseudonymization_methods</c> names one (<c>Pseudonyms.For(phone)</c>), otherwise with an opaque random
/// name, <c>Path.GetRandomFileName()</c>, the pattern the ASP.NET Core documentation uses for stored uploads. Never an
/// unkeyed hash. Offered only where the result compiles: the identifier sits in an interpolation hole or where a string
/// is expected.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0101PersonalIdentifierInStoragePathCodeFixProvider)), Shared]
public sealed class SSA0101PersonalIdentifierInStoragePathCodeFixProvider : CodeFixProvider
{
    public const string UseRandomNameKey = "SSA0101_UseRandomName";
    public const string PseudonymizeKey = "SSA0101_Pseudonymize";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PersonalIdentifierInStoragePath);

    public override FixAllProvider GetFixAllProvider() => MergingFixAllProvider.For(this);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
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

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax identifier)
            {
                continue;
            }

            if (!AcceptsString(model, identifier, context.CancellationToken))
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(SSA0101PersonalIdentifierInStoragePathAnalyzer.PseudonymizerProperty, out var method) &&
                !string.IsNullOrEmpty(method))
            {
                // The configured method, called on the identifier, if it binds here.
                if (SyntaxEdits.ShortestBindingName(model, identifier.SpanStart, method!) is { } name)
                {
                    var wrapped = SyntaxFactory.InvocationExpression(name,
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(identifier.WithoutTrivia()))));
                    context.RegisterCodeFix(
                        CodeAction.Create($"Pseudonymize with {method}()",
                            ct => SyntaxEdits.EditAsync(context.Document, editor => editor.ReplaceNode(identifier, wrapped.WithTriviaFrom(identifier)), ct),
                            PseudonymizeKey),
                        diagnostic);
                }

                continue;
            }

            if (SyntaxEdits.ShortestBindingName(model, identifier.SpanStart, "System.IO.Path.GetRandomFileName") is { } randomName)
            {
                var call = SyntaxFactory.InvocationExpression(randomName);
                context.RegisterCodeFix(
                    CodeAction.Create("Use an opaque random name (Path.GetRandomFileName())",
                        ct => SyntaxEdits.EditAsync(context.Document, editor => editor.ReplaceNode(identifier, call.WithTriviaFrom(identifier)), ct),
                        UseRandomNameKey),
                    diagnostic);
            }
        }
    }

    /// <summary>
    /// The key of the fix a finding in <paramref name="document"/> gets first: pseudonymize when
    /// <c>SSA0101.pseudonymization_methods</c> is set for the file (the analyzer then names the method on the finding),
    /// otherwise the random name.
    /// </summary>
    private static async Task<string> DefaultKeyAsync(Document document, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return UseRandomNameKey;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return PersonalDataOptions.Read(options).PseudonymizationMethods.IsEmpty ? UseRandomNameKey : PseudonymizeKey;
    }

    /// <summary>True when a string can stand where <paramref name="expression"/> is: an interpolation hole, or a string/object slot.</summary>
    private static bool AcceptsString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression.Parent is InterpolationSyntax)
        {
            return true;
        }

        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        return converted?.SpecialType is SpecialType.System_String or SpecialType.System_Object;
    }
}
