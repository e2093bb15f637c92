namespace MmuDsl.Dsl.Syntax;

/// <summary><c>LEFT OP RIGHT</c>; chains are left-associative: <c>1 - 2 - 3</c> is <c>(1 - 2) - 3</c>.</summary>
public sealed record BinaryExpr(BinaryOperator Operator, Expr Left, Expr Right, SourceSpan Span) : Expr(Span);
