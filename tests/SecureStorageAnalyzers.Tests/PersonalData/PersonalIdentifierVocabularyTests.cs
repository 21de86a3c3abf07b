using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The names of national identity numbers and health-insurance member numbers in the Spanish, Portuguese and English
/// forms real code uses (issue #21: a loan PDF named after a national id, patients' insurance numbers), and the names
/// next to them that are not personal.
/// </summary>
public class PersonalIdentifierVocabularyTests
{
    private const string NationalId = "a national identity number";
    private const string InsuranceMember = "a health insurance member number";

    private static string? Concept(string name) => PersonalIdentifierVocabulary.Match(NameTokens.Split(name))?.Description;

    [Theory]
    [InlineData("Cedula")]
    [InlineData("cedulaPaciente")]
    [InlineData("NumeroCedula")]
    [InlineData("Cédula")]
    [InlineData("Identificacion")]
    [InlineData("numeroIdentificacion")]
    [InlineData("NumeroIdentificación")]
    [InlineData("DocumentoIdentidad")]
    [InlineData("documento_de_identidad")]
    [InlineData("NroDocumento")]
    [InlineData("numeroDocumento")]
    [InlineData("Dni")]
    [InlineData("dniCliente")]
    [InlineData("Curp")]
    [InlineData("Rut")]
    [InlineData("rutPaciente")]
    [InlineData("Cpf")]
    [InlineData("cpfDoCliente")]
    [InlineData("IdentityNumber")]
    [InlineData("identity_number")]
    [InlineData("NationalId")]
    [InlineData("NationalIdNumber")]
    [InlineData("citizenIdentityNumber")]
    public void NationalIdentityNumbers_InTheirSpanishPortugueseAndEnglishForms(string name) =>
        Assert.Equal(NationalId, Concept(name));

    [Theory]
    [InlineData("NroObraSocial")]
    [InlineData("numeroObraSocial")]
    [InlineData("ObraSocialNumero")]
    [InlineData("NroAfiliado")]
    [InlineData("numeroAfiliado")]
    [InlineData("InsuranceNumber")]
    [InlineData("HealthInsuranceNumber")]
    [InlineData("insuranceMemberNumber")]
    [InlineData("MemberNumber")]
    [InlineData("MembershipNumber")]
    [InlineData("NhsNumber")]
    [InlineData("MedicareNumber")]
    public void HealthInsuranceMemberNumbers(string name) =>
        Assert.Equal(InsuranceMember, Concept(name));

    [Theory]
    // The kind of document, not its number.
    [InlineData("TipoIdentificacion")]
    [InlineData("TipoDocumento")]
    [InlineData("IdentificationType")]
    [InlineData("TipoCedula")]
    // The insurer, not the member: the name of the obra social or insurance company.
    [InlineData("ObraSocial")]
    [InlineData("Insurance")]
    [InlineData("InsuranceName")]
    [InlineData("InsuranceCompany")]
    // Opaque keys and foreign keys.
    [InlineData("InsuranceId")]
    [InlineData("MemberId")]
    [InlineData("ObraSocialId")]
    [InlineData("DocumentId")]
    [InlineData("PersonId")]
    // Common names that hold none: documents, identities and members of code, not of people.
    [InlineData("Documento")]
    [InlineData("DocumentNumber")]
    [InlineData("Identity")]
    [InlineData("IdentityName")]
    [InlineData("ClaimsIdentity")]
    [InlineData("MemberName")]
    [InlineData("MemberCount")]
    [InlineData("Route")]
    [InlineData("Ruta")]
    [InlineData("RutEmpresa")]
    [InlineData("Cpu")]
    [InlineData("NumberOfMembers")]
    [InlineData("IdentificacionValida")]
    [InlineData("CedulaLength")]
    public void KindsKeysAndCommonNames_AreNotPersonal(string name) =>
        Assert.Null(Concept(name));
}
