using SecureStorageAnalyzers.Tests.Verifiers;
using static SecureStorageAnalyzers.Tests.Verifiers.WebFormsPages;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

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

    /// <summary>
    /// A page in three files, as Visual Studio writes one: the boxes declared in the designer file, the ties in another
    /// partial, the save in the code file. Two boxes named only for a name; the one the page copies into a person's name
    /// is reported, the one it copies into a course's is not, and the finding names the member the tie reads.
    /// </summary>
    [Fact]
    public async Task NameBoxes_DeclaredInTheDesignerFile_TiedInAnotherPartial_AreTiedOneByOneAsync()
    {
        var test = new VerifyCS.Test("""
            using System;
            using System.IO;

            public partial class Registration : System.Web.UI.Page
            {
                protected void SaveResume(object sender, EventArgs e)
                {
                    var f = new FileInfo(fResume.FileName);
                    {|#1:fResume.SaveAs(Server.MapPath(@"~\Resumes\") + {|#0:txtName.Text|} + f.Extension)|};
                    fResume.SaveAs(Server.MapPath(@"~\Courses\") + txtCourseName.Text + f.Extension);
                }
            }
            """, TestFramework.NetFramework48);
        test.TestState.Sources.Add(("Registration.aspx.designer.cs", """
            public partial class Registration
            {
                protected global::System.Web.UI.WebControls.TextBox txtCourseName;
                protected global::System.Web.UI.WebControls.TextBox txtName;
                protected global::System.Web.UI.WebControls.FileUpload fResume;
            }
            """));
        test.TestState.Sources.Add(("Registration.Submit.cs", """
            public partial class Registration
            {
                protected void Submit(object sender, System.EventArgs e)
                {
                    var course = new CourseEntity();
                    course.Name = txtCourseName.Text.Trim();
                    var candidate = new CandidateEntity { Email = "", Name = txtName.Text.Trim() };
                }
            }
            """ + Entities));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath).WithLocation(0).WithLocation(1)
            .WithArguments("txtName.Text", "a person's name", "the Text of the control 'txtName', which the code copies to or from CandidateEntity.Name", "'filename' of FileUpload.SaveAs", ""));
        await test.RunAsync();
    }
}
