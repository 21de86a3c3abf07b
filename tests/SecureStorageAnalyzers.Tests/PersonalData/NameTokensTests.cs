using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.Tests.PersonalData;

public class NameTokensTests
{
    [Theory]
    [InlineData("callerPhoneNumber", "caller phone number")]
    [InlineData("CallerPhoneNumber", "caller phone number")]
    [InlineData("caller_phone_number", "caller phone number")]
    [InlineData("caller-phone-number", "caller phone number")]
    [InlineData("SSNValue", "ssn value")]
    [InlineData("customerSSN", "customer ssn")]
    [InlineData("phone2", "phone 2")]
    [InlineData("e164Number", "e 164 number")]
    [InlineData("PhoneNumbers", "phone number")]
    [InlineData("homeAddresses", "home address")]
    [InlineData("_email", "email")]
    [InlineData("Status", "status")]
    [InlineData("", "")]
    public void Split_FollowsCaseUnderscoresDigitsAndPlurals(string identifier, string expected) =>
        Assert.Equal(expected, string.Join(' ', NameTokens.Split(identifier)));
}
