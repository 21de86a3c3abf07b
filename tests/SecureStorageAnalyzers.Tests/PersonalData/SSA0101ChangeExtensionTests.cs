using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A file name built with <c>Path.ChangeExtension</c> from a person's name (held-out set 10,
/// Fohlo/HOSPITAL-MANAGEMENT-SYSTEM-API <c>BLL/Files/FileBLL.cs:31</c>: an admitted patient's image stored as
/// <c>Path.ChangeExtension(PatientName, ext) + PatientName + "." + ext</c>) (issue #21).
/// </summary>
public class SSA0101ChangeExtensionTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, TestFramework.NoAspNetCore);

    [Fact]
    public async Task PatientNameThroughChangeExtension_IsReportedAsync()
    {
        await VerifyAsync("""
            using System.IO;

            public class FileBLL
            {
                public string UploadFile(byte[] f, string fileext, string PatientName)
                {
                    var selectFolder = CreateNew();
                    MemoryStream ms = new MemoryStream(f);
                    var result = Path.ChangeExtension(PatientName, fileext);
                    var fullName = result + PatientName + "." + fileext; //! SSA0101
                    FileStream fs = new FileStream(selectFolder + (@"/Files/") + fullName, FileMode.Create);
                    ms.WriteTo(fs);
                    fs.Close();
                    return result;
                }

                private static string CreateNew() => Path.Combine(Directory.GetCurrentDirectory(), "Uploads");
            }
            """);
    }
}
