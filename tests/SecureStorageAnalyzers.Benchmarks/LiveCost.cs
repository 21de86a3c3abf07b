using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using SecureStorageAnalyzers.Infrastructure;

namespace SecureStorageAnalyzers.Benchmarks;

/// <summary>
/// What live analysis of SSA0001 and SSA0005 costs per document (issue #19), measured precisely:
/// <c>dotnet run -c Release --project tests/SecureStorageAnalyzers.Benchmarks -- live [scales] [repeat] [phases|rows]</c>
/// (<c>phases</c>: only where the facts' time goes; <c>rows</c>: only the per-document rows).
/// Every figure is the pack's analyzer time (telemetry <c>ExecutionTime</c>) for
/// <c>GetAnalyzerSemanticDiagnosticsAsync</c> of one document, the pack as loaded against the same pack with SSA0001 and
/// SSA0005 switched off (<c>NoWarn</c>: the rules are not created), run by run interleaved so that the machine's load
/// hits both alike; median, quartiles, minimum and maximum of the runs after a warm-up. The analyzer instances are kept
/// across compilations, as an IDE keeps them.
/// </summary>
internal static class LiveCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var scales = args.Length > 0 ? args[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() : [100, 400];
        var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        Console.WriteLine("| Folders | Document | Compilation | With SSA0001/SSA0005: median [p25–p75] (min–max) | Without | Difference of medians | Findings with / without |");
        Console.WriteLine("|---:|---|---|---|---|---:|---|");
        foreach (var scale in scales)
        {
            // The generated app plus one file whose endpoint serves a requested file with no authorization of its own: the
            // fallback policy set in Program.cs protects it, so SSA0005 must ask the whole-compilation facts to stay silent.
            var generated = CodeBaseGenerator.GenerateWebApp(scale);
            var workload = new Workload(generated with { Files = [.. generated.Files, new GeneratedFile("Features/Downloads.cs", DownloadsFile)] });
            var downloads = workload.Trees.First(t => t.FilePath.EndsWith("/Downloads.cs", StringComparison.Ordinal));
            var seeded = workload.Trees.First(t => t.FilePath.EndsWith("Endpoints.cs", StringComparison.Ordinal) &&
                                                   t.GetText().ToString().Contains(".AllowAnonymous()", StringComparison.Ordinal));
            var program = workload.Trees.First(t => t.FilePath.EndsWith("/Program.cs", StringComparison.Ordinal));
            var service = workload.Trees.First(t => t.FilePath.EndsWith("Service.cs", StringComparison.Ordinal));
            var phasesOnly = args.Length > 2 && args[2] == "phases";
            var rows = new (string Label, SyntaxTree Document, Mode Mode)[]
            {
                ("largest (FeatureRegistration.cs)", workload.LargestTree, Mode.EditElsewhere),
                ("largest (FeatureRegistration.cs)", workload.LargestTree, Mode.EditProgram),
                ("Downloads.cs (asks the facts)", downloads, Mode.EditElsewhere),
                ("Downloads.cs (asks the facts)", downloads, Mode.EditProgram),
                ("Downloads.cs (asks the facts)", downloads, Mode.EditInDocument),
                ("seeded SSA0005 endpoints", seeded, Mode.EditInDocument),
            };
            foreach (var (label, document, mode) in phasesOnly ? [] : rows)
            {
                {
                    var (with, without, findingsWith, findingsWithout) = Interleaved(workload, document, mode == Mode.EditProgram ? program : service, mode, repeat);
                    Console.WriteLine($"| {scale} | {label} | {Describe(mode)} | {Format(with)} | {Format(without)} | {with.Median - without.Median:F2} | {findingsWith} / {findingsWithout} |");
                }
            }

            if (!(args.Length > 2 && args[2] == "rows"))
            {
                Console.WriteLine("After a one-character edit of a service file:");
                Phases(workload, service, repeat);
                Console.WriteLine("After a one-character edit of Program.cs (top-level statements):");
                Phases(workload, program, repeat);
            }
        }

        return 0;
    }

    private const string DownloadsFile = """
        namespace Contoso.Portal.Features;

        public static class Downloads
        {
            public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder endpoints)
            {
                endpoints.MapGet("/downloads/{name}", (string name) => Results.File(Path.Combine("/srv/downloads", name), "application/octet-stream"));
                return endpoints;
            }
        }

        """;

    internal enum Mode
    {
        /// <summary>A new compilation over the same trees (after any change of the project, or of another document's text that was undone).</summary>
        SameTrees,

        /// <summary>One service file edited by one character, the others the previous compilation's.</summary>
        EditElsewhere,

        /// <summary>The analyzed document itself edited by one character (typing in the open file).</summary>
        EditInDocument,

        /// <summary><c>Program.cs</c> edited by one character inside its top-level statements, the others the previous compilation's.</summary>
        EditProgram,
    }

    private static string Describe(Mode mode) => mode switch
    {
        Mode.SameTrees => "same trees, new compilation",
        Mode.EditElsewhere => "after a one-character edit of another file",
        Mode.EditProgram => "after a one-character edit of Program.cs (top-level statements)",
        _ => "after a one-character edit of this file",
    };

    private static string Format(Sample s)
    {
        var sorted = s.Values.OrderBy(v => v).ToArray();
        double Q(double p) => sorted[(int)Math.Round(p * (sorted.Length - 1))];
        return $"{s.Median:F2} [{Q(0.25):F2}–{Q(0.75):F2}] ({s.Min:F2}–{s.Max:F2})";
    }

    private static (Sample With, Sample Without, int FindingsWith, int FindingsWithout) Interleaved(Workload workload, SyntaxTree document, SyntaxTree elsewhere, Mode mode, int repeat)
    {
        var with = new List<double>();
        var without = new List<double>();
        var findingsWith = 0;
        var findingsWithout = 0;

        // One analyzer set per configuration, kept across its compilations (its per-tree syntax cache too), as in an IDE.
        var ours = AnalyzerSet.OurPack();
        var oursOff = AnalyzerSet.OurPack();
        var off = workload.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            [DiagnosticIds.PrivateFilesServedAnonymously] = ReportDiagnostic.Suppress,
            [DiagnosticIds.AnonymousEndpointServesRequestedFile] = ReportDiagnostic.Suppress,
        });
        var trees = workload.Trees.ToList();
        var edits = 0;
        for (var run = -2; run < repeat; run++)
        {
            foreach (var disabled in new[] { false, true })
            {
                var options = disabled ? off : workload.Options;
                var set = disabled ? oursOff : ours;
                var previous = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, options);
                var open = document;
                Compilation compilation = previous;
                if (mode != Mode.SameTrees)
                {
                    // The previous compilation analyzed the open document (the IDE did so before the keystroke).
                    _ = PreScan.Analyze(previous, workload, set, document, out _);
                    var target = mode is Mode.EditElsewhere or Mode.EditProgram ? elsewhere : document;
                    var text = target.GetText();
                    var at = text.ToString().IndexOf(mode == Mode.EditProgram ? "app.UseHttpsRedirection" : "return", StringComparison.Ordinal);
                    if (at < 0)
                    {
                        at = text.ToString().IndexOf("app.", StringComparison.Ordinal);
                    }

                    // Alternate insert and remove, so the text stays the same over the runs and each edit is a new tree.
                    var change = edits++ % 2 == 0 ? new TextChange(new TextSpan(at, 0), " ") : new TextChange(new TextSpan(at, 0), "\t");
                    var edited = target.WithChangedText(text.WithChanges(change));
                    compilation = previous.ReplaceSyntaxTree(target, edited);
                    if (target == document)
                    {
                        open = edited;
                    }
                }

                var time = PreScan.Analyze(compilation, workload, set, open, out var findings);
                if (run >= 0)
                {
                    (disabled ? without : with).Add(time);
                }

                if (disabled)
                {
                    findingsWithout = findings;
                }
                else
                {
                    findingsWith = findings;
                }
            }
        }

        return (new Sample(with), new Sample(without), findingsWith, findingsWithout);
    }

    /// <summary>
    /// Where the facts' time goes after a one-tree edit: the facts alone (<see cref="CompilationFacts"/> with a warm
    /// per-tree cache), then in another compilation, one after the other: a semantic model per tree, the declared symbols
    /// of the extension methods, binding the cached candidate nodes. Time and allocations of this thread.
    /// </summary>
    private static void Phases(Workload workload, SyntaxTree elsewhere, int repeat)
    {
        var cache = new CompilationFacts.SyntaxCache();
        var trees = workload.Trees.ToList();
        var total = new List<double>();
        var totalDeclared = new List<double>();
        var declared = new List<double>();
        var bound = new List<double>();
        var models = new List<double>();
        var allocated = new List<double>();
        var firstKeystroke = new List<double>();
        var counts = (Methods: 0, Candidates: 0, Trees: 0);
        var first = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
        _ = Facts(first, workload, cache);
        var edits = 0;
        Compilation Edited()
        {
            var text = elsewhere.GetText();
            var at = text.ToString().IndexOf(elsewhere.FilePath.EndsWith("/Program.cs", StringComparison.Ordinal) ? "app.UseHttpsRedirection" : "return", StringComparison.Ordinal);
            var change = edits++ % 2 == 0 ? new TextChange(new TextSpan(at, 0), " ") : new TextChange(new TextSpan(at, 0), "\t");
            // No declaration diagnostics: the analyzer driver's compilation is a clone whose symbols are created anew.
            return first.ReplaceSyntaxTree(elsewhere, elsewhere.WithChangedText(text.WithChanges(change)));
        }

        for (var run = -2; run < repeat; run++)
        {
            var c1 = Edited();
            var shared = CompilationFacts.For(WellKnownTypes.GetOrCreate(c1));
            shared.UseSyntaxCache(cache);
            Measurements.Settle();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            _ = shared.Get(c1, workload.AnalyzerOptions, CancellationToken.None);
            watch.Stop();
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;

            var c0 = Edited();
            _ = c0.GetDeclarationDiagnostics();
            var shared0 = CompilationFacts.For(WellKnownTypes.GetOrCreate(c0));
            shared0.UseSyntaxCache(cache);
            Measurements.Settle();
            var declaredWatch = Stopwatch.StartNew();
            _ = shared0.Get(c0, workload.AnalyzerOptions, CancellationToken.None);
            declaredWatch.Stop();

            var c2 = Edited();
            Measurements.Settle();
            var modelWatch = Stopwatch.StartNew();
            foreach (var tree in c2.SyntaxTrees)
            {
                _ = c2.GetSemanticModel(tree);
            }

            modelWatch.Stop();
            var declWatch = Stopwatch.StartNew();
            var methods = 0;
            foreach (var tree in c2.SyntaxTrees)
            {
                var declarations = cache.Get(tree).Declarations(tree, CancellationToken.None);
                if (declarations.ExtensionMethods.IsEmpty)
                {
                    continue;
                }

                var model = c2.GetSemanticModel(tree);
                foreach (var method in declarations.ExtensionMethods)
                {
                    methods++;
                    _ = model.GetDeclaredSymbol(method) is { Parameters: { Length: > 0 } p } ? p[0].Type.AllInterfaces.Length : 0;
                }
            }

            declWatch.Stop();

            var c3 = c2;
            var bindWatch = Stopwatch.StartNew();
            var candidates = 0;
            var withCandidates = 0;
            foreach (var tree in c3.SyntaxTrees)
            {
                var nodes = cache.Get(tree).Candidates(requestData: false)?.Nodes ?? default;
                if (nodes.IsDefaultOrEmpty)
                {
                    continue;
                }

                withCandidates++;
                var model = c3.GetSemanticModel(tree);
                foreach (var node in nodes)
                {
                    candidates++;
                    _ = model.GetOperation(node) is IInvocationOperation invocation ? CompilationFacts.OwnerOf(invocation, CancellationToken.None) : null;
                }
            }

            bindWatch.Stop();
            counts = (methods, candidates, withCandidates);

            // The first keystroke after a project loads: a new analyzer instance (an empty cache) has seen one compilation.
            var loaded = new CompilationFacts.SyntaxCache();
            var load = CSharpCompilation.Create(workload.CodeBase.Name, trees, workload.References, workload.Options);
            var atLoad = CompilationFacts.For(WellKnownTypes.GetOrCreate(load));
            atLoad.UseSyntaxCache(loaded);
            _ = atLoad.Get(load, workload.AnalyzerOptions, CancellationToken.None);
            var c4 = Edited();
            var afterLoad = CompilationFacts.For(WellKnownTypes.GetOrCreate(c4));
            afterLoad.UseSyntaxCache(loaded);
            Measurements.Settle();
            var firstWatch = Stopwatch.StartNew();
            _ = afterLoad.Get(c4, workload.AnalyzerOptions, CancellationToken.None);
            firstWatch.Stop();
            if (run >= 0)
            {
                firstKeystroke.Add(firstWatch.Elapsed.TotalMilliseconds);
                total.Add(watch.Elapsed.TotalMilliseconds);
                totalDeclared.Add(declaredWatch.Elapsed.TotalMilliseconds);
                allocated.Add(bytes / 1024.0);
                models.Add(modelWatch.Elapsed.TotalMilliseconds);
                declared.Add(declWatch.Elapsed.TotalMilliseconds);
                bound.Add(bindWatch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Facts alone after a one-tree edit ({workload.Trees.Length} trees, {counts.Methods} extension-method declarations, {counts.Candidates} candidate nodes in {counts.Trees} trees):");
        Console.WriteLine($"- whole facts: {Format(new Sample(total))} ms, {new Sample(allocated).Median:F0} KB allocated (median)");
        Console.WriteLine($"- whole facts, the first keystroke after the project loads (the instance has seen one compilation): {Format(new Sample(firstKeystroke))} ms");
        Console.WriteLine($"- whole facts, the compilation's declarations complete beforehand: {Format(new Sample(totalDeclared))} ms");
        Console.WriteLine($"- a semantic model per tree: {Format(new Sample(models))} ms");
        Console.WriteLine($"- declared symbols of the extension methods: {Format(new Sample(declared))} ms");
        Console.WriteLine($"- binding the candidates: {Format(new Sample(bound))} ms");
        Console.WriteLine();
    }

    private static CompilationFacts.Facts Facts(Compilation compilation, Workload workload, CompilationFacts.SyntaxCache cache)
    {
        var shared = CompilationFacts.For(WellKnownTypes.GetOrCreate(compilation));
        shared.UseSyntaxCache(cache);
        return shared.Get(compilation, workload.AnalyzerOptions, CancellationToken.None);
    }
}
