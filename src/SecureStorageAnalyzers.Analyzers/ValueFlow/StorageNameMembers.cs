using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The application's own members that hold a stored object's name: a string property or field that the application
/// declares (in its source or in another of its assemblies: a domain project's entity; never the platform, per
/// <see cref="FrameworkAssemblies"/>), whose name ends in words that say so (<c>FileName</c>, <c>RecordingFilePath</c>, <c>FileKey</c>,
/// <c>ObjectKey</c>, <c>BlobName</c>, <c>StoragePath</c>, <c>Folder</c>, <c>KeyPrefix</c>; Spanish and Portuguese
/// <c>NombreArchivo</c>, <c>RutaArchivo</c>, <c>NomeArquivo</c>, <c>CaminhoArquivo</c>, <c>Carpeta</c>, <c>PrefixoDaPasta</c>), read word by word (<see cref="NameTokens"/>), so
/// <c>Profile</c> or <c>Filter</c> never match. A value put there is the name under which the application stores, finds
/// or serves the object, even where the storage call is elsewhere (a record saved to the database, then handed to the
/// blob client by another service). Not a storage name: a link (<c>FileUrl</c>, <c>DownloadLink</c>: no catalog entry ends
/// in them), a bare <c>Path</c> or <c>Key</c> (routes and cache keys), a member of the platform or of a package.
/// </summary>
/// <remarks>
/// One instance per compilation and <c>SSA0101.storage_name_members</c> setting (more entries, each the last words of a
/// member's name); the answer is cached per member symbol, so each member's name is split once.
/// </remarks>
internal sealed class StorageNameMembers
{
    /// <summary>The built-in last words of a storage-name member's name, as <see cref="NameTokens.Split"/> gives them.</summary>
    private static readonly ImmutableArray<ImmutableArray<string>> BuiltIn = ImmutableArray.Create(
        Words("file", "name"), Words("filename"), Words("file", "path"), Words("filepath"), Words("file", "key"),
        Words("object", "key"), Words("object", "name"), Words("blob", "name"), Words("blob", "key"), Words("blob", "path"),
        Words("storage", "path"), Words("storage", "key"), Words("storage", "name"), Words("s3", "key"),
        Words("folder"), Words("folder", "name"), Words("folder", "path"), Words("directory", "name"), Words("directory", "path"),
        Words("key", "prefix"), Words("folder", "prefix"), Words("blob", "prefix"), Words("object", "prefix"),
        // Spanish and Portuguese put the head word first: the member's name is these words, or ends in them
        // (PrefixoDaPasta, the folder prefix of a patient's exam files).
        Words("nombre", "archivo"), Words("nombre", "fichero"), Words("ruta", "archivo"), Words("ruta", "fichero"),
        Words("nome", "arquivo"), Words("caminho", "arquivo"), Words("carpeta"), Words("pasta"));

    private readonly ImmutableArray<ImmutableArray<string>> _configured;
    private readonly ConcurrentDictionary<ISymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    public StorageNameMembers(ImmutableArray<ImmutableArray<string>> configured) => _configured = configured;

    /// <summary>
    /// True when <paramref name="member"/> is a string property or field that the project's source declares and whose
    /// name ends in a storage name's words (built-in or configured).
    /// </summary>
    public bool IsStorageName(ISymbol member)
    {
        if (member is not (IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsIndexer: false } or
                IFieldSymbol { Type.SpecialType: SpecialType.System_String, IsConst: false }))
        {
            return false;
        }

        var definition = member.OriginalDefinition;
        if (_answers.TryGetValue(definition, out var answer))
        {
            return answer;
        }

        // The application's own: declared in its source or in another of its assemblies (a domain project's entity),
        // never the platform's (ProcessStartInfo.FileName is a program to run).
        return _answers.GetOrAdd(definition, !FrameworkAssemblies.Declares(definition) &&
                                             EndsInStorageName(NameTokens.Split(definition.Name), _configured));
    }

    /// <summary>True when <paramref name="tokens"/> end in one of the built-in entries or of <paramref name="configured"/>.</summary>
    internal static bool EndsInStorageName(ImmutableArray<string> tokens, ImmutableArray<ImmutableArray<string>> configured) =>
        EndsInAny(tokens, BuiltIn) || EndsInAny(tokens, configured);

    private static bool EndsInAny(ImmutableArray<string> tokens, ImmutableArray<ImmutableArray<string>> entries)
    {
        foreach (var entry in entries)
        {
            var start = tokens.Length - entry.Length;
            if (start >= 0 && PersonalIdentifierVocabulary.MatchesAt(tokens, start, entry))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string> Words(params string[] words) => ImmutableArray.Create(words);
}
