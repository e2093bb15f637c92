namespace MmuDsl.Lsp.Protocol;

/// <summary>One completion.</summary>
public sealed record CompletionItem(string Label, CompletionItemKind Kind, string? Detail = null, string? InsertText = null, string? SortText = null);
