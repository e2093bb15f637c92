namespace MmuDsl.Dsl.Syntax;

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BoolLiteral(bool Value, SourceSpan Span) : Expr(Span);
