using System.Diagnostics;
using System.Text.Json;
using SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// The squiggle: a real language server (csharp-ls, pinned in the repository's tool manifest .config/dotnet-tools.json)
/// opened on the packed package's consumer reports the findings for Program.cs, as an editor would show them, SSA0001
/// (the incident's recordings served anonymously) at its line among them. csharp-ls runs third-party analyzers only
/// when the editor's <c>csharp</c> settings say <c>analyzersEnabled: true</c> (its default is false: no analyzer runs at
/// all); every other setting is the server's default. It serves diagnostics by pull (<c>textDocument/diagnostic</c>);
/// pushed <c>textDocument/publishDiagnostics</c> are accepted too.
/// </summary>
/// <remarks>
/// The analysis scope here: csharp-ls 0.28.0 answers <c>textDocument/diagnostic</c> from one
/// <c>CompilationWithAnalyzers.GetAllDiagnosticsAsync</c> over the whole project (shared per solution snapshot),
/// filtered to the document's path; its assembly calls no document-scoped API (<c>GetAnalyzerSemanticDiagnosticsAsync</c>).
/// That is a build's scope, compilation-end actions included, so this test shows the finding reaches an editor through a
/// real server, not that it is live. Visual Studio's and VS Code's default scope (document-scoped analysis, no
/// compilation-end action) is tested in the unit tests, tests/SecureStorageAnalyzers.Tests/Live/.
/// </remarks>
[Collection(PackedConsumerCollection.Name)]
public sealed class LanguageServerTests(PackedConsumerFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Csharp_ls_reports_the_findings_of_Program_cs()
    {
        var restore = await fixture.Timings.TimeAsync("dotnet tool restore", output,
            () => PackedConsumerFixture.RunAsync(DotNet.RepositoryRoot, "tool", "restore"));
        output.WriteLine($"$ dotnet tool restore\n{restore}");
        Assert.True(restore.ExitCode == 0, $"dotnet tool restore (.config/dotnet-tools.json) failed:\n{restore}");

        var programPath = Path.Combine(fixture.ConsumerDirectory, "Program.cs");
        var programUri = new Uri(programPath).AbsoluteUri;
        var folderUri = new Uri(fixture.ConsumerDirectory + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        var expected = ConsumerProject.ProgramFindings
            .Select(f => $"{f.Id} {f.Line}:{f.Column}")
            .Order(StringComparer.Ordinal)
            .ToList();

        using var budget = new CancellationTokenSource(Budget);
        var stopwatch = Stopwatch.StartNew();
        // `dotnet tool run` finds the manifest from its working directory: the repository root.
        await using var server = LanguageServerClient.Start("dotnet", DotNet.RepositoryRoot, new { analyzersEnabled = true }, "tool", "run", "csharp-ls");

        List<string> actual = [];
        List<string> loadFailures = [];
        var rounds = 0;
        try
        {
            await fixture.Timings.TimeAsync("csharp-ls initialize", output, async () =>
            {
                var initialize = await server.RequestAsync("initialize", new
                {
                    processId = Environment.ProcessId,
                    clientInfo = new { name = "SecureStorageAnalyzers.EndToEnd.Tests" },
                    rootUri = folderUri,
                    workspaceFolders = new[] { new { uri = folderUri, name = "consumer" } },
                    capabilities = new
                    {
                        workspace = new { configuration = true },
                        textDocument = new
                        {
                            synchronization = new { dynamicRegistration = false },
                            diagnostic = new { dynamicRegistration = false },
                            publishDiagnostics = new { relatedInformation = false },
                        },
                    },
                }, budget.Token);
                output.WriteLine($"initialize -> {initialize}");
                await server.NotifyAsync("initialized", new { });
                // Analyzers stay off until the server has our answer to workspace/configuration.
                await server.ConfigurationAnswered.WaitAsync(budget.Token);
                return 0;
            });

            await server.NotifyAsync("textDocument/didOpen", new
            {
                textDocument = new { uri = programUri, languageId = "csharp", version = 1, text = ConsumerProject.ProgramText },
            });

            actual = await fixture.Timings.TimeAsync("csharp-ls diagnostics for Program.cs", output, async () =>
            {
                while (true)
                {
                    rounds++;
                    var pulled = await server.RequestAsync("textDocument/diagnostic", new { textDocument = new { uri = programUri } }, budget.Token);
                    var pulledItems = pulled.TryGetProperty("items", out var items) ? items : default;
                    loadFailures = LoadFailures(pulledItems);
                    var found = SsaFindings(pulledItems);
                    if (server.PublishedDiagnostics.TryGetValue(programUri, out var pushed))
                    {
                        found = [.. found.Union(SsaFindings(pushed))];
                    }

                    actual = found;
                    if (found.Count >= expected.Count)
                    {
                        return found;
                    }

                    // The first answers may come before the project and its analyzers are loaded.
                    await Task.Delay(TimeSpan.FromSeconds(2), budget.Token);
                }
            });
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            Assert.Fail($"csharp-ls did not report the {expected.Count} Program.cs findings within {Budget} ({rounds} pulls, {stopwatch.Elapsed.TotalSeconds:F0}s):\n" +
                        $"{string.Join('\n', actual)}\n{server.Transcript}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"Talking to csharp-ls failed after {stopwatch.Elapsed.TotalSeconds:F0}s ({rounds} pulls): {e}\n{server.Transcript}");
        }

        output.WriteLine($"csharp-ls reported after {stopwatch.Elapsed.TotalSeconds:F1}s and {rounds} pulls:\n{string.Join('\n', actual)}\n{server.Transcript}");
        Assert.True(loadFailures.Count == 0, $"csharp-ls reports that the analyzers did not load or crashed:\n{string.Join('\n', loadFailures)}\n{server.Transcript}");
        var incident = ConsumerProject.ProgramFindings.Single(f => f.Id == "SSA0001");
        Assert.Contains($"SSA0001 {incident.Line}:{incident.Column}", actual);
        Assert.True(actual.SequenceEqual(expected),
            $"csharp-ls findings for Program.cs (id line:column, 1-based) differ.\nExpected:\n{string.Join('\n', expected)}\nActual:\n{string.Join('\n', actual)}\n{server.Transcript}");
    }

    private static List<string> LoadFailures(JsonElement diagnostics) =>
        diagnostics.ValueKind != JsonValueKind.Array
            ? []
            : diagnostics.EnumerateArray()
                .Where(d => d.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String &&
                            BuildOutput.AnalyzerLoadFailureIds.Contains(code.GetString()))
                .Select(d => d.ToString())
                .ToList();

    /// <summary>LSP positions are 0-based; rendered 1-based like the compiler's, as "SSA0002 2:1".</summary>
    private static List<string> SsaFindings(JsonElement diagnostics)
    {
        if (diagnostics.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return diagnostics.EnumerateArray()
            .Where(d => d.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString()!.StartsWith("SSA", StringComparison.Ordinal))
            .Select(d =>
            {
                var start = d.GetProperty("range").GetProperty("start");
                return $"{d.GetProperty("code").GetString()} {start.GetProperty("line").GetInt32() + 1}:{start.GetProperty("character").GetInt32() + 1}";
            })
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
