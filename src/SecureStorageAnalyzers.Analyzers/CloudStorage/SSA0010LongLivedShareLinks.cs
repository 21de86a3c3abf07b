using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// SSA0010: share links that outlive their purpose: an Azure SAS, S3 presigned URL, GCS signed URL or MinIO presigned
/// URL whose lifetime is a constant longer than <c>SSA0010.max_link_lifetime</c> (default 7 days, the longest an S3
/// SigV4 presigned URL may live) or <c>MaxValue</c>, and Azure SAS (and GCS bucket URLs) that let the holder list.
/// Only when the compilation references the SDK (<see cref="ShareLinkCatalog"/>).
/// </summary>
/// <remarks>Runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>).</remarks>
internal static class SSA0010LongLivedShareLinks
{
    public const string Id = "SSA0010";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "A share link outlives its purpose",
        "{0} makes a share link that {1}",
        "A SAS, presigned or signed URL is a bearer credential: whoever holds the link reads the object, with no login, for as long as the link lives. A link that lives for months or never expires is an anonymous server with a long URL once it is forwarded, logged or leaked, and a link that grants List hands out the whole container. Keep links short-lived (minutes to hours, at most the configured limit), read-only and for one object; issue a fresh one after checking who is asking.");

    /// <summary>The <c>.editorconfig</c> key of the longest lifetime not reported.</summary>
    public const string MaxLifetimeKey = "SSA0010.max_link_lifetime";

    /// <summary>The default limit: 7 days, the longest an S3 SigV4 presigned URL (and a GCS V4 signed URL) may live.</summary>
    public const double DefaultMaxLifetimeSeconds = 7 * 86400;

    /// <summary>The rule's part for a compilation, or null when it references none of the cloud storage SDKs.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types)
    {
        var catalog = ShareLinkCatalog.Create(types);
        return catalog.IsEmpty ? null : new Rule(catalog);
    }

    /// <summary>
    /// Reads a lifetime setting: a number with a unit (<c>7d</c>, <c>12h</c>, <c>30m</c>, <c>3600s</c>) or a plain
    /// number of days; null when it is missing or not one of these.
    /// </summary>
    internal static double? ParseLifetime(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var factor = char.ToLowerInvariant(text[text.Length - 1]) switch
        {
            'd' => 86400,
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => 0,
        };
        var number = factor == 0 ? text : text.Substring(0, text.Length - 1).Trim();
        if (factor == 0)
        {
            factor = 86400;
        }

        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value * factor
            : null;
    }

    /// <summary>How a message says a lifetime: "never expires", "lives 365 days", "lives 36 hours".</summary>
    internal static string Describe(double seconds)
    {
        if (double.IsPositiveInfinity(seconds) || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return "never expires (MaxValue)";
        }

        var days = seconds / 86400;
        if (days >= 2)
        {
            return $"lives {Math.Round(days, 1).ToString(CultureInfo.InvariantCulture)} days";
        }

        return $"lives {Math.Round(seconds / 3600, 1).ToString(CultureInfo.InvariantCulture)} hours";
    }

    private sealed class Rule : PackRule
    {
        private readonly ShareLinkCatalog _catalog;
        private readonly OptionsCache<Limit> _limits = new(static options => new Limit(options));

        public Rule(ShareLinkCatalog catalog) => _catalog = catalog;

        public override IEnumerable<INamedTypeSymbol> CallTypes => _catalog.CallTypes;

        public override IEnumerable<IPropertySymbol> AssignedProperties => _catalog.AssignedProperties;

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method) =>
            Report(context, context.Operation, _catalog.Judge(context.Operation, method));

        public override void AnalyzeAssignment(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertySymbol property) =>
            Report(context, assignment, _catalog.Judge(assignment, property));

        private void Report(OperationAnalysisContext context, IOperation operation, ShareLink link)
        {
            if (link.IsEmpty)
            {
                return;
            }

            var limit = _limits.For(context.Options, operation.Tree()).Seconds;
            var tooLong = link.LifetimeSeconds is { } seconds && seconds > limit;
            if ((!tooLong && link.Lists is null) || EnvironmentGuard.IsDevelopmentOnly(operation, _catalog.Types))
            {
                return;
            }

            var lifetime = tooLong ? $"{Describe(link.LifetimeSeconds!.Value)}, longer than the {Describe(limit).Substring("lives ".Length)} limit" : null;
            if (double.IsPositiveInfinity(link.LifetimeSeconds ?? 0))
            {
                lifetime = Describe(double.PositiveInfinity);
            }

            var lists = link.Lists is { } listed ? $"lets whoever holds it list {listed}" : null;
            var how = (lifetime, lists) switch
            {
                ({ } a, { } b) => $"{a} and {b}",
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => "",
            };

            var what = operation is ISimpleAssignmentOperation assignment
                ? assignment.Target.Syntax.ToString()
                : DiagnosticLocations.CallText(operation.Syntax);
            if (link.StoredPolicy)
            {
                what = $"Stored access policy setting '{what}' (every SAS that names the policy)";
            }
            // A List grant alone is shown at the List member the argument names, when it does (the call may start lines above).
            var location = !tooLong && link.ListGrant is { } grant ? DiagnosticLocations.For(grant) : DiagnosticLocations.For(operation);
            context.ReportDiagnostic(Diagnostic.Create(SSA0010LongLivedShareLinks.Descriptor, location, what, how));
        }
    }

    /// <summary>The lifetime limit of a file's settings.</summary>
    private sealed class Limit
    {
        public Limit(AnalyzerConfigOptions options) =>
            Seconds = options.TryGetValue(MaxLifetimeKey, out var text) && ParseLifetime(text) is { } seconds
                ? seconds
                : DefaultMaxLifetimeSeconds;

        public double Seconds { get; }
    }
}
