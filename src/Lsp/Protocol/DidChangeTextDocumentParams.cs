namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/didChange: the changes, to apply in order.</summary>
public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);
