namespace SecureStorageAnalyzers.Samples.IncidentApp;

/// <summary>
/// Where the recordings go, bound from the "Storage" section of appsettings.json in Program.cs. The same folder is
/// written by <see cref="CallStore"/> and served by <see cref="RecordingsHosting"/>, two files apart: SSA0009 follows
/// the options member across them.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>Relative to the content root.</summary>
    public string Recordings { get; set; } = "recordings";
}
