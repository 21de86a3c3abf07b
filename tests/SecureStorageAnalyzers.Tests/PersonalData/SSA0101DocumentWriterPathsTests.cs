using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// SSA0101 reads the path a document library saves to as a storage path (Xceed DocX's <c>SaveAs(filename)</c> and
/// <c>Create(filename)</c>, GemBox's <c>Save(path)</c>): a person's name in the file name of a generated CV or payslip is
/// reported there, and an id is not (the path here is no path by its text, no separator or extension: only the call
/// says it is one). The stand-ins are <see cref="SSA0006DocXEpplusGemBoxTests"/>'s.
/// </summary>
public class SSA0101DocumentWriterPathsTests
{
    [Fact]
    public Task NameInADocXOrGemBoxFileName_IsReportedAsync() =>
        LineFindings.VerifyWithLibraryAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), """
        using Xceed.Words.NET;
        using GemBox.Document;

        public class Applicant
        {
            public int Id { get; set; }
            public string FullName { get; set; } = "";
        }

        public class Documents
        {
            public void Write(Applicant applicant, DocumentModel payslip, string folder)
            {
                using var cv = DocX.Create(applicant.FullName); //! SSA0101
                cv.SaveAs(folder + applicant.FullName); //! SSA0101
                payslip.Save(folder + applicant.FullName); //! SSA0101
                cv.SaveAs(folder + applicant.Id);
                payslip.Save(folder + applicant.Id);
            }
        }
        """, SSA0006DocXEpplusGemBoxTests.DocX + "\n" + SSA0006DocXEpplusGemBoxTests.GemBox.Replace("using System.IO;", ""), TestFramework.AspNetCore10);
}
