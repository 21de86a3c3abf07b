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
    private static bool IsStorageName(string name) => name switch
    {
        "File" or "Directory" or "FileInfo" or "DirectoryInfo" or "FileStream" or "StreamWriter" or "StreamReader" or "Path" or
        "PhysicalFileProvider" or "PhysicalFile" or "PhysicalFileResult" or "VirtualFileResult" or "FileDownloadName" or "SendFileAsync" or
        "SaveAs" or "MapPath" or "TransmitFile" or "WriteFile" or "AddHeader" or "AppendHeader" or
        "BlobContainerClient" or "BlobClient" or "BlobBaseClient" or "BlockBlobClient" or "GetBlobClient" or "GetBlockBlobClient" or
        "UploadBlobAsync" or "UploadBlob" or "IAmazonS3" or "AmazonS3Client" or "TransferUtility" or "ITransferUtility" or "PutObjectRequest" or "GetObjectRequest" or
        "StorageClient" or "UrlSigner" or "PutObjectArgs" or "GetObjectArgs" or "WithObject" or
        // Document and image libraries that save to a path themselves.
        "PdfDocument" or "PdfDocumentRenderer" or "Bitmap" or "Image" or "GeneratePdf" or "GenerateXps" or "XLWorkbook" or
        // Places on disk: a string built from one is a path even before it meets a storage call.
        "ContentRootPath" or "WebRootPath" or "BaseDirectory" or "GetFolderPath" or "GetTempPath" or "GetCurrentDirectory" or
        "CurrentDirectory" or "DirectoryName" => true,
        _ => false,
    };

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
            foreach (var token in reference.GetSyntax(cancellationToken).DescendantTokens())
            {
                switch ((Microsoft.CodeAnalysis.CSharp.SyntaxKind)token.RawKind)
                {
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken:
                        found = IsStorageName(token.ValueText);
                        break;
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken:
                    case Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken:
                        found = LooksLikePathText(token.ValueText);
                        break;
                }

                if (found)
                {
                    break;
                }
            }

            if (found)
            {
                break;
            }
        }

        return _mayStore.GetOrAdd(definition, found);
    }

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
