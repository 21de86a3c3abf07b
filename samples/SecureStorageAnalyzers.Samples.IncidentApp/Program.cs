// A call-recording service built the way the hotline's subcontractor built theirs. It stores what the telephony
// provider uploads and lets staff play it back from a browser. Every recording ends up readable by anyone:
//   - no authentication and no authorization anywhere in the pipeline;
//   - the recordings folder is listed, one sub-folder per day (directory browsing, in code and in web.config), and
//     the staff portal's listing is guarded by "not Production", which is true on a Staging server;
//   - every file is served whatever its extension (ServeUnknownFileTypes);
//   - each file is named after the caller's phone number, so the listing alone leaks who called and when.
// The recordings part is spread over four files the way real code spreads it: StorageOptions.cs (bound from
// appsettings.json), CallStore.cs (writes the files), RecordingsHosting.cs (serves and lists them), and this one.
// See ../SecureStorageAnalyzers.Samples.SecureApp for the same features done right.
using System.Globalization;
using SecureStorageAnalyzers.Samples.IncidentApp;

var builder = WebApplication.CreateBuilder(args);

// The recordings' options, store and listing services (RecordingsHosting.cs).
builder.Services.AddRecordings(builder.Configuration);

var app = builder.Build();

// The staff portal's pages, with a second listing hidden behind the wrong environment check (see StaffPortal.cs).
app.UseStaffPortal(app.Environment);

// The recordings: stored by CallStore.cs under the folder configured in appsettings.json (StorageOptions.cs), served
// and listed by RecordingsHosting.cs. Four files, one exposure: SSA0009 puts it together.
app.UseRecordings();
var store = app.Services.GetRequiredService<CallStore>();

// WRONG: "so support can grab the logs": the whole content root under /support, appsettings.json and all. [SSA0004]
app.UseStaticFiles(new StaticFileOptions
{
    FileProvider = app.Environment.ContentRootFileProvider,
    RequestPath = "/support",
});

// The telephony provider's webhook: POST /api/calls/{callerPhoneNumber}/recording with the MP3 as the body.
// WRONG: no authentication (anyone can upload, too); CallStore names the file after the caller. [SSA0101 in CallStore.cs]
app.MapPost("/api/calls/{callerPhoneNumber}/recording", async (string callerPhoneNumber, HttpRequest request) =>
{
    var day = await store.SaveAsync(callerPhoneNumber, request.Body, request.HttpContext.RequestAborted);
    return Results.Created($"/recordings/{day}/{Uri.EscapeDataString(callerPhoneNumber)}.mp3", null);
});

// The supervisors' daily call list (one caller number per line), written where their browser can fetch it.
// WRONG: under wwwroot, so UseStaticFiles hands it to anyone who asks for /exports/calls-<day>.csv. [SSA0006]
app.MapPost("/api/exports/daily", async (IWebHostEnvironment env) =>
{
    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var exports = Path.Combine(env.WebRootPath, "exports");
    Directory.CreateDirectory(exports);
    var callers = Directory.EnumerateFiles(Path.Combine(store.Root, day)).Select(f => Path.GetFileNameWithoutExtension(f));
    await File.WriteAllLinesAsync(Path.Combine(exports, $"calls-{day}.csv"), callers);
    return Results.Ok();
});

// "Play the latest call from a number": GET /api/calls/+15551234567/latest.
// WRONG: anonymous, and the route value picks the file, so anyone can fetch any caller's call. [SSA0005, SSA0101]
app.MapGet("/api/calls/{callerPhoneNumber}/latest", (string callerPhoneNumber) =>
{
    var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    return Results.File(Path.Combine(store.Root, day, callerPhoneNumber + ".mp3"), "audio/mpeg");
});

app.Run();
