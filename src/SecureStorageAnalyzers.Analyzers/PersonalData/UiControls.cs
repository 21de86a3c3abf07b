using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// The controls of desktop and Web Forms UIs (WinForms' <c>System.Windows.Forms.Control</c>, WPF's
/// <c>System.Windows.Controls.Control</c>, ASP.NET Web Forms' <c>System.Web.UI.Control</c>) and the words a control's
/// name carries for its kind (<c>txt</c>, <c>cmb</c>, <c>TextBox</c>), which say nothing about what it holds.
/// </summary>
internal static class UiControls
{
    /// <summary>Hungarian-style prefixes of control names: text boxes, labels, combo and list boxes, drop-down lists, masked and rich text boxes.</summary>
    private static readonly ImmutableHashSet<string> Prefixes = ImmutableHashSet.Create(
        "txt", "tb", "tbx", "txb", "tx", "lbl", "lb", "cmb", "cbo", "cb", "cbx", "ddl", "dd", "lst", "lbx", "mtb", "mtxt",
        "msk", "rtb", "rtxt", "inp", "input");

    /// <summary>Control kinds as a name's last words: <c>PatientTextBox</c>, <c>customerCombo</c>, <c>callerLabel</c>.</summary>
    private static readonly ImmutableArray<ImmutableArray<string>> Suffixes = ImmutableArray.Create(
        ImmutableArray.Create("text", "box"), ImmutableArray.Create("combo", "box"), ImmutableArray.Create("list", "box"),
        ImmutableArray.Create("textbox"), ImmutableArray.Create("combobox"), ImmutableArray.Create("combo"),
        ImmutableArray.Create("label"), ImmutableArray.Create("input"), ImmutableArray.Create("field"),
        ImmutableArray.Create("txt"), ImmutableArray.Create("lbl"), ImmutableArray.Create("cmb"));

    /// <summary>
    /// True when <paramref name="type"/> derives from one of the platform's base <paramref name="controls"/> (resolved
    /// once per compilation) and holds a value: not a label, whose text is the caption the form's designer wrote
    /// (<c>lblLastName.Text</c> is "Last name:").
    /// </summary>
    public static bool IsControl(ITypeSymbol? type, SymbolSet<INamedTypeSymbol> controls)
    {
        if (type is null || controls.IsEmpty || type.Name.EndsWith("Label", System.StringComparison.Ordinal))
        {
            return false;
        }

        var depth = 0;
        for (var current = type as INamedTypeSymbol; current is not null && depth < 12; current = current.BaseType, depth++)
        {
            if (controls.Contains(current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words of a control's name without its kind: <c>txtPatient</c> and <c>PatientTextBox</c> → patient. Beside the
    /// built-in words, <paramref name="configured"/> (<c>SSA0101.control_name_words</c>): an entry of one word is a prefix
    /// or a last word, an entry of several words the name's last words.
    /// </summary>
    public static ImmutableArray<string> NameWithoutControlWord(ImmutableArray<string> tokens, ImmutableArray<ImmutableArray<string>> configured)
    {
        if (tokens.Length > 1 && (Prefixes.Contains(tokens[0]) || IsConfiguredPrefix(tokens[0], configured)))
        {
            return tokens.RemoveAt(0);
        }

        foreach (var suffix in Suffixes)
        {
            var start = tokens.Length - suffix.Length;
            if (start > 0 && PersonalIdentifierVocabulary.MatchesAt(tokens, start, suffix))
            {
                return tokens.RemoveRange(start, suffix.Length);
            }
        }

        foreach (var suffix in configured)
        {
            var start = tokens.Length - suffix.Length;
            if (start > 0 && PersonalIdentifierVocabulary.MatchesAt(tokens, start, suffix))
            {
                return tokens.RemoveRange(start, suffix.Length);
            }
        }

        return tokens;
    }

    private static bool IsConfiguredPrefix(string token, ImmutableArray<ImmutableArray<string>> configured)
    {
        foreach (var entry in configured)
        {
            if (entry.Length == 1 && string.Equals(entry[0], token, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
