using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Folders;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// SSA0012: web.config authorization that leaves stored files open to anonymous users. Reported by
/// <see cref="WebConfigAnalyzer"/> in System.Web projects; the IIS behaviour is cited on docs/rules/SSA0012.md.
/// </summary>
internal static class SSA0012AnonymousAccessUnderIis
{
    public const string Id = "SSA0012";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "web.config leaves stored files open to anonymous users",
        "{0} in {1} {2}",
        "Under IIS's integrated pipeline, ASP.NET's <system.web><authorization> is enforced by a module that runs only for requests a managed handler serves: pages and handlers are protected, the .wav, .mp3 and .pdf files beside them are served to anyone. Deny anonymous users with IIS URL authorization (<system.webServer><security><authorization>) too, or run the module for all requests. A location that allows everyone on a folder named for recordings, uploads or exports opens it outright.");

    /// <summary>Extensions ASP.NET's own handlers serve: a location on one such file protects that page, nothing beside it.</summary>
    private static readonly ImmutableArray<string> ManagedExtensions = ImmutableArray.Create(
        ".aspx", ".ashx", ".asmx", ".axd", ".svc", ".cshtml", ".vbhtml", ".ascx", ".master", ".asax");

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
    public static IEnumerable<WebConfigFinding> Find(WebConfigDocument document, WebConfigSet set, PrivateFolderVocabulary vocabulary)
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

                    yield return new WebConfigFinding(Descriptor, document.Span(rule.Users),
                        $"<deny users=\"{rule.Users.Value.Trim()}\" /> in <system.web><authorization> of {location}", document.FileName,
                        "protects ASP.NET pages and handlers only: IIS serves the static files there (.wav, .mp3, .pdf) to anonymous users");
                }
                else if (rule.Rule.Is("allow") && PrivateFolderWord(scope, vocabulary) is { } word &&
                         !set.IisDeniesAnonymous(document, scope))
                {
                    yield return new WebConfigFinding(Descriptor, document.Span(rule.Users),
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
                        yield return new WebConfigFinding(Descriptor, document.Span(users),
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
            if (SSA0011HiddenSegmentExposed.DefaultSegment(segment) is not null)
            {
                return null;
            }
        }

        return vocabulary.FindWord(scope);
    }
}
