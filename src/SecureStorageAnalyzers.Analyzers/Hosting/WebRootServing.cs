using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// Is the web root served at all? SSA0006's question for ASP.NET Core, answered from two facts the pre-scan of
/// <see cref="CompilationFacts"/> records tree by tree: whether the compilation builds the app's pipeline
/// (<see cref="IsHost"/>: <c>WebApplication.CreateBuilder</c>/<c>CreateSlimBuilder</c>/<c>CreateEmptyBuilder</c>, or
/// <c>UseStartup&lt;T&gt;()</c>, whose <c>T.Configure</c> is the pipeline), and whether that pipeline registers a
/// middleware that serves the web root (<see cref="ServesWebRoot"/>: <c>UseStaticFiles</c>, <c>UseFileServer</c>,
/// <c>UseDirectoryBrowser</c> without a file provider of another folder, <c>MapStaticAssets</c>,
/// <c>UseBlazorFrameworkFiles</c>). A compilation that builds its pipeline and serves no web root does not expose what
/// it writes there; a compilation without a pipeline (a class library writing under <c>IWebHostEnvironment.WebRootPath</c>
/// for an app the pack does not see) is unknown, and SSA0006 keeps reporting. Both are decided by the call's own tree
/// (symbols, and the options object written at the call or in a local of the same body), so a tree's facts can be kept
/// across compilations as the other pre-scan facts are.
/// </summary>
internal sealed class WebRootServing
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly MethodSet _serving;
    private readonly MethodSet _servingAlways;
    private readonly MethodSet _hosts;

    private WebRootServing(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
        _serving = MethodSet.Union(
            WellKnownTypes.Methods(types.StaticFileExtensions, "UseStaticFiles"),
            WellKnownTypes.Methods(types.FileServerExtensions, "UseFileServer"),
            types.UseDirectoryBrowser);

        // MapStaticAssets serves the files the build knows (a file written at run time is not in its manifest), and
        // UseBlazorFrameworkFiles the framework's; both count, so that an app served only by them stays reported: what
        // they leave out is not certain enough to clear a write.
        _servingAlways = MethodSet.Union(
            WellKnownTypes.Methods(types.StaticAssetsEndpointRouteBuilderExtensions, "MapStaticAssets"),
            WellKnownTypes.Methods(types.ComponentsWebAssemblyApplicationBuilderExtensions, "UseBlazorFrameworkFiles"));
        _hosts = MethodSet.Union(
            WellKnownTypes.Methods(types.WebApplication, "CreateBuilder"),
            WellKnownTypes.Methods(types.WebApplication, "CreateSlimBuilder"),
            WellKnownTypes.Methods(types.WebApplication, "CreateEmptyBuilder"),
            WellKnownTypes.Methods(types.WebHostBuilderExtensions, "UseStartup"));
    }

    /// <summary>The instance of the compilation.</summary>
    public static WebRootServing For(WellKnownTypes types) => types.Shared(static t => new WebRootServing(t));

    /// <summary>The methods whose calls the pre-scan binds for these two facts.</summary>
    public MethodSet RecordedMethods => MethodSet.Union(_serving, _servingAlways, _hosts);

    /// <summary>True when the call builds an app's pipeline (see the type's summary).</summary>
    public bool IsHost(IInvocationOperation invocation) => WellKnownTypes.Contains(_hosts, invocation.TargetMethod);

    /// <summary>
    /// True when the call registers a middleware that serves the web root: a static-file, file-server or directory
    /// browser registration without a file provider, or with the web root's own, or with one whose folder the call's tree
    /// does not show under another root; <c>MapStaticAssets()</c>, <c>UseBlazorFrameworkFiles()</c>.
    /// </summary>
    public bool ServesWebRoot(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (WellKnownTypes.Contains(_servingAlways, method))
        {
            return true;
        }

        if (!WellKnownTypes.Contains(_serving, method))
        {
            return false;
        }

        ServedFolders.For(_types).FolderOf(invocation, out var fileProvider, out _);
        return fileProvider is null || !IsOtherFolder(fileProvider);
    }

    /// <summary>
    /// True when the file provider is a <c>PhysicalFileProvider</c> (at the call, or the one value of a local of the same
    /// body) over a folder other than the web root, as the tree shows it: a folder under the content root, the app's base
    /// directory or the current directory (not the root itself, which holds the web root, nor its <c>wwwroot</c>), or a
    /// literal folder other than <c>wwwroot</c>.
    /// </summary>
    private bool IsOtherFolder(IOperation fileProvider)
    {
        var provider = SingleValue(fileProvider);
        if (provider is not IObjectCreationOperation creation || !SymbolEquality.Is(creation.Type, _types.PhysicalFileProvider) ||
            creation.Arguments.Length == 0)
        {
            return false;
        }

        return IsOtherRoot(creation.Arguments[0].Value, 0);
    }

    /// <summary>What the start of a provider's path says.</summary>
    private enum PathStart
    {
        /// <summary>The web root, or nothing the tree shows: counted as the web root.</summary>
        Unknown,

        /// <summary>The content root, the base directory or the current directory itself: it holds the web root.</summary>
        RootHoldingTheWebRoot,

        /// <summary>A folder other than the web root (under one of those roots, or a literal folder other than wwwroot).</summary>
        OtherFolder,
    }

    private bool IsOtherRoot(IOperation path, int depth) => Start(path, depth) == PathStart.OtherFolder;

    private PathStart Start(IOperation path, int depth)
    {
        if (depth > 8)
        {
            return PathStart.Unknown;
        }

        path = SingleValue(path);
        if (path.ConstantValue is { HasValue: true, Value: string text })
        {
            return Literal(text);
        }

        switch (path)
        {
            case IPropertyReferenceOperation property:
                var owner = property.Property.ContainingType;
                return property.Property.Name == "ContentRootPath" && _types.IsHostEnvironment(owner) ||
                       property.Property.Name == "BaseDirectory" && (SymbolEquality.DefinitionIs(owner, _types.AppContext) || SymbolEquality.DefinitionIs(owner, _types.AppDomain))
                    ? PathStart.RootHoldingTheWebRoot
                    : PathStart.Unknown;
            case IInvocationOperation call when SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _types.Directory) &&
                                                call.TargetMethod.Name == "GetCurrentDirectory":
                return PathStart.RootHoldingTheWebRoot;
            case IInvocationOperation call when SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _types.Path) &&
                                                call.TargetMethod.Name is "Combine" or "Join" && call.Arguments.Length > 0:
                if (_sinks.PathParts(call) is not { } parts)
                {
                    return PathStart.Unknown;
                }

                return Below(Start(parts[0], depth + 1), parts.Count > 1 ? parts[1] : null);
            case IInterpolatedStringOperation { Parts: { Length: > 0 } pieces }:
                var first = pieces[0] switch
                {
                    IInterpolatedStringTextOperation literal => Start(literal.Text, depth + 1),
                    IInterpolationOperation interpolation => Start(interpolation.Expression, depth + 1),
                    _ => PathStart.Unknown,
                };
                return first == PathStart.RootHoldingTheWebRoot && pieces.Length > 1 ? PathStart.Unknown : first;
            default:
                return PathStart.Unknown;
        }
    }

    /// <summary>
    /// A root holding the web root with a next part: a literal other than <c>wwwroot</c>, or a value (a folder the code
    /// names, <c>Path.Combine(env.ContentRootPath, options.Recordings)</c>: taken as that folder, not the web root).
    /// </summary>
    private static PathStart Below(PathStart start, IOperation? next)
    {
        if (start != PathStart.RootHoldingTheWebRoot)
        {
            return start;
        }

        if (next is null)
        {
            return PathStart.RootHoldingTheWebRoot;
        }

        return next.ConstantValue is { HasValue: true, Value: string text } ? Literal(text) : PathStart.OtherFolder;
    }

    /// <summary>A literal folder: wwwroot (or the current directory itself) is not another folder; any other relative or absolute folder is.</summary>
    private static PathStart Literal(string text)
    {
        var trimmed = text.TrimStart('.', '/', '\\');
        if (trimmed.Length == 0)
        {
            // ".", "./", "/": a folder that holds the web root.
            return PathStart.RootHoldingTheWebRoot;
        }

        return trimmed.StartsWith("wwwroot", System.StringComparison.OrdinalIgnoreCase) ? PathStart.Unknown : PathStart.OtherFolder;
    }

    /// <summary>The value, through conversions and a local of the same body that holds one value.</summary>
    private IOperation SingleValue(IOperation value) => _sinks.SingleValue(value) ?? value.WithoutConversions();
}
