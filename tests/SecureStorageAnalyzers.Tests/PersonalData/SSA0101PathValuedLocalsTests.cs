using Microsoft.CodeAnalysis.Testing;
using SecureStorageAnalyzers.PersonalData;
using SecureStorageAnalyzers.Tests.Verifiers;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.PersonalData.SSA0101PersonalIdentifierInStoragePathAnalyzer>;

namespace SecureStorageAnalyzers.Tests.PersonalData;

/// <summary>
/// A local (or a project method's parameter) named like a person's name whose every value is a file-system path: the
/// result of <c>System.IO.Path</c>'s methods, a <c>FileSystemInfo</c>'s path, or a project method that only passes such
/// a path on. Its name describes the path, not a person (a file manager's upload code).
/// </summary>
public class SSA0101PathValuedLocalsTests
{
    private static DiagnosticResult Diagnostic() => VerifyCS.Diagnostic(Descriptors.SSA0101PersonalIdentifierInStoragePath);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(source, TestFramework.AspNetCore10WithStorageSdks, expected);

    [Fact]
    public async Task FileManagerUpload_FullNameIsThePath_IsNotPersonalAsync()
    {
        await VerifyAsync("""
            class FileManagerController
            {
                private readonly string contentRootPath = "/srv";

                public void Upload(string path, IFormFile file, long size)
                {
                    var name = Path.GetFileName(file.FileName);
                    var fullName = Path.Combine((this.contentRootPath + path), name);
                    if (Path.GetFullPath(fullName) != GetFilePath(fullName) + Path.GetFileName(fullName))
                    {
                        throw new InvalidOperationException();
                    }

                    long len = File.Exists(fullName) ? new FileInfo(fullName).Length : 0;
                    if (!System.IO.File.Exists(fullName))
                    {
                        PerformUpload(file, len, size, fullName);
                    }
                }

                public void UploadSanitized(string path, IFormFile file, long size)
                {
                    var name = Path.GetFileName(file.FileName);
                    var fullName = SanitizePath(Path.Combine((this.contentRootPath + path), name));
                    if (Path.GetFullPath(fullName) != GetFilePath(fullName) + Path.GetFileName(fullName))
                    {
                        throw new InvalidOperationException();
                    }

                    long len = File.Exists(fullName) ? new FileInfo(fullName).Length : 0;
                    if (!System.IO.File.Exists(fullName))
                    {
                        PerformUpload(file, len, size, fullName);
                    }
                }

                private static string SanitizePath(string path) => path.Replace("..", string.Empty);

                private static string GetFilePath(string path) => Path.GetDirectoryName(path) + Path.DirectorySeparatorChar;

                private static void PerformUpload(IFormFile file, long len, long size, string name)
                {
                    using var stream = new FileStream(name, FileMode.Append);
                    file.CopyTo(stream);
                }
            }
            """);
    }

    [Fact]
    public async Task FullNameFromFileInfoOrGetFullPath_IsNotPersonalAsync()
    {
        await VerifyAsync("""
            class Archive
            {
                public void Copy(string p, string x, string target)
                {
                    var fullname = new FileInfo(p).FullName;
                    var fullName = Path.GetFullPath(x);
                    File.Copy(fullname, Path.Combine(target, "a.bin"));
                    File.Copy(fullName, Path.Combine(target, "b.bin"));
                    File.WriteAllText(Path.Combine(target, fullName + ".idx"), "");
                    File.WriteAllText(Path.Combine(target, fullname + ".idx"), "");
                    foreach (var fullName2 in Directory.GetFiles(target))
                    {
                        File.Copy(fullName2, Path.Combine(target, "c.bin"));
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task FullNameFromAPersonOrOnlySometimesAPath_StaysPersonalAsync()
    {
        await VerifyAsync("""
            class Person
            {
                public string FirstName { get; set; } = "";
                public string LastName { get; set; } = "";
                public string FullName { get; set; } = "";
            }

            class Exports
            {
                public void Save(Person p, Person user, string root, bool flag)
                {
                    var fullName = $"{p.FirstName} {p.LastName}";
                    {|#1:File.WriteAllText(Path.Combine(root, {|#0:fullName|} + ".txt"), "")|};
                    var fullName1 = user.FullName;
                    {|#3:File.WriteAllText(Path.Combine(root, {|#2:fullName1|} + ".txt"), "")|};
                    var fullName2 = flag ? Path.Combine(root, "a.txt") : user.FullName;
                    {|#5:File.WriteAllText({|#4:fullName2|}, "")|};
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("fullName", "a person's name", "its name 'fullName'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(2).WithLocation(3).WithArguments("fullName1", "a person's name", "its name 'fullName1'", "'path' of File.WriteAllText", ""),
            Diagnostic().WithLocation(4).WithLocation(5).WithArguments("fullName2", "a person's name", "its name 'fullName2'", "'path' of File.WriteAllText", ""));
    }

    [Fact]
    public async Task SanitizerThatReassignsItsParameter_FullNameIsStillThePathAsync()
    {
        // The sanitizer unescapes the text in a loop, then makes it absolute on a statement of its own top-level block
        // and checks it against the root: every value it returns is the path it was given or Path.GetFullPath's.
        await VerifyAsync("""
            class FileManager
            {
                private readonly string contentRootPath = "/srv";

                public void Upload(string path, string fileName, IFormFile file)
                {
                    var fullName = SanitizePath(Path.Combine((this.contentRootPath + path), fileName));
                    if (!File.Exists(fullName))
                    {
                        using var stream = new FileStream(fullName, FileMode.Create);
                        file.CopyTo(stream);
                    }
                }

                private string SanitizePath(string path)
                {
                    if (string.IsNullOrEmpty(path))
                    {
                        return path;
                    }

                    string decodedPath;
                    do
                    {
                        decodedPath = path;
                        path = Uri.UnescapeDataString(decodedPath);
                    } while (decodedPath != path);
                    path = Path.GetFullPath(path);

                    if (!path.StartsWith(Path.GetFullPath(this.contentRootPath), StringComparison.OrdinalIgnoreCase))
                    {
                        throw new UnauthorizedAccessException();
                    }

                    return path;
                }
            }
            """);
    }

    [Fact]
    public async Task HelperWhoseLastAssignmentIsNotAPath_StaysPersonalAsync()
    {
        // The helper is given a path but replaces it with something else before it returns: not a path by its making.
        await VerifyAsync("""
            class Exports
            {
                public void Save(string root, string owner)
                {
                    var fullName = Relabel(Path.Combine(root, "a.txt"), owner);
                    {|#1:File.WriteAllText({|#0:fullName|}, "")|};
                }

                private static string Relabel(string path, string owner)
                {
                    path = Path.GetFullPath(path);
                    path = owner + ".txt";
                    return path;
                }
            }
            """,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("fullName", "a person's name", "its name 'fullName'", "'path' of File.WriteAllText", ""));
    }
}
