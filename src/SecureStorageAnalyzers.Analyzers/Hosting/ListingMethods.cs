using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Hosting;

/// <summary>
/// Methods that turn directory browsing on from a place the compilation cannot see into (a NuGet package's
/// <c>app.UseFileServerPlus(…, enableDirectoryBrowsing: true)</c>), named in <c>.editorconfig</c> as
/// <c>SSA0002.listing_methods</c>. Each item is a method, every overload (<c>Namespace.Type.Method</c>) or one
/// (its documentation-comment id, <c>M:Namespace.Type.Method(Microsoft.AspNetCore.Builder.IApplicationBuilder,System.Boolean)</c>),
/// optionally followed by <c>:parameter</c>, the name of its <c>bool</c> parameter that turns the listing on: without
/// it the method always lists, with it the call lists when that argument is the constant <c>true</c> (passed, or its
/// default). Resolved to symbols by <see cref="ConfiguredNames"/> and the compilation's documentation ids, once per
/// compilation and distinct list; matching is a set lookup, never a name in code. A name the compilation does not define,
/// or an overload without the named <c>bool</c> parameter, is ignored.
/// </summary>
internal sealed class ListingMethods
{
    public const string Key = "SSA0002.listing_methods";

    private readonly MethodSet _all;
    private readonly ImmutableArray<(MethodSet Methods, string? Parameter)> _entries;

    private ListingMethods(MethodSet all, ImmutableArray<(MethodSet Methods, string? Parameter)> entries)
    {
        _all = all;
        _entries = entries;
    }

    private static ListingMethods None() => new(MethodSet.Empty(), ImmutableArray<(MethodSet, string?)>.Empty);

    /// <summary>True when <paramref name="method"/> is one of the configured methods (whether this call lists is <see cref="Lists"/>).</summary>
    public bool Contains(IMethodSymbol method) => !_all.IsEmpty && _all.Contains(method);

    /// <summary>True when the call lists: its method always does, or its named <c>bool</c> argument is the constant <c>true</c>.</summary>
    public bool Lists(IInvocationOperation invocation)
    {
        foreach (var (methods, parameter) in _entries)
        {
            if (!methods.Contains(invocation.TargetMethod))
            {
                continue;
            }

            if (parameter is null)
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Boolean } named &&
                    string.Equals(named.Name, parameter, StringComparison.Ordinal) &&
                    (argument.Value.IsConstantTrue() ||
                     argument.ArgumentKind == ArgumentKind.DefaultValue && named is { HasExplicitDefaultValue: true, ExplicitDefaultValue: true }))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The folder a configured listing call lists, as its arguments say by their types: an <c>IFileProvider</c>
    /// (<paramref name="fileProvider"/>, read like a registration's <c>FileProvider</c>), or a <c>DirectoryInfo</c> whose
    /// path is known (<paramref name="path"/>: <c>new DirectoryInfo(path)</c>, directly or through a local). False when
    /// neither is passed (a <c>string</c> argument may be a name, a request path or a folder: the type does not say).
    /// </summary>
    public static bool FolderOf(IInvocationOperation invocation, WellKnownTypes types, StorageSinks sinks, out IOperation? fileProvider, out IOperation? path)
    {
        fileProvider = null;
        path = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter?.Type is not { } type)
            {
                continue;
            }

            if (types.IFileProvider is { } provider && WellKnownTypes.Implements(type, provider))
            {
                fileProvider = argument.Value;
                return true;
            }

            if (!SymbolEquality.DefinitionIs(type, types.DirectoryInfo))
            {
                continue;
            }

            var value = argument.Value.WithoutConversions();
            if (value is ILocalReferenceOperation local && sinks.BodyIndex(local).ValuesOf(local.Local) is { Count: 1 } values)
            {
                value = values[0].WithoutConversions();
            }

            if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation && SymbolEquality.DefinitionIs(creation.Type, types.DirectoryInfo))
            {
                path = creation.Arguments[0].Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads and resolves the setting per <see cref="AnalyzerConfigOptions"/> instance. One cache per compilation: the
    /// symbols it holds belong to that compilation.
    /// </summary>
    internal sealed class Cache
    {
        private readonly WellKnownTypes _types;
        private readonly ConfiguredNames _names;
        private readonly ListingMethods _none = None();
        private readonly OptionsCache<ListingMethods> _byOptions;

        private Cache(WellKnownTypes types)
        {
            _types = types;
            _names = ConfiguredNames.For(types);
            _byOptions = new OptionsCache<ListingMethods>(Read);
        }

        /// <summary>The cache of the compilation, shared by every rule that asks.</summary>
        public static Cache For(WellKnownTypes types) => types.Shared(static t => new Cache(t));

        public ListingMethods For(AnalyzerOptions options, SyntaxTree tree) => _byOptions.For(options, tree);

        private ListingMethods Read(AnalyzerConfigOptions options)
        {
            if (!options.TryGetValue(Key, out var value) || ConfigList.Split(value) is not { IsEmpty: false } items)
            {
                return _none;
            }

            var all = new List<IMethodSymbol>();
            var entries = ImmutableArray.CreateBuilder<(MethodSet, string?)>();
            foreach (var item in items)
            {
                // "M:N.T.M(…):flag" or "N.T.M:flag": the parameter follows the last ':' after the id's own prefix.
                var start = item.StartsWith("M:", StringComparison.Ordinal) ? 2 : 0;
                var colon = item.LastIndexOf(':');
                var close = item.LastIndexOf(')');
                string name = item;
                string? parameter = null;
                if (colon >= Math.Max(start, 1) && colon > close && colon < item.Length - 1)
                {
                    name = item.Substring(0, colon);
                    parameter = item.Substring(colon + 1);
                }

                var methods = new List<IMethodSymbol>();
                foreach (var method in Resolve(name))
                {
                    if (parameter is null || HasBoolParameter(method, parameter))
                    {
                        methods.Add(method);
                    }
                }

                if (methods.Count > 0)
                {
                    all.AddRange(methods);
                    entries.Add((new MethodSet(methods), parameter));
                }
            }

            return entries.Count == 0 ? _none : new ListingMethods(new MethodSet(all), entries.ToImmutable());
        }

        private IEnumerable<IMethodSymbol> Resolve(string name)
        {
            if (name.StartsWith("M:", StringComparison.Ordinal))
            {
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(name, _types.Compilation))
                {
                    if (symbol is IMethodSymbol method)
                    {
                        yield return method;
                    }
                }

                yield break;
            }

            foreach (var method in _names.Methods(ImmutableArray.Create(name)))
            {
                yield return method;
            }
        }

        private static bool HasBoolParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Boolean && string.Equals(parameter.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
