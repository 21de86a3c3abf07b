using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 through a helper that names the file after its caller's value and appends a Guid (held-out set 6,
/// ComputerSeekho's StoreImageAsync): a Guid alone is a fresh name, a name with a Guid still carries the name.
/// </summary>
public class SSA0101HelperNameAndGuidTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    [Fact]
    public async Task StudentNameIntoAHelperThatAppendsAGuid_IsReportedAtTheCallAsync()
    {
        await VerifyAsync("""
            public class StudentDto { public string StudentName { get; set; } = ""; public IFormFile Photo { get; set; } = null!; }

            public class FileStorageService
            {
                private readonly IWebHostEnvironment _environment;
                public FileStorageService(IWebHostEnvironment environment) => _environment = environment;

                public async Task<string> StoreImageAsync(IFormFile file, int uploadType, string entityName)
                {
                    var fileExtension = Path.GetExtension(file.FileName).ToLowerInvariant();
                    var uploadPath = Path.Combine(_environment.WebRootPath, "uploads", "student");
                    var uniqueFileName = $"{entityName}_{Guid.NewGuid()}{fileExtension}";
                    var filePath = Path.Combine(uploadPath, uniqueFileName);
                    using (var stream = new FileStream(filePath, FileMode.Create))
                    {
                        await file.CopyToAsync(stream);
                    }

                    return $"/uploads/student/{uniqueFileName}";
                }
            }

            public class StudentService
            {
                private readonly FileStorageService _fileStorage;
                public StudentService(FileStorageService fileStorage) => _fileStorage = fileStorage;

                public async Task CreateAsync(StudentDto dto)
                {
                    var photoUrl = await {|#1:_fileStorage.StoreImageAsync(dto.Photo, 1, {|#0:dto.StudentName|})|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("dto.StudentName", "a person's name", "its name 'StudentName'",
                    "'entityName' of FileStorageService.StoreImageAsync, which writes it into the path of new FileStream", ""));
    }

    private const string Storage = """
        public enum UploadType { Course, Student }
        public class StudentDto { public string StudentName { get; set; } = ""; public IFormFile Photo { get; set; } = null!; }
        public interface IFileStorageService { Task<string> StoreImageAsync(IFormFile file, UploadType uploadType, string entityName); }

        public class FileStorageService : IFileStorageService
        {
            private readonly IWebHostEnvironment _environment;
            public FileStorageService(IWebHostEnvironment environment) => _environment = environment;

            public async Task<string> StoreImageAsync(IFormFile file, UploadType uploadType, string entityName)
            {
                if (file == null || file.Length == 0)
                    return null!;

                var allowedExtensions = new[] { ".jpg", ".jpeg", ".png", ".gif", ".webp" };
                var fileExtension = Path.GetExtension(file.FileName).ToLowerInvariant();
                if (!allowedExtensions.Contains(fileExtension))
                    throw new InvalidOperationException("Invalid file type");

                var webRoot = _environment.WebRootPath ?? Path.Combine(Directory.GetCurrentDirectory(), "wwwroot");
                var folderName = uploadType.ToString().ToLower();
                var uploadPath = Path.Combine(webRoot, "uploads", folderName);
                var uniqueFileName = $"{SanitizeFileName(entityName)}_{Guid.NewGuid()}{fileExtension}";
                var filePath = Path.Combine(uploadPath, uniqueFileName);
                using (var stream = new FileStream(filePath, FileMode.Create))
                {
                    await file.CopyToAsync(stream);
                }

                return $"/uploads/{folderName}/{uniqueFileName}";
            }

            private static string SanitizeFileName(string name) => string.Join("_", name.Split(Path.GetInvalidFileNameChars()));
        }

        """;

    [Fact]
    public async Task ThroughTheProjectsInterface_TheOneImplementationIsReadAsync()
    {
        // ComputerSeekho: the service holds IFileStorageService; FileStorageService is its only implementation here.
        await VerifyAsync(Storage + """
            public class StudentService
            {
                private readonly IFileStorageService _fileStorage;
                public StudentService(IFileStorageService fileStorage) => _fileStorage = fileStorage;

                public async Task CreateAsync(StudentDto dto)
                {
                    string? photoUrl = null;
                    if (dto.Photo != null)
                    {
                        photoUrl = await {|#1:_fileStorage.StoreImageAsync(
                            dto.Photo,
                            UploadType.Student,
                            {|#0:dto.StudentName|}
                        )|};
                    }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("dto.StudentName", "a person's name", "its name 'StudentName'",
                    "'entityName' of FileStorageService.StoreImageAsync, which writes it into the path of new FileStream", ""));
    }

    [Fact]
    public async Task ThroughAnInterfaceWithTwoImplementations_OrOneThatKeepsNoName_IsNotReportedAsync()
    {
        // Which body runs is not known with two implementations; a Guid-only name keeps nothing of the student's.
        await VerifyAsync(Storage + """
            public class DiskCopy : IFileStorageService
            {
                public async Task<string> StoreImageAsync(IFormFile file, UploadType uploadType, string entityName)
                {
                    using var stream = new FileStream(Path.Combine("/srv/copies", entityName + ".jpg"), FileMode.Create);
                    await file.CopyToAsync(stream);
                    return entityName;
                }
            }

            public interface IAvatarStore { Task<string> SaveAsync(IFormFile file, string ownerName); }

            public class AvatarStore : IAvatarStore
            {
                public async Task<string> SaveAsync(IFormFile file, string ownerName)
                {
                    var path = Path.Combine("/srv/avatars", Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName));
                    using var stream = new FileStream(path, FileMode.Create);
                    await file.CopyToAsync(stream);
                    return path;
                }
            }

            public class StudentService
            {
                public async Task CreateAsync(IFileStorageService storage, IAvatarStore avatars, StudentDto dto)
                {
                    await storage.StoreImageAsync(dto.Photo, UploadType.Student, dto.StudentName);
                    await avatars.SaveAsync(dto.Photo, dto.StudentName);
                }
            }
            """);
    }

    [Fact]
    public async Task ConcreteHelperThatAppendsAGuidToAName_IsReportedAtTheCallAsync()
    {
        await VerifyAsync(Storage + """
            public class StudentService
            {
                public async Task CreateAsync(FileStorageService storage, StudentDto dto) =>
                    await {|#1:storage.StoreImageAsync(dto.Photo, UploadType.Student, {|#0:dto.StudentName|})|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("dto.StudentName", "a person's name", "its name 'StudentName'",
                    "'entityName' of FileStorageService.StoreImageAsync, which writes it into the path of new FileStream", ""));
    }
}
