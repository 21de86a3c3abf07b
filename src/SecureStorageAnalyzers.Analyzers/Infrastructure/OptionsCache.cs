using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>Caches of <see cref="OptionsCache{T}"/> whose values depend on part of a file's settings only.</summary>
internal static class OptionsCache
{
    /// <summary>
    /// A cache whose values are built once per distinct <typeparamref name="TKey"/> (compared by value) that
    /// <paramref name="read"/> finds in a file's settings, not once per <see cref="AnalyzerConfigOptions"/> instance: two
    /// .editorconfig sections that say the same get the same value (a value-flow tracker, with the memo it fills).
    /// </summary>
    public static OptionsCache<T> BySettings<TKey, T>(Func<AnalyzerConfigOptions, TKey> read, Func<TKey, T> create)
        where TKey : notnull
        where T : class
    {
        var bySettings = new ConcurrentDictionary<TKey, T>();
        return new OptionsCache<T>(options =>
        {
            var settings = read(options);
            return bySettings.TryGetValue(settings, out var value) ? value : bySettings.GetOrAdd(settings, create(settings));
        });
    }
}

/// <summary>
/// A value derived from a file's <c>.editorconfig</c> settings, built once per <see cref="AnalyzerConfigOptions"/>
/// instance (one per distinct section set) and remembered for the last file asked about. The driver hands an analyzer
/// the operations of one file after another, so most calls are answered by that last file without asking the options
/// provider (a lookup among all the compilation's trees) or the table. One instance per compilation: the values may hold
/// its symbols.
/// </summary>
internal sealed class OptionsCache<T>
    where T : class
{
    private readonly ConditionalWeakTable<AnalyzerConfigOptions, T> _byOptions = new();
    private readonly ConditionalWeakTable<AnalyzerConfigOptions, T>.CreateValueCallback _create;
    private LastFile? _last;

    public OptionsCache(ConditionalWeakTable<AnalyzerConfigOptions, T>.CreateValueCallback create) => _create = create;

    /// <summary>The value for the settings of <paramref name="tree"/>.</summary>
    public T For(AnalyzerOptions options, SyntaxTree tree)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && ReferenceEquals(last.Tree, tree) && ReferenceEquals(last.Options, options))
        {
            return last.Value;
        }

        var value = _byOptions.GetValue(options.AnalyzerConfigOptionsProvider.GetOptions(tree), _create);
        Volatile.Write(ref _last, new LastFile(options, tree, value));
        return value;
    }

    /// <summary>Immutable, so that concurrent callers read a consistent triple.</summary>
    private sealed class LastFile
    {
        public LastFile(AnalyzerOptions options, SyntaxTree tree, T value)
        {
            Options = options;
            Tree = tree;
            Value = value;
        }

        public AnalyzerOptions Options { get; }

        public SyntaxTree Tree { get; }

        public T Value { get; }
    }
}
