namespace MmuDsl.Lsp.Protocol;

/// <summary>A range of a document, end exclusive.</summary>
public sealed record Range(Position Start, Position End);
