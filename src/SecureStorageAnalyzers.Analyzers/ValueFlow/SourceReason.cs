namespace SecureStorageAnalyzers.ValueFlow;

/// <summary>Why a value counts as a source of a value flow (a personal identifier, a request value, the web root): what it is and the evidence.</summary>
internal sealed class SourceReason
{
    public SourceReason(string what, string evidence)
    {
        What = what;
        Evidence = evidence;
    }

    /// <summary>What it is, for the message: "a phone number".</summary>
    public string What { get; }

    /// <summary>Why the pack thinks so: "[ProtectedPersonalData] on IdentityUser.PhoneNumber", "its name".</summary>
    public string Evidence { get; }

    public override string ToString() => $"{What} ({Evidence})";
}
