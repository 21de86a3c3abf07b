using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// Which folder a path expression or a file provider denotes (<see cref="Folder"/>), across files: through locals, the
/// project's own fields, properties and constants, its helper methods (their return values, with the call's
/// arguments), constructor and method parameters (the arguments of every call site in the project, when they all
/// agree), configuration keys (<c>config["Storage:Recordings"]</c>, <c>GetValue&lt;string&gt;</c>,
/// <c>GetSection(…).Value</c>) and options members bound from a section (<c>Configure&lt;T&gt;(GetSection("Storage"))</c>,
/// <c>AddOptions&lt;T&gt;().Bind(…)</c>/<c>.BindConfiguration("Storage")</c>, <c>section.Bind(instance)</c>,
/// <c>section.Get&lt;T&gt;()</c>), read through <c>IOptions&lt;T&gt;.Value</c> or any instance of <c>T</c>.
/// </summary>
/// <remarks>
/// <para>
/// Bounded (depth <see cref="MaxDepth"/>, at most <see cref="MaxCallSites"/> call sites per parameter), never a
/// whole-program data flow: what it cannot follow is unknown (null), and unknown never makes a chain. A field, property
/// or local whose value is not known is still a folder, by its symbol: the same symbol on both sides is the same folder.
/// </para>
/// <para>
/// One per compilation (<see cref="For"/>), asked at the end of the compilation (SSA0009) and, once per compilation, by
/// the request-data scan of <see cref="CompilationFacts"/> and <see cref="ServedFolders.WhyPrivate"/> for
/// SSA0001 (a served folder not private by its name, as <see cref="CompilationFacts"/> binds other files): it binds nodes of other files
/// (<see cref="Compilation.GetSemanticModel"/>), and its index of calls and assignments by name (<see cref="SourceIndex"/>)
/// walks a tree the first time a name is asked that the tree's text spells.
/// </para>
/// </remarks>
internal sealed class FolderModel
{
    internal const int MaxDepth = 10;
    internal const int MaxCallSites = 8;

    private readonly WellKnownTypes _types;
    private readonly Compilation _compilation;
    private readonly StorageSinks _sinks;
    private readonly object _gate = new();
    private SourceIndex? _index;
    private Dictionary<ITypeSymbol, string?>? _bindings;
    private int _keepsDefaultRoots;

    private FolderModel(WellKnownTypes types)
    {
        _types = types;
        _compilation = types.Compilation;
        _sinks = StorageSinks.Create(types);
    }

    /// <summary>The model of the compilation, shared by the rules that ask.</summary>
    public static FolderModel For(WellKnownTypes types) => types.Shared(static t => new FolderModel(t));

    /// <summary>The folder a path value denotes (for a file's path: the file, or the folder it is inside of when the name is not literal); null when unknown.</summary>
    public Folder? PathOf(IOperation value, CancellationToken cancellationToken) =>
        Resolve(value, null, 0, new Walk(cancellationToken));

    /// <summary>
    /// The folder a static-file registration serves: the web root without a file provider, the root of a
    /// <c>PhysicalFileProvider</c>, the content or web root's own provider; null when unknown.
    /// </summary>
    public Folder? ServedBy(IOperation? fileProvider, CancellationToken cancellationToken) =>
        fileProvider is null ? Folder.At(Folder.WebRoot) : Provider(fileProvider, null, 0, new Walk(cancellationToken));

    /// <summary>
    /// A folder on disk as the running app reaches it: a folder under the current directory (<c>".\\wwwroot" + name</c>,
    /// <c>Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", …)</c>, a relative literal path) is under the content
    /// root, and so <c>wwwroot</c> there is the web root, because the host's default content root is the current directory
    /// (<c>WebApplication.CreateBuilder</c>, <c>Host.CreateDefaultBuilder</c>, <c>WebHost.CreateDefaultBuilder</c>). Not
    /// when the project moves a root or the current directory (<see cref="KeepsDefaultRoots"/>): then the folder stays
    /// under the current directory, which nothing serves. Every other folder is returned as it is. For SSA0009, which
    /// compares written and served folders on disk; a cloud container's name, also read through <see cref="PathOf"/>,
    /// is not a folder on disk and is never anchored.
    /// </summary>
    public Folder? OnDisk(Folder? folder, CancellationToken cancellationToken)
    {
        if (folder is null || !string.Equals(folder.Root, Folder.CurrentDirectory, StringComparison.Ordinal) ||
            !KeepsDefaultRoots(new Walk(cancellationToken)))
        {
            return folder;
        }

        return new Folder(Folder.ContentRoot, folder.Segments, folder.Open);
    }

    /// <summary>
    /// True when nothing in the project moves the content root, the web root or the current directory away from the
    /// host's defaults: no call of the framework's <c>UseContentRoot</c>, <c>UseWebRoot</c>, <c>UseWindowsService</c>,
    /// <c>AddWindowsService</c> (a Windows service's content root is the app's base directory), <c>UseSetting</c> with the
    /// content or web root key, <c>Directory.SetCurrentDirectory</c>, and no assignment to a framework property named
    /// <c>ContentRootPath</c>, <c>WebRootPath</c> (<c>WebApplicationOptions</c>, <c>IWebHostEnvironment</c>) or
    /// <c>Environment.CurrentDirectory</c>. Found by name in the source index, then bound: a project's own member of the
    /// same name does not count. Decided once per compilation.
    /// </summary>
    public bool KeepsDefaultRoots(CancellationToken cancellationToken) => KeepsDefaultRoots(new Walk(cancellationToken));

    private bool KeepsDefaultRoots(Walk walk)
    {
        var known = Volatile.Read(ref _keepsDefaultRoots);
        if (known != 0)
        {
            return known > 0;
        }

        var keeps = true;
        var index = Index(walk);
        foreach (var name in MovingCalls)
        {
            foreach (var node in index.Calls(name, walk.Token))
            {
                if (Bind(node, walk) is IInvocationOperation call && !call.TargetMethod.IsDeclaredInSource() &&
                    (name != "UseSetting" || ConstantArgument(call, "key") is { } key &&
                        (string.Equals(key, "contentRoot", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "webroot", StringComparison.OrdinalIgnoreCase))))
                {
                    keeps = false;
                    break;
                }
            }
        }

        foreach (var name in MovingProperties)
        {
            foreach (var node in index.Assignments(name, walk.Token))
            {
                if (keeps && Bind(node, walk) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && !target.Property.IsDeclaredInSource())
                {
                    keeps = false;
                }
            }
        }

        Volatile.Write(ref _keepsDefaultRoots, keeps ? 1 : -1);
        return keeps;
    }

    private static readonly ImmutableArray<string> MovingCalls =
        ImmutableArray.Create("UseContentRoot", "UseWebRoot", "UseWindowsService", "AddWindowsService", "UseSetting", "SetCurrentDirectory");

    private static readonly ImmutableArray<string> MovingProperties = ImmutableArray.Create("ContentRootPath", "WebRootPath", "CurrentDirectory");

    /// <summary>
    /// The names of the calls that bind an options type to a section (<see cref="Bindings"/>), looked up in every tree. The
    /// pre-scan finds their words in the same pass as its own names (<see cref="CompilationFacts.BindingWords"/>), so that
    /// the index need not search each text again for them.
    /// </summary>
    internal static readonly ImmutableArray<string> BindingNames = ImmutableArray.Create("Configure", "Bind", "BindConfiguration", "Get");

    /// <summary>The values of a field or property of the project: its initializer or getter, and every value assigned to it.</summary>
    public List<IOperation> ValuesOf(ISymbol member, CancellationToken cancellationToken) =>
        new(SymbolValues(member.OriginalDefinition, new Walk(cancellationToken)));

    /// <summary>The configuration section an options type is bound from (<c>Storage</c>), or null when none or several.</summary>
    public string? SectionOf(ITypeSymbol optionsType, CancellationToken cancellationToken)
    {
        var bindings = Bindings(new Walk(cancellationToken));
        return bindings.TryGetValue(optionsType.OriginalDefinition, out var section) ? section : null;
    }

    private Folder? Provider(IOperation value, Arguments? arguments, int depth, Walk walk)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = value.WithoutConversions();
        switch (value)
        {
            case IObjectCreationOperation creation when SymbolEquality.Is(creation.Type, _types.PhysicalFileProvider) && creation.Arguments.Length > 0:
                return Resolve(creation.Arguments[0].Value, arguments, depth + 1, walk);
            case IPropertyReferenceOperation property when IsHostEnvironmentMember(property.Property, "ContentRootFileProvider"):
                return Folder.At(Folder.ContentRoot);
            case IPropertyReferenceOperation property when IsHostEnvironmentMember(property.Property, "WebRootFileProvider"):
                return Folder.At(Folder.WebRoot);
        }

        return Follow(value, arguments, depth, walk, Provider, out var followed) ? followed : null;
    }

    /// <summary>The folder of a path value.</summary>
    private Folder? Resolve(IOperation? value, Arguments? arguments, int depth, Walk walk)
    {
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        walk.Token.ThrowIfCancellationRequested();
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return Folder.FromText(text, followedByUnknown: false);
        }

        switch (value)
        {
            case IPropertyReferenceOperation property:
                if (Root(property.Property) is { } root)
                {
                    return Folder.At(root);
                }

                if (ConfigKey(property, arguments, depth, walk) is { } key)
                {
                    return Folder.At(Folder.ConfigPrefix + key);
                }

                // A member of options bound from two sections (named options): which one, the code does not say here.
                if (property.Property.IsDeclaredInSource() && Bindings(walk).TryGetValue(property.Property.ContainingType.OriginalDefinition, out var section) && section is null)
                {
                    return null;
                }

                break;

            case IInvocationOperation invocation:
                return Invocation(invocation, arguments, depth, walk);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
            case IInterpolatedStringOperation:
                return Concatenation(value, arguments, depth, walk);

            case ICoalesceOperation coalesce:
                return Configured(Resolve(coalesce.Value, arguments, depth + 1, walk), Resolve(coalesce.WhenNull, arguments, depth + 1, walk));

            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Agree(Resolve(conditional.WhenTrue, arguments, depth + 1, walk), Resolve(whenFalse, arguments, depth + 1, walk));
        }

        if (Follow(value, arguments, depth, walk, Resolve, out var followed))
        {
            return followed ?? SymbolFolder(value);
        }

        return null;
    }

    /// <summary>A root the framework names: the content root, the web root, the app's base directory, the current directory.</summary>
    private string? Root(IPropertySymbol property)
    {
        if (IsHostEnvironmentMember(property, "ContentRootPath"))
        {
            return Folder.ContentRoot;
        }

        if (IsHostEnvironmentMember(property, "WebRootPath"))
        {
            return Folder.WebRoot;
        }

        var type = property.ContainingType;
        if (property.Name == "BaseDirectory" && (SymbolEquality.DefinitionIs(type, _types.AppContext) || SymbolEquality.DefinitionIs(type, _types.AppDomain)))
        {
            return Folder.BaseDirectory;
        }

        return property.Name == "CurrentDirectory" && SymbolEquality.DefinitionIs(type, _types.Environment) ? Folder.CurrentDirectory : null;
    }

    private bool IsHostEnvironmentMember(IPropertySymbol property, string name) =>
        property.Name == name && _types.IsHostEnvironment(property.ContainingType);

    private Folder? Invocation(IInvocationOperation invocation, Arguments? arguments, int depth, Walk walk)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (SymbolEquality.DefinitionIs(type, _types.Path))
        {
            switch (method.Name)
            {
                case "Combine" or "Join":
                    return Combine(invocation, arguments, depth, walk);
                case "GetDirectoryName" or "GetFullPath" when invocation.Arguments.Length == 1:
                    var inner = Resolve(invocation.Arguments[0].Value, arguments, depth + 1, walk);
                    if (method.Name == "GetFullPath" || inner is null)
                    {
                        return inner;
                    }

                    return inner.Open || inner.Segments.IsEmpty ? null : new Folder(inner.Root, inner.Segments.RemoveAt(inner.Segments.Length - 1), open: false);
                default:
                    return null;
            }
        }

        if (method.Name == "GetCurrentDirectory" && SymbolEquality.DefinitionIs(type, _types.Directory))
        {
            return Folder.At(Folder.CurrentDirectory);
        }

        // Environment.GetEnvironmentVariable("FILE_STORAGE_PATH"): an environment variable is a configuration source of
        // the host (its key with "__" as ':'), so the same variable is the same configured folder.
        if (method.Name == "GetEnvironmentVariable" && SymbolEquality.DefinitionIs(type, _types.Environment) &&
            ConstantArgument(invocation, "variable") is { Length: > 0 } variable)
        {
            return Folder.At(Folder.ConfigPrefix + variable.Replace("__", ":"));
        }

        if (SymbolEquality.DefinitionIs(type, _types.ConfigurationBinder) && method.Name == "GetValue" &&
            method.ReturnType.SpecialType == SpecialType.System_String)
        {
            var key = ConstantArgument(invocation, "key");
            var receiver = invocation.Receiver();
            if (key is not null && receiver is not null && ConfigPath(receiver, arguments, depth + 1, walk) is { } path)
            {
                return Folder.At(Folder.ConfigPrefix + JoinKey(path, key));
            }

            return null;
        }

        return Helper(invocation, arguments, depth, walk);
    }

    /// <summary><c>Path.Combine(a, b, …)</c>/<c>Path.Join</c>: the first part's folder, then each literal part's segments; a part that is not literal ends what is known.</summary>
    private Folder? Combine(IInvocationOperation invocation, Arguments? arguments, int depth, Walk walk)
    {
        if (_sinks.PathParts(invocation) is not { } parts)
        {
            return null;
        }

        foreach (var part in parts)
        {
            if (part.Type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }
        }

        Folder? current = null;
        foreach (var part in parts)
        {
            if (current is { Open: true })
            {
                return current;
            }

            var text = ConstantText(part, arguments, depth, walk);
            if (text is not null)
            {
                current = current is null || Folder.IsAbsolute(text)
                    ? Folder.FromText(text, followedByUnknown: false)
                    : current.Append(text, followedByUnknown: false, textIsWholeSegments: true);
                if (current is null)
                {
                    return null;
                }

                continue;
            }

            var folder = Resolve(part, arguments, depth + 1, walk);
            if (current is not null && folder is { Open: true, Segments.IsEmpty: true } && folder.Root.StartsWith(Folder.SymbolPrefix, StringComparison.Ordinal) &&
                ReferenceEquals(part, parts[parts.Count - 1]) && part.WithoutConversions() is IInterpolatedStringOperation or IBinaryOperation)
            {
                // Path.Combine(root, "Documents", $"{document.Title}{document.FileExtension}"): the last part glues a
                // member of the project to another unknown value, a file's name, not a folder the member names.
                return current.AsOpen();
            }

            if (current is null)
            {
                current = folder;
                if (current is null)
                {
                    return null;
                }
            }
            else if (folder is not null && IsNamedRoot(folder.Root))
            {
                // A configured folder, or a field or property, combined onto a root: relative or absolute, the same spelling is the same folder.
                current = current.Combine(folder);
            }
            else
            {
                return current.AsOpen();
            }
        }

        return current;
    }

    private static bool IsNamedRoot(string root) =>
        root.StartsWith(Folder.ConfigPrefix, StringComparison.Ordinal) || root.StartsWith(Folder.SymbolPrefix, StringComparison.Ordinal);

    /// <summary><c>root + "/recordings/" + phone + ".wav"</c>, <c>$"{root}/recordings/{phone}.wav"</c>.</summary>
    private Folder? Concatenation(IOperation value, Arguments? arguments, int depth, Walk walk)
    {
        var parts = new List<IOperation>();
        Flatten(value, parts);
        var texts = new string?[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            texts[i] = ConstantText(parts[i], arguments, depth, walk);
        }

        var index = 0;
        Folder? current;
        if (texts[0] is not null)
        {
            var text = Gather(texts, ref index);
            current = Folder.FromText(text, followedByUnknown: index < parts.Count);
        }
        else
        {
            current = Resolve(parts[0], arguments, depth + 1, walk);
            index = 1;
        }

        while (current is { Open: false } && index < parts.Count)
        {
            if (texts[index] is null)
            {
                return current.AsOpen();
            }

            var text = Gather(texts, ref index);
            if (text.Length == 0)
            {
                continue;
            }

            if (text[0] is not ('/' or '\\'))
            {
                // Glued onto the last segment (root + "recordings"): which folder that is, the code does not say.
                return null;
            }

            current = current.Append(text, followedByUnknown: index < parts.Count, textIsWholeSegments: false);
        }

        return current;
    }

    private static string Gather(string?[] texts, ref int index)
    {
        var text = string.Empty;
        while (index < texts.Length && texts[index] is { } piece)
        {
            text += piece;
            index++;
        }

        return text;
    }

    /// <summary>
    /// The parts of a concatenation or interpolation, in order. A string local whose only value in its body is itself a
    /// concatenation or interpolation is spliced in (<c>var name = $@"\videos\{email}.mp4"; ".\\wwwroot" + name</c>),
    /// a few locals deep: the literal that starts its value says which folder the whole path is in.
    /// </summary>
    private void Flatten(IOperation value, List<IOperation> parts, int hops = 0)
    {
        value = value.WithoutConversions();
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String &&
                                                                                    binary.ConstantValue is not { HasValue: true }:
                Flatten(binary.LeftOperand, parts, hops);
                Flatten(binary.RightOperand, parts, hops);
                break;
            case ILocalReferenceOperation local when hops < 3 && local.Type?.SpecialType == SpecialType.System_String &&
                                                     _sinks.BodyIndex(local).ValuesOf(local.Local) is { Count: 1 } values &&
                                                     values[0].WithoutConversions() is IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue.HasValue: false }:
                Flatten(values[0], parts, hops + 1);
                break;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            parts.Add(text.Text);
                            break;
                        case IInterpolationOperation { FormatString: null, Alignment: null } interpolation:
                            parts.Add(interpolation.Expression);
                            break;
                        case IInterpolationOperation interpolation:
                            // A formatted value ({day:yyyy-MM-dd}) is never a folder: unknown from there on.
                            parts.Add(interpolation);
                            break;
                    }
                }

                break;
            default:
                parts.Add(value);
                break;
        }
    }

    /// <summary>
    /// A constant string, through locals that hold one constant (<c>var sub = "recordings";</c>) and static fields and
    /// properties of the project whose one value is a constant; null otherwise.
    /// </summary>
    private string? ConstantText(IOperation value, Arguments? arguments, int depth, Walk walk)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        if (value is ILocalReferenceOperation { Local.IsConst: false } local && depth <= MaxDepth)
        {
            var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
            string? agreed = null;
            foreach (var candidate in values)
            {
                var each = candidate.WithoutConversions() switch
                {
                    { ConstantValue: { HasValue: true, Value: string constant } } => constant,
                    IInvocationOperation invocation => CombinedText(invocation, arguments, depth + 1, walk),
                    _ => null,
                };
                if (each is null || agreed is not null && !string.Equals(agreed, each, StringComparison.Ordinal))
                {
                    return null;
                }

                agreed = each;
            }

            return agreed;
        }

        // A static field or property of the project that is not const but holds one string all the same
        // (public static string downloadFolder = "Downloadables";): its one value, an initializer or a single
        // assignment, as for a constant. Two values (or none the project shows) leave it unknown.
        var member = value switch
        {
            IFieldReferenceOperation { Field: { IsConst: false, IsStatic: true } field } when field.IsDeclaredInSource() => (ISymbol)field.OriginalDefinition,
            IPropertyReferenceOperation { Property: { IsStatic: true, IsIndexer: false } property } when property.IsDeclaredInSource() => property.OriginalDefinition,
            _ => null,
        };
        if (member is not null && depth <= MaxDepth && walk.Enter(member))
        {
            try
            {
                string? single = null;
                var count = 0;
                foreach (var candidate in SymbolValues(member, walk))
                {
                    if (++count > 1 || candidate.WithoutConversions().ConstantValue is not { HasValue: true, Value: string each })
                    {
                        return null;
                    }

                    single = each;
                }

                return single;
            }
            finally
            {
                walk.Leave(member);
            }
        }

        return null;
    }

    /// <summary>
    /// <c>Path.Combine("Resources", "Cvs")</c> (or <c>Path.Join</c>) of constant texts alone, the value of a local that a
    /// later <c>Path.Combine(Directory.GetCurrentDirectory(), folderName)</c> puts under a root: the text it makes, its parts
    /// joined with <c>/</c> (a rooted part starts it again, as <c>Path.Combine</c> does); null when a part is not constant.
    /// </summary>
    private string? CombinedText(IInvocationOperation invocation, Arguments? arguments, int depth, Walk walk)
    {
        if (!SymbolEquality.DefinitionIs(invocation.TargetMethod.ContainingType, _types.Path) ||
            invocation.TargetMethod.Name is not ("Combine" or "Join") || invocation.Arguments.IsEmpty)
        {
            return null;
        }

        if (_sinks.PathParts(invocation) is not { } values)
        {
            return null;
        }

        string? text = null;
        foreach (var value in values)
        {
            var part = ConstantText(value, arguments, depth, walk);
            if (part is null)
            {
                return null;
            }

            text = text is null || invocation.TargetMethod.Name == "Combine" && Folder.IsAbsolute(part)
                ? part
                : text.TrimEnd('/', '\\') + "/" + part.TrimStart('/', '\\');
        }

        return text;
    }

    /// <summary>A call of the project's own method: the folder every return value agrees on, with the call's arguments.</summary>
    private Folder? Helper(IInvocationOperation invocation, Arguments? arguments, int depth, Walk walk)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || method.ReturnType.SpecialType != SpecialType.System_String || !walk.Enter(method))
        {
            return null;
        }

        try
        {
            var callArguments = new Arguments(arguments);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter)
                {
                    callArguments.Values[parameter.OriginalDefinition] = argument.Value;
                }
            }

            Folder? agreed = null;
            var any = false;
            foreach (var returned in ReturnedValues(method, walk))
            {
                var folder = Resolve(returned, callArguments, depth + 1, walk);
                if (folder is null || any && !folder.Equals(agreed))
                {
                    return null;
                }

                agreed = folder;
                any = true;
            }

            return agreed;
        }
        finally
        {
            walk.Leave(method);
        }
    }

    private IEnumerable<IOperation> ReturnedValues(IMethodSymbol method, Walk walk)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(walk.Token);
            var (body, arrow) = syntax switch
            {
                MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
                AccessorDeclarationSyntax accessor => (accessor.Body, accessor.ExpressionBody),
                _ => (null, (ArrowExpressionClauseSyntax?)null),
            };

            if (arrow is not null && Bind(arrow.Expression, walk) is { } value)
            {
                yield return value;
                continue;
            }

            if (body is null)
            {
                continue;
            }

            foreach (var node in body.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax { Expression: { } expression } && Bind(expression, walk) is { } returned)
                {
                    yield return returned;
                }
            }
        }
    }

    /// <summary>
    /// Follows a reference to its values: a local (its values in the body), a parameter (the call's argument, or the
    /// arguments of every call site), a field or property declared in the project (its initializer, getter, and every
    /// assignment). True when <paramref name="value"/> is such a reference; <paramref name="result"/> is what all its
    /// values agree on, or null.
    /// </summary>
    private bool Follow<T>(IOperation value, Arguments? arguments, int depth, Walk walk,
        Func<IOperation, Arguments?, int, Walk, T?> evaluate, out T? result)
        where T : class
    {
        result = null;
        switch (value)
        {
            case ILocalReferenceOperation local:
                result = AgreeOn(_sinks.BodyIndex(local).ValuesOf(local.Local), arguments, depth, walk, evaluate, local.Local);
                return true;

            case IParameterReferenceOperation parameter:
                var original = parameter.Parameter.OriginalDefinition;
                for (var scope = arguments; scope is not null; scope = scope.Outer)
                {
                    if (scope.Values.TryGetValue(original, out var argument))
                    {
                        result = evaluate(argument, scope.Outer, depth + 1, walk);
                        return true;
                    }
                }

                result = CallSiteArguments(original, walk) is { } sites ? AgreeOn(sites, null, depth, walk, evaluate, original) : null;
                return true;

            case IFieldReferenceOperation field when field.Field.IsDeclaredInSource():
                result = AgreeOn(SymbolValues(field.Field.OriginalDefinition, walk), null, depth, walk, evaluate, field.Field.OriginalDefinition);
                return true;

            case IPropertyReferenceOperation { Property.IsIndexer: false } property when property.Property.IsDeclaredInSource():
                result = AgreeOn(SymbolValues(property.Property.OriginalDefinition, walk), null, depth, walk, evaluate, property.Property.OriginalDefinition);
                return true;

            default:
                return false;
        }
    }

    private static T? AgreeOn<T>(IEnumerable<IOperation> values, Arguments? arguments, int depth, Walk walk,
        Func<IOperation, Arguments?, int, Walk, T?> evaluate, ISymbol symbol)
        where T : class
    {
        if (!walk.Enter(symbol))
        {
            return null;
        }

        try
        {
            T? agreed = null;
            foreach (var value in values)
            {
                var each = evaluate(value, arguments, depth + 1, walk);
                if (each is null || agreed is not null && !each.Equals(agreed))
                {
                    return null;
                }

                agreed = each;
            }

            return agreed;
        }
        finally
        {
            walk.Leave(symbol);
        }
    }

    private static Folder? Agree(Folder? left, Folder? right) => left is not null && left.Equals(right) ? left : null;

    /// <summary>
    /// <c>configured ?? fallback</c>: the same folder when both agree; a configured folder with a known default
    /// (<c>Environment.GetEnvironmentVariable("FILE_STORAGE_PATH") ?? "/data/uploads"</c>) is its own folder, the same
    /// wherever the code spells the same pair (a setting and its default); anything else is not known.
    /// </summary>
    private static Folder? Configured(Folder? configured, Folder? fallback)
    {
        if (configured is null || fallback is null || configured.Equals(fallback))
        {
            return Agree(configured, fallback);
        }

        return !configured.Open && !fallback.Open && configured.Segments.IsEmpty &&
               configured.Root.StartsWith(Folder.ConfigPrefix, System.StringComparison.Ordinal)
            ? Folder.At(configured.Key + "??" + fallback.Key)
            : null;
    }

    /// <summary>A local, field or property whose value is not known is still a folder: the same symbol is the same folder.</summary>
    private static Folder? SymbolFolder(IOperation reference)
    {
        ISymbol? symbol = reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IFieldReferenceOperation field when field.Field.IsDeclaredInSource() => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property when property.Property.IsDeclaredInSource() => property.Property.OriginalDefinition,
            _ => null,
        };

        if (symbol is null)
        {
            return null;
        }

        // A local is one method's value (a day, a name): it names a folder for that method only, never one combined onto a root.
        return symbol is ILocalSymbol && !symbol.Locations.IsEmpty
            ? Folder.At($"{Folder.LocalPrefix}{symbol.Name}#{symbol.Locations[0].SourceTree?.FilePath}:{symbol.Locations[0].SourceSpan.Start}")
            : Folder.At(Folder.SymbolPrefix + symbol.ToDisplayString());
    }

    /// <summary>The initializer or getter of a field or property of the project, and every value assigned to it.</summary>
    private IEnumerable<IOperation> SymbolValues(ISymbol symbol, Walk walk)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(walk.Token);
            ExpressionSyntax? expression = syntax switch
            {
                VariableDeclaratorSyntax { Initializer.Value: { } initializer } => initializer,
                PropertyDeclarationSyntax { Initializer.Value: { } initializer } => initializer,
                PropertyDeclarationSyntax { ExpressionBody.Expression: { } body } => body,
                _ => null,
            };

            if (expression is not null && Bind(expression, walk) is { } value)
            {
                yield return value;
            }

            if (syntax is PropertyDeclarationSyntax { AccessorList: { } accessors } && symbol is IPropertySymbol { GetMethod: { } getter } &&
                accessors.Accessors.Count > 0)
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration) && (accessor.Body is not null || accessor.ExpressionBody is not null))
                    {
                        foreach (var returned in ReturnedValues(getter, walk))
                        {
                            yield return returned;
                        }
                    }
                }
            }
        }

        // A private member is assigned inside its type only: the other types' members of the same name (every service's
        // _root) are not bound at all, and the trees that do not declare the type are not searched.
        var isPrivate = symbol.DeclaredAccessibility == Accessibility.Private;
        foreach (var node in Index(walk).Assignments(symbol.Name, walk.Token, isPrivate ? symbol.ContainingType : null))
        {
            if (isPrivate && !IsInsideDeclarationOf(symbol.ContainingType, node))
            {
                continue;
            }

            if (Bind(node, walk) is ISimpleAssignmentOperation assignment &&
                assignment.Target switch
                {
                    IFieldReferenceOperation field => SymbolEquality.Is(field.Field.OriginalDefinition, symbol),
                    IPropertyReferenceOperation property => SymbolEquality.Is(property.Property.OriginalDefinition, symbol),
                    _ => false,
                })
            {
                yield return assignment.Value;
            }
        }
    }

    /// <summary>
    /// The argument given to <paramref name="parameter"/> at each call (or creation) of its method in the project: empty
    /// when nothing in the project calls it, null when a call passes nothing for it (a default value) or there are more
    /// than <see cref="MaxCallSites"/> calls (too many to agree on a folder without guessing).
    /// </summary>
    private List<IOperation>? CallSiteArguments(IParameterSymbol parameter, Walk walk)
    {
        var values = new List<IOperation>();
        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method || !method.IsDeclaredInSource())
        {
            return values;
        }

        var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
        var isPrivate = method.DeclaredAccessibility == Accessibility.Private;
        foreach (var node in Index(walk).Calls(name, walk.Token, isPrivate ? method.ContainingType : null))
        {
            if (isPrivate && !IsInsideDeclarationOf(method.ContainingType, node))
            {
                continue;
            }

            var (target, callArguments) = Bind(node, walk) switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
                _ => ((IMethodSymbol?)null, ImmutableArray<IArgumentOperation>.Empty),
            };

            if (target is null || !SymbolEquality.Is(target.OriginalDefinition, method))
            {
                continue;
            }

            var found = false;
            foreach (var argument in callArguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    found = true;
                    values.Add(argument.Value);
                }
            }

            if (!found || values.Count > MaxCallSites)
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>True when <paramref name="node"/> lies inside a declaration of <paramref name="type"/>.</summary>
    private static bool IsInsideDeclarationOf(INamedTypeSymbol? type, SyntaxNode node)
    {
        if (type is null)
        {
            return true;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
            {
                return true;
            }
        }

        return false;
    }

    // ---- Configuration ----

    /// <summary><c>config["Storage:Recordings"]</c>, <c>section.Value</c>, or a member of a bound options object: its configuration key.</summary>
    private string? ConfigKey(IPropertyReferenceOperation property, Arguments? arguments, int depth, Walk walk)
    {
        var symbol = property.Property;
        if (symbol.IsIndexer)
        {
            if (IsConfiguration(symbol.ContainingType) && property.Arguments.Length == 1 &&
                property.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } && property.Instance is { } instance &&
                ConfigPath(instance, arguments, depth + 1, walk) is { } path)
            {
                return JoinKey(path, key);
            }

            return null;
        }

        if (symbol.Name == "Value" && _types.IConfigurationSection is { } section && WellKnownTypes.Implements(symbol.ContainingType, section) &&
            property.Instance is { } sectionInstance)
        {
            return ConfigPath(sectionInstance, arguments, depth + 1, walk) is { Length: > 0 } sectionPath ? sectionPath : null;
        }

        if (symbol.Type.SpecialType == SpecialType.System_String && property.Instance is { } owner && ObjectSection(owner, walk) is { } ownerSection)
        {
            return JoinKey(ownerSection, symbol.Name);
        }

        return null;
    }

    /// <summary>The section an options object is bound from: its type's binding, or its parent object's section and its member's name.</summary>
    private string? ObjectSection(IOperation instance, Walk walk, int hops = 0)
    {
        instance = instance.WithoutConversions();
        if (instance.Type is INamedTypeSymbol type && type.IsDeclaredInSource() && Bindings(walk).TryGetValue(type.OriginalDefinition, out var section))
        {
            return section;
        }

        if (hops >= 4 || instance is not IPropertyReferenceOperation { Instance: { } parent } member || !member.Property.IsDeclaredInSource())
        {
            return null;
        }

        return ObjectSection(parent, walk, hops + 1) is { } parentSection ? JoinKey(parentSection, member.Property.Name) : null;
    }

    /// <summary>The path of a configuration object: "" for the root (<c>builder.Configuration</c>, an injected <c>IConfiguration</c>), <c>Storage</c> for <c>GetSection("Storage")</c>.</summary>
    private string? ConfigPath(IOperation value, Arguments? arguments, int depth, Walk walk)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        value = value.WithoutConversions();
        if (value is IInvocationOperation invocation && invocation.TargetMethod.Name is "GetSection" or "GetRequiredSection" &&
            (IsConfiguration(invocation.TargetMethod.ContainingType) || SymbolEquality.DefinitionIs(invocation.TargetMethod.ContainingType, _types.ConfigurationExtensions)))
        {
            var key = ConstantArgument(invocation, "key");
            var receiver = invocation.Receiver();
            return key is not null && receiver is not null && ConfigPath(receiver, arguments, depth + 1, walk) is { } parent ? JoinKey(parent, key) : null;
        }

        // A configuration root (new ConfigurationBuilder()….Build(), builder.Configuration): never a section.
        if (value.Type is { } type && _types.IConfigurationRoot is { } rootType && WellKnownTypes.Implements(type, rootType))
        {
            return string.Empty;
        }

        // A parameter nothing in the project passes a value to (the container injects it): the root configuration.
        if (value is IParameterReferenceOperation parameter && !IsArgument(parameter.Parameter, arguments) &&
            CallSiteArguments(parameter.Parameter.OriginalDefinition, walk) is { Count: 0 })
        {
            return IsRootConfiguration(value.Type) ? string.Empty : null;
        }

        if (Follow(value, arguments, depth, walk, ConfigPathBox, out var box))
        {
            return box?.Path;
        }

        return value is IPropertyReferenceOperation or IParameterReferenceOperation && IsRootConfiguration(value.Type) ? string.Empty : null;
    }

    private static bool IsArgument(IParameterSymbol parameter, Arguments? arguments)
    {
        for (var scope = arguments; scope is not null; scope = scope.Outer)
        {
            if (scope.Values.ContainsKey(parameter.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private ConfigPathValue? ConfigPathBox(IOperation value, Arguments? arguments, int depth, Walk walk) =>
        ConfigPath(value, arguments, depth, walk) is { } path ? new ConfigPathValue(path) : null;

    private bool IsConfiguration(ITypeSymbol? type) => type is not null && _types.IConfiguration is { } configuration && WellKnownTypes.Implements(type, configuration);

    private bool IsRootConfiguration(ITypeSymbol? type) =>
        IsConfiguration(type) && !(_types.IConfigurationSection is { } section && WellKnownTypes.Implements(type!, section));

    private static string JoinKey(string parent, string key) => parent.Length == 0 ? key : parent + ":" + key;

    private static string? ConstantArgument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName)
            {
                return argument.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            }
        }

        return null;
    }

    /// <summary>
    /// Which section each options type is bound from: <c>services.Configure&lt;T&gt;(section)</c>,
    /// <c>AddOptions&lt;T&gt;().Bind(section)</c>, <c>.BindConfiguration("path")</c>, <c>section.Bind(instance)</c>,
    /// <c>section.Get&lt;T&gt;()</c>. A type bound from two sections maps to null (unknown).
    /// </summary>
    private Dictionary<ITypeSymbol, string?> Bindings(Walk walk)
    {
        if (Volatile.Read(ref _bindings) is { } known)
        {
            return known;
        }

        var index = Index(walk);
        lock (_gate)
        {
            if (_bindings is not null)
            {
                return _bindings;
            }

            var bindings = new Dictionary<ITypeSymbol, string?>(SymbolEqualityComparer.Default);
            foreach (var name in BindingNames)
            {
                foreach (var node in index.Calls(name, walk.Token))
                {
                    // section.Get<T>(): only the generic form binds an options type; every other Get call is left unbound.
                    if (name == "Get" && node is InvocationExpressionSyntax { Expression: not (GenericNameSyntax or MemberAccessExpressionSyntax { Name: GenericNameSyntax }) })
                    {
                        continue;
                    }

                    if (Bind(node, walk) is IInvocationOperation invocation && Binding(invocation, walk) is ({ } type, { } section))
                    {
                        var key = type.OriginalDefinition;
                        bindings[key] = bindings.TryGetValue(key, out var earlier) && !string.Equals(earlier, section, StringComparison.OrdinalIgnoreCase) ? null : section;
                    }
                }
            }

            Volatile.Write(ref _bindings, bindings);
            return bindings;
        }
    }

    private (ITypeSymbol? Type, string? Section) Binding(IInvocationOperation invocation, Walk walk)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        IOperation? configuration = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsConfiguration(parameter.Type))
            {
                configuration = argument.Value;
            }
        }

        if (SymbolEquality.DefinitionIs(type, _types.OptionsConfigurationServiceCollectionExtensions) && method.Name == "Configure" && method.TypeArguments.Length == 1 ||
            SymbolEquality.DefinitionIs(type, _types.OptionsBuilderConfigurationExtensions) && method.Name == "Bind" && method.TypeArguments.Length == 1)
        {
            return configuration is not null ? (method.TypeArguments[0], ConfigPath(configuration, null, 0, walk)) : (null, null);
        }

        if (SymbolEquality.DefinitionIs(type, _types.OptionsBuilderConfigurationExtensions) && method.Name == "BindConfiguration" && method.TypeArguments.Length == 1)
        {
            return (method.TypeArguments[0], ConstantArgument(invocation, "configSectionPath"));
        }

        if (SymbolEquality.DefinitionIs(type, _types.ConfigurationBinder) && configuration is not null)
        {
            var path = ConfigPath(configuration, null, 0, walk);
            if (method.Name == "Get" && method.TypeArguments.Length == 1)
            {
                return (method.TypeArguments[0], path);
            }

            if (method.Name == "Bind")
            {
                ITypeSymbol? bound = null;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name == "instance")
                    {
                        bound = argument.Value.WithoutConversions().Type;
                    }
                }

                var key = ConstantArgument(invocation, "key");
                return (bound, path is null ? null : key is null ? path : JoinKey(path, key));
            }
        }

        return (null, null);
    }

    // ---- Binding other files' syntax ----

#pragma warning disable RS1030 // The folder of a field, a helper or a caller is in another file (SSA0009 at the end; SSA0001 once per compilation, as CompilationFacts).
    // A symbol of a referenced project's source (a project reference in the IDE or the audit tool) declares its syntax in
    // that project's trees, which this compilation cannot bind: such a node has no operation here.
    private IOperation? Bind(SyntaxNode node, Walk walk) =>
        _compilation.ContainsSyntaxTree(node.SyntaxTree) ? _compilation.GetSemanticModel(node.SyntaxTree).GetOperation(node, walk.Token) : null;
#pragma warning restore RS1030

    private SourceIndex Index(Walk walk)
    {
        if (Volatile.Read(ref _index) is { } index)
        {
            return index;
        }

        lock (_gate)
        {
            if (_index is null)
            {
                Volatile.Write(ref _index, new SourceIndex(_compilation, CompilationFacts.For(_types)));
            }

            return _index!;
        }
    }

    /// <summary>
    /// The calls, creations and assignments of every tree, by the name they are spelled with, in the order of the trees
    /// and of each tree's nodes. A name is looked up where the text spells it as a word (<see cref="TreeIndex.Spelled"/>):
    /// a tree that does not spell it is not looked at, and no tree is walked. Exact: an identifier token of the name is
    /// that word in the text, unless the text spells identifiers otherwise (a Unicode escape, a formatting character
    /// inside the name: any character outside ASCII), and such a tree is walked whole on the first question
    /// (<see cref="TreeIndex.Walked"/>).
    /// </summary>
    private sealed class SourceIndex
    {
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly TreeIndex?[] _indexed;
        private readonly string?[] _texts;
        private readonly CompilationFacts.SyntaxCache? _cache;
        private readonly CompilationFacts _facts;
        private readonly object _gate = new();
        private readonly Dictionary<string, IReadOnlyList<SyntaxNode>> _calls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<SyntaxNode>> _assignments = new(StringComparer.Ordinal);

        public SourceIndex(Compilation compilation, CompilationFacts facts)
        {
            _trees = compilation.SyntaxTrees.ToImmutableArray();
            _indexed = new TreeIndex?[_trees.Length];
            _texts = new string?[_trees.Length];
            _facts = facts;
            _cache = facts.Syntax;
        }

        /// <summary>
        /// The calls and creations of <paramref name="name"/>; with <paramref name="inside"/>, only those of the trees that
        /// declare that type (the rest are outside it: a private member's callers), in the same order.
        /// </summary>
        public IReadOnlyList<SyntaxNode> Calls(string name, CancellationToken cancellationToken, INamedTypeSymbol? inside = null) =>
            Lookup(_calls, name, calls: true, inside, cancellationToken);

        /// <summary>The assignments of <paramref name="name"/>; with <paramref name="inside"/>, as <see cref="Calls"/>.</summary>
        public IReadOnlyList<SyntaxNode> Assignments(string name, CancellationToken cancellationToken, INamedTypeSymbol? inside = null) =>
            Lookup(_assignments, name, calls: false, inside, cancellationToken);

        private IReadOnlyList<SyntaxNode> Lookup(Dictionary<string, IReadOnlyList<SyntaxNode>> known, string name, bool calls, INamedTypeSymbol? inside,
            CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (known.TryGetValue(name, out var found))
                {
                    return found;
                }

                // Only the trees that declare the type: a private member's assignments and calls are inside its type, so the
                // other trees are neither searched nor indexed (the whole project's answer is not kept then).
                HashSet<SyntaxTree>? declaring = null;
                if (inside is not null)
                {
                    declaring = new HashSet<SyntaxTree>();
                    foreach (var reference in inside.DeclaringSyntaxReferences)
                    {
                        declaring.Add(reference.SyntaxTree);
                    }
                }

                List<SyntaxNode>? nodes = null;
                List<int>? positions = null;

                // A binding name's words in a tree the pre-scan read (when it has run): the positions Words would find.
                var bindingName = BindingNames.IndexOf(name);
                var scanned = bindingName >= 0 ? _facts.BindingWords : null;
                for (var i = 0; i < _trees.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (declaring is not null && !declaring.Contains(_trees[i]))
                    {
                        continue;
                    }

                    List<int>? treePositions;
                    var spelled = true;
                    if (scanned is not null && scanned.TryGetValue(_trees[i], out var words))
                    {
                        treePositions = words[bindingName];
                        if (treePositions is null)
                        {
                            continue;
                        }
                    }
                    else
                    {
                        var text = Text(i, cancellationToken);
                        spelled = text.Length > 0;
                        treePositions = null;
                        if (spelled)
                        {
                            positions ??= new List<int>();
                            positions.Clear();
                            Words(text, name, positions);
                            if (positions.Count == 0)
                            {
                                continue;
                            }

                            treePositions = positions;
                        }
                    }

                    var tree = _indexed[i];
                    if (tree is null)
                    {
                        var syntaxTree = _trees[i];
                        tree = _indexed[i] = _cache is null ? new TreeIndex(syntaxTree) : _cache.Get(syntaxTree).FolderIndex(syntaxTree, t => new TreeIndex(t));
                    }

                    var treeNodes = spelled
                        ? tree.Spelled(name, calls, treePositions!, cancellationToken)
                        : tree.Walked(name, calls, cancellationToken);
                    if (treeNodes.Length > 0)
                    {
                        (nodes ??= new List<SyntaxNode>()).AddRange(treeNodes);
                    }
                }

                IReadOnlyList<SyntaxNode> result = nodes ?? (IReadOnlyList<SyntaxNode>)Array.Empty<SyntaxNode>();
                if (declaring is null)
                {
                    known[name] = result;
                }

                return result;
            }
        }

        /// <summary>
        /// Tree <paramref name="i"/>'s text when it spells every identifier by its characters (ASCII, no Unicode escape);
        /// otherwise the empty string, and the tree is walked.
        /// </summary>
        private string Text(int i, CancellationToken cancellationToken)
        {
            var text = _texts[i];
            if (text is null)
            {
                var source = _trees[i].GetText(cancellationToken).ToString();

                // The empty string stands for a text whose identifiers may be spelled otherwise than by their characters.
                // A tree the pre-scan read as ASCII without a Unicode escape (it has its binding words) is known to spell them as written.
                text = _texts[i] = _facts.BindingWords?.ContainsKey(_trees[i]) == true || SpellsIdentifiersAsWritten(source) ? source : string.Empty;
            }

            return text;
        }

        /// <summary>The start of every word of <paramref name="text"/> that is <paramref name="name"/>, in the order of the text.</summary>
        private static void Words(string text, string name, List<int> positions)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if ((at == 0 || !IsAsciiIdentifierPart(text[at - 1])) && (end == text.Length || !IsAsciiIdentifierPart(text[end])))
                {
                    positions.Add(at);
                }
            }
        }

        /// <summary>ASCII only (UTF-8 takes one byte per character), and no backslash before a <c>u</c> or <c>U</c>.</summary>
        private static bool SpellsIdentifiersAsWritten(string text)
        {
            if (System.Text.Encoding.UTF8.GetByteCount(text) != text.Length)
            {
                return false;
            }

            for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
            {
                if (text[at + 1] is 'u' or 'U')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAsciiIdentifierPart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';
    }

    /// <summary>
    /// One tree's calls, creations and assignments by the name they are spelled with, in the order of the tree's nodes
    /// (<c>DescendantNodes()</c>): syntax only (no symbol), so it may outlive a compilation (it is kept with the tree's
    /// facts). A name is looked up once, from the places its text spells it (<see cref="Spelled"/>: the token there, and the
    /// call, creation or assignment that token names); a text whose identifiers may be spelled otherwise is walked whole,
    /// once (<see cref="Walked"/>).
    /// </summary>
    internal sealed class TreeIndex
    {
        private readonly SyntaxTree _tree;
        private readonly Dictionary<string, (SyntaxNode[] Calls, SyntaxNode[] Assignments)> _spelled = new(StringComparer.Ordinal);
        private Dictionary<string, SyntaxNode[]>? _calls;
        private Dictionary<string, SyntaxNode[]>? _assignments;

        public TreeIndex(SyntaxTree tree) => _tree = tree;

        /// <summary>
        /// The calls and creations (<paramref name="calls"/>) or the assignments whose rightmost name is <paramref name="name"/>,
        /// found from <paramref name="positions"/>: the start of every word <paramref name="name"/> of the tree's text.
        /// </summary>
        public SyntaxNode[] Spelled(string name, bool calls, List<int> positions, CancellationToken cancellationToken)
        {
            lock (_spelled)
            {
                if (!_spelled.TryGetValue(name, out var found))
                {
                    found = Find(name, positions, cancellationToken);
                    _spelled[name] = found;
                }

                return calls ? found.Calls : found.Assignments;
            }
        }

        /// <summary>The same answer from a walk of every node of the tree (the first question walks it).</summary>
        public SyntaxNode[] Walked(string name, bool calls, CancellationToken cancellationToken)
        {
            lock (_spelled)
            {
                if (_calls is null || _assignments is null)
                {
                    Walk(cancellationToken);
                }

                return (calls ? _calls! : _assignments!).TryGetValue(name, out var nodes) ? nodes : Array.Empty<SyntaxNode>();
            }
        }

        private (SyntaxNode[] Calls, SyntaxNode[] Assignments) Find(string name, List<int> positions, CancellationToken cancellationToken)
        {
            var root = _tree.GetRoot(cancellationToken);
            List<SyntaxNode>? calls = null;
            List<SyntaxNode>? assignments = null;
            foreach (var position in positions)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // A word of a comment, a string or a directive is no identifier token: the token found there does not
                // cover it (its trivia does), or is not an identifier.
                var token = root.FindToken(position);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(position) || token.ValueText != name ||
                    token.Parent is not SimpleNameSyntax simple)
                {
                    continue;
                }

                // The expression the name is the rightmost name of (SyntaxNames.Rightmost): a.Name, ?.Name, A.Name, alias::Name, Name.
                SyntaxNode named = simple.Parent switch
                {
                    MemberAccessExpressionSyntax member when member.Name == simple => member,
                    MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
                    QualifiedNameSyntax qualified when qualified.Right == simple => qualified,
                    AliasQualifiedNameSyntax aliased when aliased.Name == simple => aliased,
                    _ => simple,
                };
                switch (named.Parent)
                {
                    case InvocationExpressionSyntax invocation when invocation.Expression == named:
                        (calls ??= new List<SyntaxNode>()).Add(invocation);
                        break;
                    case ObjectCreationExpressionSyntax creation when creation.Type == named:
                        (calls ??= new List<SyntaxNode>()).Add(creation);
                        break;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left == named:
                        (assignments ??= new List<SyntaxNode>()).Add(assignment);
                        break;
                }
            }

            return (InTreeOrder(calls), InTreeOrder(assignments));
        }

        /// <summary>
        /// The nodes in the order of <c>DescendantNodes()</c>: by their start, a node before the nodes inside it
        /// (<c>Combine(a).Combine(b)</c>: the outer call spells its name after the inner one).
        /// </summary>
        private static SyntaxNode[] InTreeOrder(List<SyntaxNode>? nodes)
        {
            if (nodes is null)
            {
                return Array.Empty<SyntaxNode>();
            }

            var sorted = nodes.ToArray();
            if (sorted.Length > 1)
            {
                Array.Sort(sorted, static (a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));
            }

            return sorted;
        }

        private void Walk(CancellationToken cancellationToken)
        {
            var calls = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            var assignments = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var node in _tree.GetRoot(cancellationToken).DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when SyntaxNames.Rightmost(invocation.Expression) is { } called:
                        Add(calls, called, node);
                        break;
                    case ObjectCreationExpressionSyntax creation when SyntaxNames.Rightmost(creation.Type) is { } created:
                        Add(calls, created, node);
                        break;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && SyntaxNames.Rightmost(assignment.Left) is { } assigned:
                        Add(assignments, assigned, node);
                        break;
                }
            }

            _calls = Freeze(calls);
            _assignments = Freeze(assignments);
        }

        private static Dictionary<string, SyntaxNode[]> Freeze(Dictionary<string, List<SyntaxNode>> index)
        {
            var frozen = new Dictionary<string, SyntaxNode[]>(index.Count, StringComparer.Ordinal);
            foreach (var pair in index)
            {
                frozen[pair.Key] = pair.Value.ToArray();
            }

            return frozen;
        }

        private static void Add(Dictionary<string, List<SyntaxNode>> index, string name, SyntaxNode node)
        {
            if (!index.TryGetValue(name, out var nodes))
            {
                index[name] = nodes = new List<SyntaxNode>();
            }

            nodes.Add(node);
        }
    }

    /// <summary>The arguments of the helper calls the walk is inside of.</summary>
    private sealed class Arguments
    {
        public Arguments(Arguments? outer) => Outer = outer;

        public Dictionary<IParameterSymbol, IOperation> Values { get; } = new(SymbolEqualityComparer.Default);

        public Arguments? Outer { get; }
    }

    /// <summary>One question's walk: its cancellation and the symbols it is inside of (no cycle is walked twice).</summary>
    private sealed class Walk
    {
        private readonly HashSet<ISymbol> _inside = new(SymbolEqualityComparer.Default);

        public Walk(CancellationToken token) => Token = token;

        public CancellationToken Token { get; }

        public bool Enter(ISymbol symbol) => _inside.Add(symbol);

        public void Leave(ISymbol symbol) => _inside.Remove(symbol);
    }

    private sealed class ConfigPathValue : IEquatable<ConfigPathValue>
    {
        public ConfigPathValue(string path) => Path = path;

        public string Path { get; }

        public bool Equals(ConfigPathValue? other) => other is not null && string.Equals(Path, other.Path, StringComparison.OrdinalIgnoreCase);

        public override bool Equals(object? obj) => Equals(obj as ConfigPathValue);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Path);
    }
}
