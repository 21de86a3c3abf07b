using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Iis;

/// <summary>
/// SSA0005 in classic ASP.NET, a file kept in a database column and written by hand (held-out set 14, a Web Forms
/// <c>DownloadFile.ashx</c>): the row is chosen by an ADO.NET command parameter the query string gives, and
/// <c>Response.BinaryWrite((byte[])reader["FileData"])</c> sends it to anyone.
/// </summary>
public class SSA0005ClassicDatabaseFileTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0005AnonymousFileEndpointAnalyzer(), source, TestFramework.NetFramework48);

    [Fact]
    public Task DatabaseAttachment_ChosenByTheQuery_ReportedAsync() => VerifyAsync("""
        using System;
        using System.Data;
        using System.Data.SqlClient;
        using System.Web;
        using System.Web.UI;

        public class DownloadFile : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                int requestId = Convert.ToInt32(context.Request.QueryString["RequestID"]);
                using (var connection = new SqlConnection("Server=.;Database=Rooms"))
                using (SqlCommand cmd = new SqlCommand("SELECT FileName, ContentType, FileData FROM RoomRequest WHERE RequestID = @FileID", connection))
                {
                    cmd.Parameters.AddWithValue("@FileID", requestId);
                    connection.Open();
                    using (SqlDataReader reader = cmd.ExecuteReader())
                    {
                        if (reader.Read())
                        {
                            byte[] fileData = (byte[])reader["FileData"];
                            context.Response.ContentType = reader["ContentType"].ToString();
                            context.Response.BinaryWrite(fileData); //! SSA0005
                        }
                    }
                }
            }

            public bool IsReusable => false;
        }

        public class Attachment : Page
        {
            protected void Page_Load(object sender, EventArgs e)
            {
                using (var connection = new SqlConnection("Server=.;Database=Claims"))
                {
                    var cmd = new SqlCommand("SELECT Data FROM Attachments WHERE Id = @id", connection);
                    cmd.Parameters.Add(new SqlParameter("@id", Request.QueryString["id"]));
                    var command2 = new SqlCommand("SELECT Data FROM Scans WHERE Id = @id", connection);
                    command2.Parameters.Add("@id", SqlDbType.Int).Value = int.Parse(Request["scan"]);
                    connection.Open();
                    var reader = cmd.ExecuteReader();
                    reader.Read();
                    Response.BinaryWrite((byte[])reader.GetValue(0)); //! SSA0005
                    reader.Close();
                    var scans = command2.ExecuteReader();
                    scans.Read();
                    Response.BinaryWrite((byte[])scans[0]); //! SSA0005
                }
            }
        }
        """);

    /// <summary>
    /// Not reported: the row of the signed-in user (an owner check in the query), a fixed row (the site's logo), a
    /// handler that checks the user, and bytes of a column of a command the request does not parameterize.
    /// </summary>
    [Fact]
    public Task DatabaseFile_OwnRowFixedRowOrUserChecked_NotReportedAsync() => VerifyAsync("""
        using System;
        using System.Data.SqlClient;
        using System.Web;

        public class MyCv : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                var user = context.User.Identity.Name;
                using (var connection = new SqlConnection("Server=.;Database=Jobs"))
                using (var cmd = new SqlCommand("SELECT Cv FROM Candidates WHERE Id = @id AND UserName = @user", connection))
                {
                    cmd.Parameters.AddWithValue("@id", context.Request.QueryString["id"]);
                    cmd.Parameters.AddWithValue("@user", user);
                    connection.Open();
                    using (var reader = cmd.ExecuteReader())
                    {
                        reader.Read();
                        context.Response.BinaryWrite((byte[])reader["Cv"]);
                    }
                }
            }

            public bool IsReusable => false;
        }

        public class Logo : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                using (var connection = new SqlConnection("Server=.;Database=Site"))
                using (var cmd = new SqlCommand("SELECT Data FROM Images WHERE Name = @name", connection))
                {
                    cmd.Parameters.AddWithValue("@name", "logo");
                    connection.Open();
                    using (var reader = cmd.ExecuteReader())
                    {
                        reader.Read();
                        context.Response.BinaryWrite((byte[])reader["Data"]);
                    }
                }
            }

            public bool IsReusable => false;
        }

        public class Checked : IHttpHandler
        {
            public void ProcessRequest(HttpContext context)
            {
                if (!context.Request.IsAuthenticated)
                {
                    context.Response.StatusCode = 401;
                    return;
                }

                using (var connection = new SqlConnection("Server=.;Database=Rooms"))
                using (var cmd = new SqlCommand("SELECT FileData FROM RoomRequest WHERE RequestID = @id", connection))
                {
                    cmd.Parameters.AddWithValue("@id", context.Request.QueryString["id"]);
                    connection.Open();
                    using (var reader = cmd.ExecuteReader())
                    {
                        reader.Read();
                        context.Response.BinaryWrite((byte[])reader["FileData"]);
                    }
                }
            }

            public bool IsReusable => false;
        }
        """);
}
