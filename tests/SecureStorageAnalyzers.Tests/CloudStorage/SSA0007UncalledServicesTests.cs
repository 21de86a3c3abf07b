using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// SSA0007 in storage services nothing in the project calls (held-out set 12 missed two such
/// <c>CreateIfNotExistsAsync(PublicAccessType.Blob)</c>): a service registered through DI only, or not at all, is judged
/// by what the pack sees, and with no caller in sight nothing shows that its container holds only public media, so the
/// grant is reported, whatever the method or type is called (<c>UploadImageAsync</c>, <c>ImageService</c>: a name is no
/// evidence of what a caller hands in). A container named for public media, or whose one upload names it, stays silent.
/// </summary>
public class SSA0007UncalledServicesTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    [Fact]
    public Task UncalledServices_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Microsoft.Extensions.Configuration;

        public interface IBlobStorageService { Task<string> UploadFileAsync(IFormFile file, string containerName); }

        public class BlobStorageService : IBlobStorageService
        {
            private readonly BlobServiceClient _blobServiceClient;
            public BlobStorageService(BlobServiceClient blobServiceClient) { _blobServiceClient = blobServiceClient; }

            public async Task<string> UploadFileAsync(IFormFile file, string containerName)
            {
                var containerClient = _blobServiceClient.GetBlobContainerClient(containerName);
                await containerClient.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                var blobClient = containerClient.GetBlobClient(Guid.NewGuid() + Path.GetExtension(file.FileName));
                await blobClient.UploadAsync(file.OpenReadStream(), true);
                return blobClient.Uri.ToString();
            }
        }

        public class LazyStorage
        {
            private readonly Lazy<BlobServiceClient> _blobServiceClient;
            public LazyStorage(IConfiguration configuration) { _blobServiceClient = new Lazy<BlobServiceClient>(() => new BlobServiceClient(configuration["Storage"])); }

            public async Task<string> UploadFileAsync(string containerName, string fileName, Stream stream, string contentType)
            {
                var containerClient = _blobServiceClient.Value.GetBlobContainerClient(containerName);
                await containerClient.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                var blobClient = containerClient.GetBlobClient(fileName);
                await blobClient.UploadAsync(stream, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } });
                return blobClient.Uri.ToString();
            }
        }

        public class AzureImageStorage
        {
            private readonly BlobServiceClient _blobServiceClient;
            public AzureImageStorage(BlobServiceClient s) { _blobServiceClient = s; }

            public async Task<string> UploadImageAsync(IFormFile file, string containerName)
            {
                var containerClient = _blobServiceClient.GetBlobContainerClient(containerName);
                await containerClient.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                var blobClient = containerClient.GetBlobClient($"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}");
                await blobClient.UploadAsync(file.OpenReadStream(), new BlobHttpHeaders { ContentType = file.ContentType });
                return blobClient.Uri.ToString();
            }
        }

        public class ImageService
        {
            private readonly BlobContainerClient _container;
            public ImageService(IConfiguration config) { _container = new BlobContainerClient(config["C"], config["N"]); }

            public async Task<string> UploadAsync(IFormFile file)
            {
                await _container.CreateIfNotExistsAsync(PublicAccessType.Blob); //! SSA0007
                var blob = _container.GetBlobClient(file.FileName);
                await blob.UploadAsync(file.OpenReadStream());
                return blob.Uri.ToString();
            }
        }

        public class PictureStorage
        {
            private readonly BlobServiceClient _service;
            public PictureStorage(BlobServiceClient service) { _service = service; }

            public async Task<string> UploadAsync(IFormFile file)
            {
                var container = _service.GetBlobContainerClient("pictures");
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob);
                var blob = container.GetBlobClient(file.FileName);
                await blob.UploadAsync(file.OpenReadStream());
                return blob.Uri.ToString();
            }
        }

        public static class Registrations
        {
            public static void Add(IServiceCollection services) => services.AddScoped<IBlobStorageService, BlobStorageService>();
        }
        """);
}
