using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// The names held-out set 9 missed (issue #21): a phone number in a member named for the person who calls
/// (<c>caller</c>, <c>safeCaller</c>), a person's name in a string member named for a role (<c>form.Doctor</c>), a
/// Spanish plural full name (<c>NombresCompletos</c>) and a DNI with its owner after it (<c>dni_supervisor</c>).
/// Beside each, the shapes that must stay silent.
/// </summary>
public class SSA0101HeldOut9NamesTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10WithStorageSdks, expected);

    // ---- Spanish plural full name, DNI with its owner after it ----

    [Fact]
    public async Task PluralSpanishFullName_InADownloadName_IsReportedAsync()
    {
        // A loan CRM: the supervisor's clients workbook is downloaded as "{NombresCompletos} - {filter} - ({count}).xlsx".
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Usuario
            {
                public int IdUsuario { get; set; }
                public string? NombresCompletos { get; set; } = null!;
            }

            public class ExcelController : Controller
            {
                private readonly List<Usuario> _usuarios = new();

                [HttpGet("DescargarClientesAsignados")]
                public IActionResult DescargarClientesAsignados(string? filtroDescarga)
                {
                    try
                    {
                        int? idSupervisorActual = HttpContext.Session.GetInt32("UsuarioId");
                        var supervisorUsuario = _usuarios.Where(u => u.IdUsuario == idSupervisorActual).FirstOrDefault();
                        if (supervisorUsuario == null)
                        {
                            return RedirectToAction("Redireccionar", "Error");
                        }

                        using (var package = new MemoryStream())
                        {
                            var excelBytes = package.ToArray();
                            return {|#1:File(excelBytes, "application/vnd.ms-excel", $"{{|#0:supervisorUsuario.NombresCompletos|}} - {filtroDescarga} - ({_usuarios.Count()}).xlsx")|};
                        }
                    }
                    catch (Exception)
                    {
                        return RedirectToAction("Redireccionar", "Error");
                    }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("supervisorUsuario.NombresCompletos", "a person's name", "its name 'NombresCompletos' on Usuario, a type that names a person", "'fileDownloadName' of ControllerBase.File", ""));
    }

    [Fact]
    public async Task DniWithItsOwnerAfterIt_InSnakeCase_IsReportedAsync()
    {
        // The same CRM's assignments workbook: Asignaciones_{data.dni_supervisor}_{time}.xlsx.
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class DetallesAsignacionesDescargaSupDTO
            {
                public string nombre_lista { get; set; } = string.Empty;
                public string dni_supervisor { get; set; } = string.Empty;
                public string nombres_supervisor { get; set; } = string.Empty;
            }

            public class ExcelController : Controller
            {
                [HttpGet("DownloadAsignaciones")]
                public IActionResult DownloadAsignaciones(DetallesAsignacionesDescargaSupDTO data)
                {
                    var fileBytes = new byte[0];
                    var fileName = {|#1:$"Asignaciones_{{|#0:data.dni_supervisor|}}_{DateTime.Now:yyyyMMddHHmmss}.xlsx"|};
                    return File(fileBytes, "application/vnd.ms-excel", fileName);
                }

                [HttpGet("Lista")]
                public IActionResult Lista(DetallesAsignacionesDescargaSupDTO data) =>
                    {|#3:File(new byte[0], "application/vnd.ms-excel", $"{{|#2:data.nombres_supervisor|}}.xlsx")|};

                [HttpGet("PorLista")]
                public IActionResult PorLista(DetallesAsignacionesDescargaSupDTO data) =>
                    File(new byte[0], "application/vnd.ms-excel", $"{data.nombre_lista}.xlsx");
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("data.dni_supervisor", "a national identity number", "its name 'dni_supervisor'", "a path-like string", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("data.nombres_supervisor", "a person's name", "its name 'nombres_supervisor'", "'fileDownloadName' of ControllerBase.File", ""));
    }

    [Fact]
    public async Task ThingsNamedAfterAParentOrAnAgent_StaySilentAsync()
    {
        await VerifyAsync("""
            public class Categoria
            {
                public string NombrePadre { get; set; } = "";
                public string nombre_agente { get; set; } = "";
                public string dni_tipo { get; set; } = "";
                public string NombresProductos { get; set; } = "";
            }

            class Exportador
            {
                public void Guardar(string carpeta, Categoria c, byte[] datos)
                {
                    File.WriteAllBytes(Path.Combine(carpeta, c.NombrePadre + ".xlsx"), datos);
                    File.WriteAllBytes(Path.Combine(carpeta, c.nombre_agente + ".log"), datos);
                    File.WriteAllBytes(Path.Combine(carpeta, c.dni_tipo + ".txt"), datos);
                    File.WriteAllBytes(Path.Combine(carpeta, c.NombresProductos + ".csv"), datos);
                }
            }
            """);
    }

    // ---- A person's name in a string member named for a role ----

    [Fact]
    public async Task StringMemberNamedForARole_InAnExportNameAndADownloadName_IsReportedAsync()
    {
        // An HIV centre's registry export: search_registry_{form.Doctor}_….xlsx, and its download name registry_{form.Doctor}.xlsx.
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class SearchRegistry
            {
                public string Doctor { get; set; } = "";
                public string Date { get; set; } = "";
            }

            [Route("api/[controller]")]
            [ApiController]
            public class SearchRegistryController : ControllerBase
            {
                [HttpPost, Route("GetRes")]
                public IActionResult GetRes(SearchRegistry form)
                {
                    string fileName = {|#1:$"search_registry_{{|#0:form.Doctor|}}_{DateTime.Now.ToString("dd_MM_yyyy_HH_mm_ss")}.xlsx"|};
                    string path = Path.Combine(Environment.CurrentDirectory, fileName);
                    System.IO.File.WriteAllBytes(path, new byte[0]);
                    byte[] fileBytes = System.IO.File.ReadAllBytes(path);
                    return {|#3:File(fileBytes, "application/vnd.ms-excel", $"registry_{{|#2:form.Doctor|}}.xlsx")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("form.Doctor", "a person's name", "its name 'Doctor', a string named for a person", "a path-like string", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("form.Doctor", "a person's name", "its name 'Doctor', a string named for a person", "'fileDownloadName' of ControllerBase.File", ""));
    }

    [Fact]
    public async Task RoleNamedMembersThatAreKeysEntitiesOrSoftwareRoles_StaySilentAsync()
    {
        // Doctor as a key (int), as the entity (its ToString is the type's name), DoctorId as a string key, a kind
        // (TipoCliente), and words that name a role in software (User, Client, Tenant, Worker).
        await VerifyAsync("""
            public class Doctor
            {
                public int Id { get; set; }
            }

            public class Visit
            {
                public int Doctor { get; set; }
                public string DoctorId { get; set; } = "";
                public string TipoCliente { get; set; } = "";
                public string User { get; set; } = "";
                public string Client { get; set; } = "";
                public string Tenant { get; set; } = "";
                public string Worker { get; set; } = "";
            }

            public class Referral
            {
                public Doctor Doctor { get; set; } = new();
            }

            class Exports
            {
                public void Save(string folder, Visit v, Referral r, byte[] data)
                {
                    File.WriteAllBytes(Path.Combine(folder, $"{v.Doctor}.xlsx"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.DoctorId + ".xlsx"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.TipoCliente + ".xlsx"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.User, "settings.json"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.Client + ".json"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.Tenant, "logo.png"), data);
                    File.WriteAllBytes(Path.Combine(folder, v.Worker + ".log"), data);
                    File.WriteAllBytes(Path.Combine(folder, $"{r.Doctor}.xlsx"), data);
                }
            }
            """);
    }

    [Fact]
    public async Task RoleNamedParameter_StaysSilentAsync()
    {
        // Only a member of the application's type is read so: a route value named patient may be the patient's key.
        await VerifyAsync("""
            class Exports
            {
                public void Save(string folder, string patient, byte[] data) =>
                    File.WriteAllBytes(Path.Combine(folder, patient, "report.pdf"), data);
            }
            """);
    }

    // ---- A phone number in a member named for the person who calls ----

    [Fact]
    public async Task CallerPostedByThePbx_InARecordingsFileName_IsReportedAsync()
    {
        // A city call centre: the PBX posts the caller's number; every recording is named {time}_{safeCaller}_{guid}{ext}.
        await VerifyAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;

            public class CallRecording
            {
                public int Id { get; set; }
                public string Caller { get; set; } = "";
                public string AudioFilePath { get; set; } = "";
            }

            public class CallsController : Controller
            {
                [HttpPost("record")]
                [AllowAnonymous]
                public async Task<IActionResult> Record([FromForm] IFormFile? audio, [FromForm(Name = "caller")] string? caller)
                {
                    if (audio == null || audio.Length == 0)
                        return BadRequest("No audio");

                    if (string.IsNullOrWhiteSpace(caller))
                        caller = "unknown";

                    string folder = Path.Combine("wwwroot", "callrecords");
                    Directory.CreateDirectory(folder);
                    string ext = Path.GetExtension(audio.FileName);
                    string safeCaller = caller.Replace("+", "").Replace(" ", "");
                    string fileName = $"{DateTime.UtcNow:yyyyMMdd_HHmmss}_{{|#0:safeCaller|}}_{Guid.NewGuid()}{ext}";
                    string fullPath = {|#5:Path.{|#1:Combine(folder, fileName)|}|};

                    using (var stream = new FileStream(fullPath, FileMode.Create))
                        await audio.CopyToAsync(stream);

                    var record = new CallRecording { Caller = caller, AudioFilePath = "/callrecords/" + fileName };
                    return Ok(record);
                }
            }

            public class RecordingArchive
            {
                public void Archive(CallRecording r, byte[] audio) =>
                    {|#3:File.WriteAllBytes("/srv/archive/" + {|#2:r.Caller|} + ".wav", audio)|};
            }
            """,
            Diagnostic().WithLocation(1).WithLocation(5).WithLocation(0)
                .WithArguments("safeCaller", "a phone number", "its name 'safeCaller', a party of a call in CallsController", "Path.Combine", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("r.Caller", "a phone number", "its name 'Caller', a party of a call in CallRecording", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task CallerMeaningCode_StaysSilentAsync()
    {
        // The compiler's caller information (even in a calls controller), a logger's caller (a method's name, no call
        // in sight), a calling object or type, a method that calls another, and a call in code (MethodCallTracer).
        await VerifyAsync("""
            using System.Runtime.CompilerServices;

            public class CallsController
            {
                public void Trace(string message, [CallerMemberName] string caller = "", [CallerFilePath] string callerFile = "") =>
                    File.AppendAllText($"logs/{caller}.log", message);

                public void Dump(object caller, Type callerType, string methodCaller, byte[] data)
                {
                    File.WriteAllBytes($"dumps/{caller}.bin", data);
                    File.WriteAllBytes($"dumps/{callerType}.bin", data);
                    File.WriteAllBytes($"dumps/{methodCaller}.bin", data);
                }
            }

            public class FileLogger
            {
                public void Log(string message, string caller) => File.AppendAllText($"logs/{caller}.txt", message);
            }

            public class MethodCallTracer
            {
                public string Caller { get; set; } = "";
                public void Save(string text) => File.WriteAllText($"traces/{Caller}.txt", text);
            }
            """);
    }

    [Fact]
    public async Task PluralSpanishFullName_InAFileCallTheCompilerCouldNotResolve_IsReportedAsync()
    {
        // The same download where the workbook library is not referenced (EPPlus without its package): the bytes have no
        // type, File(...) has three candidates and no overload. Every candidate takes the third argument as the download name.
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Usuario
            {
                public int IdUsuario { get; set; }
                public string? NombresCompletos { get; set; } = null!;
            }

            public class ExcelController : Controller
            {
                private readonly List<Usuario> _usuarios = new();

                [HttpGet("DescargarClientesAsignados")]
                public IActionResult DescargarClientesAsignados(string? filtroDescarga)
                {
                    var supervisorUsuario = _usuarios.Where(u => u.IdUsuario == 1).FirstOrDefault();
                    if (supervisorUsuario == null)
                    {
                        return RedirectToAction("Redireccionar", "Error");
                    }

                    using (var package = new {|CS0246:ExcelPackage|}())
                    {
                        var excelBytes = package.GetAsByteArray();
                        return {|#1:File(excelBytes, "application/vnd.ms-excel", $"{{|#0:supervisorUsuario.NombresCompletos|}} - {filtroDescarga} - ({_usuarios.Count()}).xlsx")|};
                    }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("supervisorUsuario.NombresCompletos", "a person's name", "its name 'NombresCompletos' on Usuario, a type that names a person", "'fileDownloadName' of ControllerBase.File", ""));
    }

    [Fact]
    public async Task UnresolvedCallsThatAreNotAllStorageCalls_StaySilentAsync()
    {
        // The project's own overloads (a message, not a path), and File's content type, stay silent when unresolved.
        await VerifyAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Usuario
            {
                public string? NombresCompletos { get; set; }
            }

            public class Notices
            {
                public void Notify(byte[] data, string message) { }
                public void Notify(Stream data, string message) { }
            }

            public class ExcelController : Controller
            {
                public IActionResult Get(Usuario u, Notices notices)
                {
                    var bytes = new {|CS0246:ExcelPackage|}().GetAsByteArray();
                    notices.Notify(bytes, $"{u.NombresCompletos} - listo.xlsx");
                    return File(bytes, $"{u.NombresCompletos}");
                }
            }
            """);
    }
}
