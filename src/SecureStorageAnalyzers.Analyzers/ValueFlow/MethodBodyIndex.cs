using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>
/// The values every local of one method body is given (initializer and assignments) and its local functions, built in
/// one pass the first time a walk needs them. Without it, each local a walk meets would cost a scan of the whole body:
/// quadratic on a 10,000-statement method.
/// </summary>
internal sealed class MethodBodyIndex
{
    private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, ILocalFunctionOperation> _localFunctions = new(SymbolEqualityComparer.Default);
    private Dictionary<ILocalSymbol, List<IOperation>>? _equalTo;
    private readonly Dictionary<ILocalSymbol, IArgumentOperation>? _firstStoragePathUse;
    private readonly List<ISimpleAssignmentOperation>? _memberAssignments;
    private readonly bool _hasGoto;
    private readonly IOperation _root;
    private Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>? _references;
    private AssignedBefore? _assignedBefore;

    public MethodBodyIndex(IOperation root, INamedTypeSymbol? stringBuilder = null, Func<IArgumentOperation, bool>? isStoragePathArgument = null,
        INamedTypeSymbol? stream = null, SymbolSet<INamedTypeSymbol>? downloads = null, OutArgumentMethods? outArguments = null)
    {
        _root = root;
        foreach (var operation in root.Walk())
        {
            // Most operations of a body (references, literals, conversions…) are none of the kinds below: the switch on the
            // kind skips them, and each kind indexed is tested against its own interface only, instead of a type test per
            // case in turn (13,396 type tests for 5,377 operations at 10 folders; docs/performance.md).
            switch (operation.Kind)
            {
                // The first storage call of the body (in source order) that takes a local as its path.
                case OperationKind.Argument when isStoragePathArgument is not null:
                    if (operation is IArgumentOperation argument &&
                        argument.Value.WithoutConversions() is ILocalReferenceOperation pathLocal &&
                        isStoragePathArgument(argument))
                    {
                        _firstStoragePathUse ??= new Dictionary<ILocalSymbol, IArgumentOperation>(SymbolEqualityComparer.Default);
                        if (!_firstStoragePathUse.ContainsKey(pathLocal.Local))
                        {
                            _firstStoragePathUse[pathLocal.Local] = argument;
                        }
                    }

                    break;
                case OperationKind.Invocation:
                    IndexInvocation((IInvocationOperation)operation, stringBuilder, stream, downloads, outArguments);
                    break;
                case OperationKind.VariableDeclarator:
                    if (operation is IVariableDeclaratorOperation { Initializer: { } initializer } declarator)
                    {
                        Add(declarator.Symbol, initializer.Value);
                    }

                    break;
                case OperationKind.SimpleAssignment or OperationKind.CompoundAssignment or OperationKind.CoalesceAssignment:
                    if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment)
                    {
                        Add(target.Local, assignment.Value);
                    }
                    else if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation } memberAssignment)
                    {
                        (_memberAssignments ??= new List<ISimpleAssignmentOperation>()).Add(memberAssignment);
                    }

                    break;
                case OperationKind.DeconstructionAssignment:
                    IndexDeconstruction((IDeconstructionAssignmentOperation)operation);
                    break;
                case OperationKind.LocalFunction:
                    var function = (ILocalFunctionOperation)operation;
                    _localFunctions[function.Symbol] = function;
                    break;

                // A goto may enter a block anywhere: no value is dropped by the paths to a read (ReadPoint).
                case OperationKind.Branch:
                    if (operation is IBranchOperation { BranchKind: BranchKind.GoTo })
                    {
                        _hasGoto = true;
                    }

                    break;

                // foreach (var ch in name): each character is a piece of the text looped over, as in LINQ over its characters.
                case OperationKind.Loop:
                    if (operation is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation { Symbol: { Type.SpecialType: SpecialType.System_Char } character } } loop &&
                        IsText(loop.Collection.WithoutConversions().Type))
                    {
                        Add(character, loop.Collection.WithoutConversions());
                    }

                    break;

                // name == contact.FullName: where the code goes on only when they are equal, the local holds that value.
                case OperationKind.Binary:
                    if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals &&
                        equals.LeftOperand.Type?.SpecialType == SpecialType.System_String && equals.RightOperand.Type?.SpecialType == SpecialType.System_String)
                    {
                        AddEqual(equals.LeftOperand, equals.RightOperand);
                    }

                    break;
            }
        }
    }

    /// <summary>An invocation's part of the index: string builder appends, stream copies and downloads into a local, string equality.</summary>
    private void IndexInvocation(IInvocationOperation invocation, INamedTypeSymbol? stringBuilder, INamedTypeSymbol? stream, SymbolSet<INamedTypeSymbol>? downloads,
        OutArgumentMethods? outArguments)
    {
        var method = invocation.TargetMethod;

        // sb.Append(phone): for the walk, an append is one more value the builder in the local is given.
        // sb.Append(a).Append(b): each append of the chain.
        // (The name first: symbols of different names are never equal, and the comparer's full test is the costly part.)
        if (invocation.Instance is not null && stringBuilder is not null && method.ContainingType is { } containing &&
            (ReferenceEquals(containing, stringBuilder) ||
             containing.Name == stringBuilder.Name && SymbolEqualityComparer.Default.Equals(containing, stringBuilder)) &&
            IsStringBuilderAppend(method) &&
            ChainRoot(invocation) is ILocalReferenceOperation builder)
        {
            Add(builder.Local, invocation);
        }

        // stream.CopyTo(memory): the stream copied into a local is one more value of it (a file read into a
        // MemoryStream and returned: the file is what the local holds).
        else if (invocation.Instance is { } source && method.Name is "CopyTo" or "CopyToAsync" && stream is not null &&
                 WellKnownTypes.DerivesFrom(method.ContainingType, stream) &&
                 !invocation.Arguments.IsEmpty &&
                 invocation.Arguments[0].Value.WithoutConversions() is ILocalReferenceOperation destination)
        {
            Add(destination.Local, source);
        }

        // blob.DownloadToAsync(memory), storage.DownloadObjectAsync(bucket, name, memory): the stored object
        // downloaded into a local stream is one more value of it, the download call (which names the object).
        else if (method.Name is "DownloadTo" or "DownloadToAsync" or "DownloadObject" or "DownloadObjectAsync" &&
                 downloads is { IsEmpty: false } && IsDownloadType(method.ContainingType, downloads) &&
                 invocation.Arguments.Argument("destination") is { } into &&
                 into.WithoutConversions() is ILocalReferenceOperation downloadedInto)
        {
            Add(downloadedInto.Local, invocation);
        }

        // DateTime.TryParseExact(date, "yyyyMMdd", …, out var day), int.TryParse(text, out n): the value written into
        // the out local is the text parsed, in another form (issue #21, held-out set 16's daily log by its date).
        else if (outArguments is not null && method.Name is "TryParse" or "TryParseExact" && outArguments.IsTryParse(method))
        {
            IndexTryParse(invocation);
        }

        // store.TryGetValue(name, out var record) of a framework dictionary: the out local holds the value the key found,
        // which is the call itself to the walk, a lookup keyed by its first argument (RecordLookups.KeysOf; held-out set
        // 17's in-memory file records).
        else if (outArguments is not null && method.Name == "TryGetValue" && outArguments.IsTryGetValue(method) &&
                 invocation.Arguments.Length == 2 && OutLocal(invocation.Arguments[1]) is { } found)
        {
            Add(found.Local, invocation);
        }

        // string.Equals(name, c.FullName, …), name.Equals(c.FullName): where the code goes on only when they are
        // equal, the local holds that value.
        else if (method is { Name: "Equals", ContainingType.SpecialType: SpecialType.System_String })
        {
            if (invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                AddEqual(instance, invocation.Arguments[0].Value);
            }
            else if (invocation.Instance is null && invocation.Arguments.Length >= 2)
            {
                AddEqual(invocation.Arguments[0].Value, invocation.Arguments[1].Value);
            }
        }
    }

    private void IndexDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.Target is ILocalReferenceOperation target)
        {
            // A local as the whole target, as the general assignment case of the index had it (C# deconstructs into a
            // tuple or a declaration).
            Add(target.Local, deconstruction.Value);
        }

        // var (name, age) = (customer.FullName, 3): each local is given its own element of a tuple literal.
        else if (TupleOf(deconstruction.Target) is { } targets &&
                 deconstruction.Value.WithoutConversions() is ITupleOperation values &&
                 targets.Elements.Length == values.Elements.Length)
        {
            for (var i = 0; i < targets.Elements.Length; i++)
            {
                if (TupleOf(targets.Elements[i]) is null && targets.Elements[i].WithoutConversions() is IDeclarationExpressionOperation
                    {
                        Expression: ILocalReferenceOperation declared,
                    })
                {
                    Add(declared.Local, values.Elements[i]);
                }
                else if (targets.Elements[i].WithoutConversions() is ILocalReferenceOperation element)
                {
                    Add(element.Local, values.Elements[i]);
                }
            }
        }

        // var (stream, name) = store.Open(id): each local is given the whole value (the walk cannot split it).
        else
        {
            foreach (var part in deconstruction.Target.Descendants())
            {
                if (part is ILocalReferenceOperation deconstructed)
                {
                    Add(deconstructed.Local, deconstruction.Value);
                }
            }
        }
    }

    /// <summary>The <c>out</c> local of a framework <c>TryParse</c> is given the text parsed (its first argument).</summary>
    private void IndexTryParse(IInvocationOperation invocation)
    {
        IOperation? text = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Ordinal == 0)
            {
                text = argument.Value;
            }
            else if (parameter.RefKind == RefKind.Out && text is not null && OutLocal(argument) is { } result)
            {
                Add(result.Local, text);
            }
        }
    }

    /// <summary>The local an explicit <c>out</c> argument writes (<c>out var day</c>, <c>out day</c>), or null.</summary>
    private static ILocalReferenceOperation? OutLocal(IArgumentOperation argument) =>
        argument.ArgumentKind == ArgumentKind.Explicit && argument.Parameter is { RefKind: RefKind.Out }
            ? argument.Value.WithoutConversions() switch
            {
                IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } => declared,
                ILocalReferenceOperation assigned => assigned,
                _ => null,
            }
            : null;

    private static bool IsDownloadType(INamedTypeSymbol? type, SymbolSet<INamedTypeSymbol> downloads)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (downloads.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>string</c> or a <c>char[]</c>.</summary>
    private static bool IsText(ITypeSymbol? type) =>
        type is { SpecialType: SpecialType.System_String } or IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char };

    /// <summary>
    /// Every reference to <paramref name="local"/> in the body, in walk order, reads and assignment targets alike. Gathered
    /// for every local in one more walk the first time one is asked (rare: a URL question of a path builder stored in a
    /// local), so asking it of each of 10,000 builders in one method stays linear.
    /// </summary>
    public IReadOnlyList<ILocalReferenceOperation> ReferencesOf(ILocalSymbol local)
    {
        // Filled before it is published: two rules asking at once may both build it, neither sees half of one.
        var all = System.Threading.Volatile.Read(ref _references);
        if (all is null)
        {
            all = new Dictionary<ILocalSymbol, List<ILocalReferenceOperation>>(SymbolEqualityComparer.Default);
            foreach (var operation in _root.Walk())
            {
                if (operation.Kind == OperationKind.LocalReference && operation is ILocalReferenceOperation reference)
                {
                    if (!all.TryGetValue(reference.Local, out var list))
                    {
                        all[reference.Local] = list = new List<ILocalReferenceOperation>();
                    }

                    list.Add(reference);
                }
            }

            System.Threading.Volatile.Write(ref _references, all);
        }

        return all.TryGetValue(local, out var references) ? references : Array.Empty<ILocalReferenceOperation>();
    }

    /// <summary>
    /// The value a field of this object, or a parameter, holds at <paramref name="read"/> when the body itself gave it there
    /// (<c>csvPath = Server.MapPath("~/Files/") + name;</c> then <c>SaveAs(csvPath)</c>): the assignment every path to the
    /// read passes, with nothing in between that may change it (<see cref="ValueFlow.AssignedBefore"/>); null otherwise.
    /// The body's writes of fields and parameters are gathered in one more walk the first time one is asked.
    /// </summary>
    public IOperation? AssignedValue(IOperation read)
    {
        var writes = System.Threading.Volatile.Read(ref _assignedBefore);
        if (writes is null)
        {
            writes = ValueFlow.AssignedBefore.Of(_root);
            System.Threading.Volatile.Write(ref _assignedBefore, writes);
        }

        return writes.ValueAt(read, _hasGoto);
    }

    /// <summary>
    /// The values a local is compared equal with (<c>name == contact.FullName</c>, <c>name.ToLower() ==
    /// c.FullName.ToLower()</c>, <c>string.Equals(name, c.FullName, …)</c>): constants aside, what it holds where they are equal.
    /// </summary>
    public IReadOnlyList<IOperation> EqualValuesOf(ILocalSymbol local) =>
        _equalTo is not null && _equalTo.TryGetValue(local, out var values) ? values : System.Array.Empty<IOperation>();

    private void AddEqual(IOperation left, IOperation right)
    {
        AddEqualSide(left, right);
        AddEqualSide(right, left);
    }

    private void AddEqualSide(IOperation side, IOperation other)
    {
        if (Peel(side) is not ILocalReferenceOperation local || other.ConstantValue.HasValue || Peel(other).ConstantValue.HasValue ||
            Peel(other) is ILocalReferenceOperation { Local: var same } && SymbolEqualityComparer.Default.Equals(same, local.Local))
        {
            return;
        }

        _equalTo ??= new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        if (!_equalTo.TryGetValue(local.Local, out var values))
        {
            _equalTo[local.Local] = values = new List<IOperation>(1);
        }

        values.Add(other);
    }

    /// <summary>The value under case and space normalizations: <c>name.ToLower()</c>, <c>name.Trim()</c> are compared as <c>name</c>.</summary>
    private static IOperation Peel(IOperation operation)
    {
        operation = operation.WithoutConversions();
        while (operation is IInvocationOperation
               {
                   Instance: { } instance,
                   TargetMethod: { ContainingType.SpecialType: SpecialType.System_String, Name: "ToLower" or "ToUpper" or "ToLowerInvariant" or "ToUpperInvariant" or "Trim" },
               })
        {
            operation = instance.WithoutConversions();
        }

        return operation;
    }

    /// <summary>The tuple a deconstruction's target is: <c>(a, b)</c>, or <c>var (a, b)</c>.</summary>
    private static ITupleOperation? TupleOf(IOperation target) => target.WithoutConversions() switch
    {
        ITupleOperation tuple => tuple,
        IDeclarationExpressionOperation { Expression: ITupleOperation declared } => declared,
        _ => null,
    };

    private static IOperation? ChainRoot(IInvocationOperation append)
    {
        var receiver = append.Instance;
        while (receiver is IInvocationOperation inner && IsStringBuilderAppend(inner.TargetMethod))
        {
            receiver = inner.Instance;
        }

        return receiver;
    }

    /// <summary><c>Append</c>, <c>AppendLine</c>, <c>AppendFormat</c>, <c>AppendJoin</c>, <c>Insert</c>, <c>Replace</c> of a string builder.</summary>
    public static bool IsStringBuilderAppend(IMethodSymbol method) =>
        method.Name is "Append" or "AppendLine" or "AppendFormat" or "AppendJoin" or "Insert" or "Replace";

    /// <summary>The body's simple assignments to a property or field (<c>comment.ImageUrl = "/uploads/" + name</c>, object initializers too), in source order.</summary>
    public IReadOnlyList<ISimpleAssignmentOperation> MemberAssignments => (IReadOnlyList<ISimpleAssignmentOperation>?)_memberAssignments ?? Array.Empty<ISimpleAssignmentOperation>();

    /// <summary>Every value assigned to <paramref name="local"/> in the body (and, for a string builder, every append), in source order.</summary>
    public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local) =>
        _values.TryGetValue(local, out var values) ? values : System.Array.Empty<IOperation>();

    /// <summary>
    /// Where <paramref name="read"/> is among the values of its local: which of them can still be in it there (a value
    /// given in a block that returns before the read, in the other branch of an <c>if</c>, or before a plain assignment
    /// every path to the read passes, cannot). See <see cref="ReadPoint"/>.
    /// </summary>
    public ReadPoint At(ILocalReferenceOperation read) => ReadPoint.Of(read, ValuesOf(read.Local), _hasGoto);

    /// <summary>
    /// The values of the local <paramref name="read"/> reads that can be in it there (<see cref="At"/>): the list of
    /// <see cref="ValuesOf"/> itself when every value may be, a new list otherwise.
    /// </summary>
    public IReadOnlyList<IOperation> ValuesReaching(ILocalReferenceOperation read)
    {
        var values = ValuesOf(read.Local);
        var point = At(read);
        if (!point.Filters)
        {
            return values;
        }

        List<IOperation>? reaching = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (point.Reaches(values[i]))
            {
                reaching?.Add(values[i]);
            }
            else if (reaching is null)
            {
                reaching = new List<IOperation>(values.Count);
                for (var j = 0; j < i; j++)
                {
                    reaching.Add(values[j]);
                }
            }
        }

        return reaching ?? values;
    }

    /// <summary>
    /// True unless <paramref name="argument"/> passes a local to a storage call's path after an earlier storage call of
    /// the body already took the same local (<c>File.Exists(path)</c>, then <c>File.WriteAllBytes(path, …)</c>): one path,
    /// one finding, at its first use. Decided from the body alone, so a build and an IDE analyzing any part of the file
    /// agree.
    /// </summary>
    public bool IsFirstStoragePathUse(IArgumentOperation argument) =>
        _firstStoragePathUse is null ||
        argument.Value.WithoutConversions() is not ILocalReferenceOperation local ||
        !_firstStoragePathUse.TryGetValue(local.Local, out var first) ||
        ReferenceEquals(first, argument);

    public ILocalFunctionOperation? LocalFunction(IMethodSymbol symbol) =>
        _localFunctions.TryGetValue(symbol, out var function) ? function : null;

    private void Add(ILocalSymbol local, IOperation value)
    {
        if (!_values.TryGetValue(local, out var values))
        {
            _values[local] = values = new List<IOperation>(1);
        }

        values.Add(value);
    }
}
