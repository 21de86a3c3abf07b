using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// Values that are a place on disk by what makes them, for a local whose name alone would call it personal data
/// (<c>var fullName = Path.Combine(root, name)</c>, <c>var fullName = Path.GetFullPath(x)</c>): the result of
/// <c>System.IO.Path</c>'s methods, of the directory helpers and the process's folders (<see cref="StorageSinks.IsFileSystemRoot"/>),
/// of a <c>MapPath</c>; a <c>foreach</c> variable over <c>Directory.GetFiles(…)</c>; and one hop through the project's own
/// method whose every return is such a path or hands back, through string helpers only, the parameter given such a path
/// (<c>SanitizePath(Path.Combine(…))</c> returning <c>path.Replace("..", "")</c>). Asked only for a local the name
/// classifies, so the project method's returns (cached per method, <see cref="ProjectMethodReturns"/>) are read rarely.
/// </summary>
internal static class FileSystemPathValues
{
    /// <summary>True when <paramref name="call"/> yields a file-system path (see the type's summary).</summary>
    public static bool IsPathCall(IInvocationOperation call, StorageSinks sinks) =>
        IsPathMaker(call, sinks) || IsPathThroughProjectMethod(call, sinks);

    /// <summary>
    /// True when <paramref name="reference"/> reads the variable of a <c>foreach</c> over the files or folders of a
    /// directory (<c>foreach (var fullName in Directory.GetFiles(dir))</c>): each is a path.
    /// </summary>
    public static bool IsDirectoryEntryVariable(ILocalReferenceOperation reference, StorageSinks sinks)
    {
        if (reference.Local.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation declarator } loop &&
                SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
            {
                return loop.Collection.WithoutConversions() is IInvocationOperation { TargetMethod: { } method } &&
                       (method.Name.StartsWith("Get", System.StringComparison.Ordinal) || method.Name.StartsWith("Enumerate", System.StringComparison.Ordinal)) &&
                       SymbolEquality.DefinitionIs(method.ContainingType, sinks.DirectoryType);
            }

            if (parent is IMethodBodyBaseOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A call of the platform that returns a path: any string of <c>System.IO.Path</c> (<c>Combine</c>, <c>GetFullPath</c>,
    /// <c>GetFileName</c>, <c>ChangeExtension</c>…), of the directory helpers and the process's or host's folders, or a
    /// <c>MapPath</c>. <c>Environment</c>'s values other than its folders (<c>GetEnvironmentVariable</c>) are not paths.
    /// </summary>
    private static bool IsPathMaker(IInvocationOperation call, StorageSinks sinks)
    {
        var method = call.TargetMethod;
        if (method.ReturnType.SpecialType != SpecialType.System_String || !PersonalData.FrameworkAssemblies.Declares(method))
        {
            return false;
        }

        if (SymbolEquality.DefinitionIs(method.ContainingType, sinks.PathType) || sinks.IsMapPath(method))
        {
            return true;
        }

        return sinks.IsFileSystemRoot(call) &&
               (!SymbolEquality.DefinitionIs(method.ContainingType, sinks.EnvironmentType) || method.Name is "GetFolderPath" or "CurrentDirectory" or "SystemDirectory");
    }

    /// <summary>
    /// A call of the project's own method (one hop) whose every return is a path it makes (<see cref="IsPathMaker"/>), a
    /// <c>null</c> or empty guard, or the parameter this call gives a path, under string helpers only
    /// (<c>path.Replace("..", "")</c>, <c>path.Trim()</c>) and never assigned in the method.
    /// </summary>
    private static bool IsPathThroughProjectMethod(IInvocationOperation call, StorageSinks sinks)
    {
        var method = call.TargetMethod;
        if (method.ReturnType.SpecialType != SpecialType.System_String || call.SemanticModel?.Compilation is not { } compilation ||
            !ProjectMethodReturns.IsFollowable(method, compilation))
        {
            return false;
        }

        var returns = sinks.ProjectReturns.Of(method, compilation);
        if (returns.IsEmpty)
        {
            return false;
        }

        var passesPath = false;
        foreach (var returned in returns)
        {
            var value = WithoutStringHelpers(returned, sinks);
            switch (value)
            {
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: null or "" } }:
                    continue;
                case IInvocationOperation made when IsPathMaker(made, sinks):
                    passesPath = true;
                    continue;
                case IParameterReferenceOperation { Parameter: { RefKind: RefKind.None } parameter } reference
                    when HoldsPathAt(call, reference, parameter, sinks):
                    passesPath = true;
                    continue;
                default:
                    return false;
            }
        }

        return passesPath;
    }

    /// <summary>The value under conversions and the string helpers that keep it (<c>path.Replace("..", "").Trim()</c>).</summary>
    private static IOperation WithoutStringHelpers(IOperation value, StorageSinks sinks)
    {
        value = value.WithoutConversions();
        for (var depth = 0; depth < 8 && value is IInvocationOperation { Instance: { } receiver, TargetMethod: { } helper } &&
             SymbolEquality.DefinitionIs(helper.ContainingType, sinks.String) && helper.ReturnType.SpecialType == SpecialType.System_String; depth++)
        {
            value = receiver.WithoutConversions();
        }

        return value;
    }

    /// <summary>True when <paramref name="call"/> gives <paramref name="parameter"/> a path the platform makes.</summary>
    private static bool GivesPath(IInvocationOperation call, IParameterSymbol parameter, StorageSinks sinks)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } given && SymbolEqualityComparer.Default.Equals(given.OriginalDefinition, parameter.OriginalDefinition))
            {
                return argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.WithoutConversions() is IInvocationOperation made &&
                       IsPathMaker(made, sinks);
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="parameter"/> holds a path where <paramref name="reference"/> returns it: either nothing
    /// assigned it before (textually) and this call gives it a path the platform makes, or the last assignment before is
    /// a statement of the method's own top-level block (so every path to the return passes it) whose value is such a path
    /// (a sanitizer's <c>path = Path.GetFullPath(path)</c> after it unescapes the text in a loop). A return inside a loop
    /// that also assigns the parameter later is not followed.
    /// </summary>
    private static bool HoldsPathAt(IInvocationOperation call, IParameterReferenceOperation reference, IParameterSymbol parameter, StorageSinks sinks)
    {
        var inLoop = false;
        for (var parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            inLoop |= parent is ILoopOperation;
        }

        // The method's parameter assignments, gathered once per method with its returns (not a walk of the body per call).
        var at = reference.Syntax.SpanStart;
        IAssignmentOperation? last = null;
        var assignedAfter = false;
        foreach (var assignment in sinks.ProjectReturns.ParameterAssignmentsOf(call.TargetMethod, call.SemanticModel!.Compilation))
        {
            if (!SymbolEqualityComparer.Default.Equals(((IParameterReferenceOperation)assignment.Target).Parameter, parameter))
            {
                continue;
            }

            if (assignment is not ISimpleAssignmentOperation)
            {
                return false;
            }

            if (assignment.Syntax.SpanStart >= at)
            {
                assignedAfter = true;
            }
            else if (last is null || assignment.Syntax.SpanStart > last.Syntax.SpanStart)
            {
                last = assignment;
            }
        }

        if (inLoop && assignedAfter)
        {
            return false;
        }

        if (last is null)
        {
            return GivesPath(call, parameter, sinks);
        }

        return last.Parent is IExpressionStatementOperation { Parent: IBlockOperation { Parent: IMethodBodyBaseOperation } } &&
               WithoutStringHelpers(last.Value, sinks) is IInvocationOperation made && IsPathMaker(made, sinks);
    }
}
