namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/documentSymbol.</summary>
public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);
