using System;
using System.Collections.Generic;

namespace SecureStorageAnalyzers.CloudStorage;

/// <summary>
/// What an S3-style bucket policy (AWS S3, MinIO) grants to everyone, read from its JSON text by a small tolerant reader
/// (no System.Text.Json in a netstandard2.0 analyzer). Statement by statement: an <c>Allow</c> to principal <c>*</c>
/// (or <c>{"AWS": "*"}</c>) without a <c>Condition</c> grants its actions to anyone; a <c>Deny</c> to <c>*</c> without a
/// condition takes them back. Statements with <c>NotAction</c> or <c>NotPrincipal</c> are not judged. Text that is not
/// JSON grants nothing.
/// A <see cref="PolicyText.Hole"/> (a part the code leaves open, such as a bucket name) never grants: a principal,
/// effect or action holding one is not <c>*</c>, <c>Allow</c> or <c>s3:GetObject</c>; a statement with an open member
/// (it may be a <c>Condition</c>) grants nothing; a <c>Deny</c> whose principal or action is open may take a grant
/// back, and so does a statement that is open as a whole, so neither lets the policy be reported.
/// </summary>
internal static class PolicyDocument
{
    /// <summary>Whether the policy lets anyone read objects (<c>s3:GetObject</c>) and list them (<c>s3:ListBucket</c>).</summary>
    public static (bool Read, bool List) PublicGrants(string? json)
    {
        if (json is null || json.IndexOf('*') < 0)
        {
            return (false, false);
        }

        var position = 0;
        if (Parse(json, ref position, depth: 0) is not Dictionary<string, object?> document ||
            Get(document, "Statement") is not { } statements)
        {
            return (false, false);
        }

        bool allowRead = false, allowList = false, denyRead = false, denyList = false;
        foreach (var item in statements is List<object?> list ? list : new List<object?> { statements })
        {
            if (item is string openStatement && openStatement.IndexOf(PolicyText.Hole) >= 0)
            {
                // A whole statement the code fills in: it may be a Deny.
                return (false, false);
            }

            if (item is not Dictionary<string, object?> statement ||
                Get(statement, "NotAction") is not null || Get(statement, "NotPrincipal") is not null ||
                Get(statement, "Condition") is not null || statement.ContainsKey(OpenKey))
            {
                continue;
            }

            var effect = Get(statement, "Effect") as string;
            var principal = Get(statement, "Principal");
            if (string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase) && IsEveryone(principal))
            {
                var (read, listing) = Actions(Get(statement, "Action"), openMeansAll: false);
                allowRead |= read;
                allowList |= listing;
            }
            else if (string.Equals(effect, "Deny", StringComparison.OrdinalIgnoreCase) && (IsEveryone(principal) || IsOpen(principal)))
            {
                var (read, listing) = Actions(Get(statement, "Action"), openMeansAll: true);
                denyRead |= read;
                denyList |= listing;
            }
        }

        return (allowRead && !denyRead, allowList && !denyList);
    }

    private static bool IsEveryone(object? principal) => principal switch
    {
        string text => text == "*",
        Dictionary<string, object?> map => Get(map, "AWS") is { } aws && AnyString(aws, static s => s == "*"),
        _ => false,
    };

    /// <summary>True when the value is, or holds, a part the code leaves open.</summary>
    private static bool IsOpen(object? value) => value switch
    {
        string text => text.IndexOf(PolicyText.Hole) >= 0,
        Dictionary<string, object?> map => map.ContainsKey(OpenKey) || AnyValueOpen(map.Values),
        List<object?> items => AnyValueOpen(items),
        _ => false,
    };

    private static bool AnyValueOpen(IEnumerable<object?> values)
    {
        foreach (var value in values)
        {
            if (IsOpen(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The read and list actions among <paramref name="action"/>. An open action counts as both when
    /// <paramref name="openMeansAll"/> (a Deny may name them), as neither otherwise (an Allow needs them named).
    /// </summary>
    private static (bool Read, bool List) Actions(object? action, bool openMeansAll)
    {
        bool read = false, list = false;
        foreach (var value in action is List<object?> items ? items : new List<object?> { action })
        {
            if (openMeansAll && IsOpen(value))
            {
                return (true, true);
            }

            if (value is not string name)
            {
                continue;
            }

            var all = name == "*" || string.Equals(name, "s3:*", StringComparison.OrdinalIgnoreCase);
            read |= all || string.Equals(name, "s3:GetObject", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "s3:Get*", StringComparison.OrdinalIgnoreCase);
            list |= all || string.Equals(name, "s3:ListBucket", StringComparison.OrdinalIgnoreCase) ||
                    string.Equals(name, "s3:List*", StringComparison.OrdinalIgnoreCase);
        }

        return (read, list);
    }

    private static bool AnyString(object value, Func<string, bool> predicate)
    {
        if (value is string text)
        {
            return predicate(text);
        }

        if (value is List<object?> items)
        {
            foreach (var item in items)
            {
                if (item is string s && predicate(s))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A JSON value the code leaves open (a hole where a value, a statement or an array element goes): the hole itself.</summary>
    private const string Open = "\uFFFF";

    /// <summary>The key under which an object records a member the code leaves open (it may be any member, a Condition too).</summary>
    private const string OpenKey = "\uFFFF";

    /// <summary>A member of a JSON object, its name compared case-insensitively (policy keys are written either way).</summary>
    private static object? Get(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// One JSON value: an object (a case-insensitive dictionary), an array (a list), a string, or a marker for any other
    /// scalar. Tolerant: a missing value or bracket ends the value read so far; past 64 levels nothing is read.
    /// </summary>
    private static object? Parse(string text, ref int i, int depth)
    {
        SkipSpace(text, ref i);
        if (i >= text.Length || depth > 64)
        {
            return null;
        }

        switch (text[i])
        {
            case '{':
            {
                i++;
                var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                while (true)
                {
                    SkipSpace(text, ref i);
                    if (i >= text.Length)
                    {
                        return map;
                    }

                    if (text[i] == '}')
                    {
                        i++;
                        return map;
                    }

                    if (text[i] == ',')
                    {
                        i++;
                        continue;
                    }

                    if (text[i] == PolicyText.Hole)
                    {
                        // A member the code fills in: skip to the next member; the object keeps a mark of it.
                        map[OpenKey] = Open;
                        while (i < text.Length && text[i] is not (',' or '}'))
                        {
                            i++;
                        }

                        continue;
                    }

                    if (text[i] != '"')
                    {
                        return map;
                    }

                    var key = ReadString(text, ref i);
                    if (key.IndexOf(PolicyText.Hole) >= 0)
                    {
                        key = OpenKey;
                    }

                    SkipSpace(text, ref i);
                    if (i < text.Length && text[i] == ':')
                    {
                        i++;
                    }

                    map[key] = Parse(text, ref i, depth + 1);
                }
            }

            case '[':
            {
                i++;
                var list = new List<object?>();
                while (true)
                {
                    SkipSpace(text, ref i);
                    if (i >= text.Length)
                    {
                        return list;
                    }

                    if (text[i] == ']')
                    {
                        i++;
                        return list;
                    }

                    if (text[i] == ',')
                    {
                        i++;
                        continue;
                    }

                    var start = i;
                    list.Add(Parse(text, ref i, depth + 1));
                    if (i == start)
                    {
                        return list;
                    }
                }
            }

            case '"':
                return ReadString(text, ref i);

            default:
                // true, false, null, numbers: their text does not matter to a policy's grants. A hole here is a value the
                // code fills in.
                var open = false;
                while (i < text.Length && text[i] is not (',' or '}' or ']') && !char.IsWhiteSpace(text[i]))
                {
                    open |= text[i] == PolicyText.Hole;
                    i++;
                }

                return open ? Open : (object)0;
        }
    }

    private static string ReadString(string text, ref int i)
    {
        var builder = new System.Text.StringBuilder();
        for (i++; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                break;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                i++;
                c = text[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[i] };
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
