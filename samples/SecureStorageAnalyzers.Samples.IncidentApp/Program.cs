// A call-recording service built the way the hotline's subcontractor built theirs. It stores what the telephony
// provider uploads and lets staff play it back from a browser. Every recording ends up readable by anyone:
//   - no authentication and no authorization anywhere in the pipeline;
//   - the recordings folder is listed, one sub-folder per day (directory browsing, in code and in web.config), and
//     the staff portal's listing is guarded by "not Production", which is true on a Staging server;
//   - every file is served whatever its extension (ServeUnknownFileTypes);
//   - each file is named after the caller's phone number, so the listing alone leaks who called and when.
// See ../SecureStorageAnalyzers.Samples.SecureApp for the same features done right.
using System.Globalization;
using Microsoft.Extensions.FileProviders;
using SecureStorageAnalyzers.Samples.IncidentApp;

var builder = WebApplication.CreateBuilder(args);

// The directory listing services: they list nothing alone, so the listings below are the findings. [SSA0002 there]
builder.Services.AddDirectoryBrowser();

var app = builder.Build();

// The staff portal's pages, with a second listing hidden behind the wrong environment check (see StaffPortal.cs).
app.UseStaffPortal(app.Environment);

var recordingsRoot = Path.Combine(app.Environment.ContentRootPath, "recordings");
Directory.CreateDirectory(recordingsRoot);
var recordings = new PhysicalFileProvider(recordingsRoot);

// WRONG: the recordings folder is served as static files to anonymous visitors, and any file in it is downloadable
// whatever its extension: .mp3, .wav, the provider's .json call metadata, a forgotten backup. [SSA0001, SSA0003]
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = recordings,
    RequestPath = "/recordings",
    ServeUnknownFileTypes = true,
});

// WRONG: /recordings/ answers with a clickable list of day folders, each listing its recordings. [SSA0002, private folder]
app.UseDirectoryBrowser(new DirectoryBrowserOptions
{
    FileProvider = recordings,
    RequestPath = "/recordings",
});

// WRONG: the old URL the call centre bookmarked, kept "for convenience": a file server with browsing on. [SSA0001, SSA0002]
app.UseFileServer(new FileServerOptions
{
    FileProvider = recordings,
    RequestPath = "/archive",
    EnableDirectoryBrowsing = true,
});

// WRONG: "so support can grab the logs": the whole content root under /support, appsettings.json and all. [SSA0004]
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = app.Environment.ContentRootFileProvider,
    RequestPath = "/support",
});

// The telephony provider's webhook: POST /api/calls/{callerPhoneNumber}/recording with the MP3 as the body.
// WRONG: no authentication (anyone can upload, too), and the caller's phone number becomes the file name:
// recordings/2024-05-17/+15551234567.mp3. Anyone who sees the listing or guesses a number has the call. [SSA0101]
app.MapPost("/api/calls/{callerPhoneNumber}/recording", async (string callerPhoneNumber, HttpRequest request) =>
{
    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var folder = Path.Combine(recordingsRoot, day);
    Directory.CreateDirectory(folder);

    var path = Path.Combine(folder, callerPhoneNumber + ".mp3");
    await using (var file = File.Create(path))
    {
        await request.Body.CopyToAsync(file, request.HttpContext.RequestAborted);
    }

    return Results.Created($"/recordings/{day}/{Uri.EscapeDataString(callerPhoneNumber)}.mp3", null);
});

// The supervisors' daily call list (one caller number per line), written where their browser can fetch it.
// WRONG: under wwwroot, so UseStaticFiles hands it to anyone who asks for /exports/calls-<day>.csv. [SSA0006]
app.MapPost("/api/exports/daily", async (IWebHostEnvironment env) =>
{
    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var exports = Path.Combine(env.WebRootPath, "exports");
    Directory.CreateDirectory(exports);
    var callers = Directory.EnumerateFiles(Path.Combine(recordingsRoot, day)).Select(f => Path.GetFileNameWithoutExtension(f));
    await File.WriteAllLinesAsync(Path.Combine(exports, $"calls-{day}.csv"), callers);
    return Results.Ok();
});

// "Play the latest call from a number": GET /api/calls/+15551234567/latest.
// WRONG: anonymous, and the route value picks the file, so anyone can fetch any caller's call. [SSA0005, SSA0101]
app.MapGet("/api/calls/{callerPhoneNumber}/latest", (string callerPhoneNumber) =>
{
    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    return Results.File(Path.Combine(recordingsRoot, day, callerPhoneNumber + ".mp3"), "audio/mpeg");
});

app.Run();
