using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Iis;

/// <summary>One finding in a <c>web.config</c>: the rule, the span (an attribute or an element name) and the message arguments.</summary>
internal readonly struct WebConfigFinding
{
    public WebConfigFinding(DiagnosticDescriptor descriptor, TextSpan span, params object[] arguments)
    {
        Descriptor = descriptor;
        Span = span;
        Arguments = arguments;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public TextSpan Span { get; }

    public object[] Arguments { get; }
}
