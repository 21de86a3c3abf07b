using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.CloudStorage;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.ExposureChain;

/// <summary>
/// SSA0009, the incident as one finding: a folder that is served to anonymous requests (a <c>UseStaticFiles</c> or
/// <c>UseFileServer</c> registration that is not Development-only, has no <c>OnPrepareResponse</c> gate and is not behind
/// <c>UseAuthorization()</c> with a fallback policy; without a file provider, the web root), into which the application
/// writes files whose names carry a personal identifier (per <see cref="PersonalDataFlowPolicy"/>, what SSA0101 finds),
/// and, when present, that is listed (<c>UseDirectoryBrowser</c>, <c>UseFileServer</c> with browsing on). The folders are
/// compared by identity (<see cref="FolderModel"/>), across files; a write whose folder is not known makes no chain.
/// </summary>
/// <remarks>
/// <para>
/// The operation actions only note the candidates (file-serving registrations, file writes and their path values); all
/// judging happens at the end of the compilation (<see cref="PackRule.ReportsAtEnd"/>), where the folder model may bind
/// other files. So the finding shows in a build, with full solution analysis and in the audit tool, not while typing.
/// A compilation with no file-serving registration, or no write, does nothing at the end.
/// </para>
/// <para>
/// One finding per storage folder: a write is matched to the most specific served folder that holds it (the recordings
/// folder, not also the content root above it, which SSA0004 reports). Primary location: the first registration serving
/// that folder; additional locations: the first listing of it, then the writes (the first ten, the message gives the count).
/// </para>
/// </remarks>
internal static class SSA0009ExposureChain
{
    public const string Id = "SSA0009";

    /// <summary>Reported at the end of the compilation (<see cref="WellKnownDiagnosticTags.CompilationEnd"/>): a build, full solution analysis and the audit tool show it, not live typing.</summary>
    internal static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        "Files named after people are written into a folder anyone can download from",
        "Anonymous users are served {0} ({1}){2}, and files named with {3} ('{4}') are written into it ({5}): {6}",
        Descriptors.Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        "The incident in one finding: a folder (or a cloud container) served without a login, filled with files whose names carry a phone number, an e-mail address or another personal identifier, and often listed. Each link has its own rule (SSA0001/SSA0004/SSA0005/SSA0006/SSA0007/SSA0008, SSA0101, SSA0002); together they mean anyone with a browser can fetch every file, and find whose it is by its name. Close the anonymous access first (UseAuthorization with a fallback policy, or serve the files through an endpoint that checks the caller), then rename the files and remove the listing.",
        Descriptors.HelpLink(Id),
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>How many writes the finding locates; the message counts them all.</summary>
    internal const int MaxWriteLocations = 10;

    /// <summary>
    /// The rule's part for a compilation: web projects (the chain starts at a file-serving registration or endpoint), and
    /// projects that reference a cloud storage SDK (a public container the project uploads into).
    /// </summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        if (!types.HasAspNetCore && CloudAccessCatalog.Create(types).IsEmpty)
        {
            return null;
        }

        var sinks = StorageSinks.Create(types);
        return sinks.PathType is null ? null : new Rule(types, sinks);
    }

    /// <summary>The rule's part for <paramref name="types"/>, typed, for the audit tool's walk (<see cref="CrossProjectChains"/>).</summary>
    /// <remarks>Also in a project without ASP.NET Core (a worker that writes recordings): it then notes writes only.</remarks>
    internal static Rule? CreateChainRule(WellKnownTypes types)
    {
        var sinks = StorageSinks.Create(types);
        return sinks.PathType is null ? null : new Rule(types, sinks);
    }

    /// <summary>How a registration makes a folder reachable.</summary>
    internal enum Access
    {
        /// <summary>A static-file, file-server or directory-browser registration.</summary>
        StaticFiles,

        /// <summary>An endpoint SSA0005 reports: it returns the file the request names, from the folder, to anyone.</summary>
        FileEndpoint,

        /// <summary>A cloud container or bucket made readable (SSA0007) or listable (SSA0008) by anyone.</summary>
        CloudContainer,
    }

    internal sealed class Registration
    {
        public Registration(IInvocationOperation invocation, IOperation? fileProvider, bool serves, bool lists)
            : this(invocation, fileProvider, serves, lists, Access.StaticFiles)
        {
        }

        public Registration(IOperation site, IOperation? fileProvider, bool serves, bool lists, Access access)
        {
            Site = site;
            FileProvider = fileProvider;
            Serves = serves;
            Lists = lists;
            How = access;
        }

        /// <summary>The registration call, or the file result of an endpoint: where the finding sits.</summary>
        public IOperation Site { get; }

        public Access How { get; }

        /// <summary>False for a container anyone can list but not read (an S3 policy that grants <c>s3:ListBucket</c> only): the names leak, not the files.</summary>
        public bool Reads { get; set; } = true;

        public IOperation? FileProvider { get; }

        /// <summary>The registration's request path, whose words may say the folder is private (as SSA0001 reads it).</summary>
        public IOperation? RequestPath { get; set; }

        /// <summary>
        /// True when it serves the folder's files (<c>UseStaticFiles</c>, <c>UseFileServer</c>) to anonymous requests
        /// as SSA0001 judges it: over a folder of its own, only a private one (<see cref="ServedFolders.WhyPrivate"/>).
        /// </summary>
        public bool Serves { get; set; }

        /// <summary>Why the folder is private (SSA0001's answer), for a registration with a file provider of its own.</summary>
        public SourceReason? Private { get; set; }

        /// <summary>True when it lists the folder (<c>UseDirectoryBrowser</c>, <c>UseFileServer</c> with browsing on).</summary>
        public bool Lists { get; }

        /// <summary>
        /// The folder's path when a configured listing wrapper is given a <c>DirectoryInfo</c> rather than a file provider
        /// (<see cref="Hosting.ListingMethods.FolderOf"/>); null otherwise.
        /// </summary>
        public IOperation? FolderPath { get; set; }

        public Folder? Folder { get; set; }
    }

    /// <summary>A file result noted in an operation action, judged by SSA0005's own code at the end.</summary>
    private sealed class EndpointCandidate
    {
        public EndpointCandidate(IOperation operation, IMethodSymbol method, ISymbol containingSymbol)
        {
            Operation = operation;
            Method = method;
            ContainingSymbol = containingSymbol;
        }

        public IOperation Operation { get; }

        public IMethodSymbol Method { get; }

        public ISymbol ContainingSymbol { get; }
    }

    /// <summary>A call or assignment SSA0007/SSA0008 judge public, noted in an operation action.</summary>
    private sealed class CloudExposure
    {
        public CloudExposure(IOperation operation, PublicAccess access)
        {
            Operation = operation;
            Access = access;
        }

        public IOperation Operation { get; }

        public PublicAccess Access { get; }
    }

    internal sealed class Write
    {
        public Write(IOperation call, IOperation path)
        {
            Call = call;
            Path = path;
        }

        public IOperation Call { get; }

        public IOperation Path { get; }

        public FlowSource Identifier { get; set; }

        public Folder? Folder { get; set; }

        /// <summary>True when <see cref="Folder"/> was written under the current directory and read as under the content root (<see cref="FolderModel.OnDisk"/>).</summary>
        public bool FromCurrentDirectory { get; set; }
    }

    /// <summary>What one compilation offers a chain: its anonymous registrations and its personal writes, with their folders.</summary>
    internal sealed class Judged
    {
        public Judged(IReadOnlyList<Registration> registrations, IReadOnlyList<Write> writes)
        {
            Registrations = registrations;
            Writes = writes;
        }

        public IReadOnlyList<Registration> Registrations { get; }

        public IReadOnlyList<Write> Writes { get; }
    }

    internal sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly StorageSinks _sinks;
        private readonly PipelineModel _pipeline;
        private readonly ServedFolders _served;
        private readonly IPropertySymbol? _onPrepareResponse;
        private readonly IPropertySymbol? _onPrepareResponseAsync;
        private readonly IPropertySymbol? _staticFileOptions;
        private readonly ConcurrentQueue<Registration> _registrations = new();
        private readonly ConcurrentQueue<Write> _writes = new();
        private readonly ConcurrentQueue<EndpointCandidate> _endpointCandidates = new();
        private readonly SSA0005AnonymousFileEndpoint.Analysis? _fileEndpoints;
        private readonly CloudAccessCatalog? _cloud;
        private readonly CloudContainers? _containers;
        private readonly ConcurrentQueue<CloudExposure> _cloudExposures = new();
        private readonly ConcurrentQueue<IOperation> _cloudUploads = new();
        private readonly OptionsCache<ValueFlowTracker> _byOptions;
        private readonly Hosting.ListingMethods.Cache _listing;

        public Rule(WellKnownTypes types, StorageSinks sinks)
        {
            _types = types;
            _sinks = sinks;
            _pipeline = AuthorizationModel.For(types).Pipeline;
            _served = ServedFolders.For(types);
            _onPrepareResponse = WellKnownTypes.Property(types.StaticFileOptions, "OnPrepareResponse");
            _onPrepareResponseAsync = WellKnownTypes.Property(types.StaticFileOptions, "OnPrepareResponseAsync");
            _staticFileOptions = WellKnownTypes.Property(types.FileServerOptions, "StaticFileOptions");
            _byOptions = OptionsCache.BySettings(PersonalDataOptions.Read,
                options => new ValueFlowTracker(_sinks, new WholePathPolicy(PersonalDataFlowPolicy.For(_types, options))));
            _listing = Hosting.ListingMethods.Cache.For(types);
            _fileEndpoints = SSA0005AnonymousFileEndpoint.CreateJudge(types);
            var catalog = CloudAccessCatalog.Create(types);
            if (!catalog.IsEmpty)
            {
                _cloud = catalog;
                _containers = CloudContainers.For(types);
            }
        }

        public override IEnumerable<INamedTypeSymbol> CallTypes =>
            WellKnownTypes.DeclaringTypes(_pipeline.UseStaticFiles, _pipeline.UseFileServer, _pipeline.UseDirectoryBrowser)
                .Concat(_sinks.WritingTypes)
                .Concat(_fileEndpoints?.CallTypes ?? Enumerable.Empty<INamedTypeSymbol>())
                .Concat(_cloud?.CallTypes ?? ImmutableArray<INamedTypeSymbol>.Empty)
                .Concat(_containers?.UploadTypes ?? ImmutableArray<INamedTypeSymbol>.Empty)
                .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        /// <summary>The writing sinks other than classic ASP.NET's, resolved on a call of their name.</summary>
        public override IEnumerable<string> LazyCallTypes => _sinks.WritingTypeMetadataNames;

        public override IEnumerable<IPropertySymbol> AssignedProperties => _cloud?.AssignedProperties ?? ImmutableArray<IPropertySymbol>.Empty;

        public override bool ReportsAtEnd => true;

        /// <summary>A listing wrapper named in <c>SSA0002.listing_methods</c> is the chain's listing link when its folder is known.</summary>
        public override bool SeesCallsOfConfiguredListingMethods => true;

        /// <summary>
        /// Notes a candidate: a registration outside Development-only code, a file write, or a file result (which SSA0005's
        /// own code judges at the end). Judges nothing.
        /// </summary>
        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is IInvocationOperation invocation &&
                _listing.For(context.Options, invocation.Tree()) is { } listing && listing.Contains(method))
            {
                NoteConfiguredListing(invocation, listing);
                return;
            }

            NoteCall(context.Operation, method, context.ContainingSymbol);
        }

        /// <summary>
        /// A call of a listing wrapper the settings name (<c>SSA0002.listing_methods</c>), when this call lists and its
        /// arguments say which folder (a file provider or a <c>DirectoryInfo</c>): a registration that lists that folder,
        /// and serves nothing of its own (the setting says it lists, not what else it does).
        /// </summary>
        private void NoteConfiguredListing(IInvocationOperation invocation, Hosting.ListingMethods listing)
        {
            if (!listing.Lists(invocation) || EnvironmentGuard.IsDevelopmentOnly(invocation, _types) ||
                !Hosting.ListingMethods.FolderOf(invocation, _types, _sinks, out var fileProvider, out var path))
            {
                return;
            }

            _registrations.Enqueue(new Registration(invocation, fileProvider, serves: false, lists: true) { FolderPath = path });
        }

        /// <summary>Notes an assignment SSA0007/SSA0008 judge public (an S3 bucket's canned ACL or policy).</summary>
        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property) =>
            NoteAssignment(assignment, property);

        /// <summary>
        /// Notes a call or creation of any kind the chain reads (the operation action's work, and the audit tool's walk):
        /// a file result, a cloud grant or upload, a registration or a file write.
        /// </summary>
        internal void NoteCall(IOperation operation, IMethodSymbol method, ISymbol containingSymbol)
        {
            if (_fileEndpoints?.FileOf(operation, method) is not null)
            {
                _endpointCandidates.Enqueue(new EndpointCandidate(operation, method, containingSymbol));
                return;
            }

            if (_cloud is not null)
            {
                var (access, _) = _cloud.Judge(operation, method);
                if (access != PublicAccess.None)
                {
                    NoteCloudExposure(operation, access);
                    return;
                }

                if (_containers!.IsUpload(operation, method))
                {
                    _cloudUploads.Enqueue(operation);
                    return;
                }
            }

            Note(operation, method);
        }

        /// <summary>Notes an assignment that makes a container or bucket public (the operation action's work, and the audit tool's walk).</summary>
        internal void NoteAssignment(ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (_cloud is not null && _cloud.Judge(assignment, property) is { Access: not PublicAccess.None } judged)
            {
                NoteCloudExposure(assignment, judged.Access);
            }
        }

        private void NoteCloudExposure(IOperation operation, PublicAccess access)
        {
            if (!EnvironmentGuard.IsDevelopmentOnly(operation, _types))
            {
                _cloudExposures.Enqueue(new CloudExposure(operation, access));
            }
        }

        /// <summary>Notes a call or creation if it is a registration or a file write.</summary>
        private void Note(IOperation operation, IMethodSymbol method)
        {
            if (operation is IInvocationOperation invocation && _pipeline.IsFileServing(method))
            {
                if (!EnvironmentGuard.IsDevelopmentOnly(invocation, _types))
                {
                    NoteRegistration(invocation, method);
                }

                return;
            }

            if (_sinks.WrittenPath(operation) is { } path)
            {
                _writes.Enqueue(new Write(operation, path));
            }
        }

        private void NoteRegistration(IInvocationOperation invocation, IMethodSymbol method)
        {
            var lists = WellKnownTypes.Contains(_pipeline.UseDirectoryBrowser, method);
            var serves = !lists;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_Boolean && argument.Value.IsConstantTrue())
                {
                    lists = true;
                }

                foreach (var assignment in _served.Initializers(argument.Value))
                {
                    if (assignment.Target is not IPropertyReferenceOperation target)
                    {
                        continue;
                    }

                    var property = target.Property.OriginalDefinition;
                    if (SymbolEquality.Is(property, _types.FileServerOptionsEnableDirectoryBrowsing) && assignment.Value.IsConstantTrue())
                    {
                        lists = true;
                    }

                    // Any gate the registration sets up of its own: the chain is not claimed over it (SSA0001 judges the gate).
                    if (SymbolEquality.Is(property, _onPrepareResponse) || SymbolEquality.Is(property, _onPrepareResponseAsync) ||
                        SymbolEquality.Is(property, _staticFileOptions))
                    {
                        return;
                    }
                }
            }

            _served.FolderOf(invocation, out var fileProvider, out var requestPath);
            _registrations.Enqueue(new Registration(invocation, fileProvider, serves, lists) { RequestPath = requestPath });
        }

        public override void Report(CompilationAnalysisContext context)
        {
            var judged = Judge(context.Compilation, context.Options, context.CancellationToken);
            if (judged is null)
            {
                return;
            }

            var chains = new Dictionary<Folder, List<Write>>();
            foreach (var write in judged.Writes)
            {
                if (MostSpecificServed(judged.Registrations, write.Folder!) is { } served)
                {
                    if (!chains.TryGetValue(served, out var writes))
                    {
                        chains[served] = writes = new List<Write>();
                    }

                    writes.Add(write);
                }
            }

            foreach (var chain in chains)
            {
                context.ReportDiagnostic(Chain(chain.Key, chain.Value, judged.Registrations));
            }
        }

        /// <summary>
        /// The noted candidates, judged: the registrations reachable anonymously whose folder is known, and the writes
        /// that put a personal identifier into a known folder, each in source order. Null when the compilation has no
        /// registration or no write (nothing is computed then).
        /// </summary>
        internal Judged? Judge(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken, bool needsBoth = true)
        {
            var noneServed = _registrations.IsEmpty && _endpointCandidates.IsEmpty && _cloudExposures.IsEmpty;
            var noneWritten = _writes.IsEmpty && _cloudUploads.IsEmpty;
            if (needsBoth ? noneServed || noneWritten : noneServed && noneWritten)
            {
                return null;
            }

            var facts = _registrations.IsEmpty ? null : CompilationFacts.For(_types).Get(compilation, options, cancellationToken);
            var folders = FolderModel.For(_types);

            var registrations = new List<Registration>();
            foreach (var registration in _registrations.OrderBy(r => r.Site.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                         .ThenBy(r => r.Site.Syntax.SpanStart))
            {
                if (IsAuthorized((IInvocationOperation)registration.Site, facts!, cancellationToken))
                {
                    continue;
                }

                registration.Folder = folders.OnDisk(
                    registration.FolderPath is { } folderPath
                        ? folders.PathOf(folderPath, cancellationToken)
                        : folders.ServedBy(registration.FileProvider, cancellationToken),
                    cancellationToken);
                if (registration.Folder is not { Open: false })
                {
                    continue;
                }

                // The "served anonymously" link is SSA0001's judgement: a folder of its own counts when it is private by
                // the same answer (its name, or the request data the project writes into it); the web root (SSA0006's)
                // and the content root (SSA0004's) always count.
                if (registration.Serves && registration.FileProvider is { } provider && !ServedFolders.IsWholeWebRoot(registration.Folder) &&
                    !_served.IsContentRoot(provider))
                {
                    registration.Private = _served.WhyPrivate(compilation, options, registration.Site.Syntax.SyntaxTree, provider, registration.RequestPath, cancellationToken);
                    registration.Serves = registration.Private is not null;
                }

                registrations.Add(registration);
            }

            // An endpoint that returns any file the request names from a folder, to anyone (what SSA0005 reports, judged by
            // its own code) serves that folder as surely as a static-file registration. After the registrations: a
            // registration of the same folder is where the finding sits.
            foreach (var candidate in _endpointCandidates.OrderBy(c => c.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                         .ThenBy(c => c.Operation.Syntax.SpanStart))
            {
                if (_fileEndpoints!.Find(candidate.Operation, candidate.Method, candidate.ContainingSymbol, compilation, options, cancellationToken) is { } finding &&
                    EndpointFolder(finding.File, folders, cancellationToken) is { } folder)
                {
                    registrations.Add(new Registration(candidate.Operation, null, serves: true, lists: false, Access.FileEndpoint) { Folder = folder });
                }
            }

            // A container or bucket anyone can read or list (SSA0007/SSA0008): the cloud's served folder.
            foreach (var exposure in _cloudExposures.OrderBy(c => c.Operation.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal)
                         .ThenBy(c => c.Operation.Syntax.SpanStart))
            {
                if (_containers!.ExposedBy(exposure.Operation, folders, cancellationToken) is { } container)
                {
                    var lists = exposure.Access is PublicAccess.List or PublicAccess.ListAndRead or PublicAccess.ReadAndListGrants;
                    registrations.Add(new Registration(exposure.Operation, null, serves: true, lists, Access.CloudContainer)
                    {
                        Folder = container,
                        Reads = exposure.Access != PublicAccess.List,
                    });
                }
            }

            if (needsBoth && !registrations.Any(r => r.Serves))
            {
                // Nothing served anonymously from a known folder: no write needs to be looked at.
                return null;
            }

            var writes = new List<Write>();
            foreach (var write in _writes.OrderBy(w => w.Call.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(w => w.Call.Syntax.SpanStart))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (EnvironmentGuard.IsDevelopmentOnly(write.Call, _types))
                {
                    continue;
                }

                var sources = new List<FlowSource>();
                _byOptions.For(options, write.Call.Tree()).FindSources(write.Path, sources);
                var written = sources.Count == 0 ? null : folders.PathOf(write.Path, cancellationToken);
                if (folders.OnDisk(written, cancellationToken) is not { } folder)
                {
                    continue;
                }

                write.Identifier = sources[0];
                write.Folder = folder;
                write.FromCurrentDirectory = !ReferenceEquals(folder, written);
                writes.Add(write);
            }

            // Objects uploaded into a container or bucket whose keys carry a personal identifier (SSA0101's object-key sinks).
            foreach (var upload in _cloudUploads.OrderBy(u => u.Syntax.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(u => u.Syntax.SpanStart))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_containers!.Upload(upload, folders, cancellationToken) is not ({ } key, { } container) ||
                    EnvironmentGuard.IsDevelopmentOnly(upload, _types))
                {
                    continue;
                }

                var sources = new List<FlowSource>();
                _byOptions.For(options, upload.Tree()).FindSources(key, sources);
                if (sources.Count > 0)
                {
                    writes.Add(new Write(upload, key) { Identifier = sources[0], Folder = container });
                }
            }

            return new Judged(registrations, writes);
        }

        /// <summary>
        /// The folder an anonymous file endpoint serves from: the known part of the path of the file it returns
        /// (<c>Path.Combine(root, name)</c> → <c>root</c>), the path read from a stream or bytes opened in the handler
        /// (<c>File.OpenRead(path)</c>, <c>new FileStream(path, …)</c>). Null when unknown.
        /// </summary>
        private Folder? EndpointFolder(IOperation file, FolderModel folders, CancellationToken cancellationToken)
        {
            IOperation? value = file.WithoutConversions();
            if (value is ILocalReferenceOperation local && value.Type?.SpecialType != SpecialType.System_String &&
                _sinks.BodyIndex(local).ValuesOf(local.Local) is { Count: 1 } values)
            {
                value = values[0].WithoutConversions();
            }

            if (value.Type?.SpecialType != SpecialType.System_String)
            {
                value = value.CallArguments().FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String)?.Value;
                if (value is null)
                {
                    return null;
                }
            }

            return folders.OnDisk(folders.PathOf(value, cancellationToken), cancellationToken) is { } folder ? new Folder(folder.Root, folder.Segments, open: false) : null;
        }

        /// <summary>The served folder (of an anonymous registration) with the most segments that holds <paramref name="written"/>.</summary>
        internal static Folder? MostSpecificServed(IReadOnlyList<Registration> registrations, Folder written)
        {
            Folder? best = null;
            foreach (var registration in registrations)
            {
                if (registration.Serves && registration.Folder!.Contains(written) && (best is null || registration.Folder.Segments.Length > best.Segments.Length))
                {
                    best = registration.Folder;
                }
            }

            return best;
        }

        /// <summary>The finding of one folder: its first serving registration, a listing of it, and the writes into it.</summary>
        internal static Diagnostic Chain(Folder folder, List<Write> writes, IReadOnlyList<Registration> registrations)
        {
            var serving = registrations.First(r => r.Serves && r.Folder!.Equals(folder));
            var listing = registrations.FirstOrDefault(r => r.Lists && writes.Any(w => r.Folder!.Contains(w.Folder!)));
            var first = writes[0];
            var additional = new List<Location>();
            if (listing is not null && !ReferenceEquals(listing, serving))
            {
                additional.Add(DiagnosticLocations.For(listing.Site));
            }

            foreach (var write in writes.Take(MaxWriteLocations))
            {
                additional.Add(DiagnosticLocations.For(write.Call));
            }

            var primary = DiagnosticLocations.For(serving.Site);
            var what = first.Identifier.Reason.What;
            var listed = listing is null ? string.Empty : $", which is listed ({Where(DiagnosticLocations.For(listing.Site))})";
            var served = serving.How == Access.FileEndpoint ? Where(primary) + ", by an endpoint that returns the file the request names" : Where(primary);
            var more = writes.Count > 1 ? $" and {writes.Count - 1} more write{(writes.Count > 2 ? "s" : string.Empty)}" : string.Empty;
            var consequence = listing is not null && !serving.Reads
                ? "anyone can list the names, and each name says whose it is"
                : listing is not null
                ? "anyone can list the files and download every one, and each name says whose it is"
                : $"anyone who knows or guesses {what} can download that person's files";
            return Diagnostic.Create(
                SSA0009ExposureChain.Descriptor,
                primary,
                additional,
                ImmutableDictionary<string, string?>.Empty,
                folder.Describe(),
                served,
                listed,
                what,
                first.Identifier.Operation.Syntax.ToString(),
                Where(DiagnosticLocations.For(first.Call)) + more,
                consequence);
        }

        /// <summary><c>Program.cs:18</c>.</summary>
        private static string Where(Location location)
        {
            var span = location.GetLineSpan();
            return $"{Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}";
        }

        /// <summary>True when the registration runs after <c>UseAuthorization()</c> and a fallback policy requires a signed-in user (as SSA0001 judges it).</summary>
        private bool IsAuthorized(IInvocationOperation invocation, CompilationFacts.Facts facts, CancellationToken cancellationToken) =>
            facts.Authorization.HasFallbackPolicy &&
            CompilationFacts.OwnerOf(invocation, cancellationToken) is { } owner &&
            _pipeline.Describe(invocation, owner) is { } registration &&
            PipelineModel.RunsAfterAuthorization(registration, facts.PipelineEvents);
    }

    /// <summary>
    /// SSA0101's sources, over the whole path of a write: SSA0101 stops at a path builder reached through a local (that
    /// builder is its own finding); the chain needs every identifier that ends up in the written file's path.
    /// </summary>
    private sealed class WholePathPolicy : IFlowSourcePolicy
    {
        private readonly PersonalDataFlowPolicy _inner;

        public WholePathPolicy(PersonalDataFlowPolicy inner) => _inner = inner;

        public bool StopsAtPathBuilders => false;

        public bool FollowsValueTransformations => _inner.FollowsValueTransformations;

        public SourceReason? Classify(IOperation operation, ISymbol? symbol) => _inner.Classify(operation, symbol);

        public bool IsBarrier(IMethodSymbol method) => _inner.IsBarrier(method);

        public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();


        public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;


        public bool PassesThrough(IOperation creationOrCall) => _inner.PassesThrough(creationOrCall);
    }
}
