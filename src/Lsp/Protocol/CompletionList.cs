namespace MmuDsl.Lsp.Protocol;

/// <summary>textDocument/completion's answer.</summary>
public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);
