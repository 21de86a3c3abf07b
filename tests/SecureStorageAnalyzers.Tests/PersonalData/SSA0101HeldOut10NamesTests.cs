using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The names held-out set 10 missed (issue #21): a person's name returned by the project's method named for the key it
/// looks the name up by (<c>GetFullNameByUserIdAsync</c>), and a person's name in a member, parameter or control named
/// for an author (a thesis site naming certificates by <c>txtAuthor.Text</c> and <c>authorName</c>). Beside each, the
/// shapes that must stay silent.
/// </summary>
public class SSA0101HeldOut10NamesTests
{
    private const string WinForms = """
        namespace System.Windows.Forms
        {
            public class Control { public virtual string Text { get; set; } = ""; }
            public class TextBoxBase : Control { }
            public class TextBox : TextBoxBase { }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Theory]
    [InlineData("GetFullNameByUserIdAsync", "GetFullName")]
    [InlineData("GetEmailByIdAsync", "GetEmail")]
    [InlineData("FindNameByKey", "FindName")]
    [InlineData("GetFullName", "GetFullName")]
    [InlineData("Bypass", "Bypass")]
    [InlineData("ByUserId", "ByUserId")]
    [InlineData("GetBy", "GetBy")]
    [InlineData("NearbyUser", "NearbyUser")]
    public void WithoutLookupKey_CutsAMethodNameAtItsByPhrase(string name, string expected) =>
        Assert.Equal(expected, PersonalDataClassifier.WithoutLookupKey(name));

    [Fact]
    public Task NameReturnedByAMethodNamedForItsLookupKey_IsPersonalAsync() => VerifyAsync("""
        public interface IUsers
        {
            Task<string> GetFullNameByUserIdAsync(string userId);
            Task<string> GetFolderByUserIdAsync(string userId);
            string GetEmailById(int id);
        }

        public class Row
        {
            // The e-mail of whoever created the row: a property keeps its whole name.
            public string CreatedByEmail { get; set; } = "";
        }

        public class Reports(IUsers users)
        {
            public async Task Save(string root, string userId, int id, Row row, byte[] bytes)
            {
                var author = await users.GetFullNameByUserIdAsync(userId);
                var path = Path.Combine(root, $"{author}_{DateTime.UtcNow:yyyyMMdd}.docx"); //! SSA0101
                File.WriteAllBytes(path, bytes);

                File.WriteAllBytes(Path.Combine(root, users.GetEmailById(id) + ".txt"), bytes); //! SSA0101

                // A folder found by the user's id is no personal data.
                var folder = await users.GetFolderByUserIdAsync(userId);
                File.WriteAllBytes(Path.Combine(root, folder, "report.docx"), bytes);

                File.WriteAllBytes(Path.Combine(root, row.CreatedByEmail + ".txt"), bytes); //! SSA0101
            }
        }
        """);

    [Fact]
    public Task AuthorsName_InAParameterAStringMemberAndAControl_IsPersonalAsync() =>
        LineFindings.VerifyWithLibraryAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), """
        using System.Windows.Forms;

        public class Submission
        {
            public string Author { get; set; } = "";
            public int AuthorId { get; set; }
            public string AuthorType { get; set; } = "";
        }

        public class Certificates
        {
            private TextBox txtAuthor = new();
            private TextBox txtAuthors = new();
            private TextBox txtTitle = new();

            public void Save(string root, string authorName, Submission submission, byte[] bytes)
            {
                File.WriteAllBytes(Path.Combine(root, $"Cert_{authorName}.docx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, $"Cert_{txtAuthor.Text}.docx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, $"Report_{txtAuthors.Text}.docx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, $"Cert_{submission.Author}.docx"), bytes); //! SSA0101

                // An id, a kind and a title are not the author's name.
                File.WriteAllBytes(Path.Combine(root, $"Cert_{submission.AuthorId}_{submission.AuthorType}.docx"), bytes);
                File.WriteAllBytes(Path.Combine(root, $"{txtTitle.Text}.docx"), bytes);
            }
        }
        """, WinForms, TestFramework.AspNetCore10, "System.Windows.Forms");
}
