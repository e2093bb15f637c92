namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/formatting.</summary>
public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options);
