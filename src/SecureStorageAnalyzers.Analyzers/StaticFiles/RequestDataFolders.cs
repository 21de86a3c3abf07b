using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PathFlow;

namespace SecureStorageAnalyzers.StaticFiles;

/// <summary>
/// The folders the project writes request data into (SSA0001): a folder that receives uploads is private whatever it is
/// called. A write of request data is <c>IFormFile.CopyTo[Async](stream)</c> or <c>Request.Body.CopyTo[Async](stream)</c>
/// into a file stream the same method opens for writing (<c>File.Create(path)</c>, <c>new FileStream(path, …)</c>, …).
/// The folder is known by the variables its path is built from: every local, and every field or property declared in
/// the project, that the written path flows from (<c>Path.Combine(uploadsRoot, name)</c> → <c>uploadsRoot</c>). A
/// served folder is private when its file provider's root is one of them, the same variable (<c>new
/// PhysicalFileProvider(uploadsRoot)</c>). Precise rather than complete: two paths spelled out separately are not joined.
/// </summary>
internal sealed class RequestDataFolders
{
    private readonly StorageSinks _sinks;
    private readonly MethodSet _formFileCopies;
    private readonly MethodSet _streamCopies;
    private readonly IPropertySymbol? _requestBody;
    private readonly INamedTypeSymbol? _physicalFileProvider;
    private readonly ConcurrentDictionary<ISymbol, string> _written = new(SymbolEqualityComparer.Default);

    public RequestDataFolders(WellKnownTypes types, StorageSinks sinks)
    {
        _sinks = sinks;
        _formFileCopies = MethodSet.Union(
            WellKnownTypes.Methods(types.IFormFile, "CopyTo"),
            WellKnownTypes.Methods(types.IFormFile, "CopyToAsync"));
        _streamCopies = MethodSet.Union(WellKnownTypes.Methods(types.Stream, "CopyTo"), WellKnownTypes.Methods(types.Stream, "CopyToAsync"));
        _requestBody = WellKnownTypes.Property(types.HttpRequest, "Body");
        _physicalFileProvider = types.PhysicalFileProvider;
        DeclaringTypes = MethodSet.Union(_formFileCopies, _streamCopies).DeclaringTypes;
    }

    /// <summary>The types whose calls <see cref="Record"/> looks at.</summary>
    public SymbolSet<INamedTypeSymbol> DeclaringTypes { get; }

    /// <summary>The copy methods <see cref="Record"/> looks at: what <see cref="CompilationFacts"/> binds.</summary>
    public MethodSet CopyMethods => MethodSet.Union(_formFileCopies, _streamCopies);

    /// <summary>True when <paramref name="method"/> may copy request data (<see cref="Record"/> decides).</summary>
    public bool IsCopy(IMethodSymbol method) =>
        WellKnownTypes.Contains(_formFileCopies, method) || WellKnownTypes.Contains(_streamCopies, method);

    /// <summary>Records the variables of the folder a copy of request data writes into, if it is one.</summary>
    public void Record(IInvocationOperation invocation)
    {
        string what;
        if (WellKnownTypes.Contains(_formFileCopies, invocation.TargetMethod))
        {
            what = "IFormFile." + invocation.TargetMethod.Name;
        }
        else if (_requestBody is not null && invocation.Instance?.WithoutConversions() is IPropertyReferenceOperation body &&
                 SymbolEqualityComparer.Default.Equals(body.Property.OriginalDefinition, _requestBody))
        {
            what = "Request.Body." + invocation.TargetMethod.Name;
        }
        else
        {
            return;
        }

        if (invocation.Arguments.Length == 0 || ValueOf(invocation.Arguments[0].Value) is not { } stream ||
            _sinks.WrittenPath(stream) is not { } path)
        {
            return;
        }

        var collector = new VariableCollector();
        new PathFlowTracker(_sinks, collector).FindSources(path, new List<FlowSource>());
        foreach (var variable in collector.Variables)
        {
            _written.TryAdd(variable, what);
        }
    }

    /// <summary>
    /// The variables the root of a served folder is read from: the argument of <c>new PhysicalFileProvider(root)</c>
    /// (through locals), and each plain variable it is an alias of. Empty when there is none.
    /// </summary>
    public List<ISymbol> RootVariables(IOperation fileProvider)
    {
        var variables = new List<ISymbol>();
        if (_physicalFileProvider is null || ValueOf(fileProvider) is not IObjectCreationOperation creation ||
            !SymbolEqualityComparer.Default.Equals(creation.Type, _physicalFileProvider) || creation.Arguments.Length == 0)
        {
            return variables;
        }

        var root = creation.Arguments[0].Value.WithoutConversions();
        for (var hops = 0; hops < 4; hops++)
        {
            ISymbol? variable = root switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
                _ => null,
            };
            if (variable is null || !VariableCollector.IsProjectVariable(variable))
            {
                break;
            }

            variables.Add(variable.OriginalDefinition);
            if (root is not ILocalReferenceOperation reference)
            {
                break;
            }

            var values = _sinks.BodyIndex(reference).ValuesOf(reference.Local);
            if (values.Count == 0)
            {
                break;
            }

            root = values[0].WithoutConversions();
        }

        return variables;
    }

    /// <summary>What writes request data into the folder of <paramref name="variable"/>, or null.</summary>
    public string? WrittenBy(ISymbol variable) => _written.TryGetValue(variable, out var what) ? what : null;

    /// <summary>The value, through conversions and (one level of) a local's first value.</summary>
    private IOperation? ValueOf(IOperation value)
    {
        value = value.WithoutConversions();
        if (value is ILocalReferenceOperation local)
        {
            var values = _sinks.BodyIndex(local).ValuesOf(local.Local);
            return values.Count > 0 ? values[0].WithoutConversions() : null;
        }

        return value;
    }

    /// <summary>A walk policy that finds no source: it only notes the project's variables the path is read from.</summary>
    private sealed class VariableCollector : IFlowSourcePolicy
    {
        public List<ISymbol> Variables { get; } = new();

        public bool StopsAtPathBuilders => false;

        public bool FollowsValueTransformations => true;

        public static bool IsProjectVariable(ISymbol symbol) =>
            symbol is ILocalSymbol ||
            symbol is IFieldSymbol or IPropertySymbol && !symbol.Locations.IsEmpty && symbol.Locations[0].IsInSource;

        public SourceReason? Classify(IOperation operation, ISymbol? symbol)
        {
            if (symbol is not null && IsProjectVariable(symbol))
            {
                Variables.Add(symbol.OriginalDefinition);
            }

            return null;
        }

        public bool IsBarrier(IMethodSymbol method) => false;

        public bool PassesThrough(IOperation creationOrCall) => false;
    }
}
