// One rule of the pack run alone, for the tests and the per-rule benchmark (tests/SecureStorageAnalyzers.Benchmarks
// links this file). These analyzers are never exported and never in the package: the compiler runs every rule in
// SecureStorageAnalyzer (src/SecureStorageAnalyzers.Analyzers/Rules.cs).
#pragma warning disable RS1001 // Missing diagnostic analyzer attribute: not exported on purpose.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Verifiers
{
    /// <summary>
    /// The pack's operation analysis (<see cref="PackAnalyzer"/>) with the one rule of <see cref="PackRules"/> it is given.
    /// A rule's tests run it with <see cref="For"/> (<c>RuleAnalyzer.For(PackRules.SSA0013)</c>); the robustness harness,
    /// the meta tests and the per-rule benchmark take every rule from the registry (<see cref="ForEveryRule"/>), so a new
    /// rule needs no class here.
    /// </summary>
    public abstract class RuleAnalyzer : PackAnalyzer
    {
        private protected RuleAnalyzer(PackRuleEntry rule)
            : base(rule)
        {
        }

        private protected RuleAnalyzer(ImmutableArray<PackRuleEntry> rules)
            : base(rules)
        {
        }

        /// <summary>The id of the one rule this analyzer runs.</summary>
        public string RuleId => SupportedDiagnostics[0].Id;

        /// <summary>The rule of <paramref name="rule"/> alone.</summary>
        internal static RuleAnalyzer For(PackRuleEntry rule) => new OneRuleAnalyzer(rule);

        /// <summary>
        /// Every rule of <see cref="PackRules.All"/> alone, one analyzer each, in registry order: the named class below
        /// when the rule's older tests know it by one, the generic wrapper otherwise.
        /// </summary>
        public static ImmutableArray<DiagnosticAnalyzer> ForEveryRule()
        {
            var named = typeof(RuleAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && !t.ContainsGenericParameters && typeof(RuleAnalyzer).IsAssignableFrom(t) && t != typeof(OneRuleAnalyzer))
                .Select(t => (RuleAnalyzer)Activator.CreateInstance(t)!)
                .ToDictionary(a => a.RuleId, StringComparer.Ordinal);
            return PackRules.All
                .Select(rule => (DiagnosticAnalyzer)(named.TryGetValue(rule.Descriptor.Id, out var analyzer) ? analyzer : For(rule)))
                .ToImmutableArray();
        }

        /// <summary>A name for reports: the class name, or the rule id for the generic wrapper.</summary>
        public static string NameOf(DiagnosticAnalyzer analyzer) =>
            analyzer is OneRuleAnalyzer one ? one.RuleId + "Analyzer" : analyzer.GetType().Name;
    }

    /// <summary>Any rule of the registry alone (see <see cref="RuleAnalyzer.For"/>).</summary>
    public sealed class OneRuleAnalyzer : RuleAnalyzer
    {
        internal OneRuleAnalyzer(PackRuleEntry rule)
            : base(rule)
        {
        }
    }
}

// Each rule's analyzer keeps the name and namespace its tests know it by.
namespace SecureStorageAnalyzers.Hosting
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
}

namespace SecureStorageAnalyzers.ExposureChain
{
    using SecureStorageAnalyzers.Tests.Verifiers;

    public sealed class SSA0009ExposureChainAnalyzer : RuleAnalyzer
    {
        public SSA0009ExposureChainAnalyzer() : base(PackRules.SSA0009) { }
    }
}

namespace SecureStorageAnalyzers.PersonalData
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
