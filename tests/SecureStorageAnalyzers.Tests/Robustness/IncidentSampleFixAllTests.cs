using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.TestShared;
using SecureStorageAnalyzers.Tests.Verifiers;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.Tests.Robustness;

/// <summary>
/// Fix All at solution scope over the incident sample, the way <c>dotnet format analyzers</c> applies it: per rule, the
/// equivalence key of the first action the rule's fixer offers for the first finding of the pack (of any rule), then the
/// fixer's Fix All provider over every finding of that rule. Run twice: the first run leaves code that compiles
/// with no new error and none of the fixed findings; the second run changes nothing.
/// </summary>
public class IncidentSampleFixAllTests(ITestOutputHelper output)
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(SecureStorageAnalyzers.CodeFixes.Hosting.SSA0005AnonymousFileEndpointCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .OrderBy(f => f.FixableDiagnosticIds[0], StringComparer.Ordinal)
        .ToImmutableArray();

    [Fact]
    public async Task FixAllInSolution_Twice_CompilesFixesEverythingItOffersAndIsStableAsync()
    {
        var original = IncidentSample();
        var before = await AnalyzeAsync(original);
        var originalErrors = await ErrorsAsync(original);
        Assert.Empty(originalErrors);

        var (once, fixedIds) = await FixAllAsync(original);
        output.WriteLine($"first run fixed: {string.Join(", ", fixedIds)}");

        // Every rule of the pack that offers a fix for one of its findings in the sample was fixed.
        var expected = new List<string>();
        foreach (var diagnostic in before.Where(d => d.Location.IsInSource))
        {
            if (!expected.Contains(diagnostic.Id) && !(await OfferedKeysAsync(original, diagnostic)).IsEmpty)
            {
                expected.Add(diagnostic.Id);
            }
        }

        expected.Sort(StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, fixedIds.OrderBy(id => id, StringComparer.Ordinal).ToList());

        // The fixed sample compiles with no new error, and a finding of a fixed rule is left only where no fix is offered.
        Assert.Empty(await ErrorsAsync(once));
        var after = await AnalyzeAsync(once);
        foreach (var diagnostic in after.Where(d => fixedIds.Contains(d.Id)))
        {
            var offered = await OfferedKeysAsync(once, diagnostic);
            Assert.True(offered.IsEmpty, $"left unfixed although a fix is offered ({string.Join(", ", offered)}): {AnalyzerHarness.Format(diagnostic)}");
            output.WriteLine($"left (no fix offered): {AnalyzerHarness.Format(diagnostic)}");
        }

        Assert.True(after.Length < before.Length, $"before: {before.Length} findings, after: {after.Length}");

        // A second run finds nothing left to change.
        var (twice, _) = await FixAllAsync(once);
        foreach (var document in once.Projects.Single().Documents)
        {
            var first = (await document.GetTextAsync()).ToString();
            var second = (await twice.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.True(first == second, $"{document.Name} changed on the second Fix All run");
        }
    }

    /// <summary>
    /// Issue #20: Fix All used to turn the read <c>Results.File(Path.Combine(recordingsRoot, day, callerPhoneNumber + ".mp3"))</c>
    /// into a lookup of a random name that never exists, and the write into a file nothing could find again. The write
    /// (CallStore.cs) throws its path away and the read (Program.cs) and a URL rebuild the name from the same route
    /// value, so SSA0101 offers no fix on either: after Fix All both lines are as they were, and the endpoint still finds
    /// the recording it stored.
    /// </summary>
    [Fact]
    public async Task FixAllInSolution_LeavesTheRecordingsWriteAndReadPairedAsync()
    {
        const string write = "var path = Path.Combine(folder, callerPhoneNumber + \".mp3\");";
        const string read = "return Results.File(Path.Combine(store.Root, day, callerPhoneNumber + \".mp3\"), \"audio/mpeg\");";
        var original = IncidentSample();
        var documents = original.Projects.Single().Documents;
        var store = documents.Single(d => d.Name == "CallStore.cs");
        var program = documents.Single(d => d.Name == "Program.cs");
        Assert.Contains(write, (await store.GetTextAsync()).ToString(), StringComparison.Ordinal);
        Assert.Contains(read, (await program.GetTextAsync()).ToString(), StringComparison.Ordinal);

        // The write and the read (CloudRecordings.cs has SSA0101 findings of its own, blob names).
        var findings = (await AnalyzeAsync(original))
            .Where(d => d.Id == DiagnosticIds.PersonalIdentifierInStoragePath &&
                        (d.Location.SourceTree?.FilePath == program.FilePath || d.Location.SourceTree?.FilePath == store.FilePath))
            .ToList();
        Assert.Equal(2, findings.Count);
        foreach (var finding in findings)
        {
            Assert.True((await OfferedKeysAsync(original, finding)).IsEmpty, $"a fix is offered on {AnalyzerHarness.Format(finding)}");
        }

        var (fixedSolution, fixedIds) = await FixAllAsync(original);
        Assert.DoesNotContain(DiagnosticIds.PersonalIdentifierInStoragePath, fixedIds);
        var fixedStore = (await fixedSolution.GetDocument(store.Id)!.GetTextAsync()).ToString();
        var fixedProgram = (await fixedSolution.GetDocument(program.Id)!.GetTextAsync()).ToString();
        Assert.Contains(write, fixedStore, StringComparison.Ordinal);
        Assert.Contains(read, fixedProgram, StringComparison.Ordinal);
        Assert.DoesNotContain("GetRandomFileName", fixedStore + fixedProgram, StringComparison.Ordinal);
        Assert.DoesNotContain("NewGuid", fixedStore + fixedProgram, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>dotnet format analyzers</c> (SDK 10) takes the key of a rule's bulk fix from the first action the rule's fixer
    /// registers for the first finding of every analyzer that reports the rule, whatever that finding's id. All code rules
    /// are reported by one analyzer, so that finding is often another rule's (the order varies from run to run). Whichever
    /// finding of the sample comes first, each fixer must answer with the key of its own default fix. The sample is joined
    /// by every fixable rule's page examples (the non-compliant C# ones, as the package tests build them), so a rule with a
    /// fix is exercised here by its page without a line in the sample (docs/architecture.md, "Adding a rule").
    /// </summary>
    [Fact]
    public async Task DotnetFormatsKeyChoice_IsTheRulesDefaultFix_WhicheverFindingComesFirstAsync()
    {
        // The sample's SSA0101 findings have no safe fix (its names are rebuilt to read them back): one more file gives
        // that fixer a finding of its own with a fix, a write whose minted path is kept, so every fixer is exercised.
        var sample = IncidentSample();
        var solution = sample.Projects.Single().AddDocument("KeptNames.cs", """
            public static class KeptNames
            {
                public static string Save(string faxNumber, string root, byte[] audio)
                {
                    var path = System.IO.Path.Combine(root, faxNumber + ".wav");
                    System.IO.File.WriteAllBytes(path, audio);
                    return path;
                }
            }
            """).Project.Solution;
        solution = WithPageExamples(solution);
        var findings = (await AnalyzeAsync(solution)).Where(d => d.Location.IsInSource).ToImmutableArray();
        Assert.Empty(await ErrorsAsync(solution));
        Assert.True(findings.Select(d => d.Id).Distinct().Count() >= 4, "the sample should have findings of several rules");
        var checkedRules = 0;
        var unexercised = new List<string>();
        var withoutPageFix = new List<string>();
        foreach (var fixer in Fixers)
        {
            // The rule's default key: what it offers first for its own findings (one key for every finding).
            var ownKeys = new HashSet<string>(StringComparer.Ordinal);
            var onItsPage = false;
            foreach (var own in findings.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
            {
                if (await FirstKeyAsync(solution, own, fixer) is { } key)
                {
                    ownKeys.Add(key);
                    onItsPage |= own.Location.SourceTree!.FilePath.StartsWith("/sample/" + RulePageExampleReader.Folder + "/", StringComparison.Ordinal);
                }
            }

            if (!onItsPage)
            {
                withoutPageFix.Add(fixer.GetType().Name);
            }

            if (ownKeys.Count == 0)
            {
                unexercised.Add(fixer.GetType().Name);
                continue;
            }

            Assert.True(ownKeys.Count == 1, $"{fixer.GetType().Name} offers its findings different first keys: {string.Join(", ", ownKeys)}");
            var expected = ownKeys.Single();
            foreach (var other in findings.Where(d => !fixer.FixableDiagnosticIds.Contains(d.Id)))
            {
                var key = await FirstKeyAsync(solution, other, fixer);
                Assert.True(key == expected,
                    $"{fixer.GetType().Name} asked about {AnalyzerHarness.Format(other)} answers key '{key ?? "(none)"}', not its default '{expected}': dotnet format would fix nothing of the rule");
            }

            checkedRules++;
        }

        output.WriteLine($"{checkedRules} fixers checked against {findings.Length} findings");
        // Every fixer is exercised: each has at least one own finding whose first key is its default.
        Assert.True(unexercised.Count == 0, $"no own finding with a fix in the sample for: {string.Join(", ", unexercised)}");
        Assert.Equal(Fixers.Length, checkedRules);
        // And by its page alone: a rule with a fix needs no line in the incident sample.
        Assert.True(withoutPageFix.Count == 0, $"no finding with a fix in the page's non-compliant examples for: {string.Join(", ", withoutPageFix)}");
    }

    /// <summary>Every action offered for every finding of the sample, applied alone, compiles with no error.</summary>
    [Fact]
    public async Task EveryOfferedFix_OnEveryFinding_CompilesAsync()
    {
        var solution = IncidentSample();
        var applied = 0;
        foreach (var diagnostic in await AnalyzeAsync(solution))
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                foreach (var action in await CodeFixOffers.ActionsAsync(document, diagnostic, fixer))
                {
                    var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                    var errors = await ErrorsAsync(apply.ChangedSolution);
                    Assert.True(errors.Count == 0, $"{action.EquivalenceKey} on {AnalyzerHarness.Format(diagnostic)}:\n{string.Join("\n", errors)}");
                    applied++;
                }
            }
        }

        output.WriteLine($"{applied} fixes applied one by one");
        Assert.True(applied >= 10, $"only {applied} fixes were offered on the incident sample");
    }

    private static Solution IncidentSample()
    {
        var folder = Path.Combine(TestReferences.RepositoryRoot, "samples", "SecureStorageAnalyzers.Samples.IncidentApp");
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "IncidentApp", "IncidentApp", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                // The sample references Azure.Storage.Blobs (CloudRecordings.cs).
                metadataReferences: TestReferences.AspNetCore.AddRange(TestReferences.StorageSdks)))
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(TestSetup.WebGlobalUsings), filePath: "/sample/GlobalUsings.g.cs");
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs").Order(StringComparer.Ordinal))
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), Path.GetFileName(path), SourceText.From(File.ReadAllText(path)),
                filePath: "/sample/" + Path.GetFileName(path));
        }

        return solution;
    }

    /// <summary>
    /// The solution with the non-compliant C# examples of the page of every rule that has a fixer, each in a namespace of
    /// its own, shaped with the names and namespaces of the cloud consumer (ASP.NET Core and the four SDKs, the references
    /// of this project): a superset of what the web consumer's examples use.
    /// </summary>
    private static Solution WithPageExamples(Solution solution)
    {
        var project = solution.Projects.Single();
        foreach (var id in Fixers.SelectMany(f => f.FixableDiagnosticIds).Distinct().Order(StringComparer.Ordinal))
        {
            foreach (var example in RulePageExampleReader.Read(TestReferences.RepositoryRoot, id).Where(e => !e.Compliant && e.Language == "csharp"))
            {
                foreach (var file in RulePageExampleReader.CSharpFiles(example, ExampleConsumer.Cloud))
                {
                    project = project.AddDocument(Path.GetFileName(file.RelativePath), SourceText.From(file.Text), filePath: "/sample/" + file.RelativePath).Project;
                }
            }
        }

        return project.Solution;
    }

    /// <summary>One pass over every rule with a fix, in id order. Returns the new solution and the rules it fixed.</summary>
    private static async Task<(Solution Solution, List<string> FixedIds)> FixAllAsync(Solution solution)
    {
        var fixedIds = new List<string>();
        foreach (var fixer in Fixers)
        {
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var all = (await AnalyzeAsync(solution)).Where(d => d.Location.IsInSource).ToImmutableArray();
                var diagnostics = all.Where(d => d.Id == id).ToImmutableArray();
                if (diagnostics.IsEmpty)
                {
                    continue;
                }

                // Like dotnet format: the key of the first action the fixer offers for the first finding of the analyzer
                // that reports the rule, whatever that finding's id.
                var first = all[0];
                var document = solution.GetDocument(first.Location.SourceTree);
                Assert.NotNull(document);
                var key = await FirstKeyAsync(solution, first, fixer);
                if (key is null)
                {
                    continue;
                }

                var provider = fixer.GetFixAllProvider();
                Assert.NotNull(provider);
                var context = new FixAllContext(document, fixer, FixAllScope.Solution, key, new[] { id }, new Diagnostics(diagnostics), CancellationToken.None);
                var action = await provider.GetFixAsync(context);
                Assert.True(action is not null, $"{id}: Fix All offered nothing for key {key}");
                var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                if (apply.ChangedSolution != solution)
                {
                    fixedIds.Add(id);
                }

                solution = apply.ChangedSolution;
            }
        }

        return (solution, fixedIds);
    }

    /// <summary>The key of the first action <paramref name="fixer"/> registers for <paramref name="diagnostic"/>, asked as dotnet format asks.</summary>
    private static async Task<string?> FirstKeyAsync(Solution solution, Diagnostic diagnostic, CodeFixProvider fixer)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree);
        Assert.NotNull(document);
        var actions = await CodeFixOffers.ActionsAsync(document, diagnostic, fixer);
        return actions.Count == 0 ? null : actions[0].EquivalenceKey;
    }

    private static async Task<ImmutableArray<string>> OfferedKeysAsync(Solution solution, Diagnostic diagnostic)
    {
        var document = solution.GetDocument(diagnostic.Location.SourceTree);
        if (document is null)
        {
            return ImmutableArray<string>.Empty;
        }

        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
        {
            keys.AddRange((await CodeFixOffers.ActionsAsync(document, diagnostic, fixer)).Select(action => action.EquivalenceKey ?? ""));
        }

        return keys.ToImmutable();
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        return await AnalyzerHarness.AnalyzeAsync(compilation!);
    }

    private static async Task<List<string>> ErrorsAsync(Solution solution)
    {
        var compilation = await solution.Projects.Single().GetCompilationAsync();
        return compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    /// <summary>The findings of one analysis, served to Fix All by document and project.</summary>
    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(all);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            GetDocumentDiagnosticsCoreAsync(document);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(all.Where(d => !d.Location.IsInSource));

        private async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsCoreAsync(Document document)
        {
            var tree = await document.GetSyntaxTreeAsync();
            return all.Where(d => d.Location.SourceTree == tree);
        }
    }
}
