using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A person word's name on a record that also holds that person (held-out set 17, docs/precision.md: a WinForms quoting
/// app proposes <c>COT-{year}-{id}_{client name}.pdf</c> in its save dialog, the name passed through a
/// <c>Split</c>/<c>Join</c> sanitizer, from <c>Quote.ClientName</c> beside <c>Quote.Cliente</c>, a <c>Cliente</c> with a
/// name, a phone and an e-mail). <c>client</c> alone is no person (an OAuth client, an HTTP client): the person beside
/// the name says whose it is.
/// </summary>
public class SSA0101NameBesideThePersonTests
{
    /// <summary>A stand-in for WPF's dialogs, compiled as <c>PresentationFramework</c>: the platform's.</summary>
    private const string Wpf = """
        namespace Microsoft.Win32
        {
            public abstract class FileDialog { public string FileName { get; set; } = ""; public string Filter { get; set; } = ""; public string Title { get; set; } = ""; public bool? ShowDialog() => true; }
            public sealed class SaveFileDialog : FileDialog { }
        }
        """;

    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyWithLibraryAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source,
            Wpf, TestFramework.AspNetCore10, "PresentationFramework");

    [Fact]
    public Task ClientNameBesideTheClient_IsAPersonsName() => VerifyAsync("""
        using Microsoft.Win32;

        public class Cliente
        {
            public int Id { get; set; }
            public string Nombre { get; set; } = "";
            public string Telefono { get; set; } = "";
            public string Email { get; set; } = "";
        }

        public class Quote
        {
            public int Id { get; set; }
            public string ClientName { get; set; } = string.Empty;
            public int? ClienteId { get; set; }
            public Cliente? Cliente { get; set; }
            public DateTime Date { get; set; }
        }

        public class AppUser { public string UserName { get; set; } = ""; }

        public class ApiToken
        {
            public string ClientName { get; set; } = "";
            public AppUser? User { get; set; }
        }

        public class Draft
        {
            public string ClientName { get; set; } = "";
            public string ProductName { get; set; } = "";
        }

        public class QuoteDetailView
        {
            private Quote _quote = new();

            public void ExportPdf(byte[] pdf)
            {
                var sanitizedName = string.Join("_", _quote.ClientName.Split(Path.GetInvalidFileNameChars()));
                var saveDialog = new SaveFileDialog
                {
                    Filter = "Archivo PDF|*.pdf",
                    FileName = $"COT-{_quote.Date.Year}-{_quote.Id:D3}_{sanitizedName}.pdf", //! SSA0101
                };
                if (saveDialog.ShowDialog() == true)
                {
                    File.WriteAllBytes(saveDialog.FileName, pdf);
                }
            }

            public void Others(ApiToken token, Draft draft, byte[] data)
            {
                File.WriteAllBytes(Path.Combine("/srv/tokens", token.ClientName + ".json"), data);
                File.WriteAllBytes(Path.Combine("/srv/drafts", draft.ClientName + "-" + draft.ProductName + ".pdf"), data);
            }
        }
        """);
}
