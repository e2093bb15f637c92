namespace MmuDsl.Dsl.Syntax;

/// <summary><c>unlink P[5]</c>: clears the spte.</summary>
public sealed record UnlinkStatement(PageName Page, Expr Index, SourceSpan Span) : Statement(Span);
