namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// <c>link P[5] -> C</c>: P's spte 5 points at C (<c>link_shadow_page</c>). With <c>via fetch</c>
/// (<see cref="ViaFetch"/>) the link goes through the page-fault path, <c>FNAME(fetch)</c>, which
/// syncs C first if it has unsync children, and links nothing when that sync is interrupted
/// (<c>interrupt-after N</c>, <see cref="InterruptAfter"/>).
/// </summary>
public sealed record LinkStatement(PageName Parent, Expr Index, PageName Child, SourceSpan Span) : Statement(Span)
{
    /// <summary>True for <c>via fetch</c>.</summary>
    public bool ViaFetch { get; init; }

    /// <summary>The <c>interrupt-after N</c> of a <c>via fetch</c> link, or null.</summary>
    public Expr? InterruptAfter { get; init; }
}
