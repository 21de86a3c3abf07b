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
    /// <summary>SSA0002: <c>&lt;directoryBrowse enabled="true" /&gt;</c>, at the attribute.</summary>
    public static IEnumerable<WebConfigFinding> DirectoryBrowsing(WebConfigDocument document)
    {
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
