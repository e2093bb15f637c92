namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/didClose.</summary>
public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);
