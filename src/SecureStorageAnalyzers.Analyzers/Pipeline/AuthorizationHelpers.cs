using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Pipeline;

/// <summary>
/// The project's own authorization helpers, named in <c>.editorconfig</c> because the model cannot see inside them
/// (they live in a shared library, or are not extension methods of the builder):
/// <list type="bullet">
/// <item><c>ssa.authorization_methods</c>: <c>Namespace.Type.Method</c> names of calls that authorize where they are
/// written: in the middleware pipeline like <c>UseAuthorization()</c>, on an endpoint, group or
/// <c>MapControllers()</c> like <c>RequireAuthorization()</c>;</item>
/// <item><c>ssa.authorization_attributes</c>: full names of attributes that authorize like <c>[Authorize]</c> (derived
/// attributes count too);</item>
/// <item><c>ssa.fallback_policy_methods</c>: <c>Namespace.Type.Method</c> names of calls that set a fallback policy
/// requiring an authenticated user, like <c>AddAuthorization(o =&gt; o.FallbackPolicy = …)</c>.</item>
/// </list>
/// Names are resolved to symbols by <see cref="ConfiguredNames"/>, once per compilation and distinct list; matching is a set lookup. Lists are separated by
/// commas, semicolons or spaces. A name the compilation does not define is ignored. Read by SSA0001 and SSA0005 (and
/// through the pipeline model by SSA0002 and SSA0009).
/// </summary>
internal sealed class AuthorizationHelpers
{
    public const string MethodsKey = "ssa.authorization_methods";
    public const string AttributesKey = "ssa.authorization_attributes";
    public const string FallbackPolicyMethodsKey = "ssa.fallback_policy_methods";

    private readonly MethodSet _methods;
    private readonly MethodSet _fallbackPolicyMethods;
    private readonly ImmutableArray<INamedTypeSymbol> _attributes;

    private AuthorizationHelpers(MethodSet methods, MethodSet fallbackPolicyMethods, ImmutableArray<INamedTypeSymbol> attributes)
    {
        _methods = methods;
        _fallbackPolicyMethods = fallbackPolicyMethods;
        _attributes = attributes;
    }

    /// <summary>No helpers configured (one per <see cref="Cache"/>, that is per compilation).</summary>
    private static AuthorizationHelpers None() => new(
        MethodSet.Empty(), MethodSet.Empty(), ImmutableArray<INamedTypeSymbol>.Empty);

    /// <summary>True when any helper method is configured: calls of any type may then matter.</summary>
    public bool HasMethods => !_methods.IsEmpty || !_fallbackPolicyMethods.IsEmpty;

    /// <summary>The names of the configured helper methods: what <see cref="CompilationFacts"/> looks for in every file.</summary>
    public System.Collections.Generic.IEnumerable<string> MethodNames
    {
        get
        {
            foreach (var method in _methods)
            {
                yield return method.Name;
            }

            foreach (var method in _fallbackPolicyMethods)
            {
                yield return method.Name;
            }
        }
    }

    public bool IsAuthorizationMethod(IMethodSymbol method) => WellKnownTypes.Contains(_methods, method);

    public bool IsFallbackPolicyMethod(IMethodSymbol method) => WellKnownTypes.Contains(_fallbackPolicyMethods, method);

    /// <summary>True when <paramref name="attribute"/> is, or derives from, a configured authorization attribute.</summary>
    public bool IsAuthorizationAttribute(INamedTypeSymbol attribute)
    {
        foreach (var configured in _attributes)
        {
            if (WellKnownTypes.DerivesFrom(attribute, configured))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text of the three settings for a file, empty where a key is not set.</summary>
    internal static (string Methods, string Attributes, string FallbackPolicyMethods) Settings(AnalyzerConfigOptions options) => (
        options.TryGetValue(MethodsKey, out var methods) ? methods : string.Empty,
        options.TryGetValue(AttributesKey, out var attributes) ? attributes : string.Empty,
        options.TryGetValue(FallbackPolicyMethodsKey, out var fallback) ? fallback : string.Empty);

    /// <summary>
    /// Reads and resolves the helpers per <see cref="AnalyzerConfigOptions"/> instance. One cache per compilation: the
    /// symbols it holds belong to that compilation, so it must not outlive it.
    /// </summary>
    internal sealed class Cache
    {
        private readonly ConfiguredNames _names;
        private readonly AuthorizationHelpers _none = None();
        private readonly OptionsCache<AuthorizationHelpers> _byOptions;

        private Cache(WellKnownTypes types)
        {
            _names = ConfiguredNames.For(types);
            _byOptions = new OptionsCache<AuthorizationHelpers>(Read);
        }

        /// <summary>The cache of the compilation, shared by every rule that asks.</summary>
        public static Cache For(WellKnownTypes types) => types.Shared(static t => new Cache(t));

        public AuthorizationHelpers For(AnalyzerOptions options, SyntaxTree tree) => _byOptions.For(options, tree);

        private AuthorizationHelpers Read(AnalyzerConfigOptions options)
        {
            var (methods, attributes, fallback) = Settings(options);
            if (methods.Length + attributes.Length + fallback.Length == 0)
            {
                return _none;
            }

            return new AuthorizationHelpers(
                _names.Methods(ConfigList.Split(methods)),
                _names.Methods(ConfigList.Split(fallback)),
                _names.Types(ConfigList.Split(attributes)));
        }
    }
}
