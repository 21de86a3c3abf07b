using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Folders;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.Pipeline;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// SSA0001: <c>UseStaticFiles</c>/<c>UseFileServer</c> over a folder that holds private data
/// (per <see cref="ServedFolders.WhyPrivate"/>, the answer SSA0009 asks too: its name per
/// <see cref="PrivateFolderFlowPolicy"/>, or the request data the project writes into it by folder identity), reachable by an anonymous request in production (per
/// <see cref="PipelineModel"/>): not Development-only, no <c>OnPrepareResponse</c> gate, and not behind
/// <c>UseAuthorization()</c> with a fallback policy. Judged and reported where the registration is, in its operation
/// action (so it shows while typing); what other files say (the fallback policy, <c>UseAuthorization()</c> in the
/// project's own extensions and their call sites, the folders written with request data) comes from
/// <see cref="CompilationFacts"/>, found once per compilation. A registration SSA0004 reports (the content root) is left
/// to SSA0004, and <c>UseDirectoryBrowser</c> to SSA0002, whose message names the private folder.
/// </summary>
/// <remarks>The rule runs in <see cref="SecureStorageAnalyzer"/> (registered in <see cref="PackRules"/>); the tests and the per-rule benchmark run it alone through the test project's <c>RuleAnalyzer</c>.</remarks>
internal static class SSA0001AnonymousStaticFiles
{
    public const string Id = "SSA0001";

    internal static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
        Id,
        "Non-public files are served as static files without authorization",
        "{0} serves {1} ({2}) to anonymous requests: {3}",
        "Static file middleware authorizes nothing by itself. A folder the app writes to, or one named for recordings, uploads, documents, exports or backups, is readable by anyone who guesses a URL unless UseAuthorization runs first and a fallback policy requires a signed-in user, or an OnPrepareResponse gate turns anonymous requests away.");

    /// <summary>Key of <see cref="Diagnostic.Properties"/>: "true" when the project sets a fallback policy, so moving the
    /// registration after <c>UseAuthorization()</c> authorizes it.</summary>
    public const string FallbackPolicyProperty = "FallbackPolicy";

    /// <summary>Why an async <c>OnPrepareResponse</c> is no gate: the middleware does not wait for it.</summary>
    internal const string AsyncGateWhy =
        "an async OnPrepareResponse cannot stop the file: the callback returns at its first await and the file is sent";

    private static readonly ImmutableDictionary<string, string?> WithFallback =
        ImmutableDictionary<string, string?>.Empty.Add(FallbackPolicyProperty, "true");

    /// <summary>The rule's part for a compilation: web projects only.</summary>
    internal static PackRule? CreateRule(WellKnownTypes types) => types.HasAspNetCore ? new Analysis(types) : null;

    /// <summary>Why a registration was flagged: what the folder is, and the expression that says so.</summary>
    private sealed class Evidence
    {
        public Evidence(string method, SourceReason reason, bool asyncGate)
        {
            Method = method;
            Reason = reason;
            AsyncGate = asyncGate;
        }

        /// <summary>True when the registration's only gate is an async <c>OnPrepareResponse</c>, which cannot stop the file.</summary>
        public bool AsyncGate { get; }

        public string Method { get; }
        public SourceReason Reason { get; }
    }

    private sealed class Analysis : PackRule
    {
        private readonly WellKnownTypes _types;
        private readonly PipelineModel _model;
        private readonly CompilationFacts _facts;
        private readonly ServedFolders _folders;
        private readonly IPropertySymbol? _onPrepareResponse;
        private readonly IPropertySymbol? _onPrepareResponseAsync;
        private readonly IPropertySymbol? _staticFileOptions;
        private readonly IPropertySymbol? _isAuthenticated;
        private readonly IPropertySymbol? _statusCode;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _uncalled = new(SymbolEqualityComparer.Default);

        public Analysis(WellKnownTypes types)
        {
            _types = types;
            _model = AuthorizationModel.For(types).Pipeline;
            _facts = CompilationFacts.For(types);
            _folders = ServedFolders.For(types);
            _onPrepareResponse = WellKnownTypes.Property(types.StaticFileOptions, "OnPrepareResponse");
            _onPrepareResponseAsync = WellKnownTypes.Property(types.StaticFileOptions, "OnPrepareResponseAsync");
            _staticFileOptions = WellKnownTypes.Property(types.FileServerOptions, "StaticFileOptions");
            _isAuthenticated = WellKnownTypes.Property(types.IIdentity, "IsAuthenticated");
            _statusCode = WellKnownTypes.Property(types.HttpResponse, "StatusCode");
        }

        /// <summary>Only the file-serving registrations: everything else it reads across files is in <see cref="CompilationFacts"/>.</summary>
        public override IEnumerable<INamedTypeSymbol> CallTypes => WellKnownTypes.DeclaringTypes(_model.UseStaticFiles, _model.UseFileServer);

        public override void AnalyzeCall(OperationAnalysisContext context, IMethodSymbol method)
        {
            if (context.Operation is not IInvocationOperation invocation ||
                !WellKnownTypes.Contains(_model.UseStaticFiles, method) && !WellKnownTypes.Contains(_model.UseFileServer, method) ||
                EnvironmentGuard.IsDevelopmentOnly(invocation, _types))
            {
                // A directory listing is SSA0002's finding, which names the private folder too: one finding per place.
                return;
            }

            if (context.ContainingSymbol is IMethodSymbol container && IsUncalledExtension(container, context.Compilation, context.CancellationToken))
            {
                // app.UseStaticFilesUploads(), an internal extension whose only call is commented out: it never runs.
                return;
            }

            if (Judge(context, invocation) is not { } evidence ||
                CompilationFacts.OwnerOf(invocation, context.CancellationToken) is not { } owner ||
                _model.Describe(invocation, owner) is not { } registration)
            {
                return;
            }

            var reason = evidence.Reason;
            var facts = _facts.Get(context.Compilation, context.Options, context.CancellationToken);

            var hasFallback = facts.Authorization.HasFallbackPolicy;
            var afterAuthorization = PipelineModel.RunsAfterAuthorization(registration, facts.PipelineEvents);
            if (afterAuthorization && hasFallback)
            {
                return;
            }

            var why = evidence.AsyncGate ? AsyncGateWhy
                : afterAuthorization ? "no fallback authorization policy requires a signed-in user"
                : "it runs before UseAuthorization(), or with none";
            context.ReportDiagnostic(Diagnostic.Create(
                SSA0001AnonymousStaticFiles.Descriptor,
                registration.Location,
                hasFallback ? WithFallback : ImmutableDictionary<string, string?>.Empty,
                evidence.Method,
                reason.What,
                reason.Evidence,
                why));
        }

        /// <summary>
        /// True for an extension method of the project that nothing outside the project can call (internal or private, no
        /// <c>InternalsVisibleTo</c>) and whose name appears nowhere in the project's code but its own declaration (a
        /// call in a comment is trivia, not code): the registration in it never runs. A name written anywhere else
        /// (a call, a method group, <c>nameof</c>) counts as a call. Once per method; only methods that hold a
        /// registration are looked at.
        /// </summary>
        private bool IsUncalledExtension(IMethodSymbol method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            if (!method.IsExtensionMethod || method.DeclaringSyntaxReferences.IsEmpty ||
                method.DeclaredAccessibility == Accessibility.Public && method.ContainingType?.DeclaredAccessibility == Accessibility.Public)
            {
                return false;
            }

            var definition = method.OriginalDefinition;
            if (_uncalled.TryGetValue(definition, out var known))
            {
                return known;
            }

            return _uncalled.GetOrAdd(definition, !HasInternalsVisibleTo(compilation) && !IsNamedElsewhere(definition, compilation, cancellationToken));
        }

        private bool HasInternalsVisibleTo(Compilation compilation)
        {
            if (_types.InternalsVisibleToAttribute is not { } internalsVisibleTo)
            {
                // The attribute type cannot be resolved: assume friends exist, so the registration counts as called.
                return true;
            }

            foreach (var attribute in compilation.Assembly.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, internalsVisibleTo))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsNamedElsewhere(IMethodSymbol method, Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var declarations = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            var declarationTrees = new List<SyntaxTree>();
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax declaration)
                {
                    declarations.Add(declaration.Identifier.Span);
                    declarationTrees.Add(declaration.SyntaxTree);
                }
            }

            var name = method.Name;
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                {
                    if (token.RawKind != (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken || token.ValueText != name)
                    {
                        continue;
                    }

                    var isDeclaration = false;
                    for (var i = 0; i < declarations.Count; i++)
                    {
                        isDeclaration |= declarationTrees[i] == tree && declarations[i] == token.Span;
                    }

                    if (!isDeclaration)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The evidence that the registration serves private files without a gate of its own, or null.</summary>
        private Evidence? Judge(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod.Name;
            var gated = false;
            var asyncGate = false;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    continue;
                }

                foreach (var assignment in _folders.Initializers(argument.Value))
                {
                    if (assignment.Target is not IPropertyReferenceOperation target)
                    {
                        continue;
                    }

                    var property = target.Property.OriginalDefinition;
                    if (SymbolEquality.Is(property, _onPrepareResponse) || SymbolEquality.Is(property, _onPrepareResponseAsync))
                    {
                        JudgeGate(assignment.Value, SymbolEquality.Is(property, _onPrepareResponse), ref gated, ref asyncGate);
                    }
                    else if (SymbolEquality.Is(property, _staticFileOptions))
                    {
                        foreach (var inner in _folders.Initializers(assignment.Value))
                        {
                            if (inner.Target is IPropertyReferenceOperation innerTarget &&
                                (SymbolEquality.Is(innerTarget.Property.OriginalDefinition, _onPrepareResponse) ||
                                 SymbolEquality.Is(innerTarget.Property.OriginalDefinition, _onPrepareResponseAsync)))
                            {
                                JudgeGate(inner.Value, SymbolEquality.Is(innerTarget.Property.OriginalDefinition, _onPrepareResponse), ref gated, ref asyncGate);
                            }
                        }
                    }
                }
            }

            if (gated)
            {
                return null;
            }

            // The one answer SSA0009 asks too: private by its name, or because the project writes request data into it
            // (by folder identity, from the writes of the whole project: CompilationFacts).
            _folders.FolderOf(invocation, out var fileProvider, out var requestPath);
            if (_folders.WhyPrivate(context.Compilation, context.Options, invocation.Syntax.SyntaxTree, fileProvider, requestPath, context.CancellationToken) is { } reason)
            {
                return new Evidence(method, reason, asyncGate);
            }

            // A gate that checks who is asking says the files are private, whatever the folder is called.
            if (asyncGate)
            {
                return new Evidence(method, new SourceReason("files it means to keep from anonymous users", "its OnPrepareResponse checks User.Identity.IsAuthenticated"), asyncGate: true);
            }

            return null;
        }

        /// <summary>
        /// Judges an <c>OnPrepareResponse</c>/<c>OnPrepareResponseAsync</c> callback: a gate when it reads
        /// <c>User.Identity.IsAuthenticated</c>; but an async lambda given to <c>OnPrepareResponse</c> (async void: the
        /// middleware does not wait for it) is a gate only when it sets the status code before its first await, otherwise
        /// it returns at that await and the file is sent (<paramref name="asyncGate"/>). <c>OnPrepareResponseAsync</c> is
        /// awaited before the body is written, so an await there is fine.
        /// </summary>
        private void JudgeGate(IOperation value, bool isSynchronousCallback, ref bool gated, ref bool asyncGate)
        {
            if (!RejectsAnonymous(value))
            {
                return;
            }

            var callback = value.WithoutDelegateConversions();
            if (isSynchronousCallback && callback is IAnonymousFunctionOperation { Symbol.IsAsync: true } lambda && !SetsStatusBeforeAwait(lambda))
            {
                asyncGate = true;
                return;
            }

            gated = true;
        }

        /// <summary>True when the lambda awaits nothing, or assigns <c>Response.StatusCode</c> before its first await (in source order).</summary>
        private bool SetsStatusBeforeAwait(IAnonymousFunctionOperation lambda)
        {
            var firstAwait = int.MaxValue;
            var firstStatus = int.MaxValue;
            foreach (var descendant in lambda.Body.Descendants())
            {
                if (descendant is IAwaitOperation)
                {
                    firstAwait = Math.Min(firstAwait, descendant.Syntax.SpanStart);
                }
                else if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } &&
                         SymbolEquality.Is(target.Property.OriginalDefinition, _statusCode))
                {
                    firstStatus = Math.Min(firstStatus, descendant.Syntax.Span.End);
                }
            }

            return firstAwait == int.MaxValue || firstStatus < firstAwait;
        }

        /// <summary>An <c>OnPrepareResponse</c> callback that reads <c>User.Identity.IsAuthenticated</c>: the documented gate.</summary>
        private bool RejectsAnonymous(IOperation value)
        {
            if (_isAuthenticated is null)
            {
                return false;
            }

            foreach (var descendant in value.DescendantsAndSelf())
            {
                if (descendant is IPropertyReferenceOperation property &&
                    SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, _isAuthenticated))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
