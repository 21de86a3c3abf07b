using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SecureStorageAnalyzers.Infrastructure;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A generic name member (<c>Name</c>, <c>NameOfStaff</c>, <c>Nombre</c>) is a person's name when the application's type
/// that declares it is a person: by its name (<c>User</c>, <c>Customer</c>, <c>Alumno</c>, <c>Kunde</c>, configurable)
/// or by a member only a person has (<c>Surname</c>, <c>DateOfBirth</c>). Products, categories, projects, facilities and
/// the framework's own members stay never-personal.
/// </summary>
public class PersonTypesTests
{
    private const string Source = """
        using System;

        public class User { public string Name = ""; public string Surname = ""; }
        public class Staff { public string NameOfStaff = ""; public string StaffName = ""; public string DepartmentName = ""; }
        public class Manager : Staff { public string Name = ""; }
        public class Customer { public string Name = ""; public string CompanyName = ""; public string FileName = ""; public int Name2; }
        public class CustomerDto { public string FullName = ""; public string DisplayName = ""; }
        public class AppUser { public string Name { get; set; } = ""; }
        public class Alumno { public string Nombre = ""; public string NombreAlumno = ""; public string Grado = ""; }
        public class DatosCliente { public string Nombre = ""; }
        public class Kunde { public string Name = ""; }
        public class Etudiant { public string Nom = ""; }
        public class Registration { public string Name = ""; public DateTime DateOfBirth; }
        public class Walker { public string Name = ""; }
        public class Cv { public string Name = ""; public string Email = ""; }
        public class Resume { public string ResumeName = ""; public string Name = ""; public string UserFirstName = ""; }
        public class CvWithNames { public string CvName = ""; public string FirstName = ""; }
        public class ResumeDto { public string Name = ""; }
        public class CurriculumVitae { public string Name = ""; }
        public class CvTemplate { public string Name = ""; }
        public class ResumeSection { public string Name = ""; }
        public class Company { public string Name = ""; public string Email = ""; }

        public class Product { public string Name = ""; public string DisplayName = ""; }
        public class Category { public string Name = ""; }
        public class Project { public string Name = ""; public string OwnerLastName = ""; public string Email = ""; }
        public class Facility { public string Name = ""; public string Email = ""; public string Phone = ""; public string Address = ""; }
        public class HttpClientSettings { public string Name = ""; }
        public class ApiClient { public string Name = ""; }
        public class UserGroup { public string Name = ""; }
        public class UserRole { public string Name = ""; }

        public class Various
        {
            public string Apellido = "", ApellidoPaterno = "", Prenom = "", Vorname = "", Nachname = "", Cognome = "";
            public string Sobrenome = "", NombreCompleto = "", NomeCompleto = "";
        }
        """;

    [Theory]
    [InlineData("User", "Name", "its name 'Name' on User, a type that names a person")]
    [InlineData("Staff", "NameOfStaff", "its name 'NameOfStaff' on Staff, a type that names a person")]
    [InlineData("Staff", "StaffName", "its name 'StaffName' on Staff, a type that names a person")]
    [InlineData("Manager", "Name", "its name 'Name' on Manager, a Staff, a type that names a person")]
    [InlineData("Customer", "Name", "its name 'Name' on Customer, a type that names a person")]
    [InlineData("CustomerDto", "DisplayName", "its name 'DisplayName' on CustomerDto, a type that names a person")]
    [InlineData("AppUser", "Name", "its name 'Name' on AppUser, a type that names a person")]
    [InlineData("Alumno", "Nombre", "its name 'Nombre' on Alumno, a type that names a person")]
    [InlineData("Alumno", "NombreAlumno", "its name 'NombreAlumno' on Alumno, a type that names a person")]
    [InlineData("DatosCliente", "Nombre", "its name 'Nombre' on DatosCliente, a type that names a person")]
    [InlineData("Kunde", "Name", "its name 'Name' on Kunde, a type that names a person")]
    [InlineData("Etudiant", "Nom", "its name 'Nom' on Etudiant, a type that names a person")]
    [InlineData("Registration", "Name", "its name 'Name' on Registration, which also declares DateOfBirth")]
    [InlineData("Cv", "Name", "its name 'Name' on Cv, a type that names a person's CV")]
    [InlineData("ResumeDto", "Name", "its name 'Name' on ResumeDto, a type that names a person's CV")]
    [InlineData("CurriculumVitae", "Name", "its name 'Name' on CurriculumVitae, a type that names a person's CV")]
    [InlineData("Resume", "Name", "its name 'Name' on Resume, a type that names a person's CV")]
    [InlineData("CvWithNames", "CvName", "its name 'CvName' on CvWithNames, which also declares FirstName")]
    public void GenericName_OfAPersonType_IsAPersonsName(string type, string member, string evidence)
    {
        var (classifier, compilation) = Create();
        var reason = classifier.Classify(compilation.GetTypeByMetadataName(type)!.GetMembers(member).Single());
        Assert.NotNull(reason);
        Assert.Equal("a person's name", reason!.What);
        Assert.Equal(evidence, reason.Evidence);
    }

    [Theory]
    [InlineData("Staff", "DepartmentName")]
    [InlineData("Customer", "CompanyName")]
    [InlineData("Customer", "FileName")]
    [InlineData("Customer", "Name2")]
    [InlineData("Alumno", "Grado")]
    [InlineData("Walker", "Name")]
    [InlineData("Product", "Name")]
    [InlineData("Product", "DisplayName")]
    [InlineData("Category", "Name")]
    [InlineData("Project", "Name")]
    [InlineData("Facility", "Name")]
    [InlineData("Company", "Name")]
    [InlineData("CvTemplate", "Name")]
    [InlineData("Resume", "ResumeName")]
    [InlineData("ResumeSection", "Name")]
    [InlineData("HttpClientSettings", "Name")]
    [InlineData("ApiClient", "Name")]
    [InlineData("UserGroup", "Name")]
    [InlineData("UserRole", "Name")]
    public void GenericName_OfAThing_IsNotPersonal(string type, string member)
    {
        var (classifier, compilation) = Create();
        Assert.Null(classifier.Classify(compilation.GetTypeByMetadataName(type)!.GetMembers(member).Single()));
    }

    [Theory]
    [InlineData("System.IO.FileSystemInfo", "Name")]
    [InlineData("System.IO.FileSystemInfo", "FullName")]
    [InlineData("System.Type", "FullName")]
    [InlineData("System.Reflection.MemberInfo", "Name")]
    [InlineData("System.Reflection.AssemblyName", "Name")]
    public void FrameworkMembers_StayNeverPersonal(string type, string member)
    {
        var (classifier, compilation) = Create();
        var symbol = compilation.GetTypeByMetadataName(type)!.GetMembers(member).First(m => m is IPropertySymbol);
        Assert.Null(classifier.Classify(symbol));
    }

    [Theory]
    [InlineData("Apellido")]
    [InlineData("ApellidoPaterno")]
    [InlineData("Prenom")]
    [InlineData("Vorname")]
    [InlineData("Nachname")]
    [InlineData("Cognome")]
    [InlineData("Sobrenome")]
    [InlineData("NombreCompleto")]
    [InlineData("NomeCompleto")]
    public void NameParts_InOtherLanguages_ArePersonalWhereverTheyAre(string member)
    {
        var (classifier, compilation) = Create();
        Assert.Equal("a person's name", classifier.Classify(compilation.GetTypeByMetadataName("Various")!.GetMembers(member).Single())?.What);
    }

    [Fact]
    public void ConfiguredPersonTypes_AreAdded_AndExcludedNamesStillWin()
    {
        var (configured, compilation) = Create(("SSA0101.person_types", "walker, Acme.Things.Category"));
        Assert.Equal("a person's name", configured.Classify(compilation.GetTypeByMetadataName("Walker")!.GetMembers("Name").Single())?.What);

        var (excluded, other) = Create(("SSA0101.excluded_names", "Name"));
        Assert.Null(excluded.Classify(other.GetTypeByMetadataName("User")!.GetMembers("Name").Single()));
        Assert.NotNull(excluded.Classify(other.GetTypeByMetadataName("Staff")!.GetMembers("NameOfStaff").Single()));
    }

    private static (PersonalDataClassifier Classifier, Compilation Compilation) Create(params (string Key, string Value)[] options)
    {
        var compilation = CSharpCompilation.Create("People",
            new[] { CSharpSyntaxTree.ParseText(Source) },
            TestReferences.NetCoreOnly,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var config = PersonalDataOptions.Read(TestConfigOptions.Of(options.ToImmutableDictionary(o => o.Key, o => o.Value)));
        return (new PersonalDataClassifier(WellKnownTypes.GetOrCreate(compilation), config), compilation);
    }
}
