using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.DocumentedShapes;

/// <summary>
/// Storage paths docs/rules/SSA0101.md names that had no test of their own, each reported and not reported. Asserted by
/// line (<see cref="LineFindings"/>): a line ending in <c>//! SSA0101</c> gets the finding, every other line none.
/// </summary>
public class SSA0101DocumentedSinksTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task PathJoin_BuildsAPathAsync() => VerifyAsync("""
        public class Recordings
        {
            public void Save(string callerPhoneNumber, string root, byte[] audio)
            {
                File.WriteAllBytes(Path.Join(root, callerPhoneNumber + ".mp3"), audio); //! SSA0101
                var folder = Path.Join(root, "calls", callerPhoneNumber); //! SSA0101
                File.WriteAllBytes(Path.Join(root, Path.GetRandomFileName()), audio);
                File.WriteAllBytes(Path.Join(root, "calls", DateTime.UtcNow.ToString("yyyy-MM-dd")), audio);
            }
        }
        """);

    [Fact]
    public Task FileMoveAndReplace_EitherPath_ReportedAsync() => VerifyAsync("""
        public class Recordings
        {
            public void Rename(string customerEmail, string root)
            {
                File.Move(Path.Join(root, "incoming.mp3"), $"{root}/{customerEmail}.mp3"); //! SSA0101
                File.Replace("/tmp/new.mp3", root + "/" + customerEmail + ".mp3", null); //! SSA0101
                File.Move(Path.Join(root, "incoming.mp3"), Path.Join(root, Guid.NewGuid().ToString("N") + ".mp3"));
                File.Replace("/tmp/new.mp3", Path.Join(root, "current.mp3"), Path.Join(root, "previous.mp3"));
            }
        }
        """);

    [Fact]
    public Task S3TransferUtility_KeyArgumentsAndRequests_ReportedAsync() => VerifyAsync("""
        using Amazon.S3.Transfer;

        public class Uploads(ITransferUtility transfer, TransferUtility utility)
        {
            public async Task Upload(Stream audio, string callerPhoneNumber)
            {
                await transfer.UploadAsync(audio, "recordings", $"calls/{callerPhoneNumber}.mp3"); //! SSA0101
                utility.Upload("/tmp/call.mp3", "recordings", callerPhoneNumber + ".mp3"); //! SSA0101
                await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "recordings", Key = callerPhoneNumber, InputStream = audio }); //! SSA0101
                await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = "recordings", Key = $"calls/{callerPhoneNumber}", FilePath = "/tmp/call.mp3" }); //! SSA0101
                await transfer.UploadAsync(audio, "recordings", $"calls/{Guid.NewGuid()}.mp3");
                utility.Upload("/tmp/call.mp3", "recordings", Path.GetRandomFileName());
                await transfer.UploadAsync(new TransferUtilityUploadRequest { BucketName = "recordings", Key = "calls/latest.mp3", InputStream = audio });
            }
        }
        """);

    [Fact]
    public Task NewBlobClient_BlobName_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;

        public class Scans
        {
            public async Task Upload(string connectionString, string customerEmail, Stream scan)
            {
                var client = new BlobClient(connectionString, "scans", $"{customerEmail}/scan.pdf"); //! SSA0101
                await client.UploadAsync(scan);
                var byName = new BlobClient(connectionString, "scans", customerEmail); //! SSA0101
                var opaque = new BlobClient(connectionString, "scans", Guid.NewGuid().ToString("N") + ".pdf");
                var fixedName = new BlobClient(connectionString, "scans", "latest.pdf");
                await opaque.UploadAsync(scan);
            }
        }
        """);
}
