namespace MmuDsl.Dsl.Syntax;

/// <summary><c>page P level 3</c>, optionally <c>gfn 0x1234</c>: a shadow page linked nowhere yet.</summary>
public sealed record PageStatement(PageName Name, Expr Level, Expr? Gfn, SourceSpan Span) : Statement(Span);
