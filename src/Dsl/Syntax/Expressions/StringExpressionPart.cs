namespace MmuDsl.Dsl.Syntax;

/// <summary>An interpolated value: <c>$name</c> (a <see cref="VariableExpr"/>) or <c>${EXPR}</c>.</summary>
public sealed record StringExpressionPart(Expr Expression, SourceSpan Span) : StringPart(Span);
