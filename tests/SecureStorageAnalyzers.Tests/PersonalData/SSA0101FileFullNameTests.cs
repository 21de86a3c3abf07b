using SecureStorageAnalyzers.Tests.Verifiers;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// Held-out set 4 (a car-notes API): the application's own file object exposes <c>FullName</c> (its folder and file
/// name, the object key), which is a file's full name, as <c>FileInfo.FullName</c> is. A person's full name on the same
/// kind of type (the uploader's) and <c>FullName</c> of a person are still personal.
/// </summary>
public class SSA0101FileFullNameTests
{
    private static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer(), source);

    [Fact]
    public Task FullNameOfTheAppsFileType_IsAFileNameAsync() => VerifyAsync("""
        public class StoredFile
        {
            public string Folder { get; set; } = "";
            public string FileName { get; set; } = "";
            public string FullName => Folder + FileName;
            public string UploaderFullName { get; set; } = "";
        }

        public class Customer
        {
            public string FullName { get; set; } = "";
        }

        public class Storage(string root)
        {
            public void Put(StoredFile file, Customer customer, byte[] bytes)
            {
                File.WriteAllBytes(Path.Combine(root, file.FullName), bytes);
                File.WriteAllBytes(Path.Combine(root, file.UploaderFullName), bytes); //! SSA0101
                File.WriteAllBytes(Path.Combine(root, customer.FullName), bytes); //! SSA0101
            }
        }
        """);
}
