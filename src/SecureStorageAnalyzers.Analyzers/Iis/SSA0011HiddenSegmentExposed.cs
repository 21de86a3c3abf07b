using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// SSA0011: a web.config that takes one of IIS's default hidden segments out of request filtering. Reported by
/// <see cref="WebConfigAnalyzer"/> in System.Web projects; the IIS behaviour is cited on docs/rules/SSA0011.md.
/// </summary>
internal static class SSA0011HiddenSegmentExposed
{
    public const string Id = "SSA0011";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "A folder IIS keeps private is made downloadable",
        "{0} in {1} makes {2} downloadable: IIS hides these folders by default because they hold the app's data, code and settings",
        "IIS request filtering hides bin, App_Code, App_Data and the other ASP.NET folders (and web.config) from every request. Clearing <hiddenSegments> or removing one of them lets anyone download what the app keeps there: App_Data's databases and recordings, the compiled code, the configuration. Keep the default hidden segments; serve a file through a handler that checks who is asking.");

    /// <summary>
    /// The URL segments IIS's request filtering hides by default (applicationHost.config): requests for anything under
    /// them get 404.8. Microsoft's IIS reference (SegmentElement class) lists bin, App_code, App_GlobalResources,
    /// App_LocalResources, App_WebReferences, App_Data and App_Browsers; the hiddenSegments page adds web.config.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultHiddenSegments = ImmutableArray.Create(
        "App_Data", "bin", "App_Code", "App_GlobalResources", "App_LocalResources", "App_WebReferences", "App_Browsers", "web.config");

    /// <summary>
    /// SSA0011: a <c>&lt;hiddenSegments&gt;</c> collection that takes out one of IIS's default hidden segments:
    /// <c>&lt;clear /&gt;</c> (at the element) or <c>&lt;remove segment="App_Data" /&gt;</c> (at the attribute), unless
    /// the same collection adds the segment back after it.
    /// </summary>
    public static IEnumerable<WebConfigFinding> Find(WebConfigDocument document)
    {
        foreach (var collection in document.Elements())
        {
            if (!collection.Is("hiddenSegments") || !collection.IsUnder("requestFiltering") ||
                collection.IsRemovedByTransform || collection.HasConfigSource)
            {
                continue;
            }

            var children = collection.Children;
            for (var i = 0; i < children.Count; i++)
            {
                var child = children[i];
                if (child.IsRemovedByTransform)
                {
                    continue;
                }

                if (child.Is("clear"))
                {
                    var exposed = new List<string>();
                    foreach (var segment in DefaultHiddenSegments)
                    {
                        if (!AddedAfter(children, i, segment))
                        {
                            exposed.Add(segment);
                        }
                    }

                    if (exposed.Count > 0)
                    {
                        yield return new WebConfigFinding(Descriptor, document.Span(child),
                            "<clear /> in <hiddenSegments>", document.FileName, string.Join(", ", exposed));
                    }
                }
                else if (child.Is("remove") && child.Attribute("segment") is { } removed &&
                         DefaultSegment(removed.Value.Trim()) is { } segment && !AddedAfter(children, i, segment))
                {
                    yield return new WebConfigFinding(Descriptor, document.Span(removed),
                        $"<remove segment=\"{removed.Value.Trim()}\" />", document.FileName, segment);
                }
            }
        }
    }

    internal static string? DefaultSegment(string segment)
    {
        foreach (var candidate in DefaultHiddenSegments)
        {
            if (string.Equals(candidate, segment, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool AddedAfter(List<WebConfigElement> children, int index, string segment)
    {
        for (var j = index + 1; j < children.Count; j++)
        {
            if (children[j].Is("add") && !children[j].IsRemovedByTransform &&
                string.Equals(children[j].Value("segment"), segment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
