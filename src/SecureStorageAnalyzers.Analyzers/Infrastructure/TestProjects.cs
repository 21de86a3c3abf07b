using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// Test code is not reported by default: a test that writes a file named after a made-up phone number, or a fixture
/// that serves a temporary folder, is not an exposure, and findings there teach users to switch the pack off. A
/// compilation is test code when MSBuild says so (<c>IsTestProject</c>, set by the test SDK) or when it references
/// xUnit, NUnit or MSTest. The MSBuild property <c>SecureStorageAnalyzersAnalyzeTestProjects=true</c>, or
/// <c>ssa.analyze_test_projects = true</c> in a <c>.globalconfig</c>, turns the rules back on there.
/// </summary>
internal static class TestProjects
{
    public const string AnalyzeTestProjectsKey = "ssa.analyze_test_projects";
    public const string AnalyzeTestProjectsProperty = "build_property.SecureStorageAnalyzersAnalyzeTestProjects";
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    /// <summary>True when the pack stays silent on <paramref name="compilation"/>: it is test code and the switch is off.</summary>
    public static bool IsSilenced(Compilation compilation, AnalyzerOptions options)
    {
        var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        if (IsTrue(global, AnalyzeTestProjectsKey) || IsTrue(global, AnalyzeTestProjectsProperty))
        {
            return false;
        }

        return IsTrue(global, IsTestProjectProperty) || ReferencesTestFramework(compilation);
    }

    private static bool ReferencesTestFramework(Compilation compilation)
    {
        foreach (var name in compilation.ReferencedAssemblyNames)
        {
            switch (name.Name)
            {
                case "xunit.core":
                case "xunit.v3.core":
                case "nunit.framework":
                case "Microsoft.VisualStudio.TestPlatform.TestFramework":
                case "MSTest.TestFramework":
                    return true;
            }
        }

        return false;
    }

    private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
