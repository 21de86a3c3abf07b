using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Iis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Path flows from the web root (SSA0006): <c>IWebHostEnvironment.WebRootPath</c> (or the obsolete
/// <c>IHostingEnvironment.WebRootPath</c>) and a literal <c>wwwroot</c> folder (<c>"wwwroot"</c>, <c>"wwwroot/uploads"</c>,
/// <c>"./wwwroot"</c>, <c>"wwwroot\uploads\"</c>, and <c>"/wwwroot/…"</c> after the current directory; also the text an
/// interpolated string starts with, <c>$"wwwroot\letters\{name}.pdf"</c>, with or without holes), and a field of the
/// class that its constructors set to the web root (a getter-only property of the project is read by the tracker as its
/// getter's returns). Walks go through every path builder: the web root is usually the first argument of a <c>Path.Combine</c>.
/// </summary>
internal sealed class WebRootFlowPolicy : IFlowSourcePolicy, IClassifiesCallsByArgument
{
    private static readonly SourceReason WebRootPathReason = new("the web root", "WebRootPath");
    private static readonly SourceReason LiteralReason = new("the web root", "a wwwroot folder");
    private static readonly SourceReason FieldReason = new("the web root", "a field set to WebRootPath");

    private static readonly SourceReason MapPathReason = new("the application folder IIS serves", "Server.MapPath outside App_Data");
    private static readonly SourceReason MapPathFieldReason = new("the application folder IIS serves", "a field set to Server.MapPath outside App_Data");
    private static readonly SourceReason AppFolderReason = new("the application folder IIS serves", "the application's base directory outside App_Data");

    private readonly System.Collections.Concurrent.ConcurrentDictionary<IFieldSymbol, SourceReason?> _fields = new(SymbolEqualityComparer.Default);

    private readonly IPropertySymbol? _webRootPath;
    private readonly IPropertySymbol? _obsoleteWebRootPath;
    private readonly INamedTypeSymbol? _fileInfo;

    // Classic ASP.NET: the whole application folder is the web root (IIS serves every file under it that has a MIME
    // type), except under the hidden segments (App_Data, bin, ...). Empty without System.Web.
    private readonly SymbolSet<INamedTypeSymbol> _mapPathTypes;
    private readonly SymbolSet<IPropertySymbol> _appFolderProperties;
    private readonly INamedTypeSymbol? _pathType;
    private readonly VirtualPathTexts _virtualPaths;
    private readonly StorageSinks _sinks;

    public WebRootFlowPolicy(WellKnownTypes types)
    {
        _webRootPath = WellKnownTypes.Property(types.IWebHostEnvironment, "WebRootPath");
        _obsoleteWebRootPath = WellKnownTypes.Property(types.IHostingEnvironmentAspNetCore, "WebRootPath");
        _fileInfo = types.FileInfo;
        _pathType = types.Path;
        _sinks = StorageSinks.Create(types);
        _virtualPaths = new VirtualPathTexts(types, _sinks);

        _mapPathTypes = types.HasSystemWeb ? types.SystemWebMapPathTypes : SymbolSet<INamedTypeSymbol>.Empty();
        // The base directory is IIS's application folder only in the web application IIS loads, a class library; an
        // executable (a WinForms, WPF, console or self-hosted app that references System.Web for its utilities) runs
        // from its own folder, which nothing serves.
        _appFolderProperties = types.HasSystemWeb
            ? SymbolSet<IPropertySymbol>.Of(
                WellKnownTypes.Property(types.SystemWebHostingEnvironment, "ApplicationPhysicalPath"),
                WellKnownTypes.Property(types.SystemWebHttpRuntime, "AppDomainAppPath"),
                IsExecutable(types.Compilation) ? null : WellKnownTypes.Property(types.AppDomain, "BaseDirectory"),
                WellKnownTypes.Property(types.SystemWebHttpRequest, "PhysicalApplicationPath"))
            : SymbolSet<IPropertySymbol>.Empty();
    }

    private static bool IsExecutable(Compilation compilation) =>
        compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;

    /// <summary>True for ASP.NET Core's web root (not classic ASP.NET's application folder, which IIS serves whatever the code registers).</summary>
    public static bool IsAspNetCoreWebRoot(SourceReason reason) =>
        ReferenceEquals(reason, WebRootPathReason) || ReferenceEquals(reason, LiteralReason) || ReferenceEquals(reason, FieldReason);

    public bool HasWebRoot => _webRootPath is not null || _obsoleteWebRootPath is not null || !_mapPathTypes.IsEmpty;

    /// <summary>
    /// Folders IIS hides from every request by default (request filtering's hidden segments): writing there is not
    /// writing under the web root, unless the project's web.config un-hides it (<see cref="Configuration"/>; SSA0011
    /// reports that web.config).
    /// </summary>
    private static readonly System.Collections.Immutable.ImmutableArray<string> HiddenSegments = System.Collections.Immutable.ImmutableArray.Create(
        "App_Data", "bin", "App_Code", "App_GlobalResources", "App_LocalResources", "App_WebReferences", "App_Browsers");

    private Iis.WebConfigSet? _configuration;

    /// <summary>
    /// The project's web*.config files (classic ASP.NET), which may un-hide a hidden segment
    /// (<c>&lt;hiddenSegments&gt;&lt;remove segment="App_Data" /&gt;</c>): then a write there is served. Set by the rule from
    /// the analyzer options before its first walk (one set per compilation); null (IIS's defaults) until then and
    /// without System.Web.
    /// </summary>
    public Iis.WebConfigSet? Configuration
    {
        get => System.Threading.Volatile.Read(ref _configuration);
        set => System.Threading.Volatile.Write(ref _configuration, value);
    }

    /// <summary>True when the policy reads web.config (classic ASP.NET): the rule hands it <see cref="Configuration"/>.</summary>
    public bool ReadsWebConfig => !_mapPathTypes.IsEmpty;

    public bool StopsAtPathBuilders => false;

    public bool FollowsValueTransformations => true;

    /// <summary><c>new FileInfo(path).OpenWrite()</c>: the folder is in the constructor's argument.</summary>
    public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();

    public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;

    public bool PassesThrough(IOperation creationOrCall) =>
        creationOrCall is IObjectCreationOperation creation &&
        SymbolEquality.Is(creation.Type, _fileInfo);

    public bool IsBarrier(IMethodSymbol method) => false;

    public SourceReason? Classify(IOperation operation, ISymbol? symbol)
    {
        if (operation is IPropertyReferenceOperation property)
        {
            if (IsWebRootPath(property))
            {
                return WebRootPathReason;
            }

            return !_appFolderProperties.IsEmpty && _appFolderProperties.Contains(property.Property.OriginalDefinition) &&
                   IsServedFolder(FollowingTextOrThroughLocal(property))
                ? AppFolderReason
                : null;
        }

        if (operation is IInvocationOperation invocation && !_mapPathTypes.IsEmpty && IsMapPath(invocation.TargetMethod))
        {
            // Server.MapPath("~/recordings/" + name): the virtual path's first folder decides; "~" or "~/" alone is the
            // application folder itself, and what follows the call decides (Path.Combine(Server.MapPath("~"), "uploads")).
            // The path may come through a local, a field, a property or an application setting of the web.config
            // (VirtualPathTexts): a source when any text it can start with is a served folder.
            if (invocation.Arguments.Length == 0)
            {
                return null;
            }

            var texts = new List<string>();
            _virtualPaths.Add(invocation.Arguments[0].Value, Configuration, texts);
            foreach (var virtualPath in texts)
            {
                if (IsServedVirtualPath(virtualPath, invocation))
                {
                    return MapPathReason;
                }
            }

            return null;
        }

        if (operation is IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_String } field })
        {
            // const string UploadFolder = "wwwroot/uploads": the constant is the literal.
            if (field.IsConst)
            {
                return operation.ConstantValue is { HasValue: true, Value: string constant } && IsWwwrootFolder(constant) ? LiteralReason : null;
            }

            var definition = field.OriginalDefinition;
            if (!_fields.TryGetValue(definition, out var held))
            {
                held = _fields.GetOrAdd(definition, operation.SemanticModel is { } model ? HeldWebRoot(definition, model) : null);
            }

            return held;
        }

        if (operation is IInterpolatedStringOperation { Parts.Length: > 0 } interpolated)
        {
            // $"wwwroot/ErrorLogs/Log.txt" (no hole) or $"wwwroot\Letters\preview-{user}.pdf": the text it starts with.
            return interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string first } } &&
                   IsWwwrootFolder(first)
                ? LiteralReason
                : null;
        }

        return operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && IsWwwrootFolder(text)
            ? LiteralReason
            : null;
    }

    /// <summary>
    /// A <c>MapPath</c> call inside the project's helper whose virtual path is the helper's parameter, judged with the
    /// caller's argument: <c>Map("~/Uploads/Contracts")</c> with <c>Map(string path) =&gt; HostingEnvironment.MapPath(path)</c>.
    /// </summary>
    public SourceReason? ClassifyWithArgument(IInvocationOperation call, IOperation argument)
    {
        if (_mapPathTypes.IsEmpty || !IsMapPath(call.TargetMethod))
        {
            return null;
        }

        var texts = new List<string>();
        _virtualPaths.Add(argument, Configuration, texts);
        foreach (var virtualPath in texts)
        {
            if (IsServedVirtualPath(virtualPath, call))
            {
                return MapPathReason;
            }
        }

        return null;
    }

    /// <summary>A virtual path (<c>~/…</c> or <c>/…</c>) in a folder IIS serves; <c>~</c> alone is judged by what follows the call.</summary>
    private bool IsServedVirtualPath(string virtualPath, IInvocationOperation mapPath)
    {
        if (virtualPath.Length == 0)
        {
            return false;
        }

        if (virtualPath[0] is not ('~' or '/' or '\\'))
        {
            // A relative virtual path (Server.MapPath(string.Format("Archivos/{0}", id))) maps under the folder of the page
            // or handler that asks, inside the application; one that starts with a hole, a dot or a drive says nothing.
            return (char.IsLetterOrDigit(virtualPath[0]) || virtualPath[0] == '_') && virtualPath.IndexOf(':') < 0 &&
                   IsServedFolder(virtualPath);
        }

        var relative = virtualPath.TrimStart('~').TrimStart('/', '\\');
        return IsServedFolder(relative.Length == 0 ? FollowingTextOrThroughLocal(mapPath) : relative);
    }

    /// <summary>
    /// The values of the application settings that the virtual path of a <c>MapPath</c> source is read from
    /// (<c>~/Upload/Resources/EmployeeDocument/</c>): words of the path that are not in the code.
    /// </summary>
    public List<string> SettingTexts(IOperation source)
    {
        var settings = new List<string>();
        if (source is IInvocationOperation { Arguments.Length: > 0 } invocation && !_mapPathTypes.IsEmpty && IsMapPath(invocation.TargetMethod))
        {
            _virtualPaths.Add(invocation.Arguments[0].Value, Configuration, new List<string>(), settings);
        }

        return settings;
    }

    /// <summary>True when <paramref name="call"/> is classic ASP.NET's <c>MapPath</c> (<c>Server.MapPath</c>, <c>HostingEnvironment.MapPath</c>).</summary>
    public bool IsMapPathCall(IInvocationOperation call) => !_mapPathTypes.IsEmpty && IsMapPath(call.TargetMethod);

    /// <summary>
    /// The constant texts <paramref name="value"/> can start with, application settings read through the web.config
    /// (<see cref="VirtualPathTexts"/>): <c>ConfigurationManager.AppSettings["SkillSetFilePath"]</c> is
    /// <c>~/Upload/SkillSets/</c>.
    /// </summary>
    public List<string> StartTexts(IOperation value)
    {
        var texts = new List<string>();
        _virtualPaths.Add(value, Configuration, texts);
        return texts;
    }

    private bool IsMapPath(IMethodSymbol method) => _sinks.IsMapPath(method);

    /// <summary>
    /// True when a path relative to the application folder (<c>"recordings/a.wav"</c>) lies in a folder IIS serves:
    /// it names a first folder, that folder is not one of the hidden segments (or the web.config un-hides it there),
    /// and the web.config does not deny anonymous users the static files there
    /// (<see cref="WebConfigSet.DeniesAnonymousStaticFiles"/>). Null (unknown) is not served.
    /// </summary>
    private bool IsServedFolder(string? relative)
    {
        if (relative is null)
        {
            return false;
        }

        var trimmed = relative.TrimStart('/', '\\');
        var slash = trimmed.IndexOf('/');
        var backslash = trimmed.IndexOf('\\');
        var end = slash < 0 ? backslash : backslash < 0 ? slash : Math.Min(slash, backslash);
        var first = end < 0 ? trimmed : trimmed.Substring(0, end);
        if (first.Length == 0 || first == "." || first == "..")
        {
            return false;
        }

        var url = trimmed.Replace('\\', '/');
        foreach (var hidden in HiddenSegments)
        {
            if (string.Equals(first, hidden, StringComparison.OrdinalIgnoreCase))
            {
                return Configuration is { } configuration && !configuration.IsHidden(hidden, url) && !configuration.DeniesAnonymousStaticFiles(url);
            }
        }

        // A folder IIS keeps from anonymous users (URL authorization in the web.config) is not served to them.
        return !(Configuration is { } set && set.DeniesAnonymousStaticFiles(url));
    }

    /// <summary>The constant text a value starts with: a literal, the left end of a concatenation, an interpolation's first text.</summary>
    private static string? LeadingText(IOperation value)
    {
        value = value.WithoutConversions();
        return value switch
        {
            _ when value.ConstantValue is { HasValue: true, Value: string text } => text,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => LeadingText(binary.LeftOperand),
            IInterpolatedStringOperation { Parts.Length: > 0 } interpolated when interpolated.Parts[0] is IInterpolatedStringTextOperation first =>
                first.Text.ConstantValue.Value as string,
            _ => null,
        };
    }

    /// <summary>
    /// <see cref="FollowingText"/> of an application-folder value, or, when it is the value a local is given (<c>string
    /// root = Server.MapPath("~");</c>, held-out set 17's ERP mail log: <c>root + "\\SystemGeneratePages\\LogFile\\" +
    /// name + ".txt"</c>), the text that follows the local where the method reads it: only when every read of the local that
    /// a text follows lies in a served folder (one read into <c>App_Data</c> and the value is not a source: which read a
    /// path comes from is not known here). A read with nothing after it (<c>Directory.Exists(root)</c>) says nothing.
    /// </summary>
    private string? FollowingTextOrThroughLocal(IOperation value)
    {
        if (FollowingText(value) is { } text)
        {
            return text;
        }

        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        var local = current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when ReferenceEquals(assignment.Value, current) => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return null;
        }

        string? served = null;
        foreach (var read in _sinks.BodyIndex(value).ReferencesOf(local))
        {
            if (read.Parent is IAssignmentOperation { Target: var written } && ReferenceEquals(written, read) ||
                FollowingText(read) is not { } following)
            {
                continue;
            }

            if (!IsServedFolder(following))
            {
                return null;
            }

            served ??= following;
        }

        return served;
    }

    /// <summary>
    /// The constant text that follows an application-folder value in the path it starts: the next argument of a
    /// <c>Path.Combine</c>/<c>Join</c>, the right side of a concatenation, the text after it in an interpolation.
    /// </summary>
    private string? FollowingText(IOperation value)
    {
        var current = value;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation combine } argument
                when SymbolEqualityComparer.Default.Equals(combine.TargetMethod.ContainingType, _pathType) &&
                     combine.TargetMethod.Name is "Combine" or "Join":
                var index = combine.Arguments.IndexOf(argument);
                return index >= 0 && index + 1 < combine.Arguments.Length ? LeadingText(combine.Arguments[index + 1].Value) : null;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when ReferenceEquals(binary.LeftOperand, current):
                return LeadingText(binary.RightOperand);

            case IInterpolationOperation { Parent: IInterpolatedStringOperation interpolated } hole:
                var position = interpolated.Parts.IndexOf(hole);
                return position >= 0 && position + 1 < interpolated.Parts.Length &&
                       interpolated.Parts[position + 1] is IInterpolatedStringTextOperation text
                    ? text.Text.ConstantValue.Value as string
                    : null;

            default:
                return null;
        }
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
    /// method, it is the web root. Classic ASP.NET: a field set only to a <c>MapPath</c> of a served folder
    /// (<c>private readonly string BasePath = HttpContext.Current.Server.MapPath("~/ThuVienTaiLieu/");</c>, held-out
    /// set 13) is the application folder IIS serves; <c>"~/App_Data/…"</c> is not. Only the declarations in the tree
    /// being analyzed are read (a partial class's other files are not); answered once per field.
    /// </summary>
    private SourceReason? HeldWebRoot(IFieldSymbol field, SemanticModel model)
    {
        if (field.Type.SpecialType != SpecialType.System_String || field.DeclaringSyntaxReferences.IsEmpty ||
            field.ContainingType is not { } type)
        {
            return null;
        }

        var assigned = false;
        var classic = false;
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
                    // The field's name first, from the syntax (h-perf18b): an assignment of the field names it last on its
                    // left, a declarator of it is its name; only those are bound.
                    IOperation? value = null;
                    if (node is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax written &&
                        NamesLast(written.Left, field.Name) &&
                        model.GetOperation(node) is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment &&
                        SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field))
                    {
                        value = assignment.Value;
                    }
                    else if (node is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer: { } initializer } declarator &&
                             declarator.Identifier.ValueText == field.Name &&
                             SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declarator), field))
                    {
                        value = model.GetOperation(initializer.Value);
                    }

                    if (value is null)
                    {
                        continue;
                    }

                    var start = value.WithoutConversions();
                    if (StartsAtServedMapPath(start))
                    {
                        classic = true;
                    }
                    else if (!StartsAtWebRoot(start))
                    {
                        return null;
                    }

                    assigned = true;
                }
            }
        }

        return !assigned ? null : classic ? MapPathFieldReason : FieldReason;
    }

    /// <summary>
    /// True when <paramref name="target"/> (an assignment's left side) could be a reference to a member named
    /// <paramref name="name"/>: a name, a member access or a member binding whose rightmost name it is (under parentheses).
    /// Anything else (a tuple, an element access) is not a field reference, which is all the caller binds it for.
    /// </summary>
    private static bool NamesLast(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax target, string name)
    {
        while (target is Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized.Expression;
        }

        return target switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText == name,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == name,
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText == name,
            _ => true,
        };
    }

    /// <summary>A classic <c>MapPath</c> call (or a <c>Path.Combine</c> that starts with one) of a served virtual path.</summary>
    private bool StartsAtServedMapPath(IOperation value) => value switch
    {
        IInvocationOperation invocation when !_mapPathTypes.IsEmpty && IsMapPath(invocation.TargetMethod) =>
            ReferenceEquals(Classify(invocation, null), MapPathReason),
        IInvocationOperation { TargetMethod.Name: "Combine", Arguments.Length: > 0 } combine
            when combine.TargetMethod.ContainingType is { Name: "Path" } =>
            StartsAtServedMapPath(combine.Arguments[0].Value.WithoutConversions()),
        _ => false,
    };

    /// <summary><c>env.WebRootPath</c>, <c>env.WebRootPath ?? …</c>, or a <c>Path.Combine</c>/<c>Join</c> whose first part is one.</summary>
    private bool StartsAtWebRoot(IOperation value) => value switch
    {
        IPropertyReferenceOperation property => IsWebRootPath(property),
        ICoalesceOperation coalesce => StartsAtWebRoot(coalesce.Value.WithoutConversions()),
        IInvocationOperation { TargetMethod.Name: "Combine" or "Join", Arguments.Length: > 0 } combine
            when combine.TargetMethod.ContainingType is { Name: "Path" } =>
            combine.Arguments[0].Value.WithoutConversions() is var first &&
            (StartsAtWebRoot(first) || first.ConstantValue is { HasValue: true, Value: string text } && IsWwwrootFolder(text) ||
             SecondPartIsWwwroot(combine)),
        _ => false,
    };

    /// <summary>
    /// <c>Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")</c> (held-out set 15's <c>_targetFilePath</c>): a
    /// <c>wwwroot</c> literal right after the first part, as the tracker takes it when the same call is in the writing
    /// method itself (<see cref="LiteralReason"/>). Not a params array's elements.
    /// </summary>
    private static bool SecondPartIsWwwroot(IInvocationOperation combine) =>
        combine.Arguments.Length >= 2 && combine.Arguments[1].ArgumentKind == ArgumentKind.Explicit &&
        combine.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string second } && IsWwwrootFolder(second);

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
