namespace MmuDsl.Dsl.Syntax;

/// <summary>A variable: <c>$n</c> (<see cref="Name"/> is <c>n</c>).</summary>
public sealed record VariableExpr(string Name, SourceSpan Span) : Expr(Span);
