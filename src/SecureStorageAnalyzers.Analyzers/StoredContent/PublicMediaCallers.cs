using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// "What is stored here is public media", asked of the callers when the storing method's own words do not say: an upload
/// service that takes its folder, key or container from a parameter (<c>UploadAsync(IFormFile file, string folder)</c>,
/// <c>UploadFileAsync(IFormFile file, string keyName)</c>) stores what its callers hand it. Each call of the method that
/// the compilation holds (<see cref="ProjectCallSites"/>: direct, through an interface the method implements, or an
/// override) is judged by <see cref="StoredContentVocabulary"/> over the words the caller gives:
/// <list type="bullet">
/// <item>the arguments for the parameters the path or key is built from (a default value counts as passed:
/// <c>string folder = "images"</c>), followed through the caller's locals (<see cref="PathWords"/>);</item>
/// <item>the uploads it hands over (<c>IFormFile</c>, <c>HttpPostedFileBase</c>, a <c>Stream</c>): <c>imageFile</c>,
/// <c>model.ProfileImage</c>;</item>
/// <item>where it keeps the result (<c>user.ProfilePhotoUrl = await …</c>, <c>var avatarUrl = …</c>) and the name of
/// the method the call is in (<c>UploadPhoto</c>); the caller's type name counts only as a private word.</item>
/// </list>
/// Public media only when every call judges public media by a word (an image extension alone is a format, not a
/// purpose: a ticket's QR code is a <c>.png</c>); a private word or a document extension at any call (a
/// recording, a CV through the same helper), a call that says nothing, no call in sight, or a method named without being
/// called (a delegate) keep the finding. A caller that passes its own parameter straight on (a private
/// <c>SaveLocallyAsync(file, folder)</c> called by the public <c>UploadAsync(file, folder)</c>) is followed to its own
/// callers, once. An app that requires a signed-in user everywhere (a fallback policy) has no anonymous audience: nothing
/// it stores is public media by its callers. Bounded: one method's calls, found once per compilation, and only when a rule would otherwise report.
/// </summary>
internal sealed class PublicMediaCallers
{
    private const int MaxPassThrough = 1;

    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly ProjectCallSites _callSites;
    private readonly SymbolSet<INamedTypeSymbol> _uploadTypes;

    private PublicMediaCallers(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
        _callSites = ProjectCallSites.For(types);
        _uploadTypes = SymbolSet<INamedTypeSymbol>.Of(types.IFormFile, types.SystemWebHttpPostedFileBase, types.SystemWebHttpPostedFile, types.Stream);
    }

    /// <summary>The instance of the compilation.</summary>
    public static PublicMediaCallers For(WellKnownTypes types) => types.Shared(static t => new PublicMediaCallers(t));

    /// <summary>
    /// True when <paramref name="method"/> stores at a path or key built from <paramref name="pathParameters"/> (its own
    /// string parameters) or stores an upload it receives, and every call of it in sight hands it public media.
    /// </summary>
    public bool EveryCallerStoresPublicMedia(ISymbol? method, IReadOnlyList<IParameterSymbol> pathParameters, StoredContentVocabulary vocabulary,
        Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        return StoresPublicMedia(method, pathParameters, vocabulary, cancellationToken) && !SignedInAudienceOnly(compilation, options, cancellationToken);
    }

    /// <summary>
    /// True when the app requires a signed-in user for every endpoint (a fallback policy): it has no anonymous audience, so
    /// what it stores is not public by design (a gate system's enrolment photos), and the static files middleware or a
    /// public-read grant hands it to anyone anyway. Asked last, from the compilation's facts the other rules share.
    /// </summary>
    private bool SignedInAudienceOnly(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        _types.HasAspNetCore && CompilationFacts.For(_types).Get(compilation, options, cancellationToken).Authorization.HasFallbackPolicy;

    private bool StoresPublicMedia(ISymbol? method, IReadOnlyList<IParameterSymbol> pathParameters, StoredContentVocabulary vocabulary,
        CancellationToken cancellationToken)
    {
        if (method is not IMethodSymbol { MethodKind: MethodKind.Ordinary } callee)
        {
            return false;
        }

        var followed = new List<IParameterSymbol>();
        foreach (var parameter in pathParameters)
        {
            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
            {
                // A primary constructor's parameter (the bucket a service is created with): a field, not the caller's choice.
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, callee))
            {
                // A lambda's or a local function's parameter: its callers are not in sight.
                return false;
            }

            followed.Add(parameter);
        }

        foreach (var parameter in callee.Parameters)
        {
            if (IsUpload(parameter.Type) && !Contains(followed, parameter))
            {
                followed.Add(parameter);
            }
        }

        return followed.Count > 0 && AllCalls(callee, followed, vocabulary, 0, cancellationToken);
    }

    private bool AllCalls(IMethodSymbol callee, List<IParameterSymbol> followed, StoredContentVocabulary vocabulary, int depth,
        CancellationToken cancellationToken)
    {
        var sites = _callSites.Of(callee, cancellationToken);
        if (!sites.IsKnown || sites.Calls.IsEmpty)
        {
            return false;
        }

        foreach (var call in sites.Calls)
        {
            if (!PublicMedia(call, followed, vocabulary, depth, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private bool PublicMedia(IInvocationOperation call, List<IParameterSymbol> followed, StoredContentVocabulary vocabulary, int depth,
        CancellationToken cancellationToken)
    {
        var words = new PathWords().AddEnclosingNames(call);
        List<IParameterSymbol>? passedOn = null;
        var allPassedOn = true;
        foreach (var parameter in followed)
        {
            if (Argument(call, parameter) is not { } argument)
            {
                return false;
            }

            words.Add(argument, _sinks);
            if (argument.WithoutConversions() is IParameterReferenceOperation { Parameter: var own } && own.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary })
            {
                (passedOn ??= new List<IParameterSymbol>()).Add(own);
            }
            else if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                allPassedOn = false;
            }
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && !Contains(followed, parameter) && IsUpload(parameter.Type))
            {
                words.Add(argument.Value, _sinks);
            }
        }

        AddResultTarget(call, words);

        foreach (var (kind, name) in words.CodeNames)
        {
            if (kind == "method")
            {
                words.AddName(name);
            }
        }

        var judgement = vocabulary.Judge(words);
        if (judgement.IsPublicMedia && vocabulary.HasPublicWord(words))
        {
            return true;
        }

        if (judgement.Verdict is ContentVerdict.PrivateWord or ContentVerdict.PrivateExtension)
        {
            return false;
        }

        // The caller hands on what its own caller chose: follow it once more.
        return depth < MaxPassThrough && allPassedOn && passedOn is { Count: > 0 } &&
               passedOn[0].ContainingSymbol is IMethodSymbol caller && SameMethod(passedOn, caller) &&
               AllCalls(caller, WithUploads(caller, passedOn), vocabulary, depth + 1, cancellationToken);
    }

    private List<IParameterSymbol> WithUploads(IMethodSymbol method, List<IParameterSymbol> parameters)
    {
        foreach (var parameter in method.Parameters)
        {
            if (IsUpload(parameter.Type) && !Contains(parameters, parameter))
            {
                parameters.Add(parameter);
            }
        }

        return parameters;
    }

    private static bool Contains(List<IParameterSymbol> parameters, IParameterSymbol parameter)
    {
        foreach (var each in parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(each, parameter))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameMethod(List<IParameterSymbol> parameters, IMethodSymbol method)
    {
        foreach (var parameter in parameters)
        {
            if (!SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value the call gives <paramref name="parameter"/> (a default value included), or null.</summary>
    private static IOperation? Argument(IInvocationOperation call, IParameterSymbol parameter)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } each && each.Ordinal == parameter.Ordinal && argument.ArgumentKind != ArgumentKind.ParamArray)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Where the call's result is kept: the target of <c>x = [await] call</c>, or the local <c>var x = [await] call</c> declares.</summary>
    private void AddResultTarget(IInvocationOperation call, PathWords words)
    {
        IOperation current = call;
        while (current.Parent is IAwaitOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            // The name the result is kept under, and only that: a local's other values are not what this call returns
            // (held-out set 10: isValidFile = IsPDF(stream) beside isValidFile = IsImage(stream) is no picture).
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when ReferenceEquals(assignment.Value, current):
                words.AddName(local.Local.Name);
                break;
            case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                words.Add(assignment.Target, _sinks);
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                words.AddName(declarator.Symbol.Name);
                break;
        }
    }

    private bool IsUpload(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (_uploadTypes.Contains(named.OriginalDefinition))
        {
            return true;
        }

        foreach (var upload in _uploadTypes)
        {
            if (WellKnownTypes.Implements(named, upload) || WellKnownTypes.DerivesFrom(named, upload))
            {
                return true;
            }
        }

        return false;
    }
}
