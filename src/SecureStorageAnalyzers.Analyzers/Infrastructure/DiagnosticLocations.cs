using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Where a finding is shown: the one place every rule of the pack asks. A call at fault is shown from its method name
/// through the end of its argument list, not from the start of the chain it ends (<c>app.UseStaticFiles(a)</c> on one
/// line, <c>.UseDirectoryBrowser(b)</c> two lines below: <c>dotnet build</c> prints the line of
/// <c>UseDirectoryBrowser</c>). An object creation is shown from <c>new</c> through its argument list (not its
/// initializer); any other operation (an assignment, an attribute) by its whole syntax.
/// </summary>
/// <remarks>
/// A code fix finds its node again with <c>FindNode(span, getInnermostNodeForTie: true)</c>: for a member call the
/// smallest node that contains the name and the argument list is the invocation itself (the member access ends before
/// the arguments), so fixes keep working unchanged.
/// </remarks>
internal static class DiagnosticLocations
{
    /// <summary>The location of <paramref name="operation"/> as the pack reports it (see the class).</summary>
    public static Location For(IOperation operation) => For(operation.Syntax);

    /// <summary>The location of an invocation: its method name through the end of its argument list.</summary>
    public static Location ForCall(IOperation invocation) => For(invocation.Syntax);

    /// <summary>The location of <paramref name="syntax"/> as the pack reports it (see the class).</summary>
    public static Location For(SyntaxNode syntax) => Location.Create(syntax.SyntaxTree, Span(syntax));

    /// <summary>The span of <paramref name="syntax"/> as the pack reports it (see the class).</summary>
    public static TextSpan Span(SyntaxNode syntax)
    {
        switch (syntax)
        {
            case InvocationExpressionSyntax invocation:
                var name = NameOf(invocation.Expression);
                return name is null
                    ? invocation.Span
                    : TextSpan.FromBounds(name.SpanStart, invocation.ArgumentList.Span.End);

            case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { } arguments:
                return TextSpan.FromBounds(creation.SpanStart, arguments.Span.End);

            default:
                return syntax.Span;
        }
    }

    /// <summary>
    /// How a message names a call: its text up to the first parenthesis, without the line breaks and indentation of a
    /// chain (<c>Results\n    .File(…)</c> is named <c>Results.File</c>).
    /// </summary>
    public static string CallText(SyntaxNode call)
    {
        var text = call.ToString();
        var parenthesis = text.IndexOf('(');
        if (parenthesis > 0)
        {
            text = text.Substring(0, parenthesis);
        }

        if (text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0)
        {
            return text;
        }

        // A line break and the indentation after it are dropped (before a '.', as a chain is written); any other run of
        // whitespace becomes one space ("new\n    FileStream" stays "new FileStream").
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                builder.Append(text[i]);
                continue;
            }

            var end = i;
            var lineBreak = false;
            while (end < text.Length && char.IsWhiteSpace(text[end]))
            {
                lineBreak |= text[end] is '\n' or '\r';
                end++;
            }

            var beforeDot = end < text.Length && text[end] == '.';
            var afterDot = builder.Length > 0 && builder[builder.Length - 1] == '.';
            if (!(lineBreak && (beforeDot || afterDot)) && builder.Length > 0 && end < text.Length)
            {
                builder.Append(' ');
            }

            i = end - 1;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The name a call is made through: <c>b</c> of <c>a.b(…)</c> and <c>a?.b(…)</c>, <c>b&lt;T&gt;</c> of a generic call,
    /// <c>b</c> of a plain <c>b(…)</c>; null for anything else (a delegate invoked through an expression).
    /// </summary>
    private static SimpleNameSyntax? NameOf(ExpressionSyntax expression) =>
        expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
            SimpleNameSyntax simpleName => simpleName,
            _ => null,
        };
}
