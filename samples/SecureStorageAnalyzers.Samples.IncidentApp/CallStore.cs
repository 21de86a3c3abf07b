using System.Globalization;
using Microsoft.Extensions.Options;

namespace SecureStorageAnalyzers.Samples.IncidentApp;

/// <summary>The recordings archive on disk: one folder per day, one file per call.</summary>
public sealed class CallStore
{
    public CallStore(IOptions<StorageOptions> options, IWebHostEnvironment environment)
    {
        Root = Path.Combine(environment.ContentRootPath, options.Value.Recordings);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The configured recordings folder.</summary>
    public string Root { get; }

    /// <summary>
    /// Stores the telephony provider's upload.
    /// WRONG: the caller's phone number becomes the file name: recordings/2024-05-17/+15551234567.mp3. Anyone who sees
    /// the listing or guesses a number has the call. [SSA0101, and with the folder served and listed: SSA0009]
    /// </summary>
    public async Task<string> SaveAsync(string callerPhoneNumber, Stream audio, CancellationToken cancellationToken)
    {
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Root, day);
        Directory.CreateDirectory(folder);

        var path = Path.Combine(folder, callerPhoneNumber + ".mp3");
        await using (var file = File.Create(path))
        {
            await audio.CopyToAsync(file, cancellationToken);
        }

        return day;
    }
}
