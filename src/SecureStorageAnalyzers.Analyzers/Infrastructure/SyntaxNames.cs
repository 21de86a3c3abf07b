using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>Names read from syntax, for the cheap pre-filters that choose which nodes to bind (the symbol then decides).</summary>
internal static class SyntaxNames
{
    /// <summary>
    /// The last identifier of a name or member access: <c>b</c> of <c>a.b</c>, <c>?.b</c>, <c>A.B.b</c>,
    /// <c>global::b</c>, <c>b&lt;T&gt;</c> and <c>b</c>; null for any other node.
    /// </summary>
    public static string? Rightmost(SyntaxNode node) => node switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
