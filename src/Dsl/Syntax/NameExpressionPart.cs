namespace MmuDsl.Dsl.Syntax;

/// <summary>An expression's value in a page name: <c>${$i * 8}</c> in <c>L${$i * 8}</c>.</summary>
public sealed record NameExpressionPart(Expr Expression, SourceSpan Span) : NamePart(Span);
