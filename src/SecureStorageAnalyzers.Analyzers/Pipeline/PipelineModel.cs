using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>What a recorded pipeline call does.</summary>
internal enum PipelineEventKind
{
    /// <summary><c>UseAuthorization()</c>.</summary>
    Authorization,

    /// <summary><c>UseStaticFiles</c>/<c>UseFileServer</c>/<c>UseDirectoryBrowser</c>: a file-serving middleware.</summary>
    FileServing,

    /// <summary><c>Map</c>/<c>MapWhen</c>/<c>UseWhen</c>: a branch whose configuration lambda is a sub-pipeline.</summary>
    Branch,

    /// <summary>A call to one of the project's own extension methods on an application builder.</summary>
    ProjectExtension,
}

/// <summary>One call of the app's request pipeline, where it is, and in which scope (method and branch).</summary>
internal sealed class PipelineEvent
{
    public PipelineEvent(PipelineEventKind kind, IOperation operation, ISymbol owner, TextSpan? branch, TextSpan? branchLambda, IMethodSymbol? callee)
    {
        Kind = kind;
        Owner = SymbolIdentity.Of(owner);
        OwnerIsExtension = owner is IMethodSymbol { IsExtensionMethod: true };
        Tree = operation.Syntax.SyntaxTree;
        Position = operation.Syntax.Span.End;
        Location = DiagnosticLocations.For(operation);
        Branch = branch;
        BranchLambda = branchLambda;
        Callee = callee is null ? null : SymbolIdentity.Of(callee);
    }

    public PipelineEventKind Kind { get; }

    /// <summary>
    /// The method (or top-level <c>Main</c>) the call is written in, by identity: an event holds no symbol, so that the
    /// events of an unchanged tree can be kept for the next compilation (<see cref="CompilationFacts"/>).
    /// </summary>
    public SymbolIdentity Owner { get; }

    /// <summary>True when <see cref="Owner"/> is an extension method (one of the project's pipeline extensions, when events sit in it).</summary>
    public bool OwnerIsExtension { get; }

    public SyntaxTree Tree { get; }

    /// <summary>Where the call ends: calls run in the order they end (<c>app.UseA().UseB()</c> runs UseA first).</summary>
    public int Position { get; }

    public Location Location { get; }

    /// <summary>The span of the innermost branch lambda the call is in, or null at the top of its method.</summary>
    public TextSpan? Branch { get; }

    /// <summary>For a <see cref="PipelineEventKind.Branch"/>: the span of its configuration lambda.</summary>
    public TextSpan? BranchLambda { get; }

    /// <summary>For a <see cref="PipelineEventKind.ProjectExtension"/>: the called method, by identity.</summary>
    public SymbolIdentity? Callee { get; }
}

/// <summary>
/// The app's request pipeline and authorization setup, over the whole compilation: registrations in order within each
/// method and branch (<c>Map</c>, <c>MapWhen</c>, <c>UseWhen</c>), fluent chains, top-level statements,
/// <c>Startup.Configure</c> and the project's own extension methods (followed to their call sites), plus whether a
/// fallback authorization policy is set anywhere. It answers the static-file rules' question: can an anonymous request
/// reach this registration? One per compilation (<see cref="AuthorizationModel"/>), read by every rule and by the
/// pre-scan of <see cref="CompilationFacts"/>: the symbols it knows and what a call is; it holds no recorded state. The
/// pre-scan records each tree's events and fallback policy into an <see cref="AuthorizationRecord"/> of the tree's own
/// (kept across compilations) and adds them up into the compilation's, because the fallback policy may be set in any
/// file; a rule then judges each registration where it sees it (<see cref="Describe"/>, <see cref="RunsAfterAuthorization"/>).
/// </summary>
/// <remarks>
/// The framework's rule, from <c>AuthorizationMiddleware</c>: with no endpoint (a static file request), it combines no
/// authorize data and falls back to <c>AuthorizationOptions.FallbackPolicy</c>. So static files served after
/// <c>UseAuthorization()</c> are authorized only when a fallback policy is set; before it, never.
/// </remarks>
internal sealed class PipelineModel
{
    private const int MaxDepth = 8;

    internal PipelineModel(WellKnownTypes types)
    {
        AuthorizationModel.CountBuilt(types);
        UseStaticFiles = WellKnownTypes.Methods(types.StaticFileExtensions, "UseStaticFiles");
        UseFileServer = WellKnownTypes.Methods(types.FileServerExtensions, "UseFileServer");
        UseDirectoryBrowser = types.UseDirectoryBrowser;
        UseAuthorization = WellKnownTypes.Methods(types.AuthorizationAppBuilderExtensions, "UseAuthorization");
        Branches = MethodSet.Union(
            WellKnownTypes.Methods(types.MapExtensions, "Map"),
            WellKnownTypes.Methods(types.MapWhenExtensions, "MapWhen"),
            WellKnownTypes.Methods(types.UseWhenExtensions, "UseWhen"));
        FallbackPolicy = WellKnownTypes.Property(types.AuthorizationOptions, "FallbackPolicy");
        SetFallbackPolicy = WellKnownTypes.Methods(types.AuthorizationBuilder, "SetFallbackPolicy");
        ApplicationBuilder = types.IApplicationBuilder;
        _declaringTypes = WellKnownTypes.DeclaringTypes(UseStaticFiles, UseFileServer, UseDirectoryBrowser, UseAuthorization, Branches, SetFallbackPolicy);
    }

    private readonly SymbolSet<INamedTypeSymbol> _declaringTypes;

    /// <summary>The types whose calls <see cref="Record"/> looks at (besides project extensions and configured helpers).</summary>
    public IEnumerable<INamedTypeSymbol> DeclaringTypes => _declaringTypes;

    public MethodSet UseStaticFiles { get; }
    public MethodSet UseFileServer { get; }
    public MethodSet UseDirectoryBrowser { get; }
    public MethodSet UseAuthorization { get; }
    public MethodSet Branches { get; }
    public IPropertySymbol? FallbackPolicy { get; }
    public MethodSet SetFallbackPolicy { get; }
    public INamedTypeSymbol? ApplicationBuilder { get; }

    /// <summary>The methods whose calls <see cref="Record"/> records (besides project extensions and configured helpers): what <see cref="CompilationFacts"/> binds.</summary>
    public MethodSet RecordedMethods => MethodSet.Union(UseAuthorization, Branches, SetFallbackPolicy);

    public bool IsFileServing(IMethodSymbol method) =>
        WellKnownTypes.Contains(UseStaticFiles, method) || WellKnownTypes.Contains(UseFileServer, method) ||
        WellKnownTypes.Contains(UseDirectoryBrowser, method);

    /// <summary>
    /// Records what an invocation does to the pipeline, if anything, into <paramref name="record"/>. Returns the event,
    /// for rules that attach evidence. <paramref name="helpers"/> are the project's own authorization helpers configured
    /// for the invocation's file.
    /// </summary>
    public PipelineEvent? Record(IInvocationOperation invocation, ISymbol owner, AuthorizationHelpers helpers, AuthorizationRecord record)
    {
        var method = invocation.TargetMethod;

        // Most calls are of no type the model knows and not the project's own pipeline extensions (LINQ and logging
        // extensions come from metadata): one set lookup answers them.
        if (!helpers.HasMethods && !WellKnownTypes.IsDeclaredIn(method, _declaringTypes) && !IsProjectExtension(method))
        {
            return null;
        }

        if (RecordFallbackPolicy(invocation, helpers, record))
        {
            return null;
        }

        PipelineEventKind kind;
        TextSpan? lambda = null;
        IMethodSymbol? callee = null;
        if (WellKnownTypes.Contains(UseAuthorization, method) || helpers.IsAuthorizationMethod(method) && TakesApplicationBuilder(method))
        {
            kind = PipelineEventKind.Authorization;
        }
        else if (IsFileServing(method))
        {
            kind = PipelineEventKind.FileServing;
        }
        else if (WellKnownTypes.Contains(Branches, method))
        {
            kind = PipelineEventKind.Branch;
            lambda = ConfigurationLambda(invocation)?.Syntax.Span;
        }
        else if (IsProjectExtension(method))
        {
            kind = PipelineEventKind.ProjectExtension;
            callee = (method.ReducedFrom ?? method).OriginalDefinition;
        }
        else
        {
            return null;
        }

        var pipelineEvent = new PipelineEvent(kind, invocation, owner, EnclosingBranch(invocation), lambda, callee);
        if (kind != PipelineEventKind.FileServing)
        {
            record.Add(pipelineEvent);
        }

        return pipelineEvent;
    }

    /// <summary>
    /// The event of a file-serving registration (<c>UseStaticFiles</c>/<c>UseFileServer</c>/<c>UseDirectoryBrowser</c>)
    /// written in <paramref name="owner"/>, to be judged against the recorded events; null for any other call. Records nothing.
    /// </summary>
    public PipelineEvent? Describe(IInvocationOperation invocation, ISymbol owner) =>
        IsFileServing(invocation.TargetMethod)
            ? new PipelineEvent(PipelineEventKind.FileServing, invocation, owner, EnclosingBranch(invocation), null, null)
            : null;

    /// <summary>
    /// Records <c>SetFallbackPolicy(…)</c> (anything but null), or a call of a configured fallback-policy helper. True
    /// when the invocation was one of those.
    /// </summary>
    public bool RecordFallbackPolicy(IInvocationOperation invocation, AuthorizationHelpers helpers, AuthorizationRecord record)
    {
        if (helpers.IsFallbackPolicyMethod(invocation.TargetMethod))
        {
            record.SetFallbackPolicy();
            return true;
        }

        if (!WellKnownTypes.Contains(SetFallbackPolicy, invocation.TargetMethod))
        {
            return false;
        }

        if (invocation.Arguments.Length > 0 &&
            invocation.Arguments[invocation.Arguments.Length - 1].Value.ConstantValue is not { HasValue: true, Value: null })
        {
            record.SetFallbackPolicy();
        }

        return true;
    }

    /// <summary>Records <c>options.FallbackPolicy = …</c> (anything but null) into <paramref name="record"/>.</summary>
    public void RecordAssignment(ISimpleAssignmentOperation assignment, AuthorizationRecord record)
    {
        if (assignment.Target is IPropertyReferenceOperation target && FallbackPolicy is not null &&
            SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, FallbackPolicy) &&
            assignment.Value.ConstantValue is not { HasValue: true, Value: null })
        {
            record.SetFallbackPolicy();
        }
    }

    /// <summary>
    /// True when every way the app reaches <paramref name="candidate"/> runs <c>UseAuthorization()</c> first: earlier
    /// in its scope, in a project extension called earlier, before the branch it sits in, or before every call of the
    /// project extension method it sits in.
    /// </summary>
    public static bool RunsAfterAuthorization(PipelineEvent candidate, IReadOnlyList<PipelineEvent> events) =>
        RunsAfterAuthorization(candidate, events, 0);

    private static bool RunsAfterAuthorization(PipelineEvent target, IReadOnlyList<PipelineEvent> events, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        PipelineEvent? enclosingBranch = null;
        foreach (var other in events)
        {
            if (other.Owner != target.Owner || other.Tree != target.Tree)
            {
                continue;
            }

            if (other.Kind == PipelineEventKind.Branch && target.Branch is { } branch && other.BranchLambda == branch)
            {
                enclosingBranch = other;
            }

            if (other.Branch != target.Branch || other.Position >= target.Position)
            {
                continue;
            }

            if (other.Kind == PipelineEventKind.Authorization ||
                other.Kind == PipelineEventKind.ProjectExtension && other.Callee is { } callee && Authorizes(callee, events, depth + 1))
            {
                return true;
            }
        }

        if (enclosingBranch is not null)
        {
            return RunsAfterAuthorization(enclosingBranch, events, depth + 1);
        }

        // Inside one of the project's extension methods: authorized only if every call site is.
        if (target.OwnerIsExtension)
        {
            var anyCall = false;
            foreach (var call in events)
            {
                if (call.Kind == PipelineEventKind.ProjectExtension && call.Callee == target.Owner)
                {
                    anyCall = true;
                    if (!RunsAfterAuthorization(call, events, depth + 1))
                    {
                        return false;
                    }
                }
            }

            return anyCall;
        }

        return false;
    }

    /// <summary>True when the project extension method registers <c>UseAuthorization()</c> at its top level.</summary>
    private static bool Authorizes(SymbolIdentity method, IReadOnlyList<PipelineEvent> events, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        foreach (var other in events)
        {
            if (other.Branch is null && other.Owner == method &&
                (other.Kind == PipelineEventKind.Authorization ||
                 other.Kind == PipelineEventKind.ProjectExtension && other.Callee is { } callee && Authorizes(callee, events, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsProjectExtension(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        return definition.IsExtensionMethod && definition.IsDeclaredInSource() &&
               definition.Parameters.Length > 0 && ApplicationBuilder is not null &&
               WellKnownTypes.Implements(definition.Parameters[0].Type, ApplicationBuilder);
    }

    /// <summary>True when one of the method's parameters is an application builder: a helper called in the pipeline.</summary>
    private bool TakesApplicationBuilder(IMethodSymbol method)
    {
        foreach (var parameter in (method.ReducedFrom ?? method).Parameters)
        {
            if (WellKnownTypes.Implements(parameter.Type, ApplicationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    private static IAnonymousFunctionOperation? ConfigurationLambda(IInvocationOperation invocation)
    {
        // The last delegate argument is the branch's configuration (Map(path, configuration), UseWhen(predicate, configuration)).
        for (var i = invocation.Arguments.Length - 1; i >= 0; i--)
        {
            if (invocation.Arguments[i].Value.WithoutDelegateConversions() is IAnonymousFunctionOperation lambda)
            {
                return lambda;
            }
        }

        return null;
    }

    private TextSpan? EnclosingBranch(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                if (lambda.ParentSkippingDelegateConversions() is IArgumentOperation { Parent: IInvocationOperation branch } &&
                    WellKnownTypes.Contains(Branches, branch.TargetMethod))
                {
                    return lambda.Syntax.Span;
                }
            }
        }

        return null;
    }
}
