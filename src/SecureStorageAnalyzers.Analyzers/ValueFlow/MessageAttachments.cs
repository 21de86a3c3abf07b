using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// An e-mail attachment's name: the file name a message shows for what it carries, not a place anything is stored.
/// Known by the mail libraries' own members, resolved once per compilation: <c>System.Net.Mail.Attachment</c>'s
/// constructors and <c>CreateAttachmentFromString</c> (their <c>name</c>), MimeKit's <c>AttachmentCollection.Add</c>
/// (<c>fileName</c>) and <c>MimePart.FileName</c>, SendGrid's <c>SendGridMessage.AddAttachment</c> (<c>filename</c>).
/// A string handed straight to one of them, or to the application's own method whose parameter goes only there (its
/// e-mail service's <c>SendWithAttachmentAsync(to, subject, body, bytes, fileName)</c>, one level), names an attachment.
/// </summary>
internal sealed class MessageAttachments
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _mailAttachment;
    private readonly INamedTypeSymbol? _mimeAttachments;
    private readonly INamedTypeSymbol? _mimePart;
    private readonly INamedTypeSymbol? _sendGridMessage;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _parameters = new(SymbolEqualityComparer.Default);

    private MessageAttachments(WellKnownTypes types)
    {
        _compilation = types.Compilation;
        _mailAttachment = types.Resolve("System.Net.Mail.Attachment");
        _mimeAttachments = types.Resolve("MimeKit.AttachmentCollection");
        _mimePart = types.Resolve("MimeKit.MimePart");
        _sendGridMessage = types.Resolve("SendGrid.Helpers.Mail.SendGridMessage");
    }

    /// <summary>The instance of the compilation.</summary>
    public static MessageAttachments For(WellKnownTypes types) => types.Shared(static t => new MessageAttachments(t));

    private bool IsEmpty => _mailAttachment is null && _mimeAttachments is null && _mimePart is null && _sendGridMessage is null;

    /// <summary>
    /// True when <paramref name="value"/> (a file name being built) is only an e-mail attachment's name: an argument that
    /// a mail library takes as one, or an argument of the application's own method whose parameter is used only so.
    /// </summary>
    public bool OnlyNamesAnAttachment(IOperation value, CancellationToken cancellationToken)
    {
        if (IsEmpty || value.ParentSkippingConversions() is not IArgumentOperation { Parameter: { } parameter } argument)
        {
            return false;
        }

        if (IsAttachmentName(argument))
        {
            return true;
        }

        if (argument.Parent is not IInvocationOperation { TargetMethod: { IsAbstract: false } method } ||
            !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly) ||
            parameter.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        // Keyed by the definition's parameter: one answer for every construction of a generic method.
        var definition = method.OriginalDefinition;
        if (parameter.Ordinal >= definition.Parameters.Length)
        {
            return false;
        }

        var key = definition.Parameters[parameter.Ordinal];
        if (!_parameters.TryGetValue(key, out var only))
        {
            only = _parameters.GetOrAdd(key, ParameterOnlyNamesAttachments(definition, parameter.Ordinal, cancellationToken));
        }

        return only;
    }

    private bool IsAttachmentName(IArgumentOperation argument)
    {
        var name = argument.Parameter?.Name;
        switch (argument.Parent)
        {
            case IObjectCreationOperation creation:
                return name == "name" && _mailAttachment is not null && WellKnownTypes.DerivesFrom(creation.Type, _mailAttachment);
            case IInvocationOperation invocation:
                var type = invocation.TargetMethod.ContainingType;
                return name == "name" && _mailAttachment is not null && SymbolEqualityComparer.Default.Equals(type, _mailAttachment) ||
                       name == "fileName" && _mimeAttachments is not null && SymbolEqualityComparer.Default.Equals(type, _mimeAttachments) ||
                       name == "filename" && _sendGridMessage is not null && SymbolEqualityComparer.Default.Equals(type, _sendGridMessage) &&
                       invocation.TargetMethod.Name.StartsWith("AddAttachment", System.StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>
    /// True when every read of the method's parameter is an attachment's name (a null or empty check aside) and there is
    /// at least one.
    /// </summary>
    private bool ParameterOnlyNamesAttachments(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        if (ordinal >= method.Parameters.Length || Body(method, cancellationToken) is not { } body)
        {
            return false;
        }

        var target = method.Parameters[ordinal];
        var named = false;
        foreach (var operation in body.Descendants())
        {
            if (operation is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, target))
            {
                continue;
            }

            switch (reference.ParentSkippingConversions())
            {
                case IArgumentOperation use when IsAttachmentName(use):
                    named = true;
                    continue;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName" } property } when
                    _mimePart is not null && WellKnownTypes.DerivesFrom(property.Property.ContainingType, _mimePart):
                    named = true;
                    continue;
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } check } when
                    check.TargetMethod.ContainingType.SpecialType == SpecialType.System_String:
                    continue;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals }:
                    continue;
                default:
                    return false;
            }
        }

        return named;
    }

#pragma warning disable RS1030 // The application's own method is in its own file: its semantic model, shared with the driver's cached ones; once per method and parameter.
    private IOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            if (_compilation.ContainsSyntaxTree(syntax.SyntaxTree) &&
                _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is IMethodBodyBaseOperation body &&
                (body.BlockBody is not null || body.ExpressionBody is not null))
            {
                return body;
            }
        }

        return null;
    }
#pragma warning restore RS1030
}
