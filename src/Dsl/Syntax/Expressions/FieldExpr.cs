namespace MmuDsl.Dsl.Syntax;

/// <summary>A page's field: <c>R.unsync_children</c>. The field name is not checked by the parser.</summary>
public sealed record FieldExpr(PageName Page, Identifier Field, SourceSpan Span) : Expr(Span);
