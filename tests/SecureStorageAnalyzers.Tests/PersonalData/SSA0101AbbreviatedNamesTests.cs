using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Abbreviated first and last names (held-out set 17, docs/precision.md: a CV builder downloads each résumé as
/// <c>{resume.FName}{resume.Lname}_Resume.pdf</c>). <c>FName</c>, <c>Fname</c>, <c>LName</c>, <c>Lname</c>,
/// <c>FirstNm</c> and <c>LastNm</c> count on the application's own type that is a person or declares another part of a
/// name; an upload's <c>FName</c> beside its <c>FPath</c>, a <c>FNameSpace</c>, a local <c>fname</c> and the
/// framework's members do not.
/// </summary>
public class SSA0101AbbreviatedNamesTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    [Fact]
    public async Task AbbreviatedNameParts_OfAPersonsType_AreReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Resume
            {
                public int Id { get; set; }
                public string FName { get; set; } = "";
                public string Lname { get; set; } = "";
            }

            public class Signup
            {
                public string FirstNm { get; set; } = "";
                public string LastNm { get; set; } = "";
                public string City { get; set; } = "";
            }

            public class ResumeController : Controller
            {
                public IActionResult DownloadPdf(Resume resume, byte[] pdfBytes) =>
                    {|#1:File(pdfBytes, "application/pdf", $"{{|#0:resume.FName|}}{{|#4:resume.Lname|}}_Resume.pdf")|};

                public void Save(string root, Signup signup, byte[] form) =>
                    {|#3:System.IO.File.WriteAllBytes(Path.Combine(root, {|#2:signup.LastNm|} + ".pdf"), form)|};
            }

            public static class Program { public static void Main() { } }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithLocation(4).WithArguments("resume.FName", "a person's name",
                "its name 'FName', an abbreviated part of a name on Resume, a type that names a person's CV", "'fileDownloadName' of ControllerBase.File",
                ", together with 'resume.Lname' (a person's name)"),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("signup.LastNm", "a person's name",
                "its name 'LastNm', an abbreviated part of a name on Signup, which also declares FirstNm", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task AbbreviationsOfAFilesName_AndOtherWords_AreNotReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            public class Upload
            {
                public string FName { get; set; } = "";
                public string FPath { get; set; } = "";
                public string FNameSpace { get; set; } = "";
            }

            public class Settings
            {
                public string LNameFormat { get; set; } = "";
                public string FullNm { get; set; } = "";
            }

            class Store
            {
                public void Save(string root, Upload upload, Settings settings, byte[] data)
                {
                    System.IO.File.WriteAllBytes(Path.Combine(root, upload.FName), data);
                    System.IO.File.WriteAllBytes(Path.Combine(root, upload.FNameSpace + ".bin"), data);
                    System.IO.File.WriteAllBytes(Path.Combine(root, settings.LNameFormat + settings.FullNm + ".bin"), data);
                    var fname = Path.GetFileName(upload.FPath);
                    System.IO.File.WriteAllBytes(Path.Combine(root, fname), data);
                }

                public void Copy(string root, FileInfo info, byte[] data) =>
                    System.IO.File.WriteAllBytes(Path.Combine(root, info.Name), data);
            }
            """);
    }

    [Fact]
    public async Task ConfiguredAbbreviation_CountsLikeTheBuiltInOnes_AndExcludedNamesWinAsync()
    {
        var test = new VerifyCS.Test("""
                public class Member
                {
                    public string ApNm { get; set; } = "";
                    public string FName { get; set; } = "";
                }

                class Store
                {
                    public void Save(string root, Member member, byte[] data)
                    {
                        {|#1:System.IO.File.WriteAllBytes(Path.Combine(root, {|#0:member.ApNm|} + ".pdf"), data)|};
                        System.IO.File.WriteAllBytes(Path.Combine(root, member.FName + ".pdf"), data);
                    }
                }
                """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*]
            SSA0101.name_abbreviations = ApNm
            SSA0101.excluded_names = FName
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithLocation(1).WithArguments("member.ApNm", "a person's name",
            "its name 'ApNm', an abbreviated part of a name on Member, a type that names a person", "'path' of File.WriteAllBytes", ""));
        await test.RunAsync();
    }
}
