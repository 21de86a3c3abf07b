using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ExposureChain;

/// <summary>What one project offers an exposure chain: its anonymously served folders and its personal writes (<see cref="CrossProjectChains.Collect"/>).</summary>
public sealed class ChainCandidates
{
    internal ChainCandidates(SSA0009ExposureChain.Judged? judged) => Judged = judged;

    internal SSA0009ExposureChain.Judged? Judged { get; }

    /// <summary>The folders the project serves to anonymous requests, by <see cref="Folder.Key"/>.</summary>
    public IEnumerable<string> ServedFolders
    {
        get
        {
            foreach (var registration in Judged?.Registrations ?? Array.Empty<SSA0009ExposureChain.Registration>())
            {
                if (registration.Serves)
                {
                    yield return registration.Folder!.Key;
                }
            }
        }
    }

    /// <summary>The folders the project writes files named after people into, by <see cref="Folder.Key"/> (an open folder ends with "/…").</summary>
    public IEnumerable<string> PersonalWriteFolders
    {
        get
        {
            foreach (var write in Judged?.Writes ?? Array.Empty<SSA0009ExposureChain.Write>())
            {
                yield return write.Folder!.ToString();
            }
        }
    }
}

/// <summary>
/// SSA0009 across the projects of one solution, for the audit tool (<c>ISolutionAnalysis</c> in
/// SecureStorageAnalyzers.Cli): a worker that writes recordings named after callers into a folder, and a web app that
/// serves that folder to anonymous requests. One compilation cannot see that; the tool hands every project's
/// compilation here. The served side is any of the chain's: a file-serving registration, an anonymous file endpoint
/// (SSA0005's), a public cloud container or bucket. Only folders that mean the same in two projects are linked: the
/// same configuration key (<c>config:Storage:Recordings</c>, <c>Storage:Recordings</c> in both projects' settings), the
/// same absolute path, or a container or bucket of the same name or configuration key; a content root, a web root, a
/// field or a client object are each project's own.
/// </summary>
public static class CrossProjectChains
{
    /// <summary>
    /// The names of what the chain reads, for the walk's syntax filter: file-serving registrations and file writes, file
    /// results of endpoints (SSA0005's), cloud grants and uploads (a call or a created type).
    /// </summary>
    private static bool IsCandidateName(string name) =>
        name is "UseStaticFiles" or "UseFileServer" or "UseDirectoryBrowser" or "SaveAs" or "CopyTo" or "CopyToAsync" or "MoveTo" or "Copy" or "Move" or
            "Replace" or "Open" or "OpenWrite" or "Create" or "CreateText" or "AppendText" or "FileStream" or "StreamWriter" or
            // file results (SSA0005)
            "File" or "PhysicalFile" or "Stream" or "Bytes" or "SendFileAsync" or
            // cloud grants and uploads (SSA0007/SSA0008, SSA0101's object keys)
            "CreateAsync" or "CreateIfNotExists" or "CreateIfNotExistsAsync" or "SetAccessPolicy" or "SetAccessPolicyAsync" or
            "CreateBlobContainer" or "CreateBlobContainerAsync" or "WithPolicy" or "Upload" or "UploadAsync" or "UploadBlob" or
            "UploadBlobAsync" or "UploadObject" or "UploadObjectAsync" or "WithObject" ||
        name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal) ||
        name.EndsWith("Result", StringComparison.Ordinal) || name.EndsWith("Request", StringComparison.Ordinal);

    /// <summary>
    /// The project's chain candidates, judged as SSA0009 judges them (the same rule code): a walk of its trees that binds
    /// only calls and creations named like something the chain reads (<see cref="IsCandidateName"/>) and assignments to
    /// a property named like one the chain's cloud grants set.
    /// </summary>
    public static ChainCandidates Collect(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var types = WellKnownTypes.GetOrCreate(compilation);
        if (SSA0009ExposureChain.CreateChainRule(types) is not { } rule)
        {
            return new ChainCandidates(null);
        }

        var assignedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in rule.AssignedProperties)
        {
            assignedNames.Add(property.Name);
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = node switch
                {
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
                    InvocationExpressionSyntax { Expression: SimpleNameSyntax simple } => simple.Identifier.ValueText,
                    ObjectCreationExpressionSyntax { Type: var type } => RightmostName(type),
                    AssignmentExpressionSyntax { Left: var left } when assignedNames.Count > 0 =>
                        left is SimpleNameSyntax or MemberAccessExpressionSyntax && assignedNames.Contains(RightmostName(left) ?? "") ? "=" : null,
                    _ => null,
                };
                if (name is null || name != "=" && !IsCandidateName(name))
                {
                    continue;
                }

#pragma warning disable RS1030 // Not an analyzer callback: the audit tool's solution-level pass over a finished compilation.
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                var operation = model.GetOperation(node, cancellationToken);
                if (operation is null)
                {
                    continue;
                }

                var containing = model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
                switch (operation)
                {
                    case IInvocationOperation invocation when containing is not null:
                        rule.NoteCall(invocation, invocation.TargetMethod, containing);
                        break;
                    case IObjectCreationOperation { Constructor: { } constructor } creation when containing is not null:
                        rule.NoteCall(creation, constructor, containing);
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                        rule.NoteAssignment(assignment, target.Property);
                        break;
                }
            }
        }

        return new ChainCandidates(rule.Judge(compilation, options, cancellationToken, needsBoth: false));
    }

    /// <summary>
    /// The SSA0009 findings that link projects: a folder one project serves anonymously, named by a configuration key or
    /// an absolute path, and files named after people that another project writes into it. One finding per served
    /// folder and project, on its first registration; the chains inside one project are the build's own.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Link(IReadOnlyList<ChainCandidates> projects)
    {
        var diagnostics = new List<Diagnostic>();
        for (var serving = 0; serving < projects.Count; serving++)
        {
            if (projects[serving].Judged is not { } served)
            {
                continue;
            }

            var comparable = new List<SSA0009ExposureChain.Registration>();
            foreach (var registration in served.Registrations)
            {
                if (IsSharedIdentity(registration.Folder!))
                {
                    comparable.Add(registration);
                }
            }

            if (comparable.Count == 0)
            {
                continue;
            }

            var chains = new Dictionary<Folder, List<SSA0009ExposureChain.Write>>();
            for (var writing = 0; writing < projects.Count; writing++)
            {
                if (writing == serving || projects[writing].Judged is not { } written)
                {
                    continue;
                }

                foreach (var write in written.Writes)
                {
                    if (SSA0009ExposureChain.Rule.MostSpecificServed(comparable, write.Folder!) is { } folder)
                    {
                        if (!chains.TryGetValue(folder, out var writes))
                        {
                            chains[folder] = writes = new List<SSA0009ExposureChain.Write>();
                        }

                        writes.Add(write);
                    }
                }
            }

            foreach (var chain in chains)
            {
                diagnostics.Add(SSA0009ExposureChain.Rule.Chain(chain.Key, chain.Value, comparable));
            }
        }

        return diagnostics;
    }

    /// <summary>
    /// A folder that means the same in every project: a configuration key or an absolute path; a cloud container or
    /// bucket by its name or its configuration key (one solution's projects share their storage accounts). A content
    /// root, a web root, a field or a client object are each project's own.
    /// </summary>
    private static bool IsSharedIdentity(Folder folder) =>
        folder.Root.StartsWith(Folder.ConfigPrefix, StringComparison.Ordinal) || string.Equals(folder.Root, Folder.Absolute, StringComparison.Ordinal) ||
        IsSharedCloudName(folder.Root, CloudContainers.ContainerPrefix) || IsSharedCloudName(folder.Root, CloudContainers.BucketPrefix);

    private static bool IsSharedCloudName(string root, string prefix) =>
        root.StartsWith(prefix, StringComparison.Ordinal) &&
        (string.CompareOrdinal(root, prefix.Length, "name:", 0, "name:".Length) == 0 ||
         string.CompareOrdinal(root, prefix.Length, Folder.ConfigPrefix, 0, Folder.ConfigPrefix.Length) == 0);

    private static string? RightmostName(SyntaxNode node) => node switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}
