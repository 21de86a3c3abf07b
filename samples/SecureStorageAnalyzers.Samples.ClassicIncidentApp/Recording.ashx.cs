using System.Web;

namespace Hotline
{
    /// <summary>
    /// The call platform's recording endpoint: the telephony server POSTs each call's audio with the caller's number;
    /// the agents' player GETs it back with ?phone=. The recordings land in ~/recordings, a folder of the web site.
    /// </summary>
    public class Recording : IHttpHandler
    {
        public void ProcessRequest(HttpContext context)
        {
            var callerPhoneNumber = context.Request.QueryString["phone"];
            var path = context.Server.MapPath("~/recordings/" + callerPhoneNumber + ".wav");

            if (context.Request.HttpMethod == "POST")
            {
                context.Request.Files[0].SaveAs(path);
                return;
            }

            context.Response.ContentType = "audio/wav";
            context.Response.AddHeader("Content-Disposition", "attachment; filename=" + callerPhoneNumber + ".wav");
            context.Response.TransmitFile(path);
        }

        public bool IsReusable => false;
    }
}
