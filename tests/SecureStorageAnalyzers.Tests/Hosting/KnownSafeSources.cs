namespace SecureStorageAnalyzers.Tests.Hosting;

/// <summary>
/// Code that the static-file rules must leave alone: the Program.cs of the SDK 10 <c>dotnet new</c> templates, verbatim
/// (the webapi template's OpenAPI calls come from a NuGet package, so a stub stands in for it), the Startup class of the
/// older templates, and the examples of the
/// ASP.NET Core "Static files" documentation page that do not turn on browsing or unknown types.
/// </summary>
internal static class KnownSafeSources
{
    public const string WebTemplate = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        app.MapGet("/", () => "Hello World!");

        app.Run();
        """;

    public const string WebAppTemplate = """
        var builder = WebApplication.CreateBuilder(args);

        // Add services to the container.
        builder.Services.AddRazorPages();

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            // The default HSTS value is 30 days. You may want to change this for production scenarios, see https://aka.ms/aspnetcore-hsts.
            app.UseHsts();
        }

        app.UseHttpsRedirection();

        app.UseRouting();

        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapRazorPages()
           .WithStaticAssets();

        app.Run();
        """;

    public const string MvcTemplate = """
        var builder = WebApplication.CreateBuilder(args);

        // Add services to the container.
        builder.Services.AddControllersWithViews();

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Home/Error");
            // The default HSTS value is 30 days. You may want to change this for production scenarios, see https://aka.ms/aspnetcore-hsts.
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseRouting();

        app.UseAuthorization();

        app.MapStaticAssets();

        app.MapControllerRoute(
            name: "default",
            pattern: "{controller=Home}/{action=Index}/{id?}")
            .WithStaticAssets();


        app.Run();
        """;

    public const string WebApiTemplate = """
        var builder = WebApplication.CreateBuilder(args);

        // Add services to the container.
        // Learn more about configuring OpenAPI at https://aka.ms/aspnet/openapi
        builder.Services.AddOpenApi();

        var app = builder.Build();

        // Configure the HTTP request pipeline.
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }

        app.UseHttpsRedirection();

        var summaries = new[]
        {
            "Freezing", "Bracing", "Chilly", "Cool", "Mild", "Warm", "Balmy", "Hot", "Sweltering", "Scorching"
        };

        app.MapGet("/weatherforecast", () =>
        {
            var forecast =  Enumerable.Range(1, 5).Select(index =>
                new WeatherForecast
                (
                    DateOnly.FromDateTime(DateTime.Now.AddDays(index)),
                    Random.Shared.Next(-20, 55),
                    summaries[Random.Shared.Next(summaries.Length)]
                ))
                .ToArray();
            return forecast;
        })
        .WithName("GetWeatherForecast");

        app.Run();

        record WeatherForecast(DateOnly Date, int TemperatureC, string? Summary)
        {
            public int TemperatureF => 32 + (int)(TemperatureC / 0.5556);
        }

        // Stand-in for the Microsoft.AspNetCore.OpenApi package the template references.
        static class OpenApiStub
        {
            public static IServiceCollection AddOpenApi(this IServiceCollection services) => services;
            public static IEndpointRouteBuilder MapOpenApi(this IEndpointRouteBuilder endpoints) => endpoints;
        }
        """;

    /// <summary>The Startup-class hosting model, as the ASP.NET Core 3.1/5.0 <c>webapp</c> template wrote it.</summary>
    public const string StartupClassTemplate = """
        public class Program
        {
            public static void Main(string[] args)
            {
                CreateHostBuilder(args).Build().Run();
            }

            public static IHostBuilder CreateHostBuilder(string[] args) =>
                Host.CreateDefaultBuilder(args)
                    .ConfigureWebHostDefaults(webBuilder =>
                    {
                        webBuilder.UseStartup<Startup>();
                    });
        }

        public class Startup
        {
            public Startup(IConfiguration configuration)
            {
                Configuration = configuration;
            }

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddRazorPages();
            }

            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/Error");
                    app.UseHsts();
                }

                app.UseHttpsRedirection();
                app.UseStaticFiles();

                app.UseRouting();

                app.UseAuthorization();

                app.UseEndpoints(endpoints =>
                {
                    endpoints.MapRazorPages();
                });
            }
        }
        """;

    /// <summary>The "Static files in ASP.NET Core" page: serve wwwroot, another folder, custom MIME mappings, a file server without browsing.</summary>
    public const string StaticFilesDocsExamples = """
        using Microsoft.AspNetCore.StaticFiles;
        using Microsoft.Extensions.FileProviders;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages();

        var app = builder.Build();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseStaticFiles();

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(
                   Path.Combine(builder.Environment.ContentRootPath, "MyStaticFiles")),
            RequestPath = "/StaticFiles"
        });

        var provider = new FileExtensionContentTypeProvider();
        // Add new mappings
        provider.Mappings[".myapp"] = "application/x-msdownload";
        provider.Mappings[".htm3"] = "text/html";
        provider.Mappings[".image"] = "image/png";
        // Replace an existing mapping
        provider.Mappings[".rtf"] = "application/x-msdownload";
        // Remove MP4 videos.
        provider.Mappings.Remove(".mp4");

        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = provider
        });

        app.UseFileServer();
        app.UseFileServer(enableDirectoryBrowsing: false);
        app.UseFileServer(new FileServerOptions
        {
            FileProvider = new PhysicalFileProvider(
                   Path.Combine(builder.Environment.ContentRootPath, "MyStaticFiles")),
            RequestPath = "/StaticFiles",
            EnableDirectoryBrowsing = false
        });

        app.UseAuthorization();
        app.MapDefaultControllerRoute();
        app.MapRazorPages();

        app.Run();
        """;

    /// <summary>The names of the sources above, for <c>[MemberData]</c> (readable test names).</summary>
    public static TheoryData<string> Names => new()
    {
        nameof(WebTemplate),
        nameof(WebAppTemplate),
        nameof(MvcTemplate),
        nameof(WebApiTemplate),
        nameof(StartupClassTemplate),
        nameof(StaticFilesDocsExamples),
    };

    public static string Get(string name) => name switch
    {
        nameof(WebTemplate) => WebTemplate,
        nameof(WebAppTemplate) => WebAppTemplate,
        nameof(MvcTemplate) => MvcTemplate,
        nameof(WebApiTemplate) => WebApiTemplate,
        nameof(StartupClassTemplate) => StartupClassTemplate,
        nameof(StaticFilesDocsExamples) => StaticFilesDocsExamples,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
