using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using SecureStorageAnalyzers.ValueFlow;

namespace SecureStorageAnalyzers.Tests.PersonalData;

public class PersonalDataClassifierTests
{
    private const string Members = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Identity;

        public enum PhoneKind { Mobile, Landline }

        public class Subject
        {
            // Named personal identifiers.
            public string callerPhoneNumber = "", Msisdn = "", MobileNumber = "", CustomerEmailAddress = "", Ssn = "";
            public string NationalId = "", Personnummer = "", PassportNo = "", DriversLicenseNumber = "", TaxId = "";
            public string FirstName = "", PatientName = "", UserName = "", DateOfBirth = "", HomeAddress = "", Iban = "";
            public string CardNumber = "", CallerId = "", phoneNumberNormalized = "", Phone2 = "";
            // Every national number the SSA0101 page names.
            public string Nino = "", Bsn = "", Cpr = "", Pesel = "", CodiceFiscale = "", Dni = "", Nie = "", Nif = "";
            public string Cpf = "", Curp = "", Aadhaar = "", Tfn = "", Nric = "", Hkid = "";
            public long MobilePhone;
            public DateTime BirthDate;

            // Names that only look personal.
            public string EmailTemplateName = "", FileName = "", MaxPhoneLength = "", PhoneNumberFormat = "";
            public string EmailSubject = "", Name = "", AccountName = "", MemberName = "", DisplayMode = "";
            public bool PhoneNumberConfirmed, IsEmail;
            public PhoneKind PhoneType;
            public Guid PhoneGuid;
            public string UserId = "", Id = "", CustomerKey = "";

            // Declared, with harmless names.
            [PersonalData] public string Alias { get; set; } = "";
            [Phone] public string Contact { get; set; } = "";
            [EmailAddress] public string Login { get; set; } = "";
            [CreditCard] public string Payment { get; set; } = "";
            [DataType(DataType.PhoneNumber)] public string Line { get; set; } = "";
            [DataType(DataType.Date)] public string Day { get; set; } = "";

            // Declared opaque keys and flags: never personal identifiers.
            [PersonalData] public string RecordId { get; set; } = "";
            [PersonalData] public bool TwoFactor { get; set; }

            public string GetPhoneNumber() => "";
            public System.Threading.Tasks.Task<string> GetEmailAsync() => System.Threading.Tasks.Task.FromResult("");
        }

        public class User : IdentityUser { }
        """;

    [Theory]
    [InlineData("callerPhoneNumber", "a phone number")]
    [InlineData("Msisdn", "a phone number")]
    [InlineData("MobileNumber", "a phone number")]
    [InlineData("CallerId", "a phone number")]
    [InlineData("phoneNumberNormalized", "a phone number")]
    [InlineData("Phone2", "a phone number")]
    [InlineData("MobilePhone", "a phone number")]
    [InlineData("CustomerEmailAddress", "an e-mail address")]
    [InlineData("Ssn", "a national identity number")]
    [InlineData("NationalId", "a national identity number")]
    [InlineData("Personnummer", "a national identity number")]
    [InlineData("Nino", "a national identity number")]
    [InlineData("Bsn", "a national identity number")]
    [InlineData("Cpr", "a national identity number")]
    [InlineData("Pesel", "a national identity number")]
    [InlineData("CodiceFiscale", "a national identity number")]
    [InlineData("Dni", "a national identity number")]
    [InlineData("Nie", "a national identity number")]
    [InlineData("Nif", "a national identity number")]
    [InlineData("Cpf", "a national identity number")]
    [InlineData("Curp", "a national identity number")]
    [InlineData("Aadhaar", "a national identity number")]
    [InlineData("Tfn", "a national identity number")]
    [InlineData("Nric", "a national identity number")]
    [InlineData("Hkid", "a national identity number")]
    [InlineData("PassportNo", "a passport number")]
    [InlineData("DriversLicenseNumber", "a driving licence number")]
    [InlineData("TaxId", "a tax identification number")]
    [InlineData("FirstName", "a person's name")]
    [InlineData("PatientName", "a person's name")]
    [InlineData("UserName", "a person's name")]
    [InlineData("DateOfBirth", "a date of birth")]
    [InlineData("BirthDate", "a date of birth")]
    [InlineData("HomeAddress", "a postal address")]
    [InlineData("Iban", "a bank account or card number")]
    [InlineData("CardNumber", "a bank account or card number")]
    [InlineData("EmailTemplateName", null)]
    [InlineData("FileName", null)]
    [InlineData("MaxPhoneLength", null)]
    [InlineData("PhoneNumberFormat", null)]
    [InlineData("EmailSubject", null)]
    // Subject declares FirstName and DateOfBirth: it is a person, and its generic names are its name (PersonTypesTests
    // has the same names on types that are not persons).
    [InlineData("Name", "a person's name")]
    [InlineData("AccountName", null)]
    [InlineData("MemberName", "a person's name")]
    [InlineData("DisplayMode", null)]
    [InlineData("PhoneNumberConfirmed", null)]
    [InlineData("IsEmail", null)]
    [InlineData("PhoneType", null)]
    [InlineData("PhoneGuid", null)]
    [InlineData("UserId", null)]
    [InlineData("Id", null)]
    [InlineData("CustomerKey", null)]
    [InlineData("Alias", "personal data")]
    [InlineData("Contact", "a phone number")]
    [InlineData("Login", "an e-mail address")]
    [InlineData("Payment", "a bank account or card number")]
    [InlineData("Line", "a phone number")]
    [InlineData("Day", null)]
    [InlineData("RecordId", null)]
    [InlineData("TwoFactor", null)]
    [InlineData("GetPhoneNumber", "a phone number")]
    [InlineData("GetEmailAsync", "an e-mail address")]
    public void Classify_NamesTypesAndDeclarations(string member, string? expected)
    {
        var (classifier, subject) = Create();
        var symbol = subject.GetMembers(member).Single();
        Assert.Equal(expected, classifier.Classify(symbol)?.What);
    }

    [Theory]
    [InlineData("Email", "an e-mail address", true)]
    [InlineData("PhoneNumber", "a phone number", true)]
    [InlineData("UserName", "a person's name", true)]
    [InlineData("PhoneNumberConfirmed", null, false)]
    [InlineData("EmailConfirmed", null, false)]
    [InlineData("TwoFactorEnabled", null, false)]
    [InlineData("Id", null, false)]
    [InlineData("SecurityStamp", null, false)]
    public void Classify_IdentityUser_DeclaredMembers(string member, string? expected, bool personal)
    {
        var (classifier, _) = Create();
        var user = classifier.Compilation.GetTypeByMetadataName("User")!;
        var symbol = user.BaseType!.BaseType!.GetMembers(member).Single();
        var reason = classifier.Classifier.Classify(symbol);
        Assert.Equal(personal, reason is not null);
        if (personal)
        {
            Assert.Equal(expected, reason!.What);
            Assert.Contains("[ProtectedPersonalData] on IdentityUser." + member, reason.Evidence);
        }
    }

    [Fact]
    public void Classify_ExcludedNamesWin_AndConfiguredNamesAreAdded()
    {
        var (classifier, subject) = Create(("SSA0101.excluded_names", "callerPhoneNumber"), ("SSA0101.personal_names", "displayMode"));
        Assert.Null(classifier.Classify(subject.GetMembers("callerPhoneNumber").Single()));
        var configured = classifier.Classify(subject.GetMembers("DisplayMode").Single());
        Assert.NotNull(configured);
        Assert.Contains("SSA0101.personal_names", configured!.Evidence);
    }

    internal static (Harness Classifier, INamedTypeSymbol Subject) Create(params (string Key, string Value)[] options)
    {
        var compilation = CSharpCompilation.Create("Subject",
            new[] { CSharpSyntaxTree.ParseText(Members) },
            TestReferences.AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var config = PersonalDataOptions.Read(TestConfigOptions.Of(options.ToImmutableDictionary(o => o.Key, o => o.Value)));
        var harness = new Harness(compilation, new PersonalDataClassifier(WellKnownTypes.GetOrCreate(compilation), config));
        return (harness, compilation.GetTypeByMetadataName("Subject")!);
    }

    internal sealed class Harness(Compilation compilation, PersonalDataClassifier classifier)
    {
        public Compilation Compilation { get; } = compilation;

        internal PersonalDataClassifier Classifier { get; } = classifier;

        internal SourceReason? Classify(ISymbol symbol) => Classifier.Classify(symbol);
    }
}
