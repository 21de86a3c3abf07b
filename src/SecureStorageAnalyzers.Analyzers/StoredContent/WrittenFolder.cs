using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// The folder, relative to the served root, that a write under the web root puts its file in (SSA0006), for
/// <see cref="ViewImageFolders"/>: <c>Path.Combine(_env.WebRootPath, "uploads", "products", name)</c> is
/// <c>uploads/products</c>; <c>Path.Combine(Server.MapPath(FilePath), fileName)</c>, where the local is
/// <c>ConfigurationManager.AppSettings["SkillSetFilePath"]</c> and the web.config says <c>~/Upload/SkillSets/</c>, is
/// <c>upload/skillsets</c>. The path is read as text (literals, constants, concatenations, interpolations,
/// <c>Path.Combine</c>, the one non-empty value of a local in the same body, a setting's value); the last part is the
/// file's name. Null when a folder segment is not known in the code (a parameter, a value read elsewhere), when the
/// web root is not in the path itself (a field set elsewhere), or when a local has two different values: the caller then
/// decides nothing from the folder. Asked only for a write that is about to be reported.
/// </summary>
internal static class WrittenFolder
{
    private const char Root = '\u0001';
    private const char Unknown = '\u0002';
    private const int MaxDepth = 16;

    /// <summary>The folder in lower case, segments joined by <c>/</c> (<c>upload/skillsets</c>); empty for the root itself; or null.</summary>
    public static string? Of(IOperation path, List<FlowSource> sources, WebRootFlowPolicy policy, StorageSinks sinks)
    {
        var text = new StringBuilder();
        Append(path, sources, policy, sinks, text, 0, inMapPath: false, visited: null);
        var value = text.ToString();
        var root = value.LastIndexOf(Root);
        if (root < 0)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (var segment in value.Substring(root + 1).Split('/', '\\'))
        {
            if (segment.Length > 0 && segment != "." && segment != "~")
            {
                segments.Add(segment);
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        // The last part is the file's name.
        segments.RemoveAt(segments.Count - 1);
        foreach (var segment in segments)
        {
            if (segment.IndexOf(Unknown) >= 0 || segment.IndexOf(Root) >= 0 || segment == "..")
            {
                return null;
            }
        }

        return string.Join("/", segments).ToLowerInvariant();
    }

    /// <summary>
    /// The extension, in lower case with its dot, of the file the write creates when the code spells it: <c>.ca</c> of
    /// <c>Server.MapPath("~/signature.ca")</c>, <c>.txt</c> of <c>"~/Log_Error/log_" + date + ".txt"</c>. Null when the
    /// file's name ends in a value the code does not know (an upload's own name, <c>Path.GetExtension(file.FileName)</c>)
    /// or has no dot.
    /// </summary>
    public static string? Extension(IOperation path, List<FlowSource> sources, WebRootFlowPolicy policy, StorageSinks sinks)
    {
        var text = new StringBuilder();
        Append(path, sources, policy, sinks, text, 0, inMapPath: false, visited: null);
        var value = text.ToString();
        var name = value.Substring(Math.Max(value.LastIndexOf('/'), value.LastIndexOf('\\')) + 1);
        var dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1)
        {
            return null;
        }

        var extension = name.Substring(dot);
        return HasMarker(extension) ? null : extension.ToLowerInvariant();
    }

    /// <summary>
    /// The path as text, without the web root: what the code does not know is a marker (<see cref="HasMarker"/>);
    /// <c>Path.Combine(Directory.GetCurrentDirectory(), "wwwroot", "temp-images", name)</c> is <c>?/wwwroot/temp-images/?</c>.
    /// </summary>
    public static string Text(IOperation path, StorageSinks sinks)
    {
        var text = new StringBuilder();
        Append(path, new List<FlowSource>(), null, sinks, text, 0, inMapPath: false, visited: null);
        return text.ToString();
    }

    /// <summary>True when a segment of <see cref="Text"/> holds a value the code does not know.</summary>
    public static bool HasMarker(string segment) => segment.IndexOf(Unknown) >= 0 || segment.IndexOf(Root) >= 0;

    /// <summary>A view's URL folder in the same form: <c>~/Upload/SkillSets/</c> is <c>upload/skillsets</c>.</summary>
    public static string Normalize(string folder)
    {
        var segments = new List<string>();
        foreach (var segment in folder.Split('/', '\\'))
        {
            if (segment.Length > 0 && segment != "." && segment != "~")
            {
                segments.Add(segment);
            }
        }

        return string.Join("/", segments).ToLowerInvariant();
    }

    private static void Append(IOperation operation, List<FlowSource> sources, WebRootFlowPolicy? policy, StorageSinks sinks, StringBuilder text,
        int depth, bool inMapPath, HashSet<ILocalSymbol>? visited)
    {
        if (depth > MaxDepth)
        {
            text.Append(Unknown);
            return;
        }

        operation = operation.WithoutConversions();
        if (IsSource(operation, sources))
        {
            AppendSource(operation, sources, policy, sinks, text, depth, visited);
            return;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            text.Append(constant);
            return;
        }

        switch (operation)
        {
            case IFieldReferenceOperation { Field: { Name: "Empty", ContainingType.SpecialType: SpecialType.System_String } }:
                return;

            case IParenthesizedOperation parenthesized:
                Append(parenthesized.Operand, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                return;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                Append(concatenation.LeftOperand, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                Append(concatenation.RightOperand, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                return;

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string piece } }:
                            text.Append(piece);
                            break;
                        case IInterpolationOperation hole:
                            Append(hole.Expression, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                            break;
                        default:
                            text.Append(Unknown);
                            break;
                    }
                }

                return;

            case IInvocationOperation { Arguments.Length: > 0 } combine when sinks.IsPathBuilder(combine.TargetMethod):
                if (sinks.PathParts(combine) is not { } parts)
                {
                    text.Append(Unknown);
                    return;
                }

                AppendParts(parts, sources, policy, sinks, text, depth, inMapPath, visited);
                return;

            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { Type.SpecialType: SpecialType.System_String } instance }:
                Append(instance, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                return;

            case ILocalReferenceOperation local:
                AppendLocal(local, sources, policy, sinks, text, depth, inMapPath, visited);
                return;

            case IFieldReferenceOperation or IParameterReferenceOperation when sinks.BodyIndex(operation).AssignedValue(operation) is { } assigned:
                // The value the same method gave the field or parameter just before (obj_name = obj_name + ".cs").
                Append(assigned, sources, policy, sinks, text, depth + 1, inMapPath, visited);
                return;

            case IPropertyReferenceOperation or IFieldReferenceOperation or IInvocationOperation { TargetMethod.Name: "Get" } when inMapPath:
                // A setting of the web.config (or a constant member): its one value.
                if (policy is not null && One(policy.StartTexts(operation)) is { } start)
                {
                    text.Append(start);
                    return;
                }

                break;
        }

        text.Append(Unknown);
    }

    private static void AppendParts(IEnumerable<IOperation> parts, List<FlowSource> sources, WebRootFlowPolicy? policy, StorageSinks sinks, StringBuilder text,
        int depth, bool inMapPath, HashSet<ILocalSymbol>? visited)
    {
        var first = true;
        foreach (var part in parts)
        {
            if (!first)
            {
                text.Append('/');
            }

            first = false;
            Append(part, sources, policy, sinks, text, depth + 1, inMapPath, visited);
        }
    }

    /// <summary>The one value of a local other than an empty placeholder (<c>string FilePath = string.Empty;</c> then the setting).</summary>
    private static void AppendLocal(ILocalReferenceOperation local, List<FlowSource> sources, WebRootFlowPolicy? policy, StorageSinks sinks, StringBuilder text,
        int depth, bool inMapPath, HashSet<ILocalSymbol>? visited)
    {
        visited ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (!visited.Add(local.Local))
        {
            text.Append(Unknown);
            return;
        }

        string? chosen = null;
        foreach (var value in sinks.BodyIndex(local).ValuesOf(local.Local))
        {
            var piece = new StringBuilder();
            Append(value, sources, policy, sinks, piece, depth + 1, inMapPath, visited);
            var candidate = piece.ToString();
            if (candidate.Length == 0)
            {
                continue;
            }

            if (chosen is not null && !string.Equals(chosen, candidate, StringComparison.Ordinal))
            {
                chosen = Unknown.ToString();
                break;
            }

            chosen = candidate;
        }

        visited.Remove(local.Local);
        text.Append(chosen ?? Unknown.ToString());
    }

    /// <summary>The web root where the path meets it: <c>Server.MapPath(virtual path)</c>, <c>WebRootPath</c>, a literal <c>wwwroot/…</c>.</summary>
    private static void AppendSource(IOperation source, List<FlowSource> sources, WebRootFlowPolicy? policy, StorageSinks sinks, StringBuilder text, int depth,
        HashSet<ILocalSymbol>? visited)
    {
        if (source is IInvocationOperation { Arguments.Length: > 0 } call && policy is not null && policy.IsMapPathCall(call))
        {
            // The virtual path is relative to the application folder, which IIS serves.
            text.Append(Root).Append('/');
            Append(call.Arguments[0].Value, sources, policy, sinks, text, depth + 1, inMapPath: true, visited);
            return;
        }

        if (source is IPropertyReferenceOperation { Property.Name: "WebRootPath" })
        {
            text.Append(Root);
            return;
        }

        var literal = new StringBuilder();
        if (source.ConstantValue is { HasValue: true, Value: string constant })
        {
            literal.Append(constant);
        }
        else if (source is IInterpolatedStringOperation)
        {
            // Its own text, without asking the sources again.
            Append(source, new List<FlowSource>(), policy, sinks, literal, depth + 1, inMapPath: false, visited);
        }
        else
        {
            text.Append(Unknown);
            return;
        }

        // "wwwroot/uploads", "./wwwroot", "/wwwroot/…": what follows the wwwroot segment.
        var value = literal.ToString();
        var at = value.IndexOf("wwwroot", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            text.Append(Unknown);
            return;
        }

        text.Append(Unknown).Append(Root).Append(value.Substring(at + "wwwroot".Length));
    }

    private static bool IsSource(IOperation operation, List<FlowSource> sources)
    {
        foreach (var source in sources)
        {
            if (ReferenceEquals(source.Operation, operation) || source.Operation.Syntax == operation.Syntax)
            {
                return true;
            }
        }

        return false;
    }

    private static string? One(List<string> texts)
    {
        string? one = null;
        foreach (var text in texts)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (one is not null && !string.Equals(one, text, StringComparison.Ordinal))
            {
                return null;
            }

            one = text;
        }

        return one;
    }
}
