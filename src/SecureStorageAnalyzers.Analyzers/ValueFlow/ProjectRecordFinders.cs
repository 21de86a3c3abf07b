using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The answers of <see cref="RecordLookups.ProjectLookupKeys"/>, one per method definition and compilation: which
/// parameters of the project's own method are the keys of the lookup it returns (<c>GetByIdAsync(int id) =&gt; await
/// _set.FindAsync(id)</c>: the first). Empty for a method that is no such lookup. Two tables, so that an answer never
/// depends on which question came first: a method's direct lookups, and its lookups through one other project method
/// (a service's <c>GetDocumentAsync(id)</c> returning its repository's <c>GetByIdAsync(id)</c>).
/// </summary>
internal sealed class ProjectRecordFinders
{
    public ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> Direct { get; } = new(SymbolEqualityComparer.Default);

    public ConcurrentDictionary<IMethodSymbol, ImmutableArray<int>> ThroughOneCall { get; } = new(SymbolEqualityComparer.Default);
}
