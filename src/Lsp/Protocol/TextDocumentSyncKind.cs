namespace MmuDsl.Lsp.Protocol;

/// <summary>How changes are sent, numbered as the specification numbers it.</summary>
public enum TextDocumentSyncKind
{
    /// <summary>Not at all.</summary>
    None = 0,

    /// <summary>The whole text each time.</summary>
    Full = 1,

    /// <summary>Ranges and their new text.</summary>
    Incremental = 2,
}
