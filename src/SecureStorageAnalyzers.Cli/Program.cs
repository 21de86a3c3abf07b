using System.CommandLine;
using SecureStorageAnalyzers.Cli.Reporting;
using SecureStorageAnalyzers.Cli.Scanning;
using Spectre.Console;

namespace SecureStorageAnalyzers.Cli;

/// <summary>
/// securestorage scan PATH [--restore] [--sarif FILE] [--format console|json|markdown] [--output FILE]
///                         [--fail-on chain|error|warning|none] [--property NAME=VALUE]...
/// Exit codes: 0 nothing at the threshold, 1 findings at the threshold, 2 bad arguments, 3 nothing could be scanned.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Build().Parse(args).InvokeAsync();

    public static RootCommand Build()
    {
        var path = new Argument<string>("path") { Description = "A .sln, .slnx or .csproj file, or a folder (its solutions and projects, else its .cs files)." };
        var restore = new Option<bool>("--restore") { Description = "Run `dotnet restore` on each solution or project first." };
        var sarif = new Option<FileInfo?>("--sarif") { Description = "Also write a SARIF 2.1.0 log to FILE (for code-scanning services)." };
        var format = new Option<string>("--format") { Description = "What to print on standard output.", DefaultValueFactory = _ => "console" };
        format.AcceptOnlyFromAmong("console", "json", "markdown");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the report to FILE instead of standard output." };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding reaches this level: chain (exposure chains only), error, warning (default: every finding a build shows), none.",
            DefaultValueFactory = _ => "warning",
        };
        failOn.AcceptOnlyFromAmong("chain", "error", "warning", "none");
        var properties = new Option<string[]>("--property", "-p")
        {
            Description = "An MSBuild global property NAME=VALUE for restore and load (e.g. Configuration=Release); repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };

        var scan = new Command("scan", "Scan a repository for stored personal data exposed by ASP.NET apps, with the SecureStorageAnalyzers rules.")
        {
            path, restore, sarif, format, output, failOn, properties,
        };
        scan.SetAction((result, cancellationToken) => ScanAsync(
            result.GetValue(path)!, result.GetValue(restore), result.GetValue(sarif), result.GetValue(format)!, result.GetValue(output),
            Enum.Parse<FailOn>(result.GetValue(failOn)!, ignoreCase: true), result.GetValue(properties) ?? [], cancellationToken));

        return new RootCommand("securestorage: audit a repository you do not own for storage exposures (SecureStorageAnalyzers rules).") { scan };
    }

    private static async Task<int> ScanAsync(string path, bool restore, FileInfo? sarif, string format, FileInfo? output, FailOn failOn,
        string[] propertyArguments, CancellationToken cancellationToken)
    {
        var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in propertyArguments)
        {
            var split = argument.IndexOf('=', StringComparison.Ordinal);
            if (split <= 0)
            {
                errors.MarkupLine($"[red]--property needs NAME=VALUE, got {Markup.Escape(argument)}[/]");
                return ExitCodes.UsageError;
            }

            properties[argument[..split].Trim()] = argument[(split + 1)..].Trim();
        }

        ScanResult result;
        try
        {
            var progress = new ConsoleProgress(errors);
            var scanner = new Scanner(progress);
            result = await progress.RunAsync(() => scanner.ScanAsync(new ScanOptions(path, restore, properties), cancellationToken)).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            errors.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.UsageError;
        }

        if (sarif is not null)
        {
            await File.WriteAllTextAsync(sarif.FullName, SarifWriter.Write(result), cancellationToken).ConfigureAwait(false);
            errors.MarkupLine($"[grey]SARIF 2.1.0 written to {Markup.Escape(sarif.FullName)}[/]");
        }

        if (format == "console" && output is null)
        {
            ConsoleReport.Write(AnsiConsole.Console, result, failOn);
        }
        else
        {
            var text = format switch
            {
                "json" => JsonReport.Write(result, failOn),
                "markdown" => MarkdownReport.Write(result, failOn),
                _ => Render(result, failOn),
            };
            if (output is not null)
            {
                await File.WriteAllTextAsync(output.FullName, text, cancellationToken).ConfigureAwait(false);
                errors.MarkupLine($"[grey]report written to {Markup.Escape(output.FullName)}[/]");
            }
            else
            {
                Console.Out.Write(text);
            }
        }

        return result.Projects.Count == 0 ? ExitCodes.ScanFailed : ExitCodes.For(result, failOn);
    }

    /// <summary>The console report as plain text (for <c>--output</c> with the console format).</summary>
    private static string Render(ScanResult result, FailOn failOn)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        ConsoleReport.Write(console, result, failOn);
        return writer.ToString();
    }
}
