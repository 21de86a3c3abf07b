using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PathFlow;

/// <summary>
/// Path flows from the web root (SSA0006): <c>IWebHostEnvironment.WebRootPath</c> (or the obsolete
/// <c>IHostingEnvironment.WebRootPath</c>) and a literal <c>wwwroot</c> folder (<c>"wwwroot"</c>, <c>"wwwroot/uploads"</c>,
/// <c>"./wwwroot"</c>). Walks go through every path builder: the web root is usually the first argument of a <c>Path.Combine</c>.
/// </summary>
internal sealed class WebRootFlowPolicy : IFlowSourcePolicy
{
    private static readonly SourceReason WebRootPathReason = new("the web root", "WebRootPath");
    private static readonly SourceReason LiteralReason = new("the web root", "a wwwroot folder");

    private readonly IPropertySymbol? _webRootPath;
    private readonly IPropertySymbol? _obsoleteWebRootPath;
    private readonly INamedTypeSymbol? _fileInfo;

    public WebRootFlowPolicy(WellKnownTypes types)
    {
        _webRootPath = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootPath");
        _obsoleteWebRootPath = WellKnownTypes.Property(types.IHostingEnvironmentAspNetCore, "WebRootPath");
        _fileInfo = types.Resolve("System.IO.FileInfo");
    }

    public bool HasWebRoot => _webRootPath is not null || _obsoleteWebRootPath is not null;

    public bool StopsAtPathBuilders => false;

    public bool FollowsValueTransformations => true;

    /// <summary><c>new FileInfo(path).OpenWrite()</c>: the folder is in the constructor's argument.</summary>
    public bool PassesThrough(IOperation creationOrCall) =>
        creationOrCall is IObjectCreationOperation creation &&
        _fileInfo is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _fileInfo);

    public bool IsBarrier(IMethodSymbol method) => false;

    public SourceReason? Classify(IOperation operation, ISymbol? symbol)
    {
        if (operation is IPropertyReferenceOperation property)
        {
            var definition = property.Property.OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition, _webRootPath) ||
                   SymbolEqualityComparer.Default.Equals(definition, _obsoleteWebRootPath)
                ? WebRootPathReason
                : null;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && IsWwwrootFolder(text)
            ? LiteralReason
            : null;
    }

    /// <summary>A relative path whose first folder is <c>wwwroot</c>: "wwwroot", "wwwroot/uploads", "./wwwroot\files".</summary>
    internal static bool IsWwwrootFolder(string text)
    {
        var start = text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith(".\\", StringComparison.Ordinal) ? 2 : 0;
        const string Folder = "wwwroot";
        if (string.Compare(text, start, Folder, 0, Folder.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var end = start + Folder.Length;
        return end == text.Length || text[end] is '/' or '\\';
    }

}
