using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// The <c>.editorconfig</c> settings of the personal-data classifier and the value flow, read per syntax tree:
/// <list type="bullet">
/// <item><c>SSA0101.personal_names</c>: more names of personal identifiers (matched word by word, like the built-in ones);</item>
/// <item><c>SSA0101.excluded_names</c>: names that are never personal, matched whole and case-insensitively;</item>
/// <item><c>SSA0101.personal_data_attributes</c>: the project's own attributes that mark personal data (full type names);</item>
/// <item><c>SSA0101.personal_data_types</c>: types whose values are personal identifiers (full type names);</item>
/// <item><c>SSA0101.person_types</c>: more words that name a person when they are the head of one of the application's
/// type names (<c>Walker</c>, <c>Socio</c>), or full type names: a generic name member (<c>Name</c>) of such a type is a
/// person's name;</item>
/// <item><c>SSA0101.pseudonymization_methods</c>: <c>Namespace.Type.Method</c> names whose result is a safe pseudonym; the
/// first one is what the code fix wraps identifiers in;</item>
/// <item><c>SSA0101.control_name_words</c>: more words a form control's name carries for its kind, beside the built-in
/// ones of <see cref="UiControls"/>: an entry of one word is a prefix or a last word (<c>mask</c> in <c>maskPhone</c>), an
/// entry of several words (<c>DatePicker</c>) the name's last words.</item>
/// <item><c>SSA0101.storage_name_members</c>: more last words of the application's members that hold a stored object's
/// name, beside the built-in ones of <see cref="ValueFlow.StorageNameMembers"/> (<c>RecordingRef</c>, <c>DocKey</c>).</item>
/// <item><c>SSA0101.name_abbreviations</c>: more abbreviations of a first or last name (<c>FirstNme</c>, <c>ApNm</c>), matched
/// as a member's whole name like the built-in <c>FName</c>/<c>LName</c>, and like them only on a person's type or beside
/// another part of a name.</item>
/// </list>
/// Lists are separated by commas, semicolons or spaces. Read by SSA0101 and, through the same classifier
/// (<see cref="PersonalDataFlowPolicy.For"/>), by SSA0009 for the file names of its chains.
/// </summary>
internal sealed class PersonalDataOptions : IEquatable<PersonalDataOptions>
{
    public const string PersonalNamesKey = "SSA0101.personal_names";
    public const string ExcludedNamesKey = "SSA0101.excluded_names";
    public const string PersonalDataAttributesKey = "SSA0101.personal_data_attributes";
    public const string PersonalDataTypesKey = "SSA0101.personal_data_types";
    public const string PseudonymizationMethodsKey = "SSA0101.pseudonymization_methods";
    public const string PersonTypesKey = "SSA0101.person_types";
    public const string ControlNameWordsKey = "SSA0101.control_name_words";
    public const string StorageNameMembersKey = "SSA0101.storage_name_members";
    public const string NameAbbreviationsKey = "SSA0101.name_abbreviations";

    public static PersonalDataOptions Empty { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    private readonly string _raw;

    private PersonalDataOptions(string personalNames, string excludedNames, string attributes, string types, string pseudonymizers, string personTypes,
        string controlNameWords, string storageNameMembers, string nameAbbreviations)
    {
        _raw = string.Join("\n", personalNames, excludedNames, attributes, types, pseudonymizers, personTypes, controlNameWords, storageNameMembers,
            nameAbbreviations);
        NameAbbreviations = Phrases(nameAbbreviations);
        ControlNameWords = Phrases(controlNameWords);
        StorageNameMembers = Phrases(storageNameMembers);
        PersonTypes = List(personTypes);
        PersonalNames = List(personalNames);
        ExcludedNames = List(excludedNames).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
        PersonalDataAttributes = List(attributes);
        PersonalDataTypes = List(types);
        PseudonymizationMethods = List(pseudonymizers);
    }

    public ImmutableArray<string> PersonalNames { get; }
    public ImmutableHashSet<string> ExcludedNames { get; }
    public ImmutableArray<string> PersonalDataAttributes { get; }
    public ImmutableArray<string> PersonalDataTypes { get; }
    public ImmutableArray<string> PseudonymizationMethods { get; }

    /// <summary>Words (matched as the head word of a type's name) or full type names of types that are persons.</summary>
    public ImmutableArray<string> PersonTypes { get; }

    /// <summary>The configured words of a control's kind, each split into the name's words (<c>DatePicker</c> → date, picker).</summary>
    public ImmutableArray<ImmutableArray<string>> ControlNameWords { get; }

    /// <summary>The configured abbreviations of a first or last name, each split into the name's words (<c>FirstNme</c> → first, nme).</summary>
    public ImmutableArray<ImmutableArray<string>> NameAbbreviations { get; }

    /// <summary>The configured last words of storage-name members, each split into the name's words (<c>RecordingRef</c> → recording, ref).</summary>
    public ImmutableArray<ImmutableArray<string>> StorageNameMembers { get; }

    public static PersonalDataOptions Read(AnalyzerConfigOptions options)
    {
        string Get(string key) => options.TryGetValue(key, out var value) ? value : string.Empty;

        var personalNames = Get(PersonalNamesKey);
        var excludedNames = Get(ExcludedNamesKey);
        var attributes = Get(PersonalDataAttributesKey);
        var types = Get(PersonalDataTypesKey);
        var pseudonymizers = Get(PseudonymizationMethodsKey);
        var personTypes = Get(PersonTypesKey);
        var controlNameWords = Get(ControlNameWordsKey);
        var storageNameMembers = Get(StorageNameMembersKey);
        var nameAbbreviations = Get(NameAbbreviationsKey);
        if (personalNames.Length + excludedNames.Length + attributes.Length + types.Length + pseudonymizers.Length + personTypes.Length +
            controlNameWords.Length + storageNameMembers.Length + nameAbbreviations.Length == 0)
        {
            return Empty;
        }

        return new PersonalDataOptions(personalNames, excludedNames, attributes, types, pseudonymizers, personTypes, controlNameWords,
            storageNameMembers, nameAbbreviations);
    }

    public bool Equals(PersonalDataOptions? other) => other is not null && _raw == other._raw;

    public override bool Equals(object? obj) => Equals(obj as PersonalDataOptions);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_raw);

    private static ImmutableArray<string> List(string value) => ConfigList.Split(value);

    /// <summary>Each entry of a list split into a name's words (<c>DatePicker</c> → date, picker).</summary>
    private static ImmutableArray<ImmutableArray<string>> Phrases(string value)
    {
        var words = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var entry in List(value))
        {
            var tokens = NameTokens.Split(entry);
            if (!tokens.IsEmpty)
            {
                words.Add(tokens);
            }
        }

        return words.ToImmutable();
    }
}
