namespace MmuDsl.Lsp.Protocol;

/// <summary>Lines that fold (0-based, inclusive).</summary>
public sealed record FoldingRange(int StartLine, int EndLine, string? Kind = null);
