using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.CodeFixes.Infrastructure;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.CodeFixes.PersonalData;

/// <summary>
/// SSA0101 fixes. A fix never changes which file the program finds:
/// <list type="bullet">
/// <item><b>Pseudonymize</b> (when <c>SSA0101.pseudonymization_methods</c> names a method): the method is deterministic,
/// so it is applied to every name the project builds from the same identifier (the rule's findings, writes and reads
/// alike), in one action, or to none: not when the identifier also goes into a name the rule does not report (a URL,
/// a suppressed finding) or when one of the places cannot take it.</item>
/// <item><b>Random name</b> (<c>Guid.NewGuid().ToString("N")</c>) where the program keeps the name it mints: the path is
/// held in a local that a storage call writes or creates a file at and that is returned, stored in a field, property,
/// element or collection, or passed to a method that is not a storage call; no storage call reads the local before the
/// first write; and no other place in the project builds a name from the same identifier.</item>
/// </list>
/// Anything else (a read, an exists check, a delete, a move of a name built elsewhere, a write whose name is thrown
/// away) gets no fix: the rule's page says what to change. Offered only where a string fits (an interpolation hole, a
/// string argument). Never an unkeyed hash.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SSA0101PersonalIdentifierInStoragePathCodeFixProvider)), Shared]
public sealed class SSA0101PersonalIdentifierInStoragePathCodeFixProvider : PackCodeFixProvider
{
    public const string UseRandomNameKey = "SSA0101_UseRandomName";
    public const string PseudonymizeKey = "SSA0101_Pseudonymize";

    /// <summary>
    /// Per compilation, which trees name which identifiers and the rule's findings per tree, computed once and shared by
    /// every finding of a Fix All or <c>dotnet format</c> run (all computed on the same solution), released with the
    /// compilation.
    /// </summary>
    private readonly ConditionalWeakTable<Compilation, ProjectIndex> _indexes = new();

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePath.Id);

    protected override string DefaultKey => UseRandomNameKey;

    protected override async Task RegisterAsync(CodeFixContext context, SyntaxNode root, SemanticModel model)
    {
        var cancellationToken = context.CancellationToken;
        var sinks = StorageSinks.Create(WellKnownTypes.GetOrCreate(model.Compilation));
        foreach (var diagnostic in context.Diagnostics)
        {
            // Through the project's own helper the path is built elsewhere: renaming the identifier here would not be safe.
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree || IsOnCall(diagnostic) ||
                diagnostic.Properties.ContainsKey(SSA0101PersonalIdentifierInStoragePath.ThroughHelperProperty) ||
                FindIdentifier(root, diagnostic.Location.SourceSpan) is not { } identifier ||
                !AcceptsString(model, identifier, cancellationToken) ||
                NameFlow.SymbolOf(model, identifier) is not { } target)
            {
                continue;
            }

            var index = _indexes.GetValue(model.Compilation, c => new ProjectIndex(c, context.Document.Project.AnalyzerOptions));
            var sites = await NameSites.FindAsync(context.Document.Project, index, target, cancellationToken).ConfigureAwait(false);
            if (sites.HasUnreportedName)
            {
                // The identifier also names something the fix would not change (a URL to the file, a suppressed finding):
                // changing only the reported places would break the link between them.
                continue;
            }

            // A path of several identifiers (firstName, lastName) is one finding; its other identifiers are the additional
            // locations after the storage call. All of them change together, or none does.
            var others = OtherIdentifiers(root, diagnostic);
            if (others is null)
            {
                continue;
            }

            if (diagnostic.Properties.TryGetValue(SSA0101PersonalIdentifierInStoragePath.PseudonymizerProperty, out var method) &&
                !string.IsNullOrEmpty(method))
            {
                foreach (var other in others)
                {
                    if (NameFlow.SymbolOf(model, other) is not { } otherTarget)
                    {
                        sites = null;
                        break;
                    }

                    var otherSites = await NameSites.FindAsync(context.Document.Project, index, otherTarget, cancellationToken).ConfigureAwait(false);
                    if (otherSites.HasUnreportedName)
                    {
                        sites = null;
                        break;
                    }

                    sites = sites.With(otherSites, context.Document.Id, other.Span);
                }

                if (sites is not null)
                {
                    await RegisterPseudonymizeAsync(context, diagnostic, identifier, target, sites, method!).ConfigureAwait(false);
                }

                continue;
            }

            if (others.Count > 0)
            {
                // One random name does not replace several identifiers: the pseudonymizer can, or the page says what to do.
                continue;
            }

            // A random name only where the program keeps the name it minted, and nothing else rebuilds it.
            var trace = NameFlow.Trace(model, sinks, identifier);
            if (sites.Reported.Any(site => !(site.Document == context.Document.Id && trace.Value.Span.Contains(site.Span))) ||
                !KeepsTheWrittenName(model, sinks, trace, cancellationToken) ||
                SyntaxEdits.ShortestBindingName(model, identifier.SpanStart, "System.Guid.NewGuid") is not { } newGuid)
            {
                continue;
            }

            var random = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.InvocationExpression(newGuid), SyntaxFactory.IdentifierName("ToString")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("N"))))));
            RegisterEdit(context, diagnostic, "Use an opaque random name (Guid.NewGuid()): the program keeps the name it writes", UseRandomNameKey, editor => editor.ReplaceNode(identifier, random.WithTriviaFrom(identifier)));
        }
    }

    /// <summary>
    /// A finding placed on the storage call because its identifier came through a local (the analyzer's rule for
    /// findings an IDE must show): its primary location is not an identifier, and no fix is offered there.
    /// </summary>
    private static bool IsOnCall(Diagnostic finding) =>
        finding.Properties.ContainsKey(SSA0101PersonalIdentifierInStoragePath.OnCallProperty);

    /// <summary>
    /// The identifiers of the finding besides its primary one (its additional locations after the first, which is the
    /// storage call), or null when one of them cannot be found in this document.
    /// </summary>
    private static List<ExpressionSyntax>? OtherIdentifiers(SyntaxNode root, Diagnostic diagnostic)
    {
        var others = new List<ExpressionSyntax>();
        for (var i = 1; i < diagnostic.AdditionalLocations.Count; i++)
        {
            var location = diagnostic.AdditionalLocations[i];
            if (!location.IsInSource || location.SourceTree != root.SyntaxTree || FindIdentifier(root, location.SourceSpan) is not { } other)
            {
                return null;
            }

            others.Add(other);
        }

        return others;
    }

    /// <summary>
    /// Wraps every reported place that builds a name from <paramref name="target"/> in the configured method, in one
    /// action, when every one of them can take it.
    /// </summary>
    private static async Task RegisterPseudonymizeAsync(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax identifier,
        ISymbol target, NameSites sites, string method)
    {
        var places = sites.Reported.ToList();
        if (!places.Any(p => p.Document == context.Document.Id && p.Span == identifier.Span))
        {
            places.Add((context.Document.Id, identifier.Span));
        }

        var solution = context.Document.Project.Solution;
        foreach (var group in places.GroupBy(p => p.Document))
        {
            var document = solution.GetDocument(group.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var (_, span) in group)
            {
                if (FindIdentifier(root, span) is not { } place || !AcceptsString(model, place, context.CancellationToken) ||
                    SyntaxEdits.ShortestBindingName(model, place.SpanStart, method) is null)
                {
                    // One place cannot take the pseudonym: none gets it, or the places would name different files.
                    return;
                }
            }
        }

        var count = places.Count;
        context.RegisterCodeFix(
            CodeAction.Create(
                count == 1 ? $"Pseudonymize with {method}()" : $"Pseudonymize with {method}() in the {count} names built from '{target.Name}'",
                ct => PseudonymizeAsync(solution, places, method, ct),
                PseudonymizeKey),
            diagnostic);
    }

    private static async Task<Solution> PseudonymizeAsync(Solution solution, List<(DocumentId Document, TextSpan Span)> places,
        string method, CancellationToken cancellationToken)
    {
        var result = solution;
        foreach (var group in places.GroupBy(p => p.Document))
        {
            var document = solution.GetDocument(group.Key);
            var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = document is null ? null : await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                continue;
            }

            var nodes = group.Select(p => FindIdentifier(root, p.Span)).OfType<ExpressionSyntax>().ToList();
            var newRoot = root.ReplaceNodes(nodes, (original, _) =>
                SyntaxEdits.ShortestBindingName(model, original.SpanStart, method) is { } name
                    ? SyntaxFactory.InvocationExpression(name, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.Argument(original.WithoutTrivia())))).WithTriviaFrom(original)
                    : original);
            result = result.WithDocumentSyntaxRoot(group.Key, newRoot);
        }

        return result;
    }

    /// <summary>
    /// True when the traced value is held in a local that a storage call writes or creates a file at, and that the
    /// program keeps (returns it, stores it in a field, property, element or collection, or passes it to a method that is
    /// not a storage call); no storage call reads the local before the first write, and the local is never reassigned.
    /// </summary>
    private static bool KeepsTheWrittenName(SemanticModel model, StorageSinks sinks, NameTrace trace, CancellationToken cancellationToken)
    {
        if (trace.End != NameEnd.Local || trace.Local is not { } local || NameFlow.Scope(local) is not { } scope)
        {
            return false;
        }

        var firstWrite = int.MaxValue;
        var kept = false;
        var otherStorage = new List<int>();
        foreach (var reference in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (reference.Identifier.ValueText != local.Name ||
                !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (reference.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference ||
                reference.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not (int)SyntaxKind.None })
            {
                return false;
            }

            var use = NameFlow.Trace(model, sinks, reference);
            switch (use.End)
            {
                case NameEnd.StorageWrite:
                    firstWrite = System.Math.Min(firstWrite, reference.SpanStart);
                    break;
                case NameEnd.StorageOther:
                    otherStorage.Add(reference.SpanStart);
                    break;
                case NameEnd.Kept:
                    kept = true;
                    break;
                case NameEnd.Local:
                    // Copied into another local: not followed, so not known to be kept.
                    return false;
            }
        }

        return firstWrite != int.MaxValue && kept && otherStorage.All(position => position > firstWrite);
    }

    /// <summary>The identifier expression a finding sits on.</summary>
    internal static ExpressionSyntax? FindIdentifier(SyntaxNode root, TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        node = node switch
        {
            ArgumentSyntax argument => argument.Expression,
            InterpolationSyntax interpolation => interpolation.Expression,
            _ => node,
        };

        return node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == span) ?? node as ExpressionSyntax;
    }

    /// <summary>
    /// The key of the fix a finding in <paramref name="document"/> gets first: pseudonymize when
    /// <c>SSA0101.pseudonymization_methods</c> is set for the file (the analyzer then names the method on the finding),
    /// otherwise the random name.
    /// </summary>
    protected override async Task<string> DefaultKeyAsync(Document document, CancellationToken cancellationToken)
    {
        var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return DefaultKey;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return PersonalDataOptions.Read(options).PseudonymizationMethods.IsEmpty ? DefaultKey : PseudonymizeKey;
    }

    /// <summary>True when a string can stand where <paramref name="expression"/> is: an interpolation hole, or a string/object slot.</summary>
    private static bool AcceptsString(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression.Parent is InterpolationSyntax)
        {
            return true;
        }

        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        return converted?.SpecialType is SpecialType.System_String or SpecialType.System_Object;
    }

    /// <summary>
    /// Every place in the project that builds a name from one identifier (matched by symbol, or for parameters and
    /// locals by name and type): the rule's own findings, and whether the identifier also goes into a name the rule does
    /// not report (a URL to the file, a suppressed or excluded finding), which no fix would change.
    /// </summary>
    private sealed class NameSites
    {
        private NameSites(List<(DocumentId Document, TextSpan Span)> reported, bool hasUnreportedName)
        {
            Reported = reported;
            HasUnreportedName = hasUnreportedName;
        }

        /// <summary>The identifier expressions of the rule's findings on the identifier.</summary>
        public List<(DocumentId Document, TextSpan Span)> Reported { get; }

        public bool HasUnreportedName { get; }

        /// <summary>These places and those of <paramref name="other"/>, plus one more place, as one set.</summary>
        public NameSites With(NameSites other, DocumentId document, TextSpan span)
        {
            var reported = new List<(DocumentId, TextSpan)>(Reported);
            foreach (var site in other.Reported.Append((document, span)))
            {
                if (!reported.Contains(site))
                {
                    reported.Add(site);
                }
            }

            return new NameSites(reported, HasUnreportedName || other.HasUnreportedName);
        }

        private static IEnumerable<TextSpan> IdentifierSpans(Diagnostic finding)
        {
            if (!IsOnCall(finding))
            {
                yield return finding.Location.SourceSpan;
            }

            for (var i = 1; i < finding.AdditionalLocations.Count; i++)
            {
                yield return finding.AdditionalLocations[i].SourceSpan;
            }
        }

        public static async Task<NameSites> FindAsync(Project project, ProjectIndex index, ISymbol target, CancellationToken cancellationToken)
        {
            var reported = new List<(DocumentId, TextSpan)>();
            var unreported = false;
            var compilation = index.Compilation;
            var sinks = StorageSinks.Create(WellKnownTypes.GetOrCreate(compilation));
            foreach (var tree in index.TreesNaming(target.Name, cancellationToken))
            {
                if (project.GetDocumentId(tree) is not { } documentId)
                {
                    continue;
                }

                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var model = compilation.GetSemanticModel(tree);
                var occurrences = root.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(n => n.Identifier.ValueText == target.Name &&
                                NameFlow.IsSameIdentifier(model.GetSymbolInfo(n, cancellationToken).Symbol, target))
                    .ToList();
                if (occurrences.Count == 0)
                {
                    continue;
                }

                var findings = await index.FindingsAsync(tree, cancellationToken).ConfigureAwait(false);
                foreach (var name in occurrences)
                {
                    // A finding's identifiers: its primary location, and its additional locations after the storage call.
                    var found = findings.Select(d => IdentifierSpans(d).FirstOrDefault(span => span.Contains(name.Span)))
                        .FirstOrDefault(span => span != default);
                    if (found != default)
                    {
                        var site = (documentId, found);
                        if (!reported.Contains(site))
                        {
                            reported.Add(site);
                        }

                        continue;
                    }

                    unreported |= IsUnreportedName(model, sinks, NameFlow.ExpressionOf(name), cancellationToken);
                }
            }

            return new NameSites(reported, unreported);
        }

        /// <summary>True when an occurrence the rule does not report still goes into a name: a storage path, a path-like string or URL.</summary>
        private static bool IsUnreportedName(SemanticModel model, StorageSinks sinks, ExpressionSyntax occurrence, CancellationToken cancellationToken)
        {
            var trace = NameFlow.Trace(model, sinks, occurrence);
            if (trace.End == NameEnd.Message)
            {
                return false;
            }

            if (trace.LooksLikeName || trace.End is NameEnd.StorageWrite or NameEnd.StorageOther)
            {
                return true;
            }

            if (trace.End != NameEnd.Local || trace.Local is not { } local || NameFlow.Scope(local) is not { } scope)
            {
                return false;
            }

            // Copied into a local first (var name = phone;): any use of the local as a name counts.
            foreach (var reference in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (reference.Identifier.ValueText == local.Name &&
                    SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol, local))
                {
                    var use = NameFlow.Trace(model, sinks, reference);
                    if (use.End != NameEnd.Message && (use.LooksLikeName || use.End is NameEnd.StorageWrite or NameEnd.StorageOther))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
    /// <summary>One compilation's identifier names by tree, and the rule's findings per tree, each computed once.</summary>
    private sealed class ProjectIndex
    {
        private readonly AnalyzerOptions _options;
        private readonly object _gate = new();
        private readonly ConcurrentDictionary<SyntaxTree, Task<ImmutableArray<Diagnostic>>> _findings = new();
        private Dictionary<string, List<SyntaxTree>>? _trees;
        private CompilationWithAnalyzers? _analyzers;

        public ProjectIndex(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            _options = options;
        }

        public Compilation Compilation { get; }

        /// <summary>The trees that hold an identifier spelled <paramref name="name"/>.</summary>
        public IReadOnlyList<SyntaxTree> TreesNaming(string name, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_trees is null)
                {
                    var trees = new Dictionary<string, List<SyntaxTree>>(System.StringComparer.Ordinal);
                    foreach (var tree in Compilation.SyntaxTrees)
                    {
                        foreach (var identifier in tree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
                        {
                            var text = identifier.Identifier.ValueText;
                            if (!trees.TryGetValue(text, out var list))
                            {
                                trees[text] = list = new List<SyntaxTree>();
                            }

                            if (list.Count == 0 || list[list.Count - 1] != tree)
                            {
                                list.Add(tree);
                            }
                        }
                    }

                    _trees = trees;
                }

                return _trees.TryGetValue(name, out var found) ? found : (IReadOnlyList<SyntaxTree>)System.Array.Empty<SyntaxTree>();
            }
        }

        /// <summary>The rule's findings in <paramref name="tree"/>.</summary>
        public Task<ImmutableArray<Diagnostic>> FindingsAsync(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var task = _findings.GetOrAdd(tree, t => ComputeAsync(t, cancellationToken));
            if (task.IsCanceled || task.IsFaulted)
            {
                // A run cancelled by an earlier caller: compute again for this one.
                _findings.TryRemove(tree, out _);
                task = _findings.GetOrAdd(tree, t => ComputeAsync(t, cancellationToken));
            }

            return task;
        }

        private async Task<ImmutableArray<Diagnostic>> ComputeAsync(SyntaxTree tree, CancellationToken cancellationToken)
        {
            CompilationWithAnalyzers analyzers;
            lock (_gate)
            {
                analyzers = _analyzers ??= Compilation.WithAnalyzers(
                    ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzer(PackRules.SSA0101)), _options);
            }

            var diagnostics = await analyzers.GetAnalyzerSemanticDiagnosticsAsync(Compilation.GetSemanticModel(tree), null, cancellationToken)
                .ConfigureAwait(false);
            return diagnostics.Where(d => d.Id == SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePath.Id && d.Location.SourceTree == tree)
                .ToImmutableArray();
        }
    }
}
