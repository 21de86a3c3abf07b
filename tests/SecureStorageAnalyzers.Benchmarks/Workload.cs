using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// A generated code base ready to compile in memory: parsed trees, the SDK's reference assemblies (resolved by this
/// project's FrameworkReference and listed in framework-refs.txt), and the additional files (web.config).
/// </summary>
public sealed class Workload
{
    private static readonly Lazy<ImmutableArray<string>> FrameworkReferencePaths = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "framework-refs.txt"))
            .Where(line => line.Length > 0)
            .ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreReferences = new(() =>
        FrameworkReferencePaths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreReferences = new(() =>
        FrameworkReferencePaths.Value
            .Where(p => !p.Contains("Microsoft.AspNetCore.App.Ref", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public Workload(GeneratedCodeBase codeBase, ImmutableArray<MetadataReference> extraReferences = default)
    {
        CodeBase = codeBase;
        Trees = codeBase.Files.Select(Parse).ToImmutableArray();
        References = codeBase.IsWebApp ? AspNetCoreReferences.Value : NetCoreReferences.Value;
        if (!extraReferences.IsDefaultOrEmpty)
        {
            // A package the project references (the cloud storage SDKs of CloudWorkload).
            References = References.AddRange(extraReferences);
        }

        // Single-threaded binding, like the single-threaded analyzer runs (concurrentAnalysis: false): the ratio then
        // compares CPU work with CPU work on any number of cores.
        Options = new CSharpCompilationOptions(
            codeBase.IsWebApp ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false)
            .WithSyntaxTreeOptionsProvider(NoTreeOptions.Instance);
        AnalyzerOptions = new AnalyzerOptions(codeBase.AdditionalFiles
            .Select(f => (AdditionalText)new InMemoryAdditionalText("/src/" + f.Path, f.Text))
            .ToImmutableArray());
        LargestTree = Trees.OrderByDescending(t => t.Length).First();
    }

    public GeneratedCodeBase CodeBase { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public CSharpCompilationOptions Options { get; }

    public AnalyzerOptions AnalyzerOptions { get; }

    public SyntaxTree LargestTree { get; }

    public int Lines => CodeBase.Lines;

    public static int ReferenceCount(bool web) => web ? AspNetCoreReferences.Value.Length : NetCoreReferences.Value.Length;

    /// <summary>A fresh compilation over the already parsed trees: nothing declared or bound yet.</summary>
    public CSharpCompilation NewCompilation() =>
        CSharpCompilation.Create(CodeBase.Name, Trees, References, Options);

    /// <summary>The compiler's own work from source text: parse, declare, bind (<see cref="Compilation.GetDiagnostics"/>).</summary>
    public ImmutableArray<Diagnostic> CompileFromSource()
    {
        var trees = ParseFromSource();
        return CSharpCompilation.Create(CodeBase.Name, trees, References, Options).GetDiagnostics();
    }

    /// <summary>Fresh trees from the source text, as a build parses them: no tree shared with an earlier compilation.</summary>
    public SyntaxTree[] ParseFromSource() => CodeBase.Files.Select(Parse).ToArray();

    private static SyntaxTree Parse(GeneratedFile file) =>
        CSharpSyntaxTree.ParseText(SourceText.From(file.Text, Encoding.UTF8), ParseOptions, "/src/" + file.Path);

    /// <summary>
    /// What csc passes when no .editorconfig sets anything. The command-line compiler always sets a provider; Sonar's
    /// analyzers call it unconditionally and throw NullReferenceException on every tree without one.
    /// </summary>
    private sealed class NoTreeOptions : SyntaxTreeOptionsProvider
    {
        public static readonly NoTreeOptions Instance = new();

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    private sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text, Encoding.UTF8);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
