using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// <c>sync P</c>: <c>mmu_sync_children(P)</c>; optionally <c>interrupt-after N</c> (it may not
/// yield: -EINTR after N batches), or <c>yield-after N { ... }</c> (it may yield: after N batches
/// it drops mmu_lock, the block runs as other vCPUs would, and the sync goes on).
/// </summary>
public sealed record SyncStatement(PageName Page, Expr? InterruptAfter, SourceSpan Span) : Statement(Span)
{
    /// <summary>The <c>yield-after N</c>, or null.</summary>
    public Expr? YieldAfter { get; init; }

    /// <summary>The statements run at the yield point (with <see cref="YieldAfter"/>), or null.</summary>
    public Block? AtYield { get; init; }
}
