using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Held-out set 4 (a tutoring platform): a registration in an internal extension method whose only call is commented
/// out never runs, so SSA0001 does not report it. Decided without dataflow: the method cannot be called from outside
/// the project (internal or private, no InternalsVisibleTo) and its name is written nowhere else in the project's code.
/// A called one, and a public one (another project may call it), are still reported.
/// </summary>
public class SSA0001UncalledRegistrationTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer(), source);

    [Fact]
    public Task RegistrationInAnUncalledInternalExtension_IsNotReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        // app.UseRecordingFiles();
        app.UseCallExports();
        app.Run();

        internal static class StaticFileRegistrations
        {
            internal static IApplicationBuilder UseRecordingFiles(this IApplicationBuilder app) =>
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" });

            internal static IApplicationBuilder UseCallExports(this IApplicationBuilder app) =>
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/exports"), RequestPath = "/exports" }); //! SSA0001
        }

        public static class SharedRegistrations
        {
            public static IApplicationBuilder UseInvoiceFiles(this IApplicationBuilder app) =>
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/invoices"), RequestPath = "/invoices" }); //! SSA0001
        }
        """);

    /// <summary>With InternalsVisibleTo another assembly may call the internal extension: it is reported.</summary>
    [Fact]
    public Task RegistrationInAnInternalExtension_WithFriendAssemblies_IsReportedAsync() => VerifyAsync("""
        using Microsoft.Extensions.FileProviders;

        [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Recordings.Host")]

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Run();

        internal static class StaticFileRegistrations
        {
            internal static IApplicationBuilder UseRecordingFiles(this IApplicationBuilder app) =>
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider("/srv/recordings"), RequestPath = "/recordings" }); //! SSA0001
        }
        """);
}
