namespace MmuDsl.Lsp.Analysis;

/// <summary>What a name in a scenario names.</summary>
internal enum SymbolCategory
{
    /// <summary>A page (<c>root R</c>, <c>page P</c>, and every use of the name).</summary>
    Page,

    /// <summary>A procedure (<c>proc p(...)</c>, <c>call p(...)</c>).</summary>
    Procedure,

    /// <summary>A variable (<c>let</c>, a loop variable, a parameter, <c>$name</c>).</summary>
    Variable,

    /// <summary>An included file (<c>include "..."</c>).</summary>
    Include,
}
