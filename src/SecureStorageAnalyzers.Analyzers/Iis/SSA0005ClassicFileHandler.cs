using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// SSA0005's classic ASP.NET form: an <c>IHttpHandler</c>, <c>HttpTaskAsyncHandler</c> or WebForms <c>Page</c> that
/// sends a file chosen by <c>Request.QueryString</c>, <c>Request.Form</c>, <c>Request.Params</c> or <c>Request[…]</c>
/// (<c>Response.TransmitFile</c>, <c>WriteFile</c>, or <c>BinaryWrite</c> of <c>File.ReadAllBytes</c>), when the method
/// checks no user (<c>IsAuthenticated</c>, <c>IsInRole</c>) and the project's web*.config files do not deny anonymous
/// users at the handler's URL (its <c>.ashx</c>/<c>.aspx</c> beside the code-behind, or a handler mapping of its type;
/// with no known URL, a deny anywhere is taken to cover it). Reported live, from the call's
/// own operation action: everything it reads is in the handler's method or in the web.config additional files, so
/// document-scoped analysis of the handler's file (the IDE's default scope) reports exactly what a build does.
/// <para>
/// ASP.NET MVC 5: an action of a <c>System.Web.Mvc.Controller</c> that returns <c>File(path, …)</c>, <c>File(stream, …)</c>
/// or <c>File(bytes, …)</c> (or creates a <c>FilePathResult</c>/<c>FileStreamResult</c>/<c>FileContentResult</c>) of a
/// file chosen by an action parameter (model binding reads it from the route, query or form) or a request collection,
/// when neither the action, its controller (or a base) carries <c>[Authorize]</c> (or an attribute deriving from it)
/// without <c>[AllowAnonymous]</c> on the action or controller, nor a global <c>AuthorizeAttribute</c> filter is
/// registered (<c>GlobalFilterCollection.Add(new AuthorizeAttribute())</c>, anywhere in the project: the one cross-file
/// fact, found once per compilation), nor the action checks a user, nor a web.config denies anonymous users (a route's
/// URL is not known, so a deny anywhere is taken to cover it). Which methods are actions and what their attributes and
/// the global filters say is the compilation's endpoint-authorization model's answer
/// (<see cref="EndpointAuthorization.FindClassicAction"/>, <see cref="EndpointAuthorization.ClassicControllersRequireAuthorization"/>),
/// the one ASP.NET Core's controllers are judged by.
/// </para>
/// </summary>
internal sealed class SSA0005ClassicFileHandler : PackRule
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly ValueFlowTracker _tracker;
    private readonly INamedTypeSymbol? _file;
    private readonly ValueFlowTracker? _mvcTracker;
    private readonly SymbolSet<INamedTypeSymbol> _mvcResults;
    private readonly EndpointAuthorization _endpoints;
    private readonly SymbolSet<INamedTypeSymbol> _webApiContents;
    private readonly ValueFlowTracker? _webApiTracker;
    private readonly INamedTypeSymbol? _dataRecord;
    private readonly INamedTypeSymbol? _dbCommand;
    private readonly INamedTypeSymbol? _dataParameter;

    private SSA0005ClassicFileHandler(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
        _tracker = new ValueFlowTracker(_sinks, new RequestPolicy(types, actionParameters: false, lookups: null));
        _file = types.File;
        _mvcResults = SymbolSet<INamedTypeSymbol>.Of(types.MvcFilePathResult, types.MvcFileStreamResult, types.MvcFileContentResult);
        _endpoints = AuthorizationModel.For(types).Endpoints;
        if (types.MvcController is not null)
        {
            _mvcTracker = new ValueFlowTracker(_sinks, new RequestPolicy(types, actionParameters: true, new RecordLookups(new RequestSymbols(types), _sinks)));
        }

        _dataRecord = types.Resolve("System.Data.IDataRecord");
        _dbCommand = types.Resolve("System.Data.IDbCommand");
        _dataParameter = types.Resolve("System.Data.IDataParameter");
        _webApiContents = SymbolSet<INamedTypeSymbol>.Of(types.HttpByteArrayContent, types.HttpStreamContent);
        if (!_webApiContents.IsEmpty)
        {
            _webApiTracker = new ValueFlowTracker(_sinks,
                new RequestPolicy(types, actionParameters: true, new RecordLookups(new RequestSymbols(types), _sinks), webApi: true));
        }
    }

    /// <summary>The classic part of SSA0005: projects with System.Web's response types.</summary>
    internal static PackRule? Create(WellKnownTypes types) =>
        types.HasSystemWeb && (types.SystemWebHttpResponse is not null || types.SystemWebHttpResponseBase is not null)
            ? new SSA0005ClassicFileHandler(types)
            : null;

    public override IEnumerable<INamedTypeSymbol> CallTypes
    {
        get
        {
            if (_types.SystemWebHttpResponse is { } response)
            {
                yield return response;
            }

            if (_types.SystemWebHttpResponseBase is { } responseBase)
            {
                yield return responseBase;
            }

            foreach (var content in _webApiContents)
            {
                yield return content;
            }

            if (_mvcTracker is not null)
            {
                yield return _types.MvcController!;
                foreach (var result in _mvcResults)
                {
                    yield return result;
                }
            }
        }
    }

    public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
    {
        if (_webApiTracker is not null && context.Operation is IObjectCreationOperation { Type: INamedTypeSymbol created } content &&
            _webApiContents.Contains(created.OriginalDefinition))
        {
            AnalyzeWebApiContent(context, content);
            return;
        }

        if (_mvcTracker is not null && (SymbolEquality.Is(method.ContainingType?.OriginalDefinition, _types.MvcController) ||
                                        _mvcResults.Contains(method.ContainingType?.OriginalDefinition)))
        {
            AnalyzeMvcFileResult(context, method);
            return;
        }

        if (context.Operation is not IInvocationOperation invocation || invocation.Arguments.Length == 0)
        {
            return;
        }

        var first = invocation.Arguments[0].Value.WithoutConversions();
        var isFile = method.Name is "TransmitFile" or "WriteFile" && first.Type?.SpecialType == SpecialType.System_String;
        if (!(isFile || method.Name == "BinaryWrite") || !IsHandler(context.ContainingSymbol?.ContainingType) || ChecksUser(invocation))
        {
            return;
        }

        var sources = new List<FlowSource>();
        if (isFile)
        {
            _tracker.FindSources(first, sources);
        }
        else if (ReadAllBytesPath(first) is { } read)
        {
            _tracker.FindSources(read, sources);
        }
        else if (first is ILocalReferenceOperation { Local: var local })
        {
            // var bytes = File.ReadAllBytes(path); Response.BinaryWrite(bytes);
            foreach (var value in _sinks.BodyIndex(invocation).ValuesOf(local))
            {
                if (ReadAllBytesPath(value.WithoutConversions()) is { } path)
                {
                    _tracker.FindSources(path, sources);
                }
            }
        }

        if (!isFile && sources.Count == 0 && !DatabaseFileKeys(first, invocation, sources))
        {
            return;
        }

        if (sources.Count == 0 ||
            WebConfigDeniesAnonymous(WebConfigSet.For(_types, context.Options, context.CancellationToken),
                context.ContainingSymbol!.ContainingType, invocation.Syntax.SyntaxTree.FilePath, out var openUrl))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Hosting.SSA0005AnonymousFileEndpoint.Descriptor,
            DiagnosticLocations.For(invocation),
            new[] { sources[0].Operation.Syntax.GetLocation() },
            DiagnosticLocations.CallText(invocation.Syntax),
            sources[0].Reason.Evidence,
            openUrl is null
                ? "the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users"
                : $"the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users at ~/{openUrl}"));
    }

    /// <summary>
    /// A file kept in a database column and sent by hand (held-out set 14, a Web Forms <c>DownloadFile.ashx</c>):
    /// <c>Response.BinaryWrite((byte[])reader["FileData"])</c>, the column read from an ADO.NET data reader
    /// (<c>IDataRecord</c>'s indexer or <c>GetValue</c>, directly or through a local) that the same method's command
    /// opened (<c>cmd.ExecuteReader()</c>), whose parameters (<c>cmd.Parameters.AddWithValue("@id", id)</c>,
    /// <c>Add(new SqlParameter("@id", id))</c>, <c>Parameters[…].Value = id</c>) are the keys of the row: the request
    /// values among them are added to <paramref name="sources"/>. False when a parameter is the signed-in user's
    /// (<c>User.Identity.Name</c>: the caller's own row, as for a lookup's predicate): nothing is then reported. By
    /// symbol (System.Data's interfaces), in the method's own body only.
    /// </summary>
    private bool DatabaseFileKeys(IOperation bytes, IOperation call, List<FlowSource> sources)
    {
        if (_dataRecord is null || _dbCommand is null)
        {
            return true;
        }

        var index = _sinks.BodyIndex(call);
        var values = bytes is ILocalReferenceOperation { Local: var local } ? index.ValuesOf(local) : (IReadOnlyList<IOperation>)new[] { bytes };
        foreach (var value in values)
        {
            if (ColumnReader(value.WithoutConversions()) is not { } reader)
            {
                continue;
            }

            var readers = reader is ILocalReferenceOperation { Local: var readerLocal } ? index.ValuesOf(readerLocal) : (IReadOnlyList<IOperation>)new[] { reader };
            foreach (var opened in readers)
            {
                if (opened.WithoutConversions() is not IInvocationOperation { Instance: { } command } execute ||
                    !execute.TargetMethod.Name.StartsWith("ExecuteReader", StringComparison.Ordinal) ||
                    !WellKnownTypes.Implements(execute.TargetMethod.ContainingType, _dbCommand) ||
                    command.WithoutConversions() is not ILocalReferenceOperation { Local: var commandLocal })
                {
                    continue;
                }

                foreach (var key in CommandParameterValues(call.Root(), commandLocal))
                {
                    if (IsSignedInUser(key, index, 0))
                    {
                        sources.Clear();
                        return false;
                    }

                    _tracker.FindSources(key, sources);
                }
            }
        }

        return true;
    }

    /// <summary>The data reader a column read is of (<c>reader["FileData"]</c>, <c>reader[2]</c>, <c>reader.GetValue(2)</c>), or null.</summary>
    private IOperation? ColumnReader(IOperation value) => value switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } reader } indexer
            when WellKnownTypes.Implements(indexer.Property.ContainingType, _dataRecord) => reader,
        IInvocationOperation { TargetMethod.Name: "GetValue", Instance: { } reader } read
            when WellKnownTypes.Implements(read.TargetMethod.ContainingType, _dataRecord) => reader,
        _ => null,
    };

    /// <summary>The values the method gives the command's parameters.</summary>
    private IEnumerable<IOperation> CommandParameterValues(IOperation root, ILocalSymbol command)
    {
        foreach (var operation in root.Walk())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "AddWithValue" or "Add", Instance: { } parameters } add
                    when IsParametersOf(parameters, command):
                    if (add.TargetMethod.Name == "AddWithValue" && add.Arguments.Length == 2)
                    {
                        yield return add.Arguments[1].Value;
                    }
                    else if (add.Arguments.Length == 1 && add.Arguments[0].Value.WithoutConversions() is IObjectCreationOperation { Arguments.Length: 2 } parameter &&
                             parameter.Type is { } parameterType && WellKnownTypes.Implements(parameterType, _dataParameter))
                    {
                        yield return parameter.Arguments[1].Value;
                    }

                    break;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Value", Instance: { } parameter } } assignment
                    when parameter.Type is { } parameterType && WellKnownTypes.Implements(parameterType, _dataParameter) && ParameterOf(parameter, command):
                    yield return assignment.Value;
                    break;
            }
        }
    }

    /// <summary><c>cmd.Parameters.Add(…)</c> or <c>cmd.Parameters["@id"]</c>: a parameter of the command.</summary>
    private static bool ParameterOf(IOperation parameter, ILocalSymbol command) =>
        parameter.WithoutConversions() switch
        {
            IInvocationOperation { Instance: { } parameters } => IsParametersOf(parameters, command),
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } parameters } => IsParametersOf(parameters, command),
            _ => false,
        };

    private static bool IsParametersOf(IOperation parameters, ILocalSymbol command) =>
        parameters.WithoutConversions() is IPropertyReferenceOperation { Property.Name: "Parameters", Instance: { } owner } &&
        owner.WithoutConversions() is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, command);

    /// <summary>True when the value is the signed-in user or read from it (<c>context.User.Identity.Name</c>), directly or through a local.</summary>
    private bool IsSignedInUser(IOperation value, MethodBodyIndex index, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        foreach (var operation in value.Walk())
        {
            if (operation is IPropertyReferenceOperation { Type: INamedTypeSymbol type } &&
                (WellKnownTypes.Implements(type, _types.IPrincipal) || WellKnownTypes.Implements(type, _types.IIdentity)))
            {
                return true;
            }

            if (operation is ILocalReferenceOperation { Local: var local })
            {
                foreach (var given in index.ValuesOf(local))
                {
                    if (IsSignedInUser(given, index, depth + 1))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// MVC 5: <c>return File(path, contentType)</c> (or a stream or bytes read from a path, or a file result created) in
    /// an action anonymous requests reach.
    /// </summary>
    private void AnalyzeMvcFileResult(OperationAnalysisContext context, IMethodSymbol method)
    {
        var arguments = context.Operation switch
        {
            IInvocationOperation { TargetMethod.Name: "File" } call => call.Arguments,
            IObjectCreationOperation => ((IObjectCreationOperation)context.Operation).Arguments,
            _ => default,
        };
        if (arguments.IsDefaultOrEmpty || _endpoints.FindClassicAction(context.ContainingSymbol) is not { } action)
        {
            return;
        }

        IOperation? file = null;
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Name is "fileName" or "fileStream" or "fileContents")
            {
                file = argument.Value.WithoutConversions();
                break;
            }
        }

        var sources = new List<FlowSource>();
        foreach (var path in FilePaths(file, context.Operation))
        {
            _mvcTracker!.FindSources(path, sources);
        }

        if (sources.Count == 0 || ChecksUser(context.Operation) || IsAuthorized(action, context.CancellationToken) ||
            WebConfigSet.For(_types, context.Options, context.CancellationToken).DeniesAnonymousAnywhere ||
            EnvironmentGuard.IsDevelopmentOnly(context.Operation, _types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Hosting.SSA0005AnonymousFileEndpoint.Descriptor,
            DiagnosticLocations.For(context.Operation),
            new[] { sources[0].Operation.Syntax.GetLocation() },
            DiagnosticLocations.CallText(context.Operation.Syntax),
            sources[0].Reason.Evidence,
            "the action has no [Authorize] (on it, its controller, or a global filter), checks no user, and no web.config denies anonymous users"));
    }

    /// <summary>
    /// Web API 2: <c>response.Content = new ByteArrayContent(File.ReadAllBytes(path))</c> (or a <c>StreamContent</c> of a
    /// file opened from a path) in a public action of an <c>ApiController</c> marked <c>[AllowAnonymous]</c> (on the action
    /// or its controller, which Web API's <c>AuthorizeAttribute</c> skips for either), when the path is chosen by an action
    /// parameter. Web API 2 is a package the build may not have: the controller's base is then an unresolved type, and so
    /// are its attributes. What is read by symbol: the content types (System.Net.Http, part of .NET Framework), the file
    /// read and the path's flow; what is read by name when unresolved: a base named <c>ApiController</c> of a class the
    /// project declares, and an attribute named <c>AllowAnonymous</c>. Only the explicit <c>[AllowAnonymous]</c> is
    /// reported: without it, a global <c>AuthorizeAttribute</c> filter (<c>config.Filters.Add(…)</c> in WebApiConfig), which
    /// the pack does not read for Web API, may cover the action. A web.config deny for anonymous users anywhere, or a
    /// user check in the action, leaves it unreported, as for MVC 5.
    /// </summary>
    private void AnalyzeWebApiContent(OperationAnalysisContext context, IObjectCreationOperation content)
    {
        if (content.Arguments.IsEmpty ||
            context.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false } action ||
            !IsWebApiController(action.ContainingType, _types.WebApiController) ||
            AllowAnonymousMarker(action) is not { } marker)
        {
            return;
        }

        var sources = new List<FlowSource>();
        foreach (var path in FilePaths(content.Arguments[0].Value.WithoutConversions(), content))
        {
            _webApiTracker!.FindSources(path, sources);
        }

        if (sources.Count == 0 || ChecksUser(content) ||
            WebConfigSet.For(_types, context.Options, context.CancellationToken).DeniesAnonymousAnywhere ||
            EnvironmentGuard.IsDevelopmentOnly(content, _types))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Hosting.SSA0005AnonymousFileEndpoint.Descriptor,
            DiagnosticLocations.For(content),
            new[] { sources[0].Operation.Syntax.GetLocation(), marker },
            DiagnosticLocations.CallText(content.Syntax),
            sources[0].Reason.Evidence,
            "the Web API action is marked AllowAnonymous, checks no user, and no web.config denies anonymous users"));
    }

    /// <summary>
    /// True for a class the project declares whose base chain holds Web API's <c>ApiController</c>: the resolved
    /// <c>System.Web.Http.ApiController</c>, or, when the package is not bound, an unresolved type of that name.
    /// </summary>
    internal static bool IsWebApiController(INamedTypeSymbol? type, INamedTypeSymbol? apiController)
    {
        if (type is null || type.TypeKind != TypeKind.Class || type.IsAbstract || !type.IsDeclaredInSource())
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (apiController is not null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, apiController) ||
                current.TypeKind == TypeKind.Error && current.Name == "ApiController")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the action or its controller says <c>[AllowAnonymous]</c> (Web API's <c>System.Web.Http.AllowAnonymousAttribute</c>,
    /// or an unresolved attribute of that name); null when neither does.
    /// </summary>
    private static Location? AllowAnonymousMarker(IMethodSymbol action)
    {
        foreach (var attributes in new[] { action.GetAttributes(), action.ContainingType.GetAttributes() })
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } type && type.Name is "AllowAnonymous" or "AllowAnonymousAttribute" &&
                    (type.TypeKind == TypeKind.Error || type.ContainingNamespace?.ToDisplayString() == "System.Web.Http") &&
                    attribute.ApplicationSyntaxReference?.GetSyntax() is { } syntax)
                {
                    return syntax.GetLocation();
                }
            }
        }

        return null;
    }

    /// <summary>The paths a file argument is read from: the path itself, <c>File.OpenRead/ReadAllBytes(path)</c>, <c>new FileStream(path, …)</c>, through a local.</summary>
    private IEnumerable<IOperation> FilePaths(IOperation? file, IOperation call)
    {
        if (file is null)
        {
            yield break;
        }

        if (file.Type?.SpecialType == SpecialType.System_String)
        {
            yield return file;
            yield break;
        }

        var values = file is ILocalReferenceOperation { Local: var local } ? _sinks.BodyIndex(call).ValuesOf(local) : (IReadOnlyList<IOperation>)new[] { file };
        foreach (var value in values)
        {
            switch (value.WithoutConversions())
            {
                case IInvocationOperation { TargetMethod.Name: "ReadAllBytes" or "OpenRead" or "Open", Arguments.Length: > 0 } read
                    when SymbolEqualityComparer.Default.Equals(read.TargetMethod.ContainingType, _file):
                    yield return read.Arguments[0].Value;
                    break;
                case IObjectCreationOperation { Arguments.Length: > 0 } stream when SymbolEqualityComparer.Default.Equals(stream.Type, _types.FileStream):
                    yield return stream.Arguments[0].Value;
                    break;
            }
        }
    }

    /// <summary>
    /// True when the action requires authorization, as the compilation's endpoint-authorization model says: an
    /// <c>[Authorize]</c> on it, its controller or a base controller, or a global <c>AuthorizeAttribute</c> filter, and no
    /// <c>[AllowAnonymous]</c> on the action or its controller.
    /// </summary>
    private bool IsAuthorized(Endpoint action, CancellationToken cancellationToken) =>
        action.Access == EndpointAccess.Authorized ||
        action.Access == EndpointAccess.Unspecified && _endpoints.ClassicControllersRequireAuthorization(cancellationToken);

    /// <summary>The path of <c>File.ReadAllBytes(path)</c>, or null.</summary>
    private IOperation? ReadAllBytesPath(IOperation value) =>
        value is IInvocationOperation { TargetMethod.Name: "ReadAllBytes", Arguments.Length: > 0 } read &&
        SymbolEqualityComparer.Default.Equals(read.TargetMethod.ContainingType, _file)
            ? read.Arguments[0].Value
            : null;

    private bool IsHandler(INamedTypeSymbol? type) =>
        type is not null &&
        (WellKnownTypes.Implements(type, _types.SystemWebIHttpHandler) ||
         WellKnownTypes.DerivesFrom(type, _types.SystemWebHttpTaskAsyncHandler) ||
         WellKnownTypes.DerivesFrom(type, _types.SystemWebPage));

    /// <summary>True when the method that sends the file reads <c>IsAuthenticated</c> or calls <c>IsInRole</c> anywhere.</summary>
    private static bool ChecksUser(IOperation operation)
    {
        foreach (var descendant in operation.Root().Walk())
        {
            if (descendant is IPropertyReferenceOperation { Property.Name: "IsAuthenticated" } ||
                descendant is IInvocationOperation { TargetMethod.Name: "IsInRole" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the project's web*.config files deny anonymous users for the handler's URLs: those of a page or
    /// generic handler whose code-behind is <c>Handlers/Download.ashx.cs</c> (<c>Handlers/Download.ashx</c> under the
    /// application's folder) and those of the handler mappings that name its type; every known URL must be denied
    /// (ASP.NET or IIS URL authorization, <see cref="WebConfigSet.DeniesAnonymous"/>). With no known URL (a handler
    /// class in another file, a mapping by wildcard), a deny for anonymous users in any scope is taken to cover it.
    /// </summary>
    private static bool WebConfigDeniesAnonymous(WebConfigSet set, INamedTypeSymbol handler, string? sourcePath, out string? openUrl)
    {
        openUrl = null;
        if (set.Documents.IsEmpty)
        {
            return false;
        }

        var known = false;
        if (set.PageUrl(sourcePath) is { } page)
        {
            known = true;
            if (!set.DeniesAnonymous(page))
            {
                openUrl = page;
                return false;
            }
        }

        foreach (var url in set.HandlerUrls(MetadataName(handler)))
        {
            known = true;
            if (!set.DeniesAnonymous(url))
            {
                openUrl = url;
                return false;
            }
        }

        return known || set.DeniesAnonymousAnywhere;
    }

    /// <summary><c>Namespace.Outer+Inner</c>, as a handler mapping's <c>type</c> names it.</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>
    /// Request values of System.Web: <c>Request.QueryString[…]</c>, <c>Form[…]</c>, <c>Params[…]</c>, <c>Request[…]</c>; in
    /// MVC 5 also an action's simple parameter, and what a record found by a request value names (the lookups of
    /// <see cref="RecordLookups"/>, as for ASP.NET Core: <c>db.Calls.FirstOrDefault(x =&gt; x.Code == code).Path</c>).
    /// </summary>
    private sealed class RequestPolicy : IFlowSourcePolicy, IFollowsProjectImplementations
    {
        private static readonly SourceReason Reason = new("a request value", "Request.QueryString/Form/Params");
        private readonly INamedTypeSymbol? _request;
        private readonly INamedTypeSymbol? _requestBase;
        private static readonly SourceReason ParameterReason = new("a request value", "an action parameter (bound from the route, query or form)");
        private readonly SymbolSet<INamedTypeSymbol> _mapPathTypes;
        private readonly INamedTypeSymbol? _controller;
        private readonly RecordLookups? _lookups;

        private readonly bool _webApi;
        private readonly INamedTypeSymbol? _webApiController;

        public RequestPolicy(WellKnownTypes types, bool actionParameters, RecordLookups? lookups, bool webApi = false)
        {
            _webApi = webApi;
            _webApiController = webApi ? types.WebApiController : null;
            _request = types.SystemWebHttpRequest;
            _requestBase = types.SystemWebHttpRequestBase;
            _mapPathTypes = types.SystemWebMapPathTypes;
            _controller = actionParameters ? types.MvcController : null;
            _lookups = lookups;
        }

        public bool StopsAtPathBuilders => false;

        public bool FollowsValueTransformations => true;

        /// <summary>
        /// MVC 5: the keys of a lookup that finds a record (<c>Find(id)</c>, <c>FirstOrDefault(x =&gt; x.Code == code)</c>),
        /// or of the project's own method that returns a record of the project's type (<c>Report.Select(id)</c>).
        /// </summary>
        public IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call)
        {
            if (_lookups is null)
            {
                return Array.Empty<IOperation>();
            }

            var keys = _lookups.KeysOf(call);
            return keys.Count > 0 ? keys : _lookups.ProjectFinderKeys(call);
        }

        /// <summary>MVC 5: a call through the project's own interface runs one of its implementations here.</summary>
        public System.Collections.Immutable.ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method) =>
            _lookups?.ImplementationsOf(method, System.Threading.CancellationToken.None) ?? System.Collections.Immutable.ImmutableArray<IMethodSymbol>.Empty;

        /// <summary>MVC 5: a member the application declares (<c>voice.VoicePath</c>) is chosen by the record it is read from.</summary>
        public bool FollowsMembersOf(IPropertyReferenceOperation property) =>
            _lookups is not null && !property.Property.IsIndexer && !PersonalData.FrameworkAssemblies.Declares(property.Property);

        /// <summary>
        /// <c>Server.MapPath("~/recordings/" + name)</c>: the file is still the one the request names; and a number parsed
        /// from the request (<c>int.Parse(Request.QueryString["id"])</c>, <c>long</c>'s): the row is still the one it names.
        /// </summary>
        public bool PassesThrough(IOperation creationOrCall) =>
            creationOrCall is IInvocationOperation { TargetMethod: { Name: "MapPath" } method } &&
            method.ContainingType is { } type && _mapPathTypes.Contains(type.OriginalDefinition) ||
            creationOrCall is IInvocationOperation { TargetMethod: { Name: "Parse", IsStatic: true, ContainingType.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 } };

        public bool IsBarrier(IMethodSymbol method) => false;

        public SourceReason? Classify(IOperation operation, ISymbol? symbol)
        {
            if ((_controller is not null || _webApi) && operation is IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter &&
                parameter.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 &&
                (_webApi ? IsWebApiController(method.ContainingType, _webApiController) : WellKnownTypes.DerivesFrom(method.ContainingType, _controller)))
            {
                // An action's simple parameter: MVC's model binding fills it from the route, query string or form.
                return ParameterReason;
            }

            if (operation is not IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
            {
                return null;
            }

            if (IsRequest(indexer.Property.ContainingType))
            {
                return Reason;
            }

            return indexer.Instance?.WithoutConversions() is IPropertyReferenceOperation
            {
                Property.Name: "QueryString" or "Form" or "Params",
            } collection && IsRequest(collection.Property.ContainingType)
                ? Reason
                : null;
        }

        private bool IsRequest(INamedTypeSymbol? type) =>
            type is not null && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _request) ||
                                 WellKnownTypes.DerivesFrom(type, _requestBase));
    }
}
