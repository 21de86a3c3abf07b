using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;
using SecureStorageAnalyzers.StaticFiles.WebConfig;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// SSA0005's classic ASP.NET form: an <c>IHttpHandler</c>, <c>HttpTaskAsyncHandler</c> or WebForms <c>Page</c> that
/// sends a file chosen by <c>Request.QueryString</c>, <c>Request.Form</c>, <c>Request.Params</c> or <c>Request[…]</c>
/// (<c>Response.TransmitFile</c>, <c>WriteFile</c>, or <c>BinaryWrite</c> of <c>File.ReadAllBytes</c>), when the method
/// checks no user (<c>IsAuthenticated</c>, <c>IsInRole</c>) and the project's web*.config files do not deny anonymous
/// users at the handler's URL (its <c>.ashx</c>/<c>.aspx</c> beside the code-behind, or a handler mapping of its type;
/// with no known URL, a deny anywhere is taken to cover it). Reported live, from the call's
/// own operation action: everything it reads is in the handler's method or in the web.config additional files, so
/// document-scoped analysis of the handler's file (the IDE's default scope) reports exactly what a build does.
/// </summary>
internal sealed class SSA0005ClassicFileHandler : PackRule
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly PathFlowTracker _tracker;
    private readonly INamedTypeSymbol? _file;

    private SSA0005ClassicFileHandler(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
        _tracker = new PathFlowTracker(_sinks, new RequestPolicy(types));
        _file = types.File;
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
        }
    }

    public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
    {
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

        if (sources.Count == 0 ||
            WebConfigDeniesAnonymous(WebConfigSet.For(_types, context.Options, context.CancellationToken),
                context.ContainingSymbol!.ContainingType, invocation.Syntax.SyntaxTree.FilePath, out var openUrl))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SSA0005AnonymousEndpointServesRequestedFile,
            DiagnosticLocations.For(invocation),
            new[] { sources[0].Operation.Syntax.GetLocation() },
            DiagnosticLocations.CallText(invocation.Syntax),
            sources[0].Reason.Evidence,
            openUrl is null
                ? "the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users"
                : $"the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users at ~/{openUrl}"));
    }

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
        foreach (var descendant in operation.Root().Descendants())
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

    /// <summary>Request values of System.Web: <c>Request.QueryString[…]</c>, <c>Form[…]</c>, <c>Params[…]</c>, <c>Request[…]</c>.</summary>
    private sealed class RequestPolicy : IFlowSourcePolicy
    {
        private static readonly SourceReason Reason = new("a request value", "Request.QueryString/Form/Params");
        private readonly INamedTypeSymbol? _request;
        private readonly INamedTypeSymbol? _requestBase;
        private readonly SymbolSet<INamedTypeSymbol> _mapPathTypes;

        public RequestPolicy(WellKnownTypes types)
        {
            _request = types.SystemWebHttpRequest;
            _requestBase = types.SystemWebHttpRequestBase;
            _mapPathTypes = types.SystemWebMapPathTypes;
        }

        public bool StopsAtPathBuilders => false;

        public bool FollowsValueTransformations => true;

        /// <summary><c>Server.MapPath("~/recordings/" + name)</c>: the file is still the one the request names.</summary>
        public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();

        public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;

        public bool PassesThrough(IOperation creationOrCall) =>
            creationOrCall is IInvocationOperation { TargetMethod: { Name: "MapPath" } method } &&
            method.ContainingType is { } type && _mapPathTypes.Contains(type.OriginalDefinition);

        public bool IsBarrier(IMethodSymbol method) => false;

        public SourceReason? Classify(IOperation operation, ISymbol? symbol)
        {
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
