using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

namespace SecureStorageAnalyzers.Folders;

/// <summary>
/// The identity of a folder as the code names it (<see cref="FolderModel"/>): a root and the literal segments under
/// it. Roots are <c>contentroot</c>, <c>webroot</c>, <c>basedir</c> (the app's base directory), <c>cwd</c> (the current
/// directory, and relative literal paths), <c>abs</c> (an absolute literal path, whose segments follow),
/// <c>config:Storage:Recordings</c> (a configuration key, or an options member bound from a section),
/// <c>symbol:…</c> (a field or property whose value is not known: the same symbol is the same folder), <c>local:…</c>
/// (the same for a local, within its method; never combined onto a root: <c>Path.Combine(root, day)</c> is open), and
/// <c>A&gt;B</c> when a configured or symbolic folder B is combined onto A (<c>Path.Combine(env.ContentRootPath,
/// options.Recordings)</c>: relative or absolute, the same spelling is the same folder). Comparisons ignore case.
/// </summary>
/// <remarks>
/// A path whose tail is not known (<c>Path.Combine(root, day, phone + ".wav")</c>) is <see cref="Open"/>: its known
/// part is the folder it is inside of (<c>root</c>), nothing is known below it. Immutable; a public string form
/// (<see cref="Key"/>, <see cref="Parse"/>) lets the audit tool compare folders across projects.
/// </remarks>
public sealed class Folder : IEquatable<Folder>
{
    internal const string ContentRoot = "contentroot";
    internal const string WebRoot = "webroot";
    internal const string BaseDirectory = "basedir";
    internal const string CurrentDirectory = "cwd";
    internal const string Absolute = "abs";
    internal const string ConfigPrefix = "config:";
    internal const string SymbolPrefix = "symbol:";
    internal const string LocalPrefix = "local:";

    internal Folder(string root, ImmutableArray<string> segments, bool open)
    {
        // Path.Combine(env.ContentRootPath, "wwwroot", …) is the default web root.
        if (string.Equals(root, ContentRoot, StringComparison.Ordinal) && segments.Length > 0 &&
            string.Equals(segments[0], "wwwroot", StringComparison.OrdinalIgnoreCase))
        {
            root = WebRoot;
            segments = segments.RemoveAt(0);
        }

        Root = root;
        Segments = segments;
        Open = open;
    }

    /// <summary>The root of the folder: <c>contentroot</c>, <c>webroot</c>, <c>config:Storage:Recordings</c>, …</summary>
    public string Root { get; }

    /// <summary>The literal segments under <see cref="Root"/>.</summary>
    public ImmutableArray<string> Segments { get; }

    /// <summary>True when the path goes on below <see cref="Segments"/> in a way the code does not spell out.</summary>
    public bool Open { get; }

    /// <summary>The root and segments as one string, <c>contentroot/recordings</c>: equal keys (ignoring case) are the same folder.</summary>
    public string Key
    {
        get
        {
            if (Segments.IsEmpty)
            {
                return Root;
            }

            var key = new StringBuilder(Root);
            foreach (var segment in Segments)
            {
                key.Append('/').Append(segment);
            }

            return key.ToString();
        }
    }

    internal static Folder At(string root) => new(root, ImmutableArray<string>.Empty, open: false);

    /// <summary>A folder from its <see cref="Key"/> (the audit tool's form); null for an empty key.</summary>
    public static Folder? Parse(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        // A configuration key holds ':' but never '/': the root ends at the first '/' after its prefix.
        var slash = key.IndexOf('/');
        if (slash < 0)
        {
            return At(key);
        }

        var segments = SplitPath(key.Substring(slash + 1), StringSplitOptions.RemoveEmptyEntries);
        return new Folder(key.Substring(0, slash), ImmutableArray.Create(segments), open: false);
    }

    /// <summary>
    /// A literal path on its own: absolute (<c>/var/rec</c>, <c>D:\rec</c>, <c>\\server\share</c>) under <c>abs</c>,
    /// otherwise relative to the current directory. <paramref name="followedByUnknown"/>: more follows that is not
    /// known, so a last piece that does not end with a separator is part of a name, not a folder. Null when the text
    /// climbs (<c>..</c>) or is empty.
    /// </summary>
    internal static Folder? FromText(string text, bool followedByUnknown)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var root = IsAbsolute(text) ? Absolute : CurrentDirectory;
        return At(root).Append(text, followedByUnknown, textIsWholeSegments: !followedByUnknown);
    }

    /// <summary>True for <c>/x</c>, <c>\\server</c>, <c>D:\x</c>, <c>D:/x</c>.</summary>
    internal static bool IsAbsolute(string text) =>
        text.Length > 0 && (text[0] == '/' || text.StartsWith("\\\\", StringComparison.Ordinal)) ||
        text.Length > 2 && char.IsLetter(text[0]) && text[1] == ':' && text[2] is '\\' or '/';

    /// <summary>
    /// This folder with <paramref name="text"/> appended: its pieces between separators become segments. With
    /// <paramref name="followedByUnknown"/>, a last piece not ended by a separator is the start of a name and is
    /// dropped, and the result is <see cref="Open"/>. Null when a piece climbs (<c>..</c>). An open folder stays as it is.
    /// </summary>
    internal Folder? Append(string text, bool followedByUnknown, bool textIsWholeSegments)
    {
        if (Open)
        {
            return this;
        }

        var pieces = SplitPath(text, StringSplitOptions.None);
        var count = pieces.Length;
        if (!textIsWholeSegments && followedByUnknown && !EndsWithSeparator(text))
        {
            count--;
        }

        var segments = Segments.ToBuilder();
        for (var i = 0; i < count; i++)
        {
            var piece = pieces[i];
            if (piece.Length == 0 || piece == ".")
            {
                continue;
            }

            if (piece == "..")
            {
                return null;
            }

            segments.Add(piece);
        }

        return new Folder(Root, segments.ToImmutable(), followedByUnknown);
    }

    /// <summary>This folder, with nothing known below it.</summary>
    internal Folder AsOpen() => Open ? this : new Folder(Root, Segments, open: true);

    /// <summary>
    /// <paramref name="inner"/>, a configured or symbolic folder, combined onto this one: the same spelling on both
    /// sides is the same folder, whether the inner value is relative or absolute.
    /// </summary>
    internal Folder Combine(Folder inner)
    {
        if (Open)
        {
            return this;
        }

        return new Folder(Key + ">" + inner.Root, inner.Segments, inner.Open);
    }

    /// <summary>
    /// True when <paramref name="other"/>'s known part lies in this folder or below it: the same root, and this folder's
    /// segments begin <paramref name="other"/>'s. An open folder (not fully known) contains nothing.
    /// </summary>
    public bool Contains(Folder other)
    {
        if (Open || !string.Equals(Root, other.Root, StringComparison.OrdinalIgnoreCase) || Segments.Length > other.Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            if (!string.Equals(Segments[i], other.Segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The folder in words, for messages: <c>the folder 'recordings' under the content root</c>, <c>the web root</c>,
    /// <c>the folder '/var/rec'</c>, <c>the folder configured at 'Storage:Recordings'</c>.
    /// </summary>
    public string Describe()
    {
        var joined = string.Join("/", Segments);
        if (string.Equals(Root, Absolute, StringComparison.Ordinal))
        {
            var first = Segments.IsEmpty ? string.Empty : Segments[0];
            return first.Length == 2 && first[1] == ':' ? $"the folder '{joined}'" : $"the folder '/{joined}'";
        }

        var root = DescribeRoot(Root);
        return Segments.IsEmpty ? root : $"the folder '{joined}' under {root}";
    }

    private static string DescribeRoot(string root)
    {
        var combined = root.LastIndexOf('>');
        if (combined >= 0)
        {
            return DescribeRoot(root.Substring(combined + 1));
        }

        return root switch
        {
            ContentRoot => "the content root",
            WebRoot => "the web root",
            BaseDirectory => "the app's base directory",
            CurrentDirectory => "the current directory",
            _ when root.StartsWith(CloudContainers.ContainerPrefix, StringComparison.Ordinal) => DescribeCloud("container", root.Substring(CloudContainers.ContainerPrefix.Length)),
            _ when root.StartsWith(CloudContainers.BucketPrefix, StringComparison.Ordinal) => DescribeCloud("bucket", root.Substring(CloudContainers.BucketPrefix.Length)),
            _ when root.StartsWith(ConfigPrefix, StringComparison.Ordinal) => $"the folder configured at '{root.Substring(ConfigPrefix.Length)}'",
            _ when root.StartsWith(SymbolPrefix, StringComparison.Ordinal) => $"the folder in '{SymbolName(root.Substring(SymbolPrefix.Length))}'",
            _ when root.StartsWith(LocalPrefix, StringComparison.Ordinal) => $"the folder in '{SymbolName(root.Substring(LocalPrefix.Length))}'",
            _ => $"'{root}'",
        };
    }

    /// <summary><c>the container 'recordings'</c>, <c>the bucket configured at 'Storage:Bucket'</c>, <c>the container in '_recordings'</c>.</summary>
    private static string DescribeCloud(string kind, string identity)
    {
        const string Name = "name:";
        const string Client = "client:";
        if (identity.StartsWith(Name, StringComparison.Ordinal))
        {
            return $"the {kind} '{identity.Substring(Name.Length)}'";
        }

        if (identity.StartsWith(ConfigPrefix, StringComparison.Ordinal))
        {
            return $"the {kind} configured at '{identity.Substring(ConfigPrefix.Length)}'";
        }

        var symbol = identity.StartsWith(Client, StringComparison.Ordinal) ? identity.Substring(Client.Length)
            : identity.StartsWith(SymbolPrefix, StringComparison.Ordinal) ? identity.Substring(SymbolPrefix.Length)
            : identity.StartsWith(LocalPrefix, StringComparison.Ordinal) ? identity.Substring(LocalPrefix.Length)
            : identity;
        return $"the {kind} in '{SymbolName(symbol)}'";
    }

    private static string SymbolName(string id)
    {
        var hash = id.IndexOf('#');
        var name = hash >= 0 ? id.Substring(0, hash) : id;
        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }

    /// <summary>The pieces between '/' and '\\' separators.</summary>
    private static string[] SplitPath(string text, StringSplitOptions options)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '/' or '\\')
            {
                if (i > start || options != StringSplitOptions.RemoveEmptyEntries)
                {
                    pieces.Add(text.Substring(start, i - start));
                }

                start = i + 1;
            }
        }

        return pieces.ToArray();
    }

    private static bool EndsWithSeparator(string text) => text.Length > 0 && (text[text.Length - 1] == '/' || text[text.Length - 1] == '\\');

    public bool Equals(Folder? other) =>
        other is not null && Open == other.Open && string.Equals(Key, other.Key, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as Folder);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Key) ^ (Open ? 1 : 0);

    public override string ToString() => Open ? Key + "/…" : Key;
}
