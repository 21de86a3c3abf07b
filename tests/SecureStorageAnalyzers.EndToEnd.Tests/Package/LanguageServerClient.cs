using System.Diagnostics;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;

namespace SecureStorageAnalyzers.EndToEnd.Tests.Package;

/// <summary>
/// A minimal LSP client over a language server's stdin/stdout, with StreamJsonRpc doing the framing
/// (Content-Length headers) and JSON-RPC. It answers what csharp-ls asks of an editor and records what it is told.
/// </summary>
public sealed class LanguageServerClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly JsonRpc _rpc;
    private readonly StringBuilder _stderr = new();
    private readonly ClientTarget _target;

    private LanguageServerClient(Process process, JsonRpc rpc, ClientTarget target)
    {
        _process = process;
        _rpc = rpc;
        _target = target;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Set once the server has asked for the <c>csharp</c> settings and been answered.</summary>
    public Task ConfigurationAnswered => _target.ConfigurationAnswered.Task;

    /// <summary>Everything the server said that helps explain a failure: stderr, log messages, pushed diagnostics.</summary>
    public string Transcript
    {
        get
        {
            string stderr;
            lock (_stderr)
            {
                stderr = _stderr.ToString();
            }

            return $"--- server stderr ---\n{stderr}\n--- server messages ---\n{_target.Messages()}\n" +
                   $"--- exited: {(_process.HasExited ? $"yes, code {_process.ExitCode}" : "no")} ---";
        }
    }

    /// <summary>Diagnostics the server pushed with <c>textDocument/publishDiagnostics</c>, by document URI (latest wins).</summary>
    public IReadOnlyDictionary<string, JsonElement> PublishedDiagnostics => _target.Published();

    public static LanguageServerClient Start(string program, string workingDirectory, object csharpSettings, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The server locates MSBuild itself, as it would when an editor starts it: nothing from this test host's build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en-US";

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var formatter = new SystemTextJsonFormatter();
        var handler = new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter);
        var rpc = new JsonRpc(handler);
        var target = new ClientTarget(csharpSettings);
        rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
        rpc.StartListening();
        return new LanguageServerClient(process, rpc, target);
    }

    public Task<JsonElement> RequestAsync(string method, object parameters, CancellationToken cancellationToken) =>
        _rpc.InvokeWithParameterObjectAsync<JsonElement>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters) =>
        _rpc.NotifyWithParameterObjectAsync(method, parameters ?? new { });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                using var polite = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await RequestAsync("shutdown", new { }, polite.Token);
                await NotifyAsync("exit", null);
                await _process.WaitForExitAsync(polite.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or RemoteInvocationException or ConnectionLostException or ObjectDisposedException or IOException)
        {
            // The server is ended below in any case.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _rpc.Dispose();
            _process.Dispose();
        }
    }

    /// <summary>The client side of the protocol: the requests and notifications csharp-ls sends to an editor.</summary>
    private sealed class ClientTarget(object csharpSettings)
    {
        private readonly StringBuilder _messages = new();
        private readonly Dictionary<string, JsonElement> _published = [];

        public TaskCompletionSource ConfigurationAnswered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Messages()
        {
            lock (_messages)
            {
                return _messages.ToString();
            }
        }

        public IReadOnlyDictionary<string, JsonElement> Published()
        {
            lock (_published)
            {
                return new Dictionary<string, JsonElement>(_published);
            }
        }

        /// <summary>The editor's settings, one answer per requested item; csharp-ls asks for the <c>csharp</c> section.</summary>
        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public object?[] WorkspaceConfiguration(JsonElement parameters)
        {
            var items = parameters.GetProperty("items").EnumerateArray().ToList();
            Log($"workspace/configuration {parameters}");
            var answer = items.Select(item =>
                item.TryGetProperty("section", out var section) && section.GetString() == "csharp"
                    ? csharpSettings
                    : null).ToArray();
            ConfigurationAnswered.TrySetResult();
            return answer;
        }

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JsonElement parameters)
        {
            Log($"client/registerCapability {parameters}");
            return null;
        }

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JsonElement parameters) => null;

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JsonElement parameters) => Log($"logMessage: {parameters.GetProperty("message").GetString()}");

        [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
        public void ShowMessage(JsonElement parameters) => Log($"showMessage: {parameters.GetProperty("message").GetString()}");

        [JsonRpcMethod("$/logTrace", UseSingleObjectParameterDeserialization = true)]
        public void LogTrace(JsonElement parameters) => Log($"logTrace: {parameters}");

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public void Progress(JsonElement parameters)
        {
        }

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JsonElement parameters)
        {
            var uri = parameters.GetProperty("uri").GetString()!;
            lock (_published)
            {
                _published[uri] = parameters.GetProperty("diagnostics").Clone();
            }

            Log($"publishDiagnostics {uri}: {parameters.GetProperty("diagnostics").GetArrayLength()} items");
        }

        private void Log(string line)
        {
            lock (_messages)
            {
                _messages.AppendLine(line);
            }
        }
    }
}
