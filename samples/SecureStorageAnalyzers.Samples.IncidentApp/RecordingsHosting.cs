using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace SecureStorageAnalyzers.Samples.IncidentApp;

/// <summary>How the staff play recordings back from a browser: the hosting setup, kept apart from Program.cs.</summary>
public static class RecordingsHosting
{
    public static IServiceCollection AddRecordings(this IServiceCollection services, IConfiguration configuration)
    {
        // Where the recordings go (appsettings.json "Storage"), and the service that writes them.
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.AddSingleton<CallStore>();

        // The directory listing services: they list nothing alone, so the listings below are the findings. [SSA0002 there]
        services.AddDirectoryBrowser();
        return services;
    }

    public static WebApplication UseRecordings(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var recordings = new PhysicalFileProvider(Path.Combine(app.Environment.ContentRootPath, options.Recordings));

        // WRONG: the recordings folder is served as static files to anonymous visitors, and any file in it is
        // downloadable whatever its extension: .mp3, .wav, the provider's .json call metadata, a forgotten backup.
        // [SSA0001, SSA0003; SSA0009: served + listed + named by caller, the whole incident in one finding]
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

        return app;
    }
}
