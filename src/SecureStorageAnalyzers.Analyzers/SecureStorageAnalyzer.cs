using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers;

/// <summary>
/// The pack's analyzer of C# code: every rule in one operation analysis (<see cref="PackAnalyzer"/>), so that each
/// call and assignment of the project is looked at once, not once per rule. Its rules are listed in <see cref="PackRules"/> (Rules.cs). The IIS side of SSA0002 (web.config) is
/// <see cref="Iis.WebConfigAnalyzer"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecureStorageAnalyzer : PackAnalyzer
{
    public SecureStorageAnalyzer()
        : base(PackRules.All)
    {
    }

    /// <summary>
    /// The same analysis with one rule alone, for code that runs a rule itself (SSA0101's fixer looks for the findings
    /// of other files). The compiler creates the analyzer with all rules.
    /// </summary>
    internal SecureStorageAnalyzer(PackRuleEntry rule)
        : base(rule)
    {
    }
}
