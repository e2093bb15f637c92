namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/completion.</summary>
public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position);
