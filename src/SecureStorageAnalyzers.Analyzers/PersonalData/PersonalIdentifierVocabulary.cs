using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SecureStorageAnalyzers.PersonalData;

/// <summary>One kind of personal identifier and the word sequences that name it.</summary>
internal sealed class PersonalIdentifierConcept
{
    public PersonalIdentifierConcept(string description, bool allowsIdSuffix, params string[] patterns)
    {
        Description = description;
        AllowsIdSuffix = allowsIdSuffix;
        Patterns = patterns.Select(p => p.Split(' ').ToImmutableArray()).ToImmutableArray();
    }

    /// <summary>What the value is, for the diagnostic message: "a phone number".</summary>
    public string Description { get; }

    /// <summary>True when "…Id" still names the identifier itself (<c>PassportId</c>, <c>NationalId</c>).</summary>
    public bool AllowsIdSuffix { get; }

    public ImmutableArray<ImmutableArray<string>> Patterns { get; }

    /// <summary>The same concept with <paramref name="more"/> patterns after its own.</summary>
    public PersonalIdentifierConcept Also(ImmutableArray<string> more) =>
        new(Description, AllowsIdSuffix, Patterns.Select(p => string.Join(" ", p)).Concat(more).ToArray());
}

/// <summary>
/// The names of personal identifiers, token- and head-noun-aware: a name is personal when a concept's words are its
/// head (the last words), optionally followed only by words that keep the meaning ("number", "value", "raw",
/// "normalized", a digit…). <c>callerPhoneNumber</c> and <c>customerEmailAddress</c> are personal;
/// <c>EmailTemplateName</c>, <c>PhoneNumberConfirmed</c>, <c>maxPhoneLength</c> and <c>FileName</c> are not.
/// </summary>
internal static class PersonalIdentifierVocabulary
{
    private static readonly ImmutableArray<string> PersonQualifiers = ImmutableArray.Create<string>(
        "customer", "patient", "caller", "callee", "user", "employee", "person", "contact", "recipient", "sender",
        "subscriber", "applicant", "student", "cardholder", "guest", "citizen", "beneficiary", "resident", "passenger",
        "candidate", "author", "doctor", "participant", "attendee", "player", "athlete");

    /// <summary>
    /// Words that, right before <c>player</c>, make it a piece of software that plays something (<c>MediaPlayer</c>,
    /// <c>AudioPlayer</c>, <c>videoPlayerName</c>), not a person in a game or a team (<see cref="IsMediaPlayer"/>).
    /// </summary>
    private static readonly ImmutableHashSet<string> MediaWords = ImmutableHashSet.Create(
        "media", "audio", "video", "music", "sound", "song", "track", "playlist", "stream", "streaming", "radio", "podcast",
        "movie", "film", "youtube", "vimeo", "vlc", "midi", "mp3", "mp4", "wav", "flash", "embed", "embedded", "html5", "av",
        "tv", "dvd", "cd", "voice", "tone", "ringtone", "animation", "clip", "live", "hls", "dash", "wmp", "windows", "mpv",
        "exo", "native", "web", "sample", "beat", "tts", "speech", "recording", "recorder", "camera", "cam", "frame", "gif",
        "lottie", "sprite", "timeline", "cue");

    /// <summary>
    /// The parts of a person's name that name nothing else: a member called so is a person's name wherever it is, and a
    /// type that declares one is a person (<see cref="IsPersonOnlyMember"/>). English, Spanish, French, German,
    /// Portuguese and Italian.
    /// </summary>
    private static readonly ImmutableArray<string> NameParts = ImmutableArray.Create(

        "first name", "firstname", "last name", "lastname", "surname", "given name", "givenname", "family name",
        "familyname", "middle name", "maiden name", "forename",
        "apellido", "primer apellido", "segundo apellido", "primer nombre", "segundo nombre", "prenom", "prénom",
        "nom de famille", "vorname", "nachname", "familienname", "sobrenome", "primeiro nome", "cognome");

    /// <summary>
    /// Common abbreviations of a first and a last name (<c>FName</c>, <c>Fname</c>, <c>LName</c>, <c>Lname</c>,
    /// <c>FirstNm</c>, <c>LastNm</c>), matched as a member's whole name, word by word. Unlike <see cref="NameParts"/>
    /// they say little alone (<c>fName</c> is a file's name as often), so they count only on the application's own
    /// type that is a person or that declares another part of a name (<see cref="IsNamePartAbbreviation"/>). A middle
    /// name's <c>mName</c> is left out: it is the member-field prefix of a plain <c>name</c>.
    /// </summary>
    private static readonly ImmutableArray<ImmutableArray<string>> NamePartAbbreviations = ImmutableArray.Create(
        ImmutableArray.Create("fname"), ImmutableArray.Create("f", "name"), ImmutableArray.Create("first", "nm"),
        ImmutableArray.Create("lname"), ImmutableArray.Create("l", "name"), ImmutableArray.Create("last", "nm"));

    /// <summary>
    /// True when <paramref name="tokens"/> (a member's whole name, digits aside) are an abbreviation of a first or last
    /// name: a built-in one (<see cref="NamePartAbbreviations"/>) or one of <paramref name="configured"/>
    /// (<c>SSA0101.name_abbreviations</c>). <c>FNameSpace</c>, <c>fileName</c> and <c>FullNm</c> are not.
    /// </summary>
    public static bool IsNamePartAbbreviation(ImmutableArray<string> tokens, ImmutableArray<ImmutableArray<string>> configured)
    {
        var end = tokens.Length;
        while (end > 0 && tokens[end - 1].Length > 0 && char.IsDigit(tokens[end - 1][0]))
        {
            end--;
        }

        return end > 0 && (IsOneOf(tokens, end, NamePartAbbreviations) || IsOneOf(tokens, end, configured));

        static bool IsOneOf(ImmutableArray<string> tokens, int end, ImmutableArray<ImmutableArray<string>> abbreviations)
        {
            foreach (var abbreviation in abbreviations)
            {
                if (abbreviation.Length == end && MatchesAt(tokens, 0, abbreviation))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Head words of the application's type names that are persons (<c>User</c>, <c>Customer</c>, <c>Alumno</c>): a
    /// generic name member of such a type (<see cref="IsGenericNameMember"/>) is a person's name. English, Spanish,
    /// French, German, Portuguese and Italian; more in <c>SSA0101.person_types</c>.
    /// </summary>
    private static readonly ImmutableHashSet<string> PersonTypeWords = ImmutableHashSet.Create(
        "user", "customer", "client", "staff", "employee", "student", "patient", "member", "person", "contact", "caller",
        "callee", "applicant", "recipient", "sender", "subscriber", "cardholder", "guest", "citizen", "beneficiary",
        "resident", "passenger", "candidate", "worker", "teacher", "pupil", "learner", "tenant", "visitor", "participant",
        "attendee", "volunteer", "employe", "people", "doctor", "physician", "nurse", "author", "autor", "player", "athlete",
        "alumno", "alumna", "estudiante", "cliente", "paciente", "empleado", "empleada", "usuario", "usuaria", "persona",
        "socio", "afiliado", "contacto", "trabajador", "docente", "profesor", "huesped", "huésped", "medico", "médico",
        "enfermero", "enfermera",
        "utilisateur", "employé", "etudiant", "étudiant", "eleve", "élève", "personne", "adherent", "adhérent", "salarie",
        "salarié",
        "kunde", "mitarbeiter", "benutzer", "nutzer", "schuler", "schüler", "schueler", "mitglied", "angestellter",
        "aluno", "aluna", "funcionario", "funcionário", "usuário", "pessoa", "empregado", "colaborador",
        "utente", "dipendente", "studente", "paziente", "alunno", "cittadino");

    /// <summary>
    /// Head words of the application's type names that are one person's own document, which describes that person: a
    /// CV, a résumé (<c>Cv</c>, <c>ResumeDto</c>, <c>CurriculumVitae</c>, <c>Lebenslauf</c>). Its generic name member is
    /// the person's name, as on a person type (held-out set 10: a WinForms editor saves each athlete's CV as
    /// <c>{cv.Name}.pdf</c>, its <c>Cv</c> declaring only <c>Name</c> and <c>Email</c>). Another head after the word
    /// makes it a thing (<c>CvTemplate</c>, <c>ResumeSection</c>).
    /// </summary>
    private static readonly ImmutableHashSet<string> PersonDocumentWords = ImmutableHashSet.Create(
        "cv", "resume", "résumé", "curriculum", "vitae", "curriculo", "currículo", "lebenslauf", "biodata");

    /// <summary>
    /// Words after a type's head that name its role in the code, not what it is (<c>CustomerDto</c>, <c>UserViewModel</c>).
    /// </summary>
    private static readonly ImmutableHashSet<string> TypeRoleSuffixes = ImmutableHashSet.Create(
        "dto", "model", "view", "vm", "viewmodel", "entity", "record", "info", "data", "detail", "request", "response",
        "input", "output", "command", "summary", "entry", "row", "base", "poco", "dao", "bo", "do", "ent", "modelo", "datos");

    /// <summary>
    /// Words before a type's head that make it a technical thing (<c>HttpClient</c>, <c>ApiUser</c>, <c>SmtpClient</c>,
    /// <c>EnumMember</c>): such a type is not a person.
    /// </summary>
    private static readonly ImmutableHashSet<string> TechnicalModifiers = ImmutableHashSet.Create(
        "api", "http", "https", "oauth", "grpc", "service", "web", "rest", "soap", "tcp", "udp", "sql", "db", "database",
        "mail", "smtp", "imap", "pop3", "ftp", "sftp", "ssh", "blob", "storage", "cloud", "redis", "mqtt", "socket", "rpc",
        "hub", "bot", "enum", "class", "type", "struct", "interface", "system", "test", "mock", "fake", "dummy", "sample",
        "queue", "cache", "proxy", "s3", "azure", "aws", "graph", "ldap", "sip", "signal", "signalr", "kafka", "rabbit");

    /// <summary>
    /// Words that name a person by a role outside the software (a doctor, a patient, an employee, a customer), so that a
    /// string member called only that (<c>form.Doctor</c>, <c>Appointment.Patient</c>, <c>Empleado</c>) holds that
    /// person's name (<see cref="IsRoleMemberName"/>). Words of <see cref="PersonTypeWords"/> that also name a role in
    /// software are left out: <c>User</c>, <c>Client</c>, <c>Member</c>, <c>Contact</c>, <c>Sender</c>,
    /// <c>Recipient</c>, <c>Subscriber</c>, <c>Guest</c>, <c>Participant</c>, <c>Tenant</c>, <c>Worker</c>,
    /// <c>Visitor</c>, <c>Usuario</c>, <c>Persona</c> (a login, an address, a queue's consumer, a SaaS tenant, a
    /// background job, a design pattern).
    /// </summary>
    private static readonly ImmutableHashSet<string> RoleWords = ImmutableHashSet.Create(
        "customer", "employee", "student", "patient", "applicant", "candidate", "cardholder", "beneficiary", "passenger",
        "citizen", "teacher", "pupil", "learner", "attendee", "volunteer", "doctor", "physician", "nurse", "author", "autor",
        "alumno", "alumna", "estudiante", "cliente", "paciente", "empleado", "empleada", "afiliado", "trabajador", "docente",
        "profesor", "huesped", "huésped", "medico", "médico", "enfermero", "enfermera",
        "etudiant", "étudiant", "eleve", "élève", "salarie", "salarié", "employé",
        "kunde", "mitarbeiter", "schuler", "schüler", "schueler", "angestellter",
        "aluno", "aluna", "funcionario", "funcionário", "empregado", "paziente", "dipendente", "studente", "alunno", "cittadino");

    /// <summary>
    /// The parties of a telephone call, whom the switch knows by their number: the caller and the callee. A string named
    /// for one of them in a call's code (<see cref="IsTelephonyContext"/>) is that party's phone number
    /// (<see cref="IsTelephonyPartyName"/>).
    /// </summary>
    private static readonly ImmutableHashSet<string> TelephonyParties = ImmutableHashSet.Create("caller", "callee");

    /// <summary>Words after a party that keep it the party's number (<c>callerRaw</c>, <c>calleeNormalized</c>).</summary>
    private static readonly ImmutableHashSet<string> PartyQualifiers = ImmutableHashSet.Create(
        "raw", "normalized", "normalised", "formatted", "clean", "cleaned", "str", "string", "value", "text", "e164", "plain", "original");

    /// <summary>
    /// Words before a party that make it a piece of code that calls another (<c>methodCaller</c>, <c>apiCaller</c>,
    /// <c>ServiceCaller</c>, <c>frameCaller</c>): the technical words of type names, and the parts of a program.
    /// </summary>
    private static readonly ImmutableHashSet<string> CodeWords = TechnicalModifiers.Union(new[]
    {
        "method", "function", "func", "member", "module", "frame", "stack", "code", "script", "assembly", "component",
        "object", "thread", "task", "job", "process", "handler", "delegate", "action", "event", "plugin", "library", "lib",
    }).Remove("sip");

    /// <summary>
    /// The words of a telephone call's code (<c>CallsController</c>, <c>CallRecording</c>, <c>PhoneCallService</c>,
    /// <c>PbxWebhook</c>, <c>IncomingCall</c>).
    /// </summary>
    private static readonly ImmutableHashSet<string> TelephonyWords = ImmutableHashSet.Create(
        "call", "phone", "telephone", "telephony", "pbx", "voip", "ivr", "asterisk", "freeswitch", "dialer", "dial", "voicemail",
        "twilio", "callcenter", "hotline", "llamada", "chamada", "anruf");

    /// <summary>
    /// Words around <c>call</c> that make it a call in code, not on the telephone: before it (<c>MethodCall</c>,
    /// <c>ApiCall</c>, <c>RpcCall</c>, <c>ServiceCall</c>) and after it (<c>CallSite</c>, <c>CallStack</c>,
    /// <c>CallContext</c>, <c>CallChain</c>, <c>CallGraph</c>, <c>Callback</c>'s split forms).
    /// </summary>
    private static readonly ImmutableHashSet<string> CodeCallFollowers = ImmutableHashSet.Create(
        "site", "stack", "context", "chain", "graph", "frame", "tree", "back", "trace", "target", "depth", "count", "option",
        "setting", "info", "expression", "convention", "argument", "arg", "signature");

    /// <summary>
    /// True when a name is a string member called only for a person's role (<see cref="RoleWords"/>), digits aside:
    /// <c>Doctor</c>, <c>Patient2</c>, <c>Empleado</c>. A name with more words is read by the rest of the vocabulary:
    /// <c>DoctorId</c> is a key, <c>TipoCliente</c> a kind, <c>PatientCount</c> a number.
    /// </summary>
    public static bool IsRoleMemberName(ImmutableArray<string> tokens)
    {
        var end = tokens.Length;
        while (end > 0 && tokens[end - 1].Length > 0 && char.IsDigit(tokens[end - 1][0]))
        {
            end--;
        }

        return end == 1 && RoleWords.Contains(tokens[0]);
    }

    /// <summary>
    /// True when a name's head is a party of a call (<c>caller</c>, <c>safeCaller</c>, <c>incomingCaller</c>,
    /// <c>callee</c>, <c>callerRaw</c>) and no word before it makes it code (<c>methodCaller</c>, <c>apiCaller</c>).
    /// <c>callerName</c>, <c>CallerType</c> and <c>CallerMemberName</c> have another head.
    /// </summary>
    public static bool IsTelephonyPartyName(ImmutableArray<string> tokens)
    {
        var end = tokens.Length;
        while (end > 0 && (PartyQualifiers.Contains(tokens[end - 1]) || tokens[end - 1].Length > 0 && char.IsDigit(tokens[end - 1][0])))
        {
            end--;
        }

        if (end == 0 || !TelephonyParties.Contains(tokens[end - 1]))
        {
            return false;
        }

        for (var i = 0; i < end - 1; i++)
        {
            if (CodeWords.Contains(tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a type's or method's name says it handles telephone calls (<see cref="TelephonyWords"/>):
    /// <c>CallsController</c>, <c>CallRecording</c>, <c>HandleIncomingCall</c>, <c>PbxWebhook</c>; <c>call</c> counts
    /// only when no word around it makes it a call in code (<c>MethodCall</c>, <c>CallSiteInfo</c>, <c>ApiCallLogger</c>).
    /// </summary>
    public static bool IsTelephonyContext(ImmutableArray<string> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (!TelephonyWords.Contains(token))
            {
                continue;
            }

            if (token != "call")
            {
                return true;
            }

            if ((i == 0 || !CodeWords.Contains(tokens[i - 1])) && (i + 1 == tokens.Length || !CodeCallFollowers.Contains(tokens[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words that say "name" by themselves: English (and German), Spanish, French, Portuguese and Italian.</summary>
    private static readonly ImmutableHashSet<string> GenericNameWords = ImmutableHashSet.Create("name", "nombre", "nom", "nome");

    /// <summary>Words that may sit around a generic name word without making it the name of something else.</summary>
    private static readonly ImmutableHashSet<string> NameModifiers = ImmutableHashSet.Create(
        "of", "the", "de", "del", "do", "da", "di", "du", "des", "der", "y", "e", "and", "und", "et",
        "full", "display", "legal", "real", "preferred", "complete", "completo", "completa", "complet", "entire",
        "official", "print", "printed", "shown", "public", "his", "her", "their", "person", "personal", "own");

    /// <summary>
    /// National identity numbers by the names their countries give them, beyond the international words of the concept
    /// ("national id", "identity number", "id number"). Each is matched as whole words (camelCase, snake_case): <c>icNumber</c>
    /// and <c>NoIC</c> are Malaysia's identity card, <c>icon</c>, <c>picNumber</c> and <c>topic</c> are not. A short
    /// abbreviation that means other things in code (IC, NIC, NID, NI, SIN, PPS, SSS, NIN) counts only with a number word
    /// ("ic number", "ic no", "nic no"), never alone. More in <c>SSA0101.personal_names</c>; a name that is not personal in
    /// a project goes in <c>SSA0101.excluded_names</c>.
    /// </summary>
    private static readonly ImmutableArray<string> NationalIdentifiersByCountry = ImmutableArray.Create(
        // Malaysia (IC, MyKad, MyKid, "kad pengenalan", "No. KP") and Singapore (NRIC).
        "ic number", "ic no", "ic num", "ic nr", "icno", "no ic", "noic", "my kad", "mykid", "my kid", "kad pengenalan", "no kp", "nokp",
        // Pakistan (CNIC, NICOP), Sri Lanka (NIC), Bangladesh (NID), Indonesia (KTP), Philippines (SSS), Nigeria (NIN).
        "cnic", "nicop", "nic number", "nic no", "nid number", "nid no", "ktp", "sss number", "sss no", "nin number", "nin no",
        // Vietnam (CCCD, CMND), South Korea (resident registration number), China and Taiwan (ID card number).
        "cccd", "cmnd", "resident registration", "jumin", "id card", "idcard",
        // United Kingdom (NI number), Ireland (PPS number), Canada (SIN).
        "ni number", "ni no", "ppsn", "pps number", "pps no", "sin no",
        // France (n° de sécurité sociale), Germany (Personalausweis, Sozialversicherungsnummer), Netherlands (sofinummer),
        // Belgium (rijksregisternummer, INSZ/NISS), Portugal (cartão de cidadão), Sweden (samordningsnummer).
        "securite sociale", "sécurité sociale", "personalausweis", "personalausweisnummer", "ausweisnummer",
        "sozialversicherungsnummer", "sofinummer", "rijksregisternummer", "insz", "niss", "cartao cidadao",
        "cartão cidadão", "cartao de cidadao", "cartão de cidadão", "samordningsnummer",
        // Romania (CNP), Czech Republic and Slovakia (rodné číslo), Iceland (kennitala), Estonia (isikukood),
        // Turkey (TC number), Argentina (CUIL).
        "cnp", "rodne cislo", "rodné číslo", "rodnecislo", "kennitala", "isikukood", "tc no", "tcno", "cuil");

    /// <summary>
    /// The persons whose name Spanish, Portuguese and Italian put after the name word (<c>NomePaciente</c>,
    /// <c>nombreDelCliente</c>, <c>NomeDoAluno</c>, <c>nomeUtente</c>): the same concept as English's <c>PatientName</c>.
    /// A thing's name in the same order (<c>NomeArquivo</c>, <c>nombreEmpresa</c>, <c>NomeProduto</c>) is not one.
    /// </summary>
    private static readonly ImmutableArray<string> RomanceNameOwners = ImmutableArray.Create(
        "paciente", "cliente", "usuario", "usuário", "utente", "empleado", "empleada", "empregado", "funcionario",
        "funcionário", "alumno", "alumna", "aluno", "aluna", "estudiante", "estudante", "persona", "pessoa", "afiliado",
        "titular", "beneficiario", "beneficiário", "socio", "sócio", "contacto", "contato", "candidato", "candidata",
        "solicitante", "huesped", "huésped", "hospede", "hóspede", "ciudadano", "cidadao", "cidadão", "trabajador",
        "trabalhador", "docente", "profesor", "professor", "medico", "médico", "doctor", "enfermero", "enfermeira",
        "responsable", "responsavel", "responsável", "representante", "propietario", "proprietario", "proprietário",
        "interessado", "interesado", "dipendente", "studente", "cittadino");

    /// <summary>
    /// More persons Spanish and Portuguese name after an identifier or a name word: a sales or lending firm's own people
    /// and a borrower's (<c>dni_supervisor</c>, <c>DniVendedor</c>, <c>nombres_supervisor</c>, <c>DniConyuge</c>), and
    /// the roles of <see cref="RomanceNameOwners"/> that may follow an identifier too (<c>cedulaMedico</c>). After an
    /// identifier (see TrailingQualifiers) and after a name word, the person whose identifier or name it is. Words that
    /// also name a thing in Spanish code are left out (<c>padre</c>, a parent node; <c>agente</c>; <c>gestor</c>, a manager program).
    /// </summary>
    private static readonly ImmutableArray<string> RomanceOwners = ImmutableArray.Create(
        "supervisor", "supervisora", "vendedor", "vendedora", "asesor", "asesora", "ejecutivo", "ejecutiva",
        "cobrador", "cobradora", "promotor", "promotora", "conyuge", "cónyuge", "garante", "aval",
        "codeudor", "deudor", "apoderado", "tutor", "inquilino", "conductor", "chofer", "medico",
        "médico", "doctor", "enfermero", "enfermera", "trabajador", "trabalhador", "funcionario", "funcionário",
        "candidato", "candidata", "solicitante", "propietario", "proprietário", "docente", "profesor", "professor",
        "alumna", "empleada", "estudante", "ciudadano", "cidadao", "cidadão", "huesped", "huésped");

    private static IEnumerable<string> RomanceOwnerNames()
    {
        foreach (var nameWord in new[] { "nombre", "nome" })
        {
            foreach (var owner in RomanceNameOwners.Concat(RomanceOwners).Distinct())
            {
                yield return nameWord + " " + owner;
                foreach (var joiner in new[] { "de", "del", "do", "da", "di", "dello", "della" })
                {
                    yield return nameWord + " " + joiner + " " + owner;
                }
            }
        }
    }

    /// <summary>
    /// Tax identification numbers by country: India's PAN (only with a number or card word), Brazil's CNPJ (a sole
    /// trader's is a person's), Poland's NIP, Argentina's CUIT, Germany's Steueridentifikationsnummer.
    /// </summary>
    private static readonly ImmutableArray<string> TaxIdentifiersByCountry = ImmutableArray.Create(
        "pan number", "pan no", "pan num", "pan card", "pancard", "cnpj", "nip", "cuit", "steueridentifikationsnummer");

    public static ImmutableArray<PersonalIdentifierConcept> Concepts { get; } = ImmutableArray.Create(
        new PersonalIdentifierConcept("a phone number", false,
            "phone", "telephone", "phonenumber", "phoneno", "telno", "tel number", "tel no", "mobile", "mobilenumber",
            "cellphone", "cell phone", "cell number", "msisdn", "caller id", "callerid", "caller number", "callee number",
            "calling number", "called number", "ani", "fax", "whatsapp", "contact number", "sms number"),
        new PersonalIdentifierConcept("an e-mail address", false,
            "email", "e mail", "emailaddress", "mail address", "mailaddress"),
        new PersonalIdentifierConcept("a national identity number", true,
            "ssn", "social security", "socialsecuritynumber", "national id", "nationalid", "national identity",
            "national identification", "national insurance", "nino", "sin number", "social insurance",
            "personal number", "personal identity number", "personnummer", "fodselsnummer", "fødselsnummer",
            "henkilotunnus", "hetu", "bsn", "burgerservicenummer", "cpr", "pesel", "codice fiscale", "codicefiscale",
            "dni", "nie", "nif", "cpf", "curp", "aadhaar", "aadhar", "tfn", "steuer id", "steuerid", "insee", "amka",
            "egn", "oib", "jmbg", "tckn", "tc kimlik", "nric", "hkid", "mykad", "emirates id", "iqama", "ahv",
            "citizen id", "resident id", "identity card", "id card number", "id number",
            // English forms, and the Spanish and Portuguese ones (the owner follows in those languages: see TrailingQualifiers).
            "identity number", "identity no", "identification number", "rut", "cedula", "cédula", "identificacion",
            "identificación", "documento identidad", "documento de identidad", "doc identidad", "nro documento",
            "numero documento", "número documento", "num documento", "nro de documento", "numero de documento",
            "número de documento", "nro doc").Also(NationalIdentifiersByCountry),
        new PersonalIdentifierConcept("a health insurance member number", false,
            "nro obra social", "numero obra social", "número obra social", "num obra social", "obra social numero",
            "obra social número", "obra social nro", "obra social num", "obra social number", "nro afiliado", "numero afiliado",
            "número afiliado", "num afiliado", "afiliado nro", "afiliado numero", "numero de afiliado", "nro de afiliado",
            "insurance number", "insurance no", "insurance member number", "insurance member id", "insurance card number",
            "insurance policy number", "member number", "membership number", "nhs number", "medicare number",
            "medicaid number", "medicaid id", "health card number",
            // Australia's Medicare card, named by its card or its short number word.
            "medicare no", "medicare num", "medicare card", "medicare card no"),
        new PersonalIdentifierConcept("a passport number", true, "passport", "passportno"),
        new PersonalIdentifierConcept("a driving licence number", true,
            "driver license", "driver licence", "driving license", "driving licence", "driverslicense", "driverlicense"),
        new PersonalIdentifierConcept("a tax identification number", true,
            "tax id", "taxid", "tax number", "tax identifier", "tax identification", "tin", "itin", "tax file number").Also(TaxIdentifiersByCountry),
        new PersonalIdentifierConcept("a person's name", false,
            NameParts.Concat(new[]
            {
                "full name", "fullname", "username",
                // Spanish, Portuguese, Italian, French and German forms of a full name.
                "nombre completo", "nome completo", "nom complet", "vollstandiger name", "vollständiger name",
            }).Concat(PersonQualifiers.Select(q => q + " name")).Concat(RomanceOwnerNames()).ToArray()),
        new PersonalIdentifierConcept("a date of birth", false,
            "dob", "birth date", "birthdate", "birthday", "date of birth", "dateofbirth", "birth day"),
        new PersonalIdentifierConcept("a postal address", false,
            "home address", "street address", "postal address", "mailing address", "billing address",
            "shipping address", "residential address", "address line", "street", "street name"),
        new PersonalIdentifierConcept("a bank account or card number", false,
            "iban", "bank account", "bankaccount", "account number", "card number", "cardnumber", "credit card",
            "creditcard", "debit card", "cc number"));

    /// <summary>
    /// Every pattern of <see cref="Concepts"/>, in their order, by its first word: a name's word is looked up once instead
    /// of being compared with every pattern.
    /// </summary>
    private static readonly ImmutableDictionary<string, ImmutableArray<ConceptPattern>> ByFirstWord = IndexByFirstWord();

    /// <summary>Words that may follow a concept without changing what the value is.</summary>
    private static readonly ImmutableHashSet<string> TrailingQualifiers = ImmutableHashSet.CreateRange(RomanceOwners).Union(ImmutableHashSet.Create(
        "number", "no", "num", "nr", "nummer", "value", "text", "str", "string", "raw", "normalized", "normalised", "formatted",
        "digit", "e164", "international", "address", "line", "plain", "clear", "cleartext", "original", "full", "async",
        // Spanish and Portuguese put the number word and the owner after the identifier: cedulaPaciente, cpfDoCliente.
        "nro", "numero", "número", "de", "del", "do", "da", "paciente", "cliente", "usuario", "usuário", "empleado",
        "empregado", "afiliado", "titular", "persona", "pessoa", "alumno", "aluno", "estudiante", "beneficiario",
        "beneficiário", "socio", "sócio", "contacto", "contato", "representante", "responsable", "responsável",
        // Spanish surnames: ApellidoPaterno, ApellidoMaterno.
        "paterno", "materno",
        // The copy read from the database (nombrePacienteBD, phoneDb): the same value.
        "bd", "db"));

    /// <summary>
    /// Words that, right before a concept, name the kind of document rather than its number: <c>TipoIdentificacion</c>,
    /// <c>TipoDocumento</c>, <c>PhoneType</c>'s Spanish order.
    /// </summary>
    private static readonly ImmutableHashSet<string> KindWords = ImmutableHashSet.Create(
        "tipo", "type", "kind", "clase", "formato", "format", "mascara", "máscara", "mask", "regex", "pattern", "patron", "patrón");

    /// <summary>Head words of opaque keys: never a personal identifier, whatever the attributes say.</summary>
    private static readonly ImmutableHashSet<string> OpaqueKeyHeads = ImmutableHashSet.Create("id", "key", "guid", "uuid");

    /// <summary>The concept <paramref name="tokens"/> name, or null.</summary>
    public static PersonalIdentifierConcept? Match(ImmutableArray<string> tokens)
    {
        for (var start = 0; start < tokens.Length; start++)
        {
            if (!ByFirstWord.TryGetValue(tokens[start], out var candidates) || start > 0 && KindWords.Contains(tokens[start - 1]) ||
                start > 0 && tokens[start] == "player" && MediaWords.Contains(tokens[start - 1]))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (MatchesAt(tokens, start, candidate.Pattern) &&
                    OnlyQualifiersAfter(tokens, start + candidate.Pattern.Length, candidate.Concept))
                {
                    return candidate.Concept;
                }
            }
        }

        return null;
    }

    private static ImmutableDictionary<string, ImmutableArray<ConceptPattern>> IndexByFirstWord()
    {
        var index = new System.Collections.Generic.Dictionary<string, ImmutableArray<ConceptPattern>.Builder>(System.StringComparer.Ordinal);
        foreach (var concept in Concepts)
        {
            foreach (var pattern in concept.Patterns)
            {
                if (!index.TryGetValue(pattern[0], out var entries))
                {
                    index[pattern[0]] = entries = ImmutableArray.CreateBuilder<ConceptPattern>();
                }

                entries.Add(new ConceptPattern(concept, pattern));
            }
        }

        return index.ToImmutableDictionary(e => e.Key, e => e.Value.ToImmutable(), System.StringComparer.Ordinal);
    }

    /// <summary>One word sequence of a concept.</summary>
    private sealed class ConceptPattern
    {
        public ConceptPattern(PersonalIdentifierConcept concept, ImmutableArray<string> pattern)
        {
            Concept = concept;
            Pattern = pattern;
        }

        public PersonalIdentifierConcept Concept { get; }

        public ImmutableArray<string> Pattern { get; }
    }

    /// <summary>True when a member's name starts with a word that says "name" (<c>NombreAlumno</c>, <c>NomePaciente</c>).</summary>
    public static bool StartsWithNameWord(ImmutableArray<string> tokens) => tokens.Length > 0 && GenericNameWords.Contains(tokens[0]);

    /// <summary>
    /// True when <paramref name="tokens"/> (a member's name) is a generic name: a word that says "name" (<c>Name</c>,
    /// <c>Nombre</c>, <c>Nom</c>, <c>Nome</c>) with only words that keep it a name around it (<c>FullName</c>,
    /// <c>DisplayName</c>, <c>NameOfStaff</c>, <c>NombreCompleto</c>), or the words of the type's own name or of a person
    /// (<c>Staff.StaffName</c>, <c>Alumno.NombreAlumno</c>). <c>FileName</c>, <c>CompanyName</c> and <c>ProductName</c>
    /// are not. Whose name it is, the declaring type says (<see cref="NamesPerson"/>).
    /// </summary>
    public static bool IsGenericNameMember(ImmutableArray<string> tokens, ImmutableArray<string> typeTokens)
    {
        var hasName = false;
        foreach (var token in tokens)
        {
            if (GenericNameWords.Contains(token))
            {
                hasName = true;
            }
            else if (!NameModifiers.Contains(token) && !PersonTypeWords.Contains(token) && typeTokens.IndexOf(token) < 0 &&
                     !(token.Length > 0 && char.IsDigit(token[0])) && !Abbreviates(token, typeTokens))
            {
                return false;
            }
        }

        return hasName;
    }

    /// <summary>
    /// True when <paramref name="token"/> is a shortening of one of the type's words, at least three letters from its
    /// start (<c>cus</c> of <c>Customer</c>, <c>emp</c> of <c>Employee</c>): snake_case schemas suffix a column with its
    /// table's short name (<c>name_cus</c>), which keeps the member the type's own name.
    /// </summary>
    private static bool Abbreviates(string token, ImmutableArray<string> typeTokens)
    {
        if (token.Length < 3)
        {
            return false;
        }

        foreach (var word in typeTokens)
        {
            if (word.Length > token.Length && word.StartsWith(token, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a type called <paramref name="typeTokens"/> is a person: its head word (the last one, role suffixes such
    /// as <c>Dto</c>, <c>ViewModel</c>, <c>Entity</c> aside; the first one in Spanish, Portuguese, Italian and French
    /// order, <c>DatosAlumno</c> aside) is a person's (<c>User</c>, <c>Customer</c>, <c>AppUser</c>, <c>StaffMember</c>,
    /// <c>Alumno</c>, <c>Kunde</c>) or one of <paramref name="configuredWords"/>, and no word before it makes it a technical
    /// thing (<c>HttpClient</c>, <c>ApiUser</c>, <c>EnumMember</c>).
    /// </summary>
    public static bool NamesPerson(ImmutableArray<string> typeTokens, ImmutableArray<string> configuredWords) =>
        NamesPersonBy(typeTokens, configuredWords, documents: false);

    /// <summary>
    /// True when a type called <paramref name="typeTokens"/> is one person's own document (<see cref="PersonDocumentWords"/>:
    /// <c>Cv</c>, <c>ResumeDto</c>), read by its head as <see cref="NamesPerson"/> reads a person type. Asked of types
    /// only, never of a control's name (<c>txtCv</c> is not a name).
    /// </summary>
    public static bool NamesPersonsDocument(ImmutableArray<string> typeTokens) =>
        NamesPersonBy(typeTokens, ImmutableArray<string>.Empty, documents: true);

    private static bool NamesPersonBy(ImmutableArray<string> typeTokens, ImmutableArray<string> configuredWords, bool documents)
    {
        var end = typeTokens.Length;
        while (end > 0 && TypeRoleSuffixes.Contains(typeTokens[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        // The head: the last word; a leading role word (Spanish DatosAlumno, ModeloCliente) is skipped the same way.
        var head = typeTokens[end - 1];
        if (documents ? !PersonDocumentWords.Contains(head) : !IsPersonWord(head, configuredWords) || IsMediaPlayer(typeTokens))
        {
            return false;
        }

        for (var i = 0; i < end - 1; i++)
        {
            if (TechnicalModifiers.Contains(typeTokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a member called <paramref name="tokens"/> is a person word and a name word and nothing else
    /// (<c>ClientName</c>, <c>MemberName</c>, <c>CustomerName</c>): whose name, the type that declares it says
    /// (<see cref="PersonWordOf"/>).
    /// </summary>
    public static string? PersonWordOf(ImmutableArray<string> tokens, ImmutableArray<string> configuredWords) =>
        tokens.Length == 2 && GenericNameWords.Contains(tokens[1]) && IsPersonWord(tokens[0], configuredWords) ? tokens[0] : null;

    private static bool IsPersonWord(string word, ImmutableArray<string> configuredWords)
    {
        if (PersonTypeWords.Contains(word))
        {
            return true;
        }

        foreach (var configured in configuredWords)
        {
            if (string.Equals(configured, word, System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="tokens"/> (a type's or a member's name) speak of a player that is software: <c>player</c>
    /// right after a media word (<c>MediaPlayer</c>, <c>VideoPlayerViewModel</c>, <c>audio_player</c>), or a media word
    /// anywhere beside it (<c>PlayerVideo</c>, <c>MusicPlayerSettings</c>). A player in a game or a team
    /// (<c>Player</c>, <c>GamePlayer</c>, <c>ExportReportData</c>) is a person.
    /// </summary>
    public static bool IsMediaPlayer(ImmutableArray<string> tokens) => tokens.IndexOf("player") >= 0 && HasMediaWord(tokens);

    /// <summary>True when one of <paramref name="tokens"/> is a media word (<c>Video</c>, <c>Audio</c>, <c>Playlist</c>).</summary>
    public static bool HasMediaWord(ImmutableArray<string> tokens)
    {
        foreach (var token in tokens)
        {
            if (MediaWords.Contains(token))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a member called <paramref name="tokens"/> is something only a person has: a part of a person's name
    /// (<c>Surname</c>, <c>LastName</c>, <c>Apellido</c>, <c>Vorname</c>), a date of birth, a national identity,
    /// passport or driving licence number, named so from its first word (<c>OwnerLastName</c> is the owner's, not the
    /// type's). An e-mail address, a phone number or a postal address are not: companies, facilities and sites have them too.
    /// </summary>
    public static bool IsPersonOnlyMember(ImmutableArray<string> tokens)
    {
        if (tokens.IsEmpty || !ByFirstWord.TryGetValue(tokens[0], out var candidates))
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (!MatchesAt(tokens, 0, candidate.Pattern) || !OnlyQualifiersAfter(tokens, candidate.Pattern.Length, candidate.Concept))
            {
                continue;
            }

            var concept = candidate.Concept;
            if (ReferenceEquals(concept, PersonName))
            {
                return IsNamePart(candidate.Pattern);
            }

            return concept.Description is "a date of birth" or "a national identity number" or "a passport number" or "a driving licence number";
        }

        return false;
    }

    private static readonly PersonalIdentifierConcept PersonName = Concepts.First(c => c.Description == "a person's name");

    private static readonly ImmutableHashSet<string> NamePartPatterns = ImmutableHashSet.CreateRange(NameParts);

    private static bool IsNamePart(ImmutableArray<string> pattern) => NamePartPatterns.Contains(string.Join(" ", pattern));

    /// <summary>What a person type's member says of the person's identity document.</summary>
    public enum IdentityDocumentMember
    {
        /// <summary>Nothing.</summary>
        None,

        /// <summary>The document's kind: <c>TypeIdentificationId</c>, <c>IdentificationType</c>, <c>TipoDocumento</c>, <c>DocumentTypeId</c>.</summary>
        Kind,

        /// <summary>The document's number itself: <c>Identification</c>, <c>DocumentNumber</c>, <c>NumeroDocumento</c>, <c>IdentityNo</c>.</summary>
        Number,
    }

    private static readonly ImmutableHashSet<string> IdentityDocumentWords = ImmutableHashSet.Create(
        "identification", "identificacion", "identificación", "identity", "identidad", "document", "documento", "identidade");

    private static readonly ImmutableHashSet<string> DocumentKindWords = ImmutableHashSet.Create("type", "tipo", "kind", "clase");

    /// <summary>
    /// Reads a person type's member for its identity document: a document word (<c>identification</c>,
    /// <c>identificacion</c>, <c>identity</c>, <c>document</c>, <c>documento</c>) next to a kind word (<c>type</c>,
    /// <c>tipo</c>, <c>kind</c>, <c>clase</c>) is the document's kind, with or without a key after it
    /// (<c>TypeIdentificationId</c>); a document word without a kind word and not a key (<c>DocumentNumber</c>,
    /// <c>Identificacion</c>) is its number.
    /// </summary>
    public static IdentityDocumentMember ReadIdentityDocumentMember(ImmutableArray<string> tokens)
    {
        var document = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (IdentityDocumentWords.Contains(tokens[i]))
            {
                document = i;
                break;
            }
        }

        if (document < 0)
        {
            return IdentityDocumentMember.None;
        }

        if (document > 0 && DocumentKindWords.Contains(tokens[document - 1]) ||
            document + 1 < tokens.Length && DocumentKindWords.Contains(tokens[document + 1]))
        {
            return IdentityDocumentMember.Kind;
        }

        return IsOpaqueKeyName(tokens) ? IdentityDocumentMember.None : IdentityDocumentMember.Number;
    }

    /// <summary>True when the name's head word marks an opaque key (<c>Id</c>, <c>UserId</c>, <c>BlobKey</c>).</summary>
    public static bool IsOpaqueKeyName(ImmutableArray<string> tokens) =>
        tokens.Length > 0 && OpaqueKeyHeads.Contains(tokens[tokens.Length - 1]);

    internal static bool MatchesAt(ImmutableArray<string> tokens, int start, ImmutableArray<string> pattern)
    {
        if (start + pattern.Length > tokens.Length)
        {
            return false;
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            if (tokens[start + i] != pattern[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool OnlyQualifiersAfter(ImmutableArray<string> tokens, int index, PersonalIdentifierConcept concept)
    {
        for (var i = index; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var allowed = TrailingQualifiers.Contains(token) ||
                          (token.Length > 0 && char.IsDigit(token[0])) ||
                          (concept.AllowsIdSuffix && token is "id" or "identifier");
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
