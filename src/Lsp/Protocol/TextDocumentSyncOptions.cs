namespace MmuDsl.Lsp.Protocol;

/// <summary>How documents are synchronized: open/close notifications, and changes as ranges (<see cref="TextDocumentSyncKind.Incremental"/>).</summary>
public sealed record TextDocumentSyncOptions(bool OpenClose, TextDocumentSyncKind Change);
