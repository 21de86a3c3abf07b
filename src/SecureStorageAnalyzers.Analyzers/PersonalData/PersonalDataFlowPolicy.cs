using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>Path flows of personal identifiers (SSA0101): sources per the classifier, configured pseudonymizers end the flow.</summary>
internal sealed class PersonalDataFlowPolicy : IFlowSourcePolicy, IFollowsProjectStringMethods, IReadsTypedInput
{
    private readonly PersonalDataClassifier _classifier;
    private readonly ProjectStringMethods _stringMethods;

    public PersonalDataFlowPolicy(PersonalDataClassifier classifier, StorageSinks sinks)
    {
        _classifier = classifier;
        _stringMethods = new ProjectStringMethods(sinks, IsBarrier);
        StorageNames = new StorageNameMembers(classifier.Options.StorageNameMembers);
    }

    /// <summary>The application's own members that hold a stored object's name, with this policy's configured words.</summary>
    public StorageNameMembers StorageNames { get; }

    /// <summary>
    /// The compilation's policy for <paramref name="options"/>: one classifier per distinct set of <c>SSA0101.*</c>
    /// settings, shared by every rule that follows personal data (SSA0101, SSA0009) through
    /// <see cref="WellKnownTypes.Shared{T}"/>.
    /// </summary>
    public static PersonalDataFlowPolicy For(WellKnownTypes types, PersonalDataOptions options) =>
        types.Shared(static t => new ByOptions(t)).For(options);

    public PersonalDataOptions Options => _classifier.Options;

    public bool StopsAtPathBuilders => true;

    public bool FollowsValueTransformations => true;

    /// <summary>A storage object built from the identifier (<c>new FileInfo(phone)</c>) is a sink of its own.</summary>
    public System.Collections.Generic.IReadOnlyList<IOperation> LookupKeys(IInvocationOperation call) => System.Array.Empty<IOperation>();

    public bool FollowsMembersOf(IPropertyReferenceOperation property) => false;

    public bool PassesThrough(IOperation creationOrCall) => false;

    public SourceReason? Classify(IOperation operation, ISymbol? symbol) =>
        _classifier.ClassifyClaim(operation) ?? _classifier.Classify(symbol) ?? _classifier.ClassifyControlValue(operation) ??
        _classifier.ClassifyKeyedValue(operation);

    /// <summary>A control's text or selection, which a local copied from it names (<see cref="PersonalDataClassifier.IsControlInput"/>).</summary>
    public bool IsTypedInput(IOperation operation) => _classifier.IsControlInput(operation);

    /// <summary>Why <paramref name="symbol"/> is personal by what it is or how it is named, without an operation to read.</summary>
    public SourceReason? ClassifySymbol(ISymbol symbol) => _classifier.Classify(symbol);

    /// <summary>A configured pseudonymizer (<see cref="PersonalDataClassifier.Pseudonymizers"/>, matched by symbol).</summary>
    public bool IsBarrier(IMethodSymbol method) => _classifier.Pseudonymizers.Contains(method);

    /// <summary>
    /// A sanitizer, slug or normaliser of the project carries the identifier it is given (<see cref="ProjectStringMethods"/>,
    /// summarised once per method for this policy: a configured pseudonymizer inside one ends the flow there too).
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<int> CarriedParameters(IMethodSymbol method, Compilation compilation) =>
        _stringMethods.CarriedParameters(method, compilation);

    private sealed class ByOptions
    {
        private readonly WellKnownTypes _types;
        private readonly ConcurrentDictionary<PersonalDataOptions, PersonalDataFlowPolicy> _policies = new();

        public ByOptions(WellKnownTypes types) => _types = types;

        public PersonalDataFlowPolicy For(PersonalDataOptions options) =>
            _policies.TryGetValue(options, out var policy)
                ? policy
                : _policies.GetOrAdd(options, new PersonalDataFlowPolicy(new PersonalDataClassifier(_types, options), StorageSinks.Create(_types)));
    }
}
