using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// National identity and tax numbers by the names their countries give them (issue #21, held-out set 5: an event
/// certificate API saved each participant's PDF as <c>{name}_{icNumber}.pdf</c>, Malaysia's identity-card number), read
/// word by word: the short abbreviations count only with a number word, and no word is found inside another.
/// </summary>
public class NationalIdentifierTests
{
    private const string NationalId = "a national identity number";
    private const string TaxId = "a tax identification number";
    private const string InsuranceMember = "a health insurance member number";

    private static string? Concept(string name) => PersonalIdentifierVocabulary.Match(NameTokens.Split(name))?.Description;

    [Theory]
    // Malaysia and Singapore.
    [InlineData("icNumber")]
    [InlineData("ICNumber")]
    [InlineData("IcNo")]
    [InlineData("ic_number")]
    [InlineData("NoIC")]
    [InlineData("participantIcNumber")]
    [InlineData("MyKad")]
    [InlineData("MyKid")]
    [InlineData("NoKP")]
    [InlineData("KadPengenalan")]
    [InlineData("Nric")]
    [InlineData("NricNo")]
    // South Asia, South-East Asia, East Asia, Africa.
    [InlineData("AadhaarNumber")]
    [InlineData("Cnic")]
    [InlineData("CnicNo")]
    [InlineData("NicNumber")]
    [InlineData("NidNo")]
    [InlineData("KtpNumber")]
    [InlineData("SssNumber")]
    [InlineData("NinNumber")]
    [InlineData("Cccd")]
    [InlineData("Cmnd")]
    [InlineData("ResidentRegistrationNumber")]
    [InlineData("IdCard")]
    [InlineData("IdCardNo")]
    // Europe and the Americas.
    [InlineData("NiNumber")]
    [InlineData("Ppsn")]
    [InlineData("PpsNumber")]
    [InlineData("SinNo")]
    [InlineData("SinNumber")]
    [InlineData("NumeroSecuriteSociale")]
    [InlineData("Personalausweisnummer")]
    [InlineData("Sozialversicherungsnummer")]
    [InlineData("CprNummer")]
    [InlineData("Rijksregisternummer")]
    [InlineData("Insz")]
    [InlineData("CartaoCidadao")]
    [InlineData("Samordningsnummer")]
    [InlineData("Cnp")]
    [InlineData("RodneCislo")]
    [InlineData("Kennitala")]
    [InlineData("Isikukood")]
    [InlineData("TcNo")]
    [InlineData("Cuil")]
    [InlineData("Bsn")]
    [InlineData("Pesel")]
    [InlineData("CodiceFiscale")]
    [InlineData("Dni")]
    [InlineData("Nie")]
    [InlineData("Nif")]
    [InlineData("Curp")]
    [InlineData("Cpf")]
    [InlineData("Nino")]
    [InlineData("Personnummer")]
    [InlineData("Ssn")]
    [InlineData("Tfn")]
    public void NationalIdentityNumbers_ByCountry(string name) => Assert.Equal(NationalId, Concept(name));

    [Theory]
    [InlineData("PanNumber")]
    [InlineData("PanCardNo")]
    [InlineData("PanCard")]
    [InlineData("Cnpj")]
    [InlineData("cpfCnpj")]
    [InlineData("Nip")]
    [InlineData("Cuit")]
    [InlineData("Steueridentifikationsnummer")]
    [InlineData("Itin")]
    [InlineData("Tin")]
    public void TaxIdentificationNumbers_ByCountry(string name) => Assert.Equal(TaxId, Concept(name));

    [Theory]
    [InlineData("MedicareNumber")]
    [InlineData("MedicareNo")]
    [InlineData("MedicareCardNumber")]
    public void MedicareNumbers(string name) => Assert.Equal(InsuranceMember, Concept(name));

    [Theory]
    // A national id's abbreviation inside a longer word is not that word.
    [InlineData("icon")]
    [InlineData("IconNumber")]
    [InlineData("picNumber")]
    [InlineData("topic")]
    [InlineData("TopicNumber")]
    [InlineData("ICollection")]
    [InlineData("ElectronicNumber")]
    [InlineData("MusicNo")]
    [InlineData("PanelNumber")]
    [InlineData("Spanish")]
    [InlineData("Japan")]
    [InlineData("Cosine")]
    [InlineData("Pinnacle")]
    [InlineData("Tcp")]
    [InlineData("NoIcons")]
    // The short abbreviations alone, or with a word that is not a number's: what they also mean in code.
    [InlineData("Ic")]
    [InlineData("IcType")]
    [InlineData("Pan")]
    [InlineData("PanX")]
    [InlineData("PanOffset")]
    [InlineData("Sin")]
    [InlineData("SinValue")]
    [InlineData("Nic")]
    [InlineData("NicName")]
    [InlineData("NicIndex")]
    [InlineData("Nid")]
    [InlineData("Ni")]
    [InlineData("Pps")]
    [InlineData("Medicare")]
    [InlineData("RunNumber")]
    // The kind of card, not its number; an opaque key.
    [InlineData("IdCardType")]
    [InlineData("TipoCedula")]
    [InlineData("IcId")]
    public void LookAlikeWords_AreNotNationalIdentifiers(string name) => Assert.Null(Concept(name));

    /// <summary>The held-out shape: a person's IC number in a certificate's file name, through a parameter.</summary>
    [Fact]
    public async Task IdentityCardNumberParameter_InACertificateFileName_IsReportedAsync()
    {
        await VerifyCS.VerifyAnalyzerAsync("""
            class CertificateService
            {
                private readonly string _outputFolder = "/data/Certificates";

                public string Generate(string title, string icNumber, byte[] pdf)
                {
                    var filePath = {|#1:Path.Combine(_outputFolder, $"{title}_{{|#0:icNumber|}}.pdf")|};
                    File.WriteAllBytes(filePath, pdf);
                    return filePath;
                }

                public void Icons(string iconName, string topic, int picNumber, byte[] png)
                {
                    File.WriteAllBytes(Path.Combine(_outputFolder, $"{iconName}_{topic}_{picNumber}.png"), png);
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks,
            VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath).WithLocation(0).WithLocation(1)
                .WithArguments("icNumber", NationalId, "its name 'icNumber'", "Path.Combine", ""));
    }

    /// <summary>A project where "IC" means something else names it in <c>SSA0101.excluded_names</c>, as for any built-in word.</summary>
    [Fact]
    public async Task ExcludedNames_TurnABuiltInNationalIdWordOffAsync()
    {
        var test = new VerifyCS.Test("""
            class Chips
            {
                public void Save(string root, string icNumber, string nricNo, byte[] data)
                {
                    File.WriteAllBytes(Path.Combine(root, icNumber + ".bin"), data);
                    {|#1:File.WriteAllBytes(Path.Combine(root, {|#0:nricNo|} + ".bin"), data)|};
                }
            }
            """, TestFramework.AspNetCore10WithStorageSdks);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nSSA0101.excluded_names = icNumber\n"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath).WithLocation(0).WithLocation(1)
            .WithArguments("nricNo", NationalId, "its name 'nricNo'", "'path' of File.WriteAllBytes", ""));
        await test.RunAsync();
    }
}
