using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>
/// What the compilation's <see cref="PipelineModel"/> and <see cref="EndpointAuthorization"/> recorded about the app's
/// authorization: the pipeline's authorization, branch and project-extension events, whether a fallback policy is set,
/// whether every controller requires authorization (a global <c>AuthorizeFilter</c>,
/// <c>MapControllers().RequireAuthorization()</c>), and the methods mapped as method groups. The models are the
/// compilation's symbols and judgements, one per compilation (<see cref="AuthorizationModel"/>); the state is here, one
/// record per tree (what <see cref="CompilationFacts"/> keeps per tree across compilations) and one per compilation
/// (its trees' records added up, <see cref="Import"/>). Nothing in it is a symbol: events and mappings name symbols by
/// <see cref="SymbolIdentity"/>, so a tree's record outlives the compilation it was made in. Thread-safe.
/// </summary>
internal sealed class AuthorizationRecord
{
    private readonly ConcurrentBag<PipelineEvent> _events = new();
    private readonly ConcurrentDictionary<SymbolIdentity, ConcurrentBag<MappedHandler>> _mappedHandlers = new();
    private int _fallbackPolicy;
    private int _controllersAuthorized;

    /// <summary>The pipeline's authorization, branch and project-extension events (<see cref="PipelineModel.Record"/>).</summary>
    public IEnumerable<PipelineEvent> Events => _events;

    /// <summary>True once a fallback policy has been seen.</summary>
    public bool HasFallbackPolicy => Volatile.Read(ref _fallbackPolicy) != 0;

    /// <summary>True once a global <c>AuthorizeFilter</c> or <c>MapControllers().RequireAuthorization()</c> was seen.</summary>
    public bool ControllersRequireAuthorization => Volatile.Read(ref _controllersAuthorized) != 0;

    /// <summary>Every method-group mapping recorded, by the handler's identity.</summary>
    public IEnumerable<KeyValuePair<SymbolIdentity, ConcurrentBag<MappedHandler>>> Mapped => _mappedHandlers;

    /// <summary>Where <paramref name="handler"/> is mapped as a method group (<see cref="EndpointAuthorization.Record"/>); judge at the end.</summary>
    public IEnumerable<MappedHandler> MappedAs(IMethodSymbol handler) =>
        _mappedHandlers.TryGetValue(SymbolIdentity.Of(handler.OriginalDefinition), out var mapped) ? mapped : System.Linq.Enumerable.Empty<MappedHandler>();

    internal void Add(PipelineEvent pipelineEvent) => _events.Add(pipelineEvent);

    internal void SetFallbackPolicy() => Interlocked.Exchange(ref _fallbackPolicy, 1);

    internal void SetControllersAuthorized() => Interlocked.Exchange(ref _controllersAuthorized, 1);

    internal void AddMapped(SymbolIdentity handler, MappedHandler mapped) =>
        _mappedHandlers.GetOrAdd(handler, static _ => new ConcurrentBag<MappedHandler>()).Add(mapped);

    /// <summary>
    /// Takes over what another record holds (a tree's, into the compilation's): its events, its method-group mappings,
    /// and the fallback policy and authorization of all controllers when they are set. Nothing of it is a symbol, so it
    /// may come from a tree recorded in an earlier compilation.
    /// </summary>
    internal void Import(IEnumerable<PipelineEvent> events, bool fallbackPolicy, IEnumerable<KeyValuePair<SymbolIdentity, MappedHandler>> mapped, bool controllersAuthorized)
    {
        foreach (var pipelineEvent in events)
        {
            _events.Add(pipelineEvent);
        }

        foreach (var pair in mapped)
        {
            AddMapped(pair.Key, pair.Value);
        }

        if (fallbackPolicy)
        {
            SetFallbackPolicy();
        }

        if (controllersAuthorized)
        {
            SetControllersAuthorized();
        }
    }
}
