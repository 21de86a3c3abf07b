using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A Web Forms control found at run time by its ID and read straight into a local
/// (<c>string authorNameText = ((TextBox)item.FindControl("txtAuthors")).Text.Trim()</c>): the local names what was
/// typed, as it does for a declared control (held-out set 10, dennisorbita1027-cell/MMSC
/// <c>ProcessorModule/StatComValRemarks.aspx.cs:349</c>: certificates named after the authors' names) (issue #21).
/// </summary>
public class SSA0101FoundControlTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task ARepeaterRowsBox_ReadIntoAnAuthorsName_IsReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Linq;
        using System.Text.RegularExpressions;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public partial class StatComValRemarks : System.Web.UI.Page
        {
            protected void Submit(object sender, EventArgs e)
            {
                RepeaterItem containerItem = (RepeaterItem)((Control)sender).NamingContainer;
                string authorNameText = ((TextBox)containerItem.FindControl("txtAuthors")).Text.Trim();
                string safeAuthorToken = Regex.Replace(authorNameText, "[^A-Za-z]", "_");
                string certificateFileName = $"Certification_{safeAuthorToken}_{DateTime.Now:yyyyMMdd}.docx"; //! SSA0101
                File.WriteAllText(Server.MapPath("~/App_Data/CertReports/" + certificateFileName), "x");
            }
        }
        """);

    [Fact]
    public Task ARepeaterRowsBox_ReadIntoAThingsName_IsNotReportedAsync() => VerifyAsync("""
        using System;
        using System.IO;
        using System.Web.UI;
        using System.Web.UI.WebControls;

        public partial class StatComValRemarks : System.Web.UI.Page
        {
            protected void Submit(object sender, EventArgs e)
            {
                RepeaterItem containerItem = (RepeaterItem)((Control)sender).NamingContainer;
                string projectTitleText = ((TextBox)containerItem.FindControl("txtAuthors")).Text.Trim();
                string fileName = $"Certification_{projectTitleText}_{DateTime.Now:yyyyMMdd}.docx";
                File.WriteAllText(Server.MapPath("~/App_Data/CertReports/" + fileName), "x");
            }
        }
        """);
}
