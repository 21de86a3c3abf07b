using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// The types the folder-identity model (<see cref="Folders.FolderModel"/>) reads: configuration, options and their
/// binding. Resolved on first use and cached by name; absent ones are <see langword="null"/>. Not behind the ASP.NET
/// Core gate: a worker binds options the same way.
/// </summary>
internal sealed partial class WellKnownTypes
{
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
}
