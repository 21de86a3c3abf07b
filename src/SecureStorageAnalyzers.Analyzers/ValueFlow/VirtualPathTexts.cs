using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Iis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The constant texts a virtual path handed to classic ASP.NET's <c>MapPath</c> can start with (SSA0006): a literal or
/// constant, the left end of a concatenation, the start of an interpolation, the first part of a <c>Path.Combine</c>,
/// and an application setting read with a constant key (<c>ConfigurationManager.AppSettings["Uploads"]</c>,
/// <c>WebConfigurationManager.AppSettings</c>, also through <c>Get(key)</c> and <c>ToString()</c>), whose value is the one
/// the application's web.config gives (<see cref="WebConfigSet.AppSetting"/>). Followed through the values of a local in
/// the same body, a field of the project (its initializer and its assignments in the type's constructors), a property of
/// the project without a setter (its getter's returns, or a get-only auto-property's initializer) and a method of the
/// project without parameters (its returns). Every branch of a conditional and every value of a local counts: the
/// caller asks whether any of them names a served folder. Members are read once per compilation.
/// </summary>
internal sealed class VirtualPathTexts
{
    private const int MaxDepth = 12;

    private readonly StorageSinks _sinks;
    private readonly SymbolSet<IPropertySymbol> _appSettings;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _memberValues = new(SymbolEqualityComparer.Default);

    public VirtualPathTexts(WellKnownTypes types, StorageSinks sinks)
    {
        _sinks = sinks;
        _appSettings = SymbolSet<IPropertySymbol>.Of(
            WellKnownTypes.Property(types.SystemConfigurationManager, "AppSettings"),
            WellKnownTypes.Property(types.SystemWebConfigurationManager, "AppSettings"));
    }

    /// <summary>
    /// Adds to <paramref name="texts"/> every constant text <paramref name="value"/> can start with; a setting whose value
    /// <paramref name="configuration"/> does not know adds nothing. <paramref name="settings"/>, when given, gets the
    /// texts that came from a setting (what the path's words are read from, beside the code's own literals).
    /// </summary>
    public void Add(IOperation value, WebConfigSet? configuration, List<string> texts, List<string>? settings = null) =>
        Add(value, configuration, texts, settings, 0, null);

    private void Add(IOperation value, WebConfigSet? configuration, List<string> texts, List<string>? settings, int depth, HashSet<ISymbol>? visited)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        value = value.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            texts.Add(text);
            return;
        }

        switch (value)
        {
            case IParenthesizedOperation parenthesized:
                Add(parenthesized.Operand, configuration, texts, settings, depth + 1, visited);
                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                if (concatenation.LeftOperand.ConstantValue is { HasValue: true, Value: string root } && IsRootOnly(root))
                {
                    // "~" + relativePath: the application's root, then the texts the rest starts with.
                    AddAfterRoot(root, concatenation.RightOperand, configuration, texts, settings, depth, visited);
                    break;
                }

                Add(concatenation.LeftOperand, configuration, texts, settings, depth + 1, visited);
                break;

            case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated:
                if (interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string first } })
                {
                    if (IsRootOnly(first) && interpolated.Parts.Length > 1 && interpolated.Parts[1] is IInterpolationOperation rest)
                    {
                        // $"~{ relativePath }" with relativePath = $"/Users/{ userId }/…": the folder is the hole's start.
                        AddAfterRoot(first, rest.Expression, configuration, texts, settings, depth, visited);
                        break;
                    }

                    texts.Add(first);
                }
                else if (interpolated.Parts[0] is IInterpolationOperation hole)
                {
                    Add(hole.Expression, configuration, texts, settings, depth + 1, visited);
                }

                break;

            case IConditionalOperation conditional:
                Add(conditional.WhenTrue, configuration, texts, settings, depth + 1, visited);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    Add(whenFalse, configuration, texts, settings, depth + 1, visited);
                }

                break;

            case ICoalesceOperation coalesce:
                Add(coalesce.Value, configuration, texts, settings, depth + 1, visited);
                Add(coalesce.WhenNull, configuration, texts, settings, depth + 1, visited);
                break;

            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer when IsAppSettings(indexer.Instance):
                AddSetting(indexer.Arguments[0].Value, configuration, texts, settings);
                break;

            case IInvocationOperation { TargetMethod.Name: "Get", Arguments.Length: 1 } get when IsAppSettings(get.Instance) &&
                                                                                                 get.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                AddSetting(get.Arguments[0].Value, configuration, texts, settings);
                break;

            case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { Type.SpecialType: SpecialType.System_String } instance }:
                Add(instance, configuration, texts, settings, depth + 1, visited);
                break;

            case IInvocationOperation { TargetMethod: { Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } format
                when FormatArgument(format) is { } formatText:
                // MapPath(string.Format("Archivos/{0}", id)): the format's text is where the path starts (a hole first
                // says nothing: its text is "{0}…", no folder).
                Add(formatText, configuration, texts, settings, depth + 1, visited);
                break;

            case IInvocationOperation { Arguments.Length: > 0 } combine when _sinks.IsPathBuilder(combine.TargetMethod) &&
                                                                           combine.Arguments[0].ArgumentKind != ArgumentKind.ParamArray:
                Add(combine.Arguments[0].Value, configuration, texts, settings, depth + 1, visited);
                break;

            case IInvalidOperation invalid when _sinks.IsUnboundStringCall(invalid, out var combine) && combine &&
                                                StorageSinks.UnboundArguments(invalid) is { Count: > 0 } parts:
                // MapPath(Path.Combine("~/Uploads", record.Code)) with record's type unknown: its first part.
                Add(parts[0], configuration, texts, settings, depth + 1, visited);
                break;

            case IInvocationOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation } call when call.SemanticModel is { } model:
                foreach (var returned in _sinks.ProjectReturns.Of(call.TargetMethod, model.Compilation))
                {
                    AddMember(call.TargetMethod, returned, configuration, texts, settings, depth, ref visited);
                }

                break;

            case ILocalReferenceOperation local:
                if ((visited ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default)).Add(local.Local))
                {
                    foreach (var assigned in _sinks.BodyIndex(local).ValuesOf(local.Local))
                    {
                        Add(assigned, configuration, texts, settings, depth + 1, visited);
                    }
                }

                break;

            case IFieldReferenceOperation { Field: { Type.SpecialType: SpecialType.System_String } field } when value.SemanticModel is { } model:
                foreach (var assigned in _memberValues.GetOrAdd(field.OriginalDefinition, f => FieldValues((IFieldSymbol)f, model.Compilation)))
                {
                    AddMember(field, assigned, configuration, texts, settings, depth, ref visited);
                }

                break;

            case IPropertyReferenceOperation { Property: { IsIndexer: false, SetMethod: null, Type.SpecialType: SpecialType.System_String } property }
                when value.SemanticModel is { } model:
                foreach (var returned in _memberValues.GetOrAdd(property.OriginalDefinition, p => PropertyValues((IPropertySymbol)p, model.Compilation)))
                {
                    AddMember(property, returned, configuration, texts, settings, depth, ref visited);
                }

                break;
        }
    }

    /// <summary>The argument of <c>string.Format</c>'s <c>format</c> parameter, whichever overload bound it.</summary>
    private static IOperation? FormatArgument(IInvocationOperation format)
    {
        foreach (var argument in format.Arguments)
        {
            if (argument.Parameter is { Name: "format" })
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>"~" or "~/" alone: the application's root, whose folder is what follows.</summary>
    private static bool IsRootOnly(string text) => text is "~" or "~/" or "~\\";

    /// <summary>
    /// The texts of <paramref name="rest"/> each prefixed with <paramref name="root"/>; the root alone when the rest
    /// starts with none (a hole of a value not known here: what follows the call decides, as before).
    /// </summary>
    private void AddAfterRoot(string root, IOperation rest, WebConfigSet? configuration, List<string> texts, List<string>? settings, int depth,
        HashSet<ISymbol>? visited)
    {
        var following = new List<string>();
        Add(rest, configuration, following, settings, depth + 1, visited);
        if (following.Count == 0)
        {
            texts.Add(root);
            return;
        }

        foreach (var text in following)
        {
            texts.Add(root.TrimEnd('/', '\\') + (text.Length > 0 && text[0] is '/' or '\\' ? text : "/" + text));
        }
    }

    private void AddMember(ISymbol member, IOperation value, WebConfigSet? configuration, List<string> texts, List<string>? settings, int depth,
        ref HashSet<ISymbol>? visited)
    {
        visited ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (visited.Add(member.OriginalDefinition))
        {
            Add(value, configuration, texts, settings, depth + 1, visited);
            visited.Remove(member.OriginalDefinition);
        }
    }

    private static void AddSetting(IOperation key, WebConfigSet? configuration, List<string> texts, List<string>? settings)
    {
        if (configuration is not null && key.ConstantValue is { HasValue: true, Value: string name } && configuration.AppSetting(name) is { } setting)
        {
            texts.Add(setting);
            settings?.Add(setting);
        }
    }

    /// <summary><c>ConfigurationManager.AppSettings</c> or <c>WebConfigurationManager.AppSettings</c>.</summary>
    private bool IsAppSettings(IOperation? instance) =>
        !_appSettings.IsEmpty && instance?.WithoutConversions() is IPropertyReferenceOperation property &&
        _appSettings.Contains(property.Property.OriginalDefinition);

#pragma warning disable RS1030 // A member's declaration is in its own file: its semantic model, shared with the driver's cached ones.
    /// <summary>A field of the project: its initializer and what the constructors of its type (static ones for a static field) assign it.</summary>
    private static ImmutableArray<IOperation> FieldValues(IFieldSymbol field, Compilation compilation)
    {
        if (field.IsConst || !SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, compilation.Assembly) || field.ContainingType is not { } type)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(CancellationToken.None) is VariableDeclaratorSyntax { Initializer: { } initializer } &&
                compilation.ContainsSyntaxTree(reference.SyntaxTree) &&
                compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(initializer.Value) is { } value)
            {
                values.Add(value);
            }
        }

        foreach (var constructor in field.IsStatic ? type.StaticConstructors : type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree) ||
                    compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(reference.GetSyntax(CancellationToken.None)) is not { } body)
                {
                    continue;
                }

                foreach (var operation in body.Walk())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IFieldReferenceOperation target } assignment &&
                        SymbolEqualityComparer.Default.Equals(target.Field.OriginalDefinition, field.OriginalDefinition))
                    {
                        values.Add(assignment.Value);
                    }
                }
            }
        }

        return values.ToImmutable();
    }

    /// <summary>A property of the project without a setter: its getter's returns, or a get-only auto-property's initializer.</summary>
    private ImmutableArray<IOperation> PropertyValues(IPropertySymbol property, Compilation compilation)
    {
        if (!SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, compilation.Assembly) || property.GetMethod is not { } getter)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        var returns = _sinks.ProjectReturns.Of(getter, compilation);
        if (!returns.IsEmpty)
        {
            return returns;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(CancellationToken.None) is PropertyDeclarationSyntax { Initializer: { } initializer } &&
                compilation.ContainsSyntaxTree(reference.SyntaxTree) &&
                compilation.GetSemanticModel(reference.SyntaxTree).GetOperation(initializer.Value) is { } value)
            {
                return ImmutableArray.Create(value);
            }
        }

        return ImmutableArray<IOperation>.Empty;
    }
#pragma warning restore RS1030
}
