namespace MmuDsl.Dsl.Syntax;

/// <summary><c>let n = 16</c>.</summary>
public sealed record LetStatement(Identifier Name, Expr Value, SourceSpan Span) : Statement(Span);
