namespace MmuDsl.Lsp.Protocol;

/// <summary>The method names of the specification this server answers, and its one extension.</summary>
public static class MethodNames
{
    /// <summary>initialize.</summary>
    public const string Initialize = "initialize";

    /// <summary>initialized.</summary>
    public const string Initialized = "initialized";

    /// <summary>shutdown.</summary>
    public const string Shutdown = "shutdown";

    /// <summary>exit.</summary>
    public const string Exit = "exit";

    /// <summary>textDocument/didOpen.</summary>
    public const string DidOpen = "textDocument/didOpen";

    /// <summary>textDocument/didChange.</summary>
    public const string DidChange = "textDocument/didChange";

    /// <summary>textDocument/didClose.</summary>
    public const string DidClose = "textDocument/didClose";

    /// <summary>textDocument/didSave.</summary>
    public const string DidSave = "textDocument/didSave";

    /// <summary>textDocument/publishDiagnostics (server to client).</summary>
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";

    /// <summary>textDocument/hover.</summary>
    public const string Hover = "textDocument/hover";

    /// <summary>textDocument/definition.</summary>
    public const string Definition = "textDocument/definition";

    /// <summary>textDocument/references.</summary>
    public const string References = "textDocument/references";

    /// <summary>textDocument/completion.</summary>
    public const string Completion = "textDocument/completion";

    /// <summary>textDocument/documentSymbol.</summary>
    public const string DocumentSymbol = "textDocument/documentSymbol";

    /// <summary>textDocument/foldingRange.</summary>
    public const string FoldingRange = "textDocument/foldingRange";

    /// <summary>textDocument/formatting.</summary>
    public const string Formatting = "textDocument/formatting";

    /// <summary>$/cancelRequest (handled by StreamJsonRpc itself).</summary>
    public const string CancelRequest = "$/cancelRequest";

    /// <summary>mmudsl/memory: the server's memory (a request of this server's own, for the benchmark).</summary>
    public const string Memory = "mmudsl/memory";
}
