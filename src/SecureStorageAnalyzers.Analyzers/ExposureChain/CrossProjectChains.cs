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

    /// <summary>The project's assembly name, by which other projects reference it.</summary>
    internal string AssemblyName { get; set; } = string.Empty;

    /// <summary>The names of the assemblies the project references (its project references among them).</summary>
    internal IReadOnlyCollection<string> References { get; set; } = Array.Empty<string>();

    /// <summary>
    /// A class library that builds no app pipeline of its own: it runs inside the process of the app that references it,
    /// so its <c>IWebHostEnvironment</c> roots and its current directory are that app's.
    /// </summary>
    internal bool IsLibrary { get; set; }

    /// <summary>The project keeps the host's default roots (<see cref="FolderModel.KeepsDefaultRoots"/>): its current directory is its content root.</summary>
    internal bool KeepsDefaultRoots { get; set; }

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
/// same absolute path, or a container or bucket of the same name or configuration key; a field or a client object is
/// each project's own. A content root, a web root and the current directory are the app's that runs the code: a class
/// library (no pipeline of its own) that the serving app references, directly or through other projects, writes under
/// that app's roots (its injected <c>IWebHostEnvironment</c>, its process's current directory, read as the content
/// root only when the app keeps the host's default roots); any other project's roots are its own.
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
                    ObjectCreationExpressionSyntax { Type: var type } => SyntaxNames.Rightmost(type),
                    AssignmentExpressionSyntax { Left: var left } when assignedNames.Count > 0 =>
                        left is SimpleNameSyntax or MemberAccessExpressionSyntax && assignedNames.Contains(SyntaxNames.Rightmost(left) ?? "") ? "=" : null,
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

        var judged = rule.Judge(compilation, options, cancellationToken, needsBoth: false);
        var references = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            references.Add(identity.Name);
        }

        return new ChainCandidates(judged)
        {
            AssemblyName = compilation.AssemblyName ?? string.Empty,
            References = references,
            IsLibrary = compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary &&
                        !CompilationFacts.For(types).Get(compilation, options, cancellationToken).HostsPipeline,
            KeepsDefaultRoots = FolderModel.For(types).KeepsDefaultRoots(cancellationToken),
        };
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
            var ownRoots = new List<SSA0009ExposureChain.Registration>();
            foreach (var registration in served.Registrations)
            {
                if (IsSharedIdentity(registration.Folder!))
                {
                    comparable.Add(registration);
                }
                else if (IsHostRoot(registration.Folder!))
                {
                    ownRoots.Add(registration);
                }
            }

            if (comparable.Count == 0 && ownRoots.Count == 0)
            {
                continue;
            }

            var referenced = ownRoots.Count == 0 ? null : ReferencedProjects(projects, serving);
            var chains = new Dictionary<Folder, List<SSA0009ExposureChain.Write>>();
            var linked = new List<SSA0009ExposureChain.Registration>();
            for (var writing = 0; writing < projects.Count; writing++)
            {
                if (writing == serving || projects[writing].Judged is not { } written)
                {
                    continue;
                }

                // A library the serving app references runs in its process: its web root, content root and current
                // directory are the app's (the app's own defaults decide what a current-directory path is).
                var inProcess = referenced is not null && referenced.Contains(writing) && projects[writing].IsLibrary;
                foreach (var write in written.Writes)
                {
                    var candidates = comparable;
                    if (inProcess && IsHostRoot(write.Folder!) && (!write.FromCurrentDirectory || projects[serving].KeepsDefaultRoots))
                    {
                        linked.Clear();
                        linked.AddRange(comparable);
                        linked.AddRange(ownRoots);
                        candidates = linked;
                    }

                    if (SSA0009ExposureChain.Rule.MostSpecificServed(candidates, write.Folder!) is { } folder)
                    {
                        if (!chains.TryGetValue(folder, out var writes))
                        {
                            chains[folder] = writes = new List<SSA0009ExposureChain.Write>();
                        }

                        writes.Add(write);
                    }
                }
            }

            var all = new List<SSA0009ExposureChain.Registration>(comparable);
            all.AddRange(ownRoots);
            foreach (var chain in chains)
            {
                diagnostics.Add(SSA0009ExposureChain.Rule.Chain(chain.Key, chain.Value, all));
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

    /// <summary>A folder under the app's own web root or content root (what a library in its process reaches through the app's roots).</summary>
    private static bool IsHostRoot(Folder folder) =>
        string.Equals(folder.Root, Folder.WebRoot, StringComparison.Ordinal) || string.Equals(folder.Root, Folder.ContentRoot, StringComparison.Ordinal);

    /// <summary>The indexes of the projects <paramref name="serving"/> references, directly or through other projects of the solution.</summary>
    private static HashSet<int> ReferencedProjects(IReadOnlyList<ChainCandidates> projects, int serving)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < projects.Count; i++)
        {
            if (projects[i].AssemblyName.Length > 0 && !byName.ContainsKey(projects[i].AssemblyName))
            {
                byName[projects[i].AssemblyName] = i;
            }
        }

        var found = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(serving);
        while (pending.Count > 0)
        {
            foreach (var name in projects[pending.Pop()].References)
            {
                if (byName.TryGetValue(name, out var index) && index != serving && found.Add(index))
                {
                    pending.Push(index);
                }
            }
        }

        return found;
    }

    private static bool IsSharedCloudName(string root, string prefix) =>
        root.StartsWith(prefix, StringComparison.Ordinal) &&
        (string.CompareOrdinal(root, prefix.Length, "name:", 0, "name:".Length) == 0 ||
         string.CompareOrdinal(root, prefix.Length, Folder.ConfigPrefix, 0, Folder.ConfigPrefix.Length) == 0);
}
