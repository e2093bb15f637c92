namespace MmuDsl.Lsp.Protocol;

/// <summary>The kinds of completion this server offers, numbered as the specification numbers them.</summary>
public enum CompletionItemKind
{
    /// <summary>A function (a procedure).</summary>
    Function = 3,

    /// <summary>A field of a page, a counter.</summary>
    Field = 5,

    /// <summary>A variable.</summary>
    Variable = 6,

    /// <summary>A setting.</summary>
    Property = 10,

    /// <summary>An algorithm.</summary>
    EnumMember = 20,

    /// <summary>A statement word.</summary>
    Keyword = 14,

    /// <summary>A file.</summary>
    File = 17,

    /// <summary>A page.</summary>
    Struct = 22,
}
