namespace MmuDsl.Lsp.Protocol;

/// <summary>How the editor indents.</summary>
public sealed record FormattingOptions(int TabSize, bool InsertSpaces);
