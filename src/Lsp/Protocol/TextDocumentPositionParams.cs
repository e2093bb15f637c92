namespace MmuDsl.Lsp.Protocol;

/// <summary>A position in a document: textDocument/hover and textDocument/definition send this.</summary>
public sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);
