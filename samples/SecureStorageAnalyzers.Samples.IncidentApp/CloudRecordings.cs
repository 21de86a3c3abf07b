// The same recordings, moved to the cloud the way the subcontractor would have moved them: the archive in Azure Blob
// Storage keeps both mistakes of the web server and adds a third, a link that never really expires.
//   - the recordings container is created with anonymous access at the container level: anyone can list it and
//     download every recording, no account needed;
//   - the transcripts container lets anyone read a blob whose name they know (or guess from the listing above);
//   - each blob is named after the day and the caller's phone number, so the listing alone leaks who called and when;
//   - the link handed to staff for playback works for a year, for whoever it is forwarded to.
// See ../SecureStorageAnalyzers.Samples.SecureApp for stored files done right.
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace SecureStorageAnalyzers.Samples.IncidentApp;

public sealed class CloudRecordings(BlobServiceClient blobs)
{
    /// <summary>Uploads a recording and its transcript and returns the playback link the staff portal shows.</summary>
    public async Task<Uri> ArchiveAsync(string callerPhoneNumber, DateTimeOffset receivedAt, Stream audio, Stream transcript)
    {
        // WRONG: PublicAccessType.BlobContainer lets anyone list the container and read every recording. [SSA0008; SSA0009 with the names below]
        var recordings = blobs.GetBlobContainerClient("recordings");
        await recordings.CreateIfNotExistsAsync(PublicAccessType.BlobContainer);

        // WRONG: PublicAccessType.Blob lets anyone read a transcript by its name. [SSA0007; SSA0009 with the names below]
        var transcripts = blobs.GetBlobContainerClient("transcripts");
        await transcripts.CreateIfNotExistsAsync(PublicAccessType.Blob);

        // WRONG: the blob name is the caller's phone number. [SSA0101]
        var recording = recordings.GetBlobClient($"{receivedAt:yyyy-MM-dd}/{callerPhoneNumber}.mp3");
        await recording.UploadAsync(audio, overwrite: true);
        await transcripts.GetBlobClient($"{receivedAt:yyyy-MM-dd}/{callerPhoneNumber}.txt").UploadAsync(transcript, overwrite: true);

        // WRONG: a read link that lives a year is an anonymous server with a long URL. [SSA0010]
        return recording.GenerateSasUri(BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddYears(1));
    }
}
