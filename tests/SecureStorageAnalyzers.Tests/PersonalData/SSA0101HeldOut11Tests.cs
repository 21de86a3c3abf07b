using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 shapes of held-out set 11: an employee's name through the project's own sanitizer (accents stripped in a
/// StringBuilder loop) handed to an upload service's folder parameter.
/// </summary>
public class SSA0101HeldOut11Tests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    private const string Upload = """
        using Microsoft.AspNetCore.Mvc;

        public class User { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class ContractDto { public IFormFile? Attachment { get; set; } }

        public interface IFileUploadService { Task<(string filePath, string fileName)> SaveFileAsync(IFormFile file, string folder); }

        public class FileUploadService : IFileUploadService
        {
            private readonly IWebHostEnvironment _environment;
            public FileUploadService(IWebHostEnvironment environment) => _environment = environment;

            public async Task<(string filePath, string fileName)> SaveFileAsync(IFormFile file, string folder)
            {
                var uploadFolder = Path.Combine(_environment.WebRootPath, "uploads", folder);
                if (!Directory.Exists(uploadFolder))
                    Directory.CreateDirectory(uploadFolder);
                var fileName = file.FileName;
                var uniqueFileName = $"{Guid.NewGuid()}{Path.GetExtension(fileName)}";
                var filePath = Path.Combine(uploadFolder, uniqueFileName);
                using (var stream = new FileStream(filePath, FileMode.Create))
                {
                    await file.CopyToAsync(stream);
                }

                return ($"/uploads/{folder}/{uniqueFileName}", fileName);
            }
        }

        """;

    private const string Sanitizer = """
            private string SanitizeUserNameForFolder(string userName, int userId)
            {
                if (string.IsNullOrWhiteSpace(userName))
                    return $"User_{userId}";

                string normalized = userName.Normalize(System.Text.NormalizationForm.FormD);
                var stringBuilder = new System.Text.StringBuilder();
                foreach (char c in normalized)
                {
                    var unicodeCategory = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
                    if (unicodeCategory != System.Globalization.UnicodeCategory.NonSpacingMark)
                    {
                        stringBuilder.Append(c);
                    }
                }

                string result = stringBuilder.ToString().Normalize(System.Text.NormalizationForm.FormC);
                result = System.Text.RegularExpressions.Regex.Replace(result, @"[^a-zA-Z0-9]", "_");
                result = System.Text.RegularExpressions.Regex.Replace(result, @"_+", "_");
                result = result.Trim('_');
                return $"{result}_{userId}";
            }
        """;

    [Fact]
    public async Task NameThroughTheProjectsSanitizerIntoTheServicesFolder_IsReportedAtTheCallAsync()
    {
        await VerifyAsync(Upload + """
            public class SalaryContractsController : ControllerBase
            {
                private readonly IFileUploadService _fileUploadService;
                public SalaryContractsController(IFileUploadService fileUploadService) => _fileUploadService = fileUploadService;

            """ + Sanitizer + """

                public async Task Create(User user, ContractDto dto)
                {
                    string folderName = SanitizeUserNameForFolder({|#2:user.Name|}, user.Id);
                    var (filePath, fileName) = await {|#1:_fileUploadService.{|#0:SaveFileAsync(
                        dto.Attachment!,
                        $"salary-contracts/{folderName}"
                    )|}|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments("user.Name", "a person's name", "its name 'Name' on User, a type that names a person",
                    "'folder' of FileUploadService.SaveFileAsync, which writes it into the path of Directory.Exists", ""));
    }

    [Fact]
    public async Task ReturnUnderAnEmptyNameGuard_IsTheAnswerForAnEmptyInput_NotAnotherValueAsync()
    {
        // The same sanitizer handed a record's title: nothing personal goes in, nothing is reported.
        await VerifyAsync(Upload + """
            public class Report { public int Id { get; set; } public string Title { get; set; } = ""; }

            public class ReportsController : ControllerBase
            {
                private readonly IFileUploadService _fileUploadService;
                public ReportsController(IFileUploadService fileUploadService) => _fileUploadService = fileUploadService;

            """ + Sanitizer + """

                public async Task Create(Report report, ContractDto dto)
                {
                    string folderName = SanitizeUserNameForFolder(report.Title, report.Id);
                    await _fileUploadService.SaveFileAsync(dto.Attachment!, $"reports/{folderName}");
                }
            }
            """);
    }

    [Fact]
    public async Task GuardOnAnotherValue_DoesNotMakeAReturnAFallbackAsync()
    {
        // The return under the guard is a lookup by the name (not made of it), and the guard tests a field: the method
        // carries nothing, as before.
        await VerifyAsync("""
            public class User { public string Name { get; set; } = ""; }

            public class Store
            {
                private readonly Dictionary<string, string> _ids = new();
                private string? _prefix;

                private string FolderFor(string userName)
                {
                    if (string.IsNullOrEmpty(_prefix))
                        return _ids[userName];
                    return _prefix + userName;
                }

                public void Save(User user, byte[] bytes) =>
                    File.WriteAllBytes(Path.Combine("/srv/files", FolderFor(user.Name), "a.bin"), bytes);
            }
            """);
    }

    [Fact]
    public async Task PersonalKeyOfAPlatformCollection_IsThePersonsValueAsync()
    {
        await VerifyAsync("""
            using System.Data;
            using Microsoft.AspNetCore.Mvc;

            public class CardsController : Controller
            {
                public void Export(DataRow row, Dictionary<string, string> data, byte[] bytes)
                {
                    {|#1:System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", {|#0:row["FullName"]|} + ".pdf"), bytes)|};
                    var safeName = {|#2:data["StudentName"]|}.Replace(" ", "_");
                    {|#4:System.IO.File.{|#3:WriteAllBytes($"/srv/cards/ReportCard_{safeName}.pdf", bytes)|}|};
                    string first = {|#5:Request.Form["firstName"]|};
                    {|#7:System.IO.File.{|#6:WriteAllBytes(Path.Combine("/srv/cards", first + ".pdf"), bytes)|}|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("row[\"FullName\"]", "a person's name", "the value under the key 'FullName'", "'path' of File.WriteAllBytes", ""),
            Diagnostic().WithLocation(3).WithLocation(4).WithLocation(2)
                .WithArguments("data[\"StudentName\"]", "a person's name", "the value under the key 'StudentName'", "'path' of File.WriteAllBytes", ""),
            Diagnostic().WithLocation(6).WithLocation(7).WithLocation(5)
                .WithArguments("Request.Form[\"firstName\"]", "a person's name", "the value under the key 'firstName'", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task GenericOrNonPersonalKey_OrTheApplicationsOwnIndexer_IsNotAsync()
    {
        await VerifyAsync("""
            using System.Data;
            using Microsoft.AspNetCore.Mvc;

            public class Row { public string this[string key] => key; }

            public class CardsController : Controller
            {
                public void Export(DataRow row, Dictionary<string, string> data, Row own, string key, byte[] bytes)
                {
                    System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", row["FileName"] + ".pdf"), bytes);
                    System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", data["NAME"] + ".pdf"), bytes);
                    System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", data["Name"] + ".pdf"), bytes);
                    System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", data[key] + ".pdf"), bytes);
                    System.IO.File.WriteAllBytes(Path.Combine("/srv/cards", data["ProductCode"] + ".pdf"), bytes);
                }
            }
            """);
    }
}
