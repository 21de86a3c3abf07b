using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Hosting;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// What the IIS configuration of a <c>web.config</c> exposes, rule by rule. Each method looks at one setting and
/// returns its findings; <see cref="WebConfigAnalyzer"/> reports them. The IIS behaviour each relies on is cited on the
/// rule's page (docs/rules/SSA0002.md, SSA0003.md, SSA0011.md, SSA0012.md).
/// </summary>
internal static class IisConfigurationRules
{
    /// <summary>
    /// The URL segments IIS's request filtering hides by default (applicationHost.config): requests for anything under
    /// them get 404.8. Microsoft's IIS reference (SegmentElement class) lists bin, App_code, App_GlobalResources,
    /// App_LocalResources, App_WebReferences, App_Data and App_Browsers; the hiddenSegments page adds web.config.
    /// </summary>
    public static readonly ImmutableArray<string> DefaultHiddenSegments = ImmutableArray.Create(
        "App_Data", "bin", "App_Code", "App_GlobalResources", "App_LocalResources", "App_WebReferences", "App_Browsers", "web.config");

    /// <summary>Extensions ASP.NET's own handlers serve: a location on one such file protects that page, nothing beside it.</summary>
    private static readonly ImmutableArray<string> ManagedExtensions = ImmutableArray.Create(
        ".aspx", ".ashx", ".asmx", ".axd", ".svc", ".cshtml", ".vbhtml", ".ascx", ".master", ".asax");

    /// <summary>SSA0002: <c>&lt;directoryBrowse enabled="true" /&gt;</c>, at the attribute.</summary>
    public static IEnumerable<WebConfigFinding> DirectoryBrowsing(WebConfigDocument document)
    {
        foreach (var element in document.Elements())
        {
            if (element.Is("directoryBrowse") && element.Attribute("enabled") is { } enabled &&
                string.Equals(enabled.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                yield return new WebConfigFinding(Descriptors.SSA0002DirectoryBrowsingEnabled, document.Span(enabled),
                    "<directoryBrowse enabled=\"true\" /> in " + document.FileName, SSA0002DoNotEnableDirectoryBrowsing.Anyone);
            }
        }
    }

    /// <summary>
    /// SSA0003: <c>&lt;mimeMap fileExtension="*" …/&gt;</c> or <c>".*"</c> under <c>&lt;staticContent&gt;</c>, the IIS
    /// form of ServeUnknownFileTypes: IIS's static file handler then serves files of every extension.
    /// </summary>
    public static IEnumerable<WebConfigFinding> UnknownFileTypes(WebConfigDocument document)
    {
        foreach (var element in document.Elements())
        {
            if (!element.Is("mimeMap") || !element.IsUnder("staticContent") || element.IsRemovedByTransform ||
                element.Attribute("fileExtension") is not { } extension)
            {
                continue;
            }

            var value = extension.Value.Trim();
            if (value is "*" or ".*")
            {
                yield return new WebConfigFinding(Descriptors.SSA0003UnknownFileTypesServed, document.Span(extension),
                    $"<mimeMap fileExtension=\"{value}\" /> in {document.FileName}");
            }
        }
    }

    /// <summary>
    /// SSA0011: a <c>&lt;hiddenSegments&gt;</c> collection that takes out one of IIS's default hidden segments:
    /// <c>&lt;clear /&gt;</c> (at the element) or <c>&lt;remove segment="App_Data" /&gt;</c> (at the attribute), unless
    /// the same collection adds the segment back after it.
    /// </summary>
    public static IEnumerable<WebConfigFinding> HiddenSegments(WebConfigDocument document)
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
                        yield return new WebConfigFinding(Descriptors.SSA0011HiddenSegmentExposed, document.Span(child),
                            "<clear /> in <hiddenSegments>", document.FileName, string.Join(", ", exposed));
                    }
                }
                else if (child.Is("remove") && child.Attribute("segment") is { } removed &&
                         DefaultSegment(removed.Value.Trim()) is { } segment && !AddedAfter(children, i, segment))
                {
                    yield return new WebConfigFinding(Descriptors.SSA0011HiddenSegmentExposed, document.Span(removed),
                        $"<remove segment=\"{removed.Value.Trim()}\" />", document.FileName, segment);
                }
            }
        }
    }

    private static string? DefaultSegment(string segment)
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

    /// <summary>
    /// SSA0012: the authorization settings of a <c>web.config</c> that leave stored files open to anonymous users:
    /// <list type="bullet">
    /// <item>a scope (the root or a <c>&lt;location path&gt;</c>) whose <c>&lt;system.web&gt;&lt;authorization&gt;</c>
    /// denies anonymous users, when nothing makes that reach static files: ASP.NET's UrlAuthorizationModule carries
    /// the <c>managedHandler</c> precondition, so IIS runs it only for requests a managed handler serves; the files
    /// beside the pages stay anonymous unless <c>runAllManagedModulesForAllRequests="true"</c>, the module is added
    /// without that precondition, or IIS URL authorization (<c>&lt;system.webServer&gt;&lt;security&gt;&lt;authorization&gt;</c>)
    /// denies anonymous users for the scope too (in any web*.config of the project: a transform file and the file it
    /// transforms are read together);</item>
    /// <item>a <c>&lt;location&gt;</c> on a folder named for private data (<see cref="PrivateFolderVocabulary"/>) that
    /// allows <c>*</c> or <c>?</c>, in either authorization section, unless IIS URL authorization denies anonymous
    /// users there.</item>
    /// </list>
    /// </summary>
    public static IEnumerable<WebConfigFinding> Authorization(WebConfigDocument document, WebConfigSet set, PrivateFolderVocabulary vocabulary)
    {
        foreach (var section in document.Elements())
        {
            if (!section.Is("authorization") || section.IsRemovedByTransform || section.HasConfigSource)
            {
                continue;
            }

            var scope = section.ScopePath;
            var location = scope.Length == 0 ? "the application root" : $"<location path=\"{section.Location?.Value("path")}\">";
            if (section.IsUnder("system.web"))
            {
                if (FirstAnonymousRule(section) is not { } rule || rule.Users is null)
                {
                    continue;
                }

                if (rule.Rule.Is("deny"))
                {
                    if (set.ManagedAuthorizationRunsForAllRequests || IsManagedPage(scope) || set.IisDeniesAnonymous(document, scope))
                    {
                        continue;
                    }

                    yield return new WebConfigFinding(Descriptors.SSA0012AnonymousAccessUnderIis, document.Span(rule.Users),
                        $"<deny users=\"{rule.Users.Value.Trim()}\" /> in <system.web><authorization> of {location}", document.FileName,
                        "protects ASP.NET pages and handlers only: IIS serves the static files there (.wav, .mp3, .pdf) to anonymous users");
                }
                else if (rule.Rule.Is("allow") && PrivateFolderWord(scope, vocabulary) is { } word &&
                         !set.IisDeniesAnonymous(document, scope))
                {
                    yield return new WebConfigFinding(Descriptors.SSA0012AnonymousAccessUnderIis, document.Span(rule.Users),
                        $"<allow users=\"{rule.Users.Value.Trim()}\" /> on {location}", document.FileName,
                        $"opens a folder named for private data ({PrivateFolderVocabulary.Describe(scope, word)}) to anonymous users");
                }
            }
            else if (section.IsUnder("security", "system.webServer") && PrivateFolderWord(scope, vocabulary) is { } word &&
                     !set.IisDeniesAnonymous(document, scope))
            {
                foreach (var rule in section.Children)
                {
                    if (rule.Is("add") && !rule.IsRemovedByTransform && rule.Value("verbs") is null or "" &&
                        string.Equals(rule.Value("accessType"), "Allow", StringComparison.OrdinalIgnoreCase) &&
                        rule.Attribute("users") is { } users && (users.ListContains("*") || users.ListContains("?")))
                    {
                        yield return new WebConfigFinding(Descriptors.SSA0012AnonymousAccessUnderIis, document.Span(users),
                            $"<add accessType=\"Allow\" users=\"{users.Value.Trim()}\" /> on {location}", document.FileName,
                            $"opens a folder named for private data ({PrivateFolderVocabulary.Describe(scope, word)}) to anonymous users");
                        break;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The first <c>&lt;allow&gt;</c>/<c>&lt;deny&gt;</c> of an ASP.NET authorization section that applies to an
    /// anonymous request (its <c>users</c> lists <c>?</c> or <c>*</c>, for every verb): ASP.NET applies the first rule
    /// that matches, child configuration before parent.
    /// </summary>
    internal static (WebConfigElement Rule, WebConfigAttribute? Users)? FirstAnonymousRule(WebConfigElement section)
    {
        foreach (var rule in section.Children)
        {
            if (!(rule.Is("allow") || rule.Is("deny")) || rule.IsRemovedByTransform || !string.IsNullOrEmpty(rule.Value("verbs")))
            {
                continue;
            }

            if (rule.Attribute("users") is { } users && (users.ListContains("?") || users.ListContains("*")))
            {
                return (rule, users);
            }
        }

        return null;
    }

    private static bool IsManagedPage(string scope)
    {
        foreach (var extension in ManagedExtensions)
        {
            if (scope.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The word that names private data in a location's folder path, or null: a folder (its last segment has no
    /// extension), not the root, not under a segment IIS hides anyway (App_Data).
    /// </summary>
    private static string? PrivateFolderWord(string scope, PrivateFolderVocabulary vocabulary)
    {
        if (scope.Length == 0)
        {
            return null;
        }

        var segments = scope.Split('/');
        if (segments[segments.Length - 1].IndexOf('.') >= 0)
        {
            return null;
        }

        foreach (var segment in segments)
        {
            if (DefaultSegment(segment) is not null)
            {
                return null;
            }
        }

        return vocabulary.FindWord(scope);
    }
}
