namespace MmuDsl.Dsl.Syntax;

/// <summary><c>echo EXPR</c>: prints a line (an output statement).</summary>
public sealed record EchoStatement(Expr Value, SourceSpan Span) : Statement(Span);
