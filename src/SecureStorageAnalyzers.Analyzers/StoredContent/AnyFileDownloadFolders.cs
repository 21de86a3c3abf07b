using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.StoredContent;

/// <summary>
/// A folder named for images that is not public media (held-out set 9, a loan CRM): the same type writes into it an
/// upload of any type (no image check, the client's extension kept) and hands the folder's files out as named downloads
/// (<c>File(bytes, contentType, fileName)</c>, a <c>fileDownloadName</c>, a content type that is not fixed to
/// <c>image/…</c>). Pictures are shown, not downloaded under a name: such a folder holds whatever the users send, and
/// its name alone does not make it public (SSA0006 at the write, SSA0005 at the download). Folders are compared by the
/// literal segments of their paths (<c>wwwroot/temp-images</c> in both <c>Path.Combine(Directory.GetCurrentDirectory(),
/// "wwwroot", "temp-images", name)</c>). Each type is read once, and only when a write or a download would be exempt by
/// a folder's name.
/// </summary>
internal sealed class AnyFileDownloadFolders
{
    private readonly WellKnownTypes _types;
    private readonly StorageSinks _sinks;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Facts> _byType = new(SymbolEqualityComparer.Default);

    private AnyFileDownloadFolders(WellKnownTypes types)
    {
        _types = types;
        _sinks = StorageSinks.Create(types);
    }

    public static AnyFileDownloadFolders For(WellKnownTypes types) => types.Shared(static t => new AnyFileDownloadFolders(t));

    /// <summary>
    /// A folder named for pictures that takes any file (held-out set 9): the write at <paramref name="operation"/> stores an
    /// upload with no image check under a name that keeps the sender's extension (no image extension among
    /// <paramref name="words"/>' texts), and the same type hands that folder's files out as named downloads
    /// (<see cref="TakesAnyFileAndHandsItOut"/>). Asked only when the words say public media: by SSA0006 at a write, and by
    /// the request-data folders of SSA0001 and SSA0009 (<see cref="Folders.RequestDataFolders"/>).
    /// </summary>
    public bool NamedForPicturesButTakesAnyFile(IOperation operation, IOperation path, PathWords words, ISymbol? containingSymbol,
        Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var text in words.Texts)
        {
            if (StoredContentVocabulary.Extension(text, StoredContentVocabulary.ImageExtensions) is not null)
            {
                return false;
            }
        }

        var uploads = ImageOnlyUploads.For(_types);
        return uploads.MentionsAnUpload(operation.Root()) && !uploads.RestrictsUploadToImages(operation) &&
               TakesAnyFileAndHandsItOut(operation, path, containingSymbol, compilation, cancellationToken);
    }

    /// <summary>True when the type of <paramref name="operation"/> both fills the folder of <paramref name="path"/> with uploads of any type and hands it out as named downloads.</summary>
    public bool TakesAnyFileAndHandsItOut(IOperation operation, IOperation path, ISymbol? containingSymbol, Compilation compilation, CancellationToken cancellationToken)
    {
        if (containingSymbol?.ContainingType is not { } type || FolderKey(path, _sinks) is not { } folder)
        {
            return false;
        }

        var facts = _byType.GetOrAdd(type.OriginalDefinition, t => Collect(t, compilation, cancellationToken));
        return facts.UploadFolders.Contains(folder) && facts.DownloadFolders.Contains(folder);
    }

    /// <summary>
    /// True when <paramref name="result"/> is a named download of a file read from a folder its type fills with uploads of
    /// any type (SSA0005's side of <see cref="TakesAnyFileAndHandsItOut"/>).
    /// </summary>
    public bool DownloadTakesAnyFile(IOperation result, ISymbol? containingSymbol, Compilation compilation, CancellationToken cancellationToken)
    {
        if (result is not IInvocationOperation invocation || NamedDownloadFile(invocation) is not { } file ||
            containingSymbol?.ContainingType is not { } type)
        {
            return false;
        }

        var folders = ReadFolders(file);
        if (folders.Count == 0)
        {
            return false;
        }

        var facts = _byType.GetOrAdd(type.OriginalDefinition, t => Collect(t, compilation, cancellationToken));
        foreach (var folder in folders)
        {
            if (facts.UploadFolders.Contains(folder))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The literal folder of a path: the segments of the folder part after the last one the code does not know
    /// (<c>wwwroot/temp-images</c>); null when there is none.
    /// </summary>
    internal static string? FolderKey(IOperation path, StorageSinks sinks)
    {
        var text = WrittenFolder.Text(path, sinks);
        var segments = new List<string>(text.Split('/', '\\'));
        segments.RemoveAll(static s => s.Length == 0 || s == "." || s == "~");
        if (segments.Count < 2)
        {
            return null;
        }

        segments.RemoveAt(segments.Count - 1);
        var start = segments.Count;
        while (start > 0 && !WrittenFolder.HasMarker(segments[start - 1]))
        {
            start--;
        }

        return start == segments.Count ? null : string.Join("/", segments.GetRange(start, segments.Count - start)).ToLowerInvariant();
    }

#pragma warning disable RS1030 // The type's own methods, in their own files: the driver's cached semantic models.
    private Facts Collect(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var facts = new Facts();
        if (!MayReturnNamedDownload(type, cancellationToken))
        {
            // Most types that store pictures hand nothing out as a named download: no method body is bound.
            return facts;
        }

        var uploads = ImageOnlyUploads.For(_types);
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree) ||
                    compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not IMethodBodyBaseOperation body)
                {
                    continue;
                }

                var copiesUpload = uploads.MentionsAnUpload(body);
                foreach (var operation in body.Walk())
                {
                    if (operation is not (IInvocationOperation or IObjectCreationOperation))
                    {
                        continue;
                    }

                    if (copiesUpload && _sinks.WrittenPath(operation) is { } written && !uploads.RestrictsUploadToImages(operation) &&
                        FolderKey(written, _sinks) is { } writtenFolder)
                    {
                        facts.UploadFolders.Add(writtenFolder);
                    }

                    if (operation is IInvocationOperation invocation && NamedDownloadFile(invocation) is { } file)
                    {
                        foreach (var folder in ReadFolders(file))
                        {
                            facts.DownloadFolders.Add(folder);
                        }
                    }
                }
            }
        }

        return facts;
    }
#pragma warning restore RS1030

    /// <summary>
    /// True when the type's source calls a file result with three arguments or more, or names a
    /// <c>fileDownloadName</c> (a syntax test, before any binding).
    /// </summary>
    private static bool MayReturnNamedDownload(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { ArgumentList.Arguments: var arguments } invocation &&
                    (arguments.Count >= 3 && InvokedName(invocation.Expression) is "File" or "PhysicalFile" or "VirtualFile" ||
                     arguments.Any(static a => a.NameColon?.Name.Identifier.ValueText == "fileDownloadName")))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? InvokedName(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) => expression switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The file argument of a file result with a download name and a content type not fixed to an image
    /// (<c>File(bytes, contentType, fileName)</c>, <c>PhysicalFile(path, "application/octet-stream", name)</c>); or null.
    /// </summary>
    internal static IOperation? NamedDownloadFile(IInvocationOperation invocation)
    {
        IOperation? file = null;
        var named = false;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            switch (parameter.Name)
            {
                case "fileDownloadName":
                    named = !(argument.Value.ConstantValue is { HasValue: true, Value: null });
                    break;
                case "contentType" when argument.Value.ConstantValue is { HasValue: true, Value: string type } &&
                                       type.StartsWith("image/", StringComparison.OrdinalIgnoreCase):
                    return null;
                case "fileContents" or "fileStream" or "physicalPath" or "virtualPath" or "path":
                    file = argument.Value;
                    break;
            }
        }

        return named ? file : null;
    }

    /// <summary>The literal folders of the paths a downloaded value is read from (through locals and the calls that read it).</summary>
    private List<string> ReadFolders(IOperation file)
    {
        var folders = new List<string>();
        AddReadFolders(file, folders, 0, null);
        return folders;
    }

    private void AddReadFolders(IOperation value, List<string> folders, int depth, HashSet<ILocalSymbol>? visited)
    {
        if (depth > 8)
        {
            return;
        }

        value = value.WithoutConversions();
        switch (value)
        {
            case ILocalReferenceOperation local:
                if ((visited ??= new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default)).Add(local.Local))
                {
                    foreach (var assigned in _sinks.BodyIndex(local).ValuesOf(local.Local))
                    {
                        AddReadFolders(assigned, folders, depth + 1, visited);
                    }
                }

                return;
            case IInvocationOperation combine when _sinks.IsPathBuilder(combine.TargetMethod):
                if (FolderKey(combine, _sinks) is { } folder)
                {
                    folders.Add(folder);
                }

                return;
            case IInvocationOperation or IObjectCreationOperation:
                // File.ReadAllBytes(path), File.OpenRead(path), new FileStream(path, …): the path argument.
                foreach (var child in value.ChildOperations)
                {
                    if (child is IArgumentOperation { Value.Type.SpecialType: SpecialType.System_String } argument)
                    {
                        AddReadFolders(argument.Value, folders, depth + 1, visited);
                    }
                }

                return;
        }
    }

    private sealed class Facts
    {
        public HashSet<string> UploadFolders { get; } = new(StringComparer.Ordinal);

        public HashSet<string> DownloadFolders { get; } = new(StringComparer.Ordinal);
    }
}
