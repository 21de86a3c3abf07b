using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A Web Forms page's text box named only for a name (<c>txtName</c>), compiled against the .NET Framework 4.8
/// reference assemblies (held-out set 14: a training institute's registration page names each résumé
/// <c>txtName.Text + "_" + year + extension</c> under <c>~\Resumes\</c>, and its candidates grid does the same with the
/// footer row's <c>(TextBox)FindControl("txtName")</c>). "Name" alone says nothing (a course's, a file's, a product's);
/// the page itself says whose: it copies the box's text into a person's name member (<c>candidate.Name</c> of a
/// <c>CandidateEntity</c>), or fills the box from one.
/// </summary>
public class SSA0101WebFormsNameBoxTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, TestFramework.NetFramework48);

    private const string Entities = """

        public class CandidateEntity { public string Name { get; set; } = ""; public string Email { get; set; } = ""; }
        public class CourseEntity { public string Name { get; set; } = ""; }
        """;

    [Fact]
    public Task APageField_CopiedIntoAPersonsName_NamesTheResumeAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public partial class Registration : System.Web.UI.Page
        {
            protected TextBox txtName;
            protected TextBox txtCity;
            protected DropDownList drpYear;
            protected FileUpload fResume;

            protected void Submit(object sender, EventArgs e)
            {
                var candidate = new CandidateEntity();
                candidate.Name = txtName.Text.Trim();
                SaveResume();
            }

            private void SaveResume()
            {
                var f = new FileInfo(fResume.FileName);
                string filename = txtName.Text + "_" + drpYear.SelectedValue + f.Extension;
                fResume.SaveAs(Server.MapPath(@"~\Resumes\") + filename); //! SSA0101
                fResume.SaveAs(Server.MapPath(@"~\Cities\") + txtCity.Text + f.Extension);
            }
        }
        """ + Entities);

    [Fact]
    public Task AGridFootersBox_FoundByFindControl_CopiedIntoAPersonsName_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public partial class Profiles : System.Web.UI.Page
        {
            protected GridView grvCandidates;

            protected void Add(object sender, EventArgs e)
            {
                var obj = new CandidateEntity();
                TextBox txtName = (TextBox)grvCandidates.FooterRow.FindControl("txtName");
                obj.Name = txtName.Text;
                FileUpload fResume = (FileUpload)grvCandidates.FooterRow.FindControl("fResume");
                var f = new FileInfo(fResume.FileName);
                string filename = txtName.Text + "_O" + f.Extension;
                fResume.SaveAs(Server.MapPath(@"~\Resumes\") + filename); //! SSA0101
            }
        }
        """ + Entities);

    /// <summary>A page that fills the box from the person's name column of its record says the same.</summary>
    [Fact]
    public Task APageField_FilledFromAPersonsName_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public partial class EditProfile : System.Web.UI.Page
        {
            protected TextBox txtName;
            protected FileUpload fPhoto;

            private void Load(CandidateEntity candidate)
            {
                txtName.Text = candidate.Name;
            }

            protected void Save(object sender, EventArgs e)
            {
                fPhoto.SaveAs(@"D:\resumes\" + txtName.Text + ".pdf"); //! SSA0101
            }
        }
        """ + Entities);

    /// <summary>
    /// Negatives: a name box whose text is a course's name, and the same box found in a grid's footer.
    /// </summary>
    [Fact]
    public Task ANameBox_NotTiedToAPerson_IsSilentAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public partial class Courses : System.Web.UI.Page
        {
            protected TextBox txtName;
            protected FileUpload fContents;

            protected void Add(object sender, EventArgs e)
            {
                var course = new CourseEntity();
                course.Name = txtName.Text;
                fContents.SaveAs(Server.MapPath(@"~\courses\") + txtName.Text + ".pdf");
            }

            protected void AddFromGrid(GridView grid)
            {
                TextBox txtName = (TextBox)grid.FooterRow.FindControl("txtName");
                var course = new CourseEntity { Name = txtName.Text };
                fContents.SaveAs(Server.MapPath(@"~\courses\") + txtName.Text + ".pdf");
            }
        }
        """ + Entities);
}
