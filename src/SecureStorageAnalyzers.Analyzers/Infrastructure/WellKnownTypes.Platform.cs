using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// The platform types the shared facts read: the value-flow policies, the storage sinks, the personal-data
/// classifier and the folder-identity model. Each is resolved on first use and cached by name (<see cref="Get"/>); a
/// type the compilation lacks is <see langword="null"/>. None is behind the ASP.NET Core gate: these facts serve
/// projects without ASP.NET Core too (a worker binds options the same way).
/// </summary>
internal sealed partial class WellKnownTypes
{
    // System and System.IO.
    public INamedTypeSymbol? String => Get("System.String");
    public INamedTypeSymbol? Guid => Get("System.Guid");
    public INamedTypeSymbol? Uri => Get("System.Uri");

    // An HTTP request's client and message: a string handed to one is a URL, not a storage path (SSA0101).
    public INamedTypeSymbol? HttpClient => Get("System.Net.Http.HttpClient");
    public INamedTypeSymbol? HttpRequestMessage => Get("System.Net.Http.HttpRequestMessage");
    public INamedTypeSymbol? Convert => Get("System.Convert");
    public INamedTypeSymbol? Exception => Get("System.Exception");
    public INamedTypeSymbol? Environment => Get("System.Environment");
    public INamedTypeSymbol? AppContext => Get("System.AppContext");
    public INamedTypeSymbol? AppDomain => Get("System.AppDomain");
    public INamedTypeSymbol? ReadOnlySpanOfT => Get("System.ReadOnlySpan`1");
    public INamedTypeSymbol? SpanOfT => Get("System.Span`1");
    public INamedTypeSymbol? TaskOfT => Get("System.Threading.Tasks.Task`1");
    public INamedTypeSymbol? ValueTaskOfT => Get("System.Threading.Tasks.ValueTask`1");

    // The base controls of desktop and Web Forms UIs: a form control's text (SSA0101).
    public INamedTypeSymbol? WinFormsControl => Get("System.Windows.Forms.Control");
    public INamedTypeSymbol? WpfControl => Get("System.Windows.Controls.Control");
    public INamedTypeSymbol? WebFormsControl => Get("System.Web.UI.Control");

    // A Web Forms page's picture (SSA0006): the file whose URL it is given is shown as an image.
    public INamedTypeSymbol? WebFormsImage => Get("System.Web.UI.WebControls.Image");

    // Time: the lifetimes of share links (SSA0010) are read from these at compile time.
    public INamedTypeSymbol? TimeSpan => Get("System.TimeSpan");
    public INamedTypeSymbol? DateTime => Get("System.DateTime");
    public INamedTypeSymbol? DateTimeOffset => Get("System.DateTimeOffset");
    public INamedTypeSymbol? TimeProvider => Get("System.TimeProvider");
    public INamedTypeSymbol? DateOnly => Get("System.DateOnly");
    public INamedTypeSymbol? TimeOnly => Get("System.TimeOnly");

    // The dictionaries whose TryGetValue finds a value by its key (the value flow's out locals).
    public INamedTypeSymbol? IDictionaryOfTKeyTValue => Get("System.Collections.Generic.IDictionary`2");
    public INamedTypeSymbol? IReadOnlyDictionaryOfTKeyTValue => Get("System.Collections.Generic.IReadOnlyDictionary`2");
    public INamedTypeSymbol? Path => Get("System.IO.Path");
    public INamedTypeSymbol? File => Get("System.IO.File");
    public INamedTypeSymbol? Directory => Get("System.IO.Directory");
    public INamedTypeSymbol? FileStream => Get("System.IO.FileStream");
    public INamedTypeSymbol? Stream => Get("System.IO.Stream");
    public INamedTypeSymbol? StreamWriter => Get("System.IO.StreamWriter");
    public INamedTypeSymbol? StreamReader => Get("System.IO.StreamReader");
    public INamedTypeSymbol? BinaryReader => Get("System.IO.BinaryReader");
    public INamedTypeSymbol? FileMode => Get("System.IO.FileMode");
    public INamedTypeSymbol? FileAccess => Get("System.IO.FileAccess");
    public INamedTypeSymbol? FileStreamOptions => Get("System.IO.FileStreamOptions");
    public INamedTypeSymbol? FileSystemInfo => Get("System.IO.FileSystemInfo");
    public INamedTypeSymbol? DirectoryInfo => Get("System.IO.DirectoryInfo");

    // Where a string is a message, not a path: loggers, the console, debug traces.
    public INamedTypeSymbol? ILogger => Get("Microsoft.Extensions.Logging.ILogger");
    public INamedTypeSymbol? LoggerExtensions => Get("Microsoft.Extensions.Logging.LoggerExtensions");
    public INamedTypeSymbol? Console => Get("System.Console");
    public INamedTypeSymbol? Debug => Get("System.Diagnostics.Debug");
    public INamedTypeSymbol? Trace => Get("System.Diagnostics.Trace");

    // Text, encodings and hashes: what turns a value into another one.
    public INamedTypeSymbol? StringBuilder => Get("System.Text.StringBuilder");
    public INamedTypeSymbol? Encoding => Get("System.Text.Encoding");
    public INamedTypeSymbol? HashAlgorithm => Get("System.Security.Cryptography.HashAlgorithm");
    public INamedTypeSymbol? Hmac => Get("System.Security.Cryptography.HMAC");
    public INamedTypeSymbol? WebUtility => Get("System.Net.WebUtility");
    public INamedTypeSymbol? Regex => Get("System.Text.RegularExpressions.Regex");

    // Who the user is, and what the application declares personal.
    public INamedTypeSymbol? ClaimsPrincipal => Get("System.Security.Claims.ClaimsPrincipal");
    public INamedTypeSymbol? Claim => Get("System.Security.Claims.Claim");
    public INamedTypeSymbol? IPrincipal => Get("System.Security.Principal.IPrincipal");
    public INamedTypeSymbol? PersonalDataAttribute => Get("Microsoft.AspNetCore.Identity.PersonalDataAttribute");
    public INamedTypeSymbol? PhoneAttribute => Get("System.ComponentModel.DataAnnotations.PhoneAttribute");
    public INamedTypeSymbol? EmailAddressAttribute => Get("System.ComponentModel.DataAnnotations.EmailAddressAttribute");
    public INamedTypeSymbol? CreditCardAttribute => Get("System.ComponentModel.DataAnnotations.CreditCardAttribute");
    public INamedTypeSymbol? DataTypeAttribute => Get("System.ComponentModel.DataAnnotations.DataTypeAttribute");
    public INamedTypeSymbol? DataClassificationAttribute => Get("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
    public INamedTypeSymbol? InternalsVisibleToAttribute => Get("System.Runtime.CompilerServices.InternalsVisibleToAttribute");

    // Configuration, options and their binding: what the folder-identity model (Folders.FolderModel) reads.
    public INamedTypeSymbol? IConfigurationRoot => Get("Microsoft.Extensions.Configuration.IConfigurationRoot");
    public INamedTypeSymbol? IConfigurationSection => Get("Microsoft.Extensions.Configuration.IConfigurationSection");
    public INamedTypeSymbol? ConfigurationExtensions => Get("Microsoft.Extensions.Configuration.ConfigurationExtensions");
    public INamedTypeSymbol? IOptionsOfT => Get("Microsoft.Extensions.Options.IOptions`1");
    public INamedTypeSymbol? IOptionsMonitorOfT => Get("Microsoft.Extensions.Options.IOptionsMonitor`1");
    public INamedTypeSymbol? OptionsBuilderOfT => Get("Microsoft.Extensions.Options.OptionsBuilder`1");
    public INamedTypeSymbol? OptionsConfigurationServiceCollectionExtensions =>
        Get("Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions");
    public INamedTypeSymbol? OptionsBuilderConfigurationExtensions =>
        Get("Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions");

    // Queries: a record found by a key (SSA0005 follows a request value through them to the file the record names).
    public INamedTypeSymbol? Enumerable => Get("System.Linq.Enumerable");
    public INamedTypeSymbol? Queryable => Get("System.Linq.Queryable");
    public INamedTypeSymbol? EntityFrameworkQueryableExtensions => Get("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
    public INamedTypeSymbol? DbSetOfT => Get("Microsoft.EntityFrameworkCore.DbSet`1");
    public INamedTypeSymbol? DbContext => Get("Microsoft.EntityFrameworkCore.DbContext");
    public INamedTypeSymbol? Ef6DbSetOfT => Get("System.Data.Entity.DbSet`1");
    public INamedTypeSymbol? Ef6DbContext => Get("System.Data.Entity.DbContext");
    public INamedTypeSymbol? Ef6QueryableExtensions => Get("System.Data.Entity.QueryableExtensions");
    /// <summary>AutoMapper's mapper (<c>Map&lt;TDestination&gt;(source)</c> copies a record's members into another type).</summary>
    public INamedTypeSymbol? AutoMapperIMapperBase => Get("AutoMapper.IMapperBase");
    public INamedTypeSymbol? CancellationToken => Get("System.Threading.CancellationToken");
    public INamedTypeSymbol? SystemType => Get("System.Type");

    // File providers (Microsoft.Extensions.FileProviders, also used outside ASP.NET Core).
    public INamedTypeSymbol? CompositeFileProvider => Get("Microsoft.Extensions.FileProviders.CompositeFileProvider");
    public INamedTypeSymbol? IFileProvider => Get("Microsoft.Extensions.FileProviders.IFileProvider");

    // Where a request's values come from (ASP.NET Core; absent elsewhere, so null).
    public INamedTypeSymbol? IFromRouteMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata");
    public INamedTypeSymbol? IFromQueryMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata");
    public INamedTypeSymbol? IFromFormMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata");
    public INamedTypeSymbol? IFromBodyMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata");
    public INamedTypeSymbol? IFromHeaderMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata");
    public INamedTypeSymbol? IFromServiceMetadata => Get("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata");
    public INamedTypeSymbol? IQueryCollection => Get("Microsoft.AspNetCore.Http.IQueryCollection");
    public INamedTypeSymbol? IFormCollection => Get("Microsoft.AspNetCore.Http.IFormCollection");
    public INamedTypeSymbol? IHeaderDictionary => Get("Microsoft.AspNetCore.Http.IHeaderDictionary");
    public INamedTypeSymbol? RouteValueDictionary => Get("Microsoft.AspNetCore.Routing.RouteValueDictionary");
    public INamedTypeSymbol? AsParametersAttribute => Get("Microsoft.AspNetCore.Http.AsParametersAttribute");
    public INamedTypeSymbol? IFormFile => Get("Microsoft.AspNetCore.Http.IFormFile");
}
