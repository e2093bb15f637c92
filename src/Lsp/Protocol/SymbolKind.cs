namespace MmuDsl.Lsp.Protocol;

/// <summary>The kinds of symbol this server reports, numbered as the specification numbers them.</summary>
public enum SymbolKind
{
    /// <summary>A procedure.</summary>
    Function = 12,

    /// <summary>A variable (<c>let</c>).</summary>
    Variable = 13,

    /// <summary>A page.</summary>
    Object = 19,

    /// <summary>A root page.</summary>
    Struct = 23,
}
