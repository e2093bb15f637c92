namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/hover's answer.</summary>
public sealed record Hover(MarkupContent Contents, Range? Range);
