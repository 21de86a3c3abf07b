using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Hosting;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// What SSA0001, SSA0002 and SSA0005 need to know about the whole compilation, whatever file they judge: whether a
/// fallback authorization policy is set anywhere, the pipeline's <c>UseAuthorization()</c>, branches and calls of the
/// project's own pipeline extensions (<see cref="PipelineModel"/>), a global <c>AuthorizeFilter</c>,
/// <c>MapControllers().RequireAuthorization()</c> and the methods mapped as method groups
/// (<see cref="EndpointAuthorization"/>), the folders the project writes request data into
/// (<see cref="RequestDataFolders"/>), and whether any directory-listing middleware is turned on (SSA0002).
/// </summary>
/// <remarks>
/// <para>
/// Found once per compilation (and analyzer options), on the first question, so the rules judge a registration in the
/// operation action that sees it and report there: live in the IDE's default scope (document-scoped analysis runs no
/// compilation-end action, and keeps an operation action's findings only inside that operation's document), and the
/// same findings in a build, which asks the same facts. Thread-safe: the first caller computes under a lock, the others
/// wait for it; a cancelled computation leaves nothing behind, and the next caller starts again.
/// </para>
/// <para>
/// How: a syntax pre-scan of every tree (<see cref="Compilation.SyntaxTrees"/>, generated ones too) looks for the
/// identifiers the recorded calls and assignments are spelled with (the names of the recorded methods, properties and
/// types, the project's own extension methods on an application builder (told by their declared symbols) and configured
/// helpers, and <c>using</c> aliases of the recorded types),
/// and binds only those nodes (<see cref="SemanticModel.GetOperation"/>). The recorders then decide by symbol, as the
/// operation actions did: the names only choose what to bind. Method names cannot be aliased, a recorded type can only
/// through a <c>using</c> alias (collected first) or a target-typed <c>new()</c> (bound in the files that name the type).
/// Syntax also skips what cannot record anything: a map call none of whose arguments may be a method group, a
/// <c>RequireAuthorization()</c> whose receiver chain holds no <c>MapControllers()</c>-like call.
/// </para>
/// <para>
/// What a tree says by syntax alone is kept per <see cref="SyntaxTree"/> in the analyzer's <see cref="SyntaxCache"/>
/// (its extension-method and alias declarations, and its candidate nodes for a given set of names), so the next
/// compilation, which an IDE makes after every edit and which reuses every unchanged tree, walks only the changed trees
/// and binds the candidates of all of them in its own semantic models. The cache holds nothing of a compilation
/// (no symbol, no semantic model, no option): a candidate list is reused only for exactly the same names.
/// </para>
/// <para>
/// What a tree's candidates record is kept per tree too (<see cref="TreeFacts"/>: booleans, pipeline events and
/// method-group mappings that name symbols by <see cref="SymbolIdentity"/>), and a compilation's facts are its trees'
/// added up. A tree's recorded facts are taken over from an earlier compilation while everything they depend on is the
/// same: the tree object, the compilation's <see cref="DeclarationShape"/> (what each candidate binds to is decided by
/// the tree itself and the declarations of all trees and references), the names that chose the candidates, the helper
/// settings of the tree, and the other trees their locations point into. After a keystroke inside a body only the
/// edited tree is bound again. The shape is taken lazily (<see cref="DeclarationShape"/>: trees held weakly, a tree's
/// skeleton walked only where two compilations' trees differ), so a build, which sees one compilation, walks nothing for
/// it, and the IDE's first keystroke after loading the project already reuses the other trees' facts.
/// </para>
/// <para>
/// The folders written with request data are a second scan (<see cref="GetRequestData"/>), run only when SSA0001 meets a
/// served folder that is not private by its name: it binds every <c>CopyTo[Async]</c> call, which real code has in many
/// files.
/// </para>
/// </remarks>
internal sealed class CompilationFacts
{
    private readonly WellKnownTypes _types;
    private readonly ConditionalWeakTable<AnalyzerOptions, Holder> _byOptions = new();
    private SyntaxCache? _syntax;

    private CompilationFacts(WellKnownTypes types) => _types = types;

    /// <summary>
    /// Lets the scans of this compilation read and fill <paramref name="cache"/>, the per-tree syntax results of the
    /// analyzer's earlier compilations. The first cache handed over stays; without one every tree is walked.
    /// </summary>
    public void UseSyntaxCache(SyntaxCache cache) => Interlocked.CompareExchange(ref _syntax, cache, null);

    /// <summary>The analyzer's per-tree syntax cache, when one was handed over (<see cref="UseSyntaxCache"/>); the folder model keeps its per-tree index there too.</summary>
    internal SyntaxCache? Syntax => Volatile.Read(ref _syntax);

    private Dictionary<SyntaxTree, List<int>?[]>? _bindingWords;

    /// <summary>
    /// Where each tree the pre-scan read spells the words of <see cref="FolderModel.BindingNames"/> (by their index; null
    /// when it does not): the positions <c>FolderModel</c>'s index would find by searching the text, found in the
    /// pre-scan's own pass. A tree is here only when its text is ASCII without a Unicode escape and was scanned in this
    /// compilation; null until the pre-scan has run. Read-only once handed out.
    /// </summary>
    internal IReadOnlyDictionary<SyntaxTree, List<int>?[]>? BindingWords => Volatile.Read(ref _bindingWords);

    /// <summary>The instance of the compilation, shared by the rules that ask.</summary>
    public static CompilationFacts For(WellKnownTypes types) => types.Shared(static t => new CompilationFacts(t));

    /// <summary>
    /// The authorization and listing facts, found on first use. <paramref name="compilation"/> is the one
    /// <see cref="WellKnownTypes"/> was made for.
    /// </summary>
    public Facts Get(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        _byOptions.GetValue(options, static _ => new Holder()).Get(this, compilation, options, requestData: false, cancellationToken);

    /// <summary>
    /// The folders the project writes request data into, found on first use: a scan of its own, because it binds every
    /// <c>CopyTo[Async]</c> call, and only SSA0001 asks, only for a served folder that is not private by its name.
    /// </summary>
    public RequestDataFolders GetRequestData(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken) =>
        _byOptions.GetValue(options, static _ => new Holder()).Get(this, compilation, options, requestData: true, cancellationToken).RequestData;

    /// <summary>
    /// The symbol whose body an operation is written in, as the rules and the recorded events name it: the method,
    /// top-level <c>Main</c>, accessor, field or property, never a lambda or local function inside it.
    /// </summary>
    public static ISymbol? OwnerOf(IOperation operation, CancellationToken cancellationToken)
    {
        var symbol = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>The facts of one compilation and options, each kind computed once.</summary>
    private sealed class Holder
    {
        private readonly object _gate = new();
        private Facts? _facts;
        private Facts? _requestData;

        public Facts Get(CompilationFacts owner, Compilation compilation, AnalyzerOptions options, bool requestData, CancellationToken cancellationToken)
        {
            var facts = requestData ? Volatile.Read(ref _requestData) : Volatile.Read(ref _facts);
            if (facts is not null)
            {
                return facts;
            }

            lock (_gate)
            {
                facts = requestData ? _requestData : _facts;
                if (facts is null)
                {
                    facts = new Facts(owner._types);
                    new Scan(facts, compilation, options, requestData, Volatile.Read(ref owner._syntax), cancellationToken).Run();
                    facts.Complete();
                    if (requestData)
                    {
                        Volatile.Write(ref _requestData, facts);
                    }
                    else
                    {
                        Volatile.Write(ref _facts, facts);
                    }
                }

                return facts;
            }
        }
    }

    /// <summary>The recorded facts. Complete when handed out: nothing records into them afterwards.</summary>
    internal sealed class Facts
    {
        private int _listing;

        public Facts(WellKnownTypes types)
        {
            Types = types;
            var model = AuthorizationModel.For(types);
            Pipeline = model.Pipeline;
            Endpoints = model.Endpoints;
            RequestData = new RequestDataFolders(types, StorageSinks.Create(types));
            Helpers = AuthorizationHelpers.Cache.For(types);
        }

        public WellKnownTypes Types { get; }

        /// <summary>The compilation's pipeline model (<see cref="AuthorizationModel"/>): its symbols and what a call is.</summary>
        public PipelineModel Pipeline { get; }

        /// <summary>The compilation's endpoint-authorization model (<see cref="AuthorizationModel"/>).</summary>
        public EndpointAuthorization Endpoints { get; }

        /// <summary>
        /// What the trees recorded, added up: the fallback policy, the pipeline's authorization, branch and
        /// project-extension events, global authorize filters, <c>MapControllers().RequireAuthorization()</c>, method-group
        /// mappings.
        /// </summary>
        public AuthorizationRecord Authorization { get; } = new();

        /// <summary>The variables of the folders the project writes request data into (filled by the request-data scan only).</summary>
        public RequestDataFolders RequestData { get; }

        /// <summary>The events of <see cref="Authorization"/>, once recorded (for <see cref="PipelineModel.RunsAfterAuthorization"/>).</summary>
        public IReadOnlyList<PipelineEvent> PipelineEvents { get; private set; } = System.Array.Empty<PipelineEvent>();

        /// <summary>True when a directory-listing middleware is turned on anywhere, in Development or not.</summary>
        public bool HasListingMiddleware => _listing != 0;

        /// <summary>True when the compilation builds an app's pipeline (<see cref="WebRootServing.IsHost"/>).</summary>
        public bool HostsPipeline => _hostsPipeline != 0;

        /// <summary>True when a middleware that serves the web root is registered anywhere (<see cref="WebRootServing.ServesWebRoot"/>).</summary>
        public bool ServesWebRoot => _servesWebRoot != 0;

        /// <summary>
        /// True when the compilation builds its pipeline and registers nothing that serves the web root: a file written
        /// there is not served (SSA0006).
        /// </summary>
        public bool WebRootNotServed => HostsPipeline && !ServesWebRoot;

        private int _hostsPipeline;
        private int _servesWebRoot;

        internal void RecordWebRoot(bool hostsPipeline, bool servesWebRoot)
        {
            if (hostsPipeline)
            {
                _hostsPipeline = 1;
            }

            if (servesWebRoot)
            {
                _servesWebRoot = 1;
            }
        }

        internal AuthorizationHelpers.Cache Helpers { get; }

        internal void RecordListing() => _listing = 1;

        internal void Complete() => PipelineEvents = new List<PipelineEvent>(Authorization.Events);
    }

    /// <summary>The pre-scan: candidate names from declarations, then candidate nodes of every tree, bound and recorded.</summary>
    private sealed class Scan
    {
        private readonly Facts _facts;
        private readonly Compilation _compilation;
        private readonly AnalyzerOptions _options;
        private readonly bool _requestData;
        private readonly SyntaxCache? _cache;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<string> _callNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _helperNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _mapNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _requireNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _controllersNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _assignedNames = new(System.StringComparer.Ordinal);
        private readonly HashSet<string> _createdNames = new(System.StringComparer.Ordinal);

        public Scan(Facts facts, Compilation compilation, AnalyzerOptions options, bool requestData, SyntaxCache? cache, CancellationToken cancellationToken)
        {
            _facts = facts;
            _compilation = compilation;
            _options = options;
            _requestData = requestData;
            _cache = cache;
            _cancellationToken = cancellationToken;
        }

        public void Run()
        {
            DeclarationShape? shape = null;
            if (_requestData)
            {
                AddNames(_callNames, _facts.RequestData.CopyMethods);
            }
            else
            {
                var types = _facts.Types;
                AddNames(_callNames, _facts.Pipeline.RecordedMethods);
                AddNames(_mapNames, _facts.Endpoints.MapEndpointMethods);
                AddNames(_requireNames, _facts.Endpoints.RequireAuthorizationMethods);
                AddNames(_controllersNames, _facts.Endpoints.MapControllersMethods);
                AddNames(_callNames, types.UseDirectoryBrowser);
                AddNames(_callNames, types.UseFileServerWithBrowsingFlag);
                AddNames(_callNames, WebRootServing.For(types).RecordedMethods);
                AddName(_assignedNames, _facts.Pipeline.FallbackPolicy);
                AddName(_assignedNames, types.FileServerOptionsEnableDirectoryBrowsing);
                AddName(_createdNames, _facts.Endpoints.RecordedCreation);

                // First pass, declarations only: the project's own extension methods on an application builder (a call of
                // one is a pipeline step), and aliases of the recorded types. Which methods are such extensions is decided by
                // their declared symbols; when no declaration of any file changed since the analyzer's previous compilation
                // (same references and options, every tree the same or different only inside bodies), the previous answer
                // holds and nothing is bound for it.
                // The shape is taken lazily (its trees held weakly; a skeleton walked only where a tree differs from the
                // previous shape's): a build, which sees one compilation, walks nothing for it.
                shape = _cache is null ? null : _cache.Canonical(DeclarationShape.Of(_compilation, _cache, _cancellationToken), _cancellationToken);
                var known = shape is null ? null : _cache!.PipelineExtensions(shape, _cancellationToken);
                var found = known is null && shape is not null ? new List<string>() : null;
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    foreach (var name in _facts.Helpers.For(_options, tree).MethodNames)
                    {
                        _helperNames.Add(name);
                    }

                    var declarations = _cache?.Get(tree).Declarations(tree, _cancellationToken) ?? TreeDeclarations.Of(tree, _cancellationToken);
                    if (known is null)
                    {
                        AddPipelineExtensions(tree, declarations.ExtensionMethods, found);
                    }

                    foreach (var (alias, target) in declarations.Aliases)
                    {
                        if (_createdNames.Contains(target))
                        {
                            _createdNames.Add(alias);
                        }
                    }
                }

                if (known is not null)
                {
                    foreach (var name in known)
                    {
                        _callNames.Add(name);
                    }
                }
                else if (shape is not null)
                {
                    _cache!.RememberPipelineExtensions(shape, found!.ToArray());
                }
            }

            var bindingWords = _requestData ? null : new Dictionary<SyntaxTree, List<int>?[]>();
            var names = new NameKey(_requestData, _callNames, _helperNames, _mapNames, _requireNames, _controllersNames, _assignedNames, _createdNames);
            var sameNames = new HashSet<NameKey>();
            var otherNames = new HashSet<NameKey>();
            bool SameNames(NameKey other)
            {
                if (ReferenceEquals(other, names) || sameNames.Contains(other))
                {
                    return true;
                }

                if (otherNames.Contains(other))
                {
                    return false;
                }

                return other.SameAs(names) ? sameNames.Add(other) : !otherNames.Add(other);
            }

            foreach (var tree in _compilation.SyntaxTrees)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var entry = _cache?.Get(tree);

                // The facts of a tree recorded in an earlier compilation hold while what they depend on is the same: the
                // tree (the same object), every declaration of the compilation (its shape: the symbols each candidate binds
                // to, the attributes of a handler declared elsewhere), the names that chose the candidates, the helpers
                // configured for the tree, and the other trees a recorded location points into.
                var configuration = _requestData ? null : HelperConfiguration(tree);
                if (!_requestData && shape is not null && entry!.Facts is { } kept && ReferenceEquals(kept.Shape, shape) &&
                    string.Equals(kept.Configuration, configuration, System.StringComparison.Ordinal) && SameNames(kept.Names) && kept.PointsInto(_compilation))
                {
                    kept.AddTo(_facts);
                    _cache!.CountReused();
                    continue;
                }

                ImmutableArray<SyntaxNode> candidates;
                if (entry is null)
                {
                    candidates = ScanTree(tree, bindingWords);
                }
                else
                {
                    var found = entry.Candidates(_requestData);
                    if (found is not null && SameNames(found.Names))
                    {
                        candidates = found.Nodes;
                    }
                    else
                    {
                        candidates = ScanTree(tree, bindingWords);
                        entry.Remember(_requestData, new TreeCandidates(names, candidates));
                    }
                }

                if (_requestData)
                {
                    if (candidates.Length > 0)
                    {
                        var model = GetModel(tree);
                        foreach (var candidate in candidates)
                        {
                            RecordRequestData(model, candidate);
                        }
                    }

                    continue;
                }

                var facts = RecordTree(tree, candidates, shape, names, configuration!);
                _cache?.CountComputed(bound: candidates.Length > 0);
                if (shape is not null)
                {
                    entry!.Remember(facts);
                }

                facts.AddTo(_facts);
            }

            if (bindingWords is not null)
            {
                var owner = For(_facts.Types);
                Interlocked.CompareExchange(ref owner._bindingWords, bindingWords, null);
            }
        }

        /// <summary>
        /// The configured helpers' settings that apply to <paramref name="tree"/>, as text: what the tree's recorded facts
        /// depend on in the options (the helpers are resolved by the compilation's declarations, which the shape covers).
        /// </summary>
        private string HelperConfiguration(SyntaxTree tree)
        {
            var (methods, attributes, fallback) = AuthorizationHelpers.Settings(_options.AnalyzerConfigOptionsProvider.GetOptions(tree));
            return methods.Length + attributes.Length + fallback.Length == 0 ? string.Empty : methods + "\n" + attributes + "\n" + fallback;
        }

        /// <summary>
        /// Binds the candidates of one tree and records them, through the compilation's models, into a record of the tree's
        /// own, kept as the tree's facts: nothing of the compilation stays in it (events and mappings name symbols by
        /// <see cref="SymbolIdentity"/>).
        /// </summary>
        private TreeFacts RecordTree(SyntaxTree tree, ImmutableArray<SyntaxNode> candidates, DeclarationShape? shape, NameKey names, string configuration)
        {
            if (candidates.IsEmpty)
            {
                return new TreeFacts(shape, names, configuration);
            }

            var record = new AuthorizationRecord();
            var listing = false;
            var webRoot = new WebRootFacts();
            var model = GetModel(tree);
            var helpers = _facts.Helpers.For(_options, tree);
            foreach (var candidate in candidates)
            {
                Record(model, candidate, helpers, record, ref listing, ref webRoot);
            }

            return new TreeFacts(shape, names, configuration, tree, record, listing, webRoot);
        }

        /// <summary>
        /// The names of the project's extension methods on an application builder: a call of one is a pipeline step
        /// (<see cref="PipelineModel"/> records no other project extension). Decided from each declaration's symbol, which
        /// needs no method body bound.
        /// </summary>
        private void AddPipelineExtensions(SyntaxTree tree, ImmutableArray<MethodDeclarationSyntax> methods, List<string>? found)
        {
            var builder = _facts.Pipeline.ApplicationBuilder;
            if (methods.IsEmpty || builder is null)
            {
                return;
            }

            var model = GetModel(tree);
            foreach (var method in methods)
            {
                if (!_callNames.Contains(method.Identifier.ValueText) &&
                    model.GetDeclaredSymbol(method, _cancellationToken) is { IsExtensionMethod: true, Parameters: { Length: > 0 } parameters } &&
                    WellKnownTypes.Implements(parameters[0].Type, builder))
                {
                    _callNames.Add(method.Identifier.ValueText);
                    found?.Add(method.Identifier.ValueText);
                }
            }
        }

        /// <summary>The nodes of <paramref name="tree"/> to bind for the current names, in the order of the text (target-typed creations last).</summary>
        /// <remarks>
        /// Only the tokens the text spells like a candidate name are looked at (<see cref="IdentifierPositions"/>: one pass
        /// over the characters, then <c>FindToken</c> at each), not every token of the tree: the same candidates, without
        /// walking the whole tree. A text that could spell a name otherwise (a Unicode escape) is walked token by token.
        /// </remarks>
        private ImmutableArray<SyntaxNode> ScanTree(SyntaxTree tree, Dictionary<SyntaxTree, List<int>?[]>? bindingWords)
        {
            var candidates = ImmutableArray.CreateBuilder<SyntaxNode>();
            List<SyntaxNode>? implicitCreations = null;
            var namesCreatedType = false;
            var root = tree.GetRoot(_cancellationToken);
            var finder = _finder ??= new IdentifierPositions(
                _callNames.Concat(_assignedNames).Concat(_helperNames).Concat(_mapNames).Concat(_requireNames).Concat(_createdNames)
                    .Concat(bindingWords is null ? Enumerable.Empty<string>() : FolderModel.BindingNames));
            if (tree.TryGetText(out var text) && finder.Find(text, _namePositions, _newPositions))
            {
                // The folder model's binding names, found in the same pass (FolderModel.BindingNames): recorded where the
                // text is one its index would search (ASCII, no Unicode escape), and looked at here only when they are
                // the pre-scan's own names too.
                var words = bindingWords is not null && finder.LastFoundAscii ? new List<int>?[FolderModel.BindingNames.Length] : null;
                if (words is not null)
                {
                    bindingWords![tree] = words;
                }

                foreach (var position in _namePositions)
                {
                    if (words is not null && BindingWord(text, position, out var wordStart) is var word && word >= 0)
                    {
                        (words[word] ??= new List<int>()).Add(wordStart);
                        if (!IsScanName(FolderModel.BindingNames[word]))
                        {
                            continue;
                        }
                    }

                    var token = root.FindToken(position);
                    if (token.SpanStart == position && token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        Consider(token, candidates, ref namesCreatedType);
                    }
                }

                if (namesCreatedType)
                {
                    foreach (var position in _newPositions)
                    {
                        var token = root.FindToken(position);
                        if (token.SpanStart == position && token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax implicitCreation)
                        {
                            (implicitCreations ??= new List<SyntaxNode>()).Add(implicitCreation);
                        }
                    }
                }
            }
            else
            {
                foreach (var token in root.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.NewKeyword) && token.Parent is ImplicitObjectCreationExpressionSyntax implicitCreation)
                    {
                        (implicitCreations ??= new List<SyntaxNode>()).Add(implicitCreation);
                        continue;
                    }

                    Consider(token, candidates, ref namesCreatedType);
                }
            }

            if (namesCreatedType && implicitCreations is not null)
            {
                candidates.AddRange(implicitCreations);
            }

            return candidates.ToImmutable();
        }

        /// <summary>
        /// The index in <see cref="FolderModel.BindingNames"/> of the word the scanner found at <paramref name="position"/>,
        /// with the word's start (after an <c>@</c>); -1 when it is none of them, or is the tail of a longer run (<c>1Get</c>):
        /// exactly the words <c>FolderModel</c>'s index finds by searching the text (a name with no letter, digit or
        /// underscore either side).
        /// </summary>
        private static int BindingWord(SourceText text, int position, out int start)
        {
            start = text[position] == '@' ? position + 1 : position;
            if (start == position && position > 0 && IsAsciiIdentifierPart(text[position - 1]))
            {
                return -1;
            }

            var names = FolderModel.BindingNames;
            for (var i = 0; i < names.Length; i++)
            {
                var name = names[i];
                var end = start + name.Length;
                if (end > text.Length || end < text.Length && IsAsciiIdentifierPart(text[end]))
                {
                    continue;
                }

                var k = 0;
                while (k < name.Length && text[start + k] == name[k])
                {
                    k++;
                }

                if (k == name.Length)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool IsAsciiIdentifierPart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_';

        /// <summary>True when the pre-scan itself looks at a word <paramref name="name"/> (<see cref="Consider"/>).</summary>
        private bool IsScanName(string name) =>
            _callNames.Contains(name) || _assignedNames.Contains(name) || _helperNames.Contains(name) || _mapNames.Contains(name) ||
            _requireNames.Contains(name) || _createdNames.Contains(name);

        private IdentifierPositions? _finder;
        private readonly List<int> _namePositions = new();
        private readonly List<int> _newPositions = new();

        /// <summary>Adds the node <paramref name="token"/> makes a candidate, if any: a call, an assignment or a creation of a candidate name.</summary>
        private void Consider(SyntaxToken token, ImmutableArray<SyntaxNode>.Builder candidates, ref bool namesCreatedType)
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name)
            {
                return;
            }

            var text = token.ValueText;
            SyntaxNode? candidate = null;
            if (_callNames.Contains(text) || _assignedNames.Contains(text) || _helperNames.Contains(text) || _mapNames.Contains(text) ||
                _requireNames.Contains(text))
            {
                SyntaxNode access = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member
                    : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
                    : name;
                candidate = access.Parent switch
                {
                    InvocationExpressionSyntax invocation when invocation.Expression == access && IsCandidateCall(text, invocation) => invocation,
                    AssignmentExpressionSyntax assignment when assignment.Left == access && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                                                               _assignedNames.Contains(text) => assignment,
                    _ => null,
                };
            }
            else if (_createdNames.Contains(text))
            {
                namesCreatedType = true;
                SyntaxNode type = name;
                while (type.Parent is QualifiedNameSyntax qualified && qualified.Right == type ||
                       type.Parent is AliasQualifiedNameSyntax aliased && aliased.Name == type)
                {
                    type = type.Parent;
                }

                candidate = type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type ? creation : null;
            }

            if (candidate is not null)
            {
                candidates.Add(candidate);
            }
        }

        /// <summary>
        /// Whether a call of that name can record anything: the pipeline's calls and configured helpers always; a map
        /// call only when an argument may be a method group (a lambda handler is judged where it is written); a
        /// <c>RequireAuthorization()</c> only on a chain that holds <c>MapControllers()</c> or the like (an endpoint's or
        /// group's own convention is judged where the endpoint is).
        /// </summary>
        private bool IsCandidateCall(string name, InvocationExpressionSyntax invocation)
        {
            if (_callNames.Contains(name) || _helperNames.Contains(name))
            {
                return true;
            }

            if (_mapNames.Contains(name))
            {
                foreach (var argument in invocation.ArgumentList.Arguments)
                {
                    if (argument.Expression is SimpleNameSyntax or MemberAccessExpressionSyntax or AliasQualifiedNameSyntax)
                    {
                        return true;
                    }
                }
            }

            return _requireNames.Contains(name) && ChainCallsControllers(invocation);
        }

        /// <summary>True when a receiver in the call chain (<c>x.M()</c>'s <c>x</c>, or a static call's first argument) calls one of the controller mappings.</summary>
        private bool ChainCallsControllers(InvocationExpressionSyntax invocation)
        {
            for (var depth = 0; depth < 16; depth++)
            {
                // x.M() reduced, or the static form Extensions.M(x) / M(x): the receiver is x.
                var first = invocation.ArgumentList.Arguments.Count > 0 ? invocation.ArgumentList.Arguments[0].Expression : null;
                var receiver = invocation.Expression is MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax chained } ? chained : first;
                if (receiver is not InvocationExpressionSyntax inner)
                {
                    return false;
                }

                var innerName = inner.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (innerName is not null && _controllersNames.Contains(innerName))
                {
                    return true;
                }

                invocation = inner;
            }

            return false;
        }

#pragma warning disable RS1030 // The facts of other files need their semantic models; the analyzer's compilation shares the driver's cached ones.
        private SemanticModel GetModel(SyntaxTree tree) => _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030

        private void RecordRequestData(SemanticModel model, SyntaxNode node)
        {
            if (model.GetOperation(node, _cancellationToken) is IInvocationOperation invocation && _facts.RequestData.IsCopy(invocation.TargetMethod))
            {
                _facts.RequestData.Record(invocation, _cancellationToken);
            }
        }

        private void Record(SemanticModel model, SyntaxNode node, AuthorizationHelpers helpers, AuthorizationRecord record, ref bool listing,
            ref WebRootFacts webRoot)
        {
            var operation = model.GetOperation(node, _cancellationToken);
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (OwnerOf(invocation, _cancellationToken) is { } owner)
                    {
                        _facts.Pipeline.Record(invocation, owner, helpers, record);
                    }

                    _facts.Endpoints.Record(invocation, helpers, record);
                    listing |= SSA0002DoNotEnableDirectoryBrowsing.IsListing(invocation, _facts.Types);
                    var serving = WebRootServing.For(_facts.Types);
                    webRoot.HostsPipeline |= serving.IsHost(invocation);
                    webRoot.ServesWebRoot |= serving.ServesWebRoot(invocation);
                    break;
                case IObjectCreationOperation creation:
                    _facts.Endpoints.Record(creation, helpers, record);
                    break;
                case ISimpleAssignmentOperation assignment:
                    _facts.Pipeline.RecordAssignment(assignment, record);
                    listing |= SSA0002DoNotEnableDirectoryBrowsing.IsListing(assignment, _facts.Types);
                    break;
            }
        }

        private static void AddNames(HashSet<string> names, IEnumerable<IMethodSymbol> methods)
        {
            foreach (var method in methods)
            {
                names.Add(method.Name);
            }
        }

        private static void AddName(HashSet<string> names, ISymbol? symbol)
        {
            if (symbol is not null)
            {
                names.Add(symbol.Name);
            }
        }
    }

    /// <summary>
    /// What each tree says by syntax alone, kept across the compilations an analyzer instance sees (an IDE keeps one
    /// instance per project and reuses every unchanged <see cref="SyntaxTree"/> in the next compilation). Weakly keyed by
    /// the tree: an entry goes with its tree. Holds no symbol, semantic model or option, so nothing of one compilation is
    /// found from another.
    /// </summary>
    internal sealed class SyntaxCache
    {
        private readonly ConditionalWeakTable<SyntaxTree, TreeEntry> _trees = new();
        private System.Tuple<DeclarationShape, string[]>? _extensions;
        private DeclarationShape? _shape;
        private int _reused;
        private int _computed;
        private int _bound;

        /// <summary>Trees whose recorded facts were taken over from an earlier compilation (for tests and the benchmark).</summary>
        internal int TreeFactsReused => Volatile.Read(ref _reused);

        /// <summary>Trees whose facts were found again: their candidates looked up and, when there are any, bound.</summary>
        internal int TreeFactsComputed => Volatile.Read(ref _computed);

        /// <summary>Of <see cref="TreeFactsComputed"/>, the trees that had candidates to bind.</summary>
        internal int TreesBound => Volatile.Read(ref _bound);

        internal void CountReused() => Interlocked.Increment(ref _reused);

        internal void CountComputed(bool bound)
        {
            Interlocked.Increment(ref _computed);
            if (bound)
            {
                Interlocked.Increment(ref _bound);
            }
        }

        /// <summary>
        /// <paramref name="shape"/>, or the last shape handed out when it is the same (<see cref="DeclarationShape.SameAs"/>):
        /// one object per run of compilations whose declarations are alike, so a tree's facts say by reference which
        /// declarations they were recorded under.
        /// </summary>
        internal DeclarationShape Canonical(DeclarationShape shape, CancellationToken cancellationToken)
        {
            while (true)
            {
                var last = Volatile.Read(ref _shape);
                if (last is not null && last.SharesATreeWith(shape) && last.SameAs(shape, cancellationToken))
                {
                    // The canonical shape now stands for the newest trees (same declarations): it holds them, not the
                    // versions an edit replaced, and the next comparison starts from them.
                    last.Advance(shape);
                    return last;
                }

                if (ReferenceEquals(Interlocked.CompareExchange(ref _shape, shape, last), last))
                {
                    return shape;
                }
            }
        }

        internal TreeEntry Get(SyntaxTree tree) => _trees.GetValue(tree, static _ => new TreeEntry());

        /// <summary>
        /// The names of the project's extension methods on an application builder found in the last compilation whose
        /// declarations had <paramref name="shape"/>, or null. Names only: the symbols are the new compilation's to bind.
        /// </summary>
        internal string[]? PipelineExtensions(DeclarationShape shape, CancellationToken cancellationToken)
        {
            var last = Volatile.Read(ref _extensions);
            return last is not null && (ReferenceEquals(last.Item1, shape) || last.Item1.SharesATreeWith(shape) && last.Item1.SameAs(shape, cancellationToken))
                ? last.Item2
                : null;
        }

        internal void RememberPipelineExtensions(DeclarationShape shape, string[] names) => Volatile.Write(ref _extensions, System.Tuple.Create(shape, names));
    }

    /// <summary>
    /// What the symbols a compilation declares depend on: its references, its options, and for every tree (in order) its
    /// path, parse options and text outside member bodies (<see cref="TreeEntry.Skeleton"/>). Two compilations of the
    /// same shape declare the same namespaces, types and member signatures, and resolve every name outside a body the
    /// same way; an edit inside a method body, accessor or top-level statement leaves the shape as it was.
    /// </summary>
    /// <remarks>
    /// Taken lazily: a shape takes a tree's skeleton only when it is compared with a shape whose tree at that place is
    /// another object (the same tree object has the same skeleton), and then keeps the skeleton. So a build, which
    /// compares nothing, walks no tree for it, and after an edit only the edited tree (and its previous version, the
    /// first time it differs) is walked. A shape holds its trees: the previous version of an edited tree must still be
    /// there to take its skeleton when the next compilation is compared; held weakly, a garbage collection between the
    /// two compilations would make the shapes differ and every tree's facts be found again (correct, but nothing
    /// reused; EditedCompilationTests checks the reuse). The retention is bounded: the
    /// canonical shape (<see cref="SyntaxCache.Canonical"/>) advances to the trees of the last compilation found the
    /// same (<see cref="Advance"/>), so it holds at most the previous version of the trees edited since, and the facts
    /// recorded under it name no other shape.
    /// </remarks>
    internal sealed class DeclarationShape
    {
        private readonly CompilationOptions _options;
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly string? _assemblyName;
        private readonly SyntaxCache _cache;
        private readonly Element[] _trees;

        private DeclarationShape(Compilation compilation, Element[] trees, SyntaxCache cache)
        {
            _options = compilation.Options;
            _references = ImmutableArray.CreateRange(compilation.References);
            _assemblyName = compilation.AssemblyName;
            _trees = trees;
            _cache = cache;
        }

        /// <summary>The shape of <paramref name="compilation"/>: its trees, a skeleton already taken kept.</summary>
        public static DeclarationShape Of(Compilation compilation, SyntaxCache cache, CancellationToken cancellationToken)
        {
            var trees = new List<Element>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                trees.Add(new Element(tree, cache.Get(tree).KnownSkeleton));
            }

            return new DeclarationShape(compilation, trees.ToArray(), cache);
        }

        /// <summary>
        /// Whether some tree of <paramref name="other"/> is, at the same place, the same object as one of this shape's
        /// (reference comparisons only). When none is (a build in a compiler server that keeps the analyzer, a project
        /// parsed again), no tree's recorded facts can be taken over whatever the shapes, and the comparison
        /// (<see cref="SameAs"/>, a skeleton walked per tree on both sides) would cost more than finding the pipeline
        /// extensions again, the only thing it could save: such shapes are not compared.
        /// </summary>
        public bool SharesATreeWith(DeclarationShape other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            var count = System.Math.Min(_trees.Length, other._trees.Length);
            for (var i = 0; i < count; i++)
            {
                if (ReferenceEquals(Volatile.Read(ref _trees[i]).Tree, Volatile.Read(ref other._trees[i]).Tree))
                {
                    return true;
                }
            }

            return false;
        }

        public bool SameAs(DeclarationShape other, CancellationToken cancellationToken)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (_trees.Length != other._trees.Length || _references.Length != other._references.Length ||
                !string.Equals(_assemblyName, other._assemblyName, System.StringComparison.Ordinal) ||
                !ReferenceEquals(_options, other._options) && !_options.Equals(other._options))
            {
                return false;
            }

            for (var i = 0; i < _references.Length; i++)
            {
                if (!ReferenceEquals(_references[i], other._references[i]))
                {
                    return false;
                }
            }

            for (var i = 0; i < _trees.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var mine = Volatile.Read(ref _trees[i]);
                var theirs = Volatile.Read(ref other._trees[i]);
                if (!string.Equals(mine.Path, theirs.Path, System.StringComparison.Ordinal) ||
                    !ReferenceEquals(mine.Options, theirs.Options) && !mine.Options.Equals(theirs.Options))
                {
                    return false;
                }

                if (ReferenceEquals(mine, theirs) || ReferenceEquals(mine.Tree, theirs.Tree))
                {
                    continue;
                }

                var skeleton = mine.Skeleton(_cache, cancellationToken);
                var otherSkeleton = theirs.Skeleton(other._cache, cancellationToken);
                if (!ReferenceEquals(skeleton, otherSkeleton) && !string.Equals(skeleton, otherSkeleton, System.StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Takes the trees of <paramref name="same"/>, a shape found the same as this one (<see cref="SameAs"/>), where they
        /// are other objects: each of its elements is a tree with the same skeleton as the one it replaces, so this shape
        /// stays what it was and stops holding the replaced versions. Element by element (one reference written at a
        /// time), so a comparison running meanwhile sees old or new elements, both of this shape.
        /// </summary>
        public void Advance(DeclarationShape same)
        {
            if (ReferenceEquals(this, same) || same._trees.Length != _trees.Length)
            {
                return;
            }

            for (var i = 0; i < _trees.Length; i++)
            {
                var mine = Volatile.Read(ref _trees[i]);
                var theirs = same._trees[i];
                if (!ReferenceEquals(mine.Tree, theirs.Tree))
                {
                    Volatile.Write(ref _trees[i], theirs);
                }
            }
        }

        /// <summary>One tree of a shape, with its path, parse options and, once taken, its skeleton.</summary>
        private sealed class Element
        {
            private string? _skeleton;

            public Element(SyntaxTree tree, string? skeleton)
            {
                Tree = tree;
                Path = tree.FilePath;
                Options = tree.Options;
                _skeleton = skeleton;
            }

            public SyntaxTree Tree { get; }

            public string Path { get; }

            public ParseOptions Options { get; }

            /// <summary>The tree's skeleton, taken now if it was not.</summary>
            public string Skeleton(SyntaxCache cache, CancellationToken cancellationToken)
            {
                var skeleton = Volatile.Read(ref _skeleton);
                if (skeleton is null)
                {
                    skeleton = cache.Get(Tree).Skeleton(Tree, cancellationToken);
                    Volatile.Write(ref _skeleton, skeleton);
                }

                return skeleton;
            }
        }
    }

    /// <summary>
    /// One tree's results: its declarations, its candidates for the last names each scan asked with, and the facts its
    /// candidates recorded (<see cref="TreeFacts"/>, with what they were recorded under).
    /// </summary>
    internal sealed class TreeEntry
    {
        private TreeDeclarations? _declarations;
        private TreeCandidates? _facts;
        private TreeCandidates? _requestData;
        private TreeFacts? _recorded;
        private object? _folderIndex;
        private string? _skeleton;

        /// <summary>
        /// The tree's tokens outside member bodies, in order: every token except those of a method's, constructor's,
        /// operator's, accessor's or property's body (block or arrow) and of top-level statements (one mark for them
        /// all: whether the file has any). What the tree declares, and how each name outside a body resolves, is decided
        /// by this text alone.
        /// </summary>
        /// <summary>The skeleton if it was taken, or null (nothing is walked).</summary>
        public string? KnownSkeleton => Volatile.Read(ref _skeleton);

        public string Skeleton(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var skeleton = Volatile.Read(ref _skeleton);
            if (skeleton is null)
            {
                skeleton = SkeletonOf(tree.GetRoot(cancellationToken), cancellationToken);
                Volatile.Write(ref _skeleton, skeleton);
            }

            return skeleton;
        }

        private static string SkeletonOf(SyntaxNode root, CancellationToken cancellationToken)
        {
            var text = new System.Text.StringBuilder();
            var pending = new Stack<SyntaxNodeOrToken>();
            pending.Push(root);
            var inStatements = false;
            while (pending.Count > 0)
            {
                var item = pending.Pop();
                if (item.IsToken)
                {
                    text.Append(item.AsToken().Text).Append('\u0001');
                    inStatements = false;
                    continue;
                }

                var node = item.AsNode()!;
                if (node is GlobalStatementSyntax)
                {
                    if (!inStatements)
                    {
                        text.Append('\u0002');
                        inStatements = true;
                    }

                    continue;
                }

                inStatements = false;
                if (IsBody(node))
                {
                    text.Append('\u0003');
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var children = node.ChildNodesAndTokens();
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    pending.Push(children[i]);
                }
            }

            return text.ToString();
        }

        private static bool IsBody(SyntaxNode node) => node switch
        {
            BlockSyntax block => block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax,
            ArrowExpressionClauseSyntax arrow => arrow.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax,
            _ => false,
        };

        public TreeDeclarations Declarations(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var declarations = Volatile.Read(ref _declarations);
            if (declarations is null)
            {
                declarations = TreeDeclarations.Of(tree, cancellationToken);
                Volatile.Write(ref _declarations, declarations);
            }

            return declarations;
        }

        /// <summary>
        /// The folder model's index of this tree (its calls, creations and assignments by name: syntax only), made by
        /// <paramref name="create"/> on first use. Typed by the model (<c>FolderModel</c>), which owns its shape.
        /// </summary>
        public T FolderIndex<T>(SyntaxTree tree, System.Func<SyntaxTree, T> create)
            where T : class
        {
            if (Volatile.Read(ref _folderIndex) is T known)
            {
                return known;
            }

            var index = create(tree);
            Volatile.Write(ref _folderIndex, index);
            return index;
        }

        /// <summary>The facts the tree's candidates recorded last, with the shape, names and configuration they were recorded under.</summary>
        public TreeFacts? Facts => Volatile.Read(ref _recorded);

        public void Remember(TreeFacts facts) => Volatile.Write(ref _recorded, facts);

        public TreeCandidates? Candidates(bool requestData) => requestData ? Volatile.Read(ref _requestData) : Volatile.Read(ref _facts);

        public void Remember(bool requestData, TreeCandidates candidates)
        {
            if (requestData)
            {
                Volatile.Write(ref _requestData, candidates);
            }
            else
            {
                Volatile.Write(ref _facts, candidates);
            }
        }
    }

    /// <summary>A tree's extension methods (top-level classes) and its <c>using</c> aliases with the rightmost name of their target.</summary>
    internal sealed class TreeDeclarations
    {
        private TreeDeclarations(ImmutableArray<MethodDeclarationSyntax> extensionMethods, ImmutableArray<(string Alias, string Target)> aliases)
        {
            ExtensionMethods = extensionMethods;
            Aliases = aliases;
        }

        /// <summary>The extension methods declared in the tree's top-level classes (their <c>this</c> parameter not of a predefined type).</summary>
        public ImmutableArray<MethodDeclarationSyntax> ExtensionMethods { get; }

        public ImmutableArray<(string Alias, string Target)> Aliases { get; }

        public static TreeDeclarations Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var methods = ImmutableArray.CreateBuilder<MethodDeclarationSyntax>();
            var aliases = ImmutableArray.CreateBuilder<(string, string)>();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit)
            {
                Collect(unit.Usings, unit.Members, methods, aliases);
            }

            return new TreeDeclarations(methods.ToImmutable(), aliases.ToImmutable());
        }

        private static void Collect(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members,
            ImmutableArray<MethodDeclarationSyntax>.Builder methods, ImmutableArray<(string, string)>.Builder aliases)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && directive.Name is { } target)
                {
                    aliases.Add((alias.Name.Identifier.ValueText, SyntaxNames.Rightmost(target) ?? string.Empty));
                }
            }

            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        Collect(ns.Usings, ns.Members, methods, aliases);
                        break;
                    case ClassDeclarationSyntax type:
                        foreach (var inner in type.Members)
                        {
                            if (inner is MethodDeclarationSyntax { ParameterList.Parameters: { Count: > 0 } parameters } method &&
                                parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword) && parameters[0].Type is not PredefinedTypeSyntax)
                            {
                                methods.Add(method);
                            }
                        }

                        break;
                }
            }
        }
    }

    /// <summary>
    /// What one tree's candidates recorded, without a symbol, semantic model or operation: whether it sets a fallback
    /// policy, turns on directory listing or authorizes every controller, its pipeline events (owners and callees by
    /// <see cref="SymbolIdentity"/>, locations in the tree itself) and its method-group mappings (by the handler's
    /// identity). Kept for the next compilation with what it depends on: the declaration shape it was recorded under
    /// (the symbols its candidates bind to are declared alike while the shape is the same), the names that chose the
    /// candidates, the helpers configured for the tree, and the other trees its locations point into (an
    /// <c>[AllowAnonymous]</c> on a handler declared in another file).
    /// </summary>
    internal sealed class TreeFacts
    {
        private readonly bool _fallbackPolicy;
        private readonly bool _listing;
        private readonly bool _controllersAuthorized;
        private readonly WebRootFacts _webRoot;
        private readonly PipelineEvent[] _events;
        private readonly KeyValuePair<SymbolIdentity, MappedHandler>[] _mapped;
        private readonly SyntaxTree[] _otherTrees;

        /// <summary>A tree with no candidate: it records nothing.</summary>
        public TreeFacts(DeclarationShape? shape, NameKey names, string configuration)
        {
            Shape = shape;
            Names = names;
            Configuration = configuration;
            _events = System.Array.Empty<PipelineEvent>();
            _mapped = System.Array.Empty<KeyValuePair<SymbolIdentity, MappedHandler>>();
            _otherTrees = System.Array.Empty<SyntaxTree>();
        }

        public TreeFacts(DeclarationShape? shape, NameKey names, string configuration, SyntaxTree tree, AuthorizationRecord record, bool listing,
            WebRootFacts webRoot)
            : this(shape, names, configuration)
        {
            _fallbackPolicy = record.HasFallbackPolicy;
            _listing = listing;
            _webRoot = webRoot;
            _controllersAuthorized = record.ControllersRequireAuthorization;
            var events = new List<PipelineEvent>(record.Events);
            events.Sort(static (a, b) => a.Position.CompareTo(b.Position));
            _events = events.Count == 0 ? System.Array.Empty<PipelineEvent>() : events.ToArray();
            List<KeyValuePair<SymbolIdentity, MappedHandler>>? mapped = null;
            List<SyntaxTree>? others = null;
            void PointsInto(SyntaxTree? other)
            {
                if (other is not null && other != tree && (others is null || !others.Contains(other)))
                {
                    (others ??= new List<SyntaxTree>()).Add(other);
                }
            }

            foreach (var pipelineEvent in _events)
            {
                PointsInto(pipelineEvent.Owner.Tree);
                PointsInto(pipelineEvent.Callee?.Tree);
                PointsInto(pipelineEvent.Location.SourceTree);
            }

            foreach (var handler in record.Mapped)
            {
                PointsInto(handler.Key.Tree);
                foreach (var mapping in handler.Value)
                {
                    PointsInto(mapping.Marker?.SourceTree);
                    PointsInto(mapping.MapCall.SourceTree);
                    (mapped ??= new List<KeyValuePair<SymbolIdentity, MappedHandler>>()).Add(new KeyValuePair<SymbolIdentity, MappedHandler>(handler.Key, mapping));
                }
            }

            _mapped = mapped?.ToArray() ?? System.Array.Empty<KeyValuePair<SymbolIdentity, MappedHandler>>();
            _otherTrees = others?.ToArray() ?? System.Array.Empty<SyntaxTree>();
        }

        /// <summary>The declaration shape recorded under (the analyzer's canonical object), or null when none was taken.</summary>
        public DeclarationShape? Shape { get; }

        public NameKey Names { get; }

        /// <summary>The helper settings of the tree (<c>ssa.authorization_*</c>, <c>ssa.fallback_policy_methods</c>) as text.</summary>
        public string Configuration { get; }

        /// <summary>True when every other tree a recorded location points into is a tree of <paramref name="compilation"/>.</summary>
        public bool PointsInto(Compilation compilation)
        {
            foreach (var tree in _otherTrees)
            {
                if (!compilation.ContainsSyntaxTree(tree))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Adds these facts to the compilation's.</summary>
        public void AddTo(Facts facts)
        {
            if (_listing)
            {
                facts.RecordListing();
            }

            facts.RecordWebRoot(_webRoot.HostsPipeline, _webRoot.ServesWebRoot);

            if (_events.Length > 0 || _fallbackPolicy || _mapped.Length > 0 || _controllersAuthorized)
            {
                facts.Authorization.Import(_events, _fallbackPolicy, _mapped, _controllersAuthorized);
            }
        }
    }

    /// <summary>What a tree says about the web root: it builds the app's pipeline, it registers a middleware serving the web root.</summary>
    internal struct WebRootFacts
    {
        public bool HostsPipeline;
        public bool ServesWebRoot;
    }

    /// <summary>A tree's candidate nodes, found with <see cref="Names"/>.</summary>
    internal sealed class TreeCandidates
    {
        public TreeCandidates(NameKey names, ImmutableArray<SyntaxNode> nodes)
        {
            Names = names;
            Nodes = nodes;
        }

        public NameKey Names { get; }

        public ImmutableArray<SyntaxNode> Nodes { get; }
    }

    /// <summary>Every name set a tree's candidates depend on, compared by content (<see cref="SameAs"/>); equality is by reference.</summary>
    internal sealed class NameKey
    {
        private readonly bool _requestData;
        private readonly ImmutableArray<ImmutableArray<string>> _sets;

        public NameKey(bool requestData, params HashSet<string>[] sets)
        {
            _requestData = requestData;
            var builder = ImmutableArray.CreateBuilder<ImmutableArray<string>>(sets.Length);
            foreach (var set in sets)
            {
                var names = new string[set.Count];
                set.CopyTo(names);
                System.Array.Sort(names, System.StringComparer.Ordinal);
                builder.Add(ImmutableArray.Create(names));
            }

            _sets = builder.MoveToImmutable();
        }

        public bool SameAs(NameKey other)
        {
            if (_requestData != other._requestData || _sets.Length != other._sets.Length)
            {
                return false;
            }

            for (var i = 0; i < _sets.Length; i++)
            {
                var mine = _sets[i];
                var theirs = other._sets[i];
                if (mine.Length != theirs.Length)
                {
                    return false;
                }

                for (var j = 0; j < mine.Length; j++)
                {
                    if (!string.Equals(mine[j], theirs[j], System.StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
