// The call-recording service of ../SecureStorageAnalyzers.Samples.IncidentApp, done right:
//   - every endpoint requires a signed-in user (fallback policy); playback also requires the RecordingsReader policy;
//   - recordings live in a private folder of the content root, never under wwwroot, never behind static files;
//   - files get opaque random names; the caller's phone number is data in the lookup, not part of any path;
//   - a recording is streamed only by an authorized endpoint, after the lookup finds it;
//   - no directory browsing outside Development, no ServeUnknownFileTypes, explicit content types for public assets;
//   - web.config turns IIS directory browsing off.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.StaticFiles;
using SecureStorageAnalyzers.Samples.SecureApp;

var builder = WebApplication.CreateBuilder(args);

// Sign-in itself belongs to your identity provider (add OpenID Connect here); an API answers 401/403, not a redirect.
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        options.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    });

builder.Services.AddAuthorizationBuilder()
    // Anything not marked otherwise needs a signed-in user.
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(RecordingStore.ReaderPolicy, policy => policy.RequireRole("Supervisor", "QualityAssurance"))
    .AddPolicy(RecordingStore.UploaderPolicy, policy => policy.RequireClaim("scope", "recordings.upload"));

builder.Services.AddSingleton<RecordingStore>();

if (builder.Environment.IsDevelopment())
{
    // Development only: lets a developer browse the public assets. The analyzers accept it because of the guard.
    builder.Services.AddDirectoryBrowser();
}

var app = builder.Build();

// Public assets (wwwroot only: CSS, scripts, images) are served before authentication, with an explicit list of
// content types: anything else in wwwroot is answered 404, whatever ends up there by mistake.
var publicAssetTypes = new FileExtensionContentTypeProvider(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    [".css"] = "text/css",
    [".js"] = "text/javascript",
    [".png"] = "image/png",
    [".svg"] = "image/svg+xml",
});
app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = publicAssetTypes });

if (app.Environment.IsDevelopment())
{
    app.UseDirectoryBrowser();
}

app.UseAuthentication();
app.UseAuthorization();

var recordings = app.MapGroup("/api/recordings");

// The telephony provider uploads with a client credential that carries the recordings.upload scope.
recordings.MapPost("/", async (string callerPhoneNumber, HttpRequest request, RecordingStore store) =>
{
    var recording = await store.SaveAsync(callerPhoneNumber, request.Body, request.HttpContext.RequestAborted);
    return Results.Created($"/api/recordings/{recording.Id}", new { recording.Id, recording.ReceivedAt });
}).RequireAuthorization(RecordingStore.UploaderPolicy);

// Playback: only for supervisors and quality assurance, only by id, only recordings the lookup knows.
recordings.MapGet("/{id:guid}", (Guid id, RecordingStore store) =>
    store.Find(id) is { } recording
        ? Results.File(recording.FilePath, "audio/mpeg", enableRangeProcessing: true)
        : Results.NotFound())
    .RequireAuthorization(RecordingStore.ReaderPolicy);

app.Run();
