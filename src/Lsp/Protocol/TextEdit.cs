namespace MmuDsl.Lsp.Protocol;

/// <summary>Replace a range with text.</summary>
public sealed record TextEdit(Range Range, string NewText);
