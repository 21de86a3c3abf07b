using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Tests.Robustness;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Personal data in values whose own name says nothing (held-out set 7): the text of a desktop form's control named after
/// a person or a personal identifier (<c>txtPatient.Text</c>), a cleaned copy of a person's name under a neutral name
/// (<c>safeName</c>), a snake_case name member whose suffix abbreviates its person type (<c>Customer.name_cus</c>), and a
/// person type's <c>Name</c> reached through a lower-case navigation property in a file name with spaces.
/// </summary>
public class SSA0101ValuesTheAppDoesNotNameTests
{
    /// <summary>A stand-in for the WinForms controls the tests use, compiled as <c>System.Windows.Forms</c>: the platform's.</summary>
    private const string WinForms = """
        namespace System.Windows.Forms
        {
            public class Control { public virtual string Text { get; set; } = ""; public string Name { get; set; } = ""; }
            public class TextBoxBase : Control { }
            public class TextBox : TextBoxBase { }
            public class Label : Control { }
            public class ListControl : Control { public object? SelectedValue { get; set; } }
            public class ComboBox : ListControl { public object? SelectedItem { get; set; } }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    private static Task VerifyWithWinFormsAsync(string source) =>
        LineFindings.VerifyWithLibraryAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source,
            WinForms, TestFramework.AspNetCore10, "System.Windows.Forms");

    [Fact]
    public Task TextOfAControlNamedAfterAPerson_IsPersonalAsync() => VerifyWithWinFormsAsync("""
        using System.Windows.Forms;

        public partial class HistoryForm
        {
            private TextBox txtPatient = new();
            private TextBox txtPaciente = new();
            private ComboBox cmbCustomer = new();
            private ComboBox cboCaller = new();
            private ComboBox cmbPhone = new();
            private TextBox PatientTextBox = new();
            private TextBox tbPhoneNumber = new();
            private TextBox txtNotes = new();
            private TextBox txtFolder = new();
            private Label lblStatus = new();
            private Label lblPhoneNumber = new();
            private TextBox patient = new();

            public void Save(string root, byte[] bytes)
            {
                Directory.CreateDirectory(Path.Combine(root, "Patients", txtPatient.Text)); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, $"History_{txtPaciente.Text.Trim()}_{DateTime.Now:yyyyMMdd}.docx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, cmbCustomer.Text + ".pdf"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, cmbCustomer.SelectedValue + ".pdf"), bytes);
                File.WriteAllBytes(Path.Combine(root, cmbPhone.SelectedValue + ".pdf"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, cboCaller.SelectedItem + ".wav"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, tbPhoneNumber.Text + ".wav"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, txtNotes.Text + ".txt"), bytes);
                File.WriteAllBytes(Path.Combine(root, txtFolder.Text, "a.txt"), bytes);
                File.WriteAllBytes(Path.Combine(root, lblStatus.Text + ".log"), bytes);
                File.WriteAllBytes(Path.Combine(root, lblPhoneNumber.Text + ".log"), bytes);
                File.WriteAllBytes(Path.Combine(root, txtPatient.Name + ".log"), bytes);
                File.WriteAllBytes(Path.Combine(root, patient.Text + ".log"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, PatientTextBox.Text + ".log"), bytes); //! SSA0101
            }
        }
        """);

    [Fact]
    public Task ControlText_CopiedIntoANamedLocal_InATimestampedFileName_IsReportedAsync() => VerifyWithWinFormsAsync("""
        using System.Windows.Forms;

        public partial class HistoryForm
        {
            private TextBox txtPaciente = new();

            public void Save(string root, byte[] bytes)
            {
                var nombreDelPaciente = txtPaciente.Text.Trim();
                string pacienteFolder = Path.Combine(root, "Pacientes");
                string timestamp = DateTime.Now.ToString("yyyyMMdd_HHmmss");
                string fileName = $"HistoriaClinica_{nombreDelPaciente}_{timestamp}.docx"; //! SSA0101
                string docPath = Path.Combine(pacienteFolder, fileName);
                File.WriteAllBytes(docPath, bytes);
            }
        }
        """);

    [Fact]
    public Task ANameReadFromTheDatabase_CleanedUnderANeutralName_IsReportedAsync() => VerifyAsync("""
        public class Registration
        {
            public void Update(string root, object fromDatabase, byte[] bytes)
            {
                string nombrePacienteBD = fromDatabase.ToString()!;
                string nombreSeguro = nombrePacienteBD.Trim();
                foreach (char c in Path.GetInvalidFileNameChars())
                    nombreSeguro = nombreSeguro.Replace(c, '_');

                string rutaPaciente = Path.Combine(root, nombreSeguro); //! SSA0101
                Directory.CreateDirectory(rutaPaciente);
            }
        }
        """);

    /// <summary>
    /// The cleaning itself was already followed (set 7's miss was the <c>BD</c> suffix of the name it cleans, above): this
    /// keeps every sanitizer of the shape in the walk, and a neutral local cleaned the same way from a literal silent.
    /// </summary>
    [Fact]
    public Task APersonsName_ThroughCommonSanitizers_StaysPersonalAsync() => VerifyAsync("""
        using System.Text.RegularExpressions;

        public class Archive
        {
            public void Store(string root, string patientName, string customerName, byte[] bytes)
            {
                string safe = patientName.Trim().ToLowerInvariant();
                safe = Regex.Replace(safe, "[^a-z0-9]", "-");
                safe = string.Concat(safe.Where(char.IsLetterOrDigit));
                File.WriteAllBytes(Path.Combine(root, safe + ".pdf"), bytes); //! SSA0101

                var cleaned = customerName;
                foreach (var bad in Path.GetInvalidFileNameChars())
                {
                    cleaned = cleaned.Replace(bad.ToString(), string.Empty);
                }

                cleaned = string.Join("_", cleaned.Split(' '));
                File.WriteAllBytes(Path.Combine(root, cleaned + ".pdf"), bytes); //! SSA0101

                string folder = "archive";
                foreach (var bad in Path.GetInvalidFileNameChars())
                {
                    folder = folder.Replace(bad, '_');
                }

                File.WriteAllBytes(Path.Combine(root, folder, "index.txt"), bytes);
            }
        }
        """);

    [Fact]
    public Task SnakeCaseName_WithItsPersonTypesAbbreviation_IsPersonalAsync() => VerifyAsync("""
        public class Customer
        {
            public int id_cus { get; set; }
            public string name_cus { get; set; } = "";
            public string name_shop { get; set; } = "";
        }

        public class Employee
        {
            public string emp_name { get; set; } = "";
        }

        public class Product
        {
            public string name_pro { get; set; } = "";
        }

        public class Invoices(string root)
        {
            public void Save(Customer cus, Employee emp, Product product, byte[] bytes)
            {
                File.WriteAllBytes(Path.Combine(root, "Invoice " + cus.name_cus + ".xlsx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, "Payslip " + emp.emp_name + ".xlsx"), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, "Shop " + cus.name_shop + ".xlsx"), bytes);
                File.WriteAllBytes(Path.Combine(root, "Sheet " + product.name_pro + ".xlsx"), bytes);
                File.WriteAllBytes(Path.Combine(root, "Invoice " + cus.id_cus + ".xlsx"), bytes);
            }
        }
        """);

    /// <summary>
    /// Neither the lower-case navigation, the spaces nor the field prefix hide the name: this holds without any change.
    /// Set 7's miss of this shape is its project: a web app with its xUnit tests compiled into it is silenced as test
    /// code (<c>TestProjects</c>, docs/configuration.md), so no rule reports there.
    /// </summary>
    [Fact]
    public Task APersonTypesName_ThroughALowerCaseNavigation_InAFileNameWithSpaces_IsReportedAsync() => VerifyAsync("""
        public class Patient
        {
            public int? Id { get; set; }
            public string Name { get; set; } = "";
            public string PhoneNumber { get; set; } = "";
        }

        public class Procedure
        {
            public string Name { get; set; } = "";
        }

        public class Appointment
        {
            public int? Id { get; set; }
            public string Name { get; set; } = "";
            public virtual Patient? patient { get; set; }
            public virtual Procedure? procedure { get; set; }
        }

        public class ReceiptService
        {
            public Appointment Appointment { get; set; } = new();
            private string PathPDFs = "C:\\PDFs\\";

            public void Save(byte[] bytes)
            {
                string name = $"{this.Appointment.Id} - {this.Appointment.patient!.Name} - {Appointment.Name}.pdf"; //! SSA0101
                File.WriteAllBytes(this.PathPDFs + name, bytes);
                string other = $"{this.Appointment.Id} - {this.Appointment.procedure!.Name}.pdf";
                File.WriteAllBytes(this.PathPDFs + other, bytes);
            }
        }
        """);

    /// <summary>
    /// <c>SSA0101.control_name_words</c> adds words of a control's kind: one word is a prefix or a last word, several words
    /// the name's last words. Without them, <c>maskPhone</c> (a masked text box) reads as a phone number's format, as
    /// <c>PhoneMask</c> does, and <c>CustomerEditor</c> as an editor, not a customer.
    /// </summary>
    [Fact]
    public async Task ConfiguredControlWords_AreTakenOffTheControlsNameAsync()
    {
        const string source = """
            using System.Windows.Forms;

            public partial class HistoryForm
            {
                private TextBox maskPhone = new();
                private TextBox CustomerEditor = new();
                private TextBox maskNotes = new();

                public void Save(string root, byte[] bytes)
                {
                    File.WriteAllBytes(Path.Combine(root, maskPhone.Text + ".wav"), bytes);
                    File.WriteAllBytes(Path.Combine(root, CustomerEditor.Text + ".pdf"), bytes);
                    File.WriteAllBytes(Path.Combine(root, maskNotes.Text + ".pdf"), bytes);
                }
            }
            """;
        var references = TestReferences.AspNetCore.Add(TestReferences.CompiledLibrary("System.Windows.Forms", WinForms, TestReferences.AspNetCore));
        var compilation = AnalyzerHarness.Compile(new[] { source }, references)
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer());

        Assert.Empty(await AnalyzerHarness.AnalyzeAsync(compilation, analyzer, configOptions: TestConfigOptions.PerFile(new Dictionary<string, string>())));

        var configured = await AnalyzerHarness.AnalyzeAsync(compilation, analyzer,
            configOptions: TestConfigOptions.PerFile(new Dictionary<string, string> { ["SSA0101.control_name_words"] = "mask, Editor" }));
        Assert.Equal(new[] { 11, 12 }, configured.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(line => line));
    }
}
