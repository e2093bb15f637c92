namespace MmuDsl.Dsl.Syntax;

/// <summary><c>root R level 4</c>, optionally <c>gfn 0x1234</c>: a root shadow page.</summary>
public sealed record RootStatement(PageName Name, Expr Level, Expr? Gfn, SourceSpan Span) : Statement(Span);
