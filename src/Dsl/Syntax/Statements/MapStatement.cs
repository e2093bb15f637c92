namespace MmuDsl.Dsl.Syntax;

/// <summary><c>map L[5]</c> (a 4 KiB leaf spte) or <c>map P[5] large</c> (a huge-page spte).</summary>
public sealed record MapStatement(PageName Page, Expr Index, bool Large, SourceSpan Span) : Statement(Span);
