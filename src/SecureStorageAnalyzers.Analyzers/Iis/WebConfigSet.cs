using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// Every <c>web.config</c> and <c>web.*.config</c> of a project (the additional files the package's build targets hand
/// over), parsed once per compilation and shared by the rules that read them (<see cref="For"/>): the web.config
/// analyzer, SSA0005's classic handler form and SSA0006's hidden segments. It places each file in the application's
/// URL space (<see cref="Root"/>, the shallowest folder that holds one) and answers per virtual path, relative to that
/// root (<c>"Handlers/Download.ashx"</c>):
/// <list type="bullet">
/// <item>whether anonymous users are denied there (<see cref="DeniesAnonymous"/>), by ASP.NET URL authorization
/// (<c>&lt;system.web&gt;&lt;authorization&gt;</c>: the most local rule that fits an anonymous user decides, a
/// <c>&lt;location path&gt;</c> and a folder's own web.config apply to that folder and below) or by IIS URL
/// authorization (<c>&lt;system.webServer&gt;&lt;security&gt;&lt;authorization&gt;</c>: the inherited rule list, any
/// Deny for anonymous users wins, no Allow left denies);</item>
/// <item>which of IIS's default hidden segments are un-hidden there (<see cref="IsHidden"/>).</item>
/// </list>
/// A transform (<c>web.Release.config</c>) is read like the file beside it: what it inserts is taken to apply, what it
/// removes (<c>xdt:Transform="Remove"</c>) is not.
/// </summary>
internal sealed class WebConfigSet
{
    private readonly List<Section> _aspNet = new();
    private readonly List<Section> _iis = new();
    private readonly List<Section> _hiddenSegments = new();
    private readonly Dictionary<string, List<string>> _handlerUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _denies = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string?> _appSettings = new(StringComparer.OrdinalIgnoreCase);

    private WebConfigSet(ImmutableArray<WebConfigDocument> documents)
    {
        Documents = documents;
        string? root = null;
        foreach (var document in documents)
        {
            var directory = Normalize(document.Directory);
            if (root is null || directory.Length < root.Length)
            {
                root = directory;
            }
        }

        Root = root;
        foreach (var document in documents)
        {
            // A file outside the application's folder has no place in its URL space; what it says for all requests still holds.
            var folder = RelativeTo(root, Normalize(document.Directory));
            var depth = folder is null ? 0 : Depth(folder);
            foreach (var element in document.Elements())
            {
                if (element.IsRemovedByTransform)
                {
                    continue;
                }

                if (element.Is("modules") && element.IsUnder("system.webServer"))
                {
                    if (ModulesRunAuthorizationForAllRequests(element))
                    {
                        ManagedAuthorizationRunsForAllRequests = true;
                    }

                    continue;
                }

                if (folder is null)
                {
                    continue;
                }

                var list =
                    element.Is("authorization") && element.IsUnder("system.web") ? _aspNet :
                    element.Is("authorization") && element.IsUnder("security", "system.webServer") ? _iis :
                    element.Is("hiddenSegments") && element.IsUnder("requestFiltering") ? _hiddenSegments :
                    null;
                if (list is not null && !HasRemovedAncestor(element))
                {
                    list.Add(new Section(Combine(folder, element.ScopePath), depth, element));
                }
                else if (element.Is("add") && (element.IsUnder("handlers", "system.webServer") || element.IsUnder("httpHandlers", "system.web")) &&
                         HandlerUrl(Combine(folder, element.ScopePath), element.Value("path")) is { } url &&
                         element.Value("type") is { Length: > 0 } type)
                {
                    var name = type.Split(',')[0].Trim();
                    if (!_handlerUrls.TryGetValue(name, out var urls))
                    {
                        _handlerUrls[name] = urls = new List<string>();
                    }

                    urls.Add(url);
                }
            }
        }

        // Least specific first: by the scope's depth, then a location in a parent folder's file before the folder's own file.
        _aspNet.Sort(Section.Compare);
        _iis.Sort(Section.Compare);
        _hiddenSegments.Sort(Section.Compare);
        foreach (var section in _aspNet)
        {
            if (SSA0012AnonymousAccessUnderIis.FirstAnonymousRule(section.Element) is { Rule: var rule } && rule.Is("deny"))
            {
                DeniesAnonymousAnywhere = true;
            }
        }

        foreach (var section in _iis)
        {
            var allowAll = true;
            var allows = 0;
            if (!section.Element.HasConfigSource && ApplyIisRules(section.Element, ref allowAll, ref allows))
            {
                DeniesAnonymousAnywhere = true;
            }
        }
    }

    /// <summary>The parsed files, in the order of the additional files.</summary>
    public ImmutableArray<WebConfigDocument> Documents { get; }

    /// <summary>The application's folder (<c>/</c> separators): the shallowest folder with a web*.config; null without one.</summary>
    public string? Root { get; }

    /// <summary>
    /// True when any file denies anonymous users in some scope (a <c>&lt;deny users="?"&gt;</c> or <c>"*"</c> that is the
    /// first rule for anonymous users of its section, or an IIS Deny rule): what a handler whose URL is unknown relies on.
    /// </summary>
    public bool DeniesAnonymousAnywhere { get; }

    /// <summary>
    /// True when ASP.NET's authorization runs for static files too (<c>runAllManagedModulesForAllRequests="true"</c>,
    /// or UrlAuthorizationModule added without the <c>managedHandler</c> precondition), or when a
    /// <c>&lt;modules&gt;</c> section lives in another file (<c>configSource</c>) and so may say either: in any file of the
    /// set (a transform and the file it transforms are read together).
    /// </summary>
    public bool ManagedAuthorizationRunsForAllRequests { get; }

    /// <summary>The project's web*.config files, parsed once per compilation (and analyzer options).</summary>
    public static WebConfigSet For(WellKnownTypes types, AnalyzerOptions options, CancellationToken cancellationToken) =>
        types.Shared(static _ => new PerAnalyzerOptions<WebConfigSet>(Read)).Get(options, cancellationToken);

    private static WebConfigSet Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var documents = ImmutableArray.CreateBuilder<WebConfigDocument>();
        foreach (var file in options.AdditionalFiles)
        {
            if (WebConfigDocument.IsWebConfig(file.Path) && file.GetText(cancellationToken) is { } text &&
                WebConfigDocument.Parse(file.Path, text) is { } document)
            {
                documents.Add(document);
            }
        }

        return new WebConfigSet(documents.ToImmutable());
    }

    /// <summary>
    /// The URL, relative to <see cref="Root"/>, of the page or generic handler whose code-behind is
    /// <paramref name="sourcePath"/> (<c>Handlers/Download.ashx.cs</c> is <c>Handlers/Download.ashx</c>); null for any
    /// other file, or a file outside the application's folder.
    /// </summary>
    public string? PageUrl(string? sourcePath)
    {
        if (sourcePath is null || !sourcePath.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var page = sourcePath.Substring(0, sourcePath.Length - 3);
        var extension = System.IO.Path.GetExtension(page);
        if (!(string.Equals(extension, ".ashx", StringComparison.OrdinalIgnoreCase) ||
              string.Equals(extension, ".aspx", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return RelativeTo(Root, Normalize(page)) is { Length: > 0 } url ? url : null;
    }

    /// <summary>
    /// The URLs, relative to <see cref="Root"/>, at which a handler mapping (<c>&lt;system.webServer&gt;&lt;handlers&gt;</c>
    /// or <c>&lt;system.web&gt;&lt;httpHandlers&gt;</c>) serves the type <paramref name="typeName"/> (namespace-qualified,
    /// nested types with <c>+</c>); empty when no mapping names it or its path has a wildcard outside a named folder.
    /// </summary>
    public IReadOnlyList<string> HandlerUrls(string typeName) =>
        _handlerUrls.TryGetValue(typeName, out var urls) ? urls : Array.Empty<string>();

    /// <summary>
    /// <c>path="download.axd"</c> is that file; <c>path="recordings/*.wav"</c> is any file in that folder
    /// (<c>recordings/*</c>); <c>path="*"</c> or <c>"*.axd"</c> has no folder to judge, so no URL.
    /// </summary>
    private static string? HandlerUrl(string scope, string? path)
    {
        var normalized = WebConfigElement.NormalizePath(path);
        if (normalized.Length == 0)
        {
            return null;
        }

        var slash = normalized.LastIndexOf('/');
        var folder = slash < 0 ? "" : normalized.Substring(0, slash);
        var file = slash < 0 ? normalized : normalized.Substring(slash + 1);
        if (folder.IndexOf('*') >= 0 || file.IndexOf('*') >= 0 && Combine(scope, folder).Length == 0)
        {
            return null;
        }

        return Combine(Combine(scope, folder), file.IndexOf('*') >= 0 ? "*" : file);
    }

    /// <summary>True when anonymous users may not request <paramref name="url"/> (relative to <see cref="Root"/>), by ASP.NET or IIS URL authorization.</summary>
    public bool DeniesAnonymous(string url)
    {
        url = WebConfigElement.NormalizePath(url);
        return _denies.TryGetValue(url, out var denies)
            ? denies
            : _denies.GetOrAdd(url, AspNetDeniesAnonymous(url) || IisDeniesAnonymous(url));
    }

    /// <summary>
    /// True when IIS does not hand a static file at <paramref name="url"/> (relative to <see cref="Root"/>) to anonymous
    /// users: IIS URL authorization denies them there, or ASP.NET URL authorization does and its module runs for every
    /// request (<see cref="ManagedAuthorizationRunsForAllRequests"/>; otherwise it runs for managed handlers only, and the
    /// files beside the pages are served to anyone, as SSA0012 says).
    /// </summary>
    public bool DeniesAnonymousStaticFiles(string url)
    {
        url = WebConfigElement.NormalizePath(url);
        return Root is not null && (IisDeniesAnonymous(url) || ManagedAuthorizationRunsForAllRequests && AspNetDeniesAnonymous(url));
    }

    /// <summary>
    /// The value of the application setting <paramref name="key"/> (<c>ConfigurationManager.AppSettings[key]</c>) as the
    /// application's own web.config gives it: the file in <see cref="Root"/>, its <c>&lt;appSettings&gt;</c> outside any
    /// <c>&lt;location&gt;</c> with a path, read as ASP.NET merges it (<c>add</c>, <c>remove</c>, <c>clear</c>; keys in any
    /// case). Null when unknown: no such key; a section whose content may be in another file (<c>configSource</c>,
    /// <c>file</c>); a transform beside it (<c>web.Release.config</c>) that sets the key to another value or removes it,
    /// since which file is deployed is not known. A subfolder's web.config is not read: the application's settings are
    /// the root's.
    /// </summary>
    public string? AppSetting(string key) =>
        _appSettings.TryGetValue(key, out var value) ? value : _appSettings.GetOrAdd(key, ReadAppSetting(key));

    private string? ReadAppSetting(string key)
    {
        string? found = null;
        var known = false;
        foreach (var document in Documents)
        {
            if (!IsBaseFile(document) || Root is null || !string.Equals(Normalize(document.Directory), Root, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? value = null;
            foreach (var section in document.Elements())
            {
                if (!section.Is("appSettings") || section.ScopePath.Length != 0 || !IsUnderConfiguration(section))
                {
                    continue;
                }

                if (section.HasConfigSource || !string.IsNullOrWhiteSpace(section.Value("file")))
                {
                    return null;
                }

                foreach (var entry in section.Children)
                {
                    if (entry.Is("clear"))
                    {
                        value = null;
                    }
                    else if ((entry.Is("add") || entry.Is("remove")) && string.Equals(entry.Value("key"), key, StringComparison.OrdinalIgnoreCase))
                    {
                        value = entry.Is("add") ? entry.Attribute("value")?.Value : null;
                    }
                }
            }

            if (known && !string.Equals(found, value, StringComparison.Ordinal))
            {
                return null;
            }

            found = value;
            known = true;
        }

        if (found is null)
        {
            return null;
        }

        foreach (var document in Documents)
        {
            if (IsBaseFile(document) || !string.Equals(Normalize(document.Directory), Root, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var element in document.Elements())
            {
                if (element.Is("appSettings") && element.IsRemovedByTransform && IsUnderConfiguration(element))
                {
                    return null;
                }

                if ((element.Is("add") || element.Is("remove")) && element.IsUnder("appSettings", "configuration") &&
                    string.Equals(element.Value("key"), key, StringComparison.OrdinalIgnoreCase) &&
                    (element.Is("remove") || element.IsRemovedByTransform ||
                     element.Attribute("value") is { } changed && !string.Equals(changed.Value, found, StringComparison.Ordinal)))
                {
                    return null;
                }
            }
        }

        return found;
    }

    /// <summary><c>web.config</c> itself; a <c>web.*.config</c> beside it is a transform applied at publish time.</summary>
    private static bool IsBaseFile(WebConfigDocument document) =>
        string.Equals(document.FileName, "web.config", StringComparison.OrdinalIgnoreCase) && !document.IsTransform;

    private static bool IsUnderConfiguration(WebConfigElement element) =>
        element.IsUnder("configuration") || element.IsUnder("location", "configuration");

    /// <summary>
    /// ASP.NET URL authorization: from the most local scope to the application root, the first rule that fits an
    /// anonymous request decides; none (the machine's <c>&lt;allow users="*" /&gt;</c>) allows. Files that say different
    /// things at one level (a transform and its base) count as a deny when either's first rule denies.
    /// </summary>
    private bool AspNetDeniesAnonymous(string url)
    {
        for (var i = _aspNet.Count - 1; i >= 0;)
        {
            var level = _aspNet[i];
            bool? decision = null;
            for (; i >= 0 && Section.Compare(_aspNet[i], level) == 0; i--)
            {
                var section = _aspNet[i];
                if (section.Element.HasConfigSource && WebConfigElement.Covers(section.Scope, url))
                {
                    // The rules are in another file: it may deny, so a deny is not ruled out (no finding).
                    return true;
                }

                if (WebConfigElement.Covers(section.Scope, url) &&
                    SSA0012AnonymousAccessUnderIis.FirstAnonymousRule(section.Element) is { Rule: var rule })
                {
                    decision = decision == true || rule.Is("deny");
                }
            }

            if (decision is { } found)
            {
                return found;
            }
        }

        return false;
    }

    /// <summary>
    /// IIS URL authorization: the rule list inherited from applicationHost.config (<c>Allow</c> all users), changed by
    /// every section that covers the URL from the root down (<c>clear</c>, <c>remove</c>, <c>add</c>); Deny rules are
    /// evaluated first, so any Deny that fits an anonymous user denies, and a list with no Allow that fits denies too.
    /// </summary>
    private bool IisDeniesAnonymous(string url)
    {
        var allowAll = true;
        var allows = 0;
        foreach (var section in _iis)
        {
            if (!WebConfigElement.Covers(section.Scope, url))
            {
                continue;
            }

            if (section.Element.HasConfigSource || ApplyIisRules(section.Element, ref allowAll, ref allows))
            {
                return true;
            }
        }

        return !allowAll && allows == 0;
    }

    /// <summary>
    /// True when IIS URL authorization denies anonymous users at <paramref name="scope"/> (a <c>&lt;location path&gt;</c>,
    /// "" for the file's root) of <paramref name="document"/>, by the rule list that applies there (<see cref="DeniesAnonymous"/>'s
    /// IIS half): what SSA0012 asks before it says that a <c>&lt;system.web&gt;</c> rule leaves static files open. False
    /// for a file outside the application's folder.
    /// </summary>
    public bool IisDeniesAnonymous(WebConfigDocument document, string scope) =>
        RelativeTo(Root, Normalize(document.Directory)) is { } folder &&
        IisDeniesAnonymous(Combine(folder, WebConfigElement.NormalizePath(scope)));

    /// <summary>
    /// One IIS authorization section's rules applied, in order, to the rule list inherited from above
    /// (<paramref name="allowAll"/>: the inherited Allow for all users is still there; <paramref name="allows"/>: Allow
    /// rules for anonymous users): <c>clear</c> empties it, <c>remove users="*"</c> takes the Allow for all users out,
    /// <c>add</c> adds a rule. True as soon as a Deny fits anonymous users (IIS evaluates Deny rules first).
    /// </summary>
    private static bool ApplyIisRules(WebConfigElement section, ref bool allowAll, ref int allows)
    {
        foreach (var rule in section.Children)
        {
            if (rule.IsRemovedByTransform)
            {
                continue;
            }

            if (rule.Is("clear"))
            {
                allowAll = false;
                allows = 0;
            }
            else if (rule.Is("remove"))
            {
                if (rule.Attribute("users") is { } users && users.ListContains("*"))
                {
                    allowAll = false;
                }
            }
            else if (rule.Is("add") && MatchesAnonymous(rule))
            {
                if (IsDeny(rule))
                {
                    return true;
                }

                if (string.Equals(rule.Value("accessType"), "Allow", StringComparison.OrdinalIgnoreCase))
                {
                    allows++;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A <c>&lt;system.webServer&gt;&lt;modules&gt;</c> section that makes ASP.NET's authorization run for every
    /// request: <c>runAllManagedModulesForAllRequests="true"</c>, UrlAuthorizationModule added without the
    /// <c>managedHandler</c> precondition, or its content in another file (<c>configSource</c>).
    /// </summary>
    private static bool ModulesRunAuthorizationForAllRequests(WebConfigElement modules)
    {
        if (modules.IsTrue("runAllManagedModulesForAllRequests") || modules.HasConfigSource)
        {
            return true;
        }

        foreach (var module in modules.Children)
        {
            if (module.Is("add") && !module.IsRemovedByTransform &&
                module.Value("type") is { } type &&
                type.StartsWith("System.Web.Security.UrlAuthorizationModule", StringComparison.OrdinalIgnoreCase) &&
                (module.Value("preCondition") ?? "").IndexOf("managedHandler", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when IIS's request filtering hides <paramref name="segment"/> (one of its default hidden segments, any
    /// case) for <paramref name="url"/>: the default list, changed by every <c>&lt;hiddenSegments&gt;</c> collection
    /// that covers the URL from the root down (<c>&lt;clear /&gt;</c>, <c>&lt;remove segment&gt;</c>, <c>&lt;add segment&gt;</c>).
    /// A collection in another file (<c>configSource</c>) is taken to keep the defaults.
    /// </summary>
    public bool IsHidden(string segment, string url)
    {
        var hidden = true;
        url = WebConfigElement.NormalizePath(url);
        foreach (var section in _hiddenSegments)
        {
            if (section.Element.HasConfigSource || !WebConfigElement.Covers(section.Scope, url))
            {
                continue;
            }

            foreach (var entry in section.Element.Children)
            {
                if (entry.IsRemovedByTransform)
                {
                    continue;
                }

                if (entry.Is("clear") ||
                    entry.Is("remove") && string.Equals(entry.Value("segment"), segment, StringComparison.OrdinalIgnoreCase))
                {
                    hidden = false;
                }
                else if (entry.Is("add") && string.Equals(entry.Value("segment"), segment, StringComparison.OrdinalIgnoreCase))
                {
                    hidden = true;
                }
            }
        }

        return hidden;
    }

    private static bool IsDeny(WebConfigElement rule) =>
        string.Equals(rule.Value("accessType"), "Deny", StringComparison.OrdinalIgnoreCase);

    /// <summary>An IIS rule for <c>?</c> or <c>*</c> and every verb.</summary>
    private static bool MatchesAnonymous(WebConfigElement rule) =>
        string.IsNullOrEmpty(rule.Value("verbs")) &&
        rule.Attribute("users") is { } users && (users.ListContains("?") || users.ListContains("*"));

    private static bool HasRemovedAncestor(WebConfigElement element)
    {
        for (var current = element.Parent; current is not null; current = current.Parent)
        {
            if (current.IsRemovedByTransform)
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimEnd('/');

    /// <summary><paramref name="path"/> relative to <paramref name="root"/> ("" for the root itself), or null when it is outside.</summary>
    private static string? RelativeTo(string? root, string path)
    {
        if (root is null)
        {
            return null;
        }

        if (string.Equals(root, path, StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        return path.Length > root.Length + 1 && path[root.Length] == '/' && path.StartsWith(root, StringComparison.OrdinalIgnoreCase)
            ? path.Substring(root.Length + 1)
            : null;
    }

    private static string Combine(string folder, string scope) =>
        folder.Length == 0 ? scope : scope.Length == 0 ? folder : folder + "/" + scope;

    private static int Depth(string path)
    {
        if (path.Length == 0)
        {
            return 0;
        }

        var depth = 1;
        foreach (var c in path)
        {
            if (c == '/')
            {
                depth++;
            }
        }

        return depth;
    }

    /// <summary>One authorization or hidden-segments section, placed in the application's URL space.</summary>
    private readonly struct Section
    {
        public Section(string scope, int fileDepth, WebConfigElement element)
        {
            Scope = scope;
            ScopeDepth = Depth(scope);
            FileDepth = fileDepth;
            Element = element;
        }

        /// <summary>The URL path it applies to, relative to the application's folder ("" for the whole application).</summary>
        public string Scope { get; }

        public int ScopeDepth { get; }

        /// <summary>The depth of the folder of its file: a parent's location on a folder comes before the folder's own file.</summary>
        public int FileDepth { get; }

        public WebConfigElement Element { get; }

        public static int Compare(Section a, Section b) =>
            a.ScopeDepth != b.ScopeDepth ? a.ScopeDepth.CompareTo(b.ScopeDepth) : a.FileDepth.CompareTo(b.FileDepth);
    }
}
