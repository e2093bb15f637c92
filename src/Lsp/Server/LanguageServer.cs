using MmuDsl.Lsp.Analysis;
using MmuDsl.Lsp.Documents;
using MmuDsl.Lsp.Features;
using MmuDsl.Lsp.Protocol;
using StreamJsonRpc;

namespace MmuDsl.Lsp.Server;

/// <summary>
/// The JSON-RPC target: one method per LSP message this server answers. Handlers run one at a
/// time in the order the messages arrived (the host's synchronization context), so edits apply
/// in order; they only update state or read an analysis, and every analysis runs off this path.
/// A request before <c>initialize</c> is refused with ServerNotInitialized, one after
/// <c>shutdown</c> with InvalidRequest; a request for a document that is not open answers
/// nothing.
/// </summary>
internal sealed partial class LanguageServer
{
    private const int ServerNotInitialized = -32002;
    private const int InvalidRequest = -32600;

    private readonly Dictionary<string, DocumentSession> _documents = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly ServerOptions _options;
    private readonly TextWriter _log;
    private readonly SemaphoreSlim _runGate = new(1, 1);
    private readonly TaskCompletionSource _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Timer _idleTrim;
    private JsonRpc? _rpc;
    private bool _initialized;

    public LanguageServer(ServerOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
        _idleTrim = new Timer(_ => GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true));
    }

    /// <summary>How long after its last analysis a quiet server gives its free memory back to the system.</summary>
    public static TimeSpan IdleTrimDelay { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Completes on the <c>exit</c> notification.</summary>
    public Task Exited => _exit.Task;

    /// <summary>True once <c>shutdown</c> was received.</summary>
    public bool ShutdownRequested { get; private set; }

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    [JsonRpcMethod(MethodNames.Initialize, UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams? parameters)
    {
        _ = parameters;
        _initialized = true;
        return new InitializeResult(
            new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: TextDocumentSyncKind.Incremental),
                HoverProvider = true,
                DefinitionProvider = true,
                ReferencesProvider = true,
                CompletionProvider = new CompletionOptions([".", "@", "$"]),
                DocumentSymbolProvider = true,
                FoldingRangeProvider = true,
                DocumentFormattingProvider = true,
            },
            new ServerInfo("mmudsl", typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    [JsonRpcMethod(MethodNames.Initialized)]
    public void Initialized()
    {
    }

    [JsonRpcMethod(MethodNames.Shutdown)]
    public object? Shutdown()
    {
        Require();
        ShutdownRequested = true;
        lock (_lock)
        {
            foreach (var session in _documents.Values)
            {
                session.Close();
            }
        }

        return null;
    }

    [JsonRpcMethod(MethodNames.Exit)]
    public void Exit() => _exit.TrySetResult();

    [JsonRpcMethod(MethodNames.DidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams parameters)
    {
        if (!_initialized || ShutdownRequested || parameters?.TextDocument?.Uri is not { } uri)
        {
            return;
        }

        var document = new OpenDocument(uri, parameters.TextDocument.Version, parameters.TextDocument.Text ?? string.Empty);
        lock (_lock)
        {
            if (_documents.TryGetValue(uri, out var open))
            {
                open.Update(document);
                return;
            }

            _documents[uri] = new DocumentSession(document, _options, OpenText, _runGate, Completed);
        }
    }

    [JsonRpcMethod(MethodNames.DidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams parameters)
    {
        if (ShutdownRequested || parameters?.TextDocument?.Uri is not { } uri || Session(uri) is not { } session)
        {
            return;
        }

        _idleTrim.Change(Timeout.Infinite, Timeout.Infinite);
        var current = session.Document;
        string text = TextEdits.Apply(current.Text, parameters.ContentChanges ?? []);
        session.Update(new OpenDocument(uri, parameters.TextDocument.Version, text));
    }

    [JsonRpcMethod(MethodNames.DidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams parameters)
    {
        if (parameters?.TextDocument?.Uri is not { } uri)
        {
            return;
        }

        DocumentSession? session;
        lock (_lock)
        {
            if (_documents.Remove(uri, out session))
            {
                session.Close();
            }
        }

        if (session != null)
        {
            Publish(new PublishDiagnosticsParams(uri, null, []));
        }
    }

    [JsonRpcMethod(MethodNames.DidSave)]
    public void DidSave()
    {
    }

    private DocumentSession? Session(string? uri)
    {
        if (uri == null)
        {
            return null;
        }

        lock (_lock)
        {
            return _documents.GetValueOrDefault(uri);
        }
    }

    /// <summary>The text of an open document with this path (includes read the editor's text, not the disk's).</summary>
    private string? OpenText(string path)
    {
        lock (_lock)
        {
            foreach (var session in _documents.Values)
            {
                var document = session.Document;
                if (string.Equals(document.Path, path, StringComparison.Ordinal))
                {
                    return document.Text;
                }
            }
        }

        return null;
    }

    private void Completed(AnalysisJob job, Task<RunModel> run)
    {
        if (run.IsFaulted)
        {
            _log.WriteLine($"mmudsl lsp: the analysis of {job.Document.Uri} (version {job.Document.Version}) failed: {run.Exception?.GetBaseException()}");
            return;
        }

        if (!run.IsCompletedSuccessfully || Session(job.Document.Uri) is not { } session || !session.IsCurrent(job))
        {
            return;
        }

        Publish(new PublishDiagnosticsParams(job.Document.Uri, job.Document.Version, run.Result.Diagnostics));

        // Each analysis allocates tens of megabytes that the GC keeps committed; once the editor
        // is quiet, a compacting collection returns them (bench lsp: working set after 1,000 edits).
        _idleTrim.Change(IdleTrimDelay, Timeout.InfiniteTimeSpan);
    }

    private void Publish(PublishDiagnosticsParams diagnostics)
    {
        if (_rpc is not { IsDisposed: false } rpc)
        {
            return;
        }

        _ = rpc.NotifyWithParameterObjectAsync(MethodNames.PublishDiagnostics, diagnostics).ContinueWith(
            t => _log.WriteLine($"mmudsl lsp: could not publish diagnostics: {t.Exception?.GetBaseException().Message}"),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    /// <summary>Refuses a request before initialize or after shutdown, as the specification says.</summary>
    private void Require()
    {
        if (!_initialized)
        {
            throw new LocalRpcException("the server is not initialized yet") { ErrorCode = ServerNotInitialized };
        }

        if (ShutdownRequested)
        {
            throw new LocalRpcException("the server is shutting down") { ErrorCode = InvalidRequest };
        }
    }
}
