namespace MmuDsl.Dsl.Syntax;

/// <summary><c>for i in A..B { ... }</c>: i runs from A to B - 1.</summary>
public sealed record ForStatement(Identifier Variable, Expr From, Expr To, Block Body, SourceSpan Span) : Statement(Span);
