namespace MmuDsl.Lsp.Protocol;

/// <summary>Text for a person: <c>kind</c> is <c>markdown</c> or <c>plaintext</c>.</summary>
public sealed record MarkupContent(string Kind, string Value);
