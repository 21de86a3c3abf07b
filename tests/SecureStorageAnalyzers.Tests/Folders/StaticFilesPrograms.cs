using Microsoft.CodeAnalysis.Testing;
using VerifyCS = SecureStorageAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<
    SecureStorageAnalyzers.Hosting.SSA0001AnonymousStaticFilesAnalyzer>;

namespace SecureStorageAnalyzers.Tests.Folders;

/// <summary>
/// The minimal-hosting <c>Program.cs</c> the SSA0001 folder tests serve folders from (<see cref="RequestDataFolderTests"/>,
/// <see cref="PicturesOnlyFolderTests"/>), and the finding they expect. The layout is fixed so that line numbers in the
/// expected messages stay those of the whole source: the usings (<paramref name="usings"/> then the file providers'),
/// a blank line, the builder, the app, the pipeline from line <c>usings + 5</c>, <c>app.Run();</c>, then the types.
/// </summary>
internal static class StaticFilesPrograms
{
    /// <summary>Why a registration is anonymous when the program has no authorization middleware before it.</summary>
    public const string BeforeAuthorization = "it runs before UseAuthorization(), or with none";

    /// <summary>A top-level program: its pipeline statements, then (after a blank line) the types it declares.</summary>
    public static string Program(string pipeline, string types = "", params string[] usings)
    {
        var lines = new List<string>();
        lines.AddRange(usings.Select(u => $"using {u};"));
        lines.Add("using Microsoft.Extensions.FileProviders;");
        lines.Add(string.Empty);
        lines.Add("var builder = WebApplication.CreateBuilder(args);");
        lines.Add("var app = builder.Build();");
        lines.Add(pipeline);
        lines.Add("app.Run();");
        if (types.Length > 0)
        {
            lines.Add(string.Empty);
            lines.Add(types);
        }

        return string.Join("\n", lines);
    }

    /// <summary>The SSA0001 finding at markup location <paramref name="location"/>: what the folder is, the evidence, and why it is anonymous.</summary>
    public static DiagnosticResult Private(int location, string what, string evidence, string call = "UseStaticFiles",
        string anonymous = BeforeAuthorization) =>
        VerifyCS.Diagnostic(Descriptors.SSA0001PrivateFilesServedAnonymously).WithLocation(location).WithArguments(call, what, evidence, anonymous);
}
