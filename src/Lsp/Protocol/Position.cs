namespace MmuDsl.Lsp.Protocol;

/// <summary>A place in a document: 0-based line and character (UTF-16 code units), as the specification says.</summary>
public sealed record Position(int Line, int Character);
