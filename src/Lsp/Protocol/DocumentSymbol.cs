namespace MmuDsl.Lsp.Protocol;

/// <summary>A symbol of the outline: a page or a procedure, with the symbols inside it.</summary>
public sealed record DocumentSymbol(string Name, string? Detail, SymbolKind Kind, Range Range, Range SelectionRange, IReadOnlyList<DocumentSymbol>? Children);
