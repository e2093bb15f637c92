namespace MmuDsl.Dsl.Syntax;

/// <summary>A counter: <c>stat.walks</c>. The counter name is not checked by the parser.</summary>
public sealed record StatExpr(Identifier Counter, SourceSpan Span) : Expr(Span);
