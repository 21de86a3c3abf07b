using System.Diagnostics;
using System.Text;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>The result of one CLI run.</summary>
public sealed record CommandResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:F1}s\n{Output}";
}

/// <summary>Runs the <c>dotnet</c> CLI (or another program) the way a user or CI would, and captures everything it prints.</summary>
public static class DotNet
{
    public static string RepositoryRoot { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "repo-root.txt")).Trim();

    public static Task<CommandResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunProgramAsync("dotnet", workingDirectory, TimeSpan.FromMinutes(10), arguments);

    public static async Task<CommandResult> RunProgramAsync(string program, string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child is a user's build, not part of this test run: no inherited MSBuild node reuse or test-host settings.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }
}
