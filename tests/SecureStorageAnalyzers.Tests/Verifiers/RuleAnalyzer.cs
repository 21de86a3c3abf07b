// One rule of the pack run alone, for the tests and the per-rule benchmark (tests/SecureStorageAnalyzers.Benchmarks
// links this file). These analyzers are never exported and never in the package: the compiler runs every rule in
// SecureStorageAnalyzer (src/SecureStorageAnalyzers.Analyzers/Rules.cs).
#pragma warning disable RS1001 // Missing diagnostic analyzer attribute: not exported on purpose.

using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Verifiers
{
    /// <summary>The pack's operation analysis (<see cref="PackAnalyzer"/>) with the one rule of <see cref="PackRules"/> it is given.</summary>
    public abstract class RuleAnalyzer : PackAnalyzer
    {
        private protected RuleAnalyzer(PackRuleEntry rule)
            : base(rule)
        {
        }
    }
}

// Each rule's analyzer keeps the name and namespace its tests know it by.
namespace SecureStorageAnalyzers.StaticFiles
{
    using SecureStorageAnalyzers.Tests.Verifiers;

    public sealed class SSA0001AnonymousStaticFilesAnalyzer : RuleAnalyzer
    {
        public SSA0001AnonymousStaticFilesAnalyzer() : base(PackRules.SSA0001) { }
    }

    public sealed class SSA0002DoNotEnableDirectoryBrowsingAnalyzer : RuleAnalyzer
    {
        public SSA0002DoNotEnableDirectoryBrowsingAnalyzer() : base(PackRules.SSA0002) { }
    }

    public sealed class SSA0003DoNotServeUnknownFileTypesAnalyzer : RuleAnalyzer
    {
        public SSA0003DoNotServeUnknownFileTypesAnalyzer() : base(PackRules.SSA0003) { }
    }

    public sealed class SSA0004DoNotServeContentRootAnalyzer : RuleAnalyzer
    {
        public SSA0004DoNotServeContentRootAnalyzer() : base(PackRules.SSA0004) { }
    }

    public sealed class SSA0005AnonymousFileEndpointAnalyzer : RuleAnalyzer
    {
        public SSA0005AnonymousFileEndpointAnalyzer() : base(PackRules.SSA0005) { }
    }

    public sealed class SSA0006DoNotWriteUnderWebRootAnalyzer : RuleAnalyzer
    {
        public SSA0006DoNotWriteUnderWebRootAnalyzer() : base(PackRules.SSA0006) { }
    }

    public sealed class SSA0009ExposureChainAnalyzer : RuleAnalyzer
    {
        public SSA0009ExposureChainAnalyzer() : base(PackRules.SSA0009) { }
    }
}

namespace SecureStorageAnalyzers.StoragePaths
{
    using SecureStorageAnalyzers.Tests.Verifiers;

    public sealed class SSA0101PersonalIdentifierInStoragePathAnalyzer : RuleAnalyzer
    {
        public SSA0101PersonalIdentifierInStoragePathAnalyzer() : base(PackRules.SSA0101) { }
    }
}

namespace SecureStorageAnalyzers.CloudStorage
{
    using SecureStorageAnalyzers.Tests.Verifiers;

    public sealed class SSA0007StoredObjectsReadableByAnyoneAnalyzer : RuleAnalyzer
    {
        public SSA0007StoredObjectsReadableByAnyoneAnalyzer() : base(PackRules.SSA0007) { }
    }

    public sealed class SSA0008StoredObjectsListableByAnyoneAnalyzer : RuleAnalyzer
    {
        public SSA0008StoredObjectsListableByAnyoneAnalyzer() : base(PackRules.SSA0008) { }
    }

    public sealed class SSA0010LongLivedShareLinksAnalyzer : RuleAnalyzer
    {
        public SSA0010LongLivedShareLinksAnalyzer() : base(PackRules.SSA0010) { }
    }
}
