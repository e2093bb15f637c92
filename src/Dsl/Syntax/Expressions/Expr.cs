namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// An expression. Its <see cref="Span"/> covers its text (a parenthesized expression's span
/// leaves the parentheses out), so <c>Text[Span.Start..Span.End]</c> is the expression as written.
/// </summary>
public abstract record Expr(SourceSpan Span);
