using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Iis;

/// <summary>
/// One <c>web.config</c> or <c>web.*.config</c>, read once into a small element tree that keeps each element's and
/// attribute's line and column. Names and values are compared case-insensitively everywhere (as SSA0002 always did).
/// A file that is not well-formed XML, or that declares a DTD, is no document at all (<see cref="Parse"/> returns null):
/// IIS refuses to start on a malformed <c>web.config</c> (HTTP 500.19), so nothing it would configure takes effect.
/// </summary>
internal sealed class WebConfigDocument
{
    /// <summary>The namespace of Visual Studio's configuration transforms (<c>xdt:Transform</c>, <c>xdt:Locator</c>).</summary>
    public const string TransformNamespace = "http://schemas.microsoft.com/XML-Document-Transform";

    private WebConfigDocument(string path, SourceText text, WebConfigElement root, bool isTransform)
    {
        Path = path;
        Text = text;
        Root = root;
        IsTransform = isTransform;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The directory of the file, for matching a transform with the <c>web.config</c> beside it.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "";

    public SourceText Text { get; }

    public WebConfigElement Root { get; }

    /// <summary>True when the file uses <c>xdt:</c> attributes: a transform applied to another file at publish time.</summary>
    public bool IsTransform { get; }

    /// <summary>True for <c>web.config</c> and <c>web.&lt;anything&gt;.config</c>, in any letter case.</summary>
    public static bool IsWebConfig(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.StartsWith("web.", StringComparison.OrdinalIgnoreCase) &&
               name.EndsWith(".config", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The document of <paramref name="text"/>, or null when it is not well-formed XML (never throws on bad input).</summary>
    public static WebConfigDocument? Parse(string path, SourceText text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        WebConfigElement? root = null;
        var isTransform = false;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text.ToString()), settings);
            var lineInfo = (IXmlLineInfo)reader;
            var open = new Stack<WebConfigElement>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    open.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var parent = open.Count > 0 ? open.Peek() : null;
                var element = new WebConfigElement(reader.LocalName, reader.NamespaceURI, parent, lineInfo.LineNumber, lineInfo.LinePosition);
                if (reader.MoveToFirstAttribute())
                {
                    do
                    {
                        if (string.Equals(reader.NamespaceURI, TransformNamespace, StringComparison.OrdinalIgnoreCase))
                        {
                            isTransform = true;
                        }

                        element.Attributes.Add(new WebConfigAttribute(reader.LocalName, reader.NamespaceURI, reader.Value,
                            lineInfo.LineNumber, lineInfo.LinePosition));
                    }
                    while (reader.MoveToNextAttribute());

                    reader.MoveToElement();
                }

                parent?.Children.Add(element);
                root ??= element;
                if (!reader.IsEmptyElement)
                {
                    open.Push(element);
                }
            }
        }
        catch (XmlException)
        {
            // Malformed, truncated while typing, or a DTD: report nothing rather than guess.
            return null;
        }

        return root is null ? null : new WebConfigDocument(path, text, root, isTransform);
    }

    /// <summary>Every element of the document, depth first in document order.</summary>
    public IEnumerable<WebConfigElement> Elements()
    {
        var pending = new Stack<WebConfigElement>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            yield return element;
            for (var i = element.Children.Count - 1; i >= 0; i--)
            {
                pending.Push(element.Children[i]);
            }
        }
    }

    /// <summary>From the attribute's name to its closing quote.</summary>
    public TextSpan Span(WebConfigAttribute attribute)
    {
        var start = Position(attribute.Line, attribute.Column);
        var end = start;
        var quotes = 0;
        while (end < Text.Length && quotes < 2)
        {
            var c = Text[end];
            if (c is '"' or '\'')
            {
                quotes++;
            }
            else if (c is '>' or '/' && quotes == 0)
            {
                break;
            }

            end++;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>From the element's <c>&lt;</c> through its name (<c>&lt;clear</c>).</summary>
    public TextSpan Span(WebConfigElement element)
    {
        var nameStart = Position(element.Line, element.Column);
        var start = nameStart > 0 && Text[nameStart - 1] == '<' ? nameStart - 1 : nameStart;
        var end = nameStart;
        while (end < Text.Length && !char.IsWhiteSpace(Text[end]) && Text[end] is not ('/' or '>'))
        {
            end++;
        }

        return TextSpan.FromBounds(start, end);
    }

    private int Position(int line, int column)
    {
        if (line < 1 || line > Text.Lines.Count)
        {
            return 0;
        }

        var textLine = Text.Lines[line - 1];
        return Math.Min(textLine.Start + Math.Max(column - 1, 0), textLine.End);
    }
}

/// <summary>An element of a <see cref="WebConfigDocument"/>: its local name, attributes and children in document order.</summary>
internal sealed class WebConfigElement
{
    public WebConfigElement(string name, string namespaceUri, WebConfigElement? parent, int line, int column)
    {
        Name = name;
        NamespaceUri = namespaceUri;
        Parent = parent;
        Line = line;
        Column = column;
    }

    public string Name { get; }

    public string NamespaceUri { get; }

    public WebConfigElement? Parent { get; }

    public int Line { get; }

    public int Column { get; }

    public List<WebConfigAttribute> Attributes { get; } = new();

    public List<WebConfigElement> Children { get; } = new();

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The attribute <paramref name="name"/> outside the transform namespace, or null.</summary>
    public WebConfigAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(name) && !string.Equals(attribute.NamespaceUri, WebConfigDocument.TransformNamespace, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The trimmed value of the attribute <paramref name="name"/>, or null.</summary>
    public string? Value(string name) => Attribute(name)?.Value.Trim();

    /// <summary>True when <c>name="true"</c> (any case).</summary>
    public bool IsTrue(string name) => string.Equals(Value(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a transform takes this element out (<c>xdt:Transform="Remove"</c> or <c>"RemoveAll"</c>): what it
    /// says is not in the published configuration.
    /// </summary>
    public bool IsRemovedByTransform
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Is("Transform") &&
                    string.Equals(attribute.NamespaceUri, WebConfigDocument.TransformNamespace, StringComparison.OrdinalIgnoreCase) &&
                    attribute.Value.Trim().StartsWith("Remove", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// True when the section's content lives in another file (<c>configSource="…"</c>): this file does not say what
    /// it holds, so nothing is concluded from its absence here.
    /// </summary>
    public bool HasConfigSource => !string.IsNullOrWhiteSpace(Value("configSource"));

    /// <summary>The first child named <paramref name="name"/>, or null.</summary>
    public WebConfigElement? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Is(name))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>True when the parent chain, nearest first, is exactly <paramref name="names"/> (e.g. hiddenSegments, requestFiltering).</summary>
    public bool IsUnder(params string[] names)
    {
        var current = Parent;
        foreach (var name in names)
        {
            if (current is null || !current.Is(name))
            {
                return false;
            }

            current = current.Parent;
        }

        return true;
    }

    /// <summary>
    /// The configuration path the element applies to: the <c>path</c> of the nearest enclosing <c>&lt;location&gt;</c>,
    /// normalized (no leading <c>~/</c> or slashes, <c>/</c> separators); "" for the application root (no location,
    /// or <c>path=""</c> / <c>"."</c>).
    /// </summary>
    public string ScopePath
    {
        get
        {
            for (var current = Parent; current is not null; current = current.Parent)
            {
                if (current.Is("location"))
                {
                    return NormalizePath(current.Value("path"));
                }
            }

            return "";
        }
    }

    /// <summary>The enclosing <c>&lt;location&gt;</c> element, or null at the root.</summary>
    public WebConfigElement? Location
    {
        get
        {
            for (var current = Parent; current is not null; current = current.Parent)
            {
                if (current.Is("location"))
                {
                    return current;
                }
            }

            return null;
        }
    }

    public static string NormalizePath(string? path)
    {
        if (path is null)
        {
            return "";
        }

        var normalized = path.Trim().Replace('\\', '/');
        if (normalized.StartsWith("~", StringComparison.Ordinal))
        {
            normalized = normalized.Substring(1);
        }

        normalized = normalized.Trim('/');
        return normalized == "." ? "" : normalized;
    }

    /// <summary>True when <paramref name="outer"/> is the root, <paramref name="inner"/> itself, or one of its parent folders.</summary>
    public static bool Covers(string outer, string inner) =>
        outer.Length == 0 ||
        string.Equals(outer, inner, StringComparison.OrdinalIgnoreCase) ||
        inner.Length > outer.Length && inner[outer.Length] == '/' && inner.StartsWith(outer, StringComparison.OrdinalIgnoreCase);
}

/// <summary>An attribute with its 1-based line and column (of its name).</summary>
internal sealed class WebConfigAttribute
{
    public WebConfigAttribute(string name, string namespaceUri, string value, int line, int column)
    {
        Name = name;
        NamespaceUri = namespaceUri;
        Value = value;
        Line = line;
        Column = column;
    }

    public string Name { get; }

    public string NamespaceUri { get; }

    public string Value { get; }

    public int Line { get; }

    public int Column { get; }

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The comma-separated entries of the value, trimmed (<c>users="?, *"</c>).</summary>
    public bool ListContains(string entry)
    {
        foreach (var part in Value.Split(','))
        {
            if (string.Equals(part.Trim(), entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
