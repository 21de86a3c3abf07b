using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Which declared symbol, said without the symbol: its documentation-comment id (<c>M:Ns.Type.Method(System.String)</c>,
/// <c>M:Program.{Main}$(System.String[])</c> for top-level statements), or, for a local function, whose id is not unique
/// (<c>M:Type.Local</c> for every <c>Local</c> of the type), its declaration's position in its own tree. The same
/// declaration has the same identity in every compilation that declares it alike, so facts recorded in one compilation
/// (<see cref="CompilationFacts"/>, per tree) can be compared with a symbol of the next without holding a symbol of the
/// first. A position is compared only with a tree that is the same object.
/// </summary>
internal readonly struct SymbolIdentity : System.IEquatable<SymbolIdentity>
{
    private readonly string _id;
    private readonly SyntaxTree? _tree;

    private SymbolIdentity(string id, SyntaxTree? tree)
    {
        _id = id;
        _tree = tree;
    }

    /// <summary>The identity of <paramref name="symbol"/>.</summary>
    public static SymbolIdentity Of(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } ||
            symbol.GetDocumentationCommentId() is not { } id)
        {
            var references = symbol.DeclaringSyntaxReferences;
            return references.Length > 0
                ? new SymbolIdentity("@" + references[0].Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), references[0].SyntaxTree)
                : new SymbolIdentity("?" + symbol.ToDisplayString(), null);
        }

        return new SymbolIdentity(id, null);
    }

    /// <summary>The tree a position is in, for a local function; null for a documentation-comment id.</summary>
    public SyntaxTree? Tree => _tree;

    public bool Equals(SymbolIdentity other) =>
        ReferenceEquals(_tree, other._tree) && string.Equals(_id, other._id, System.StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SymbolIdentity other && Equals(other);

    public override int GetHashCode() => _id is null ? 0 : System.StringComparer.Ordinal.GetHashCode(_id);

    public static bool operator ==(SymbolIdentity left, SymbolIdentity right) => left.Equals(right);

    public static bool operator !=(SymbolIdentity left, SymbolIdentity right) => !left.Equals(right);

    /// <summary>The id (a local function's with its tree's path), for tests and messages.</summary>
    public override string ToString() => _tree is null ? _id : _tree.FilePath + _id;
}
