using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Syntax pre-filters, once per compilation and once per method: whether a project or one of its methods can hold a storage call or build a path at all.
internal sealed partial class StorageSinks
{
    /// <summary>
    /// The names a storage call is written with (type or method): a project none of whose files holds one of them as an
    /// identifier has no storage call SSA0101 could follow a string or a helper into (<see cref="MentionsStorage"/>).
    /// </summary>
    private static bool IsStorageName(string name) => StorageNameSet.Contains(name);

    private static readonly System.Collections.Immutable.ImmutableArray<string> StorageNames = System.Collections.Immutable.ImmutableArray.Create(

        "File", "Directory", "FileInfo", "DirectoryInfo", "FileStream", "StreamWriter", "StreamReader", "Path",
        "PhysicalFileProvider", "PhysicalFile", "PhysicalFileResult", "VirtualFileResult", "FileDownloadName", "SendFileAsync",
        "SaveAs", "MapPath", "TransmitFile", "WriteFile", "AddHeader", "AppendHeader", "SaveFileDialog", "OpenFileDialog",
        "BlobContainerClient", "BlobClient", "BlobBaseClient", "BlockBlobClient", "GetBlobClient", "GetBlockBlobClient",
        "UploadBlobAsync", "UploadBlob", "ShareClient", "ShareDirectoryClient", "ShareFileClient", "GetDirectoryClient",
        "GetSubdirectoryClient", "GetFileClient", "IAmazonS3", "AmazonS3Client", "TransferUtility", "ITransferUtility", "PutObjectRequest", "GetObjectRequest",
        "StorageClient", "UrlSigner", "PutObjectArgs", "GetObjectArgs", "WithObject",
        // Document and image libraries that save to a path themselves.
        "PdfDocument", "PdfDocumentRenderer", "Bitmap", "Image", "GeneratePdf", "GenerateXps", "XLWorkbook", "PdfWriter",
        "WordprocessingDocument", "SpreadsheetDocument", "PresentationDocument", "DocX", "ExcelPackage", "DocumentModel", "ExcelFile",
        // Places on disk: a string built from one is a path even before it meets a storage call.
        "ContentRootPath", "WebRootPath", "BaseDirectory", "GetFolderPath", "GetTempPath", "GetCurrentDirectory",
        "CurrentDirectory", "DirectoryName");

    private static readonly System.Collections.Immutable.ImmutableHashSet<string> StorageNameSet =
        System.Collections.Immutable.ImmutableHashSet.CreateRange(System.StringComparer.Ordinal, StorageNames);

    /// <summary>Where a method's text may spell a storage name (see <see cref="MayStoreOrBuildPath"/>); its text overload is not used, so it is safe across threads.</summary>
    private readonly IdentifierPositions _storageNamePositions = new(StorageNames);

    private int _mentionsStorage;

    /// <summary>
    /// True when some file of <paramref name="compilation"/> names a storage type or call (<see cref="IsStorageName"/>):
    /// a syntax pre-filter, once per compilation, that stops at the first such name. A project with no storage call
    /// (a domain library, a console tool that only prints) then pays one token walk and nothing else.
    /// </summary>
    public bool MentionsStorage(Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var known = System.Threading.Volatile.Read(ref _mentionsStorage);
        if (known != 0)
        {
            return known > 0;
        }

        var mentions = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.RawKind == IdentifierTokenKind && IsStorageName(token.ValueText))
                {
                    mentions = true;
                    break;
                }
            }

            if (mentions)
            {
                break;
            }
        }

        System.Threading.Volatile.Write(ref _mentionsStorage, mentions ? 1 : -1);
        return mentions;
    }

    /// <summary>
    /// A storage call the pack was handed, written with a storage name (<c>Path.Combine</c>, <c>File.WriteAllText</c>,
    /// <c>new FileStream(…)</c>): that name is an identifier token of one of the compilation's files, so
    /// <see cref="MentionsStorage"/> is true without its token walk (1.1 M instructions at 10 feature folders, h-perf18b).
    /// The driver hands a call before the strings in its arguments, so the walk is rarely needed in a project with storage.
    /// </summary>
    public void NoteStorageCall(IOperation call)
    {
        if (System.Threading.Volatile.Read(ref _mentionsStorage) != 0)
        {
            return;
        }

        var named = call.Syntax switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax invocation => invocation.Expression switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access =>
                    IsStorageName(access.Name.Identifier.ValueText) ||
                    access.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax receiver && IsStorageName(receiver.Identifier.ValueText) ||
                    access.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax qualified && IsStorageName(qualified.Right.Identifier.ValueText) ||
                    access.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax inner && IsStorageName(inner.Name.Identifier.ValueText),
                Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => IsStorageName(simple.Identifier.ValueText),
                _ => false,
            },
            Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax creation => creation.Type switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax type => IsStorageName(type.Identifier.ValueText),
                Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax type => IsStorageName(type.Right.Identifier.ValueText),
                _ => false,
            },
            _ => false,
        };

        // Only ever 0 -> 1, and the walk would answer the same: a race with a walk in progress is harmless.
        if (named)
        {
            System.Threading.Interlocked.CompareExchange(ref _mentionsStorage, 1, 0);
        }
    }

    private const int IdentifierTokenKind = (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _mayStore = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// A syntax pre-filter for the project's own helpers, once per method: true when the method's source names a storage
    /// type or call or a place on disk (<see cref="IsStorageName"/>), or holds a string literal or interpolation with a
    /// path separator or an extension (a path it may build and return). Most methods hold none, and their calls are then not
    /// looked at further: no argument traced, no body bound.
    /// </summary>
    public bool MayStoreOrBuildPath(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var definition = method.OriginalDefinition;
        if (_mayStore.TryGetValue(definition, out var known))
        {
            return known;
        }

        var found = false;
        foreach (var reference in definition.DeclaringSyntaxReferences)
        {
            if (MayStoreOrBuildPath(reference.GetSyntax(cancellationToken), _storageNamePositions))
            {
                found = true;
                break;
            }
        }

        return _mayStore.GetOrAdd(definition, found);
    }

    /// <summary>
    /// True when a storage name is an identifier token of <paramref name="syntax"/>, or one of its string literals or
    /// interpolated string texts looks like a path. Read from the text, not by walking every token: the storage names
    /// where the text spells them (<see cref="IdentifierPositions"/>), and each string where the text has a quote, each
    /// confirmed by <c>FindToken</c>, so a name or quote in a comment counts as little as in the token walk. A text that
    /// could spell a name otherwise (a Unicode escape) is walked token by token.
    /// </summary>
    private static bool MayStoreOrBuildPath(SyntaxNode syntax, IdentifierPositions storageNames)
    {
        var span = syntax.Span;
        if (!syntax.SyntaxTree.TryGetText(out var text) || span.End > text.Length)
        {
            return WalkTokens(syntax);
        }

        // Once per method definition (the answer is cached): a copy of its text.
        var chars = new char[span.Length];
        text.CopyTo(span.Start, chars, 0, span.Length);
        var positions = new System.Collections.Generic.List<int>();
        if (!storageNames.Find(chars, 0, span.Length, positions, null))
        {
            return WalkTokens(syntax);
        }

        foreach (var position in positions)
        {
            var token = syntax.FindToken(span.Start + position);
            if (token.SpanStart == span.Start + position && token.RawKind == IdentifierTokenKind && IsStorageName(token.ValueText))
            {
                return true;
            }
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (chars[i] != '"')
            {
                continue;
            }

            var token = syntax.FindToken(span.Start + i);
            if (!token.Span.Contains(span.Start + i))
            {
                // A quote in a comment or other trivia.
                continue;
            }

            SyntaxNode? interpolated = null;
            for (var node = token.Parent; node is not null && node != syntax; node = node.Parent)
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax)
                {
                    interpolated = node;
                }
            }

            if (interpolated is not null)
            {
                // The whole interpolated string (its holes' strings included), as the token walk sees it.
                foreach (var inner in interpolated.DescendantTokens())
                {
                    if (IsPathText(inner))
                    {
                        return true;
                    }
                }

                i = System.Math.Max(i, interpolated.Span.End - span.Start - 1);
                continue;
            }

            if (IsPathText(token))
            {
                return true;
            }

            i = System.Math.Max(i, token.Span.End - span.Start - 1);
        }

        return false;
    }

    private static bool IsPathText(SyntaxToken token) =>
        token.RawKind is (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken &&
        LooksLikePathText(token.ValueText);

    /// <summary>The token walk <see cref="MayStoreOrBuildPath(SyntaxNode, IdentifierPositions)"/> stands for.</summary>
    internal static bool WalkTokens(SyntaxNode syntax)
    {
        foreach (var token in syntax.DescendantTokens())
        {
            switch ((Microsoft.CodeAnalysis.CSharp.SyntaxKind)token.RawKind)
            {
                case Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken when IsStorageName(token.ValueText):
                    return true;
                case Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken or Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken
                    when LooksLikePathText(token.ValueText):
                    return true;
            }
        }

        return false;
    }

    /// <summary>For tests: what the text pre-filter answers for one method's syntax.</summary>
    internal static bool MayStoreOrBuildPathFromText(SyntaxNode syntax) => MayStoreOrBuildPath(syntax, new IdentifierPositions(StorageNames));

    /// <summary>A separator, or a dot right before a letter (an extension: <c>".wav"</c>, <c>"{0}.pdf"</c>; not a sentence's end).</summary>
    private static bool LooksLikePathText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '/' or '\\' || c == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }
}
