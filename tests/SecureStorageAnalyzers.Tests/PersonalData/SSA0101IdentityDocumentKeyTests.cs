using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A person keyed by their identity document (held-out set 6, riveraaj/AlphaBank: loan documents and contracts named
/// <c>EmployerOrder-{Customer.PersonId}-{date}</c>, where <c>Person</c> declares <c>TypeIdentificationId</c> and no
/// number for the document, so its key is the customer's cédula). A plain entity key stays silent (issue #21).
/// </summary>
public class SSA0101IdentityDocumentKeyTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.NoAspNetCore, expected);

    /// <summary>
    /// The entities every case shares: the usings, a <c>Person</c> with <paramref name="personMembers"/> (its key and what
    /// it says of the person's document), and a <c>Customer</c> keyed to it by <c>PersonId</c> beside its navigation
    /// <c>Person</c>, Entity Framework's convention.
    /// </summary>
    private static string Entities(string personMembers) => """
        using System;
        using System.ComponentModel.DataAnnotations.Schema;
        using System.IO;

        public class TypeIdentification { public byte Id { get; set; } public string Description { get; set; } = ""; }

        public class Person
        {
        """ + "\n" + personMembers + "\n" + """
        }

        public class Customer
        {
            public int Id { get; set; }
            public int PersonId { get; set; }
            public virtual Person Person { get; set; } = null!;
        }
        """;

    private const string Service = """

        public class LoanFiles
        {
            public void Save(Customer customer, byte[] pdf)
            {
                string title = $"EmployerOrder-{customer.PersonId}-{DateTime.Now:dd-MM-yy}.pdf";
                File.WriteAllBytes(Path.Combine(@"C:\Documents\Loans", title), pdf);
            }

            public void Contract(Person person, byte[] pdf) =>
                File.WriteAllBytes(@"C:\Documents\Contracts\" + "contract_" + person.Id + ".pdf", pdf);
        }
        """;

    [Fact]
    public async Task PersonKeyedByItsDocument_ItsKeyAndForeignKey_AreReportedAsync()
    {
        await VerifyAsync(Entities("""
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string FirstName { get; set; } = "";
                public byte TypeIdentificationId { get; set; }
                public virtual TypeIdentification TypeIdentification { get; set; } = null!;
            """) + """

            public class LoanFiles
            {
                public void Save(Customer customer, byte[] pdf)
                {
                    string title = {|#1:$"EmployerOrder-{{|#0:customer.PersonId|}}-{DateTime.Now:dd-MM-yy}.pdf"|};
                    File.WriteAllBytes(Path.Combine(@"C:\Documents\Loans", title), pdf);
                }

                public void Contract(Person person, byte[] pdf) =>
                    {|#3:File.WriteAllBytes(@"C:\Documents\Contracts\" + "contract_" + {|#2:person.Id|} + ".pdf", pdf)|};
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1)
                .WithArguments("customer.PersonId", "a national identity number",
                    "'PersonId' is the key of its Person, a type that names a person, keyed by its identity document (it declares TypeIdentificationId and no number for it)",
                    "a path-like string", ""),
            Diagnostic().WithLocation(2).WithLocation(3)
                .WithArguments("person.Id", "a national identity number",
                    "'Id' is the key of Person, a type that names a person, keyed by its identity document (it declares TypeIdentificationId and no number for it)",
                    "'path' of File.WriteAllBytes", ""));
    }

    [Fact]
    public async Task PersonWithoutADocumentKind_ItsKeyIsACounter_NotReportedAsync()
    {
        await VerifyAsync(Entities("""
                public int Id { get; set; }
                public string Name { get; set; } = "";
                public string FirstName { get; set; } = "";
            """) + Service);
    }

    [Fact]
    public async Task PersonWithTheDocumentsNumber_ItsKeyIsNotTheNumber_NotReportedAsync()
    {
        await VerifyAsync(Entities("""
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                public byte DocumentTypeId { get; set; }
                public string DocumentNumber { get; set; } = "";
            """) + Service);
    }

    [Fact]
    public async Task PersonWithAGeneratedKey_NotReportedAsync()
    {
        await VerifyAsync(Entities("""
                [DatabaseGenerated(DatabaseGeneratedOption.Identity)]
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                public byte IdentificationType { get; set; }
            """) + Service);
    }

    [Fact]
    public async Task ForeignKeyWithoutNavigation_OrOfAThing_NotReportedAsync()
    {
        await VerifyAsync("""
            using System;
            using System.IO;

            public class Person
            {
                public int Id { get; set; }
                public string FirstName { get; set; } = "";
                public byte TypeIdentificationId { get; set; }
            }

            public class Vehicle
            {
                public int Id { get; set; }
                public byte TypeIdentificationId { get; set; }
            }

            public class Customer
            {
                public int Id { get; set; }
                public int PersonId { get; set; }
                public int VehicleId { get; set; }
                public virtual Vehicle Vehicle { get; set; } = null!;
            }

            public class LoanFiles
            {
                public void Save(Customer customer, Vehicle vehicle, byte[] pdf)
                {
                    File.WriteAllBytes(Path.Combine(@"C:\Documents\Loans", $"order-{customer.PersonId}.pdf"), pdf);
                    File.WriteAllBytes(Path.Combine(@"C:\Documents\Loans", $"car-{customer.VehicleId}-{vehicle.Id}.pdf"), pdf);
                }
            }
            """);
    }
}
