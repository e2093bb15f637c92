namespace MmuDsl.Dsl.Syntax;

/// <summary><c>sync P</c>, optionally <c>interrupt-after N</c>: <c>mmu_sync_children(P)</c>.</summary>
public sealed record SyncStatement(PageName Page, Expr? InterruptAfter, SourceSpan Span) : Statement(Span);
