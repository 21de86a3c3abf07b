using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// Public media by what the code does, not by what it is called (the product's decision, docs/rules/SSA0006.md): an
/// upload that the code restricts to images and stores under a name the code generates is public media. Both halves are
/// read from the code around the write:
/// <list type="bullet">
/// <item>restricted to images: the method that writes (or the lambda's enclosing body) compares the upload's extension
/// (a value of <c>Path.GetExtension</c>) or its <c>ContentType</c> with literals, and every such literal is an image
/// extension (<c>.jpg</c>, <c>.png</c>, …) or an <c>image/</c> type: <c>allowed.Contains(ext)</c> over an array or set of
/// literals (at the call, in a local or in a field's initializer), <c>ext == ".png"</c>,
/// <c>file.ContentType.StartsWith("image/")</c>;</item>
/// <item>a generated name: the file name (the last part of the path) is built only from a fresh name
/// (<see cref="FreshNames"/>: <c>Guid.NewGuid()</c>, a random name, ticks), the upload's extension
/// (<c>Path.GetExtension(file.FileName)</c>) and literals; the uploader's file name or any other value (a user id, a
/// person's name) makes it not generated.</item>
/// </list>
/// A private word of the path (<see cref="StoredContentVocabulary"/>) still wins: the rule asks this only when the words
/// did not decide. An image-processing API as evidence (<c>Image.Load</c>) is not read yet.
/// </summary>
internal sealed class ImageOnlyUploads
{
    private const int MaxDepth = 16;

    private readonly StorageSinks _sinks;
    private readonly SymbolSet<INamedTypeSymbol> _uploadTypes;
    private readonly Compilation _compilation;

    private ImageOnlyUploads(WellKnownTypes types)
    {
        _sinks = StorageSinks.Create(types);
        _compilation = types.Compilation;
        _uploadTypes = SymbolSet<INamedTypeSymbol>.Of(types.IFormFile, types.SystemWebHttpPostedFileBase, types.SystemWebHttpPostedFile);
    }

    /// <summary>The instance of the compilation.</summary>
    public static ImageOnlyUploads For(WellKnownTypes types) => types.Shared(static t => new ImageOnlyUploads(t));

    /// <summary>
    /// True when <paramref name="path"/>, the path a write at <paramref name="write"/> stores a file at, has a generated
    /// name and the code around the write restricts the upload to images.
    /// </summary>
    public bool IsImageOnlyUploadWithGeneratedName(IOperation write, IOperation path) =>
        !_uploadTypes.IsEmpty && NameIsGenerated(path) && RestrictsToImages(write.Root());

    /// <summary>
    /// True when <paramref name="path"/> names its file only from a fresh value (<c>Guid.NewGuid()</c>, ticks), the
    /// upload's extension and literals (the second half of <see cref="IsImageOnlyUploadWithGeneratedName"/>), in code that
    /// handles an upload.
    /// </summary>
    public bool HasGeneratedName(IOperation path) => !_uploadTypes.IsEmpty && NameIsGenerated(path);

    /// <summary>
    /// True when the code around the write at <paramref name="write"/> restricts the upload to images (the first half of
    /// <see cref="IsImageOnlyUploadWithGeneratedName"/>, whatever the name is).
    /// </summary>
    public bool RestrictsUploadToImages(IOperation write) => !_uploadTypes.IsEmpty && RestrictsToImages(write.Root());

    /// <summary>
    /// <see cref="RestrictsUploadToImages"/>, reading only the checks that guard the write: comparisons written before it
    /// in the condition of an <c>if</c> (or a conditional expression), as <c>if (!allowed.Contains(ext)) return BadRequest();</c>
    /// or <c>… throw</c>. A comparison after the write (<c>IsImage = ext == ".png"</c> to show a preview) restricts nothing.
    /// </summary>
    public bool GuardsUploadToImages(IOperation write) => !_uploadTypes.IsEmpty && RestrictsToImages(EnclosingBody(write), write.Syntax.SpanStart);

    /// <summary>The lambda a write is in (two endpoints of one top-level program check their own uploads), or the whole body.</summary>
    private static IOperation EnclosingBody(IOperation write)
    {
        for (var current = write.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return write.Root();
    }

    /// <summary>True when <paramref name="body"/> handles an upload (an <c>IFormFile</c>, an <c>HttpPostedFile(Base)</c>).</summary>
    public bool MentionsAnUpload(IOperation body)
    {
        if (_uploadTypes.IsEmpty)
        {
            return false;
        }

        foreach (var operation in body.Walk())
        {
            if (operation is IParameterReferenceOperation or ILocalReferenceOperation or IPropertyReferenceOperation &&
                operation.Type is INamedTypeSymbol type && _uploadTypes.Contains(type.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    // ---- the name ----

    private bool NameIsGenerated(IOperation path)
    {
        var fresh = false;
        return Name(path, 0, ref fresh) && fresh;
    }

    /// <summary>Finds the file-name part of a path (through locals, the last part of <c>Path.Combine</c> or of a concatenation) and checks it.</summary>
    private bool Name(IOperation path, int depth, ref bool fresh)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        path = path.WithoutConversions();
        switch (path)
        {
            case ILocalReferenceOperation local:
                var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
                if (values.Count == 0)
                {
                    return false;
                }

                foreach (var value in values)
                {
                    if (!Name(value, depth + 1, ref fresh))
                    {
                        return false;
                    }
                }

                return true;
            case IInvocationOperation { TargetMethod.Name: "Combine" or "Join", TargetMethod.ContainingType.Name: "Path" } combine when combine.Arguments.Length > 0:
                return _sinks.PathParts(combine) is { Count: > 0 } combined && Name(combined[combined.Count - 1], depth + 1, ref fresh);
            case IBinaryOperation or IInterpolatedStringOperation:
                var parts = new List<IOperation>();
                Flatten(path, parts);
                var start = 0;
                for (var i = 0; i < parts.Count; i++)
                {
                    if (parts[i].ConstantValue is { HasValue: true, Value: string text } && (text.IndexOf('/') >= 0 || text.IndexOf('\\') >= 0))
                    {
                        start = i;
                    }
                }

                for (var i = start; i < parts.Count; i++)
                {
                    if (!Generated(parts[i], depth + 1, ref fresh))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return Generated(path, depth + 1, ref fresh);
        }
    }

    /// <summary>True when the value is built only from fresh names, an extension and literals.</summary>
    private bool Generated(IOperation value, int depth, ref bool fresh)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        value = value.WithoutConversions();
        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "GetExtension", TargetMethod.ContainingType.Name: "Path" }:
                return true;
            case IInvocationOperation or IPropertyReferenceOperation when FreshNames.Has(value, _sinks) && IsFreshLeaf(value):
                fresh = true;
                return true;
            case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "ToString" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "Replace" } call:
                foreach (var argument in call.Arguments)
                {
                    if (!argument.Value.ConstantValue.HasValue)
                    {
                        return false;
                    }
                }

                return Generated(instance, depth + 1, ref fresh);
            case ILocalReferenceOperation local:
                var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
                if (values.Count == 0)
                {
                    return false;
                }

                foreach (var each in values)
                {
                    if (!Generated(each, depth + 1, ref fresh))
                    {
                        return false;
                    }
                }

                return true;
            case IBinaryOperation or IInterpolatedStringOperation:
                var parts = new List<IOperation>();
                Flatten(value, parts);
                foreach (var part in parts)
                {
                    if (!Generated(part, depth + 1, ref fresh))
                    {
                        return false;
                    }
                }

                return true;
            case IInterpolationOperation hole:
                return Generated(hole.Expression, depth + 1, ref fresh);
            default:
                return false;
        }
    }

    /// <summary><c>Guid.NewGuid()</c>, <c>Path.GetRandomFileName()</c>, <c>DateTime.Now.Ticks</c>: a value FreshNames counts, with nothing else in it.</summary>
    private static bool IsFreshLeaf(IOperation value) => value switch
    {
        IInvocationOperation invocation => invocation.Arguments.Length == 0 || invocation.TargetMethod.ContainingType.Name == "RandomNumberGenerator",
        IPropertyReferenceOperation { Property.Name: "Ticks" } => true,
        _ => false,
    };

    private static void Flatten(IOperation value, List<IOperation> parts)
    {
        value = value.WithoutConversions();
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                Flatten(binary.LeftOperand, parts);
                Flatten(binary.RightOperand, parts);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    parts.Add(part is IInterpolatedStringTextOperation text ? text.Text : part);
                }

                break;
            default:
                parts.Add(value);
                break;
        }
    }

    // ---- the restriction ----

    /// <summary>True when the body compares an upload's extension or content type with literals, all of them images.</summary>
    /// <summary>True when <paramref name="operation"/> is part of the condition of an <c>if</c> or a conditional expression.</summary>
    private static bool InCondition(IOperation operation)
    {
        for (var child = operation; child.Parent is { } parent; child = parent)
        {
            if (parent is IConditionalOperation conditional && ReferenceEquals(conditional.Condition, child))
            {
                return true;
            }

            if (parent is IBlockOperation or IMethodBodyBaseOperation or IAnonymousFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private bool RestrictsToImages(IOperation root, int guardsBefore = -1) => Checked(root, guardsBefore) == UploadCheck.ImagesOnly;

    /// <summary>
    /// True when the code around the write at <paramref name="write"/> compares the upload's extension or content type
    /// with a literal that is not an image (<c>ext == ".pdf"</c>, an allow-list with <c>.docx</c>): it expects more than
    /// pictures. False when it checks nothing, or checks for images only.
    /// </summary>
    public bool AcceptsOtherThanImages(IOperation write) => !_uploadTypes.IsEmpty && Checked(write.Root(), -1) == UploadCheck.Other;

    private enum UploadCheck
    {
        None,
        ImagesOnly,
        Other,
    }

    private UploadCheck Checked(IOperation root, int guardsBefore)
    {
        var any = false;
        foreach (var operation in root.Walk())
        {
            if (guardsBefore >= 0 && (operation.Syntax.SpanStart >= guardsBefore || !InCondition(operation)))
            {
                continue;
            }

            IOperation?[] sides;
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    // Array.Exists(allowed, e => e == ext), allowed.Any(e => e == ext): the lambda's parameter stands for
                    // each item of the list it is asked about.
                    sides = new[] { ListOfItem(comparison.LeftOperand) ?? comparison.LeftOperand, ListOfItem(comparison.RightOperand) ?? comparison.RightOperand };
                    break;
                case IInvocationOperation { TargetMethod.Name: "Contains" or "Equals" or "StartsWith" or "Any" } call:
                    sides = new IOperation?[call.Arguments.Length + 1];
                    sides[0] = call.Instance;
                    for (var i = 0; i < call.Arguments.Length; i++)
                    {
                        sides[i + 1] = call.Arguments[i].Value;
                    }

                    break;
                default:
                    continue;
            }

            var kind = Compared.None;
            foreach (var side in sides)
            {
                if (side is not null)
                {
                    kind |= What(side, 0);
                }
            }

            if (kind == Compared.None)
            {
                continue;
            }

            foreach (var side in sides)
            {
                if (side is null || What(side, 0) != Compared.None)
                {
                    continue;
                }

                var literals = new List<string>();
                if (!Literals(side, literals, 0))
                {
                    continue;
                }

                foreach (var literal in literals)
                {
                    if (!IsImage(literal, kind))
                    {
                        return UploadCheck.Other;
                    }

                    any = true;
                }
            }
        }

        return any ? UploadCheck.ImagesOnly : UploadCheck.None;
    }

    /// <summary>
    /// The list whose items a predicate's parameter stands for: <c>Array.Exists(allowed, e => …)</c>,
    /// <c>allowed.Any(e => …)</c>, <c>allowedList.Exists(e => …)</c> give <c>allowed</c>; null for anything else.
    /// </summary>
    private static IOperation? ListOfItem(IOperation side)
    {
        if (side.WithoutConversions() is not IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda })
        {
            return null;
        }

        IOperation? current = side.Parent;
        while (current is not null and not IAnonymousFunctionOperation)
        {
            current = current.Parent;
        }

        if (current is not IAnonymousFunctionOperation function || !SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
        {
            return null;
        }

        var argument = function.Parent is IDelegateCreationOperation creation ? creation.Parent : function.Parent;
        if (argument is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Exists" or "Any" or "Find" or "FindIndex" or "Contains" } call })
        {
            return null;
        }

        if (call.Instance is { } list)
        {
            return list;
        }

        foreach (var other in call.Arguments)
        {
            if (!ReferenceEquals(other, argument))
            {
                return other.Value;
            }
        }

        return null;
    }

    [System.Flags]
    private enum Compared
    {
        None = 0,
        Extension = 1,
        ContentType = 2,
    }

    private static bool IsImage(string literal, Compared kind)
    {
        var text = literal.Trim();
        if ((kind & Compared.ContentType) != 0 && text.StartsWith("image", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return (kind & Compared.Extension) != 0 && StoredContentVocabulary.ImageExtensions.Contains(text.TrimStart('.'));
    }

    /// <summary>Whether a value is the upload's extension (<c>Path.GetExtension</c>) or its content type, through locals and string transformations.</summary>
    private Compared What(IOperation value, int depth)
    {
        if (depth > 6)
        {
            return Compared.None;
        }

        value = value.WithoutConversions();
        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "GetExtension", TargetMethod.ContainingType.Name: "Path" }:
                return Compared.Extension;
            case IPropertyReferenceOperation { Property.Name: "ContentType", Instance: { } instance } when instance.Type is { } type &&
                                                                                                    (_uploadTypes.Contains(type.OriginalDefinition as INamedTypeSymbol) || Implements(type)):
                return Compared.ContentType;
            case IInvocationOperation { Instance: { } instance, TargetMethod.ContainingType.SpecialType: SpecialType.System_String }:
                return What(instance, depth + 1);
            case ILocalReferenceOperation local:
                var kind = Compared.None;
                foreach (var each in _sinks.BodyIndex(local).ValuesOf(local.Local))
                {
                    kind |= What(each, depth + 1);
                }

                return kind;
            default:
                return Compared.None;
        }
    }

    private bool Implements(ITypeSymbol type)
    {
        foreach (var upload in _uploadTypes)
        {
            if (WellKnownTypes.Implements(type, upload))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The literals a value holds: a constant, an array or collection initializer of constants, a local or a field initialized so.</summary>
    private bool Literals(IOperation value, List<string> literals, int depth)
    {
        if (depth > 6)
        {
            return false;
        }

        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            literals.Add(text);
            return true;
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return AllLiterals(initializer.ElementValues, literals, depth);
            case IArrayInitializerOperation initializer:
                // string[] Allowed = { ".jpg", ".png" }: the declarator's initializer binds to the initializer alone.
                return AllLiterals(initializer.ElementValues, literals, depth);
            case IObjectCreationOperation { Initializer: { } collection }:
                var added = false;
                foreach (var element in collection.Initializers)
                {
                    if (element is IInvocationOperation { Arguments.Length: 1 } add && add.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: string item })
                    {
                        literals.Add(item);
                        added = true;
                    }
                    else
                    {
                        return false;
                    }
                }

                return added;
            case IObjectCreationOperation { Arguments.Length: > 0 } creation:
                // new HashSet<string>(new[] { ".jpg", ".png" }, StringComparer.OrdinalIgnoreCase)
                return Literals(creation.Arguments[0].Value, literals, depth + 1);
            case ILocalReferenceOperation local:
                var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
                return values.Count == 1 && Literals(values[0], literals, depth + 1);
            case IFieldReferenceOperation field when FieldInitializer(field.Field) is { } initializer:
                return Literals(initializer, literals, depth + 1);
            case IPropertyReferenceOperation property when PropertyInitializer(property.Property) is { } initializer:
                return Literals(initializer, literals, depth + 1);
            default:
                return false;
        }
    }

    private static bool AllLiterals(System.Collections.Immutable.ImmutableArray<IOperation> elements, List<string> literals, int depth)
    {
        if (elements.IsEmpty || depth > 6)
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (element.WithoutConversions().ConstantValue is not { HasValue: true, Value: string text })
            {
                return false;
            }

            literals.Add(text);
        }

        return true;
    }

#pragma warning disable RS1030 // A field's initializer is in its own file: its semantic model, shared with the driver's cached ones.
    private IOperation? FieldInitializer(IFieldSymbol field)
    {
        if (!field.IsReadOnly && !field.IsConst && !field.IsStatic || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } &&
               _compilation.ContainsSyntaxTree(value.SyntaxTree)
            ? _compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value)
            : null;
    }

    private IOperation? PropertyInitializer(IPropertySymbol property)
    {
        if (property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = property.DeclaringSyntaxReferences[0].GetSyntax();
        var value = syntax switch
        {
            PropertyDeclarationSyntax { Initializer.Value: { } initializer } => initializer,
            PropertyDeclarationSyntax { ExpressionBody.Expression: { } body } => body,
            _ => null,
        };
        return value is not null && _compilation.ContainsSyntaxTree(value.SyntaxTree) ? _compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value) : null;
    }
#pragma warning restore RS1030
}
