using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Iis;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.StoredContent;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0005: a file result (<c>Results.File</c>/<c>PhysicalFile</c>/<c>Stream</c>/<c>Bytes</c>, <c>TypedResults.*</c>,
/// <c>HttpResponse.SendFileAsync</c>, MVC's <c>File</c>/<c>PhysicalFile</c> and the file result types) whose file is
/// chosen by a request value (per <see cref="RequestValueFlowPolicy"/>), in an endpoint anonymous requests reach (per
/// <see cref="EndpointAuthorization"/> and the fallback policy of <see cref="PipelineModel"/>). Judged and reported where
/// the file result is, in its operation action (so it shows while typing); what other files say (the fallback policy,
/// global authorize filters, <c>MapControllers().RequireAuthorization()</c>, where a method is mapped as a method group)
/// comes from <see cref="CompilationFacts"/>, found once per compilation.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0005AnonymousFileEndpoint
{
    public const string Id = "SSA0005";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "An anonymous endpoint serves stored files chosen by the request",
        "{0} returns a stored file chosen by the request ({1}) from an endpoint anonymous requests reach: {2}",
        "An endpoint that returns whichever stored file a route, query, form or body value names hands every stored file to anyone who can guess or enumerate the names, unless it requires an authenticated user. Require authorization on the endpoint, and check that the caller may read the file it asks for.");

    /// <summary>Key of <see cref="Diagnostic.Properties"/>: which fix applies (<see cref="FixReplaceAllowAnonymous"/>, …).</summary>
    public const string FixProperty = "Fix";

    /// <summary>The endpoint says <c>AllowAnonymous</c>: the additional location #1 is the marker to replace.</summary>
    public const string FixReplaceAllowAnonymous = "ReplaceAllowAnonymous";

    /// <summary>A minimal API with nothing: additional location #1 is the <c>MapGet</c>/… call to add <c>RequireAuthorization()</c> to.</summary>
    public const string FixRequireAuthorization = "RequireAuthorization";

    /// <summary>An action with nothing: additional location #1 is the action method to put <c>[Authorize]</c> on.</summary>
    public const string FixAuthorize = "Authorize";

    private static readonly ImmutableHashSet<string> FileMethods = ImmutableHashSet.Create("File", "PhysicalFile", "Stream", "Bytes", "SendFileAsync");
    private static readonly ImmutableHashSet<string> FileParameters = ImmutableHashSet.Create("path", "physicalPath", "virtualPath", "fileName", "fileStream", "stream", "fileContents", "contents");

    /// <summary>
    /// The rule's part for a compilation: ASP.NET Core projects, or, without ASP.NET Core, classic ASP.NET handlers and
    /// pages (<see cref="SSA0005ClassicFileHandler"/>).
    /// </summary>
    internal static PackRule? CreateRule(WellKnownTypes types) =>
        types.HasAspNetCore ? new Analysis(types) : SSA0005ClassicFileHandler.Create(types);

    /// <summary>
    /// The rule's judgement alone, for SSA0009, whose "served anonymously" link may be an endpoint SSA0005 reports
    /// (<see cref="Analysis.Find"/>): ASP.NET Core projects only, null otherwise.
    /// </summary>
    internal static Analysis? CreateJudge(WellKnownTypes types) => types.HasAspNetCore ? new Analysis(types) : null;

    /// <summary>A finding of the rule, judged and not yet reported: the file result, the file it returns, and what the message says.</summary>
    internal sealed class Finding
    {
        public Finding(Candidate candidate, IOperation file, string why, string? fix, Location? target)
        {
            Candidate = candidate;
            File = file;
            Why = why;
            Fix = fix;
            Target = target;
        }

        internal Candidate Candidate { get; }

        /// <summary>The argument that says which file: a path, a stream or the bytes.</summary>
        public IOperation File { get; }

        public string Why { get; }

        public string? Fix { get; }

        public Location? Target { get; }

        public Diagnostic ToDiagnostic()
        {
            var additional = Target is null
                ? new[] { Candidate.SourceLocation }
                : new[] { Candidate.SourceLocation, Target };
            var properties = Target is null || Fix is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, Fix);
            return Diagnostic.Create(
                SSA0005AnonymousFileEndpoint.Descriptor,
                Candidate.Location,
                additional,
                properties,
                Candidate.Call,
                Candidate.Evidence,
                Why);
        }
    }

    /// <summary>A file result whose file the request chooses, in an endpoint that may be anonymous: judged with the compilation's facts.</summary>
    internal sealed class Candidate
    {
        public Candidate(IOperation sink, Endpoint endpoint, FlowSource source)
            : this(sink, source, endpoint.Access, endpoint.IsController, endpoint.Marker?.GetLocation(),
                   endpoint.Handler.Locations.Length > 0 ? endpoint.Handler.Locations[0] : null, endpoint.MapCall?.Syntax.GetLocation(), null)
        {
        }

        /// <summary>In a method that is an endpoint only if it is mapped as a method group somewhere.</summary>
        public Candidate(IOperation sink, IMethodSymbol handler, FlowSource source)
            : this(sink, source, EndpointAccess.Unspecified, isController: false, null, null, null, handler)
        {
        }

        private Candidate(IOperation sink, FlowSource source, EndpointAccess access, bool isController, Location? marker,
            Location? handlerLocation, Location? mapCall, IMethodSymbol? unmappedHandler)
        {
            Location = DiagnosticLocations.For(sink);
            Call = DiagnosticLocations.CallText(sink.Syntax);
            Access = access;
            IsController = isController;
            MarkerLocation = marker;
            HandlerLocation = handlerLocation;
            MapCallLocation = mapCall;
            SourceLocation = source.Operation.Syntax.GetLocation();
            Evidence = source.Reason.Evidence;
            UnmappedHandler = unmappedHandler;
        }

        private Candidate(Candidate pending, MappedHandler mapped)
        {
            Location = pending.Location;
            Call = pending.Call;
            Access = mapped.Access;
            MarkerLocation = mapped.Marker;
            MapCallLocation = mapped.MapCall;
            SourceLocation = pending.SourceLocation;
            Evidence = pending.Evidence;
        }

        public Location Location { get; }
        public string Call { get; }
        public EndpointAccess Access { get; }
        public bool IsController { get; }
        public Location? MarkerLocation { get; }
        public Location? HandlerLocation { get; }
        public Location? MapCallLocation { get; }
        public Location SourceLocation { get; }
        public string Evidence { get; }

        /// <summary>The method whose method-group mappings decide, for a candidate outside any known endpoint.</summary>
        public IMethodSymbol? UnmappedHandler { get; }

        /// <summary>This candidate as seen through one place its method is mapped.</summary>
        public Candidate MappedAt(MappedHandler mapped) => new(this, mapped);
    }

    internal sealed class Analysis : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly CompilationFacts _facts;
        private readonly EndpointAuthorization _endpoints;
        private readonly AuthorizationHelpers.Cache _helpers;
        private readonly RequestSymbols _request;
        private readonly StorageSinks _sinks;
        private readonly SymbolSet<INamedTypeSymbol> _resultTypes;
        private readonly SymbolSet<INamedTypeSymbol> _resultClasses;
        private readonly INamedTypeSymbol? _stream;
        private readonly INamedTypeSymbol? _fileStream;
        private readonly IPropertySymbol? _responseBody;
        private readonly PersonalData.ProjectHelperPaths _projectHelpers;
        private readonly FileGates.SignInMembers _signIn;
        private readonly OptionsCache<StoredContentVocabulary> _vocabularies = new(static options => StoredContentVocabulary.Create(options));
        private readonly Judgements _judgements;

        public Analysis(WellKnownTypes types)
        {
            _types = types;
            _facts = CompilationFacts.For(types);
            _endpoints = AuthorizationModel.For(types).Endpoints;
            _helpers = AuthorizationHelpers.Cache.For(types);
            _request = new RequestSymbols(types);
            _sinks = StorageSinks.Create(types);
            _resultTypes = SymbolSet<INamedTypeSymbol>.Of(types.Results, types.TypedResults, types.ControllerBase, types.PageModel, types.SendFileResponseExtensions);
            _resultClasses = SymbolSet<INamedTypeSymbol>.Of(types.PhysicalFileResult, types.FileStreamResult, types.FileContentResult, types.VirtualFileResult);
            _responseBody = WellKnownTypes.Property(types.HttpResponse, "Body");
            _stream = _responseBody is null ? null : types.Stream;
            _fileStream = _responseBody is null ? null : types.FileStream;
            _projectHelpers = PersonalData.ProjectHelperPaths.WithoutBarriers(types);
            _signIn = new FileGates.SignInMembers(WellKnownTypes.Property(types.IIdentity, "IsAuthenticated"), types.IdentityUserManager);
            _judgements = types.Shared(static _ => new Judgements());
        }

        /// <summary>
        /// The file results, and the streams whose copy or write into <c>Response.Body</c> is a file response written by
        /// hand: everything else it reads across files is in <see cref="CompilationFacts"/>.
        /// </summary>
        public override IEnumerable<INamedTypeSymbol> CallTypes
        {
            get
            {
                foreach (var type in _resultTypes.Concat(_resultClasses))
                {
                    yield return type;
                }

                if (_stream is not null)
                {
                    yield return _stream;
                }

                if (_fileStream is not null)
                {
                    yield return _fileStream;
                }
            }
        }

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (Find(context.Operation, method, context.ContainingSymbol, context.Compilation, context.Options, context.CancellationToken) is { } finding)
            {
                context.ReportDiagnostic(finding.ToDiagnostic());
            }
        }

        /// <summary>The argument that says which file, when <paramref name="operation"/> is a file result or a file response written by hand; null otherwise (cheap: no flow is walked).</summary>
        internal IOperation? FileOf(IOperation operation, IMethodSymbol method)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    return method.ContainingType is { } type && _resultTypes.Contains(type.OriginalDefinition) && FileMethods.Contains(method.Name)
                        ? FileArgument(invocation.Arguments)
                        : WrittenToResponseBody(invocation, method);

                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created && _resultClasses.Contains(created):
                    return FileArgument(creation.Arguments);

                default:
                    return null;
            }
        }

        /// <summary>
        /// The rule's judgement of a call or creation, what its operation action reports, and what SSA0009 asks at the
        /// end of the compilation: a file result whose file the request chooses, in an endpoint anonymous requests reach.
        /// </summary>
        internal Finding? Find(IOperation operation, IMethodSymbol method, ISymbol containingSymbol, Compilation compilation, AnalyzerOptions options,
            CancellationToken cancellationToken)
        {
            if (FileOf(operation, method) is not { } file)
            {
                return null;
            }

            // The rule's own action judged this file result already when SSA0009 asks at the compilation's end (the same
            // operation, options and compilation): its judgement is reused, not computed again.
            var judged = _judgements.For(options);
            if (judged.TryGetValue(operation, out var known))
            {
                return known.Finding;
            }

            var finding = JudgeFile(operation, file, containingSymbol, compilation, options, cancellationToken);
            return judged.GetValue(operation, _ => new Judgement(finding)).Finding;
        }

        private Finding? JudgeFile(IOperation operation, IOperation file, ISymbol containingSymbol, Compilation compilation, AnalyzerOptions options,
            CancellationToken cancellationToken)
        {
            var helpers = _helpers.For(options, operation.Tree());
            var endpoint = _endpoints.Find(operation, containingSymbol, helpers);
            if (endpoint is { Access: EndpointAccess.Authorized })
            {
                return null;
            }

            // Outside any endpoint the model sees here: a method that may be mapped as a method group elsewhere.
            var handler = endpoint?.Handler ?? EndpointAuthorization.HandlerCandidate(operation, containingSymbol);
            if (handler is null)
            {
                return null;
            }

            // Development-only code is asked about last: few file results take their file from the request.
            var sources = new List<FlowSource>();
            // Bytes, or a stream (over bytes: new MemoryStream(bytes)): an encoded text in them is content the code writes.
            var fileType = file.WithoutConversions().Type;
            var bytes = fileType is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } || WellKnownTypes.DerivesFrom(fileType, _types.Stream);
            var policy = new RequestValueFlowPolicy(handler, _request, _projectHelpers, _sinks, bytes, cancellationToken);
            var tracker = new ValueFlowTracker(_sinks, policy);
            // Only the values that can be in a local where it is returned (MethodBodyIndex.At, held-out set 14: a stored
            // invoice returned inside its `if`, then the bytes generated from the record returned at the end).
            tracker.FindSources(file, sources);

            if (sources.Count == 0 || EnvironmentGuard.IsDevelopmentOnly(operation, _types) ||
                FileGates.Gates(operation, policy, sources, _signIn, cancellationToken) ||
                (NamesPublicMedia(file, operation, options) &&
                 !StoredContent.AnyFileDownloadFolders.For(_types).DownloadTakesAnyFile(operation, containingSymbol, compilation, cancellationToken)))
            {
                return null;
            }

            var found = endpoint is not null
                ? new Candidate(operation, endpoint, sources[0])
                : new Candidate(operation, (IMethodSymbol)handler, sources[0]);
            var facts = _facts;
            return Judge(found, file, () => facts.Get(compilation, options, cancellationToken));
        }

        /// <summary>
        /// True when the words of the file the endpoint returns name public media and nothing private (the vocabulary of
        /// SSA0006 and SSA0007, <see cref="StoredContentVocabulary"/>): the path and what it is read into
        /// (<c>imagePath</c>, <c>covers/{title}.jpg</c>, <c>imageBytes</c>), and the endpoint's own method name, which is
        /// its route (<c>GetImage</c>, <c>Cover</c>). A catalogue's cover images are meant for anyone. A public-media word
        /// is needed (an image extension or an <c>image/</c> content type alone is a format: a ticket's QR code is a
        /// <c>.png</c>); a private word of the path, of the method or of the type wins (<c>PatientsController.GetImage</c>,
        /// <c>GetScanImage</c> in a <c>MedicalImagesController</c>), and so does a document, audio or video extension.
        /// Asked only for a file the request chooses, before the compilation's facts.
        /// </summary>
        private bool NamesPublicMedia(IOperation file, IOperation result, AnalyzerOptions options)
        {
            var vocabulary = _vocabularies.For(options, result.Syntax.SyntaxTree);
            var words = new PathWords().Add(file, _sinks, freshName: false).AddEnclosingNames(result);
            foreach (var (kind, name) in words.CodeNames)
            {
                if (kind == "method")
                {
                    words.AddName(name);
                }
            }

            return vocabulary.Judge(words).IsPublicMedia && vocabulary.HasPublicWord(words);
        }

        /// <summary>
        /// Each file result's judgement (<see cref="Find"/>), by the options it was judged with: one table per compilation,
        /// shared by the rule's analysis and SSA0009's (<see cref="CreateJudge"/>), which judge alike.
        /// </summary>
        private sealed class Judgements
        {
            private readonly ConditionalWeakTable<AnalyzerOptions, ConditionalWeakTable<IOperation, Judgement>> _byOptions = new();

            public ConditionalWeakTable<IOperation, Judgement> For(AnalyzerOptions options) => _byOptions.GetValue(options, static _ => new());
        }

        private sealed class Judgement
        {
            public Judgement(Finding? finding) => Finding = finding;

            public Finding? Finding { get; }
        }

        /// <summary>The finding, unless the compilation's facts say anonymous requests cannot reach the candidate.</summary>
        private static Finding? Judge(Candidate found, IOperation file, Func<CompilationFacts.Facts> getFacts)
        {
            // The whole-compilation facts are asked only when the answer needs them: an endpoint marked AllowAnonymous where
            // it is mapped is reported whatever other files say (typing in such a file binds nothing of the others).
            var candidate = found;
            if (found.UnmappedHandler is { } handler)
            {
                var facts = getFacts();
                // An endpoint only where the method is mapped, judged by the mapping anonymous requests reach: one marked
                // AllowAnonymous first, then the first in source order (the same answer on every run).
                MappedHandler? reached = null;
                foreach (var mapped in facts.Authorization.MappedAs(handler))
                {
                    if (mapped.Access != EndpointAccess.Authorized && (reached is null || Precedes(mapped, reached)))
                    {
                        reached = mapped;
                    }
                }

                if (reached is null)
                {
                    return null;
                }

                candidate = found.MappedAt(reached);
            }

            if (candidate.Access == EndpointAccess.ExplicitlyAnonymous)
            {
                return new Finding(candidate, file, "it is marked AllowAnonymous", FixReplaceAllowAnonymous, candidate.MarkerLocation);
            }

            var all = getFacts();
            if (all.Authorization.HasFallbackPolicy || candidate.IsController && all.Authorization.ControllersRequireAuthorization)
            {
                return null;
            }

            return new Finding(candidate, file,
                "nothing requires authorization (no RequireAuthorization, [Authorize], authorize filter or fallback policy)",
                candidate.IsController ? FixAuthorize : FixRequireAuthorization,
                candidate.IsController ? candidate.HandlerLocation : candidate.MapCallLocation);
        }

        private static bool Precedes(MappedHandler mapped, MappedHandler other)
        {
            if (mapped.Access != other.Access)
            {
                return mapped.Access == EndpointAccess.ExplicitlyAnonymous;
            }

            var path = string.CompareOrdinal(mapped.MapCall.SourceTree?.FilePath, other.MapCall.SourceTree?.FilePath);
            return path < 0 || path == 0 && mapped.MapCall.SourceSpan.Start < other.MapCall.SourceSpan.Start;
        }

        /// <summary>
        /// A file response written by hand: the stream copied into <c>Response.Body</c> (<c>fs.CopyToAsync(Response.Body)</c>,
        /// <c>CopyTo</c>), or the bytes written to it (<c>Response.Body.WriteAsync(bytes)</c>, <c>Write</c>). Null for any
        /// other stream call, which is most of them: a name comparison first.
        /// </summary>
        private IOperation? WrittenToResponseBody(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (_responseBody is null || method.Name is not ("CopyTo" or "CopyToAsync" or "Write" or "WriteAsync"))
            {
                return null;
            }

            if (method.Name is "CopyTo" or "CopyToAsync")
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "destination" && IsResponseBody(argument.Value))
                    {
                        return invocation.Instance;
                    }
                }

                return null;
            }

            if (invocation.Instance is not { } instance || !IsResponseBody(instance))
            {
                return null;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "buffer")
                {
                    // A copy loop (fs.ReadAsync(buffer, …); Response.Body.WriteAsync(buffer, …)): the stream read into the buffer.
                    return argument.Value.WithoutConversions() is ILocalReferenceOperation buffer &&
                           StreamReadInto(invocation, buffer.Local) is { } stream
                        ? stream
                        : argument.Value;
                }
            }

            return null;
        }

        /// <summary>The stream whose <c>Read</c>/<c>ReadAsync</c> fills <paramref name="buffer"/> in the same body, if any.</summary>
        private static IOperation? StreamReadInto(IOperation write, ILocalSymbol buffer)
        {
            foreach (var operation in write.Root().Walk())
            {
                if (operation is IInvocationOperation { Instance: { } stream } read && read.TargetMethod.Name is "Read" or "ReadAsync" &&
                    !read.Arguments.IsEmpty && read.Arguments[0].Value.WithoutConversions() is ILocalReferenceOperation target &&
                    SymbolEqualityComparer.Default.Equals(target.Local, buffer))
                {
                    return stream;
                }
            }

            return null;
        }

        private bool IsResponseBody(IOperation value) =>
            value.WithoutConversions() is IPropertyReferenceOperation property &&
            SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, _responseBody);

        /// <summary>The argument that says which file: a path, a stream or the bytes.</summary>
        private static IOperation? FileArgument(ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                // Written by the code (not a default value): an argument with a null-forgiving '!' (File(stream!, …)) is
                // marked implicit by Roslyn, and is the file all the same.
                if (argument.Parameter is { } parameter && FileParameters.Contains(parameter.Name) && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

    }
}
