using System;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>
/// Claim types that carry a personal identifier of the signed-in user: the <c>ClaimTypes</c> URIs (matched by their last
/// segment) and the OpenID Connect / JWT short names. <c>nameidentifier</c> and <c>sub</c> are opaque keys, not listed.
/// </summary>
internal static class PersonalClaims
{
    public static string? Describe(string claimType)
    {
        var slash = claimType.LastIndexOf('/');
        var name = slash >= 0 ? claimType.Substring(slash + 1) : claimType;
        switch (name.ToLowerInvariant())
        {
            case "name":
            case "upn":
            case "givenname":
            case "given_name":
            case "surname":
            case "family_name":
            case "preferred_username":
            case "unique_name":
                return "the signed-in user's name";
            case "emailaddress":
            case "email":
                return "an e-mail address";
            case "mobilephone":
            case "homephone":
            case "otherphone":
            case "phone_number":
                return "a phone number";
            case "dateofbirth":
            case "birthdate":
                return "a date of birth";
            case "streetaddress":
                return "a postal address";
            default:
                return null;
        }
    }
}
