namespace MmuDsl.Lsp.Protocol;

/// <summary>Names a document.</summary>
public sealed record TextDocumentIdentifier(string Uri);
