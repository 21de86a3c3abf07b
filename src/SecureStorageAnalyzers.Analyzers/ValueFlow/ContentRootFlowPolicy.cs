using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Whole-value flows from a folder that must never be served (SSA0004): the content root (<c>ContentRootPath</c>,
/// <c>ContentRootFileProvider</c>), the app's directory (<c>AppContext.BaseDirectory</c>,
/// <c>AppDomain.CurrentDomain.BaseDirectory</c>), the current directory (<c>Directory.GetCurrentDirectory()</c>,
/// <c>Environment.CurrentDirectory</c>, <c>"."</c>) and filesystem roots (<c>"/"</c>, <c>"C:\"</c>). Only the whole value
/// counts: <c>Path.Combine(env.ContentRootPath, "MyStaticFiles")</c>, the framework documentation's example, is a
/// folder under the content root, not the content root; its parent (<c>Path.Combine(env.ContentRootPath, "..")</c>) holds
/// the content root and counts, as does a <c>CompositeFileProvider</c> with such a folder among its providers.
/// </summary>
internal sealed class ContentRootFlowPolicy : IFlowSourcePolicy
{
    private static readonly SourceReason ContentRoot = new("the content root", "ContentRootPath");
    private static readonly SourceReason AppDirectory = new("the app's own directory", "its base directory");
    private static readonly SourceReason CurrentDirectory = new("the current directory", "the process's working directory");
    private static readonly SourceReason FilesystemRoot = new("a filesystem root", "the root of a drive");

    private readonly ImmutableSymbols _contentRoot;
    private readonly ImmutableSymbols _appDirectory;
    private readonly ImmutableSymbols _currentDirectory;
    private readonly INamedTypeSymbol? _physicalFileProvider;
    private readonly INamedTypeSymbol? _compositeFileProvider;
    private readonly INamedTypeSymbol? _path;

    public ContentRootFlowPolicy(WellKnownTypes types)
    {
        var hostEnvironment = types.IHostEnvironment;
        var obsoleteAspNet = types.IHostingEnvironmentAspNetCore;
        var obsoleteExtensions = types.IHostingEnvironmentExtensions;
        _contentRoot = new ImmutableSymbols(
            WellKnownTypes.Property(hostEnvironment, "ContentRootPath"),
            WellKnownTypes.Property(hostEnvironment, "ContentRootFileProvider"),
            WellKnownTypes.Property(obsoleteAspNet, "ContentRootPath"),
            WellKnownTypes.Property(obsoleteAspNet, "ContentRootFileProvider"),
            WellKnownTypes.Property(obsoleteExtensions, "ContentRootPath"),
            WellKnownTypes.Property(obsoleteExtensions, "ContentRootFileProvider"));
        _appDirectory = new ImmutableSymbols(
            WellKnownTypes.Property(types.AppContext, "BaseDirectory"),
            WellKnownTypes.Property(types.AppDomain, "BaseDirectory"));
        var directory = types.Directory;
        _currentDirectory = new ImmutableSymbols(
            WellKnownTypes.Property(types.Environment, "CurrentDirectory"),
            directory?.GetMembers("GetCurrentDirectory").Length > 0 ? directory.GetMembers("GetCurrentDirectory")[0] : null);
        _physicalFileProvider = types.PhysicalFileProvider;
        _compositeFileProvider = types.CompositeFileProvider;
        _path = types.Path;
    }

    public bool StopsAtPathBuilders => false;

    public bool FollowsValueTransformations => false;

    public bool IsBarrier(IMethodSymbol method) => false;

    /// <summary>
    /// <c>new PhysicalFileProvider(root)</c>: the folder served is its root; <c>new CompositeFileProvider(a, b)</c>: it
    /// serves every folder of its providers; <c>Path.Combine(root, "..")</c> (only parent segments after the first
    /// argument): a folder that holds <c>root</c>.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();

    public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;

    public bool PassesThrough(IOperation creationOrCall) => creationOrCall switch
    {
        IObjectCreationOperation creation =>
            SymbolEquality.DefinitionIs(creation.Type, _physicalFileProvider) || SymbolEquality.DefinitionIs(creation.Type, _compositeFileProvider),
        IInvocationOperation call => SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _path) && call.TargetMethod.Name is "Combine" or "Join" &&
                                     OnlyParentSegmentsAfterTheFirst(call.Arguments),
        _ => false,
    };

    private static bool OnlyParentSegmentsAfterTheFirst(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        if (arguments.Length < 2)
        {
            return false;
        }

        for (var i = 1; i < arguments.Length; i++)
        {
            if (arguments[i].Value is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } || !IsParentOnly(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>..</c>, <c>../..</c>, <c>..\</c>: only steps up.</summary>
    internal static bool IsParentOnly(string text)
    {
        var any = false;
        foreach (var segment in text.Split('/', '\\'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            if (segment != "..")
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    public SourceReason? Classify(IOperation operation, ISymbol? symbol)
    {
        if (operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } })
        {
            return IsFilesystemRoot(text) ? FilesystemRoot : IsCurrentDirectory(text) ? CurrentDirectory : null;
        }

        if (operation is not (IPropertyReferenceOperation or IInvocationOperation) || symbol is null)
        {
            return null;
        }

        var definition = symbol.OriginalDefinition;
        return _contentRoot.Contains(definition) ? ContentRoot
            : _appDirectory.Contains(definition) ? AppDirectory
            : _currentDirectory.Contains(definition) ? CurrentDirectory
            : null;
    }

    /// <summary><c>/</c>, <c>\</c>, <c>C:</c>, <c>C:\</c>, <c>C:/</c>.</summary>
    internal static bool IsFilesystemRoot(string text) =>
        text is "/" or "\\" ||
        text.Length is 2 or 3 && char.IsLetter(text[0]) && text[1] == ':' && (text.Length == 2 || text[2] is '/' or '\\');

    /// <summary><c>.</c>, <c>./</c>, <c>.\</c>: relative to the working directory (or, for a web root, the content root).</summary>
    internal static bool IsCurrentDirectory(string text) => text is "." or "./" or ".\\";

    /// <summary>A small fixed set of symbols, compared with <see cref="SymbolEqualityComparer.Default"/>.</summary>
    private sealed class ImmutableSymbols
    {
        private readonly ISymbol?[] _symbols;

        public ImmutableSymbols(params ISymbol?[] symbols) => _symbols = symbols;

        public bool Contains(ISymbol symbol)
        {
            foreach (var candidate in _symbols)
            {
                if (SymbolEquality.Is(symbol, candidate))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
