using System.Text.RegularExpressions;

namespace SecureStorageAnalyzers.TestShared;

/// <summary>The three consumer projects of the package tests that build the rule pages' examples.</summary>
public enum ExampleConsumer
{
    /// <summary><c>net8.0</c> web project (the end-to-end <c>Net8ConsumerTests</c>): the rules of <c>Hosting/</c>.</summary>
    Net8,

    /// <summary><c>net10.0</c> web project with the four cloud storage SDKs (<c>CloudConsumerTests</c>): the rules of
    /// <c>CloudStorage/</c>, <c>PersonalData/</c> and <c>ExposureChain/</c>, whose pages use the SDKs.</summary>
    Cloud,

    /// <summary><c>net48</c> System.Web library (<c>Net48ConsumerTests</c>): the rules of <c>Iis/</c>.</summary>
    Net48,
}

/// <summary>One C# or XML block of a rule page's "Non-compliant examples" or "Compliant examples".</summary>
public sealed record PageExample(string RuleId, bool Compliant, int Number, string Language, IReadOnlyList<string> Lines, int FirstLine)
{
    public string Page => $"docs/rules/{RuleId}.md";

    public string Kind => Compliant ? "Compliant" : "NonCompliant";

    public override string ToString() => $"{Page}, {(Compliant ? "compliant" : "non-compliant")} example {Number} (the block at line {FirstLine})";
}

/// <summary>
/// A file of a consumer project made from a page's example: its path under the consumer's folder, its text, and for each
/// of its lines the page's line it comes from (0 for a line the test added).
/// </summary>
public sealed record ExampleFile(PageExample Example, string RelativePath, string Text, IReadOnlyList<int> PageLines)
{
    /// <summary>The lines (1-based) of this file that a marker comment says the page's rule reports.</summary>
    public IReadOnlyList<int> MarkedLines()
    {
        var marker = new Regex((Example.Language == "xml" ? @"<!--\s*" : @"//\s*") + Example.RuleId + @"\b");
        return Text.Split('\n').Select((line, i) => (line, i)).Where(l => marker.IsMatch(l.line)).Select(l => l.i + 1).ToList();
    }

    public int PageLineOf(int fileLine) => fileLine >= 1 && fileLine <= PageLines.Count ? PageLines[fileLine - 1] : 0;
}

/// <summary>
/// The examples of a rule page (docs/rules/SSAxxxx.md) read and turned into C# files and <c>web.config</c> files by the
/// convention of docs/rules/README.md ("Examples are built"): a C# block that declares a type is a file as written; any
/// other C# block is statements, put into a method whose parameters are the names the examples share; an XML block is a
/// <c>web.config</c> in a folder of its own. Each example is in a namespace of its own, so two pages may declare the same
/// type. Shared by the package tests, which build them with the packed package, and the unit tests, which apply each
/// rule's fixes to them (compiled into both projects).
/// </summary>
public static partial class RulePageExampleReader
{
    public const string Folder = "Examples";

    /// <summary>A line before a block's fence that keeps it out of the build, with the reason (see docs/rules/README.md).</summary>
    public const string NotBuiltMarker = "<!-- not built:";

    /// <summary>The namespaces every example of the consumer sees, beside the project's implicit ones.</summary>
    public static IReadOnlyList<string> Usings(ExampleConsumer consumer) => consumer switch
    {
        ExampleConsumer.Net48 => ["System", "System.IO", "System.Web"],
        _ => [
            "System.Security.Claims", "Microsoft.AspNetCore.Authorization", "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.Mvc",
            "Microsoft.Extensions.FileProviders", "Microsoft.Extensions.Options",
            .. consumer == ExampleConsumer.Cloud
                ? (string[])["Azure.Storage.Blobs", "Azure.Storage.Blobs.Models", "Azure.Storage.Sas", "Amazon.S3", "Amazon.S3.Model",
                    "Google.Cloud.Storage.V1", "Google.Apis.Storage.v1.Data", "Minio", "Minio.DataModel.Args"]
                : [],
        ],
    };

    /// <summary>The parameters of the method a statements example is put into: the names the examples share.</summary>
    public static string Parameters(ExampleConsumer consumer) => consumer switch
    {
        ExampleConsumer.Net48 => "HttpContext context",
        ExampleConsumer.Net8 => "WebApplicationBuilder builder, WebApplication app",
        _ => "WebApplicationBuilder builder, WebApplication app, BlobServiceClient blobs, BlobContainerClient container, BlobClient blob, IAmazonS3 s3, " +
             "StorageClient storage, UrlSigner signer, IMinioClient minio, IdentityUser user, string key, string name, Stream audio, Stream stream",
    };

    /// <summary>Every example of the rule's page, in page order (the blocks marked not built left out).</summary>
    public static IReadOnlyList<PageExample> Read(string repositoryRoot, string ruleId)
    {
        var path = Path.Combine(repositoryRoot, "docs", "rules", ruleId + ".md");
        var lines = File.ReadAllLines(path);
        var examples = new List<PageExample>();
        bool? compliant = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                compliant = lines[i].TrimEnd() switch
                {
                    "## Non-compliant examples" => false,
                    "## Compliant examples" => true,
                    _ => null,
                };
                continue;
            }

            if (compliant is null || !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var language = lines[i][3..].Trim();
            var start = i;
            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0)
            {
                throw new InvalidOperationException($"docs/rules/{ruleId}.md: the block at line {start + 1} is never closed");
            }

            i = end;
            var notBuilt = start > 0 && lines[start - 1].StartsWith(NotBuiltMarker, StringComparison.Ordinal);
            if (notBuilt || language is not ("csharp" or "xml"))
            {
                continue;
            }

            var number = examples.Count(e => e.Compliant == compliant) + 1;
            examples.Add(new PageExample(ruleId, compliant.Value, number, language, lines[(start + 1)..end], start + 2));
        }

        return examples;
    }

    private static string NamespaceOf(PageExample example) => $"RulePages.{example.RuleId}_{example.Kind}_{example.Number}";

    /// <summary>
    /// A C# block, split into files at lines <c>// Name.cs</c>; a part that declares a type is written as it is, any
    /// other part is statements, put into a method.
    /// </summary>
    public static IEnumerable<ExampleFile> CSharpFiles(PageExample example, ExampleConsumer consumer)
    {
        var parts = new List<(string? Name, List<(string Line, int PageLine)> Lines)> { (null, []) };
        for (var i = 0; i < example.Lines.Count; i++)
        {
            var fileName = FileNameComment().Match(example.Lines[i]);
            if (fileName.Success)
            {
                parts.Add((Path.GetFileNameWithoutExtension(fileName.Groups["name"].Value), []));
                continue;
            }

            parts[^1].Lines.Add((example.Lines[i], example.FirstLine + i));
        }

        foreach (var (name, lines) in parts.Where(p => p.Lines.Any(l => l.Line.Trim().Length > 0)))
        {
            var text = new List<(string Line, int PageLine)>
            {
                ($"// Made from {example.Page} by the end-to-end tests (docs/rules/README.md, \"Examples are built\").", 0),
            };
            text.AddRange(Usings(consumer).Select(u => ($"using {u};", 0)));
            var directives = lines.TakeWhile(l => UsingDirective().IsMatch(l.Line) || l.Line.Trim().Length == 0).ToList();
            text.AddRange(directives);
            var body = lines.Skip(directives.Count).ToList();
            var @namespace = NamespaceOf(example);
            text.Add(($"namespace {@namespace}", 0));
            text.Add(("{", 0));
            // Written like a Program.cs: statements first, then the types the block declares.
            var firstType = body.FindIndex(l => TypeDeclaration().IsMatch(l.Line));
            var statements = firstType < 0 ? body : body[..firstType];
            if (statements.Any(l => l.Line.Trim().Length > 0 && !l.Line.TrimStart().StartsWith("//", StringComparison.Ordinal)))
            {
                var declared = statements.Select(l => DeclaredLocal().Match(l.Line)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet();
                var parameters = Parameters(consumer).Split(", ").Where(p => !declared.Contains(p.Split(' ')[^1])).Append("string[] args");
                text.Add(($"public static class {name ?? "Example"}Statements", 0));
                text.Add(("{", 0));
                text.Add(($"public static {(consumer == ExampleConsumer.Net48 ? "void" : "async System.Threading.Tasks.Task")} Run({string.Join(", ", parameters)})", 0));
                text.Add(("{", 0));
                text.AddRange(statements);
                text.Add(("}", 0));
                text.Add(("}", 0));
            }
            else
            {
                text.AddRange(statements);
            }

            if (firstType >= 0)
            {
                text.AddRange(body[firstType..]);
            }

            text.Add(("}", 0));
            var file = $"{example.RuleId}.{example.Kind}.{example.Number}{(name is null ? "" : "." + name)}.cs";
            yield return new ExampleFile(example, $"{Folder}/{file}", string.Join('\n', text.Select(t => t.Line)) + "\n", text.Select(t => t.PageLine).ToList());
        }
    }

    /// <summary>
    /// An XML block as <c>Examples/&lt;example&gt;/web.config</c>, the IIS configuration of that folder: a block that is not a
    /// whole <c>&lt;configuration&gt;</c> is put inside the elements that hold its first element.
    /// </summary>
    public static ExampleFile WebConfig(PageExample example)
    {
        var first = example.Lines.Select(l => FirstElement().Match(l)).FirstOrDefault(m => m.Success)?.Groups["name"].Value
                    ?? throw new InvalidOperationException($"{example}: no XML element");
        string[] parents = first switch
        {
            "configuration" => [],
            "system.web" or "system.webServer" or "location" => ["configuration"],
            "hiddenSegments" => ["configuration", "system.webServer", "security", "requestFiltering"],
            "modules" or "staticContent" or "directoryBrowse" => ["configuration", "system.webServer"],
            "authorization" => ["configuration", "system.web"],
            _ => throw new InvalidOperationException(
                $"{example}: an XML example starts with <{first}>, which the end-to-end tests do not know where to put: " +
                "write it from <configuration>, or add its parents to RulePageExamples.WebConfig"),
        };
        var text = new List<(string Line, int PageLine)>();
        text.AddRange(parents.Select(p => ($"<{p}>", 0)));
        text.AddRange(example.Lines.Select((l, i) => (l, example.FirstLine + i)));
        text.AddRange(parents.Reverse().Select(p => ($"</{p}>", 0)));
        return new ExampleFile(example, $"{Folder}/{example.RuleId}.{example.Kind}.{example.Number}/web.config",
            string.Join('\n', text.Select(t => t.Line)) + "\n", text.Select(t => t.PageLine).ToList());
    }

    [GeneratedRegex(@"^// (?<name>\w+)\.cs\s*$")]
    private static partial Regex FileNameComment();

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>]+)?\s*;\s*$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^(\[|((public|internal|static|sealed|abstract|partial|file)\s+)*(class|record|struct|interface|enum)\s)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(await\s+)?(using\s+)?var\s+(?<name>\w+)\s*=")]
    private static partial Regex DeclaredLocal();

    [GeneratedRegex(@"<(?<name>[A-Za-z][\w.]*)")]
    private static partial Regex FirstElement();
}
