using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// The framework symbols the pack needs, resolved once per compilation and shared by every analyzer of the pack and
/// every callback of that compilation (<see cref="GetOrCreate"/>). A type the compilation lacks is
/// <see langword="null"/>; a method set of an absent type is empty. Without ASP.NET Core's
/// <c>Microsoft.AspNetCore.Http.Abstractions</c> among the references (checked by name) nothing is looked up. Nothing
/// here outlives the compilation that created it.
/// </summary>
/// <remarks>
/// Resolving a type by metadata name searches every referenced assembly (about 270 for a web app), so it is the largest
/// fixed cost of a compilation: one instance per compilation resolves each name once, through the compilation's merged
/// global namespace (<see cref="TopLevelTypes"/>), and every rule reads the result. The framework types the value flow,
/// the sinks and the classifier read are in <c>WellKnownTypes.Platform.cs</c>; <see cref="Resolve"/> is for names a
/// user configures.
/// </remarks>
internal sealed partial class WellKnownTypes
{
    /// <summary>
    /// The one instance of each compilation, weakly keyed by it: collected with the compilation, never reused for
    /// another (the pattern of the framework's and the .NET SDK's own analyzers).
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> PerCompilation = new();

    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _resolved = new(StringComparer.Ordinal);
    private readonly Func<string, INamedTypeSymbol?> _lookUp;
    private readonly ConcurrentDictionary<Type, object> _shared = new();
    private HashSet<string>? _referencedAssemblies;
    private HashSet<string>? _topLevelNamespaces;
    private readonly Dictionary<string, INamespaceSymbol?> _namespaces = new(StringComparer.Ordinal);

    private WellKnownTypes(Compilation compilation)
    {
        Compilation = compilation;
        _lookUp = LookUp;

        // The assembly that defines the application builder (in the shared framework and in the 2.x packages) is checked
        // first, by name: a project without it resolves no type at all.
        IApplicationBuilder = References("Microsoft.AspNetCore.Http.Abstractions")
            ? Get("Microsoft.AspNetCore.Builder.IApplicationBuilder")
            : null;
        if (IApplicationBuilder is null)
        {
            // Not a web project: no web rule runs, so no other web type is looked up.
            UseDirectoryBrowser = AddDirectoryBrowser = UseFileServerWithBrowsingFlag = IsDevelopment = IsEnvironment =
                MethodSet.Empty();
            DevelopmentEnvironmentNameFields = SymbolSet<IFieldSymbol>.Empty();
            return;
        }

        WebApplication = Get("Microsoft.AspNetCore.Builder.WebApplication");
        WebApplicationBuilder = Get("Microsoft.AspNetCore.Builder.WebApplicationBuilder");
        IHostEnvironment = Get("Microsoft.Extensions.Hosting.IHostEnvironment");
        IWebHostEnvironment = Get("Microsoft.AspNetCore.Hosting.IWebHostEnvironment");
#pragma warning disable CS0618 // the obsolete interfaces still appear in user code
        IHostingEnvironmentAspNetCore = Get("Microsoft.AspNetCore.Hosting.IHostingEnvironment");
        IHostingEnvironmentExtensions = Get("Microsoft.Extensions.Hosting.IHostingEnvironment");
#pragma warning restore CS0618
        FileServerOptions = Get("Microsoft.AspNetCore.Builder.FileServerOptions");
        StaticFileOptions = Get("Microsoft.AspNetCore.Builder.StaticFileOptions");

        var directoryBrowserExtensions = Get("Microsoft.AspNetCore.Builder.DirectoryBrowserExtensions");
        var directoryBrowserServiceExtensions = Get("Microsoft.Extensions.DependencyInjection.DirectoryBrowserServiceExtensions");

        UseDirectoryBrowser = Methods(directoryBrowserExtensions, "UseDirectoryBrowser");
        AddDirectoryBrowser = Methods(directoryBrowserServiceExtensions, "AddDirectoryBrowser");
        UseFileServerWithBrowsingFlag = Methods(FileServerExtensions, "UseFileServer", m =>
            m.Parameters.Length == 2 && m.Parameters[1].Type.SpecialType == SpecialType.System_Boolean);
        FileServerOptionsEnableDirectoryBrowsing = Property(FileServerOptions, "EnableDirectoryBrowsing");
        StaticFileOptionsServeUnknownFileTypes = Property(StaticFileOptions, "ServeUnknownFileTypes");

        // Environment checks: Microsoft.Extensions.Hosting (IHostEnvironment) and the obsolete
        // Microsoft.AspNetCore.Hosting / Microsoft.Extensions.Hosting IHostingEnvironment extensions.
        var envExtensionTypes = new[]
        {
            Get("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
            Get("Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"),
            Get("Microsoft.Extensions.Hosting.HostingEnvironmentExtensions"),
        };
        IsDevelopment = Methods(envExtensionTypes, "IsDevelopment");
        IsEnvironment = Methods(envExtensionTypes, "IsEnvironment");

        // The framework's names for "Development" are static readonly fields, not constants.
        var developmentNames = new System.Collections.Generic.List<IFieldSymbol>();
        foreach (var namesType in new[]
                 {
                     Get("Microsoft.Extensions.Hosting.Environments"),
                     Get("Microsoft.AspNetCore.Hosting.EnvironmentName"),
                     Get("Microsoft.Extensions.Hosting.EnvironmentName"),
                 })
        {
            if (namesType?.GetMembers("Development") is { Length: > 0 } members && members[0] is IFieldSymbol field)
            {
                developmentNames.Add(field);
            }
        }

        DevelopmentEnvironmentNameFields = new SymbolSet<IFieldSymbol>(developmentNames);
    }

    public Compilation Compilation { get; }

    /// <summary>
    /// Per block, where its first Development-only early exit is (<see cref="EnvironmentGuard"/>). Keyed by the operation
    /// tree, so it lives as long as the tree does and never outlives the compilation.
    /// </summary>
    internal System.Runtime.CompilerServices.ConditionalWeakTable<Microsoft.CodeAnalysis.Operations.IBlockOperation, System.Runtime.CompilerServices.StrongBox<int>> EarlyExitGuards { get; } = new();

    public INamedTypeSymbol? IApplicationBuilder { get; }
    public INamedTypeSymbol? WebApplication { get; }
    public INamedTypeSymbol? WebApplicationBuilder { get; }
    public INamedTypeSymbol? IHostEnvironment { get; }
    public INamedTypeSymbol? IWebHostEnvironment { get; }
    public INamedTypeSymbol? IHostingEnvironmentAspNetCore { get; }
    public INamedTypeSymbol? IHostingEnvironmentExtensions { get; }
    public INamedTypeSymbol? FileServerOptions { get; }
    public INamedTypeSymbol? StaticFileOptions { get; }

    public MethodSet UseDirectoryBrowser { get; }
    public MethodSet AddDirectoryBrowser { get; }
    public MethodSet UseFileServerWithBrowsingFlag { get; }
    public IPropertySymbol? FileServerOptionsEnableDirectoryBrowsing { get; }
    public IPropertySymbol? StaticFileOptionsServeUnknownFileTypes { get; }

    /// <summary><c>IsDevelopment()</c> on every environment abstraction.</summary>
    public MethodSet IsDevelopment { get; }

    /// <summary><c>IsEnvironment(name)</c> on every environment abstraction.</summary>
    public MethodSet IsEnvironment { get; }

    /// <summary><c>Environments.Development</c> and the obsolete <c>EnvironmentName.Development</c> fields.</summary>
    public SymbolSet<IFieldSymbol> DevelopmentEnvironmentNameFields { get; }

    /// <summary>True when the compilation references ASP.NET Core's application builder: the web rules apply.</summary>
    public bool HasAspNetCore => IApplicationBuilder is not null;

    /// <summary>
    /// True when the compilation references classic ASP.NET: System.Web with its <c>IHttpHandler</c> (.NET Core's own
    /// System.Web.dll holds only HttpUtility, so the assembly name alone does not tell).
    /// </summary>
    public bool HasSystemWeb => References("System.Web") && Get("System.Web.IHttpHandler") is not null;

    // Framework types the rules and shared facts look up when they are created, resolved on first use and cached by
    // name; read their methods with Methods(type, name). A web type stays unresolved (null) without ASP.NET Core, like
    // those above.

    /// <summary><c>SharedOptionsBase</c> of the static-file middleware options (<c>FileProvider</c>, <c>RequestPath</c>).</summary>
    public INamedTypeSymbol? SharedOptionsBase => Web("Microsoft.AspNetCore.StaticFiles.Infrastructure.SharedOptionsBase");

    public INamedTypeSymbol? WebApplicationOptions => Web("Microsoft.AspNetCore.Builder.WebApplicationOptions");

    public INamedTypeSymbol? AuthorizationOptions => Web("Microsoft.AspNetCore.Authorization.AuthorizationOptions");

    public INamedTypeSymbol? HttpRequest => Web("Microsoft.AspNetCore.Http.HttpRequest");

    /// <summary><c>HostString</c>: a request's host and port (<c>Request.Host</c>), the authority of a URL.</summary>
    public INamedTypeSymbol? HostString => Web("Microsoft.AspNetCore.Http.HostString");

    public INamedTypeSymbol? HttpResponse => Web("Microsoft.AspNetCore.Http.HttpResponse");

    public INamedTypeSymbol? IAllowAnonymous => Web("Microsoft.AspNetCore.Authorization.IAllowAnonymous");

    public INamedTypeSymbol? IAuthorizeData => Web("Microsoft.AspNetCore.Authorization.IAuthorizeData");

    public INamedTypeSymbol? AuthorizeFilter => Web("Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter");

    public INamedTypeSymbol? ControllerBase => Web("Microsoft.AspNetCore.Mvc.ControllerBase");

    public INamedTypeSymbol? PageModel => Web("Microsoft.AspNetCore.Mvc.RazorPages.PageModel");

    /// <summary><c>Microsoft.AspNetCore.Mvc.NonActionAttribute</c>: a controller method that is no action (inherited by overrides).</summary>
    public INamedTypeSymbol? NonActionAttribute => Web("Microsoft.AspNetCore.Mvc.NonActionAttribute");

    /// <summary><c>Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute</c>: a page model method that is no handler (inherited by overrides).</summary>
    public INamedTypeSymbol? NonHandlerAttribute => Web("Microsoft.AspNetCore.Mvc.RazorPages.NonHandlerAttribute");

    public INamedTypeSymbol? RouteGroupBuilder => Web("Microsoft.AspNetCore.Routing.RouteGroupBuilder");

    // What returns or sends a file from an endpoint (SSA0005): the result factories and the file result classes.
    public INamedTypeSymbol? Results => Web("Microsoft.AspNetCore.Http.Results");

    public INamedTypeSymbol? TypedResults => Web("Microsoft.AspNetCore.Http.TypedResults");

    public INamedTypeSymbol? SendFileResponseExtensions => Web("Microsoft.AspNetCore.Http.SendFileResponseExtensions");

    public INamedTypeSymbol? PhysicalFileResult => Web("Microsoft.AspNetCore.Mvc.PhysicalFileResult");

    public INamedTypeSymbol? FileStreamResult => Web("Microsoft.AspNetCore.Mvc.FileStreamResult");

    public INamedTypeSymbol? FileContentResult => Web("Microsoft.AspNetCore.Mvc.FileContentResult");

    public INamedTypeSymbol? VirtualFileResult => Web("Microsoft.AspNetCore.Mvc.VirtualFileResult");

    // The extension methods of the request pipeline and of endpoint routing (the pipeline and endpoint-authorization
    // model, SSA0004's UseWebRoot): their methods are read from these with Methods(type, name).

    public INamedTypeSymbol? StaticFileExtensions => Web("Microsoft.AspNetCore.Builder.StaticFileExtensions");

    public INamedTypeSymbol? FileServerExtensions => Web("Microsoft.AspNetCore.Builder.FileServerExtensions");

    public INamedTypeSymbol? AuthorizationAppBuilderExtensions => Web("Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions");

    public INamedTypeSymbol? MapExtensions => Web("Microsoft.AspNetCore.Builder.MapExtensions");

    public INamedTypeSymbol? MapWhenExtensions => Web("Microsoft.AspNetCore.Builder.MapWhenExtensions");

    public INamedTypeSymbol? UseWhenExtensions => Web("Microsoft.AspNetCore.Builder.UseWhenExtensions");

    public INamedTypeSymbol? AuthorizationBuilder => Web("Microsoft.AspNetCore.Authorization.AuthorizationBuilder");

    public INamedTypeSymbol? EndpointRouteBuilderExtensions => Web("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");

    public INamedTypeSymbol? ControllerEndpointRouteBuilderExtensions => Web("Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions");

    public INamedTypeSymbol? RazorPagesEndpointRouteBuilderExtensions => Web("Microsoft.AspNetCore.Builder.RazorPagesEndpointRouteBuilderExtensions");

    public INamedTypeSymbol? AuthorizationEndpointConventionBuilderExtensions =>
        Web("Microsoft.AspNetCore.Builder.AuthorizationEndpointConventionBuilderExtensions");

    public INamedTypeSymbol? HostingAbstractionsWebHostBuilderExtensions =>
        Web("Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions");

    // What serves the web root besides UseStaticFiles/UseFileServer/UseDirectoryBrowser, and what builds an app's
    // pipeline (Hosting/WebRootServing: is the web root served at all?).

    /// <summary><c>MapStaticAssets()</c> (.NET 9).</summary>
    public INamedTypeSymbol? StaticAssetsEndpointRouteBuilderExtensions => Web("Microsoft.AspNetCore.Builder.StaticAssetsEndpointRouteBuilderExtensions");

    /// <summary><c>UseBlazorFrameworkFiles()</c> (a hosted Blazor WebAssembly app).</summary>
    public INamedTypeSymbol? ComponentsWebAssemblyApplicationBuilderExtensions =>
        Web("Microsoft.AspNetCore.Builder.ComponentsWebAssemblyApplicationBuilderExtensions");

    /// <summary><c>UseStartup&lt;T&gt;()</c>: the host runs <c>T.Configure</c>, the app's pipeline.</summary>
    public INamedTypeSymbol? WebHostBuilderExtensions => Web("Microsoft.AspNetCore.Hosting.WebHostBuilderExtensions");

    // The attributes that make a type or method a test (TestProjects: a project marked as test code that declares none
    // is an application's project that merely references a test framework). Derived attributes count.

    /// <summary>The test attributes of xUnit, NUnit, MSTest and SpecFlow/Reqnroll bindings that the compilation has.</summary>
    public SymbolSet<INamedTypeSymbol> TestAttributes => SymbolSet<INamedTypeSymbol>.Of(
        Get("Xunit.FactAttribute"),
        Get("NUnit.Framework.TestAttribute"), Get("NUnit.Framework.TestCaseAttribute"), Get("NUnit.Framework.TestCaseSourceAttribute"),
        Get("NUnit.Framework.TheoryAttribute"), Get("NUnit.Framework.TestFixtureAttribute"),
        Get("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute"), Get("Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute"),
        Get("TechTalk.SpecFlow.BindingAttribute"), Get("Reqnroll.BindingAttribute"));

    public INamedTypeSymbol? IIdentity => Get("System.Security.Principal.IIdentity");

    /// <summary><c>Microsoft.AspNetCore.Identity.UserManager&lt;TUser&gt;</c>: its <c>GetUserAsync(User)</c> is null for an anonymous caller.</summary>
    public INamedTypeSymbol? IdentityUserManager => Web("Microsoft.AspNetCore.Identity.UserManager`1");

    public INamedTypeSymbol? FileInfo => Get("System.IO.FileInfo");

    public INamedTypeSymbol? PhysicalFileProvider => Get("Microsoft.Extensions.FileProviders.PhysicalFileProvider");

    public INamedTypeSymbol? IConfiguration => Get("Microsoft.Extensions.Configuration.IConfiguration");

    public INamedTypeSymbol? ConfigurationBinder => Get("Microsoft.Extensions.Configuration.ConfigurationBinder");

    // Classic ASP.NET (System.Web), resolved only when the compilation has it (HasSystemWeb): null otherwise.

    public INamedTypeSymbol? SystemWebHttpContext => ClassicWeb("System.Web.HttpContext");

    public INamedTypeSymbol? SystemWebHttpContextBase => ClassicWeb("System.Web.HttpContextBase");

    public INamedTypeSymbol? SystemWebHttpRequest => ClassicWeb("System.Web.HttpRequest");

    public INamedTypeSymbol? SystemWebHttpRequestBase => ClassicWeb("System.Web.HttpRequestBase");

    public INamedTypeSymbol? SystemWebHttpResponse => ClassicWeb("System.Web.HttpResponse");

    public INamedTypeSymbol? SystemWebHttpResponseBase => ClassicWeb("System.Web.HttpResponseBase");

    public INamedTypeSymbol? SystemWebHttpPostedFile => ClassicWeb("System.Web.HttpPostedFile");

    public INamedTypeSymbol? SystemWebHttpPostedFileBase => ClassicWeb("System.Web.HttpPostedFileBase");

    /// <summary><c>System.Web.UI.WebControls.FileUpload</c>: the Web Forms upload control (its own <c>SaveAs(filename)</c> stores the upload).</summary>
    public INamedTypeSymbol? SystemWebFileUpload => ClassicWeb("System.Web.UI.WebControls.FileUpload");

    /// <summary>Web Forms' <c>HyperLink</c> and <c>HtmlAnchor</c>: the URL a link is given is an address, not a storage path (SSA0101).</summary>
    public INamedTypeSymbol? SystemWebHyperLink => ClassicWeb("System.Web.UI.WebControls.HyperLink");

    public INamedTypeSymbol? SystemWebHtmlAnchor => ClassicWeb("System.Web.UI.HtmlControls.HtmlAnchor");

    public INamedTypeSymbol? SystemWebHttpServerUtility => ClassicWeb("System.Web.HttpServerUtility");

    public INamedTypeSymbol? SystemWebHttpServerUtilityBase => ClassicWeb("System.Web.HttpServerUtilityBase");

    public INamedTypeSymbol? SystemWebHostingEnvironment => ClassicWeb("System.Web.Hosting.HostingEnvironment");

    /// <summary>The types whose <c>MapPath</c> turns a virtual path into a file of the application (empty without System.Web).</summary>
    public SymbolSet<INamedTypeSymbol> SystemWebMapPathTypes =>
        SymbolSet<INamedTypeSymbol>.Of(SystemWebHttpServerUtility, SystemWebHttpServerUtilityBase, SystemWebHostingEnvironment);

    /// <summary><c>System.Web.HttpRuntime</c> (<c>AppDomainAppPath</c>: the application's folder).</summary>
    public INamedTypeSymbol? SystemWebHttpRuntime => ClassicWeb("System.Web.HttpRuntime");

    /// <summary><c>System.Configuration.ConfigurationManager</c> (its <c>AppSettings</c>: the web.config's settings), in a classic project.</summary>
    public INamedTypeSymbol? SystemConfigurationManager => ClassicWeb("System.Configuration.ConfigurationManager");

    /// <summary><c>System.Web.Configuration.WebConfigurationManager</c> (its <c>AppSettings</c>, the same settings).</summary>
    public INamedTypeSymbol? SystemWebConfigurationManager => ClassicWeb("System.Web.Configuration.WebConfigurationManager");

    public INamedTypeSymbol? SystemWebIHttpHandler => ClassicWeb("System.Web.IHttpHandler");

    public INamedTypeSymbol? SystemWebHttpTaskAsyncHandler => ClassicWeb("System.Web.HttpTaskAsyncHandler");

    public INamedTypeSymbol? SystemWebPage => ClassicWeb("System.Web.UI.Page");

    // ASP.NET MVC 5 (System.Web.Mvc, a package): null without it.

    public INamedTypeSymbol? MvcController => ClassicWeb("System.Web.Mvc.Controller");

    public INamedTypeSymbol? MvcFilePathResult => ClassicWeb("System.Web.Mvc.FilePathResult");

    public INamedTypeSymbol? MvcFileStreamResult => ClassicWeb("System.Web.Mvc.FileStreamResult");

    public INamedTypeSymbol? MvcFileContentResult => ClassicWeb("System.Web.Mvc.FileContentResult");

    public INamedTypeSymbol? MvcAuthorizeAttribute => ClassicWeb("System.Web.Mvc.AuthorizeAttribute");

    public INamedTypeSymbol? MvcAllowAnonymousAttribute => ClassicWeb("System.Web.Mvc.AllowAnonymousAttribute");

    public INamedTypeSymbol? MvcNonActionAttribute => ClassicWeb("System.Web.Mvc.NonActionAttribute");

    // ASP.NET Web API 2 (System.Web.Http, a package) and the response contents of System.Net.Http (a .NET Framework
    // assembly): null without System.Web.

    public INamedTypeSymbol? WebApiController => ClassicWeb("System.Web.Http.ApiController");

    public INamedTypeSymbol? HttpByteArrayContent => ClassicWeb("System.Net.Http.ByteArrayContent");

    public INamedTypeSymbol? HttpStreamContent => ClassicWeb("System.Net.Http.StreamContent");

    public INamedTypeSymbol? MvcGlobalFilterCollection => ClassicWeb("System.Web.Mvc.GlobalFilterCollection");

    /// <summary>The instance of <paramref name="compilation"/>, created by the first analyzer that asks.</summary>
    public static WellKnownTypes GetOrCreate(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new WellKnownTypes(c));

    /// <summary>
    /// The compilation's one <typeparamref name="T"/> (a table of symbols built from these types, such as the storage
    /// sinks), created by the first analyzer that asks and shared by the others.
    /// </summary>
    public T Shared<T>(Func<WellKnownTypes, T> create)
        where T : class =>
        (T)(_shared.TryGetValue(typeof(T), out var value) ? value : _shared.GetOrAdd(typeof(T), _ => create(this)));

    /// <summary>True when the compilation references an assembly of that name: no type of an absent SDK is looked up.</summary>
    public bool References(string assemblyName)
    {
        var names = Volatile.Read(ref _referencedAssemblies);
        if (names is null)
        {
            // A plain set, filled before it is published and only read after: an immutable set's builder cost about
            // 3,000 instructions an add, about 0.9 M for the 307 references of an ASP.NET Core app (docs/performance.md).
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var identity in Compilation.ReferencedAssemblyNames)
            {
                set.Add(identity.Name);
            }

            names = set;
            Volatile.Write(ref _referencedAssemblies, set);
        }

        return names.Contains(assemblyName);
    }

    /// <summary>True when <paramref name="type"/> is one of the hosting environment abstractions.</summary>
    public bool IsHostEnvironment(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        return Implements(type, IHostEnvironment) || Implements(type, IHostingEnvironmentAspNetCore) ||
               Implements(type, IHostingEnvironmentExtensions);
    }

    public static bool Implements(ITypeSymbol type, INamedTypeSymbol? @interface)
    {
        if (@interface is null)
        {
            return false;
        }

        // SymbolEquality.DefinitionIs: the comparer's full comparison only for a candidate of the same name.
        if (SymbolEquality.DefinitionIs(type, @interface))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEquality.DefinitionIs(candidate, @interface))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEquality.DefinitionIs(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="method"/> (reduced or not, constructed or not) is one of <paramref name="set"/>.</summary>
    public static bool Contains(MethodSet set, IMethodSymbol? method) => set.Contains(method);

    /// <summary>The types that declare the methods of <paramref name="sets"/>: a cheap first filter before the set lookups.</summary>
    public static SymbolSet<INamedTypeSymbol> DeclaringTypes(params MethodSet[] sets) => MethodSet.Union(sets).DeclaringTypes;

    /// <summary>True when <paramref name="method"/> is declared by one of <paramref name="types"/> (see <see cref="DeclaringTypes"/>).</summary>
    public static bool IsDeclaredIn(IMethodSymbol method, SymbolSet<INamedTypeSymbol> types) =>
        method.ContainingType is { } type && types.Contains(type.OriginalDefinition);

    /// <summary>True when <paramref name="metadataName"/> has been resolved in this compilation (for tests: what is looked up when).</summary>
    internal bool HasResolved(string metadataName) => _resolved.ContainsKey(metadataName);

    /// <summary>Resolves a type by metadata name, for the few the pack looks up beyond its fixed list (configured names).</summary>
    public INamedTypeSymbol? Resolve(string metadataName) => Get(metadataName);

    /// <summary>A classic ASP.NET type, resolved only when the compilation has System.Web (<see cref="HasSystemWeb"/>).</summary>
    private INamedTypeSymbol? ClassicWeb(string metadataName) => HasSystemWeb ? Get(metadataName) : null;

    /// <summary>A web type, resolved only when the compilation has ASP.NET Core (<see cref="HasAspNetCore"/>).</summary>
    private INamedTypeSymbol? Web(string metadataName) => HasAspNetCore ? Get(metadataName) : null;

    /// <summary>
    /// The type the compilation means by <paramref name="metadataName"/>. <c>GetTypeByMetadataName</c> answers null as
    /// soon as two referenced assemblies define the name, even when one copy is internal: ASP.NET Core ships an internal
    /// <c>Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions</c> next to the public one. So: the compilation's
    /// own type wins, inaccessible copies are ignored, and two accessible copies are a real ambiguity (null).
    /// </summary>
    private INamedTypeSymbol? Get(string metadataName) =>
        _resolved.TryGetValue(metadataName, out var type) ? type : _resolved.GetOrAdd(metadataName, _lookUp);

    private INamedTypeSymbol? LookUp(string metadataName)
    {
        var candidates = metadataName.IndexOf('+') >= 0
            ? Compilation.GetTypesByMetadataName(metadataName)
            : TopLevelTypes(metadataName);
        INamedTypeSymbol? found = null;
        foreach (var type in candidates)
        {
            if (type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, Compilation.Assembly))
            {
                return type;
            }

            if (!IsPublicThroughout(type) && !Compilation.IsSymbolAccessibleWithin(type, Compilation.Assembly))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = type;
        }

        return found;
    }

    /// <summary>
    /// A public type whose containing types are public too is accessible from every assembly that references its own, so
    /// <c>IsSymbolAccessibleWithin</c>, which walks the compilation's references for each type, need not be asked.
    /// </summary>
    private static bool IsPublicThroughout(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The top-level types named <paramref name="metadataName"/> in the compilation and the assemblies it references,
    /// found through its global namespace rather than <c>GetTypesByMetadataName</c>. That one searches every referenced
    /// assembly in turn, splitting the name again for each (about 270 times per name for a web app); the global
    /// namespace merges the assemblies' namespaces once per name and caches them, and the compiler binds through the same
    /// merged namespaces, so most lookups find them built. Assemblies referenced only under an <c>extern alias</c> are
    /// not in the global namespace and so not searched; the framework's are never referenced that way.
    /// </summary>
    /// <remarks>
    /// Each namespace is looked up once (<see cref="NamespaceOf"/>, cached by its dotted name: about 150 names share
    /// about 50 namespaces), and a name whose first segment no constituent of the global namespace declares (the document
    /// libraries, the test frameworks and SDKs a project does not reference) is answered without asking the merged global
    /// namespace, whose first lookup of a name asks every referenced assembly's global namespace in turn (h-perf18a:
    /// about 14 such names per web compilation, docs/performance.md).
    /// </remarks>
    private ImmutableArray<INamedTypeSymbol> TopLevelTypes(string metadataName)
    {
        var lastDot = metadataName.LastIndexOf('.');
        var current = lastDot < 0 ? Compilation.GlobalNamespace : NamespaceOf(metadataName.Substring(0, lastDot));
        if (current is null)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var name = metadataName.Substring(lastDot + 1);
        var arity = 0;
        var tick = name.IndexOf('`');
        if (tick >= 0)
        {
            if (!int.TryParse(name.Substring(tick + 1), System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out arity))
            {
                return ImmutableArray<INamedTypeSymbol>.Empty;
            }

            name = name.Substring(0, tick);
        }

        return current.GetTypeMembers(name, arity);
    }

    /// <summary>The merged namespace of that dotted name, or null when the compilation has none; looked up once per name.</summary>
    private INamespaceSymbol? NamespaceOf(string dottedName)
    {
        lock (_namespaces)
        {
            if (_namespaces.TryGetValue(dottedName, out var cached))
            {
                return cached;
            }
        }

        INamespaceSymbol? found;
        var lastDot = dottedName.LastIndexOf('.');
        if (lastDot < 0)
        {
            // System and Microsoft are in every compilation, and the compiler looks them up itself for the files' usings:
            // asked directly (h-perf19a). For another name the set of top-level names answers an absent one without the
            // merged lookup; either way the same namespace is found.
            found = dottedName is "System" or "Microsoft" || TopLevelNamespaceNames().Contains(dottedName)
                ? Namespace(Compilation.GlobalNamespace, dottedName)
                : null;
        }
        else
        {
            found = NamespaceOf(dottedName.Substring(0, lastDot)) is { } parent ? Namespace(parent, dottedName.Substring(lastDot + 1)) : null;
        }

        lock (_namespaces)
        {
            _namespaces[dottedName] = found;
        }

        return found;
    }

    /// <summary>
    /// The names of the namespaces that some constituent of the global namespace (the compilation's own, each referenced
    /// assembly's) declares at its top level: read from each constituent once, where the merged namespace's first
    /// lookup of a name asks every constituent for that name again.
    /// </summary>
    private HashSet<string> TopLevelNamespaceNames()
    {
        var names = Volatile.Read(ref _topLevelNamespaces);
        if (names is null)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var constituent in Compilation.GlobalNamespace.ConstituentNamespaces)
            {
                foreach (var child in constituent.GetNamespaceMembers())
                {
                    set.Add(child.Name);
                }
            }

            names = set;
            Volatile.Write(ref _topLevelNamespaces, set);
        }

        return names;
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol parent, string name)
    {
        foreach (var member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol child)
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>The property <paramref name="name"/> declared on <paramref name="type"/>, or null.</summary>
    public static IPropertySymbol? Property(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>
    /// The methods named <paramref name="name"/> of <paramref name="type"/> (a typed member of this catalog), as their
    /// original definitions; empty when the type is absent.
    /// </summary>
    public static MethodSet Methods(INamedTypeSymbol? type, string name,
        System.Func<IMethodSymbol, bool>? filter = null) => Methods(new[] { type }, name, filter);

    private static MethodSet Methods(INamedTypeSymbol?[] types, string name,
        System.Func<IMethodSymbol, bool>? filter = null)
    {
        var builder = new System.Collections.Generic.List<IMethodSymbol>();
        foreach (var type in types)
        {
            if (type is null)
            {
                continue;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IMethodSymbol method && (filter is null || filter(method)))
                {
                    builder.Add(method.OriginalDefinition);
                }
            }
        }

        return new MethodSet(builder);
    }
}
