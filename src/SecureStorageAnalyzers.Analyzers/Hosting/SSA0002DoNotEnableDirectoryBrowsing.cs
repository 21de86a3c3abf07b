using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0002: directory browsing turned on in code that can run in production: <c>UseDirectoryBrowser</c>,
/// <c>AddDirectoryBrowser</c>, <c>UseFileServer(true)</c> and <c>FileServerOptions.EnableDirectoryBrowsing = true</c>.
/// The IIS side (<c>&lt;directoryBrowse enabled="true" /&gt;</c>) is <see cref="Iis.WebConfigAnalyzer"/>.
/// One finding per listing: the rule owns every <c>UseDirectoryBrowser</c> call (SSA0001 leaves it here, and the message
/// names the folder when it is private), and <c>AddDirectoryBrowser()</c>, which lists nothing by itself, is reported
/// only where the pack sees no listing middleware anywhere in the compilation (the middleware may then be in a library it
/// cannot see into). Every finding is reported where it is written, as its operation is analyzed; whether a listing
/// middleware exists in another file comes from <see cref="CompilationFacts"/>.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0002DoNotEnableDirectoryBrowsing
{
    public const string Id = "SSA0002";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Directory browsing is enabled",
        "{0} turns on directory browsing outside Development: {1}",
        "Directory browsing lists every file of a folder to any visitor, with links to download them. The ASP.NET Core documentation advises against enabling it in production. Keep it behind an IsDevelopment() check or remove it.");

    /// <summary>Key of <see cref="Diagnostic.Properties"/> that tells the code fix what was found.</summary>
    public const string KindProperty = "Kind";

    /// <summary>A <c>UseDirectoryBrowser</c>/<c>AddDirectoryBrowser</c> call: remove it or guard it.</summary>
    public const string KindRegistration = "Registration";

    /// <summary>A <c>UseFileServer(true)</c> call: drop the argument.</summary>
    public const string KindArgument = "Argument";

    /// <summary>An <c>EnableDirectoryBrowsing = true</c> assignment: set it to false.</summary>
    public const string KindAssignment = "Assignment";

    /// <summary>A call of a method named in <c>SSA0002.listing_methods</c>: no code fix (what the wrapper needs instead is its own business).</summary>
    public const string KindConfigured = "ConfiguredListingMethod";

    /// <summary>Who can list, for the message: anyone, unless the listing runs after <c>UseAuthorization()</c> with a fallback policy.</summary>
    internal const string Anyone = "anyone can list the folder's files";

    /// <summary>Who can list behind <c>UseAuthorization()</c> and a fallback policy: no anonymous request, but every user it admits.</summary>
    internal const string EverySignedInUser =
        "it runs after UseAuthorization() with a fallback policy: every signed-in user can list the folder's files";

    private static readonly ImmutableDictionary<string, string?> RegistrationProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindRegistration);

    private static readonly ImmutableDictionary<string, string?> ArgumentProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindArgument);

    private static readonly ImmutableDictionary<string, string?> AssignmentProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindAssignment);

    private static readonly ImmutableDictionary<string, string?> ConfiguredProperties =
        ImmutableDictionary<string, string?>.Empty.Add(KindProperty, KindConfigured);

    /// <summary>The rule's part for a compilation, or null when it has none of the directory-browsing APIs.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types) =>
        types.UseDirectoryBrowser.IsEmpty && types.AddDirectoryBrowser.IsEmpty &&
        types.UseFileServerWithBrowsingFlag.IsEmpty && types.FileServerOptionsEnableDirectoryBrowsing is null
            ? null
            : new Rule(types);

    private sealed class Rule : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly ServedFolders _folders;
        private readonly CompilationFacts _facts;
        private readonly ListingMethods.Cache _listing;

        public Rule(WellKnownTypes types)
        {
            _types = types;
            _folders = ServedFolders.For(types);
            _facts = CompilationFacts.For(types);
            _listing = ListingMethods.Cache.For(types);
        }

        public override bool SeesCallsOfConfiguredListingMethods => true;

        public override IEnumerable<INamedTypeSymbol> CallTypes =>
            WellKnownTypes.DeclaringTypes(_types.UseDirectoryBrowser, _types.AddDirectoryBrowser, _types.UseFileServerWithBrowsingFlag);

        public override IEnumerable<IPropertySymbol> AssignedProperties =>
            _types.FileServerOptionsEnableDirectoryBrowsing is { } property ? new[] { property } : Array.Empty<IPropertySymbol>();

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is not IInvocationOperation invocation)
            {
                return;
            }

            var isService = WellKnownTypes.Contains(_types.AddDirectoryBrowser, method);
            ImmutableDictionary<string, string?> properties;
            if (isService || WellKnownTypes.Contains(_types.UseDirectoryBrowser, method))
            {
                properties = RegistrationProperties;
            }
            else if (WellKnownTypes.Contains(_types.UseFileServerWithBrowsingFlag, method) && FlagIsTrue(invocation))
            {
                properties = ArgumentProperties;
            }
            else if (_listing.For(context.Options, invocation.Tree()) is { } listing && listing.Contains(method) && listing.Lists(invocation))
            {
                // A wrapper the settings name (SSA0002.listing_methods): its body is out of sight, the setting says it lists.
                properties = ConfiguredProperties;
            }
            else
            {
                return;
            }

            if (EnvironmentGuard.IsDevelopmentOnly(invocation, _types))
            {
                return;
            }

            var shown = method.Name;
            if (!isService && WellKnownTypes.Contains(_types.UseDirectoryBrowser, method))
            {
                _folders.FolderOf(invocation, out var fileProvider, out var requestPath);
                if (_folders.PrivateFolder(context, fileProvider, requestPath) is { } source)
                {
                    // SSA0001 leaves the listing to this rule: the message carries both reasons.
                    shown = $"{method.Name} over {source.Reason.What} ({source.Reason.Evidence})";
                }
            }

            // AddDirectoryBrowser() alone lists nothing: reported only where no listing middleware is seen anywhere (any
            // listing the pack can see, in Development or not, is what it serves).
            if (isService && _facts.Get(context.Compilation, context.Options, context.CancellationToken).HasListingMiddleware)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                SSA0002DoNotEnableDirectoryBrowsing.Descriptor,
                DiagnosticLocations.ForCall(invocation),
                properties,
                shown,
                isService ? Anyone : WhoCanList(context, invocation)));
        }

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property)
        {
            if (!SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, _types.FileServerOptionsEnableDirectoryBrowsing) ||
                !assignment.Value.IsConstantTrue())
            {
                return;
            }

            if (EnvironmentGuard.IsDevelopmentOnly(assignment, _types))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                SSA0002DoNotEnableDirectoryBrowsing.Descriptor,
                DiagnosticLocations.For(assignment),
                AssignmentProperties,
                "EnableDirectoryBrowsing = true",
                Anyone));
        }

        /// <summary>
        /// Who the listing middleware lets in: after <c>UseAuthorization()</c>, with a fallback policy anywhere in the
        /// compilation, every signed-in user; otherwise anyone. Decided from <see cref="CompilationFacts"/> in the call's
        /// own operation action, so a build and the IDE say the same.
        /// </summary>
        private string WhoCanList(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var facts = _facts.Get(context.Compilation, context.Options, context.CancellationToken);
            return facts.Authorization.HasFallbackPolicy &&
                   CompilationFacts.OwnerOf(invocation, context.CancellationToken) is { } owner &&
                   facts.Pipeline.Describe(invocation, owner) is { } registration &&
                   Pipeline.PipelineModel.RunsAfterAuthorization(registration, facts.PipelineEvents)
                ? EverySignedInUser
                : Anyone;
        }
    }

    /// <summary>
    /// True when <paramref name="operation"/> turns on a directory listing middleware: <c>UseDirectoryBrowser(…)</c>,
    /// <c>UseFileServer(true)</c>, <c>EnableDirectoryBrowsing = true</c> (what <c>AddDirectoryBrowser()</c> serves).
    /// </summary>
    internal static bool IsListing(IOperation operation, WellKnownTypes types) =>
        operation switch
        {
            IInvocationOperation invocation =>
                WellKnownTypes.Contains(types.UseDirectoryBrowser, invocation.TargetMethod) ||
                WellKnownTypes.Contains(types.UseFileServerWithBrowsingFlag, invocation.TargetMethod) && FlagIsTrue(invocation),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment =>
                types.FileServerOptionsEnableDirectoryBrowsing is not null &&
                SymbolEqualityComparer.Default.Equals(target.Property.OriginalDefinition, types.FileServerOptionsEnableDirectoryBrowsing) &&
                assignment.Value.IsConstantTrue(),
            _ => false,
        };

    private static bool FlagIsTrue(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } && argument.Value.IsConstantTrue())
            {
                return true;
            }
        }

        return false;
    }
}
