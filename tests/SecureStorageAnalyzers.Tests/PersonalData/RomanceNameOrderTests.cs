using SecureStorageAnalyzers;
using SecureStorageAnalyzers.PersonalData;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Spanish, Portuguese and Italian name the person after the name word: <c>NomePaciente</c> is English's
/// <c>PatientName</c> (held-out set 6: a clinic app saved consent and health-declaration PDFs as
/// <c>Consentimento_{…}_{dados.NomePaciente}_{time}.pdf</c>). A thing's name in the same order is not a person's.
/// </summary>
public class RomanceNameOrderTests
{
    private static string? Concept(string name) => PersonalIdentifierVocabulary.Match(NameTokens.Split(name))?.Description;

    [Theory]
    [InlineData("NomePaciente")]
    [InlineData("nomePaciente")]
    [InlineData("nome_paciente")]
    [InlineData("NomeDoPaciente")]
    [InlineData("nombreCliente")]
    [InlineData("NombreDelCliente")]
    [InlineData("NomeAluno")]
    [InlineData("NomeFuncionario")]
    [InlineData("NombreEmpleado")]
    [InlineData("nomeUtente")]
    [InlineData("NomeTitular")]
    public void NameWordThenPerson_IsAPersonsName(string name) => Assert.Equal("a person's name", Concept(name));

    [Theory]
    [InlineData("NomeArquivo")]
    [InlineData("nomeArquivo")]
    [InlineData("NombreArchivo")]
    [InlineData("NomeProduto")]
    [InlineData("nombreEmpresa")]
    [InlineData("NomeDaEmpresa")]
    [InlineData("NomePasta")]
    [InlineData("Nome")]
    [InlineData("NomeClienteId")]
    public void NameWordThenThing_IsNotAPersonsName(string name) => Assert.Null(Concept(name));

    [Fact]
    public async Task PatientsNameInAPdfsFileName_Reported()
    {
        const string source = """
            using System;
            using System.IO;

            public sealed class DadosConsentimento
            {
                public string NomePaciente { get; set; } = "";
                public string Tratamento { get; set; } = "";
            }

            public sealed class ConsentimentoPdfService
            {
                public string Gerar(DadosConsentimento dados, string pasta, byte[] pdf)
                {
                    var caminho = {|#1:Path.Combine(pasta, $"Consentimento_{dados.Tratamento}_{{|#0:dados.NomePaciente|}}_{DateTime.Now:yyyyMMddHHmmss}.pdf")|};
                    File.WriteAllBytes(caminho, pdf);
                    return caminho;
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath).WithLocation(0).WithLocation(1)
            .WithArguments("dados.NomePaciente", "a person's name", "its name 'NomePaciente'", "Path.Combine", ""));
    }

    [Fact]
    public async Task FileNameInTheSameOrder_NotReported()
    {
        const string source = """
            using System.IO;

            public sealed class Anexo
            {
                public string NomeArquivo { get; set; } = "";
            }

            public sealed class AnexoService
            {
                public void Salvar(Anexo anexo, string pasta, byte[] conteudo) =>
                    File.WriteAllBytes(Path.Combine(pasta, anexo.NomeArquivo), conteudo);
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
