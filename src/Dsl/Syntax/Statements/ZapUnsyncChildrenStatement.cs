namespace MmuDsl.Dsl.Syntax;

/// <summary><c>zap-unsync-children P</c>: <c>mmu_zap_unsync_children(P)</c>.</summary>
public sealed record ZapUnsyncChildrenStatement(PageName Page, SourceSpan Span) : Statement(Span);
