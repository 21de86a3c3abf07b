using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>How an endpoint's own metadata decides its authorization.</summary>
internal enum EndpointAccess
{
    /// <summary>Nothing on the endpoint: the fallback policy, global filters and conventions on all controllers decide.</summary>
    Unspecified,

    /// <summary><c>[Authorize]</c> or <c>RequireAuthorization()</c>, on the endpoint, its group, class or base class.</summary>
    Authorized,

    /// <summary><c>[AllowAnonymous]</c> or <c>AllowAnonymous()</c> anywhere on it: the framework then ignores every <c>[Authorize]</c>.</summary>
    ExplicitlyAnonymous,
}

/// <summary>An endpoint found around an operation: its handler, and what its own metadata says.</summary>
internal sealed class Endpoint
{
    public Endpoint(ISymbol handler, bool isController, EndpointAccess access, IOperation? mapCall, SyntaxNode? marker)
    {
        Handler = handler;
        IsController = isController;
        Access = access;
        MapCall = mapCall;
        Marker = marker;
    }

    /// <summary>The lambda or action method whose parameters are bound from the request.</summary>
    public ISymbol Handler { get; }

    /// <summary>An MVC action or Razor Pages handler (global authorize filters apply), not a minimal API.</summary>
    public bool IsController { get; }

    public EndpointAccess Access { get; }

    /// <summary>For a minimal API: the <c>MapGet</c>/<c>MapPost</c>/… call.</summary>
    public IOperation? MapCall { get; }

    /// <summary>The <c>[AllowAnonymous]</c> attribute or <c>AllowAnonymous()</c> call that makes it anonymous, if any.</summary>
    public SyntaxNode? Marker { get; }
}

/// <summary>
/// A method given to <c>MapGet</c>/… as a method group (<c>app.MapGet("/r/{name}", GetRecording)</c>): what the map call
/// and the method's attributes say, kept as locations only, for the end of the compilation.
/// </summary>
internal sealed class MappedHandler
{
    public MappedHandler(EndpointAccess access, Location? marker, Location mapCall)
    {
        Access = access;
        Marker = marker;
        MapCall = mapCall;
    }

    public EndpointAccess Access { get; }

    public Location? Marker { get; }

    public Location MapCall { get; }
}

/// <summary>
/// The endpoint half of the authorization model (the pipeline half is <see cref="PipelineModel"/>): which endpoint an
/// operation belongs to (a lambda given to <c>MapGet</c>/<c>MapPost</c>/…/<c>MapFallback</c>, or an action of a
/// controller or Razor page), and what <c>[Authorize]</c>/<c>[AllowAnonymous]</c> on the handler, its class and base
/// classes, <c>RequireAuthorization()</c>/<c>AllowAnonymous()</c> on the endpoint and its <c>MapGroup</c> say. As in the
/// framework, <c>AllowAnonymous</c> wins over any <c>Authorize</c>. One per compilation (<see cref="AuthorizationModel"/>),
/// read by every rule and by the pre-scan of <see cref="CompilationFacts"/>; it holds no recorded state: the
/// compilation-wide facts (a global <c>AuthorizeFilter</c>, <c>MapControllers().RequireAuthorization()</c>, methods
/// mapped as method groups) go into the <see cref="AuthorizationRecord"/> it is handed, one per tree.
/// </summary>
internal sealed class EndpointAuthorization
{
    private readonly MethodSet _mapEndpoint;
    private readonly MethodSet _mapControllers;
    private readonly MethodSet _requireAuthorization;
    private readonly MethodSet _allowAnonymous;
    private readonly INamedTypeSymbol? _allowAnonymousMetadata;
    private readonly INamedTypeSymbol? _authorizeData;
    private readonly INamedTypeSymbol? _authorizeFilter;
    private readonly INamedTypeSymbol? _controllerBase;
    private readonly INamedTypeSymbol? _pageModel;
    private readonly INamedTypeSymbol? _routeGroup;
    private readonly WellKnownTypes _types;
    private readonly INamedTypeSymbol? _mvcController;
    private readonly INamedTypeSymbol? _mvcAuthorize;
    private readonly INamedTypeSymbol? _mvcAllowAnonymous;
    private readonly INamedTypeSymbol? _mvcNonAction;
    private readonly INamedTypeSymbol? _nonAction;
    private readonly INamedTypeSymbol? _nonHandler;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, (EndpointAccess Access, SyntaxNode? Marker)>> _groupConventions = new();

    internal EndpointAuthorization(WellKnownTypes types)
    {
        AuthorizationModel.CountBuilt(types);
        var builder = new List<IMethodSymbol>();
        foreach (var name in new[] { "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback" })
        {
            builder.AddRange(WellKnownTypes.Methods(types.EndpointRouteBuilderExtensions, name));
        }

        _mapEndpoint = new MethodSet(builder);
        var controllers = new List<IMethodSymbol>();
        foreach (var name in new[] { "MapControllers", "MapControllerRoute", "MapDefaultControllerRoute", "MapAreaControllerRoute" })
        {
            controllers.AddRange(WellKnownTypes.Methods(types.ControllerEndpointRouteBuilderExtensions, name));
        }

        controllers.AddRange(WellKnownTypes.Methods(types.RazorPagesEndpointRouteBuilderExtensions, "MapRazorPages"));
        _mapControllers = new MethodSet(controllers);
        _requireAuthorization = WellKnownTypes.Methods(types.AuthorizationEndpointConventionBuilderExtensions, "RequireAuthorization");
        _allowAnonymous = WellKnownTypes.Methods(types.AuthorizationEndpointConventionBuilderExtensions, "AllowAnonymous");
        _allowAnonymousMetadata = types.IAllowAnonymous;
        _authorizeData = types.IAuthorizeData;
        _authorizeFilter = types.AuthorizeFilter;
        _controllerBase = types.ControllerBase;
        _pageModel = types.PageModel;
        _routeGroup = types.RouteGroupBuilder;
        _types = types;
        _mvcController = types.MvcController;
        _mvcAuthorize = types.MvcAuthorizeAttribute;
        _mvcAllowAnonymous = types.MvcAllowAnonymousAttribute;
        _mvcNonAction = types.MvcNonActionAttribute;
        _nonAction = types.NonActionAttribute;
        _nonHandler = types.NonHandlerAttribute;
        _recordedDeclaringTypes = WellKnownTypes.DeclaringTypes(_requireAuthorization, _mapEndpoint);
    }

    private readonly SymbolSet<INamedTypeSymbol> _recordedDeclaringTypes;

    /// <summary>The types whose calls and creations <see cref="Record"/> looks at (besides configured helpers).</summary>
    public IEnumerable<INamedTypeSymbol> RecordedTypes
    {
        get
        {
            foreach (var type in _recordedDeclaringTypes)
            {
                yield return type;
            }

            if (_authorizeFilter is not null)
            {
                yield return _authorizeFilter;
            }
        }
    }

    /// <summary>The map calls whose method-group handlers <see cref="Record"/> records (<c>MapGet</c>, …): what <see cref="CompilationFacts"/> binds.</summary>
    public MethodSet MapEndpointMethods => _mapEndpoint;

    /// <summary><c>RequireAuthorization</c>: recorded when its receiver chain holds one of <see cref="MapControllersMethods"/>.</summary>
    public MethodSet RequireAuthorizationMethods => _requireAuthorization;

    /// <summary><c>MapControllers</c>, <c>MapRazorPages</c>, …: the calls whose authorization covers every controller.</summary>
    public MethodSet MapControllersMethods => _mapControllers;

    /// <summary>The type whose creations <see cref="Record"/> records: a global <c>AuthorizeFilter</c>.</summary>
    public INamedTypeSymbol? RecordedCreation => _authorizeFilter;

    /// <summary>
    /// Records compilation-wide facts from an invocation or object creation into <paramref name="record"/>: a global
    /// <c>AuthorizeFilter</c>, <c>MapControllers().RequireAuthorization()</c>, and methods mapped as method groups.
    /// </summary>
    public void Record(IOperation operation, AuthorizationHelpers helpers, AuthorizationRecord record)
    {
        if (operation is IInvocationOperation call && !helpers.HasMethods && !WellKnownTypes.IsDeclaredIn(call.TargetMethod, _recordedDeclaringTypes))
        {
            return;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation when _authorizeFilter is not null &&
                                                       SymbolEqualityComparer.Default.Equals(creation.Type, _authorizeFilter):
                record.SetControllersAuthorized();
                break;
            case IInvocationOperation invocation when IsRequireAuthorization(invocation.TargetMethod, helpers):
                for (var receiver = Receiver(invocation); receiver is IInvocationOperation inner; receiver = Receiver(inner))
                {
                    if (WellKnownTypes.Contains(_mapControllers, inner.TargetMethod))
                    {
                        record.SetControllersAuthorized();
                    }
                }

                break;
            case IInvocationOperation invocation when WellKnownTypes.Contains(_mapEndpoint, invocation.TargetMethod) &&
                                                      MethodGroupHandler(invocation) is { } handler:
                var endpoint = Minimal(handler, invocation, helpers);
                record.AddMapped(SymbolIdentity.Of(handler), new MappedHandler(endpoint.Access, endpoint.Marker?.GetLocation(), invocation.Syntax.GetLocation()));
                break;
        }
    }

    /// <summary>
    /// The endpoint <paramref name="operation"/> runs in, or null when it is in no endpoint the model knows here. An
    /// operation in an ordinary method or local function may still be an endpoint mapped as a method group: see
    /// <see cref="HandlerCandidate"/> and <see cref="AuthorizationRecord.MappedAs"/>.
    /// </summary>
    public Endpoint? Find(IOperation operation, ISymbol containingSymbol, AuthorizationHelpers helpers)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && MapCallOf(lambda) is { } mapCall)
            {
                return Minimal(lambda.Symbol, mapCall, helpers);
            }
        }

        if (containingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method &&
            (WellKnownTypes.DerivesFrom(method.ContainingType, _controllerBase) || WellKnownTypes.DerivesFrom(method.ContainingType, _pageModel)) &&
            IsActionOrHandler(method))
        {
            var (access, marker) = ActionAccess(method, _allowAnonymousMetadata, _authorizeData, helpers, anonymousFromBaseClasses: true);
            return new Endpoint(method, isController: true, access, mapCall: null, marker);
        }

        return null;
    }

    /// <summary>
    /// False for a public method of a controller or page model that ASP.NET Core does not route to
    /// (<c>DefaultApplicationModelProvider.IsAction</c>, and the page model's handler discovery): a generic method, one
    /// marked <c>[NonAction]</c> (<c>[NonHandler]</c> on a page model) on itself or on a method it overrides (the
    /// attribute is inherited: an override of <c>ControllerBase.File</c> or <c>PhysicalFile</c> that forwards to the
    /// base is no action), an override of <c>object</c>'s methods, and <c>Dispose</c>.
    /// </summary>
    private bool IsActionOrHandler(IMethodSymbol method)
    {
        if (method.IsGenericMethod || method.Name == "Dispose" && method.Parameters.IsEmpty)
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (HasAttribute(current, _nonAction) || HasAttribute(current, _nonHandler) ||
                current.ContainingType?.SpecialType == SpecialType.System_Object)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The ASP.NET MVC 5 action <paramref name="containingSymbol"/> is (a public instance method of a
    /// <c>System.Web.Mvc.Controller</c> not marked <c>[NonAction]</c>), with what <c>System.Web.Mvc</c>'s
    /// <c>[Authorize]</c> (or an attribute deriving from it) on the action, its controller or a base controller, and
    /// <c>[AllowAnonymous]</c> on the action or its controller say, by the same rule as ASP.NET Core's controllers
    /// (<see cref="Find"/>): <c>AllowAnonymous</c> wins. Null for anything else. A global <c>AuthorizeAttribute</c> filter
    /// is the compilation-wide fact <see cref="ClassicControllersRequireAuthorization"/>.
    /// </summary>
    /// <remarks>
    /// <c>[AllowAnonymous]</c> on a base controller is not counted (MVC 5 inherits it; the rule has not so far): the
    /// configured authorization attributes (<c>ssa.authorization_attributes</c>) are ASP.NET Core's only.
    /// </remarks>
    public Endpoint? FindClassicAction(ISymbol? containingSymbol)
    {
        if (_mvcController is null ||
            containingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, DeclaredAccessibility: Accessibility.Public } method ||
            !WellKnownTypes.DerivesFrom(method.ContainingType, _mvcController) || HasAttribute(method, _mvcNonAction))
        {
            return null;
        }

        var (access, marker) = ActionAccess(method, _mvcAllowAnonymous, _mvcAuthorize, helpers: null, anonymousFromBaseClasses: false);
        return new Endpoint(method, isController: true, access, mapCall: null, marker);
    }

    /// <summary>
    /// True when the project registers MVC 5's <c>AuthorizeAttribute</c> (or one deriving from it) as a global filter
    /// (<c>filters.Add(new AuthorizeAttribute())</c>, usually in FilterConfig.cs): every action requires authorization
    /// unless marked <c>[AllowAnonymous]</c>. Found once per compilation, on the first question, by a syntax walk for
    /// <c>Add</c> calls that create an object, binding only those.
    /// </summary>
    public bool ClassicControllersRequireAuthorization(CancellationToken cancellationToken) =>
        _mvcController is not null && _types.Shared(t => new ClassicGlobalFilters(t, cancellationToken)).Authorize;

    /// <summary>
    /// True when <paramref name="symbol"/> or a type containing it carries an authorization attribute: one that implements
    /// ASP.NET Core's <c>IAuthorizeData</c> or is (or derives from) MVC 5's <c>AuthorizeAttribute</c>. What the code around
    /// an operation is meant for (signed-in users), in any method: not an endpoint's access (<see cref="Find"/> and
    /// <see cref="FindClassicAction"/> also read base classes and <c>[AllowAnonymous]</c>); configured authorization
    /// attributes are not counted. SSA0006 asks it of a picture recorded for display.
    /// </summary>
    public bool CarriesAuthorizeAttribute(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (attribute.AttributeClass is { } type && (IsOrDerives(type, _authorizeData) || IsOrDerives(type, _mvcAuthorize)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>[AllowAnonymous]</c> on the action, its class (or a base class, when <paramref name="anonymousFromBaseClasses"/>)
    /// wins; otherwise any <c>[Authorize]</c> on the action, its class or a base class authorizes.
    /// </summary>
    private static (EndpointAccess, SyntaxNode?) ActionAccess(IMethodSymbol method, INamedTypeSymbol? allowAnonymous, INamedTypeSymbol? authorize,
        AuthorizationHelpers? helpers, bool anonymousFromBaseClasses)
    {
        var (access, marker) = FromAttributes(method, allowAnonymous, authorize, helpers);
        for (INamedTypeSymbol? type = method.ContainingType; type is not null && access != EndpointAccess.ExplicitlyAnonymous; type = type.BaseType)
        {
            var anonymousCounts = anonymousFromBaseClasses || SymbolEqualityComparer.Default.Equals(type, method.ContainingType);
            var (typeAccess, typeMarker) = FromAttributes(type, anonymousCounts ? allowAnonymous : null, authorize, helpers);
            if (typeAccess != EndpointAccess.Unspecified && access != EndpointAccess.Authorized || typeAccess == EndpointAccess.ExplicitlyAnonymous)
            {
                (access, marker) = (typeAccess, typeMarker);
            }
        }

        return (access, marker);
    }

    /// <summary>
    /// The ordinary method or local function <paramref name="operation"/> is written in: the handler it would belong to
    /// if that method is mapped as a method group. Null inside a lambda, and for anything but ordinary methods.
    /// </summary>
    public static IMethodSymbol? HandlerCandidate(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
            }
        }

        return containingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method ? method.OriginalDefinition : null;
    }

    private Endpoint Minimal(IMethodSymbol handler, IInvocationOperation mapCall, AuthorizationHelpers helpers)
    {
        var (access, marker) = FromAttributes(handler, helpers);

        // Conventions on the endpoint: app.MapGet(…).RequireAuthorization().AllowAnonymous()…
        IOperation current = mapCall;
        while (access != EndpointAccess.ExplicitlyAnonymous && Consumer(current) is { } convention)
        {
            (access, marker) = Combine(access, marker, convention, helpers);
            current = convention;
        }

        // Conventions on its group: app.MapGroup("/x").RequireAuthorization().MapGet(…), or a group kept in a local.
        for (var receiver = Receiver(mapCall); receiver is not null && access != EndpointAccess.ExplicitlyAnonymous;)
        {
            if (receiver is IInvocationOperation call)
            {
                (access, marker) = Combine(access, marker, call, helpers);
                receiver = Receiver(call);
                continue;
            }

            if (receiver is ILocalReferenceOperation local && _routeGroup is not null &&
                SymbolEqualityComparer.Default.Equals(local.Local.Type, _routeGroup) &&
                GroupConventions(mapCall, helpers).TryGetValue(local.Local, out var group))
            {
                (access, marker) = group.Access == EndpointAccess.ExplicitlyAnonymous || access == EndpointAccess.Unspecified
                    ? group
                    : (access, marker);
            }

            break;
        }

        return new Endpoint(handler, isController: false, access, mapCall, marker);
    }

    /// <summary>
    /// What the conventions on each <c>MapGroup</c> local of a method body say: computed in one pass per body and kept
    /// as long as its operation tree, so a body with thousands of endpoints on one group is not scanned once per endpoint.
    /// (The helpers are those of the body's own file, so one entry per tree is consistent.)
    /// </summary>
    private Dictionary<ILocalSymbol, (EndpointAccess Access, SyntaxNode? Marker)> GroupConventions(IOperation operation, AuthorizationHelpers helpers) =>
        _groupConventions.GetValue(operation.Root(), root =>
        {
            var groups = new Dictionary<ILocalSymbol, (EndpointAccess, SyntaxNode?)>(SymbolEqualityComparer.Default);
            foreach (var descendant in root.Walk())
            {
                // Only invocations and declarators matter: the kind first, one interface test for it (h-perf18b).
                if (descendant.Kind is not (OperationKind.Invocation or OperationKind.VariableDeclarator))
                {
                    continue;
                }

                switch (descendant)
                {
                    case IInvocationOperation call when Receiver(call) is ILocalReferenceOperation target &&
                                                        SymbolEqualityComparer.Default.Equals(target.Local.Type, _routeGroup):
                        groups.TryGetValue(target.Local, out var state);
                        groups[target.Local] = Combine(state.Item1, state.Item2, call, helpers);
                        break;
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol.Type, _routeGroup):
                        for (var chain = declarator.Initializer?.Value; chain is IInvocationOperation link; chain = Receiver(link))
                        {
                            groups.TryGetValue(declarator.Symbol, out var current);
                            groups[declarator.Symbol] = Combine(current.Item1, current.Item2, link, helpers);
                        }

                        break;
                }
            }

            return groups;
        });

    private (EndpointAccess, SyntaxNode?) Combine(EndpointAccess access, SyntaxNode? marker, IInvocationOperation call, AuthorizationHelpers helpers)
    {
        if (WellKnownTypes.Contains(_allowAnonymous, call.TargetMethod))
        {
            return (EndpointAccess.ExplicitlyAnonymous, call.Syntax);
        }

        return IsRequireAuthorization(call.TargetMethod, helpers) && access == EndpointAccess.Unspecified
            ? (EndpointAccess.Authorized, marker)
            : (access, marker);
    }

    private bool IsRequireAuthorization(IMethodSymbol method, AuthorizationHelpers helpers) =>
        WellKnownTypes.Contains(_requireAuthorization, method) || helpers.IsAuthorizationMethod(method);

    private (EndpointAccess, SyntaxNode?) FromAttributes(ISymbol symbol, AuthorizationHelpers helpers) =>
        FromAttributes(symbol, _allowAnonymousMetadata, _authorizeData, helpers);

    /// <summary>
    /// What the attributes on <paramref name="symbol"/> say: an attribute that is, implements or derives from
    /// <paramref name="allowAnonymous"/> makes it anonymous (and is the marker); one of <paramref name="authorize"/> or a
    /// configured authorization attribute authorizes it. ASP.NET Core passes its metadata interfaces
    /// (<c>IAllowAnonymous</c>, <c>IAuthorizeData</c>), MVC 5 its attribute classes.
    /// </summary>
    private static (EndpointAccess, SyntaxNode?) FromAttributes(ISymbol symbol, INamedTypeSymbol? allowAnonymous, INamedTypeSymbol? authorize,
        AuthorizationHelpers? helpers)
    {
        var access = EndpointAccess.Unspecified;
        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            if (IsOrDerives(type, allowAnonymous))
            {
                return (EndpointAccess.ExplicitlyAnonymous, attribute.ApplicationSyntaxReference?.GetSyntax());
            }

            if (IsOrDerives(type, authorize) || helpers is not null && helpers.IsAuthorizationAttribute(type))
            {
                access = EndpointAccess.Authorized;
            }
        }

        return (access, null);
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="target"/>, implements it (an interface) or derives from it (a class).</summary>
    private static bool IsOrDerives(INamedTypeSymbol type, INamedTypeSymbol? target) =>
        target is not null && (WellKnownTypes.Implements(type, target) || WellKnownTypes.DerivesFrom(type, target));

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (WellKnownTypes.DerivesFrom(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MVC 5's global <c>AuthorizeAttribute</c> filter, looked for once per compilation (<see cref="ClassicControllersRequireAuthorization"/>).</summary>
    private sealed class ClassicGlobalFilters
    {
        public ClassicGlobalFilters(WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (types.MvcGlobalFilterCollection is not { } collection || types.MvcAuthorizeAttribute is not { } authorize)
            {
                return;
            }

            var compilation = types.Compilation;
            foreach (var tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } } add ||
                        add.ArgumentList.Arguments.Count == 0 || add.ArgumentList.Arguments[0].Expression is not BaseObjectCreationExpressionSyntax)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // One syntax walk per compilation for the one cross-file fact; only Add(new …) calls are bound.
                    model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (model.GetOperation(add, cancellationToken) is IInvocationOperation { Arguments.Length: > 0 } call &&
                        SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType?.OriginalDefinition, collection) &&
                        call.Arguments[0].Value.WithoutConversions() is IObjectCreationOperation { Type: var created } &&
                        WellKnownTypes.DerivesFrom(created, authorize))
                    {
                        Authorize = true;
                        return;
                    }
                }
            }
        }

        public bool Authorize { get; }
    }

    /// <summary>The method given as a method group to a map call: <c>app.MapGet("/r/{name}", GetRecording)</c>.</summary>
    private static IMethodSymbol? MethodGroupHandler(IInvocationOperation mapCall)
    {
        for (var i = mapCall.Arguments.Length - 1; i >= 0; i--)
        {
            if (mapCall.Arguments[i].Value.WithoutConversions() is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
            {
                return reference.Method.OriginalDefinition;
            }
        }

        return null;
    }

    private IInvocationOperation? MapCallOf(IAnonymousFunctionOperation lambda)
    {
        return lambda.ParentSkippingDelegateConversions() is IArgumentOperation { Parent: IInvocationOperation call } && WellKnownTypes.Contains(_mapEndpoint, call.TargetMethod)
            ? call
            : null;
    }

    /// <summary>The call that uses <paramref name="operation"/> as its receiver (<c>x.M()</c> or the <c>this</c> argument of an extension).</summary>
    private static IInvocationOperation? Consumer(IOperation operation)
    {
        return operation.ParentSkippingConversions() switch
        {
            IInvocationOperation call when call.Instance is not null => call,
            IArgumentOperation { Parent: IInvocationOperation call } argument when call.Arguments.Length > 0 &&
                                                                             ReferenceEquals(call.Arguments[0], argument) &&
                                                                             call.TargetMethod.IsExtensionMethod => call,
            _ => null,
        };
    }

    /// <summary>The receiver of a call: its instance, or the <c>this</c> argument of an extension method.</summary>
    private static IOperation? Receiver(IInvocationOperation call) => call.Receiver()?.WithoutConversions();

}
