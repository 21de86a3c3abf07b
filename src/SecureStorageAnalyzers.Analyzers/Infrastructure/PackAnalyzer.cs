using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Pipeline;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>A rule of the pack's operation analysis: its descriptor and the factory of its per-compilation part.</summary>
internal sealed class PackRuleEntry
{
    public PackRuleEntry(DiagnosticDescriptor descriptor, Func<WellKnownTypes, PackRule?> create)
    {
        Descriptor = descriptor;
        Create = create;
    }

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule's part for a compilation, or null when the compilation lacks what the rule looks at.</summary>
    public Func<WellKnownTypes, PackRule?> Create { get; }
}

/// <summary>
/// The pack's operation analysis: one action per operation kind for all its rules. It looks at each call once (its
/// method's containing type, one hash lookup) and each property assignment once, and hands them only to the rules that
/// named that type or property (<see cref="PackRule"/>).
/// </summary>
/// <remarks>
/// Why not one analyzer per rule: every analyzer the driver calls for an invocation pays for the callback and for asking
/// the method's type (about 30 ms per 40,000 calls per analyzer on the benchmark, docs/performance.md), and most rules
/// look at calls; one analyzer pays it once for all of them. The compiler loads <see cref="SecureStorageAnalyzer"/>, all rules together (<see cref="PackRules"/>); the
/// test project wraps each rule in its own analyzer (<c>RuleAnalyzer</c>, not in the package) that runs the same
/// analysis with that rule alone, for its tests and the per-rule benchmark figures. A rule switched off for the whole project (<c>NoWarn</c>, or severity <c>none</c> in a global
/// config that no file overrides) is not created, so it costs nothing, as a separate analyzer would. The price: the
/// driver's telemetry times the pack, not each rule (the benchmark times the rule analyzers apart), and an exception
/// in one rule's callback also ends that callback for the rules after it (the robustness tests keep exceptions at zero).
/// And <c>dotnet format analyzers</c> asks a rule's fixer about the first finding of the analyzer that reports the rule,
/// which is then often another rule's: every fixer answers such a finding with its default key
/// (<c>OtherRulesFindings</c> in the code-fix assembly).
/// </remarks>
public abstract class PackAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<PackRuleEntry> _rules;

    /// <summary>
    /// The per-tree syntax results of <see cref="CompilationFacts"/>, kept across the compilations this instance analyzes:
    /// an IDE keeps the analyzer and reuses unchanged trees, so after an edit only the changed tree is walked again.
    /// </summary>
    private readonly CompilationFacts.SyntaxCache _syntax = new();

    /// <summary>This instance's per-tree syntax results (for tests).</summary>
    internal CompilationFacts.SyntaxCache SyntaxCache => _syntax;

    /// <summary>One rule alone: for the test project's <c>RuleAnalyzer</c> (tests, per-rule benchmark), never exported.</summary>
    internal PackAnalyzer(PackRuleEntry rule)
        : this(ImmutableArray.Create(rule))
    {
    }

    private protected PackAnalyzer(ImmutableArray<PackRuleEntry> rules)
    {
        _rules = rules;
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(rules.Length);
        foreach (var rule in rules)
        {
            descriptors.Add(rule.Descriptor);
        }

        SupportedDiagnostics = descriptors.MoveToImmutable();
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(Start);
    }

    private void Start(CompilationStartAnalysisContext start)
    {
        if (TestProjects.IsSilenced(start.Compilation, start.Options, start.CancellationToken))
        {
            return;
        }

        var rules = CreateRules(start.Compilation, start.CancellationToken);
        if (rules.Count > 0)
        {
            var types = WellKnownTypes.GetOrCreate(start.Compilation);
            if (types.HasAspNetCore)
            {
                CompilationFacts.For(types).UseSyntaxCache(_syntax);
            }

            // An application with its tests compiled in: the rules do not look at its test files.
            var testFiles = TestProjects.TestFiles(start.Compilation, start.Options, start.CancellationToken);
            new Dispatcher(types, rules, testFiles).Register(start);
        }
    }

    /// <summary>The rules that apply to <paramref name="compilation"/> and are not switched off for all of it.</summary>
    internal List<PackRule> CreateRules(Compilation compilation, CancellationToken cancellationToken)
    {
        var types = WellKnownTypes.GetOrCreate(compilation);
        var rules = new List<PackRule>(_rules.Length);
        foreach (var entry in _rules)
        {
            if (!IsOffEverywhere(compilation, entry.Descriptor.Id, cancellationToken) && entry.Create(types) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    /// <summary>
    /// True when no file of the compilation can report <paramref name="id"/>: it is suppressed by <c>NoWarn</c> (or a
    /// rule set) or by severity <c>none</c> in a global config, and no global config or file's <c>.editorconfig</c>
    /// section gives it another severity. Conservative: any setting that might turn the rule back on keeps it running;
    /// a per-file <c>none</c> or a <c>#pragma</c> is left to the compiler's filter.
    /// </summary>
    internal static bool IsOffEverywhere(Compilation compilation, string id, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        var noWarn = options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) && specific == ReportDiagnostic.Suppress;
        var provider = options.SyntaxTreeOptionsProvider;
        var global = ReportDiagnostic.Default;
        var hasGlobal = provider is not null && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out global);
        if (hasGlobal ? global != ReportDiagnostic.Suppress : !noWarn)
        {
            return false;
        }

        if (provider is not null)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var perFile) && perFile != ReportDiagnostic.Suppress)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The actions of one compilation: its rules, indexed by the types and properties they look at.</summary>
    private sealed class Dispatcher
    {
        private readonly Dictionary<INamedTypeSymbol, PackRule[]> _byCallType = new(SymbolEqualityComparer.Default);

        /// <summary>The rules' <see cref="PackRule.LazyCallTypes"/>, by the types' names (<see cref="LazyType.Name"/>): resolved on a call of that name.</summary>
        private readonly Dictionary<string, LazyCallType[]> _byLazyCallType = new(StringComparer.Ordinal);
        private readonly Dictionary<PackRule, int> _order = new();
        private readonly WellKnownTypes _types;
        private readonly PackRule[] _unboundRules;
        private HashSet<string>? _unboundCallNamesCache;
        private int _unboundCallsSeen;

        /// <summary>Invalid invocations looked at by their symbols before the name filter is built (<see cref="AnalyzeUnboundCall"/>).</summary>
        private const int UnboundCallsBeforeNames = 16;
        private readonly Dictionary<IPropertySymbol, PackRule[]> _byProperty = new(SymbolEqualityComparer.Default);
        private readonly PackRule[] _helperRules;
        private readonly PackRule[] _listingRules;
        private readonly Hosting.ListingMethods.Cache? _listing;
        private readonly PackRule[] _extensionRules;
        private readonly PackRule[] _sourceMethodRules;
        private readonly PackRule[] _stringRules;
        private readonly PackRule[] _memberAssignmentRules;
        private readonly PackRule[] _endRules;
        private readonly AuthorizationHelpers.Cache? _helpers;
        private readonly ImmutableHashSet<SyntaxTree>? _testFiles;

        public Dispatcher(WellKnownTypes types, List<PackRule> rules, ImmutableHashSet<SyntaxTree>? testFiles)
        {
            _types = types;
            _testFiles = testFiles is { IsEmpty: false } ? testFiles : null;
            var helperRules = new List<PackRule>();
            var listingRules = new List<PackRule>();
            var extensionRules = new List<PackRule>();
            var sourceMethodRules = new List<PackRule>();
            var stringRules = new List<PackRule>();
            var memberAssignmentRules = new List<PackRule>();
            var endRules = new List<PackRule>();
            var unboundRules = new List<PackRule>();
            foreach (var rule in rules)
            {
                _order[rule] = _order.Count;
                AddIf(unboundRules, rule.SeesUnboundCalls, rule);
                foreach (var type in rule.CallTypes)
                {
                    Add(_byCallType, (INamedTypeSymbol)type.OriginalDefinition, rule);
                }

                foreach (var metadataName in rule.LazyCallTypes)
                {
                    AddLazy(metadataName, rule);
                }

                foreach (var property in rule.AssignedProperties)
                {
                    Add(_byProperty, property.OriginalDefinition, rule);
                }

                AddIf(helperRules, rule.SeesCallsOfAuthorizationHelpers, rule);
                AddIf(listingRules, rule.SeesCallsOfConfiguredListingMethods, rule);
                AddIf(extensionRules, rule.SeesCallsOfSourceExtensions, rule);
                AddIf(sourceMethodRules, rule.SeesCallsOfSourceMethods, rule);
                AddIf(stringRules, rule.SeesStrings, rule);
                AddIf(memberAssignmentRules, rule.SeesAssignmentsOfStringMembers, rule);
                AddIf(endRules, rule.ReportsAtEnd, rule);
            }

            _helperRules = helperRules.ToArray();
            _listingRules = listingRules.ToArray();
            _listing = _listingRules.Length > 0 ? Hosting.ListingMethods.Cache.For(types) : null;
            _extensionRules = extensionRules.ToArray();
            _sourceMethodRules = sourceMethodRules.ToArray();
            _stringRules = stringRules.ToArray();
            _memberAssignmentRules = memberAssignmentRules.ToArray();
            _endRules = endRules.ToArray();
            _unboundRules = unboundRules.ToArray();
            _helpers = _helperRules.Length > 0 ? AuthorizationHelpers.Cache.For(types) : null;
        }

        public void Register(CompilationStartAnalysisContext start)
        {
            if (_byCallType.Count > 0 || _byLazyCallType.Count > 0 || _helperRules.Length > 0 || _listingRules.Length > 0 || _extensionRules.Length > 0 || _sourceMethodRules.Length > 0)
            {
                start.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation, OperationKind.ObjectCreation);
            }

            if (_unboundRules.Length > 0 && (_byCallType.Count > 0 || _byLazyCallType.Count > 0))
            {
                start.RegisterOperationAction(AnalyzeUnboundCall, OperationKind.Invalid);
            }

            if (_byProperty.Count > 0 || _memberAssignmentRules.Length > 0)
            {
                start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment);
            }

            if (_stringRules.Length > 0)
            {
                start.RegisterOperationAction(AnalyzeString, OperationKind.InterpolatedString, OperationKind.Binary);
            }

            if (_endRules.Length > 0)
            {
                start.RegisterCompilationEndAction(Report);
            }
        }

        /// <summary>True for an operation in a test file of an application with its tests compiled in (<see cref="TestProjects"/>).</summary>
        private bool InTestFile(IOperation operation) => _testFiles is not null && _testFiles.Contains(operation.Syntax.SyntaxTree);

        private void AnalyzeCall(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (InTestFile(operation))
            {
                return;
            }

            IMethodSymbol? method;
            INamedTypeSymbol? type;
            if (operation is IInvocationOperation invocation)
            {
                method = invocation.TargetMethod;
                type = method?.ContainingType;
            }
            else if (operation is IObjectCreationOperation creation)
            {
                method = creation.Constructor;
                type = creation.Type as INamedTypeSymbol;
            }
            else
            {
                return;
            }

            if (method is null)
            {
                return;
            }

            var rules = type is not null ? RulesOf(type.OriginalDefinition) : null;
            if (rules is not null)
            {
                foreach (var rule in rules)
                {
                    rule.AnalyzeCall(context, method);
                }
            }

            PackRule[]? helperRules = null;
            if (_helperRules.Length > 0 && _helpers!.For(context.Options, operation.Tree()).HasMethods)
            {
                // A configured helper may be of any type: those rules see every call of the file.
                CallOthers(context, method, _helperRules, rules, null);
                helperRules = _helperRules;
            }

            // A listing method the file's settings name (a third-party wrapper): one set lookup, nothing when none is named.
            if (_listingRules.Length > 0 && _listing!.For(context.Options, operation.Tree()).Contains(method))
            {
                CallOthers(context, method, _listingRules, rules, helperRules);
            }

            if (_extensionRules.Length > 0 && method.IsExtensionMethod && !method.DeclaringSyntaxReferences.IsEmpty)
            {
                CallOthers(context, method, _extensionRules, rules, helperRules);
            }

            // The project's own methods (not its extension methods, handed over above): one comparison of assemblies.
            if (_sourceMethodRules.Length > 0 && operation is IInvocationOperation && method.MethodKind == MethodKind.Ordinary &&
                !method.Parameters.IsEmpty && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, context.Compilation.Assembly))
            {
                foreach (var rule in _sourceMethodRules)
                {
                    if ((rules is null || Array.IndexOf(rules, rule) < 0) && (helperRules is null || Array.IndexOf(helperRules, rule) < 0) &&
                        !(method.IsExtensionMethod && Array.IndexOf(_extensionRules, rule) >= 0))
                    {
                        rule.AnalyzeCall(context, method);
                    }
                }
            }
        }

        /// <summary>
        /// An invocation the compiler could not bind (an <see cref="IInvalidOperation"/>): when the name it calls is a method
        /// name of a type some rule sees unbound calls of (a syntax test and a set lookup for every other invalid node),
        /// its candidates; when all are methods of one such type, the call goes to those rules. Unbound calls are many
        /// only in code built without its packages; the symbol information is asked only past the name test.
        /// </summary>
        private void AnalyzeUnboundCall(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            if (operation.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax call || InTestFile(operation) ||
                CalledName(call.Expression) is not { } name || operation.SemanticModel is not { } model)
            {
                return;
            }

            // The name filter needs the rules' types resolved: it is built once a call it would decide appears, or after a
            // few invalid invocations (a project built without its packages has many); before, the symbol test runs first
            // and the filter is asked only of a call it could not already decline.
            var names = Volatile.Read(ref _unboundCallNamesCache);
            if (names is null && Interlocked.Increment(ref _unboundCallsSeen) > UnboundCallsBeforeNames)
            {
                names = UnboundCallNames();
            }

            if (names is not null && !names.Contains(name))
            {
                return;
            }

            var info = model.GetSymbolInfo(call, context.CancellationToken);
            if (info.Symbol is not null || info.CandidateSymbols.IsEmpty)
            {
                return;
            }

            INamedTypeSymbol? type = null;
            foreach (var candidate in info.CandidateSymbols)
            {
                if (candidate is not IMethodSymbol { ContainingType: { } containing } ||
                    type is not null && !SymbolEqualityComparer.Default.Equals(type, containing.OriginalDefinition))
                {
                    return;
                }

                type = containing.OriginalDefinition;
            }

            if (type is not null && RulesOf(type) is { } rules)
            {
                if (names is null && !UnboundCallNames().Contains(name))
                {
                    return;
                }

                foreach (var rule in rules)
                {
                    if (rule.SeesUnboundCalls)
                    {
                        rule.AnalyzeUnboundCall(context, type);
                    }
                }
            }
        }

        /// <summary>
        /// The rules that named <paramref name="definition"/> (an original definition) among their call types, in the
        /// order of the rules: those that gave its symbol and those that gave its metadata name, resolved here on the first
        /// call of a type of that name. Null when none did.
        /// </summary>
        private PackRule[]? RulesOf(INamedTypeSymbol definition)
        {
            _byCallType.TryGetValue(definition, out var rules);
            if (_byLazyCallType.Count > 0 && _byLazyCallType.TryGetValue(definition.Name, out var lazy))
            {
                foreach (var entry in lazy)
                {
                    if (entry.Type.Is(definition))
                    {
                        return entry.RulesWith(rules, _order);
                    }
                }
            }

            return rules;
        }

        /// <summary>
        /// The method names of the types of the rules that see unbound calls: a syntax pre-filter of the invalid invocations
        /// they are handed, computed on the first invalid invocation (it resolves those rules' lazy call types). Every
        /// thread computes the same set; the first one published is kept.
        /// </summary>
        private HashSet<string> UnboundCallNames()
        {
            if (Volatile.Read(ref _unboundCallNamesCache) is { } cached)
            {
                return cached;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in _unboundRules)
            {
                foreach (var type in rule.CallTypes)
                {
                    names.UnionWith(type.MemberNames);
                }

                foreach (var metadataName in rule.LazyCallTypes)
                {
                    if (_types.Resolve(metadataName) is { } type)
                    {
                        names.UnionWith(type.MemberNames);
                    }
                }
            }

            return Interlocked.CompareExchange(ref _unboundCallNamesCache, names, null) ?? names;
        }

        private void AddLazy(string metadataName, PackRule rule)
        {
            var name = LazyType.SimpleName(metadataName);
            if (_byLazyCallType.TryGetValue(name, out var entries))
            {
                foreach (var entry in entries)
                {
                    if (entry.Type.MetadataName == metadataName)
                    {
                        entry.Add(rule);
                        return;
                    }
                }
            }

            var added = new LazyCallType(new LazyType(_types, metadataName), rule);
            if (entries is null)
            {
                _byLazyCallType[name] = new[] { added };
            }
            else
            {
                var more = new LazyCallType[entries.Length + 1];
                entries.CopyTo(more, 0);
                more[entries.Length] = added;
                _byLazyCallType[name] = more;
            }
        }

        private static string? CalledName(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) => expression switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        private void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (InTestFile(assignment))
            {
                return;
            }

            if (assignment.Target is IPropertyReferenceOperation target &&
                _byProperty.TryGetValue(target.Property.OriginalDefinition, out var rules))
            {
                foreach (var rule in rules)
                {
                    rule.AnalyzeAssignment(context, assignment, target.Property);
                }

                return;
            }

            // A string property or field (a record's FileName): one type test; the rule decides, from a cache per member.
            if (_memberAssignmentRules.Length > 0 && assignment.Type?.SpecialType == SpecialType.System_String)
            {
                ISymbol? member = assignment.Target switch
                {
                    IPropertyReferenceOperation property => property.Property,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };
                if (member is not null)
                {
                    foreach (var rule in _memberAssignmentRules)
                    {
                        rule.AnalyzeMemberAssignment(context, assignment, member);
                    }
                }
            }
        }

        private void AnalyzeString(OperationAnalysisContext context)
        {
            if (InTestFile(context.Operation))
            {
                return;
            }

            foreach (var rule in _stringRules)
            {
                rule.AnalyzeString(context);
            }
        }

        private void Report(CompilationAnalysisContext context)
        {
            foreach (var rule in _endRules)
            {
                rule.Report(context);
            }
        }

        /// <summary>Hands the call to each of <paramref name="rules"/> not among those already called (no rule sees a call twice).</summary>
        private static void CallOthers(OperationAnalysisContext context, IMethodSymbol method, PackRule[] rules, PackRule[]? called, PackRule[]? alsoCalled)
        {
            foreach (var rule in rules)
            {
                if ((called is null || Array.IndexOf(called, rule) < 0) && (alsoCalled is null || Array.IndexOf(alsoCalled, rule) < 0))
                {
                    rule.AnalyzeCall(context, method);
                }
            }
        }

        private static void Add<TKey>(Dictionary<TKey, PackRule[]> index, TKey key, PackRule rule)
            where TKey : ISymbol
        {
            if (!index.TryGetValue(key, out var rules))
            {
                index[key] = new[] { rule };
            }
            else if (Array.IndexOf(rules, rule) < 0)
            {
                var more = new PackRule[rules.Length + 1];
                rules.CopyTo(more, 0);
                more[rules.Length] = rule;
                index[key] = more;
            }
        }

        /// <summary>A type some rules gave by metadata name, and those rules.</summary>
        private sealed class LazyCallType
        {
            private PackRule[] _rules;
            private Union? _union;

            public LazyCallType(LazyType type, PackRule rule)
            {
                Type = type;
                _rules = new[] { rule };
            }

            public LazyType Type { get; }

            /// <summary>Only while the dispatcher is built.</summary>
            public void Add(PackRule rule)
            {
                if (Array.IndexOf(_rules, rule) < 0)
                {
                    var more = new PackRule[_rules.Length + 1];
                    _rules.CopyTo(more, 0);
                    more[_rules.Length] = rule;
                    _rules = more;
                }
            }

            /// <summary>
            /// This type's rules with <paramref name="bySymbol"/> (the rules that gave the same type's symbol; always the same
            /// array for this type), each once, in the rules' order: the union is computed once and kept.
            /// </summary>
            public PackRule[] RulesWith(PackRule[]? bySymbol, Dictionary<PackRule, int> order)
            {
                if (bySymbol is null)
                {
                    return _rules;
                }

                if (Volatile.Read(ref _union) is { } union && ReferenceEquals(union.BySymbol, bySymbol))
                {
                    return union.Rules;
                }

                var all = new List<PackRule>(bySymbol);
                foreach (var rule in _rules)
                {
                    if (Array.IndexOf(bySymbol, rule) < 0)
                    {
                        all.Add(rule);
                    }
                }

                all.Sort((a, b) => order[a].CompareTo(order[b]));
                var rules = all.ToArray();
                Volatile.Write(ref _union, new Union(bySymbol, rules));
                return rules;
            }

            private sealed class Union
            {
                public Union(PackRule[] bySymbol, PackRule[] rules)
                {
                    BySymbol = bySymbol;
                    Rules = rules;
                }

                public PackRule[] BySymbol { get; }

                public PackRule[] Rules { get; }
            }
        }

        private static void AddIf(List<PackRule> rules, bool condition, PackRule rule)
        {
            if (condition)
            {
                rules.Add(rule);
            }
        }
    }
}
