using System.Collections.Generic;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// Is this symbol (field, property, parameter, local or method result) a personal identifier, and why? In order of
/// trust: declared (Identity's <c>[PersonalData]</c>/<c>[ProtectedPersonalData]</c>, DataAnnotations <c>[Phone]</c>,
/// <c>[EmailAddress]</c>, <c>[CreditCard]</c>, <c>[DataType(PhoneNumber|EmailAddress|CreditCard)]</c>, any
/// <c>DataClassificationAttribute</c>, configured attributes and types), then named (see
/// <see cref="PersonalIdentifierVocabulary"/>), then configured names. Booleans, enums, Guids and chars never are;
/// opaque keys (<c>Id</c>, <c>UserId</c>) are not, even when tagged <c>[PersonalData]</c>. Configured exclusions win.
/// A name speaks only for members the application declares (its source, or an assembly that is not the platform's, see
/// <see cref="FrameworkAssemblies"/>): members of BCL, ASP.NET Core and SDK types are classified by what they are
/// (<c>FileInfo.FullName</c>, <c>Type.FullName</c>, <c>Environment.UserName</c> are never personal; Identity's members
/// marked <c>[PersonalData]</c> and the signed-in user's name, <c>IIdentity.Name</c>, are).
/// One instance per compilation and option set; answers are cached per symbol (locals excepted) and what a name says per name.
/// </summary>
internal sealed class PersonalDataClassifier
{
    private static readonly SourceReason NotPersonal = new(string.Empty, string.Empty);

    private readonly ConcurrentDictionary<ISymbol, SourceReason> _cache = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, NameVerdict> _names = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, string> _persons = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string> _nameBoxes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<NameTie>> _nameTies = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, string> _documentKeyed = new(SymbolEqualityComparer.Default);
    private readonly Compilation _compilation;
    private readonly PersonalDataOptions _options;
    private readonly INamedTypeSymbol? _personalDataAttribute;
    private readonly INamedTypeSymbol? _phoneAttribute;
    private readonly INamedTypeSymbol? _emailAddressAttribute;
    private readonly INamedTypeSymbol? _creditCardAttribute;
    private readonly INamedTypeSymbol? _dataTypeAttribute;
    private readonly INamedTypeSymbol? _dataClassificationAttribute;
    private readonly INamedTypeSymbol? _guid;
    private readonly INamedTypeSymbol? _task;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _identity;
    private readonly INamedTypeSymbol? _claimsPrincipal;
    private readonly INamedTypeSymbol? _claim;
    private readonly SymbolSet<INamedTypeSymbol> _uiControls;
    private readonly ImmutableArray<INamedTypeSymbol> _configuredAttributes;
    private readonly ImmutableArray<INamedTypeSymbol> _configuredTypes;
    private readonly ImmutableArray<ImmutableArray<string>> _configuredNames;

    public PersonalDataClassifier(WellKnownTypes types, PersonalDataOptions options)
    {
        _options = options;
        _compilation = types.Compilation;
        _personalDataAttribute = types.PersonalDataAttribute;
        _phoneAttribute = types.PhoneAttribute;
        _emailAddressAttribute = types.EmailAddressAttribute;
        _creditCardAttribute = types.CreditCardAttribute;
        _dataTypeAttribute = types.DataTypeAttribute;
        _dataClassificationAttribute = types.DataClassificationAttribute;
        _guid = types.Guid;
        _task = types.TaskOfT;
        _valueTask = types.ValueTaskOfT;
        _identity = types.IIdentity;
        _claimsPrincipal = types.ClaimsPrincipal;
        _claim = types.Claim;
        _uiControls = SymbolSet<INamedTypeSymbol>.Of(types.WinFormsControl, types.WpfControl, types.WebFormsControl);
        var configured = ConfiguredNames.For(types);
        _configuredAttributes = configured.Types(options.PersonalDataAttributes);
        _configuredTypes = configured.Types(options.PersonalDataTypes);
        Pseudonymizers = configured.Methods(options.PseudonymizationMethods);
        var names = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var name in options.PersonalNames)
        {
            var tokens = NameTokens.Split(name);
            if (tokens.Length > 0)
            {
                names.Add(tokens);
            }
        }

        _configuredNames = names.ToImmutable();
    }

    public PersonalDataOptions Options => _options;

    /// <summary>The methods of <see cref="PersonalDataOptions.PseudonymizationMethods"/>, whose result is a safe pseudonym.</summary>
    public MethodSet Pseudonymizers { get; }

    /// <summary>The reason <paramref name="symbol"/> holds a personal identifier, or null when it does not.</summary>
    public SourceReason? Classify(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return null;
        }

        // A local has no attributes: its answer is its type and its name, both cheap once the name's verdict is cached,
        // so locals (new symbols in every method) do not fill the cache.
        if (symbol is ILocalSymbol)
        {
            return ClassifyCore(symbol);
        }

        if (!_cache.TryGetValue(symbol, out var reason))
        {
            reason = _cache.GetOrAdd(symbol, ClassifyCore(symbol) ?? NotPersonal);
        }

        return ReferenceEquals(reason, NotPersonal) ? null : reason;
    }

    /// <summary>
    /// The value of one of the signed-in user's personal claims: <c>User.FindFirstValue(ClaimTypes.Email)</c>,
    /// <c>User.FindFirst(ClaimTypes.MobilePhone)?.Value</c>, with the claim type a constant. Null for anything else.
    /// </summary>
    public SourceReason? ClassifyClaim(IOperation operation)
    {
        if (_claimsPrincipal is null)
        {
            return null;
        }

        IInvocationOperation? lookup = null;
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "FindFirstValue" } invocation:
                lookup = invocation;
                break;
            case IPropertyReferenceOperation { Property.Name: "Value" } value when SymbolEquality.Is(value.Property.ContainingType, _claim):
                lookup = value.Instance switch
                {
                    IInvocationOperation direct => direct,
                    IConditionalAccessInstanceOperation instance => ConditionalReceiver(instance) as IInvocationOperation,
                    _ => null,
                };
                if (lookup is not { TargetMethod.Name: "FindFirst" })
                {
                    return null;
                }

                break;
        }

        if (lookup is null || !OnPrincipal(lookup))
        {
            return null;
        }

        foreach (var argument in lookup.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } &&
                argument.Value.ConstantValue is { HasValue: true, Value: string claimType } &&
                PersonalClaims.Describe(claimType) is { } what)
            {
                return new SourceReason(what, $"the signed-in user's claim '{claimType}'");
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="operation"/> is what someone typed or picked in a form's control that the application
    /// declares (<c>txtName.Text</c>, <c>cmbWho.SelectedItem</c>), whatever the control is named: a value of the platform's
    /// type whose meaning the application gives, so a local copied from it keeps its own name's meaning
    /// (<c>var personName = txtName.Text.Trim()</c>), as a local filled from a request does.
    /// </summary>
    public bool IsControlInput(IOperation operation) => ControlOf(operation) is not null || IsFoundControlInput(operation);

    /// <summary>
    /// What someone typed or picked in a control the page finds at run time by a constant ID, as a Web Forms grid's row
    /// does: <c>((TextBox)item.FindControl("txtAuthors")).Text</c>. The control has no symbol of the application's to
    /// name it, but the local that holds its text does (<c>string authorNameText = …Text.Trim()</c>), as for a declared
    /// control (held-out set 10, MMSC's certificates named after the authors' box of a repeater row).
    /// </summary>
    private bool IsFoundControlInput(IOperation operation) =>
        operation is IPropertyReferenceOperation { Property: { IsIndexer: false } property, Instance: { } instance } &&
        property.Name is "Text" or "SelectedText" or "SelectedItem" or "SelectedValue" &&
        FrameworkAssemblies.Declares(property) && UiControls.IsControl(instance.Type, _uiControls) &&
        instance.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "FindControl", Arguments.Length: 1 } find &&
        FrameworkAssemblies.Declares(find.TargetMethod) && find.Arguments[0].Value.ConstantValue.HasValue;

    /// <summary>The control field or property the application declares whose held value <paramref name="operation"/> reads; null otherwise.</summary>
    private ISymbol? ControlOf(IOperation operation)
    {
        if (operation is not IPropertyReferenceOperation { Property: { IsIndexer: false } property, Instance: { } instance } ||
            property.Name is not ("Text" or "SelectedText" or "SelectedItem" or "SelectedValue"))
        {
            return null;
        }

        // A local holds a control found at run time: a grid row's (TextBox)row.FindControl("txtName").
        ISymbol? control = instance.WithoutConversions() switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Property.IsIndexer: false } holder => holder.Property,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
        return control is not null && control.IsDeclaredInSource() && FrameworkAssemblies.Declares(property) &&
               UiControls.IsControl(instance.Type, _uiControls)
            ? control
            : null;
    }

    /// <summary>
    /// The value a form's control holds (<c>Text</c>, <c>SelectedText</c>, <c>SelectedItem</c>; <c>SelectedValue</c> too
    /// when the control is named after an identifier) when the control is a field or property the application declares
    /// and its name, a control prefix or suffix aside (<see cref="UiControls.NameWithoutControlWord"/>), names a personal
    /// identifier (<c>txtPhoneNumber</c>, <c>txtNombrePaciente</c>) or a person (<c>txtPatient</c>, <c>cmbCustomer</c>):
    /// the form shows that person's data there. The control's members are the platform's and say nothing by themselves;
    /// the application's name for the control does. A list's <c>SelectedValue</c> under a person's name is usually the
    /// record's key, so it is not taken for the person's name. Null for anything else.
    /// </summary>
    public SourceReason? ClassifyControlValue(IOperation operation)
    {
        if (ControlOf(operation) is not { } control)
        {
            return null;
        }

        var property = ((IPropertyReferenceOperation)operation).Property;
        var tokens = UiControls.NameWithoutControlWord(NameOf(control.Name).Tokens, _options.ControlNameWords);
        if (tokens.IsEmpty || NameOf(control.Name).Excluded)
        {
            return null;
        }

        var concept = PersonalIdentifierVocabulary.Match(tokens);
        if (concept is not null)
        {
            return new SourceReason(concept.Description, $"the {property.Name} of the control '{control.Name}', named after it");
        }

        if (property.Name != "SelectedValue" && PersonalIdentifierVocabulary.NamesPerson(tokens, _options.PersonTypes))
        {
            return new SourceReason("a person's name", $"the {property.Name} of the control '{control.Name}', named after a person");
        }

        // A box named only for a name (txtName): whose, the form says where it copies the text to a person's name or
        // fills the box from one.
        if (property.Name == "Text" && PersonalIdentifierVocabulary.IsGenericNameMember(tokens, ImmutableArray<string>.Empty) &&
            PersonsNameTiedTo(control, operation.SemanticModel) is { Length: > 0 } member)
        {
            return new SourceReason("a person's name", $"the Text of the control '{control.Name}', which the code copies to or from {member}");
        }

        return null;
    }

    /// <summary>
    /// The person's name member (<c>CandidateEntity.Name</c>) that the code around a control named only for a name
    /// copies the control's text into, or fills it from: <c>candidate.Name = txtName.Text.Trim()</c>,
    /// <c>txtName.Text = customer.FullName</c>, an object initializer's <c>Name = txtName.Text</c>. Searched in the
    /// control's scope: the method that declares a local control, else every part of the form's type (a page's code
    /// file and its designer file). Empty when there is none. Asked only for such controls; cached per control. The
    /// ties themselves are gathered once per syntax tree (<see cref="NameTiesOf"/>), so the scope's files are read once
    /// whatever the number of boxes on the form.
    /// </summary>
    private string PersonsNameTiedTo(ISymbol control, SemanticModel? current)
    {
        if (_nameBoxes.TryGetValue(control, out var known))
        {
            return known;
        }

        var found = string.Empty;
        foreach (var scope in ControlScopes(control))
        {
            if (!_compilation.ContainsSyntaxTree(scope.SyntaxTree))
            {
                continue;
            }

            // The first tie in the scope, in the order of the scope's text: the tree's ties are in that order.
            foreach (var tie in NameTiesOf(scope.SyntaxTree, current))
            {
                if (scope.FullSpan.Contains(tie.Span) && SymbolEqualityComparer.Default.Equals(tie.Control, control))
                {
                    found = tie.Member;
                    break;
                }
            }

            if (found.Length > 0)
            {
                break;
            }
        }

        return _nameBoxes.GetOrAdd(control, found);
    }

    /// <summary>One assignment between a control's text and a person's name member: the control, the member, where.</summary>
    private readonly struct NameTie
    {
        public NameTie(ISymbol control, string member, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            Control = control;
            Member = member;
            Span = span;
        }

        public ISymbol Control { get; }

        public string Member { get; }

        public Microsoft.CodeAnalysis.Text.TextSpan Span { get; }
    }

    /// <summary>
    /// Every assignment of one syntax tree whose one side is a control's <c>Text</c> and whose other side is a person's
    /// name member, in the tree's order; gathered on the first question about a control in that tree, once per tree and
    /// compilation. Only assignments that spell <c>Text</c> and the control's name are bound. The tree being analyzed is
    /// read with its analysis model; another tree (a form's designer file, its other partial) with the compilation's
    /// cached one.
    /// </summary>
    private ImmutableArray<NameTie> NameTiesOf(SyntaxTree tree, SemanticModel? current)
    {
        if (_nameTies.TryGetValue(tree, out var ties))
        {
            return ties;
        }

        var builder = ImmutableArray.CreateBuilder<NameTie>();
        SemanticModel? model = current is not null && current.SyntaxTree == tree && !current.IsSpeculativeSemanticModel ? current : null;
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is not Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment ||
                !assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression) ||
                !MentionsName(assignment, "Text"))
            {
                continue;
            }

#pragma warning disable RS1030 // A form's designer file and other partials are in other trees: their cached semantic models, once per tree.
            model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            if (model.GetOperation(assignment) is not ISimpleAssignmentOperation operation)
            {
                continue;
            }

            // As asked of one control: its text as the value names the target; else its text as the target names the value.
            var valueControl = TextControlOf(operation.Value);
            if (valueControl is not null && MentionsName(assignment, valueControl.Name) && PersonsNameMember(operation.Target) is { } filled)
            {
                builder.Add(new NameTie(valueControl, filled, assignment.Span));
            }

            var targetControl = TextControlOf(operation.Target);
            if (targetControl is not null && !SymbolEqualityComparer.Default.Equals(targetControl, valueControl) &&
                MentionsName(assignment, targetControl.Name) && PersonsNameMember(operation.Value) is { } source)
            {
                builder.Add(new NameTie(targetControl, source, assignment.Span));
            }
        }

        return _nameTies.GetOrAdd(tree, builder.ToImmutable());
    }

    private static IEnumerable<SyntaxNode> ControlScopes(ISymbol control)
    {
        if (control is ILocalSymbol)
        {
            foreach (var reference in control.DeclaringSyntaxReferences)
            {
                var body = reference.GetSyntax().FirstAncestorOrSelf<SyntaxNode>(static n =>
                    n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or
                        Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax or
                        Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax);
                if (body is not null)
                {
                    yield return body;
                }
            }

            yield break;
        }

        if (control.ContainingType is { } form)
        {
            foreach (var reference in form.DeclaringSyntaxReferences)
            {
                yield return reference.GetSyntax();
            }
        }
    }

    private static bool MentionsName(SyntaxNode node, string name)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The control whose <c>Text</c> <paramref name="operation"/> is, string cleaning aside; null otherwise.</summary>
    private ISymbol? TextControlOf(IOperation? operation) =>
        WithoutStringCleaning(operation) is IPropertyReferenceOperation { Property.Name: "Text" } text ? ControlOf(text) : null;

    private string? PersonsNameMember(IOperation? operation)
    {
        ISymbol? member = WithoutStringCleaning(operation) switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        return member is not null && Classify(member) is { What: "a person's name" } ? $"{member.ContainingType?.Name}.{member.Name}" : null;
    }

    /// <summary>The value under conversions and the string calls that only clean it: <c>txtName.Text.Trim()</c>, <c>.ToString()</c>, <c>.ToUpper()</c>.</summary>
    private static IOperation? WithoutStringCleaning(IOperation? operation)
    {
        for (var depth = 0; operation is not null && depth < 6; depth++)
        {
            operation = operation.WithoutConversions();
            if (operation is IInvocationOperation { Instance: { } receiver, TargetMethod: { ContainingType.SpecialType: SpecialType.System_String or SpecialType.System_Object } method } &&
                method.Name is "Trim" or "TrimStart" or "TrimEnd" or "ToString" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant")
            {
                operation = receiver;
                continue;
            }

            return operation;
        }

        return operation;
    }

    /// <summary>
    /// The value a platform collection holds under a constant key that names a personal identifier by itself, as a
    /// member so named would: <c>row["FullName"]</c> of a <c>DataRow</c> or a data reader, <c>data["StudentName"]</c> of
    /// a dictionary, <c>Request.Form["firstName"]</c>, <c>Session["Email"]</c>. A key that is a generic name alone
    /// (<c>"Name"</c>, <c>"NAME"</c>: a product's or a file's as often as a person's; a bare <c>Name</c> member is
    /// personal only on a person's type, and a collection has none) or that names no identifier (<c>"FileName"</c>)
    /// is not. An indexer the application declares is its own member, read by its name as any other. Null for anything else.
    /// </summary>
    public SourceReason? ClassifyKeyedValue(IOperation operation)
    {
        if (operation is not IPropertyReferenceOperation { Property: { IsIndexer: true } indexer, Arguments: { Length: 1 } arguments } ||
            arguments[0].Value.ConstantValue is not { HasValue: true, Value: string key } || key.Length is 0 or > 64 ||
            !FrameworkAssemblies.Declares(indexer))
        {
            return null;
        }

        var name = NameOf(key);
        if (name.Excluded || name.Concept is not { } concept || PersonalIdentifierVocabulary.StartsWithNameWord(name.Tokens))
        {
            return null;
        }

        return new SourceReason(concept.Description, $"the value under the key '{key}'");
    }

    /// <summary>The call is on a <c>ClaimsPrincipal</c>: its instance method, or an extension whose first parameter is one.</summary>
    private bool OnPrincipal(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var receiver = method.IsExtensionMethod ? method.Parameters.Length > 0 ? method.Parameters[0].Type : null : method.ContainingType;
        return WellKnownTypes.DerivesFrom(receiver as INamedTypeSymbol, _claimsPrincipal);
    }

    private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
    {
        for (var current = instance.Parent; current is not null; current = current.Parent)
        {
            if (current is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    private SourceReason? ClassifyCore(ISymbol symbol)
    {
        var type = ValueType(symbol);
        if (type is null || IsNeverPersonal(type))
        {
            return null;
        }

        var name = NameOf(symbol is IMethodSymbol ? WithoutLookupKey(symbol.Name) : symbol.Name);
        if (name.Excluded)
        {
            return null;
        }

        var concept = name.Concept;

        // 1. Declared.
        var declared = symbol is ILocalSymbol ? null : Declared(symbol);
        if (declared is not null)
        {
            if (concept is null && name.IsOpaqueKey)
            {
                return null;
            }

            return new SourceReason(concept?.Description ?? declared.What, declared.Evidence);
        }

        foreach (var configuredType in _configuredTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, configuredType))
            {
                return new SourceReason(concept?.Description ?? "personal data",
                    $"its type {configuredType.Name} is listed in {PersonalDataOptions.PersonalDataTypesKey}");
            }
        }

        // A member of the platform is what it is, whatever its name says: only the signed-in user's name is personal.
        if (FrameworkAssemblies.Declares(symbol))
        {
            return IsIdentityName(symbol) ? new SourceReason("the signed-in user's name", "IIdentity.Name (User.Identity.Name)") : null;
        }

        // A player's name that is software's (VideoPlayerSettings.PlayerName, audioPlayerName): not a person's.
        if (concept is not null && IsSoftwarePlayer(symbol, name.Tokens))
        {
            return null;
        }

        // 2. Named. The application's own file type's FullName (FileObject.FullName = Path + FileName) is a file's full
        // name, as FileInfo.FullName is, unless the type is a person's.
        // Named, unless a name word comes first (Spanish and Portuguese order) on a person's type (Alumno.NombreAlumno):
        // then the type says whose, below.
        if (concept is not null && !PersonalIdentifierVocabulary.StartsWithNameWord(name.Tokens))
        {
            return IsFileFullName(symbol) ? null : new SourceReason(concept.Description, $"its name '{symbol.Name}'");
        }

        // A generic name (Name, NameOfStaff, Nombre) of the application's own type that is a person.
        if (name.IsGenericName && symbol is IPropertySymbol or IFieldSymbol && type.SpecialType == SpecialType.System_String &&
            symbol.ContainingType is { } owner && PersonEvidence(owner) is { } person &&
            PersonalIdentifierVocabulary.IsGenericNameMember(name.Tokens, OwnWords(owner, person)))
        {
            return new SourceReason("a person's name", $"its name '{symbol.Name}' on {owner.Name}, {person}");
        }

        if (concept is not null)
        {
            return IsFileFullName(symbol) ? null : new SourceReason(concept.Description, $"its name '{symbol.Name}'");
        }

        // An abbreviated first or last name (FName, Lname, FirstNm) of the application's own type that is a person or
        // declares another part of a name (held-out set 17's résumé, named {FName}{Lname}_Resume.pdf).
        if (symbol is IPropertySymbol or IFieldSymbol && type.SpecialType == SpecialType.System_String && symbol.ContainingType is { } holder &&
            PersonalIdentifierVocabulary.IsNamePartAbbreviation(name.Tokens, _options.NameAbbreviations) &&
            AbbreviatedNameEvidence(holder, symbol) is { } whose)
        {
            return new SourceReason("a person's name", $"its name '{symbol.Name}', an abbreviated part of a name on {holder.Name}, {whose}");
        }

        // A person word's name beside that person (Quote.ClientName next to its Cliente): the person's name copied onto
        // the record (held-out set 17's quote PDF named after the client).
        if (symbol is IPropertySymbol or IFieldSymbol && type.SpecialType == SpecialType.System_String && symbol.ContainingType is { } copier &&
            PersonalIdentifierVocabulary.PersonWordOf(name.Tokens, _options.PersonTypes) is { } personWord &&
            PersonBeside(copier, personWord) is { } beside)
        {
            return new SourceReason("a person's name", $"its name '{symbol.Name}' on {copier.Name}, which also declares {beside}");
        }

        // A string member called only for a person's role (form.Doctor, Appointment.Patient): that person's name.
        if (symbol is IPropertySymbol or IFieldSymbol && type.SpecialType == SpecialType.System_String &&
            PersonalIdentifierVocabulary.IsRoleMemberName(name.Tokens))
        {
            return new SourceReason("a person's name", $"its name '{symbol.Name}', a string named for a person");
        }

        // The caller or callee of a telephone call, in a call's code: the number the switch knows the person by.
        if (TelephonyContext(symbol, type, name.Tokens) is { } call)
        {
            return new SourceReason("a phone number", $"its name '{symbol.Name}', a party of a call in {call}");
        }

        // A person's key that is their identity document's number (Person.Id, Customer.PersonId through its Person).
        if (name.IsOpaqueKey && symbol is IPropertySymbol or IFieldSymbol && IsKeyType(type) &&
            IdentityDocumentKeyOf(symbol, name.Tokens) is { } keyed)
        {
            return keyed;
        }

        // 3. Configured names.
        return name.Configured
            ? new SourceReason("a personal identifier", $"its name '{symbol.Name}' is listed in {PersonalDataOptions.PersonalNamesKey}")
            : null;
    }

    /// <summary>
    /// The member of <paramref name="holder"/> that holds the person <paramref name="word"/> names (<c>Cliente</c>, a
    /// <c>Cliente</c>, for <c>client</c>): a property or field whose type is the application's person type
    /// (<see cref="PersonEvidence"/>) with a word of its name that is <paramref name="word"/> or starts with it
    /// (<c>Cliente</c>, <c>ClientEntity</c>). Null otherwise: a token's <c>ClientName</c> beside its <c>User</c> is the
    /// name of an application that signs in, not the user's.
    /// </summary>
    private string? PersonBeside(INamedTypeSymbol holder, string word)
    {
        if (IsPlatformType(holder))
        {
            return null;
        }

        foreach (var member in holder.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared || member.IsStatic ||
                ValueType(member) is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } held || IsPlatformType(held))
            {
                continue;
            }

            var named = false;
            foreach (var token in TypeTokens(held))
            {
                if (token.StartsWith(word, System.StringComparison.Ordinal))
                {
                    named = true;
                    break;
                }
            }

            if (named && PersonEvidence(held) is not null)
            {
                return member.Name == held.Name ? member.Name : $"{member.Name}, a {held.Name}";
            }
        }

        return null;
    }

    /// <summary>
    /// Why an abbreviated part of a name (<paramref name="member"/>, <c>FName</c>) on <paramref name="holder"/> is a
    /// person's: the type is a person (<see cref="PersonEvidence"/>), or it declares another part of a name, written out
    /// (<c>LastName</c>, <c>Surname</c>) or abbreviated (<c>Lname</c>). Null otherwise: an upload's <c>FName</c> beside
    /// its <c>FPath</c> is the file's name.
    /// </summary>
    private string? AbbreviatedNameEvidence(INamedTypeSymbol holder, ISymbol member)
    {
        if (IsPlatformType(holder))
        {
            return null;
        }

        if (PersonEvidence(holder) is { } person)
        {
            return person;
        }

        foreach (var other in holder.GetMembers())
        {
            if (other is IPropertySymbol or IFieldSymbol && !other.IsImplicitlyDeclared && !SymbolEqualityComparer.Default.Equals(other, member) &&
                ValueType(other)?.SpecialType == SpecialType.System_String &&
                (PersonalIdentifierVocabulary.IsNamePartAbbreviation(NameOf(other.Name).Tokens, _options.NameAbbreviations) ||
                 PersonalIdentifierVocabulary.IsPersonOnlyMember(NameOf(other.Name).Tokens) && NameOf(other.Name).Concept is { Description: "a person's name" }))
            {
                return $"which also declares {other.Name}";
            }
        }

        return null;
    }

    /// <summary>
    /// The name of the method or type that makes <paramref name="symbol"/>, a string or integer named for the caller or
    /// callee (<c>caller</c>, <c>safeCaller</c>, <c>CallRecording.Caller</c>), a party of a telephone call: the method
    /// that declares the parameter or local, or the type (or one that contains it) that declares it, is named for calls
    /// (<see cref="PersonalIdentifierVocabulary.IsTelephonyContext"/>). Null anywhere else, and for the compiler's caller
    /// information (<c>[CallerMemberName] string caller</c>, <c>[CallerFilePath]</c>): a method, a file, not a person.
    /// </summary>
    private string? TelephonyContext(ISymbol symbol, ITypeSymbol type, ImmutableArray<string> tokens)
    {
        if (type.SpecialType is not (SpecialType.System_String or SpecialType.System_Int64 or SpecialType.System_UInt64) ||
            !PersonalIdentifierVocabulary.IsTelephonyPartyName(tokens) ||
            symbol is IParameterSymbol parameter && HasCallerInformation(parameter))
        {
            return null;
        }

        if (symbol is IParameterSymbol or ILocalSymbol && symbol.ContainingSymbol is IMethodSymbol { MethodKind: not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) } method &&
            PersonalIdentifierVocabulary.IsTelephonyContext(NameOf(method.Name).Tokens))
        {
            return method.Name;
        }

        var depth = 0;
        for (var owner = symbol.ContainingType; owner is not null && depth < 3; owner = owner.ContainingType, depth++)
        {
            if (PersonalIdentifierVocabulary.IsTelephonyContext(TypeTokens(owner)))
            {
                return owner.Name;
            }
        }

        return null;
    }

    /// <summary>The compiler's caller information: <c>[CallerMemberName]</c>, <c>[CallerFilePath]</c>, <c>[CallerLineNumber]</c>, <c>[CallerArgumentExpression]</c>.</summary>
    private static bool HasCallerInformation(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { } attributeClass &&
                attributeClass.Name.StartsWith("Caller", System.StringComparison.Ordinal) &&
                attributeClass.ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Int64 or
            SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_Decimal ||
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && IsKeyType(nullable.TypeArguments[0]);

    /// <summary>
    /// The reason a key member holds a person's national identity number: it is the key (<c>Id</c>) of a person type
    /// keyed by its identity document (<see cref="IdentityDocumentEvidence"/>), or a foreign key named for a navigation
    /// member of such a type that its own type declares (<c>Customer.PersonId</c> beside <c>Customer.Person</c>, Entity
    /// Framework's convention). Null for every other key: a <c>UserId</c>, an <c>OrderId</c>, a DTO's <c>PersonId</c>
    /// with no navigation member.
    /// </summary>
    private SourceReason? IdentityDocumentKeyOf(ISymbol symbol, ImmutableArray<string> tokens)
    {
        if (symbol.ContainingType is not { } owner || owner.IsImplicitlyDeclared)
        {
            return null;
        }

        if (tokens.Length == 1 && IdentityDocumentEvidence(owner) is { } own)
        {
            return new SourceReason("a national identity number", $"'{symbol.Name}' is the key of {owner.Name}, {own}");
        }

        if (tokens.Length < 2 || !symbol.Name.EndsWith("Id", System.StringComparison.Ordinal))
        {
            return null;
        }

        var navigation = symbol.Name.Substring(0, symbol.Name.Length - 2);
        foreach (var member in owner.GetMembers(navigation))
        {
            if (member is IPropertySymbol or IFieldSymbol && ValueType(member) is INamedTypeSymbol { TypeKind: TypeKind.Class } target &&
                IdentityDocumentEvidence(target) is { } evidence)
            {
                return new SourceReason("a national identity number",
                    navigation == target.Name
                        ? $"'{symbol.Name}' is the key of its {navigation}, {evidence}"
                        : $"'{symbol.Name}' is the key of its {navigation}, a {target.Name}, {evidence}");
            }
        }

        return null;
    }

    /// <summary>
    /// Why an application type is a person keyed by the number of their identity document, or null: it is a person
    /// (<see cref="PersonEvidence"/>), it declares the kind of that document (<c>TypeIdentificationId</c>,
    /// <c>IdentificationType</c>, <c>TipoDocumento</c>), it declares no member for the document's number itself
    /// (<c>DocumentNumber</c>, <c>Cedula</c>, <c>NationalId</c>), and its key <c>Id</c> is not marked as generated by the
    /// database (<c>[DatabaseGenerated(Identity)]</c>). A person whose document has a kind and no number of its own is
    /// known by the key: the kind says how to read the key (a bank's customers keyed by their cédula, the kind telling a
    /// citizen's from a company's). Worked out once per type.
    /// </summary>
    private string? IdentityDocumentEvidence(INamedTypeSymbol type)
    {
        if (!_documentKeyed.TryGetValue(type, out var evidence))
        {
            evidence = _documentKeyed.GetOrAdd(type, ReadIdentityDocumentKey(type) ?? string.Empty);
        }

        return evidence.Length == 0 ? null : evidence;
    }

    private string? ReadIdentityDocumentKey(INamedTypeSymbol type)
    {
        if (IsPlatformType(type) || PersonEvidence(type) is not { } person)
        {
            return null;
        }

        string? kind = null;
        var keyed = false;
        foreach (var member in type.GetMembers())
        {
            if (member is not (IPropertySymbol or IFieldSymbol) || member.IsImplicitlyDeclared || member.IsStatic)
            {
                continue;
            }

            if (member.Name == "Id")
            {
                if (IsGeneratedKey(member))
                {
                    return null;
                }

                keyed = true;
                continue;
            }

            var tokens = NameOf(member.Name).Tokens;
            switch (PersonalIdentifierVocabulary.ReadIdentityDocumentMember(tokens))
            {
                case PersonalIdentifierVocabulary.IdentityDocumentMember.Kind:
                    kind ??= member.Name;
                    break;
                case PersonalIdentifierVocabulary.IdentityDocumentMember.Number when ValueType(member) is { } held && IsKeyType(held):
                    return null;
            }

            if (NameOf(member.Name).Concept is { Description: "a national identity number" or "a passport number" or "a tax identification number" })
            {
                return null;
            }
        }

        return keyed && kind is not null ? $"{person}, keyed by its identity document (it declares {kind} and no number for it)" : null;
    }

    /// <summary>A key marked <c>[DatabaseGenerated(DatabaseGeneratedOption.Identity)]</c> or <c>Computed</c>: a counter, not a document's number.</summary>
    private static bool IsGeneratedKey(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "DatabaseGeneratedAttribute" } &&
                attribute.ConstructorArguments is { Length: 1 } arguments && arguments[0].Value is int option && option != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>FullName</c> of the application's own type whose name says it is a file (<c>FileObject</c>, <c>UploadedFile</c>,
    /// <c>BlobItem</c>, <c>Attachment</c>, <c>FolderEntry</c>) and nothing says is a person: the name of a file.
    /// </summary>
    private bool IsFileFullName(ISymbol symbol)
    {
        if (symbol is not (IPropertySymbol or IFieldSymbol) || !string.Equals(symbol.Name, "FullName", System.StringComparison.OrdinalIgnoreCase) ||
            symbol.ContainingType is not { } owner)
        {
            return false;
        }

        var isFile = false;
        foreach (var token in TypeTokens(owner))
        {
            if (token is "file" or "files" or "blob" or "attachment" or "upload" or "folder" or "directory")
            {
                isFile = true;
                break;
            }
        }

        return isFile && PersonEvidence(owner) is null;
    }

    /// <summary>
    /// A method's name without the key it looks up by: <c>GetFullNameByUserIdAsync</c> returns a full name, found by a
    /// user id, so it is read as <c>GetFullName</c>. Only for methods: a property <c>CreatedByEmail</c> is the e-mail of
    /// whoever created the row, and keeps its whole name. The name is cut at the first <c>By</c> that follows a lower-case
    /// letter and precedes an upper-case one; a name without one is returned as it is (no allocation).
    /// </summary>
    internal static string WithoutLookupKey(string methodName)
    {
        for (var i = 1; i + 2 < methodName.Length; i++)
        {
            if (methodName[i] == 'B' && methodName[i + 1] == 'y' && char.IsLower(methodName[i - 1]) && char.IsUpper(methodName[i + 2]))
            {
                return methodName.Substring(0, i);
            }
        }

        return methodName;
    }

    /// <summary>What a name says by itself, the same for every symbol so named: worked out once per distinct name.</summary>
    private NameVerdict NameOf(string name)
    {
        if (!_names.TryGetValue(name, out var verdict))
        {
            verdict = _names.GetOrAdd(name, ReadName(name));
        }

        return verdict;
    }

    private NameVerdict ReadName(string name)
    {
        if (!_options.ExcludedNames.IsEmpty && _options.ExcludedNames.Contains(name))
        {
            return NameVerdict.ExcludedName;
        }

        var tokens = NameTokens.Split(name);
        var configured = false;
        foreach (var pattern in _configuredNames)
        {
            var start = tokens.Length - pattern.Length;
            if (start >= 0 && PersonalIdentifierVocabulary.MatchesAt(tokens, start, pattern))
            {
                configured = true;
                break;
            }
        }

        return new NameVerdict(PersonalIdentifierVocabulary.Match(tokens), PersonalIdentifierVocabulary.IsOpaqueKeyName(tokens), configured,
            excluded: false, tokens, PersonalIdentifierVocabulary.IsGenericNameMember(tokens, ImmutableArray<string>.Empty) || MayNameByType(tokens));
    }

    /// <summary>
    /// A name that may be generic once the type's own words are allowed (<c>StaffName</c>, <c>NombreAlumno</c>): it has a
    /// word that says "name" and at most two other words. The type decides (<see cref="PersonalIdentifierVocabulary.IsGenericNameMember"/>).
    /// </summary>
    private static bool MayNameByType(ImmutableArray<string> tokens) =>
        tokens.Length is > 1 and <= 3 && (tokens[0] is "name" or "nombre" or "nom" or "nome" || tokens[tokens.Length - 1] is "name" or "nombre" or "nom" or "nome");

    private const string PersonsDocument = "a type that names a person's CV";

    /// <summary>
    /// The words of <paramref name="owner"/>'s name a generic name member may carry (<c>Staff.StaffName</c>); none for
    /// a person's CV, whose <c>ResumeName</c> or <c>CvName</c> is the document's title, not the person's name.
    /// </summary>
    private ImmutableArray<string> OwnWords(INamedTypeSymbol owner, string evidence) =>
        evidence.EndsWith(PersonsDocument, System.StringComparison.Ordinal) ? ImmutableArray<string>.Empty : TypeTokens(owner);

    /// <summary>
    /// Why an application type is a person, or null: its name (or an application base type's) names one
    /// (<see cref="PersonalIdentifierVocabulary.NamesPerson"/>, with <c>SSA0101.person_types</c>), or it declares a member
    /// only a person has (<see cref="PersonalIdentifierVocabulary.IsPersonOnlyMember"/>: <c>Surname</c>, <c>DateOfBirth</c>).
    /// Worked out once per type.
    /// </summary>
    private string? PersonEvidence(INamedTypeSymbol type)
    {
        if (!_persons.TryGetValue(type, out var evidence))
        {
            evidence = _persons.GetOrAdd(type, ReadPerson(type) ?? string.Empty);
        }

        return evidence.Length == 0 ? null : evidence;
    }

    private string? ReadPerson(INamedTypeSymbol type)
    {
        var depth = 0;
        for (var current = type; current is not null && depth < 4 && !IsPlatformType(current); current = current.BaseType, depth++)
        {
            foreach (var configured in _options.PersonTypes)
            {
                if (configured.IndexOf('.') > 0 &&
                    string.Equals(configured, current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty), System.StringComparison.Ordinal))
                {
                    return $"a type listed in {PersonalDataOptions.PersonTypesKey}";
                }
            }

            if (PersonalIdentifierVocabulary.NamesPerson(TypeTokens(current), _options.PersonTypes))
            {
                return ReferenceEquals(current, type) ? "a type that names a person" : $"a {current.Name}, a type that names a person";
            }

            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && !member.IsImplicitlyDeclared &&
                    PersonalIdentifierVocabulary.IsPersonOnlyMember(NameOf(member.Name).Tokens))
                {
                    return $"which also declares {member.Name}";
                }
            }

            // One person's CV or résumé: its generic name is theirs, asked after the person-only members so that a CV
            // declaring FirstName keeps that evidence (and its CvName, the person's, as before).
            if (PersonalIdentifierVocabulary.NamesPersonsDocument(TypeTokens(current)))
            {
                return ReferenceEquals(current, type) ? PersonsDocument : $"a {current.Name}, {PersonsDocument}";
            }
        }

        return null;
    }

    private static bool IsPlatformType(INamedTypeSymbol type) =>
        type.SpecialType == SpecialType.System_Object || type.ContainingAssembly is { } assembly && FrameworkAssemblies.IsPlatform(assembly.Name) &&
        !type.IsDeclaredInSource();

    private ImmutableArray<string> TypeTokens(INamedTypeSymbol type) => NameOf(type.Name).Tokens;

    /// <summary>
    /// True when <paramref name="tokens"/>, a name with the word <c>player</c>, speak of a media player: the name itself
    /// (<c>MediaPlayerName</c>, <c>PlayerVideoTitle</c>), or the type that declares it or the method that declares the
    /// parameter or local (<c>VideoPlayerSettings.PlayerName</c>, <c>OpenAudio(string playerName)</c>). A player in a
    /// game or a team (<c>ExportReportData.PlayerName</c>, <c>GameSession.PlayerName</c>) is a person.
    /// </summary>
    private bool IsSoftwarePlayer(ISymbol symbol, ImmutableArray<string> tokens)
    {
        if (tokens.IndexOf("player") < 0)
        {
            return false;
        }

        if (PersonalIdentifierVocabulary.IsMediaPlayer(tokens))
        {
            return true;
        }

        if (symbol.ContainingSymbol is IMethodSymbol method &&
            PersonalIdentifierVocabulary.HasMediaWord(NameOf(method.Name).Tokens))
        {
            return true;
        }

        for (var owner = symbol.ContainingType; owner is not null; owner = owner.ContainingType)
        {
            if (PersonalIdentifierVocabulary.HasMediaWord(TypeTokens(owner)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The verdict on a name: the concept it names, whether it is an opaque key, listed, or excluded.</summary>
    private sealed class NameVerdict
    {
        public static readonly NameVerdict ExcludedName = new(null, isOpaqueKey: false, configured: false, excluded: true,
            ImmutableArray<string>.Empty, isGenericName: false);

        public NameVerdict(PersonalIdentifierConcept? concept, bool isOpaqueKey, bool configured, bool excluded,
            ImmutableArray<string> tokens, bool isGenericName)
        {
            Concept = concept;
            IsOpaqueKey = isOpaqueKey;
            Configured = configured;
            Excluded = excluded;
            Tokens = tokens;
            IsGenericName = isGenericName;
        }

        /// <summary>The name's words (<see cref="NameTokens"/>).</summary>
        public ImmutableArray<string> Tokens { get; }

        /// <summary>The name may be a generic name (<c>Name</c>, <c>NameOfStaff</c>, <c>StaffName</c>): a person's when its type is one.</summary>
        public bool IsGenericName { get; }

        public PersonalIdentifierConcept? Concept { get; }
        public bool IsOpaqueKey { get; }

        /// <summary>The name ends with a name listed in <c>SSA0101.personal_names</c>.</summary>
        public bool Configured { get; }
        public bool Excluded { get; }
    }

    private SourceReason? Declared(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = Overridden(current))
        {
            foreach (var attribute in current.OriginalDefinition.GetAttributes())
            {
                var reason = FromAttribute(attribute, current);
                if (reason is not null)
                {
                    return reason;
                }
            }
        }

        return null;
    }

    private SourceReason? FromAttribute(AttributeData attribute, ISymbol owner)
    {
        var attributeClass = attribute.AttributeClass;
        if (attributeClass is null)
        {
            return null;
        }

        // The evidence text is built only for the attribute that matches: most attributes on a member are not ours.
        if (WellKnownTypes.DerivesFrom(attributeClass, _personalDataAttribute) || WellKnownTypes.DerivesFrom(attributeClass, _dataClassificationAttribute))
        {
            return new SourceReason("personal data", $"[{ShortName(attributeClass)}] {Where(owner)}");
        }

        if (SymbolEquality.Is(attributeClass, _phoneAttribute))
        {
            return new SourceReason("a phone number", $"[Phone] {Where(owner)}");
        }

        if (SymbolEquality.Is(attributeClass, _emailAddressAttribute))
        {
            return new SourceReason("an e-mail address", $"[EmailAddress] {Where(owner)}");
        }

        if (SymbolEquality.Is(attributeClass, _creditCardAttribute))
        {
            return new SourceReason("a bank account or card number", $"[CreditCard] {Where(owner)}");
        }

        if (SymbolEquality.Is(attributeClass, _dataTypeAttribute) && attribute.ConstructorArguments.Length == 1 &&
            attribute.ConstructorArguments[0].Value is int dataType)
        {
            // System.ComponentModel.DataAnnotations.DataType: PhoneNumber = 5, EmailAddress = 10, CreditCard = 14.
            var what = dataType switch
            {
                5 => "a phone number",
                10 => "an e-mail address",
                14 => "a bank account or card number",
                _ => null,
            };
            return what is null ? null : new SourceReason(what, $"[DataType] {Where(owner)}");
        }

        foreach (var configured in _configuredAttributes)
        {
            if (WellKnownTypes.DerivesFrom(attributeClass, configured))
            {
                return new SourceReason("personal data",
                    $"[{ShortName(attributeClass)}] {Where(owner)}, listed in {PersonalDataOptions.PersonalDataAttributesKey}");
            }
        }

        return null;
    }

    /// <summary>The type of the value the symbol yields: a method's result (unwrapping Task/ValueTask), else its declared type.</summary>
    private ITypeSymbol? ValueType(ISymbol symbol)
    {
        var type = symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IMethodSymbol method => method.ReturnsVoid ? null : method.ReturnType,
            _ => null,
        };

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named &&
            (SymbolEquality.Is(named.OriginalDefinition, _task) || SymbolEquality.Is(named.OriginalDefinition, _valueTask)))
        {
            type = named.TypeArguments[0];
        }

        return type;
    }

    private bool IsNeverPersonal(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_Void ||
               type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Error ||
               SymbolEquality.Is(type, _guid);
    }

    /// <summary><c>IIdentity.Name</c> or its implementation (<c>ClaimsIdentity.Name</c>): the signed-in user's name.</summary>
    private bool IsIdentityName(ISymbol symbol)
    {
        if (_identity is null || symbol is not IPropertySymbol { Name: "Name", ContainingType: { } owner })
        {
            return false;
        }

        if (SymbolEquality.Is(owner, _identity))
        {
            return true;
        }

        foreach (var implemented in owner.AllInterfaces)
        {
            if (SymbolEquality.Is(implemented, _identity))
            {
                return true;
            }
        }

        return false;
    }

    private static string Where(ISymbol owner) => $"on {owner.ContainingType?.Name}.{owner.Name}";

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => property.OverriddenProperty,
        IMethodSymbol method => method.OverriddenMethod,
        _ => null,
    };
    private static string ShortName(INamedTypeSymbol attributeClass) =>
        attributeClass.Name.EndsWith("Attribute", System.StringComparison.Ordinal)
            ? attributeClass.Name.Substring(0, attributeClass.Name.Length - "Attribute".Length)
            : attributeClass.Name;
}
