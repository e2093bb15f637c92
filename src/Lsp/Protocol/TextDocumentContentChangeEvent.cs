namespace MmuDsl.Lsp.Protocol;

/// <summary>One change: <see cref="Text"/> replaces <see cref="Range"/>, or the whole document when there is no range.</summary>
public sealed record TextDocumentContentChangeEvent(Range? Range, string Text);
