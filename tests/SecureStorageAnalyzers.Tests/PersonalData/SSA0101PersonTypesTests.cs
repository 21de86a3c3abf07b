using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A person's name in a member whose name alone is generic (<c>Name</c>, <c>NameOfStaff</c>, <c>Nombre</c>): personal when
/// the application's type that declares it is a person (held-out set 3: a console lesson's <c>User.Name</c>, a payslip
/// per <c>Staff.NameOfStaff</c>, an invoice named after <c>Customer.Name</c> through the project's sanitizer, a
/// certificate named after <c>Alumno.Nombre</c> through normalization and character filtering). The same names on a
/// product, a category, a project or a facility, and the framework's own members, stay silent.
/// </summary>
public class SSA0101PersonTypesTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10WithStorageSdks, expected);

    [Fact]
    public async Task NameOfAPersonType_InAFileName_IsReportedAsync()
    {
        await VerifyAsync("""
            public class User
            {
                public string Name { get; set; } = "";
                public string Gender { get; set; } = "";
            }

            class Program
            {
                public static void Save(string folder, User user) =>
                    {|#1:File.WriteAllText(Path.Combine(folder, {|#0:user.Name|} + ".doc"), user.Gender)|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("user.Name", "a person's name", "its name 'Name' on User, a type that names a person", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task NameOfStaff_InAPathLikeString_IsReportedAsync()
    {
        // One payslip per staff member, {NameOfStaff}.txt, written by a StreamWriter through a local.
        await VerifyAsync("""
            public class Staff
            {
                public Staff(string name) => NameOfStaff = name;
                public string NameOfStaff { get; private set; }
                public float TotalPay { get; set; }
            }

            public class Manager : Staff { public Manager(string name) : base(name) { } }

            class PaySlip
            {
                public void Generate(List<Staff> staff)
                {
                    string path;
                    foreach (Staff f in staff)
                    {
                        path = {|#1:{|#0:f.NameOfStaff|} + ".txt"|};
                        using var writer = new StreamWriter(path);
                        writer.WriteLine(f.TotalPay);
                    }
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("f.NameOfStaff", "a person's name", "its name 'NameOfStaff' on Staff, a type that names a person", "a path-like string", ""));
    }

    [Fact]
    public async Task NameOfAType_ThatDeclaresASurname_IsReportedAsync()
    {
        // The type's name says nothing (Registration), its members do: only a person has a surname.
        await VerifyAsync("""
            public class Registration
            {
                public string Name { get; set; } = "";
                public string Surname { get; set; } = "";
            }

            class Store
            {
                public void Save(string folder, Registration r) =>
                    {|#1:File.WriteAllText(Path.Combine(folder, {|#0:r.Name|} + ".txt"), "")|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("r.Name", "a person's name", "its name 'Name' on Registration, which also declares Surname", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task CustomerName_ThroughTheProjectsOwnSanitizer_IsReportedAsync()
    {
        // An invoice PDF named from a pattern whose {Customer} token is the customer's name, cleaned by the project's own
        // helper (Regex.Replace of invalid characters, then a cut to a length).
        await VerifyAsync("""
            using System.Text.RegularExpressions;

            public class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; } = "";
            }

            public class Invoice
            {
                public int Id { get; set; }
                public Customer? Customer { get; set; }
            }

            class InvoicePdf
            {
                public void Export(Invoice invoice, string outputDir, byte[] pdf)
                {
                    var safeCustomer = Sanitize({|#0:invoice.Customer?.Name|} ?? "Customer");
                    var fileName = "Invoice_{Id}_{Customer}.pdf".Replace("{Id}", invoice.Id.ToString()).Replace("{Customer}", safeCustomer);
                    {|#1:File.{|#2:WriteAllBytes(Path.Combine(outputDir, fileName), pdf)|}|};
                }

                private static string Sanitize(string value)
                {
                    var invalid = new string(Path.GetInvalidFileNameChars());
                    var cleaned = Regex.Replace(value, $"[{Regex.Escape(invalid)}]", "_").Trim();
                    return cleaned.Length > 120 ? cleaned[..120] : cleaned;
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0)
                .WithArguments("invoice.Customer?.Name", "a person's name", "its name 'Name' on Customer, a type that names a person", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task SpanishStudentName_ThroughNormalizationAndCharacterFiltering_IsReportedAsync()
    {
        // A certificate named after the student: accents stripped (Normalize, a LINQ filter over the characters, new
        // string), spaces and dots replaced, returned as "{name}.pdf" by the type's own method.
        await VerifyAsync("""
            using System.Globalization;

            public class Alumno
            {
                public string Nombre { get; set; } = "";
                public string Grado { get; set; } = "";

                public string GenerarNombreArchivo()
                {
                    var nombreLimpio = {|#1:Nombre|}.Normalize(System.Text.NormalizationForm.FormD);
                    var sinAcentos = new string(nombreLimpio
                        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                        .ToArray());
                    var seguro = sinAcentos.Replace(" ", "_").Replace(".", "");
                    return {|#0:$"{seguro}.pdf"|};
                }
            }

            class Certificados
            {
                public void Generar(Alumno alumno, string carpeta, byte[] pdf) =>
                    File.WriteAllBytes(Path.Combine(carpeta, alumno.GenerarNombreArchivo()), pdf);
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(0).WithLocation(1)
                .WithArguments("Nombre", "a person's name", "its name 'Nombre' on Alumno, a type that names a person", "a path-like string", ""));
    }

    [Fact]
    public async Task NamesOfThingsAndFrameworkMembers_StaySilentAsync()
    {
        // Products, categories, projects and facilities have names, e-mail addresses, phones and addresses too: none of
        // them is a person. A person's type's other names (CompanyName, FileName) are not the person's. The framework's
        // own Name members are what they are.
        await VerifyAsync("""
            public class Product { public string Name { get; set; } = ""; public string DisplayName { get; set; } = ""; }
            public class Category { public string Name { get; set; } = ""; }
            public class Project { public string Name { get; set; } = ""; public string OwnerLastName { get; set; } = ""; public string Email { get; set; } = ""; }
            public class Facility { public string Name { get; set; } = ""; public string Email { get; set; } = ""; public string Phone { get; set; } = ""; public string Address { get; set; } = ""; }
            public class Customer { public string CompanyName { get; set; } = ""; public string FileName { get; set; } = ""; }
            public class ApiClient { public string Name { get; set; } = ""; }
            public class EnumMember { public string Name { get; set; } = ""; }

            class Exports
            {
                public void Save(string dir, Product p, Category c, Project pr, Facility f, Customer cu, ApiClient api, EnumMember m, FileInfo fi, object model)
                {
                    File.WriteAllText(Path.Combine(dir, p.Name + ".json"), "");
                    File.WriteAllText(Path.Combine(dir, p.DisplayName + ".json"), "");
                    File.WriteAllText(Path.Combine(dir, c.Name, "index.html"), "");
                    File.WriteAllText(Path.Combine(dir, pr.Name + ".zip"), "");
                    File.WriteAllText(Path.Combine(dir, "facilities", f.Name + ".jpg"), "");
                    File.WriteAllText(Path.Combine(dir, cu.CompanyName, cu.FileName), "");
                    File.WriteAllText(Path.Combine(dir, api.Name + ".token"), "");
                    File.WriteAllText(Path.Combine(dir, m.Name + ".cs"), "");
                    File.Copy(fi.FullName, Path.Combine(dir, fi.Name));
                    File.WriteAllText(Path.Combine(dir, model.GetType().Name + ".json"), "");
                }
            }
            """);
    }

    [Fact]
    public async Task NameOfAPersonsCv_IsThePersonsNameAsync()
    {
        // Held-out set 10: a WinForms CV editor saves each athlete's CV as $"{path}\\{cv.Name}.pdf", its Cv declaring only
        // Name and Email (an e-mail alone makes no type a person). A CV describes one person: its Name is theirs. A CV
        // template's or a résumé section's name is not, nor a company's beside its e-mail.
        await VerifyAsync("""
            public class Cv { public string Name { get; set; } = ""; public string Email { get; set; } = ""; }
            public class CvTemplate { public string Name { get; set; } = ""; }
            public class ResumeSection { public string Name { get; set; } = ""; }
            public class Company { public string Name { get; set; } = ""; public string Email { get; set; } = ""; }

            class PdfModel
            {
                public void Export(string path, Cv cv, CvTemplate template, ResumeSection section, Company company, byte[] pdf)
                {
                    {|#1:File.WriteAllBytes($"{path}\\{{|#0:cv.Name|}}.pdf", pdf)|};
                    File.WriteAllBytes($"{path}\\{template.Name}.pdf", pdf);
                    File.WriteAllBytes($"{path}\\{section.Name}.pdf", pdf);
                    File.WriteAllBytes($"{path}\\{company.Name}.pdf", pdf);
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("cv.Name", "a person's name", "its name 'Name' on Cv, a type that names a person's CV", "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task ConfiguredPersonType_MakesItsNameAPersonsAsync()
    {
        var test = new VerifyCS.Test("""
            public class Walker { public string Name { get; set; } = ""; }

            class Certificates
            {
                public void Save(string dir, Walker w) =>
                    {|#1:File.WriteAllText(Path.Combine(dir, {|#0:w.Name|} + ".pdf"), "")|};
            }
            """, TestFramework.AspNetCore10WithStorageSdks);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", """
            root = true

            [*]
            SSA0101.person_types = walker
            """));
        test.ExpectedDiagnostics.Add(Diagnostic().WithLocation(0).WithLocation(1)
            .WithArguments("w.Name", "a person's name", "its name 'Name' on Walker, a type that names a person", "'path' of File.WriteAllText", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task LocalsAndTupleElements_GivenAPersonsName_CarryItAsync()
    {
        // The local's or the element's own name says nothing ('nameToExport', 'who'): the value it was given does.
        await VerifyAsync("""
            public class Contact { public string FullName { get; set; } = ""; public string Email { get; set; } = ""; }

            class Export
            {
                public void Save(string dir, Contact contact, int index)
                {
                    var nameToExport = {|#0:contact.FullName|};
                    {|#1:File.{|#2:WriteAllText($"{dir}/{nameToExport}.vcf", "")|}|};

                    var person = (who: {|#3:contact.FullName|}, index);
                    {|#4:File.{|#5:WriteAllText(Path.Combine(dir, $"{person.index}_{person.who}.pdf"), "")|}|};

                    var (label, number) = ({|#6:contact.Email|}, index);
                    {|#7:File.{|#8:WriteAllText(Path.Combine(dir, label + number + ".txt"), "")|}|};

                    var (first, second) = ("report", index);
                    File.WriteAllText(Path.Combine(dir, first + second + ".txt"), "");
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0)
                .WithArguments("contact.FullName", "a person's name", "its name 'FullName'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(5).WithLocation(4).WithLocation(3)
                .WithArguments("contact.FullName", "a person's name", "its name 'FullName'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(8).WithLocation(7).WithLocation(6)
                .WithArguments("contact.Email", "an e-mail address", "its name 'Email'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task NestedConditionalAccess_IsShownWholeAsync()
    {
        // invoice?.Customer?.Name: the finding shows and marks the whole chain, not its inner '.Customer?.Name'.
        await VerifyAsync("""
            public class Customer { public string Name { get; set; } = ""; }
            public class Invoice { public Customer? Customer { get; set; } }

            class Pdf
            {
                public void Save(Invoice? invoice, string dir) =>
                    {|#1:File.WriteAllText(Path.Combine(dir, {|#0:invoice?.Customer?.Name|} + ".pdf"), "")|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("invoice?.Customer?.Name", "a person's name", "its name 'Name' on Customer, a type that names a person", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task LocalComparedEqualWithAPersonsName_IsThatNameAsync()
    {
        // A contact exported to "{typed name}.vcf" once the typed name matched a contact's full name; a local compared
        // only with constants or with the application's non-personal members stays unknown.
        await VerifyAsync("""
            public class Contact { public string FullName { get; set; } = ""; public string Email { get; set; } = ""; }
            public class Product { public string Name { get; set; } = ""; }

            class Vcard
            {
                public void Export(List<Contact> contacts, List<Product> products, string typed, string dir)
                {
                    string nameToExport = typed.Trim();
                    var contact = contacts.FirstOrDefault(c => {|#0:c.FullName|}.ToLower() == nameToExport.ToLower());
                    if (contact != null)
                    {
                        {|#1:File.{|#2:WriteAllText($"{dir}/{nameToExport}.vcf", contact.Email)|}|};
                    }

                    string label = typed;
                    if (label == "all" || products.Any(p => p.Name == label))
                    {
                        File.WriteAllText($"{dir}/{label}.json", "");
                    }
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0)
                .WithArguments("c.FullName", "a person's name", "its name 'FullName'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task CharacterFilteringAndNewString_CarryTheValueAsync()
    {
        // The flow alone, with a name the vocabulary always knew: accents stripped by a LINQ filter over the characters
        // and rebuilt with new string(...), then a Select of lower-case characters and string.Concat.
        await VerifyAsync("""
            using System.Globalization;

            class Certificates
            {
                public void Save(string dir, string fullName, byte[] pdf)
                {
                    var plain = new string({|#0:fullName|}.Normalize(System.Text.NormalizationForm.FormD)
                        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
                    var lower = string.Concat(plain.Select(char.ToLowerInvariant));
                    {|#1:File.{|#2:WriteAllBytes(Path.Combine(dir, lower + ".pdf"), pdf)|}|};
                }
            }
            """,
            Diagnostic().WithLocation(2).WithLocation(1).WithLocation(0)
                .WithArguments("fullName", "a person's name", "its name 'fullName'", "'path' of File.WriteAllBytes", ""));
    }
}
