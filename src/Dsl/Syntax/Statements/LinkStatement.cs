namespace MmuDsl.Dsl.Syntax;

/// <summary><c>link P[5] -> C</c>: P's spte 5 points at C.</summary>
public sealed record LinkStatement(PageName Parent, Expr Index, PageName Child, SourceSpan Span) : Statement(Span);
