using System.Globalization;
using Microsoft.CodeAnalysis;
using SecureStorageAnalyzers.Cli.Scanning;
using Spectre.Console;

namespace SecureStorageAnalyzers.Cli.Reporting;

/// <summary>The console summary: exposure chains first, then the rules by rank with their counts, the findings, the projects.</summary>
public static class ConsoleReport
{
    public static void Write(IAnsiConsole console, ScanResult result, FailOn failOn)
    {
        console.Write(new Rule("[bold]Exposure chains[/]").LeftJustified());
        var chains = result.Chains.ToList();
        if (chains.Count == 0)
        {
            console.MarkupLine("None found.");
        }

        foreach (var chain in chains)
        {
            console.MarkupLine($"[red bold]{chain.RuleId}[/] {Markup.Escape(MarkdownReport.Place(chain.Location))}: {Markup.Escape(chain.Message)}");
            foreach (var related in chain.RelatedLocations)
            {
                console.MarkupLine($"    [grey]↳ {Markup.Escape(MarkdownReport.Place(related))}[/]");
            }
        }

        console.WriteLine();
        console.Write(new Rule("[bold]Findings by rule[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Rule").AddColumn(new TableColumn("Score").RightAligned()).AddColumn(new TableColumn("Findings").RightAligned()).AddColumn("Title");
        foreach (var rule in result.Catalog.Ranked)
        {
            var count = result.Findings.Count(f => f.RuleId == rule.Id);
            table.AddRow(
                new Markup(count > 0 ? $"[bold]{rule.Id}[/]" : rule.Id),
                new Text(rule.SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture)),
                new Markup(count > 0 ? $"[yellow]{count}[/]" : "0"),
                new Text(rule.Title + (rule.HasCodeFix ? " (code fix)" : "")));
        }

        console.Write(table);
        foreach (var group in result.Ranked.GroupBy(f => f.RuleId))
        {
            var rule = result.Catalog.Get(group.Key);
            console.MarkupLine($"[bold]{rule.Id}[/] {Markup.Escape(rule.Title)} [grey]{Markup.Escape(rule.HelpUri)}[/]");
            foreach (var finding in group)
            {
                var color = finding.Severity == DiagnosticSeverity.Error ? "red" : finding.Severity == DiagnosticSeverity.Warning ? "yellow" : "grey";
                console.MarkupLine($"  [{color}]{Summary.Severity(finding.Severity)}[/] {Markup.Escape(MarkdownReport.Place(finding.Location))}: {Markup.Escape(finding.Message)}");
            }
        }

        console.WriteLine();
        console.Write(new Rule("[bold]Projects[/]").LeftJustified());
        var projects = new Table().Border(TableBorder.Simple)
            .AddColumn("Project").AddColumn("Loaded by").AddColumn(new TableColumn("Lines").RightAligned())
            .AddColumn(new TableColumn("Compile errors").RightAligned()).AddColumn(new TableColumn("Errors/1k lines").RightAligned()).AddColumn(new TableColumn("Findings").RightAligned());
        foreach (var project in result.Projects)
        {
            projects.AddRow(
                new Text(project.Path),
                new Text(project.LoadedBy),
                new Text(project.Lines.ToString(CultureInfo.InvariantCulture)),
                new Text(project.CompileErrors.ToString(CultureInfo.InvariantCulture)),
                new Text(project.ErrorsPerThousandLines.ToString("0.0", CultureInfo.InvariantCulture)),
                new Text(project.Findings.ToString(CultureInfo.InvariantCulture)));
        }

        console.Write(projects);
        if (result.Projects.Any(p => p.Mode == LoadMode.Fallback))
        {
            console.MarkupLine("[grey]fallback: compiled from its .cs files against the SDK's reference assemblies only; every compile error is code the rules may not have understood, so a clean result there is weaker.[/]");
        }

        foreach (var problem in result.Problems)
        {
            console.MarkupLine($"[yellow]problem:[/] {Markup.Escape(problem)}");
        }

        console.WriteLine();
        var exit = ExitCodes.For(result, failOn);
        console.MarkupLine($"{Markup.Escape(Summary.Headline(result))} Exit code {exit} (--fail-on {failOn.ToString().ToLowerInvariant()}).");
    }

}

/// <summary>Progress on standard error: one line per step and per finished project (a live spinner when it is a terminal).</summary>
public sealed class ConsoleProgress(IAnsiConsole console) : IScanProgress
{
    private StatusContext? _status;

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work().ConfigureAwait(false);
        }

        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync("Starting", async context =>
        {
            _status = context;
            try
            {
                return await work().ConfigureAwait(false);
            }
            finally
            {
                _status = null;
            }
        }).ConfigureAwait(false);
    }

    public void Step(string message)
    {
        if (_status is { } status)
        {
            status.Status(Markup.Escape(message));
        }
        else
        {
            console.MarkupLine($"[grey]{Markup.Escape(message)}[/]");
        }
    }

    public void ProjectDone(ProjectReport project)
    {
        var mode = project.Mode == LoadMode.MSBuild ? "MSBuild" : "[yellow]fallback[/]";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[green]✓[/] {Markup.Escape(project.Name)} ({mode}): {project.Lines} lines, {project.CompileErrors} compile errors ({project.ErrorsPerThousandLines:0.0}/1k lines), {project.Findings} findings, {project.AnalysisTime.TotalSeconds:0.0} s"));
    }
}
