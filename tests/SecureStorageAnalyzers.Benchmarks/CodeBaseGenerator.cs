using System.Globalization;
using System.Text;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>One generated source file: its path inside the project and its text.</summary>
public sealed record GeneratedFile(string Path, string Text)
{
    public int Lines { get; } = CountLines(Text);

    private static int CountLines(string text)
    {
        var lines = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}

/// <summary>A generated code base and the findings seeded into it, by rule id.</summary>
public sealed record GeneratedCodeBase(
    string Name,
    bool IsWebApp,
    int Features,
    IReadOnlyList<GeneratedFile> Files,
    IReadOnlyList<GeneratedFile> AdditionalFiles,
    IReadOnlyDictionary<string, int> SeededFindings)
{
    public int Lines => Files.Sum(f => f.Lines);

    /// <summary>Writes the code base as a buildable project, for a human to look at or <c>dotnet build</c>.</summary>
    public void WriteTo(string directory)
    {
        foreach (var file in Files.Concat(AdditionalFiles))
        {
            var path = System.IO.Path.Combine(directory, file.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        var sdk = IsWebApp ? "Microsoft.NET.Sdk.Web" : "Microsoft.NET.Sdk";
        var output = IsWebApp ? string.Empty : "\n    <OutputType>Library</OutputType>";
        File.WriteAllText(System.IO.Path.Combine(directory, Name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>{output}
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
            </Project>

            """);
    }
}

/// <summary>
/// Writes a realistic ASP.NET Core code base (or, for the no-ASP.NET case, a plain class library) at a chosen number of
/// feature folders. Each web feature has an entity with personal fields (FullName, Email, PhoneNumber, DateOfBirth) and
/// opaque ones (Guid Id, CreatedAt), a service that keeps files in a private folder under opaque names and does the usual
/// LINQ and string work, and a group of minimal-API endpoints; half the features also have an MVC controller, a quarter a
/// report/validation class. A seeded random
/// choice puts a few real findings into some features, like real code: a contact card named after a phone number
/// (SSA0101), an anonymous download picked by the route (SSA0005), a report written under the web root (SSA0006).
/// Feature 0 always has the SSA0101 finding and feature 1 the SSA0005 and SSA0006 ones, so small scales find all three.
/// </summary>
public static class CodeBaseGenerator
{
    public const string Ssa0101 = "SSA0101";
    public const string Ssa0005 = "SSA0005";
    public const string Ssa0006 = "SSA0006";

    private const string RootNamespace = "Contoso.Portal";

    private static readonly (string Singular, string Plural, string Extra, string ExtraType)[] Nouns =
    {
        ("Customer", "Customers", "BillingAddress", "string"),
        ("Patient", "Patients", "DateOfBirth", "DateOnly?"),
        ("Employee", "Employees", "HomeAddress", "string"),
        ("Member", "Members", "DateOfBirth", "DateOnly?"),
        ("Applicant", "Applicants", "PassportNumber", "string"),
        ("Student", "Students", "DateOfBirth", "DateOnly?"),
        ("Volunteer", "Volunteers", "HomeAddress", "string"),
        ("Guest", "Guests", "PassportNumber", "string"),
        ("Subscriber", "Subscribers", "BillingAddress", "string"),
        ("Driver", "Drivers", "DrivingLicenceNumber", "string"),
        ("Resident", "Residents", "HomeAddress", "string"),
        ("Passenger", "Passengers", "PassportNumber", "string"),
    };

    /// <summary>Generates the web app: <paramref name="features"/> feature folders plus Program.cs and the registrations.</summary>
    public static GeneratedCodeBase GenerateWebApp(int features, int seed = 20261125)
    {
        var files = new List<GeneratedFile>
        {
            new("GlobalUsings.cs", GlobalUsings(web: true)),
            new("Program.cs", ProgramFile()),
            new("Infrastructure/Paging.cs", PagingFile()),
        };
        var seeded = new Dictionary<string, int>(StringComparer.Ordinal) { [Ssa0101] = 0, [Ssa0005] = 0, [Ssa0006] = 0 };
        var registrations = new List<Feature>();
        for (var i = 0; i < features; i++)
        {
            var random = new Random(unchecked(seed * 31 + i));
            var feature = Feature.Create(i, random);
            registrations.Add(feature);
            seeded[Ssa0101] += feature.NamesFileAfterPhoneNumber ? 1 : 0;
            seeded[Ssa0005] += feature.AnonymousDownload ? 1 : 0;
            seeded[Ssa0006] += feature.WritesUnderWebRoot ? 1 : 0;
            files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}.cs", EntityFile(feature)));
            files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}Service.cs", ServiceFile(feature, web: true)));
            if (feature.HasController)
            {
                files.Add(new GeneratedFile($"{feature.Folder}/{feature.Plural}Controller.cs", ControllerFile(feature)));
            }

            files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}Endpoints.cs", EndpointsFile(feature)));
            if (feature.HasReports)
            {
                files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}Reports.cs", ReportsFile(feature)));
            }
        }

        files.Add(new GeneratedFile("Features/FeatureRegistration.cs", RegistrationFile(registrations)));
        var additional = new List<GeneratedFile>
        {
            new("web.config", WebConfig()),
        };
        return new GeneratedCodeBase("Contoso.Portal", IsWebApp: true, features, files, additional, seeded);
    }

    /// <summary>
    /// Generates the no-ASP.NET case: the same entities, services, LINQ and file work as a class library that references
    /// only Microsoft.NETCore.App. Nothing here is a web finding; SSA0101 runs here too (System.IO alone) and finds the
    /// contact cards named after phone numbers, as in the web app.
    /// </summary>
    public static GeneratedCodeBase GenerateClassLibrary(int features, int seed = 20261125)
    {
        var files = new List<GeneratedFile>
        {
            new("GlobalUsings.cs", GlobalUsings(web: false)),
            new("Infrastructure/Paging.cs", PagingFile()),
        };
        var seeded = new Dictionary<string, int>(StringComparer.Ordinal) { [Ssa0101] = 0 };
        for (var i = 0; i < features; i++)
        {
            var feature = Feature.Create(i, new Random(unchecked(seed * 31 + i)));
            seeded[Ssa0101] += feature.NamesFileAfterPhoneNumber ? 1 : 0;
            files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}.cs", EntityFile(feature)));
            files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}Service.cs", ServiceFile(feature, web: false)));
            if (feature.HasReports)
            {
                files.Add(new GeneratedFile($"{feature.Folder}/{feature.Singular}Reports.cs", ReportsFile(feature)));
            }
        }

        return new GeneratedCodeBase("Contoso.Library", IsWebApp: false, features, files, Array.Empty<GeneratedFile>(), seeded);
    }

    private sealed record Feature(
        int Index,
        string Singular,
        string Plural,
        string Extra,
        string ExtraType,
        string Key,
        bool NamesFileAfterPhoneNumber,
        bool AnonymousDownload,
        bool WritesUnderWebRoot,
        int PageSize)
    {
        public string Folder => $"Features/{Key}";

        public string Namespace => $"{RootNamespace}.Features.{Key}";

        /// <summary>Half the features also have an MVC controller (the rest are minimal APIs only).</summary>
        public bool HasController => Index % 2 == 0;

        /// <summary>A quarter of the features have a reporting and validation class.</summary>
        public bool HasReports => Index % 4 == 1;

        public string Route => $"{Plural.ToLowerInvariant()}-{Index.ToString("D4", CultureInfo.InvariantCulture)}";

        public static Feature Create(int index, Random random)
        {
            var noun = Nouns[index % Nouns.Length];
            var key = noun.Plural + index.ToString("D4", CultureInfo.InvariantCulture);
            // About 8 % of features name a file after a phone number, 3 % serve an anonymous download chosen by the route,
            // 3 % write a report under the web root: with 3.75 files per feature, about 3.7 findings per hundred files.
            var ssa0101 = index == 0 || random.NextDouble() < 0.08;
            var ssa0005 = index == 1 || random.NextDouble() < 0.03;
            var ssa0006 = index == 1 || random.NextDouble() < 0.03;
            var pageSize = 20 + random.Next(0, 5) * 10;
            return new Feature(index, noun.Singular, noun.Plural, noun.Extra, noun.ExtraType, key, ssa0101, ssa0005, ssa0006, pageSize);
        }
    }

    private static string GlobalUsings(bool web)
    {
        // The SDK's implicit usings (Microsoft.NET.Sdk.Web or Microsoft.NET.Sdk), written out.
        var builder = new StringBuilder();
        builder.AppendLine("// The implicit usings of the SDK, written out.");
        foreach (var name in new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" })
        {
            builder.Append("global using global::").Append(name).AppendLine(";");
        }

        if (web)
        {
            foreach (var name in new[]
            {
                "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
                "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
                "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
            })
            {
                builder.Append("global using global::").Append(name).AppendLine(";");
            }
        }

        return builder.ToString();
    }

    private static string ProgramFile() => $$"""
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Authorization;
        using {{RootNamespace}}.Features;

        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        builder.Services.AddAuthorization(options =>
        {
            // Everything needs a signed-in user unless it says otherwise.
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            options.AddPolicy("Administrators", policy => policy.RequireRole("Administrator"));
        });

        builder.Services.AddControllers();
        builder.Services.AddProblemDetails();
        builder.Services.AddFeatures();

        var app = builder.Build();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler();
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapControllers();
        app.MapFeatures();
        app.MapGet("/health", () => Results.Ok(new { status = "ok", at = DateTimeOffset.UtcNow })).AllowAnonymous();

        app.Run();

        """;

    private static string PagingFile() => $$"""
        namespace {{RootNamespace}}.Infrastructure;

        /// <summary>A page of results and the paging arithmetic every list endpoint needs.</summary>
        public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
        {
            public int PageCount => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

            public bool HasNext => PageNumber < PageCount;

            public static Page<T> From(IEnumerable<T> source, int pageNumber, int pageSize)
            {
                var all = source as IReadOnlyCollection<T> ?? source.ToList();
                var number = Math.Max(1, pageNumber);
                var size = Math.Clamp(pageSize, 1, 200);
                var items = all.Skip((number - 1) * size).Take(size).ToList();
                return new Page<T>(items, number, size, all.Count);
            }
        }

        """;

    private static string EntityFile(Feature f) => $$"""
        using System.ComponentModel.DataAnnotations;

        namespace {{f.Namespace}};

        /// <summary>A {{f.Singular.ToLowerInvariant()}} as stored by the {{f.Key}} feature.</summary>
        public sealed class {{f.Singular}}
        {
            public Guid Id { get; set; } = Guid.NewGuid();

            public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

            [Required, StringLength(200)]
            public string FullName { get; set; } = string.Empty;

            [Required, EmailAddress]
            public string Email { get; set; } = string.Empty;

            [Phone]
            public string PhoneNumber { get; set; } = string.Empty;

            public {{f.ExtraType}} {{f.Extra}} { get; set; }{{(f.ExtraType == "string" ? " = string.Empty;" : string.Empty)}}

            public {{f.Singular}}Status Status { get; set; } = {{f.Singular}}Status.Active;

            public decimal Balance { get; set; }

            public List<string> Tags { get; set; } = new();

            public List<Guid> AttachmentIds { get; set; } = new();
        }

        public enum {{f.Singular}}Status
        {
            Active,
            Suspended,
            Closed,
        }

        public sealed record {{f.Singular}}Summary(Guid Id, string DisplayName, {{f.Singular}}Status Status, DateTimeOffset CreatedAt);

        public sealed record Create{{f.Singular}}Request(
            [property: Required] string FullName,
            [property: Required, EmailAddress] string Email,
            string PhoneNumber,
            IReadOnlyList<string>? Tags);

        """;

    private static string ServiceFile(Feature f, bool web)
    {
        var ctorParameter = web ? "IWebHostEnvironment environment, ILogger<" + f.Singular + "Service> logger" : "string contentRoot";
        var rootExpression = web ? "environment.ContentRootPath" : "contentRoot";
        var log = web ? $"_logger.LogInformation(\"Stored attachment {{AttachmentId}} for {f.Singular.ToLowerInvariant()} {{Id}}\", attachmentId, id);" : "Stored++;";
        var fields = web
            ? $"private readonly ILogger<{f.Singular}Service> _logger;\n    private readonly IWebHostEnvironment _environment;"
            : "public int Stored { get; private set; }";
        var assignments = web ? "_logger = logger;\n        _environment = environment;" : string.Empty;
        var builder = new StringBuilder();
        builder.Append($$"""
            using System.Collections.Concurrent;
            using System.Globalization;
            using System.Text;
            using {{RootNamespace}}.Infrastructure;

            namespace {{f.Namespace}};

            /// <summary>Keeps {{f.Plural.ToLowerInvariant()}} in memory and their attachments in a private folder under opaque names.</summary>
            public sealed class {{f.Singular}}Service
            {
                private static readonly string[] AllowedExtensions = { ".pdf", ".png", ".jpg", ".txt" };

                private readonly ConcurrentDictionary<Guid, {{f.Singular}}> _items = new();
                private readonly string _root;
                {{fields}}

                public {{f.Singular}}Service({{ctorParameter}})
                {
                    _root = Path.Combine({{rootExpression}}, "App_Data", "{{f.Route}}");
                    Directory.CreateDirectory(_root);
                    {{assignments}}
                }

                public Page<{{f.Singular}}Summary> Search(string? term, {{f.Singular}}Status? status, int page)
                {
                    IEnumerable<{{f.Singular}}> query = _items.Values;
                    if (!string.IsNullOrWhiteSpace(term))
                    {
                        var needle = term.Trim();
                        query = query.Where(x => x.FullName.Contains(needle, StringComparison.OrdinalIgnoreCase)
                            || x.Email.StartsWith(needle, StringComparison.OrdinalIgnoreCase)
                            || x.Tags.Any(t => string.Equals(t, needle, StringComparison.OrdinalIgnoreCase)));
                    }

                    if (status is { } wanted)
                    {
                        query = query.Where(x => x.Status == wanted);
                    }

                    var summaries = query
                        .OrderByDescending(x => x.CreatedAt)
                        .ThenBy(x => x.FullName, StringComparer.Ordinal)
                        .Select(x => new {{f.Singular}}Summary(x.Id, DisplayName(x), x.Status, x.CreatedAt));
                    return Page<{{f.Singular}}Summary>.From(summaries, page, {{f.PageSize}});
                }

                public {{f.Singular}}? Find(Guid id) => _items.TryGetValue(id, out var item) ? item : null;

                public {{f.Singular}} Create(Create{{f.Singular}}Request request)
                {
                    var item = new {{f.Singular}}
                    {
                        FullName = string.Join(' ', request.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
                        Email = request.Email.Trim().ToLowerInvariant(),
                        PhoneNumber = NormalizePhone(request.PhoneNumber),
                        Tags = request.Tags?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? new List<string>(),
                    };
                    _items[item.Id] = item;
                    return item;
                }

                public async Task<Guid> SaveAttachmentAsync(Guid id, Stream content, string extension, CancellationToken cancellationToken)
                {
                    if (!AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new ArgumentException($"Extension {extension} is not allowed.", nameof(extension));
                    }

                    var attachmentId = Guid.NewGuid();
                    var folder = Path.Combine(_root, id.ToString("N"));
                    Directory.CreateDirectory(folder);
                    var path = Path.Combine(folder, attachmentId.ToString("N") + extension.ToLowerInvariant());
                    await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        await content.CopyToAsync(file, cancellationToken);
                    }

                    _items.GetValueOrDefault(id)?.AttachmentIds.Add(attachmentId);
                    {{log}}
                    return attachmentId;
                }

                public string? FindAttachment(Guid id, Guid attachmentId)
                {
                    var folder = Path.Combine(_root, id.ToString("N"));
                    return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, attachmentId.ToString("N") + ".*").FirstOrDefault() : null;
                }

                public async Task<string> ExportAsync(CancellationToken cancellationToken)
                {
                    var lines = _items.Values
                        .GroupBy(x => x.Status)
                        .OrderBy(g => g.Key)
                        .Select(g => string.Join(';', g.Key, g.Count(), g.Sum(x => x.Balance).ToString("F2", CultureInfo.InvariantCulture)));
                    var folder = Path.Combine(_root, "exports");
                    Directory.CreateDirectory(folder);
                    var path = Path.Combine(folder, $"summary-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
                    await File.WriteAllLinesAsync(path, lines, cancellationToken);
                    return Path.GetFileName(path);
                }

            """);
        if (f.NamesFileAfterPhoneNumber)
        {
            // SSA0101: the contact card is named after the phone number, so a directory listing leaks it.
            builder.Append($$"""

                    public async Task SaveContactCardAsync({{f.Singular}} item, CancellationToken cancellationToken)
                    {
                        var card = new StringBuilder()
                            .AppendLine("BEGIN:VCARD")
                            .Append("FN:").AppendLine(item.FullName)
                            .Append("TEL:").AppendLine(item.PhoneNumber)
                            .AppendLine("END:VCARD");
                        var folder = Path.Combine(_root, "cards");
                        Directory.CreateDirectory(folder);
                        await File.WriteAllTextAsync(Path.Combine(folder, item.PhoneNumber + ".vcf"), card.ToString(), cancellationToken);
                    }

                """);
        }

        if (web && f.WritesUnderWebRoot)
        {
            // SSA0006: a report written where UseStaticFiles serves it to anyone.
            builder.Append($$"""

                    public async Task<string> PublishReportAsync(CancellationToken cancellationToken)
                    {
                        var folder = Path.Combine(_environment.WebRootPath, "reports");
                        Directory.CreateDirectory(folder);
                        var name = $"{{f.Route}}-{DateTime.UtcNow:yyyy-MM-dd}.csv";
                        var rows = _items.Values.Select(x => $"{x.Id:N};{x.Status};{x.CreatedAt:O}");
                        await File.WriteAllLinesAsync(Path.Combine(folder, name), rows, cancellationToken);
                        return "/reports/" + name;
                    }

                """);
        }

        builder.Append($$"""

                private static string DisplayName({{f.Singular}} item)
                    => item.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } parts
                        ? parts[0] + " " + char.ToUpperInvariant(parts[^1][0]) + "."
                        : item.FullName;

                private static string NormalizePhone(string value)
                {
                    var digits = new StringBuilder(value.Length);
                    foreach (var c in value)
                    {
                        if (char.IsDigit(c) || (c == '+' && digits.Length == 0))
                        {
                            digits.Append(c);
                        }
                    }

                    return digits.ToString();
                }
            }

            """);
        return builder.ToString();
    }

    private static string ControllerFile(Feature f) => $$"""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using {{RootNamespace}}.Infrastructure;

        namespace {{f.Namespace}};

        [ApiController]
        [Authorize]
        [Route("api/{{f.Route}}")]
        public sealed class {{f.Plural}}Controller : ControllerBase
        {
            private readonly {{f.Singular}}Service _service;
            private readonly ILogger<{{f.Plural}}Controller> _logger;

            public {{f.Plural}}Controller({{f.Singular}}Service service, ILogger<{{f.Plural}}Controller> logger)
            {
                _service = service;
                _logger = logger;
            }

            [HttpGet]
            public ActionResult<Page<{{f.Singular}}Summary>> List([FromQuery] string? q, [FromQuery] {{f.Singular}}Status? status, [FromQuery] int page = 1)
                => Ok(_service.Search(q, status, page));

            [HttpGet("{id:guid}")]
            public ActionResult<{{f.Singular}}> Get(Guid id)
                => _service.Find(id) is { } item ? Ok(item) : NotFound();

            [HttpPost]
            public ActionResult<{{f.Singular}}> Create(Create{{f.Singular}}Request request)
            {
                var item = _service.Create(request);
                _logger.LogInformation("Created {{f.Singular.ToLowerInvariant()}} {Id}", item.Id);
                return CreatedAtAction(nameof(Get), new { id = item.Id }, item);
            }

            [HttpPost("{id:guid}/attachments")]
            [RequestSizeLimit(10_000_000)]
            public async Task<IActionResult> Upload(Guid id, IFormFile file, CancellationToken cancellationToken)
            {
                if (_service.Find(id) is null)
                {
                    return NotFound();
                }

                var extension = Path.GetExtension(file.FileName);
                await using var stream = file.OpenReadStream();
                var attachmentId = await _service.SaveAttachmentAsync(id, stream, extension, cancellationToken);
                return CreatedAtAction(nameof(Download), new { id, attachmentId }, new { attachmentId });
            }

            [HttpGet("{id:guid}/attachments/{attachmentId:guid}")]
            public IActionResult Download(Guid id, Guid attachmentId)
            {
                var path = _service.FindAttachment(id, attachmentId);
                if (path is null)
                {
                    return NotFound();
                }

                var contentType = Path.GetExtension(path).ToLowerInvariant() switch
                {
                    ".pdf" => "application/pdf",
                    ".png" => "image/png",
                    ".jpg" => "image/jpeg",
                    _ => "application/octet-stream",
                };
                return PhysicalFile(path, contentType, $"{attachmentId:N}{Path.GetExtension(path)}");
            }

            [HttpPost("export")]
            [Authorize(Policy = "Administrators")]
            public async Task<IActionResult> Export(CancellationToken cancellationToken)
                => Ok(new { file = await _service.ExportAsync(cancellationToken) });
        }

        """;

    private static string EndpointsFile(Feature f)
    {
        var builder = new StringBuilder();
        builder.Append($$"""
            using Microsoft.AspNetCore.Mvc;

            namespace {{f.Namespace}};

            public static class {{f.Singular}}Endpoints
            {
                public static IServiceCollection Add{{f.Key}}(this IServiceCollection services)
                    => services.AddSingleton<{{f.Singular}}Service>();

                public static IEndpointRouteBuilder Map{{f.Key}}Endpoints(this IEndpointRouteBuilder endpoints)
                {
                    var group = endpoints.MapGroup("/api/v2/{{f.Route}}").RequireAuthorization();

                    group.MapGet("/", ([FromQuery] string? q, [FromQuery] {{f.Singular}}Status? status, [FromQuery] int? page, {{f.Singular}}Service service)
                        => Results.Ok(service.Search(q, status, page ?? 1)));

                    group.MapGet("/{id:guid}", (Guid id, {{f.Singular}}Service service)
                        => service.Find(id) is { } item ? Results.Ok(item) : Results.NotFound());

                    group.MapPost("/", (Create{{f.Singular}}Request request, {{f.Singular}}Service service) =>
                    {
                        var item = service.Create(request);
                        return Results.Created($"/api/v2/{{f.Route}}/{item.Id}", item);
                    });

                    group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", (Guid id, Guid attachmentId, {{f.Singular}}Service service) =>
                    {
                        var path = service.FindAttachment(id, attachmentId);
                        return path is null ? Results.NotFound() : Results.File(path, "application/octet-stream");
                    });

                    group.MapPost("/export", async ({{f.Singular}}Service service, CancellationToken cancellationToken)
                        => Results.Ok(new { file = await service.ExportAsync(cancellationToken) }))
                        .RequireAuthorization("Administrators");

            """);
        if (f.AnonymousDownload)
        {
            // SSA0005: "the brochure download", anonymous, and the route value picks the file.
            builder.Append($$"""

                        endpoints.MapGet("/public/{{f.Route}}/{fileName}", (string fileName, IWebHostEnvironment environment)
                            => Results.File(Path.Combine(environment.ContentRootPath, "brochures", fileName), "application/pdf"))
                            .AllowAnonymous();

                """);
        }

        builder.Append("""

                    return endpoints;
                }
            }

            """);
        return builder.ToString();
    }

    private static string ReportsFile(Feature f) => $$"""
        using System.Globalization;
        using System.Text;
        using System.Text.RegularExpressions;

        namespace {{f.Namespace}};

        /// <summary>Validation and reporting for {{f.Plural.ToLowerInvariant()}}: string and LINQ work, no I/O.</summary>
        public static class {{f.Singular}}Reports
        {
            private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

            public static IReadOnlyList<string> Validate(Create{{f.Singular}}Request request)
            {
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(request.FullName) || request.FullName.Length > 200)
                {
                    errors.Add("FullName is required and at most 200 characters.");
                }

                if (!EmailPattern.IsMatch(request.Email))
                {
                    errors.Add("Email is not valid.");
                }

                if (request.PhoneNumber.Count(char.IsDigit) is < 6 or > 15)
                {
                    errors.Add("PhoneNumber must have 6 to 15 digits.");
                }

                if (request.Tags is { Count: > 10 })
                {
                    errors.Add("At most 10 tags.");
                }

                return errors;
            }

            public static string StatusTable(IEnumerable<{{f.Singular}}> items)
            {
                var rows = items
                    .GroupBy(x => x.Status)
                    .Select(g => new { Status = g.Key, Count = g.Count(), Balance = g.Sum(x => x.Balance), Newest = g.Max(x => x.CreatedAt) })
                    .OrderByDescending(r => r.Count)
                    .ToList();
                var text = new StringBuilder();
                text.AppendLine("| Status | Count | Balance | Newest |");
                text.AppendLine("|---|---:|---:|---|");
                foreach (var row in rows)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| {row.Status} | {row.Count} | {row.Balance:N2} | {row.Newest:yyyy-MM-dd} |").AppendLine();
                }

                return text.ToString();
            }

            public static decimal AverageBalance(IEnumerable<{{f.Singular}}> items, DateTimeOffset since)
            {
                var recent = items.Where(x => x.CreatedAt >= since && x.Status != {{f.Singular}}Status.Closed).Select(x => x.Balance).ToArray();
                return recent.Length == 0 ? 0m : Math.Round(recent.Average(), 2, MidpointRounding.ToEven);
            }
        }

        """;

    private static string RegistrationFile(IReadOnlyList<Feature> features)
    {
        var builder = new StringBuilder();
        foreach (var feature in features)
        {
            builder.Append("using ").Append(feature.Namespace).AppendLine(";");
        }

        builder.AppendLine().Append("namespace ").Append(RootNamespace).AppendLine(".Features;").AppendLine();
        builder.AppendLine("/// <summary>Registers and maps every feature folder.</summary>");
        builder.AppendLine("public static class FeatureRegistration");
        builder.AppendLine("{");
        builder.AppendLine("    public static IServiceCollection AddFeatures(this IServiceCollection services)");
        builder.AppendLine("    {");
        foreach (var feature in features)
        {
            builder.Append("        services.Add").Append(feature.Key).AppendLine("();");
        }

        builder.AppendLine("        return services;");
        builder.AppendLine("    }");
        builder.AppendLine();
        builder.AppendLine("    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder endpoints)");
        builder.AppendLine("    {");
        foreach (var feature in features)
        {
            builder.Append("        endpoints.Map").Append(feature.Key).AppendLine("Endpoints();");
        }

        builder.AppendLine("        return endpoints;");
        builder.AppendLine("    }");
        builder.AppendLine("}");
        return builder.ToString();
    }

    private static string WebConfig() => """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <location path="." inheritInChildApplications="false">
            <system.webServer>
              <handlers>
                <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
              </handlers>
              <aspNetCore processPath="dotnet" arguments=".\Contoso.Portal.dll" stdoutLogEnabled="false" hostingModel="inprocess" />
              <directoryBrowse enabled="false" />
            </system.webServer>
          </location>
        </configuration>

        """;
}
