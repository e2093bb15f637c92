namespace MmuDsl.Dsl.Syntax;

/// <summary><c>expect EXPR</c>: fails where EXPR is false.</summary>
public sealed record ExpectStatement(Expr Condition, SourceSpan Span) : Statement(Span);
