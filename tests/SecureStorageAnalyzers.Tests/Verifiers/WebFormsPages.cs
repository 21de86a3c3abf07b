using SecureStorageAnalyzers.PersonalData;

namespace SecureStorageAnalyzers.Tests.Verifiers;

/// <summary>
/// SSA0101 on Web Forms pages and handlers: the source compiled against the .NET Framework 4.8 reference assemblies
/// (System.Web), verified line by line (<see cref="LineFindings"/>), and the application's entities the pages copy their
/// boxes into. Shared by the System.Web sink, name-box and link-URL tests (<c>using static</c>).
/// </summary>
internal static class WebFormsPages
{
    public static Task VerifyAsync(string source) =>
        LineFindings.VerifyAsync(new SSA0101PersonalIdentifierInStoragePathAnalyzer(), source, TestFramework.NetFramework48);

    /// <summary>A person's record (its <c>Name</c> is a person's name) and a course's (its <c>Name</c> is not), appended to a page.</summary>
    public const string Entities = """

        public class CandidateEntity { public string Name { get; set; } = ""; public string Email { get; set; } = ""; }
        public class CourseEntity { public string Name { get; set; } = ""; }
        """;
}
