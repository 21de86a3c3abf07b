using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.StoredContent;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// The folders the project writes request data into: a folder that receives uploads is private whatever it is called
/// (SSA0001, and SSA0009 through the same answer, <see cref="ServedFolders.WhyPrivate"/>). A write of request data is
/// <c>IFormFile.CopyTo[Async](stream)</c> or <c>Request.Body.CopyTo[Async](stream)</c> into a file stream the same method
/// opens for writing (<c>File.Create(path)</c>, <c>new FileStream(path, …)</c>, …). The folder written is known by its
/// identity (<see cref="FolderModel"/>: a root and literal segments, a configuration key, an options member, a field of
/// the project, across files and helpers), the same model SSA0009 compares folders with. A served folder is private when
/// it holds such a folder (the same folder, or one above it). Unknown stays unknown: a write whose folder the model
/// cannot name makes nothing private.
/// </summary>
internal sealed class RequestDataFolders
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly MethodSet _formFileCopies;
    private readonly MethodSet _streamCopies;
    private readonly IPropertySymbol? _requestBody;
    private readonly List<Written> _written = new();

    public RequestDataFolders(WellKnownTypes types, StorageSinks sinks)
    {
        _types = types;
        _sinks = sinks;
        _formFileCopies = MethodSet.Union(
            WellKnownTypes.Methods(types.IFormFile, "CopyTo"),
            WellKnownTypes.Methods(types.IFormFile, "CopyToAsync"));
        _streamCopies = MethodSet.Union(WellKnownTypes.Methods(types.Stream, "CopyTo"), WellKnownTypes.Methods(types.Stream, "CopyToAsync"));
        _requestBody = WellKnownTypes.Property(types.HttpRequest, "Body");
        DeclaringTypes = MethodSet.Union(_formFileCopies, _streamCopies).DeclaringTypes;
    }

    /// <summary>The types whose calls <see cref="Record"/> looks at.</summary>
    public SymbolSet<INamedTypeSymbol> DeclaringTypes { get; }

    /// <summary>The copy methods <see cref="Record"/> looks at: what <see cref="CompilationFacts"/> binds.</summary>
    public MethodSet CopyMethods => MethodSet.Union(_formFileCopies, _streamCopies);

    /// <summary>True when the project writes request data into no folder the model can name.</summary>
    public bool IsEmpty => _written.Count == 0;

    /// <summary>True when <paramref name="method"/> may copy request data (<see cref="Record"/> decides).</summary>
    public bool IsCopy(IMethodSymbol method) =>
        WellKnownTypes.Contains(_formFileCopies, method) || WellKnownTypes.Contains(_streamCopies, method);

    /// <summary>
    /// Records the folder a copy of request data writes into, if it is one and the folder model names it. Called by the
    /// request-data scan of <see cref="CompilationFacts"/> only, in source order, before the facts are handed out.
    /// </summary>
    public void Record(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        string what;
        if (WellKnownTypes.Contains(_formFileCopies, invocation.TargetMethod))
        {
            what = "IFormFile." + invocation.TargetMethod.Name;
        }
        else if (_requestBody is not null && invocation.Instance?.WithoutConversions() is IPropertyReferenceOperation body &&
                 SymbolEqualityComparer.Default.Equals(body.Property.OriginalDefinition, _requestBody))
        {
            what = "Request.Body." + invocation.TargetMethod.Name;
        }
        else
        {
            return;
        }

        if (invocation.Arguments.Length == 0 || ValueOf(invocation.Arguments[0].Value) is not { } stream ||
            _sinks.WrittenPath(stream) is not { } path ||
            FolderModel.For(_types).PathOf(path, cancellationToken) is not { } folder)
        {
            return;
        }

        var words = new PathWords().Add(path, _sinks).AddEnclosingNames(invocation);
        var imagesOnly = ImageOnlyUploads.For(_types).GuardsUploadToImages(invocation) &&
                         StoredContentVocabulary.Default.PrivateWord(words) is null;
        // Pictures by their words (no image check) make no folder private, but they are not known to be images only either.
        var picturesByWords = !imagesOnly && StoresPublicMedia(invocation, path, words, cancellationToken);
        _written.Add(new Written(folder, what, DiagnosticLocations.For(invocation), imagesOnly, picturesByWords));
    }

    /// <summary>
    /// An upload that SSA0006's words say is public media (<see cref="StoredContentVocabulary"/> over the path, the names in
    /// it and the enclosing method and type: a picture word such as <c>images</c>, <c>profile</c>, <c>recentPicture</c>,
    /// and nothing private: <c>patient</c>, <c>cv</c>, <c>record</c>, a document extension, …) makes no folder private:
    /// the pictures a site shows (profile photos, book covers, a clinic's doctors' portraits). Unless the folder named for
    /// pictures takes any file and its type hands the files out as named downloads
    /// (<see cref="AnyFileDownloadFolders.NamedForPicturesButTakesAnyFile"/>). The default vocabulary: the request-data scan
    /// runs once per compilation, not per file, so <c>ssa.public_media_names</c>/<c>ssa.private_data_names</c> do not reach it.
    /// </summary>
    private bool StoresPublicMedia(IInvocationOperation copy, IOperation path, PathWords words, CancellationToken cancellationToken)
    {
        if (!StoredContentVocabulary.Default.Judge(words).IsPublicMedia)
        {
            return false;
        }

        var model = copy.SemanticModel;
        return model is null ||
               !AnyFileDownloadFolders.For(_types).NamedForPicturesButTakesAnyFile(copy, path, words, model.GetEnclosingSymbol(copy.Syntax.SpanStart, cancellationToken),
                   model.Compilation, cancellationToken);
    }

    /// <summary>
    /// The first write of request data (in source order) into <paramref name="served"/> or a folder below it; null when
    /// none. A relative path (<c>Path.Combine("Downloadables", file.FileName)</c>) is resolved against the current
    /// directory, which is the content root unless the app moves one of them (the host's default content root is the
    /// current directory): a write there lands in the served <c>Path.Combine(env.ContentRootPath, "Downloadables")</c>.
    /// </summary>
    public Written? Into(Folder served, CancellationToken cancellationToken)
    {
        var relative = string.Equals(served.Root, Folder.ContentRoot, System.StringComparison.Ordinal) && !served.Open && served.Segments.Length > 0
            ? new Folder(Folder.CurrentDirectory, served.Segments, open: false)
            : null;
        foreach (var written in _written)
        {
            if (written.MakesPrivate && (served.Contains(written.Folder) || relative is not null && relative.Contains(written.Folder)))
            {
                return written;
            }
        }

        // A folder served from the current directory (Path.Combine(Directory.GetCurrentDirectory(), "Documents")) and
        // written under the content root (ContentRootPath/Documents): the same folder on disk when the project keeps the
        // host's default roots (FolderModel.OnDisk), which the compilation decides once.
        if (string.Equals(served.Root, Folder.CurrentDirectory, System.StringComparison.Ordinal) &&
            FolderModel.For(_types).OnDisk(served, cancellationToken) is { } onDisk && !ReferenceEquals(onDisk, served))
        {
            foreach (var written in _written)
            {
                if (written.MakesPrivate && onDisk.Contains(written.Folder))
                {
                    return written;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The first write of request data into <paramref name="served"/> or below it, when every such write is an upload the
    /// code restricts to images (<see cref="ImageOnlyUploads.RestrictsUploadToImages"/>, with no private word in its path,
    /// method or type); null when there is none, or when one write takes other files. Compared as <see cref="Into"/> does.
    /// </summary>
    public Written? OnlyImagesInto(Folder served, CancellationToken cancellationToken)
    {
        var relative = string.Equals(served.Root, Folder.ContentRoot, System.StringComparison.Ordinal) && !served.Open && served.Segments.Length > 0
            ? new Folder(Folder.CurrentDirectory, served.Segments, open: false)
            : null;
        var onDisk = string.Equals(served.Root, Folder.CurrentDirectory, System.StringComparison.Ordinal)
            ? FolderModel.For(_types).OnDisk(served, cancellationToken)
            : null;
        Written? first = null;
        foreach (var written in _written)
        {
            // A write through the current directory (Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "uploads", …))
            // lands in the web root's folder when the project keeps the host's default roots (held-out set 18: the
            // served WebRootPath/uploads and the profile pictures written there that way).
            if (served.Contains(written.Folder) || relative is not null && relative.Contains(written.Folder) ||
                onDisk is not null && onDisk.Contains(written.Folder) ||
                string.Equals(written.Folder.Root, Folder.CurrentDirectory, System.StringComparison.Ordinal) &&
                FolderModel.For(_types).OnDisk(written.Folder, cancellationToken) is { } writtenOnDisk && served.Contains(writtenOnDisk))
            {
                if (!written.ImagesOnly)
                {
                    return null;
                }

                first ??= written;
            }
        }

        return first;
    }

    /// <summary>The value, through conversions and (one level of) a local's first value.</summary>
    private IOperation? ValueOf(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
            return values.Count > 0 ? values[0].WithoutConversions() : null;
        }

        return value;
    }

    /// <summary>One write of request data: the folder it writes into, the copy call (<c>IFormFile.CopyToAsync</c>) and where it is.</summary>
    internal sealed class Written
    {
        public Written(Folder folder, string call, Location location, bool imagesOnly, bool picturesByWords)
        {
            Folder = folder;
            Call = call;
            Location = location;
            ImagesOnly = imagesOnly;
            PicturesByWords = picturesByWords;
        }

        /// <summary>True when the words say pictures (<see cref="StoresPublicMedia"/>) but the code does not restrict the upload to images.</summary>
        public bool PicturesByWords { get; }

        /// <summary>True when the write makes its folder private: neither images only nor pictures by its words.</summary>
        public bool MakesPrivate => !ImagesOnly && !PicturesByWords;

        /// <summary>True when the code restricts the upload to images (an allow-list of image extensions or <c>image/</c> types) and nothing private names it.</summary>
        public bool ImagesOnly { get; }

        public Folder Folder { get; }

        public string Call { get; }

        public Location Location { get; }

        /// <summary>What the copy writes: uploaded files (<c>IFormFile</c>) or request bodies.</summary>
        public string Kind => Call.StartsWith("IFormFile", System.StringComparison.Ordinal) ? "uploaded files" : "request bodies";

        /// <summary><c>Program.cs:18</c>.</summary>
        public string Where
        {
            get
            {
                var span = Location.GetLineSpan();
                return $"{System.IO.Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}";
            }
        }
    }
}
