using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PathFlow;

/// <summary>
/// Path flows from the web root (SSA0006): <c>IWebHostEnvironment.WebRootPath</c> (or the obsolete
/// <c>IHostingEnvironment.WebRootPath</c>) and a literal <c>wwwroot</c> folder (<c>"wwwroot"</c>, <c>"wwwroot/uploads"</c>,
/// <c>"./wwwroot"</c>, and <c>"/wwwroot/…"</c> after the current directory), and a field of the class that its constructors
/// set to the web root. Walks go through every path builder: the web root is usually the first argument of a <c>Path.Combine</c>.
/// </summary>
internal sealed class WebRootFlowPolicy : IFlowSourcePolicy
{
    private static readonly SourceReason WebRootPathReason = new("the web root", "WebRootPath");
    private static readonly SourceReason LiteralReason = new("the web root", "a wwwroot folder");
    private static readonly SourceReason FieldReason = new("the web root", "a field set to WebRootPath");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IFieldSymbol, bool> _fields = new(SymbolEqualityComparer.Default);

    private readonly IPropertySymbol? _webRootPath;
    private readonly IPropertySymbol? _obsoleteWebRootPath;
    private readonly INamedTypeSymbol? _fileInfo;

    public WebRootFlowPolicy(WellKnownTypes types)
    {
        _webRootPath = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootPath");
        _obsoleteWebRootPath = WellKnownTypes.Property(types.IHostingEnvironmentAspNetCore, "WebRootPath");
        _fileInfo = types.FileInfo;
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
            return IsWebRootPath(property) ? WebRootPathReason : null;
        }

        if (operation is IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_String } field })
        {
            var definition = field.OriginalDefinition;
            if (!_fields.TryGetValue(definition, out var holds))
            {
                holds = _fields.GetOrAdd(definition, operation.SemanticModel is { } model && HoldsWebRoot(definition, model));
            }

            return holds ? FieldReason : null;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && IsWwwrootFolder(text)
            ? LiteralReason
            : null;
    }

    private bool IsWebRootPath(IPropertyReferenceOperation property)
    {
        var definition = property.Property.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, _webRootPath) ||
               SymbolEqualityComparer.Default.Equals(definition, _obsoleteWebRootPath);
    }

    /// <summary>
    /// A field of the application's own class that its constructors (or its initializer) set to the web root
    /// (<c>_root = env.WebRootPath</c>, or a <c>Path.Combine</c> that starts there) and to nothing else: read in another
    /// method, it is the web root. Only the declarations in the tree being analyzed are read (a partial class's other
    /// files are not); answered once per field.
    /// </summary>
    private bool HoldsWebRoot(IFieldSymbol field, SemanticModel model)
    {
        if (field.Type.SpecialType != SpecialType.System_String || field.DeclaringSyntaxReferences.IsEmpty ||
            field.ContainingType is not { } type)
        {
            return false;
        }

        var assigned = false;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            foreach (var member in reference.GetSyntax().ChildNodes())
            {
                if (member is not (Microsoft.CodeAnalysis.CSharp.Syntax.ConstructorDeclarationSyntax or
                    Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax))
                {
                    continue;
                }

                foreach (var node in member.DescendantNodes())
                {
                    IOperation? value = null;
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax &&
                        model.GetOperation(node) is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment &&
                        SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field))
                    {
                        value = assignment.Value;
                    }
                    else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer } declarator &&
                             SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), field))
                    {
                        value = model.GetOperation(initializer.Value);
                    }

                    if (value is null)
                    {
                        continue;
                    }

                    if (!StartsAtWebRoot(value.WithoutConversions()))
                    {
                        return false;
                    }

                    assigned = true;
                }
            }
        }

        return assigned;
    }

    /// <summary><c>env.WebRootPath</c>, <c>env.WebRootPath ?? …</c>, or a <c>Path.Combine</c>/<c>Join</c> whose first part is one.</summary>
    private bool StartsAtWebRoot(IOperation value) => value switch
    {
        IPropertyReferenceOperation property => IsWebRootPath(property),
        ICoalesceOperation coalesce => StartsAtWebRoot(coalesce.Value.WithoutConversions()),
        IInvocationOperation { TargetMethod.Name: "Combine" or "Join", Arguments.Length: > 0 } combine
            when combine.TargetMethod.ContainingType is { Name: "Path" } =>
            combine.Arguments[0].Value.WithoutConversions() is var first &&
            (StartsAtWebRoot(first) || first.ConstantValue is { HasValue: true, Value: string text } && IsWwwrootFolder(text)),
        _ => false,
    };

    /// <summary>
    /// A relative path whose first folder is <c>wwwroot</c>: "wwwroot", "wwwroot/uploads", "./wwwroot\files", and
    /// "/wwwroot/uploads" as the tail of a concatenation (<c>Directory.GetCurrentDirectory() + "/wwwroot/…"</c>).
    /// </summary>
    internal static bool IsWwwrootFolder(string text)
    {
        var start = text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith(".\\", StringComparison.Ordinal) ? 2
            : text.StartsWith("/", StringComparison.Ordinal) || text.StartsWith("\\", StringComparison.Ordinal) ? 1 : 0;
        const string Folder = "wwwroot";
        if (string.Compare(text, start, Folder, 0, Folder.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var end = start + Folder.Length;
        return end == text.Length || text[end] is '/' or '\\';
    }

}
