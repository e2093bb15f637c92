namespace MmuDsl.Lsp.Protocol;

/// <summary>Names a document at a version.</summary>
public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);
