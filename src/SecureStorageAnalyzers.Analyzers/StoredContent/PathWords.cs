using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// The words a stored file's path is built from, for <see cref="StoredContentVocabulary"/>: its literal texts (folder
/// segments, a key template's literal parts, constant values, configuration keys), the names of what it reads (a folder
/// constant or property, the upload whose name or extension it keeps: <c>profileImage.FileName</c>, a member such as
/// <c>user.CV</c>, the project's own methods), followed through the locals of the same method; the names of the method and
/// type the write is in; whether the name is freshly minted (<see cref="FreshNames"/>) and whether a string
/// parameter of the method is part of it (the caller chooses where). Collected only for a write that is reported or
/// exempted, never per node.
/// </summary>
internal sealed class PathWords
{
    private const int MaxDepth = 24;
    private const int MaxItems = 64;

    public List<string> Texts { get; } = new();

    public List<string> Names { get; } = new();

    /// <summary>("method", "SaveCv"), ("type", "PatientService").</summary>
    public List<(string Kind, string Name)> CodeNames { get; } = new();

    public bool HasFreshName { get; set; }

    /// <summary>The name of a string parameter of the enclosing method that is part of the path, or null.</summary>
    public string? CallersFolder { get; set; }

    /// <summary>
    /// True when the parameter of <see cref="CallersFolder"/> is met in the file name (the last part of a
    /// <c>Path.Combine</c>: <c>{entityName}_{Guid}{ext}</c>), not in a folder: the message then says so.
    /// </summary>
    public bool CallersValueInName { get; private set; }

    /// <summary>
    /// Every string parameter the path is built from (the folder or key the caller chooses), in the order met: what
    /// <see cref="PublicMediaCallers"/> follows to the callers.
    /// </summary>
    public List<IParameterSymbol> Parameters { get; } = new();

    /// <summary>The locals the path is built from (followed through their values in the same method), each once, compared as symbols.</summary>
    public List<ILocalSymbol> Locals { get; } = new();

    private HashSet<string>? _methodNames;

    /// <summary>True when <paramref name="name"/> of <see cref="Names"/> is the name of a method of the project the path calls.</summary>
    public bool IsMethodName(string name) => _methodNames is not null && _methodNames.Contains(name);

    /// <summary>Adds a name that says what is stored (a caller's method, the member a call's result is stored in).</summary>
    public PathWords AddName(string name)
    {
        AddDistinct(Names, name);
        return this;
    }

    /// <summary>Adds names that say what is stored (<see cref="AddName"/>), each once.</summary>
    public PathWords AddNames(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            AddDistinct(Names, name);
        }

        return this;
    }

    /// <summary>Adds a literal text of the path that is not in the code (an application setting's value in the web.config).</summary>
    public PathWords AddText(string text)
    {
        AddDistinct(Texts, text);
        return this;
    }

    /// <summary>Adds the words of <paramref name="path"/>; <paramref name="ignored"/> is a parameter not counted as the caller's folder.</summary>
    public PathWords Add(IOperation path, StorageSinks sinks, IParameterSymbol? ignored = null, bool freshName = true)
    {
        Scan(path, sinks, 0, null, ignored, inName: false);
        if (freshName && !HasFreshName && FreshNames.Has(path, sinks))
        {
            HasFreshName = true;
        }

        return this;
    }

    /// <summary>Adds the names of the method (not a lambda's) and the type that contain <paramref name="operation"/>.</summary>
    public PathWords AddEnclosingNames(IOperation operation)
    {
        var methodSeen = false;
        for (var node = operation.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case MethodDeclarationSyntax method when !methodSeen:
                    AddCodeName("method", method.Identifier.ValueText);
                    methodSeen = true;
                    break;
                case LocalFunctionStatementSyntax local when !methodSeen:
                    AddCodeName("method", local.Identifier.ValueText);
                    methodSeen = true;
                    break;
                case BaseTypeDeclarationSyntax type:
                    AddCodeName("type", type.Identifier.ValueText);
                    return this;
            }
        }

        return this;
    }

    private void AddCodeName(string kind, string name)
    {
        foreach (var known in CodeNames)
        {
            if (known.Kind == kind && known.Name == name)
            {
                return;
            }
        }

        CodeNames.Add((kind, name));
    }

    private void Scan(IOperation operation, StorageSinks sinks, int depth, ILocalSymbol? from, IParameterSymbol? ignored, bool inName)
    {
        if (depth > MaxDepth || Texts.Count + Names.Count > MaxItems)
        {
            return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            AddDistinct(Texts, text);
            if (operation is IFieldReferenceOperation constant)
            {
                AddDistinct(Names, constant.Field.Name);
            }

            return;
        }

        switch (operation)
        {
            case ILocalReferenceOperation local:
                AddDistinct(Names, local.Local.Name);
                if (!Locals.Contains(local.Local, SymbolEqualityComparer.Default))
                {
                    Locals.Add(local.Local);
                }

                if (!SymbolEqualityComparer.Default.Equals(local.Local, from))
                {
                    foreach (var value in sinks.BodyIndex(local).ValuesOf(local.Local))
                    {
                        Scan(value, sinks, depth + 1, local.Local, ignored, inName);
                    }
                }

                return;
            case IParameterReferenceOperation parameter:
                AddDistinct(Names, parameter.Parameter.Name);
                if (parameter.Parameter.Type.SpecialType == SpecialType.System_String &&
                    !SymbolEqualityComparer.Default.Equals(parameter.Parameter, ignored))
                {
                    if (CallersFolder is null)
                    {
                        CallersFolder = parameter.Parameter.Name;
                        CallersValueInName = inName;
                    }

                    if (!Parameters.Exists(known => SymbolEqualityComparer.Default.Equals(known, parameter.Parameter)))
                    {
                        Parameters.Add(parameter.Parameter);
                    }
                }

                return;
            case IFieldReferenceOperation field:
                AddDistinct(Names, field.Field.Name);
                if (sinks.BodyIndex(field).AssignedValue(field) is { } assigned)
                {
                    // The value the same method gave the field just before (ValueFlowTracker follows it too).
                    Scan(assigned, sinks, depth + 1, from, ignored, inName);
                    return;
                }

                if (ReadOnlyFieldInitializer(field) is { } initializer)
                {
                    // private readonly string _uploadFolder = Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "checkinout"):
                    // the folder's words are in the initializer, as in a local's value.
                    Scan(initializer, sinks, depth + 1, from, ignored, inName);
                }

                break;
            case IPropertyReferenceOperation property:
                AddDistinct(Names, property.Property.Name);
                break;
            case IInvocationOperation invocation when invocation.TargetMethod.DeclaringSyntaxReferences.Length > 0:
                AddDistinct(Names, invocation.TargetMethod.Name);
                (_methodNames ??= new HashSet<string>()).Add(invocation.TargetMethod.Name);
                break;
            case IInvocationOperation { TargetMethod.Name: "Combine", TargetMethod.ContainingType.Name: "Path", Arguments.Length: > 0 } combine
                when sinks.PathParts(combine) is { Count: > 0 } parts:
                // The last part is the file name; the others are folders (a params array's or collection's elements too).
                for (var i = 0; i < parts.Count; i++)
                {
                    Scan(parts[i], sinks, depth + 1, from, ignored, inName || i == parts.Count - 1);
                }

                return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Scan(child, sinks, depth + 1, from, ignored, inName);
        }
    }

    /// <summary>
    /// The initializer of a <c>readonly</c> field declared in the same file as the read (one declarator), bound with the
    /// read's own semantic model; null otherwise.
    /// </summary>
    private static IOperation? ReadOnlyFieldInitializer(IFieldReferenceOperation read)
    {
        var field = read.Field;
        if (!field.IsReadOnly || field.IsConst || field.DeclaringSyntaxReferences.Length != 1 || read.SemanticModel is not { } model ||
            field.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
            ? model.GetOperation(value)
            : null;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (value.Length > 0 && !list.Contains(value))
        {
            list.Add(value);
        }
    }
}
