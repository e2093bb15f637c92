namespace MmuDsl.Lsp.Protocol;

/// <summary>What the server does (initialize's answer).</summary>
public sealed record ServerCapabilities
{
    /// <summary>Open/close and incremental changes.</summary>
    public required TextDocumentSyncOptions TextDocumentSync { get; init; }

    /// <summary>Hover.</summary>
    public bool HoverProvider { get; init; }

    /// <summary>Go to definition.</summary>
    public bool DefinitionProvider { get; init; }

    /// <summary>Find references.</summary>
    public bool ReferencesProvider { get; init; }

    /// <summary>Completion, and its trigger characters.</summary>
    public CompletionOptions? CompletionProvider { get; init; }

    /// <summary>The outline.</summary>
    public bool DocumentSymbolProvider { get; init; }

    /// <summary>Folding.</summary>
    public bool FoldingRangeProvider { get; init; }

    /// <summary>Formatting.</summary>
    public bool DocumentFormattingProvider { get; init; }
}
