using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// One path, one finding through a helper (issue #21, held-out set 5's certificate API): a helper that builds
/// <c>{name}_{icNumber}.pdf</c> reports the path where it is built (its parameter <c>icNumber</c> is personal by its own
/// name); the call that passes the person's name to <c>name</c> adds no second finding for the same path. A parameter
/// that also goes into a path of its own is still reported at the call.
/// </summary>
public class SSA0101OnePathOneFindingTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10, expected);

    private const string Request = """
        public class CertificateRequest { public string Name { get; set; } = ""; public string ICNumber { get; set; } = ""; public string Role { get; set; } = ""; }

        """;

    [Fact]
    public async Task NameBesideAPersonalParameterInOnePath_IsTheHelpersFindingOnlyAsync()
    {
        await VerifyAsync(Request + """
            public class CertificateService
            {
                private readonly string _outputFolder = Path.Combine("/data", "Certificates");

                public string GenerateCertificate(string name, string role, string icNumber)
                {
                    string outputPath = {|#1:Path.Combine(_outputFolder, $"{name}_{{|#0:icNumber|}}.pdf")|};
                    using FileStream outputStream = new FileStream(outputPath, FileMode.Create, FileAccess.Write);
                    return outputPath;
                }
            }

            public class CertificateController
            {
                private readonly CertificateService _certService = new();

                public string Generate(CertificateRequest request) =>
                    _certService.GenerateCertificate(request.Name, request.Role, request.ICNumber);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("icNumber", "a national identity number", "its name 'icNumber'", "Path.Combine", ""));
    }

    [Fact]
    public async Task NameAlsoInAPathOfItsOwn_IsStillReportedAtTheCallAsync()
    {
        // The summary file {name}.txt holds no personal parameter: the helper does not report it, the call does.
        await VerifyAsync(Request + """
            public class CertificateService
            {
                public void GenerateCertificate(string name, string icNumber)
                {
                    {|#1:File.WriteAllText(Path.Combine("/data", $"{name}_{{|#0:icNumber|}}.pdf"), "pdf")|};
                    File.WriteAllText(Path.Combine("/data", name + ".txt"), "summary");
                }
            }

            public class CertificateController
            {
                public void Generate(CertificateService service, CertificateRequest request) =>
                    {|#3:service.GenerateCertificate({|#2:request.Name|}, request.ICNumber)|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("icNumber", "a national identity number", "its name 'icNumber'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("request.Name", "a person's name", "its name 'Name' on CertificateRequest, which also declares ICNumber",
                    "'name' of CertificateService.GenerateCertificate, which writes it into the path of File.WriteAllText", ""));
    }

    [Fact]
    public async Task FolderPlusPathLikeFileName_IsOneFindingAsync()
    {
        // Both halves of the concatenation look like paths (the file name starts with a separator): the concatenation
        // is the path and reports once; the file name inside it adds no second finding on the same line.
        await VerifyAsync("""
            public class Patient { public string LastName { get; set; } = ""; }

            public class VisitReports
            {
                public string Save(Patient patient, bool large)
                {
                    var fileName = {|#1:@".\Reports" + $"\\visits_{{|#0:patient.LastName|}}.xlsx"|};
                    if (large)
                    {
                        File.WriteAllText(fileName, "large");
                    }
                    else
                    {
                        File.WriteAllText(fileName, "small");
                    }

                    return fileName;
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("patient.LastName", "a person's name", "its name 'LastName'", "a path-like string", ""));
    }
}
