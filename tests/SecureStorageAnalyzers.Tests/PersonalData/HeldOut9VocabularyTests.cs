using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The word rules behind held-out set 9's misses (issue #21): a person's identifier with a Spanish owner word after it
/// (<c>dni_supervisor</c>), a name member called only for a person's role (<c>Doctor</c>), and the parties of a telephone
/// call (<c>caller</c>) with the names around them that say code, not telephony.
/// </summary>
public class HeldOut9VocabularyTests
{
    private static string? Concept(string name) => PersonalIdentifierVocabulary.Match(NameTokens.Split(name))?.Description;

    [Theory]
    [InlineData("dni_supervisor", "a national identity number")]
    [InlineData("DniVendedor", "a national identity number")]
    [InlineData("dniDelAsesor", "a national identity number")]
    [InlineData("cedulaConyuge", "a national identity number")]
    [InlineData("DniGarante", "a national identity number")]
    [InlineData("nombres_supervisor", "a person's name")]
    [InlineData("NombreVendedor", "a person's name")]
    [InlineData("NombresCompletos", "a person's name")]
    [InlineData("nombres_completos", "a person's name")]
    public void SpanishOwnerAfterTheIdentifier_KeepsTheConcept(string name, string concept) =>
        Assert.Equal(concept, Concept(name));

    [Theory]
    [InlineData("NombrePadre")]
    [InlineData("nombre_agente")]
    [InlineData("NombreGestor")]
    [InlineData("dni_tipo")]
    [InlineData("TipoDni")]
    [InlineData("supervisor")]
    [InlineData("id_supervisor")]
    [InlineData("NombresProductos")]
    [InlineData("SupervisorDni_count")]
    public void OtherWordsAroundTheOwners_AreNotPersonal(string name) =>
        Assert.Null(Concept(name));

    [Theory]
    [InlineData("Doctor", true)]
    [InlineData("Patient", true)]
    [InlineData("Employee2", true)]
    [InlineData("Empleado", true)]
    [InlineData("Paciente", true)]
    [InlineData("Medico", true)]
    [InlineData("Candidate", true)]
    [InlineData("DoctorId", false)]
    [InlineData("DoctorCount", false)]
    [InlineData("TipoCliente", false)]
    [InlineData("ClienteNuevo", false)]
    [InlineData("User", false)]
    [InlineData("Client", false)]
    [InlineData("Tenant", false)]
    [InlineData("Worker", false)]
    [InlineData("Member", false)]
    [InlineData("Usuario", false)]
    [InlineData("Visitor", false)]
    public void RoleMemberNames(string name, bool role) =>
        Assert.Equal(role, PersonalIdentifierVocabulary.IsRoleMemberName(NameTokens.Split(name)));

    [Theory]
    [InlineData("caller", true)]
    [InlineData("safeCaller", true)]
    [InlineData("incoming_caller", true)]
    [InlineData("Callee", true)]
    [InlineData("callerRaw", true)]
    [InlineData("methodCaller", false)]
    [InlineData("apiCaller", false)]
    [InlineData("ServiceCaller", false)]
    [InlineData("callerName", false)]
    [InlineData("CallerType", false)]
    [InlineData("CallerMemberName", false)]
    [InlineData("callerFilePath", false)]
    [InlineData("calling", false)]
    public void TelephonyPartyNames(string name, bool party) =>
        Assert.Equal(party, PersonalIdentifierVocabulary.IsTelephonyPartyName(NameTokens.Split(name)));

    [Theory]
    [InlineData("CallsController", true)]
    [InlineData("CallRecording", true)]
    [InlineData("HandleIncomingCall", true)]
    [InlineData("PbxWebhookController", true)]
    [InlineData("PhoneCallService", true)]
    [InlineData("LlamadasController", true)]
    [InlineData("MethodCallTracer", false)]
    [InlineData("ApiCallLogger", false)]
    [InlineData("CallSiteInfo", false)]
    [InlineData("CallStackWalker", false)]
    [InlineData("CallContext", false)]
    [InlineData("FileLogger", false)]
    [InlineData("RecordingsController", false)]
    public void TelephonyContexts(string name, bool telephony) =>
        Assert.Equal(telephony, PersonalIdentifierVocabulary.IsTelephonyContext(NameTokens.Split(name)));
}
