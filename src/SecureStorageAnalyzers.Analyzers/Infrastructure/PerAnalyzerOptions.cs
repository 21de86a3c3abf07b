using System;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SecureStorageAnalyzers.Infrastructure;

/// <summary>
/// A value read from a compilation's <see cref="AnalyzerOptions"/> (its additional files: the web*.config set, the Razor
/// views), read on the first question and kept while the options are the same object. Held per compilation through
/// <see cref="WellKnownTypes.Shared{T}"/>; a cancelled read leaves nothing behind.
/// </summary>
internal sealed class PerAnalyzerOptions<T>
    where T : class
{
    private readonly object _gate = new();
    private readonly Func<AnalyzerOptions, CancellationToken, T> _read;
    private AnalyzerOptions? _options;
    private T? _value;

    public PerAnalyzerOptions(Func<AnalyzerOptions, CancellationToken, T> read) => _read = read;

    public T Get(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_value is not null && ReferenceEquals(_options, options))
            {
                return _value;
            }

            _value = _read(options, cancellationToken);
            _options = options;
            return _value;
        }
    }
}
