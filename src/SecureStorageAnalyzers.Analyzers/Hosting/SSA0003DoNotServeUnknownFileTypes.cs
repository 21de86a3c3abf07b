using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0003: <c>StaticFileOptions.ServeUnknownFileTypes = true</c>, set directly, through
/// <c>FileServerOptions.StaticFileOptions</c>, in an object initializer or in an options callback. The IIS form
/// (<c>&lt;mimeMap fileExtension="*"&gt;</c>) is read by <see cref="WebConfig.WebConfigAnalyzer"/>.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0003DoNotServeUnknownFileTypes
{
    public const string Id = "SSA0003";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Files of unknown type are served",
        "{0} makes every file in the served folder downloadable, whatever its extension",
        "With ServeUnknownFileTypes enabled (or, under IIS, a <mimeMap fileExtension=\"*\">) the static file handler serves files it has no content type for: databases, backups, recordings, key files. The ASP.NET Core documentation calls this a security risk. Map the extensions you need with a FileExtensionContentTypeProvider, or one <mimeMap> per extension, instead.");

    /// <summary>The rule's part for a compilation, or null when it has no <c>StaticFileOptions.ServeUnknownFileTypes</c>.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types) =>
        types.StaticFileOptionsServeUnknownFileTypes is null ? null : new Rule(types);

    private sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;

        public Rule(WellKnownTypes types) => _types = types;

        public override IEnumerable<IPropertySymbol> AssignedProperties => new[] { _types.StaticFileOptionsServeUnknownFileTypes! };

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (!SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, _types.StaticFileOptionsServeUnknownFileTypes) ||
                !assignment.Value.IsConstantTrue() ||
                EnvironmentGuard.IsDevelopmentOnly(assignment, _types))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(SSA0003DoNotServeUnknownFileTypes.Descriptor, DiagnosticLocations.For(assignment), "ServeUnknownFileTypes = true"));
        }
    }
}
