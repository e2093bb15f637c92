using System.Diagnostics;
using System.Text;
using MmuDsl.Lsp.Protocol;
using StreamJsonRpc;

namespace MmuDsl.Lsp.Tests.Client;

/// <summary>
/// <c>mmudsl lsp</c> started as a separate process (the mmudsl.dll built beside the tests), driven
/// over its stdin and stdout by a StreamJsonRpc client with LSP framing. Dispose always ends the
/// process (by its pid, its tree included) even when a test failed; <see cref="Stderr"/> holds
/// what it logged.
/// </summary>
internal sealed class LspServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly ClientTarget _target = new();

    private LspServerProcess(Process process, JsonRpc rpc)
    {
        _process = process;
        Rpc = rpc;
    }

    public JsonRpc Rpc { get; }

    /// <summary>Every publishDiagnostics <see cref="DiagnosticsAsync"/> has read so far, in order.</summary>
    public List<PublishDiagnosticsParams> Seen { get; } = [];

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The CPU time the server process has used so far (all its threads).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static LspServerProcess Start(params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "mmudsl.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // As the VS Code extension starts it (docs/editor.md, Performance).
        start.Environment["DOTNET_gcConcurrent"] = "0";
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("lsp");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet mmudsl.dll lsp");
        var formatter = new SystemTextJsonFormatter();
        LspStringConverter.Configure(formatter.JsonSerializerOptions);
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
        var server = new LspServerProcess(process, rpc);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (server._stderr)
            {
                server._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        rpc.AddLocalRpcTarget(server._target);
        rpc.StartListening();
        return server;
    }

    public Task<T> RequestAsync<T>(string method, object? parameters, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return RequestAsync<T>(method, parameters, cts.Token);
    }

    public async Task<T> RequestAsync<T>(string method, object? parameters, CancellationToken cancellation) =>
        await Rpc.InvokeWithParameterObjectAsync<T>(method, parameters, cancellation).ConfigureAwait(false);

    public Task NotifyAsync(string method, object? parameters = null) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    public async Task<InitializeResult> InitializeAsync()
    {
        var result = await RequestAsync<InitializeResult>(MethodNames.Initialize, new { processId = Environment.ProcessId, rootUri = (string?)null, capabilities = new { } });
        await NotifyAsync(MethodNames.Initialized, new { });
        return result;
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync(MethodNames.DidOpen, new DidOpenTextDocumentParams(new TextDocumentItem(uri, "mmu", version, text)));

    public Task ChangeAsync(string uri, int version, params TextDocumentContentChangeEvent[] changes) =>
        NotifyAsync(MethodNames.DidChange, new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), changes));

    /// <summary>The first diagnostics published for <paramref name="uri"/> at <paramref name="version"/> (earlier ones are skipped).</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsAsync(string uri, int version, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            while (true)
            {
                var published = await _target.Diagnostics.Reader.ReadAsync(cts.Token);
                Seen.Add(published);
                if (published.Uri == uri && published.Version == version)
                {
                    return published;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no diagnostics for {uri} version {version} within {(timeout ?? DefaultTimeout).TotalSeconds} s; server stderr:\n{Stderr}");
        }
    }

    /// <summary>shutdown then exit; the process's exit code.</summary>
    public async Task<int> ShutdownAsync()
    {
        await RequestAsync<object?>(MethodNames.Shutdown, null);
        await NotifyAsync(MethodNames.Exit);
        using var cts = new CancellationTokenSource(DefaultTimeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
