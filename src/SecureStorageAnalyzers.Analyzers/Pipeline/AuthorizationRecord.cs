using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>
/// What one pre-scan of <see cref="Infrastructure.CompilationFacts"/> recorded about the app's authorization, through
/// the compilation's <see cref="PipelineModel"/> and <see cref="EndpointAuthorization"/>: the pipeline's events, whether
/// a fallback policy is set anywhere, whether every controller requires authorization, and the methods mapped as method
/// groups. The models are the compilation's symbols and judgements, shared by every rule; this is the state, one per
/// scan, so a cancelled scan leaves nothing behind in what the rules share. Thread-safe.
/// </summary>
internal sealed class AuthorizationRecord
{
    private readonly ConcurrentBag<PipelineEvent> _events = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ConcurrentBag<MappedHandler>> _mappedHandlers = new(SymbolEqualityComparer.Default);
    private int _fallbackPolicy;
    private int _controllersAuthorized;

    /// <summary>The pipeline's authorization, branch and project-extension events (<see cref="PipelineModel.Record"/>).</summary>
    public IEnumerable<PipelineEvent> Events => _events;

    /// <summary>True once a fallback policy has been seen anywhere in the compilation.</summary>
    public bool HasFallbackPolicy => Volatile.Read(ref _fallbackPolicy) != 0;

    /// <summary>True once a global <c>AuthorizeFilter</c> or <c>MapControllers().RequireAuthorization()</c> was seen.</summary>
    public bool ControllersRequireAuthorization => Volatile.Read(ref _controllersAuthorized) != 0;

    /// <summary>Where <paramref name="handler"/> is mapped as a method group (<see cref="EndpointAuthorization.Record"/>); judge at the end.</summary>
    public IEnumerable<MappedHandler> MappedAs(IMethodSymbol handler) =>
        _mappedHandlers.TryGetValue(handler.OriginalDefinition, out var mapped) ? mapped : System.Linq.Enumerable.Empty<MappedHandler>();

    internal void Add(PipelineEvent pipelineEvent) => _events.Add(pipelineEvent);

    internal void SetFallbackPolicy() => Interlocked.Exchange(ref _fallbackPolicy, 1);

    internal void SetControllersAuthorized() => Interlocked.Exchange(ref _controllersAuthorized, 1);

    internal void AddMapped(IMethodSymbol handler, MappedHandler mapped) =>
        _mappedHandlers.GetOrAdd(handler, static _ => new ConcurrentBag<MappedHandler>()).Add(mapped);
}
