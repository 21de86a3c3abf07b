using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// What folder a file-serving registration (<c>UseStaticFiles</c>, <c>UseFileServer</c>, <c>UseDirectoryBrowser</c>)
/// serves, and whether it is private (per <see cref="PrivateFolderFlowPolicy"/>): shared by SSA0001, which reports
/// private files served anonymously, and SSA0002, which owns every directory listing and says in its message when the
/// listed folder is private, and SSA0009, whose "served anonymously" link over a folder of its own is SSA0001's judgement
/// (<see cref="WhyPrivate"/>, one answer for both). One per compilation (<see cref="For"/>).
/// </summary>
internal sealed class ServedFolders
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly ValueFlowTracker _contentRoot;
    private readonly IPropertySymbol? _fileProvider;
    private readonly IPropertySymbol? _requestPath;
    private readonly OptionsCache<ValueFlowTracker> _byOptions;

    private ServedFolders(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
        _contentRoot = new ValueFlowTracker(_sinks, new ContentRootFlowPolicy(types));
        var sharedOptions = types.SharedOptionsBase;
        _fileProvider = WellKnownTypes.Property(sharedOptions, "FileProvider");
        _requestPath = WellKnownTypes.Property(sharedOptions, "RequestPath");
        _byOptions = OptionsCache.BySettings(PrivateFolderWords,
            words => new ValueFlowTracker(_sinks, new PrivateFolderFlowPolicy(_types, words)));
    }

    /// <summary>The instance of the compilation, shared by the rules that ask.</summary>
    public static ServedFolders For(WellKnownTypes types) => types.Shared(static t => new ServedFolders(t));

    public IPropertySymbol? FileProvider => _fileProvider;

    public IPropertySymbol? RequestPath => _requestPath;

    /// <summary>
    /// Why the folder a registration serves is private, and the expression that says so; null when it is not (or when it
    /// is the content root, <see cref="SSA0004DoNotServeContentRoot"/>'s finding). By its name only: see
    /// <see cref="WhyPrivate"/> for the whole answer.
    /// </summary>
    public FlowSource? PrivateFolder(OperationAnalysisContext context, IOperation? fileProvider, IOperation? requestPath) =>
        PrivateFolder(context.Options, context.Operation.Syntax.SyntaxTree, fileProvider, requestPath);

    /// <inheritdoc cref="PrivateFolder(OperationAnalysisContext, IOperation?, IOperation?)"/>
    public FlowSource? PrivateFolder(AnalyzerOptions options, SyntaxTree tree, IOperation? fileProvider, IOperation? requestPath)
    {
        var tracker = PrivateFolders(options, tree);
        if (fileProvider is not null)
        {
            var sources = new List<FlowSource>();
            _contentRoot.FindSources(fileProvider, sources);
            if (sources.Count > 0)
            {
                return null;
            }

            tracker.FindSources(fileProvider, sources);
            if (sources.Count > 0)
            {
                return sources[0];
            }
        }

        // The request path only counts by its words: "/recordings" is a URL, not an absolute folder.
        var policy = (PrivateFolderFlowPolicy)tracker.Policy;
        if (requestPath is not null && requestPath.WithoutConversions().ConstantValue is { HasValue: true, Value: string path } &&
            policy.NamesPrivateData(path) is { } word)
        {
            return new FlowSource(requestPath, new SourceReason("a private folder", PrivateFolderVocabulary.Describe(path, word)), throughUnkeyedHash: false);
        }

        return null;
    }

    /// <summary>
    /// The one answer to "is the folder this registration serves private?", asked by SSA0001 (while typing, in its
    /// operation action) and SSA0009 (at the end of the compilation), so the two agree. Private when
    /// <list type="bullet">
    /// <item>its path, its variables or its request path name private data (<see cref="PrivateFolder(AnalyzerOptions, SyntaxTree, IOperation?, IOperation?)"/>:
    /// the vocabulary, an absolute path outside the app, a folder from configuration); or</item>
    /// <item>the folder the model says it is (<see cref="FolderModel.ServedBy"/>, through the project's helpers, fields
    /// and constructor parameters in other files) has a literal segment the vocabulary names (<c>data/recordings</c>); or</item>
    /// <item>the project writes request data into it (<see cref="RequestDataFolders"/>), compared by folder identity
    /// (<see cref="FolderModel"/>): the folder its file provider serves holds the folder an upload is copied into.</item>
    /// </list>
    /// Null when neither holds, and for the content root (SSA0004's) and a registration without a file provider (the
    /// web root: SSA0006's). The writes are a compilation fact (<see cref="CompilationFacts.GetRequestData"/>), scanned
    /// once per compilation, and only asked for a folder that is not private by its name.
    /// </summary>
    public SourceReason? WhyPrivate(Compilation compilation, AnalyzerOptions options, SyntaxTree tree, IOperation? fileProvider, IOperation? requestPath,
        CancellationToken cancellationToken)
    {
        if (PrivateFolder(options, tree, fileProvider, requestPath) is { } named)
        {
            return PicturesOnly(compilation, options, tree, fileProvider, requestPath, cancellationToken) ? null : named.Reason;
        }

        if (fileProvider is null || IsContentRoot(fileProvider))
        {
            return null;
        }

        // The folder by identity: what the code names it through helpers, fields and options in other files.
        // The whole web root, however it is spelled (WebRootFileProvider, new PhysicalFileProvider(env.WebRootPath)), is
        // public by design: what is written there is SSA0006's finding, as for a plain UseStaticFiles().
        if (FolderModel.For(_types).ServedBy(fileProvider, cancellationToken) is not { Open: false } served || IsWholeWebRoot(served))
        {
            return null;
        }

        var policy = (PrivateFolderFlowPolicy)PrivateFolders(options, tree).Policy;
        foreach (var segment in served.Segments)
        {
            if (policy.NamesPrivateData(segment) is { } word)
            {
                var path = string.Join("/", served.Segments);
                return PicturesOnly(compilation, options, tree, fileProvider, requestPath, cancellationToken)
                    ? null
                    : new SourceReason("a private folder", PrivateFolderVocabulary.Describe(path, word));
            }
        }

        var written = CompilationFacts.For(_types).GetRequestData(compilation, options, cancellationToken);
        if (written.IsEmpty || written.Into(served, cancellationToken) is not { } write)
        {
            return null;
        }

        return new SourceReason($"a folder the app writes {write.Kind} into", $"{write.Call} writes into it at {write.Where}");
    }

    /// <summary>
    /// A folder private only by where it is (an absolute path, a path from configuration) or by a word that says where its
    /// files come from (<see cref="PrivateFolderVocabulary.StorageStems"/>: <c>Uploads/Products</c>, <c>/data/uploads</c>),
    /// never by what they are (<c>recordings</c>, <c>patients</c>, a configured word), holds pictures when the app writes
    /// into it and every write of request data into it (by folder identity, <see cref="RequestDataFolders.OnlyImagesInto"/>)
    /// is an upload the code restricts to images with no private word in its path, method or type: the site's product
    /// or event pictures (held-out sets 10 and 5). One upload of any other file keeps it private; so does a folder the
    /// project writes nothing into (nothing in the code says what another program puts there).
    /// </summary>
    private bool PicturesOnly(Compilation compilation, AnalyzerOptions options, SyntaxTree tree, IOperation? fileProvider, IOperation? requestPath,
        CancellationToken cancellationToken)
    {
        if (fileProvider is null || IsContentRoot(fileProvider))
        {
            return false;
        }

        var tracker = PrivateFolders(options, tree);
        var policy = (PrivateFolderFlowPolicy)tracker.Policy;
        var sources = new List<FlowSource>();
        tracker.FindSources(fileProvider, sources);
        foreach (var source in sources)
        {
            if (source.Reason.What == "a private folder" && !policy.NamesOnlyStorage(source.Reason.Evidence))
            {
                return false;
            }
        }

        if (requestPath is not null && requestPath.WithoutConversions().ConstantValue is { HasValue: true, Value: string path } &&
            !policy.NamesOnlyStorage(path))
        {
            return false;
        }

        if (FolderModel.For(_types).ServedBy(fileProvider, cancellationToken) is not { Open: false } served || IsWholeWebRoot(served) ||
            !policy.NamesOnlyStorage(served.Key))
        {
            return false;
        }

        var written = CompilationFacts.For(_types).GetRequestData(compilation, options, cancellationToken);
        return !written.IsEmpty && written.OnlyImagesInto(served, cancellationToken) is not null;
    }

    /// <summary>True for the web root itself (not a folder under it).</summary>
    internal static bool IsWholeWebRoot(Folder folder) =>
        folder.Segments.IsEmpty && string.Equals(folder.Root, Folder.WebRoot, System.StringComparison.Ordinal);

    /// <summary>True when the file provider serves the content root, the app's directory or a filesystem root (SSA0004's).</summary>
    public bool IsContentRoot(IOperation fileProvider)
    {
        var sources = new List<FlowSource>();
        _contentRoot.FindSources(fileProvider, sources);
        return sources.Count > 0;
    }

    /// <summary>The file provider and request path of a registration's options (an options object or a string request path).</summary>
    public void FolderOf(IInvocationOperation invocation, out IOperation? fileProvider, out IOperation? requestPath)
    {
        fileProvider = null;
        requestPath = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                requestPath = argument.Value;
                continue;
            }

            foreach (var assignment in Initializers(argument.Value))
            {
                if (assignment.Target is IPropertyReferenceOperation target)
                {
                    var property = target.Property.OriginalDefinition;
                    if (SymbolEquality.Is(property, _fileProvider))
                    {
                        fileProvider = assignment.Value;
                    }
                    else if (SymbolEquality.Is(property, _requestPath))
                    {
                        requestPath = assignment.Value;
                    }
                }
            }
        }
    }

    /// <summary>The property assignments of the options object a value is created with (directly or through a local).</summary>
    public IEnumerable<ISimpleAssignmentOperation> Initializers(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
            value = values.Count > 0 ? values[0] : value;
        }

        if (value is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation assignment)
                {
                    yield return assignment;
                }
                else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested } memberInitializer)
                {
                    // StaticFileOptions = { OnPrepareResponse = … }: report the nested assignments as if on a new object.
                    foreach (var inner in memberInitializer.Initializer.Initializers)
                    {
                        if (inner is ISimpleAssignmentOperation innerAssignment && nested.Property.Name == "StaticFileOptions")
                        {
                            yield return innerAssignment;
                        }
                    }
                }
            }
        }
    }

    private ValueFlowTracker PrivateFolders(AnalyzerOptions analyzerOptions, SyntaxTree tree) => _byOptions.For(analyzerOptions, tree);

    /// <summary>A file's <see cref="PrivateFolderFlowPolicy.PrivateFolderNamesKey"/>: one tracker per distinct list of words.</summary>
    private static string PrivateFolderWords(AnalyzerConfigOptions options) =>
        options.TryGetValue(PrivateFolderFlowPolicy.PrivateFolderNamesKey, out var value) ? value : string.Empty;
}
