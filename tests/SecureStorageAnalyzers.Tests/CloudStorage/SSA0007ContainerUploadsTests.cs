using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.CloudStorage;

/// <summary>
/// Public media by what goes into the container (held-out set 10): an Azure container whose name comes from
/// configuration, made readable with <c>PublicAccessType.Blob</c> where the client is held, is public media when every
/// upload into it through that client (<c>GetBlobClient(name).UploadAsync</c>, <c>UploadBlobAsync</c>) is public media
/// by SSA0006's test: its blob name, its method and type, then its callers. A document beside the pictures, an upload
/// that says nothing, or no upload in sight keeps SSA0007; the BlobContainer level stays SSA0008's.
/// </summary>
public class SSA0007ContainerUploadsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzer(), source, TestFramework.AspNetCore10WithStorageSdks);

    /// <summary>The venue site's service: the container from configuration, one upload, named for images and kept as the venue's picture.</summary>
    [Fact]
    public Task EveryUploadIsAPicture_NotReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Microsoft.Extensions.Configuration;

        public class BlobService
        {
            private readonly BlobContainerClient _containerClient;

            public BlobService(IConfiguration config)
            {
                var blobServiceClient = new BlobServiceClient(config["BlobStorage:ConnectionString"]);
                _containerClient = blobServiceClient.GetBlobContainerClient(config["BlobStorage:ContainerName"]);
                _containerClient.CreateIfNotExists(PublicAccessType.Blob);
            }

            public async Task<string> UploadImageAsync(IFormFile file)
            {
                var blobName = $"{Guid.NewGuid()}{Path.GetExtension(file.FileName)}";
                var blobClient = _containerClient.GetBlobClient(blobName);
                using var stream = file.OpenReadStream();
                await blobClient.UploadAsync(stream, overwrite: true);
                return blobClient.Uri.ToString();
            }
        }

        public class PhotoStore
        {
            private readonly BlobContainerClient _photos;

            public PhotoStore(BlobServiceClient service, IConfiguration config)
            {
                _photos = service.GetBlobContainerClient(config["Photos:Container"]);
            }

            public Task InitAsync() => _photos.CreateIfNotExistsAsync(PublicAccessType.Blob);

            public Task SaveAsync(IFormFile file, string name) => _photos.UploadBlobAsync(name, file.OpenReadStream());
        }

        public class Venue { public string? ImageUrl { get; set; } }

        public class VenueController(BlobService blobService, PhotoStore photos)
        {
            public async Task Create(Venue venue, IFormFile imageFile) => venue.ImageUrl = await blobService.UploadImageAsync(imageFile);

            public Task Gallery(IFormFile photo, int id) => photos.SaveAsync(photo, $"gallery/{id}.jpg");
        }
        """);

    /// <summary>
    /// Containers whose uploads are not all public media: a CV beside the pictures, an upload that says nothing, a
    /// container with no upload in sight, and the BlobContainer level (listing: SSA0008's, whatever the uploads are).
    /// </summary>
    [Fact]
    public Task APrivateOrSilentUpload_OrNone_ReportedAsync() => VerifyAsync("""
        using Azure.Storage.Blobs;
        using Azure.Storage.Blobs.Models;
        using Microsoft.Extensions.Configuration;

        public class MixedStore
        {
            private readonly BlobContainerClient _container;

            public MixedStore(IConfiguration config)
            {
                _container = new BlobContainerClient(config["Blob:Connection"], config["Blob:Container"]);
                _container.CreateIfNotExists(PublicAccessType.Blob); //! SSA0007
            }

            public Task UploadImageAsync(IFormFile file) => _container.GetBlobClient(file.FileName).UploadAsync(file.OpenReadStream());

            public Task UploadCvAsync(IFormFile file) => _container.GetBlobClient(file.FileName).UploadAsync(file.OpenReadStream());
        }

        public class QuietStore
        {
            private readonly BlobContainerClient _container;

            public QuietStore(IConfiguration config)
            {
                _container = new BlobContainerClient(config["Blob:Connection"], config["Blob:Container"]);
                _container.CreateIfNotExists(PublicAccessType.Blob); //! SSA0007
            }

            public Task SaveAsync(Stream content, string name) => _container.UploadBlobAsync(name, content);
        }

        public class EmptyStore
        {
            private readonly BlobContainerClient _container;

            public EmptyStore(IConfiguration config)
            {
                _container = new BlobContainerClient(config["Blob:Connection"], config["Blob:Container"]);
                _container.CreateIfNotExists(PublicAccessType.Blob); //! SSA0007
            }
        }

        public class ListedImages
        {
            private readonly BlobContainerClient _container;

            public ListedImages(IConfiguration config)
            {
                _container = new BlobContainerClient(config["Blob:Connection"], config["Blob:Container"]);
                _container.CreateIfNotExists(PublicAccessType.BlobContainer); //! SSA0008
            }

            public Task UploadImageAsync(IFormFile file) => _container.GetBlobClient(file.FileName).UploadAsync(file.OpenReadStream());
        }

        public class Callers(QuietStore quiet)
        {
            public Task Save(Stream content, int id) => quiet.SaveAsync(content, $"users/{id}");
        }
        """);
}
