using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Hosting;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// What the IIS configuration of a <c>web.config</c> exposes, for SSA0002 and SSA0003 (SSA0011 and SSA0012 have files of their own). Each method looks at one setting and
/// returns its findings; <see cref="WebConfigAnalyzer"/> reports them. The IIS behaviour each relies on is cited on the
/// rule's page (docs/rules/SSA0002.md, SSA0003.md).
/// </summary>
internal static class IisConfigurationRules
{
    /// <summary>
    /// SSA0002: <c>&lt;directoryBrowse enabled="true" /&gt;</c>, at the attribute; nothing when the ASP.NET Core Module
    /// takes every request (<see cref="AspNetCoreModuleTakesEveryRequest"/>): IIS's directory listing never runs then.
    /// </summary>
    public static IEnumerable<WebConfigFinding> DirectoryBrowsing(WebConfigDocument document, WebConfigSet set, bool aspNetCoreProject)
    {
        if (AspNetCoreModuleTakesEveryRequest(set, aspNetCoreProject))
        {
            yield break;
        }

        foreach (var element in document.Elements())
        {
            if (element.Is("directoryBrowse") && element.Attribute("enabled") is { } enabled &&
                string.Equals(enabled.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                yield return new WebConfigFinding(SSA0002DoNotEnableDirectoryBrowsing.Descriptor, document.Span(enabled),
                    "<directoryBrowse enabled=\"true\" /> in " + document.FileName, SSA0002DoNotEnableDirectoryBrowsing.Anyone);
            }
        }
    }

    /// <summary>
    /// True when the ASP.NET Core Module handles every request of the site, so IIS's static file and directory listing
    /// handlers see none (held-out set 12): a web.config whose handlers add the module (<c>modules="AspNetCoreModule"</c>
    /// or <c>"AspNetCoreModuleV2"</c>) for <c>path="*"</c>, or an ASP.NET Core project (<paramref name="aspNetCoreProject"/>:
    /// the compilation references ASP.NET Core and not System.Web) whose web.config names no such handler, since
    /// <c>dotnet publish</c> adds it. False as soon as any web.config of the project takes the module's handler away or
    /// narrows it (<c>&lt;remove name="aspNetCore" /&gt;</c> or <c>&lt;clear /&gt;</c> under <c>&lt;handlers&gt;</c> with
    /// no later add of the module for every path, a handler of the module for another path than <c>*</c>), in any
    /// <c>&lt;location&gt;</c>: IIS's own handlers then
    /// serve some requests, and a listing there is live.
    /// </summary>
    public static bool AspNetCoreModuleTakesEveryRequest(WebConfigSet set, bool aspNetCoreProject)
    {
        var everyPath = false;
        foreach (var document in set.Documents)
        {
            foreach (var handlers in document.Elements())
            {
                if (!handlers.Is("handlers") || handlers.IsRemovedByTransform)
                {
                    continue;
                }

                // In order, as IIS applies them: a removal (or a clear) is undone by a later add of the module for every path.
                var removed = false;
                foreach (var element in handlers.Children)
                {
                    if (element.IsRemovedByTransform)
                    {
                        continue;
                    }

                    if (element.Is("clear") ||
                        element.Is("remove") && string.Equals(element.Value("name"), "aspNetCore", StringComparison.OrdinalIgnoreCase))
                    {
                        removed = true;
                    }
                    else if (element.Is("add") && element.Value("modules") is { } modules &&
                             modules.StartsWith("AspNetCoreModule", StringComparison.OrdinalIgnoreCase))
                    {
                        if (element.Value("path") != "*")
                        {
                            return false;
                        }

                        removed = false;
                        everyPath = true;
                    }
                }

                if (removed)
                {
                    return false;
                }
            }
        }

        return everyPath || aspNetCoreProject;
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
                yield return new WebConfigFinding(SSA0003DoNotServeUnknownFileTypes.Descriptor, document.Span(extension),
                    $"<mimeMap fileExtension=\"{value}\" /> in {document.FileName}");
            }
        }
    }
}
