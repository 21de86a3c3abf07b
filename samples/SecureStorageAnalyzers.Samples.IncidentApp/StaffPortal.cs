namespace SecureStorageAnalyzers.Samples.IncidentApp;

/// <summary>
/// The staff portal (the pages under wwwroot), registered Startup-style from the app's first version, when this code
/// lived in <c>Startup.Configure(IApplicationBuilder app, IWebHostEnvironment env)</c>.
/// </summary>
public static class StaffPortal
{
    public static IApplicationBuilder UseStaffPortal(this IApplicationBuilder app, IWebHostEnvironment environment)
    {
        // WRONG: "not Production" is not "Development". The subcontractor's server ran as Staging, so the listing was
        // switched on exactly where the recordings were. Only IsDevelopment() keeps this off deployed servers. [SSA0002]
        if (!environment.IsProduction())
        {
            app.UseFileServer(enableDirectoryBrowsing: true);
        }

        return app;
    }
}
