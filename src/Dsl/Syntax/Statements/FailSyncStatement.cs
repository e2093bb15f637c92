namespace MmuDsl.Dsl.Syntax;

/// <summary><c>fail-sync L</c>: L's next <c>kvm_sync_page</c> fails.</summary>
public sealed record FailSyncStatement(PageName Page, SourceSpan Span) : Statement(Span);
