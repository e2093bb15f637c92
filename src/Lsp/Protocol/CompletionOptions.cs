namespace MmuDsl.Lsp.Protocol;

/// <summary>Characters that trigger completion.</summary>
public sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters);
