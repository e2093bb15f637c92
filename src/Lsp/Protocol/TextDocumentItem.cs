namespace MmuDsl.Lsp.Protocol;

/// <summary>An opened document: its URI, language, version and whole text.</summary>
public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);
