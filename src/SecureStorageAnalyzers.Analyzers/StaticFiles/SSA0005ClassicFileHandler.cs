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
/// checks no user (<c>IsAuthenticated</c>, <c>IsInRole</c>) and no web*.config of the project denies anonymous users
/// anywhere (a handler's URL is not known here, so any such deny is taken to cover it). Reported live, from the call's
/// own operation action: everything it reads is in the handler's method or in the web.config additional files, so
/// document-scoped analysis of the handler's file (the IDE's default scope) reports exactly what a build does.
/// </summary>
internal sealed class SSA0005ClassicFileHandler : PackRule
{
    private readonly WellKnownTypes _types;
    private readonly PathFlowTracker _tracker;
    private readonly INamedTypeSymbol? _file;
    private int _webConfigDenies = -1;

    private SSA0005ClassicFileHandler(WellKnownTypes types)
    {
        _types = types;
        _tracker = new PathFlowTracker(StorageSinks.Create(types), new RequestPolicy(types));
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
        IOperation? file = method.Name switch
        {
            "TransmitFile" or "WriteFile" when first.Type?.SpecialType == SpecialType.System_String => first,
            "BinaryWrite" when first is IInvocationOperation { TargetMethod.Name: "ReadAllBytes", Arguments.Length: > 0 } read &&
                               SymbolEqualityComparer.Default.Equals(read.TargetMethod.ContainingType, _file) => read.Arguments[0].Value,
            _ => null,
        };
        if (file is null || !IsHandler(context.ContainingSymbol?.ContainingType) || ChecksUser(invocation))
        {
            return;
        }

        var sources = new List<FlowSource>();
        _tracker.FindSources(file, sources);
        if (sources.Count == 0 || WebConfigDeniesAnonymous(context.Options, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SSA0005AnonymousEndpointServesRequestedFile,
            DiagnosticLocations.For(invocation),
            new[] { sources[0].Operation.Syntax.GetLocation() },
            DiagnosticLocations.CallText(invocation.Syntax),
            sources[0].Reason.Evidence,
            "the handler checks no user (IsAuthenticated, IsInRole) and no web.config denies anonymous users"));
    }

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

    /// <summary>True when a web*.config of the project denies anonymous users in some scope (ASP.NET or IIS authorization).</summary>
    private bool WebConfigDeniesAnonymous(AnalyzerOptions options, System.Threading.CancellationToken cancellationToken)
    {
        var known = System.Threading.Volatile.Read(ref _webConfigDenies);
        if (known >= 0)
        {
            return known == 1;
        }

        var denies = false;
        foreach (var additional in options.AdditionalFiles)
        {
            if (!WebConfigDocument.IsWebConfig(additional.Path) || additional.GetText(cancellationToken) is not { } text ||
                WebConfigDocument.Parse(additional.Path, text) is not { } document)
            {
                continue;
            }

            foreach (var element in document.Elements())
            {
                if ((element.Is("deny") && element.IsUnder("authorization", "system.web") ||
                     element.Is("add") && element.IsUnder("authorization", "security", "system.webServer") &&
                     string.Equals(element.Value("accessType"), "Deny", StringComparison.OrdinalIgnoreCase)) &&
                    element.Attribute("users") is { } users && (users.ListContains("?") || users.ListContains("*")))
                {
                    denies = true;
                }
            }
        }

        System.Threading.Volatile.Write(ref _webConfigDenies, denies ? 1 : 0);
        return denies;
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
