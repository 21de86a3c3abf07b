using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A personal value through the application's own string method: a sanitizer, a slug or a normaliser that takes a
/// string and returns one built from it (held-out set 8's mail-merge PDFs, sets 6 and 7's cleaned copies). The value
/// it returns carries the value it was given, also when the method has a constant fallback for an empty input and when
/// the method is called inside another of the project's helpers. A method that hashes, encrypts or maps its input to an
/// id returns something not made of it, and carries nothing.
/// </summary>
public class SSA0101ProjectStringMethodsTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Fact]
    public Task AName_ThroughACleaningMethodWithAConstantFallback_IsReportedAsync() => VerifyAsync("""
        using System.Globalization;
        using System.Text;

        public class Member
        {
            public string FullName { get; set; } = "";
        }

        public class Letters
        {
            public void Write(Member member, string title, string folder, byte[] pdf)
            {
                var cleanTitle = ForFileName(title).Replace(" ", "_");
                var cleanName = ForFileName(member.FullName).Replace(" ", "_");
                var file = $"{cleanTitle}-{cleanName}.pdf"; //! SSA0101
                File.WriteAllBytes(Path.Combine(folder, file), pdf);
            }

            private string ForFileName(string text)
            {
                if (string.IsNullOrWhiteSpace(text))
                    return "Untitled";

                var decomposed = text.Normalize(NormalizationForm.FormD);
                var kept = new StringBuilder();
                foreach (var ch in decomposed)
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
                    {
                        kept.Append(ch);
                    }
                }

                var plain = kept.ToString().Normalize(NormalizationForm.FormC);
                var invalid = Path.GetInvalidFileNameChars();
                var result = new string(plain.Where(ch => !invalid.Contains(ch)).ToArray());
                return result.Trim();
            }
        }
        """);

    [Fact]
    public Task AName_ThroughASlugCalledInsideAnotherHelper_IsReportedAsync() => VerifyAsync("""
        using System.Text.RegularExpressions;

        public class Customer
        {
            public string LastName { get; set; } = "";
        }

        public static class Names
        {
            public static string Slug(this string value) =>
                string.IsNullOrEmpty(value) ? "unknown" : Regex.Replace(value.Trim().ToLowerInvariant(), "[^a-z0-9]+", "-");
        }

        public class Statements
        {
            public void Save(Customer customer, string root, string text)
            {
                File.WriteAllText(Path.Combine(root, FileNameFor(customer)), text); //! SSA0101
            }

            private static string FileNameFor(Customer customer) => "statement-" + customer.LastName.Slug();
        }
        """);

    [Fact]
    public Task TwoNames_ThroughAJoiningHelper_AreReportedAsync() => VerifyAsync("""
        public class Archive
        {
            public void Store(string root, string firstName, string lastName, byte[] bytes)
            {
                File.WriteAllBytes(Path.Combine(root, JoinNames(firstName, lastName) + ".pdf"), bytes); //! SSA0101
            }

            private static string JoinNames(string first, string last)
            {
                if (first.Length == 0 && last.Length == 0)
                {
                    return "anonymous";
                }

                return string.Join("_", new[] { first, last }).ToUpperInvariant();
            }
        }
        """);

    [Fact]
    public Task AName_ThroughAHashEncryptionOrIdMethod_IsNotReportedAsync() => VerifyAsync("""
        using System.Security.Cryptography;
        using System.Text;

        public class Patient
        {
            public string FullName { get; set; } = "";
            public string PhoneNumber { get; set; } = "";
        }

        public class Storage
        {
            private readonly Dictionary<string, string> _ids = new();
            private readonly byte[] _key = new byte[32];

            public void Save(Patient patient, string root, byte[] bytes)
            {
                File.WriteAllBytes(Path.Combine(root, Pseudonym(patient.FullName) + ".pdf"), bytes);
                File.WriteAllBytes(Path.Combine(root, Protect(patient.PhoneNumber) + ".wav"), bytes);
                File.WriteAllBytes(Path.Combine(root, IdFor(patient.FullName) + ".pdf"), bytes);
                File.WriteAllBytes(Path.Combine(root, Lookup(patient.FullName) + ".pdf"), bytes);
                File.WriteAllBytes(Path.Combine(root, FreshNameLike(patient.FullName)), bytes);
                File.WriteAllBytes(Path.Combine(root, Cleaned("summary") + ".pdf"), bytes);
            }

            private static string Pseudonym(string value)
            {
                if (string.IsNullOrEmpty(value))
                    return "none";

                using var sha = SHA256.Create();
                return Convert.ToHexString(sha.ComputeHash(Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant())));
            }

            private string Protect(string value)
            {
                using var aes = Aes.Create();
                aes.Key = _key;
                using var encryptor = aes.CreateEncryptor();
                var plain = Encoding.UTF8.GetBytes(value);
                return Convert.ToBase64String(encryptor.TransformFinalBlock(plain, 0, plain.Length)).Replace('/', '_');
            }

            private string IdFor(string name) =>
                _ids.TryGetValue(name, out var id) ? id : Guid.NewGuid().ToString("N");

            private string Lookup(string name) => _ids[name.Trim()];

            private static string FreshNameLike(string name) => Guid.NewGuid().ToString("N") + Path.GetExtension(name);

            private static string Cleaned(string text) => string.IsNullOrEmpty(text) ? "file" : text.Trim().ToLowerInvariant();
        }
        """);
}
