using System.Collections.Concurrent;

namespace SecureStorageAnalyzers.Samples.SecureApp;

/// <summary>One stored call recording: the phone number is a field of the lookup, never part of the file name.</summary>
public sealed record Recording(Guid Id, string CallerPhoneNumber, DateTimeOffset ReceivedAt, string FilePath);

/// <summary>
/// Stores recordings in a private folder of the content root (App_Data/recordings, outside wwwroot, never served as
/// static files) under opaque random names, and finds them again by id. A real service keeps the lookup in its database
/// and the files in private storage with encryption at rest; the shape is the same.
/// </summary>
public sealed class RecordingStore
{
    public const string ReaderPolicy = "RecordingsReader";
    public const string UploaderPolicy = "RecordingsUploader";

    private readonly ConcurrentDictionary<Guid, Recording> recordings = new();
    private readonly string root;

    public RecordingStore(IWebHostEnvironment environment)
    {
        root = Path.Combine(environment.ContentRootPath, "App_Data", "recordings");
        Directory.CreateDirectory(root);
    }

    public async Task<Recording> SaveAsync(string callerPhoneNumber, Stream audio, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var path = Path.Combine(root, id.ToString("N") + ".mp3");
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await audio.CopyToAsync(file, cancellationToken);
        }

        var recording = new Recording(id, callerPhoneNumber, DateTimeOffset.UtcNow, path);
        recordings[id] = recording;
        return recording;
    }

    public Recording? Find(Guid id) => recordings.TryGetValue(id, out var recording) ? recording : null;
}
