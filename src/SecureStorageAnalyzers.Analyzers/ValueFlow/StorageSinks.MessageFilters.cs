using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

// Where a string is a message, a URL or an exception, not a storage path.
internal sealed partial class StorageSinks
{
    /// <summary>A method of a logger, the console or a debug trace.</summary>
    public bool IsMessageSink(IMethodSymbol method) =>
        method.ContainingType is { } type && _messageTypes.Contains(type.OriginalDefinition);

    /// <summary><c>System.Uri</c>: a URL, not a storage path.</summary>
    public bool IsUri(ITypeSymbol? type) => SymbolEquality.Is(type, Uri);


    /// <summary>
    /// A property that takes a URL, not a storage path: a Web Forms <c>HyperLink</c>'s <c>NavigateUrl</c> and
    /// <c>ImageUrl</c>, an <c>Image</c>'s (so an <c>ImageButton</c>'s) <c>ImageUrl</c>, an <c>HtmlAnchor</c>'s <c>HRef</c>
    /// (held-out set 14: <c>hykResume.NavigateUrl = "~/Resumes/" + filename</c> links to the file its page saved).
    /// </summary>
    public bool IsUrlProperty(IPropertySymbol property)
    {
        if (_urlProperties.IsEmpty)
        {
            return false;
        }

        var depth = 0;
        for (IPropertySymbol? current = property; current is not null && depth < 8; current = current.OverriddenProperty, depth++)
        {
            if (_urlProperties.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static SymbolSet<IPropertySymbol> UrlProperties(WellKnownTypes types)
    {
        var found = new System.Collections.Generic.List<IPropertySymbol>();
        Add(types.SystemWebHyperLink, "NavigateUrl");
        Add(types.SystemWebHyperLink, "ImageUrl");
        Add(types.WebFormsImage, "ImageUrl");
        Add(types.SystemWebHtmlAnchor, "HRef");
        return new SymbolSet<IPropertySymbol>(found);

        void Add(INamedTypeSymbol? type, string name)
        {
            if (type is null)
            {
                return;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol property)
                {
                    found.Add(property);
                }
            }
        }
    }

    private readonly LazyType _httpClient;
    private readonly LazyType _httpRequestMessage;

    /// <summary>
    /// True when the path that <paramref name="builder"/> (<c>Path.Combine</c>, <c>Path.Join</c>) makes is only ever a
    /// URL: an argument of <c>new Uri(…)</c>, of a method of <c>HttpClient</c> (or an extension of it) or of an
    /// <c>HttpRequestMessage</c> constructor, straight or through a local every read of which is such an argument
    /// (<c>new Uri(Path.Combine(endpoint.ToString(), user))</c>). A string that becomes an HTTP request's address is not a
    /// storage path, whatever its slashes. False when there is no such use, or any other one.
    /// </summary>
    public bool OnlyBuildsAUrl(IOperation builder)
    {
        if (Uri is null && _httpClient.Value is null && _httpRequestMessage.Value is null)
        {
            return false;
        }

        var parent = builder.ParentSkippingConversions();
        if (parent is IArgumentOperation argument)
        {
            return IsUrlArgument(argument);
        }

        ILocalSymbol? local = parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return false;
        }

        // Every reference to the local in the body, from the body's index (gathered once per body: asked of each of 10,000
        // builders of one method, a walk of the body per builder was quadratic).
        var reads = 0;
        foreach (var reference in BodyIndex(builder).ReferencesOf(local))
        {
            if (reference.Parent is ISimpleAssignmentOperation written && ReferenceEquals(written.Target, reference))
            {
                continue;
            }

            if (reference.ParentSkippingConversions() is not IArgumentOperation use || !IsUrlArgument(use))
            {
                return false;
            }

            reads++;
        }

        return reads > 0;
    }

    private readonly LazyType _httpRequest;
    private readonly LazyType _hostString;

    /// <summary>
    /// True when the first part of the path that <paramref name="builder"/> (<c>Path.Combine</c>, <c>Path.Join</c>) makes
    /// is a URL's scheme and host: a string with <c>://</c> in its text (<c>"https://cdn.example.com"</c>,
    /// <c>$"{Request.Scheme}://{Request.Host}"</c>), the request's <c>Scheme</c> or <c>Host</c>, or a <c>System.Uri</c>'s
    /// address (<c>uri.ToString()</c>, <c>AbsoluteUri</c>, <c>GetLeftPart</c>), straight or through a local every value of
    /// which is one. What it makes is a link, whatever its slashes (held-out set 15: a KYC archive's download address
    /// built beside the archive's own path, <c>Path.Combine($"{Request.Scheme}://{Request.Host}", "images\\kyc\\", …)</c>).
    /// A file URI's local path (<c>uri.LocalPath</c>) is a path and does not count.
    /// </summary>
    public bool StartsWithUrl(IOperation builder)
    {
        // The first part, whichever compiler bound the call (five and more parts are a params array or span).
        return builder is IInvocationOperation { Arguments.Length: > 0 } invocation && PathParts(invocation) is { Count: > 0 } parts &&
               IsUrlBase(parts[0], 0);
    }

    private bool IsUrlBase(IOperation value, int depth)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value is string text && text.IndexOf("://", System.StringComparison.Ordinal) >= 0;
        }

        if (depth > 3)
        {
            return false;
        }

        switch (value)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string text } }
                            ? text.IndexOf("://", System.StringComparison.Ordinal) >= 0
                            : part is IInterpolationOperation hole && IsUrlBase(hole.Expression, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation
                when concatenation.Type?.SpecialType == SpecialType.System_String:
                return IsUrlBase(concatenation.LeftOperand, depth + 1) || IsUrlBase(concatenation.RightOperand, depth + 1);
            case ILocalReferenceOperation local:
                var values = BodyIndex(value).ValuesOf(local.Local);
                if (values.Count == 0)
                {
                    return false;
                }

                foreach (var assigned in values)
                {
                    if (!IsUrlBase(assigned, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            case IPropertyReferenceOperation property:
                return property.Property.Name is "Scheme" or "Host" && SymbolEquality.Is(property.Property.ContainingType, _httpRequest.Value) ||
                       IsAddressPart(property.Instance, property.Property.Name) ||
                       SymbolEquality.Is(property.Type, _hostString.Value);
            case IInvocationOperation call:
                return IsAddressPart(call.Instance, call.TargetMethod.Name);
            default:
                return false;
        }
    }

    /// <summary>A member of a <c>Uri</c> or a <c>HostString</c> that gives its address or authority (not <c>LocalPath</c>).</summary>
    private bool IsAddressPart(IOperation? instance, string member) =>
        instance?.Type is { } type &&
        (SymbolEquality.Is(type, _hostString.Value) && member is "ToString" or "Value" or "ToUriComponent" ||
         IsUri(type) && member is "ToString" or "AbsoluteUri" or "GetLeftPart" or "Authority" or "Host" or "Scheme" or "DnsSafeHost" or "IdnHost" or "GetComponents");

    /// <summary>An argument of <c>new Uri(…)</c>, of an <c>HttpRequestMessage</c> constructor or of an <c>HttpClient</c> method.</summary>
    private bool IsUrlArgument(IArgumentOperation argument) => argument.Parent switch
    {
        IObjectCreationOperation creation => IsUri(creation.Type) || SymbolEquality.Is(creation.Type, _httpRequestMessage.Value),
        IInvocationOperation invocation => _httpClient.Value is not null &&
            (WellKnownTypes.DerivesFrom(invocation.TargetMethod.ContainingType, _httpClient.Value) ||
             invocation.TargetMethod.IsExtensionMethod && invocation.TargetMethod.Parameters.Length > 0 &&
             WellKnownTypes.DerivesFrom(invocation.TargetMethod.Parameters[0].Type, _httpClient.Value) &&
             !ReferenceEquals(invocation.Arguments.Length > 0 ? invocation.Arguments[0] : null, argument)),
        _ => false,
    };

    /// <summary>An exception type: its message is not a path.</summary>
    public bool IsException(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && WellKnownTypes.DerivesFrom(named, _exception.Value);
}
