using System.Threading;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>
/// The compilation's one pipeline model and one endpoint-authorization model: the symbols of the middleware, branch,
/// fallback-policy, endpoint and authorization calls and attributes, and what a call or an endpoint is. Built once per
/// compilation, on first use, and read by every rule (SSA0001, SSA0002, SSA0005, SSA0009) and by the pre-scan of
/// <see cref="CompilationFacts"/>; no rule builds its own. The models hold no recorded state (that is an
/// <see cref="AuthorizationRecord"/>, one per tree and one per compilation), so sharing them costs nothing in the
/// per-tree reuse of <see cref="CompilationFacts"/>.
/// </summary>
internal sealed class AuthorizationModel
{
    private AuthorizationModel(WellKnownTypes types)
    {
        Pipeline = new PipelineModel(types);
        Endpoints = new EndpointAuthorization(types);
    }

    /// <summary>The middleware pipeline: file-serving registrations, <c>UseAuthorization()</c>, branches, the fallback policy.</summary>
    public PipelineModel Pipeline { get; }

    /// <summary>Endpoints: minimal APIs, controllers, Razor pages and MVC 5 actions, and their <c>[Authorize]</c>/<c>[AllowAnonymous]</c>.</summary>
    public EndpointAuthorization Endpoints { get; }

    /// <summary>The compilation's instance, built by the first rule or scan that asks.</summary>
    public static AuthorizationModel For(WellKnownTypes types) => types.Shared(static t => new AuthorizationModel(t));

    /// <summary>
    /// How many <see cref="PipelineModel"/> and <see cref="EndpointAuthorization"/> objects were built for
    /// <paramref name="types"/>' compilation: two (one of each) however many rules and trees read them (for tests).
    /// </summary>
    internal static int ModelsBuiltFor(WellKnownTypes types) => Volatile.Read(ref types.Shared(static _ => new BuildCount()).Value);

    /// <summary>Counts a model built for <paramref name="types"/>' compilation (the models' constructors call it).</summary>
    internal static void CountBuilt(WellKnownTypes types) => Interlocked.Increment(ref types.Shared(static _ => new BuildCount()).Value);

    /// <summary>The compilation's count of models built (one per compilation, through <see cref="WellKnownTypes.Shared"/>).</summary>
    private sealed class BuildCount
    {
        public int Value;
    }
}
