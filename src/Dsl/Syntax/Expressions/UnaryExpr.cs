namespace MmuDsl.Dsl.Syntax;

/// <summary><c>!EXPR</c> or <c>-EXPR</c>.</summary>
public sealed record UnaryExpr(UnaryOperator Operator, Expr Operand, SourceSpan Span) : Expr(Span);
