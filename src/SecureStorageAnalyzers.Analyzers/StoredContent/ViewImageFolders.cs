using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// The folders whose files the application's own views show as pictures (SSA0006): a Razor view (<c>.cshtml</c>, a
/// <c>.razor</c> component) that renders <c>&lt;img src="~/Upload/SkillSets/@item.Picture"&gt;</c>, a CSS
/// <c>url('/uploads/@Model.Cover')</c>, or <c>&lt;img src="@Url.Content("~/photos/" + item.File)"&gt;</c> shows every
/// file the code puts in that folder as an image: public media by design, as a folder named <c>images</c> is. Only a URL
/// whose file name the view takes from its model counts (a fixed <c>logo.png</c> says nothing of what else the folder
/// holds), and only the exact folder (<c>~/Upload/Resources/</c> is not <c>~/Upload/Resources/EmployeeDocument/</c>).
/// The views reach the analyzers as AdditionalFiles: the Razor SDK hands them to its source generator in every ASP.NET
/// Core web project, and the package's build targets hand a classic MVC project's views the same way. Read once per
/// compilation, on the first write that asks (a write under the web root that nothing else exempts).
/// </summary>
internal sealed class ViewImageFolders
{
    private const int MaxUrlLength = 400;

    private readonly HashSet<string> _folders;

    private ViewImageFolders(HashSet<string> folders) => _folders = folders;

    /// <summary>True when a view shows some folder's files as pictures.</summary>
    public bool HasFolders => _folders.Count > 0;

    /// <summary>True when the views show files of <paramref name="folder"/> (as <see cref="WrittenFolder.Of"/> gives it) as pictures.</summary>
    public bool Contains(string? folder) => folder is { Length: > 0 } && _folders.Contains(folder);

    /// <summary>The compilation's folders, read from its AdditionalFiles once.</summary>
    public static ViewImageFolders For(WellKnownTypes types, AnalyzerOptions options, CancellationToken cancellationToken) =>
        types.Shared(static _ => new PerAnalyzerOptions<ViewImageFolders>(Read)).Get(options, cancellationToken);

    private static ViewImageFolders Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        HashSet<string>? folders = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (IsView(file.Path) && file.GetText(cancellationToken) is { } text)
            {
                Collect(text.ToString(), folders ??= new HashSet<string>(StringComparer.Ordinal));
            }
        }

        return new ViewImageFolders(folders ?? new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>A Razor view or component.</summary>
    internal static bool IsView(string path) =>
        path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the folders of <paramref name="text"/>'s image URLs whose file name comes from the model.</summary>
    internal static void Collect(string text, ICollection<string> folders)
    {
        for (var at = IndexOf(text, "<img", 0); at >= 0; at = IndexOf(text, "<img", at + 4))
        {
            var open = at + 4;
            if (open >= text.Length || !char.IsWhiteSpace(text[open]))
            {
                continue;
            }

            var end = text.IndexOf('>', open);
            end = end < 0 ? text.Length : end;
            // The tag may hold Razor with '>' inside quotes: look a little further for the src attribute.
            var limit = Math.Min(text.Length, Math.Max(end, open + MaxUrlLength));
            for (var src = IndexOf(text, "src", open); src >= 0 && src < limit; src = IndexOf(text, "src", src + 3))
            {
                if (!(char.IsWhiteSpace(text[src - 1]) || text[src - 1] == '-'))
                {
                    continue;
                }

                var i = SkipSpaces(text, src + 3);
                if (i >= text.Length || text[i] != '=')
                {
                    continue;
                }

                i = SkipSpaces(text, i + 1);
                AddUrl(text, i, folders);
                break;
            }
        }

        for (var at = IndexOf(text, "url(", 0); at >= 0; at = IndexOf(text, "url(", at + 4))
        {
            AddUrl(text, SkipSpaces(text, at + 4), folders);
        }
    }

    /// <summary>The URL that starts at <paramref name="start"/> (after <c>src=</c> or <c>url(</c>), quoted or not.</summary>
    private static void AddUrl(string text, int start, ICollection<string> folders)
    {
        if (start >= text.Length)
        {
            return;
        }

        var quote = text[start] is '"' or '\'' ? text[start] : '\0';
        var i = quote == '\0' ? start : start + 1;
        if (i >= text.Length)
        {
            return;
        }

        string prefix;
        bool dynamic;
        if (text[i] == '@')
        {
            // @Url.Content("~/photos/" + item.File), @("/uploads/" + x), @($"/uploads/{x}"): the first literal of the expression.
            var literal = text.IndexOf('"', i);
            if (literal < 0 || literal - i > 40)
            {
                return;
            }

            var close = text.IndexOf('"', literal + 1);
            if (close < 0 || close - literal > MaxUrlLength)
            {
                return;
            }

            prefix = text.Substring(literal + 1, close - literal - 1);
            var hole = prefix.IndexOf('{');
            if (hole >= 0)
            {
                prefix = prefix.Substring(0, hole);
                dynamic = true;
            }
            else
            {
                var next = SkipSpaces(text, close + 1);
                dynamic = next < text.Length && text[next] == '+';
            }
        }
        else
        {
            var end = i;
            while (end < text.Length && end - i < MaxUrlLength && text[end] != '@' && text[end] != '\n' &&
                   (quote == '\0' ? !(char.IsWhiteSpace(text[end]) || text[end] is ')' or '>') : text[end] != quote))
            {
                end++;
            }

            prefix = text.Substring(i, end - i);
            dynamic = end < text.Length && text[end] == '@';
        }

        var slash = prefix.LastIndexOf('/');
        if (!dynamic || slash < 0 || prefix.IndexOf(':') >= 0 || prefix.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var folder = WrittenFolder.Normalize(prefix.Substring(0, slash));
        if (folder.Length > 0 && folder.IndexOf("..", StringComparison.Ordinal) < 0)
        {
            folders.Add(folder);
        }
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int IndexOf(string text, string value, int start) =>
        start >= text.Length ? -1 : text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase);
}
