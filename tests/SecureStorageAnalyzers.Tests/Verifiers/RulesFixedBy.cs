// Test code, never loaded by a compiler: the analyzer of a fix test, which reads its fixer's ids (Workspaces). Not linked
// by the benchmark, which has no Workspaces.
#pragma warning disable RS1001 // Missing diagnostic analyzer attribute: not exported on purpose.
#pragma warning disable RS1022 // It reads a CodeFixProvider's FixableDiagnosticIds.

using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// The rules <typeparamref name="TCodeFix"/> fixes (its <c>FixableDiagnosticIds</c>, looked up in
/// <see cref="PackRules.All"/>), alone: the analyzer a fix test runs with its fixer,
/// <c>CSharpCodeFixVerifier&lt;RulesFixedBy&lt;SSA0013NameCodeFixProvider&gt;, SSA0013NameCodeFixProvider&gt;</c>,
/// so a rule with a fix needs no analyzer class either.
/// </summary>
public sealed class RulesFixedBy<TCodeFix> : RuleAnalyzer
    where TCodeFix : CodeFixProvider, new()
{
    public RulesFixedBy()
        : base(Fixed())
    {
    }

    private static ImmutableArray<PackRuleEntry> Fixed()
    {
        var ids = new TCodeFix().FixableDiagnosticIds;
        var rules = PackRules.All.Where(rule => ids.Contains(rule.Descriptor.Id)).ToImmutableArray();
        return rules.IsEmpty
            ? throw new InvalidOperationException($"{typeof(TCodeFix).Name} fixes no rule of PackRules.All ({string.Join(", ", ids)}).")
            : rules;
    }
}
