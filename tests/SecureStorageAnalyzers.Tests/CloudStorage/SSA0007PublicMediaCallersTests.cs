using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// Public media through a parameter (issue #21, held-out set 5): an S3 or Azure upload service that grants public read on
/// a key or container its callers choose stores what they hand it. When every call in sight hands it public media (a
/// caller named for a photo that keeps the result as a photo's URL, an upload named for an image, a container defaulting
/// to "images") the grant is not reported; a recording through the same service, a caller that says nothing, or no
/// caller keeps it reported. Listing (SSA0008) is never exempted.
/// </summary>
public class SSA0007PublicMediaCallersTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task S3KeyParameter_EveryCallerStoresPhotos_NotReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Transfer;

        public interface IObjectStore
        {
            Task<string> UploadFileAsync(IFormFile file, string keyName);
        }

        public class S3ObjectStore(IAmazonS3 s3, string bucket) : IObjectStore
        {
            public async Task<string> UploadFileAsync(IFormFile file, string keyName)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                var request = new TransferUtilityUploadRequest { InputStream = buffer, Key = keyName, BucketName = bucket, CannedACL = S3CannedACL.PublicRead };
                await new TransferUtility(s3).UploadAsync(request);
                return $"https://{bucket}.s3.amazonaws.com/{keyName}";
            }
        }

        public class Account
        {
            public string? ProfilePhotoUrl { get; set; }
        }

        public class AccountsController(IObjectStore store)
        {
            public async Task UploadPhoto(int id, IFormFile file, Account account)
            {
                var keyName = $"accounts/{id}/{file.FileName}";
                account.ProfilePhotoUrl = await store.UploadFileAsync(file, keyName);
            }

            private static string TourKey(string building, string level, string original) =>
                $"{building}/{level}/{Guid.NewGuid()}{Path.GetExtension(original)}";

            public async Task<string> ReplaceScene(IFormFile imageFile, string building, string level)
            {
                var key = TourKey(building, level, imageFile.FileName);
                var url = await store.UploadFileAsync(imageFile, key);
                return url;
            }
        }
        """);

    [Fact]
    public Task AzureContainerParameter_DefaultImages_NotReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class BlobImages(BlobServiceClient service)
        {
            public async Task<string> UploadAsync(IFormFile file, string containerName = "images")
            {
                var container = service.GetBlobContainerClient(containerName);
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob);
                var blob = container.GetBlobClient($"{Guid.NewGuid()}_{file.FileName}");
                await blob.UploadAsync(file.OpenReadStream());
                return blob.Uri.ToString();
            }
        }

        public class ListingsController(BlobImages images)
        {
            public Task<string> Add(IFormFile file) => images.UploadAsync(file);

            public Task<string> Logo(IFormFile file) => images.UploadAsync(file, "logos");
        }
        """);

    [Fact]
    public Task KeyParameter_ARecordingOrASilentCallerOrNone_ReportedAsync() => VerifyAsync("""
        using Amazon.S3;
        using Amazon.S3.Model;
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;

        public class PublicObjects(IAmazonS3 s3, BlobServiceClient service)
        {
            public Task PutAsync(Stream content, string key) =>
                s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = key, InputStream = content, CannedACL = S3CannedACL.PublicRead }); //! SSA0007

            public Task PutQuietAsync(Stream content, string key) =>
                s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = key, InputStream = content, CannedACL = S3CannedACL.PublicRead }); //! SSA0007

            public Task PutUncalledAsync(Stream content, string key) =>
                s3.PutObjectAsync(new PutObjectRequest { BucketName = "site", Key = key, InputStream = content, CannedACL = S3CannedACL.PublicRead }); //! SSA0007

            public async Task OpenAsync(string containerName)
            {
                var container = service.GetBlobContainerClient(containerName);
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
            }
        }

        public class Calls(PublicObjects objects)
        {
            public Task Avatar(Stream avatar, int id) => objects.PutAsync(avatar, $"avatars/{id}");

            public Task Voice(Stream answer, int id) => objects.PutAsync(answer, $"answers/{id}.wav");

            public Task Save(Stream content, int id) => objects.PutQuietAsync(content, $"users/{id}");

            public Task Thumbnails() => objects.OpenAsync("thumbnails");

            public Task Recordings() => objects.OpenAsync("call-recordings");
        }
        """);
}
