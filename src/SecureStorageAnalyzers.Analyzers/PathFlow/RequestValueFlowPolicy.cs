using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PathFlow;

/// <summary>
/// Values the request chooses (SSA0005): the endpoint handler's parameters bound from the route, query, form, headers
/// or body (by <c>[From…]</c> metadata, or by being a simple type a minimal API or action binds from the request), the
/// members of a bound model (<c>[FromBody]</c>/<c>[FromForm]</c>/…, or <c>[AsParameters]</c>), <c>Request.Query</c>/<c>Form</c>/<c>RouteValues</c>/<c>Headers</c>, and an uploaded
/// file's own name. Walks go through string and path helpers and through the calls that open a file
/// (<c>File.OpenRead(path)</c>, <c>new FileStream(path, …)</c>).
/// </summary>
internal sealed class RequestValueFlowPolicy : IFlowSourcePolicy
{
    private readonly ISymbol _handler;
    private readonly RequestSymbols _symbols;

    private readonly StoragePaths.ProjectHelperPaths? _helpers;

    private readonly System.Threading.CancellationToken _cancellationToken;

    public RequestValueFlowPolicy(ISymbol handler, RequestSymbols symbols, StoragePaths.ProjectHelperPaths? helpers = null,
        System.Threading.CancellationToken cancellationToken = default)
    {
        _handler = handler;
        _symbols = symbols;
        _helpers = helpers;
        _cancellationToken = cancellationToken;
    }

    public bool StopsAtPathBuilders => false;

    public bool FollowsValueTransformations => true;

    public bool IsBarrier(IMethodSymbol method) => false;

    public bool PassesThrough(IOperation creationOrCall) => creationOrCall switch
    {
        IObjectCreationOperation creation => SymbolEquality.DefinitionIs(creation.Type, _symbols.FileStream) || SymbolEquality.DefinitionIs(creation.Type, _symbols.FileInfo),
        IInvocationOperation call => SymbolEquality.DefinitionIs(call.TargetMethod.ContainingType, _symbols.File) || OpensInProjectHelper(call),
        _ => false,
    };

    /// <summary>
    /// A call of the project's own method (one level) that opens, reads or names a stored file from one of its
    /// parameters (<c>_store.Open(id)</c> doing <c>File.OpenRead(Path.Combine(_dir, …))</c>): the walk goes on into the
    /// call's arguments. Summarised once per compilation, only for the calls a file result's walk meets.
    /// </summary>
    private bool OpensInProjectHelper(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        if (_helpers is null || call.Arguments.IsEmpty || method.MethodKind != MethodKind.Ordinary ||
            call.SemanticModel?.Compilation is not { } compilation ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly))
        {
            return false;
        }

        return _helpers.For(method, compilation, _cancellationToken).Uses.Count > 0;
    }

    public SourceReason? Classify(IOperation operation, ISymbol? symbol)
    {
        switch (operation)
        {
            case IParameterReferenceOperation parameter when IsRequestBound(parameter.Parameter):
                return new SourceReason("a request value", $"the parameter '{parameter.Parameter.Name}'");

            case IPropertyReferenceOperation property:
                var declaring = property.Property.ContainingType;
                if (_symbols.IsRequestCollection(declaring))
                {
                    return new SourceReason("a request value", $"read from the request's {declaring.Name}");
                }

                if (SymbolEquality.DefinitionIs(property.Property.OriginalDefinition, _symbols.FormFileName))
                {
                    return new SourceReason("a request value", "the uploaded file's own name");
                }

                if (property.Instance is IParameterReferenceOperation owner && IsBoundModel(owner.Parameter, property.Property))
                {
                    return new SourceReason("a request value", $"'{owner.Parameter.Name}.{property.Property.Name}' from the request");
                }

                return null;

            default:
                return null;
        }
    }

    private bool IsRequestBound(IParameterSymbol parameter)
    {
        if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _handler))
        {
            return false;
        }

        return IsBoundLikeAParameter(parameter.GetAttributes(), parameter.Type);
    }

    /// <summary>
    /// How the framework binds a handler parameter (or a member of an <c>[AsParameters]</c> type) with these attributes:
    /// <c>[FromServices]</c> never from the request, a <c>[From…]</c> of the request always, otherwise a simple type.
    /// </summary>
    private bool IsBoundLikeAParameter(ImmutableArray<AttributeData> attributes, ITypeSymbol valueType)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.AttributeClass is { } type)
            {
                if (_symbols.IsFromServices(type))
                {
                    return false;
                }

                if (_symbols.IsFromRequest(type))
                {
                    return true;
                }
            }
        }

        return IsSimpleType(valueType);
    }

    /// <summary>A type the framework binds from the route, query or headers without an attribute (and arrays of it).</summary>
    private bool IsSimpleType(ITypeSymbol valueType)
    {
        if (valueType is IArrayTypeSymbol array)
        {
            valueType = array.ElementType;
        }

        return valueType.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or
                   SpecialType.System_Int16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_DateTime ||
               valueType.TypeKind == TypeKind.Enum || SymbolEquality.DefinitionIs(valueType, _symbols.Guid);
    }

    private bool IsBoundModel(IParameterSymbol parameter, IPropertySymbol member)
    {
        if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _handler))
        {
            return false;
        }

        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { } type)
            {
                if (_symbols.IsFromRequest(type))
                {
                    return true;
                }

                if (SymbolEquality.DefinitionIs(type, _symbols.AsParameters))
                {
                    return IsRequestBoundMember(member);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A member of an <c>[AsParameters]</c> type is bound like a handler parameter: by its <c>[From…]</c> attribute (on
    /// the property or, for a record, its constructor parameter), or as a simple type unless it says <c>[FromServices]</c>.
    /// </summary>
    private bool IsRequestBoundMember(IPropertySymbol member)
    {
        var attributes = ImmutableArray.CreateBuilder<AttributeData>();
        attributes.AddRange(member.GetAttributes());
        foreach (var constructor in member.ContainingType.InstanceConstructors)
        {
            foreach (var constructorParameter in constructor.Parameters)
            {
                if (string.Equals(constructorParameter.Name, member.Name, StringComparison.OrdinalIgnoreCase))
                {
                    attributes.AddRange(constructorParameter.GetAttributes());
                }
            }
        }

        return IsBoundLikeAParameter(attributes.ToImmutable(), member.Type);
    }
}

/// <summary>The request-binding symbols, resolved once per compilation.</summary>
internal sealed class RequestSymbols
{
    private readonly INamedTypeSymbol?[] _fromRequest;
    private readonly INamedTypeSymbol? _fromServices;
    private readonly INamedTypeSymbol?[] _collections;

    public RequestSymbols(WellKnownTypes types)
    {
        _fromRequest = new[]
        {
            types.IFromRouteMetadata,
            types.IFromQueryMetadata,
            types.IFromFormMetadata,
            types.IFromBodyMetadata,
            types.IFromHeaderMetadata,
        };
        _fromServices = types.IFromServiceMetadata;
        _collections = new[]
        {
            types.IQueryCollection,
            types.IFormCollection,
            types.IHeaderDictionary,
            types.RouteValueDictionary,
        };
        AsParameters = types.AsParametersAttribute;
        FormFileName = WellKnownTypes.Property(types.IFormFile, "FileName");
        Guid = types.Guid;
        File = types.File;
        FileStream = types.FileStream;
        FileInfo = types.FileInfo;
    }

    public INamedTypeSymbol? AsParameters { get; }
    public IPropertySymbol? FormFileName { get; }
    public INamedTypeSymbol? Guid { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? FileStream { get; }
    public INamedTypeSymbol? FileInfo { get; }

    public bool IsFromRequest(INamedTypeSymbol attribute)
    {
        foreach (var metadata in _fromRequest)
        {
            if (metadata is not null && WellKnownTypes.Implements(attribute, metadata))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsFromServices(INamedTypeSymbol attribute) =>
        _fromServices is not null && WellKnownTypes.Implements(attribute, _fromServices);

    public bool IsRequestCollection(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var collection in _collections)
        {
            if (collection is not null && WellKnownTypes.Implements(type, collection))
            {
                return true;
            }
        }

        return false;
    }
}
