namespace MmuDsl.Dsl.Syntax;

/// <summary><c>set pvec 4</c>: an engine setting. The parser does not check the name.</summary>
public sealed record SetStatement(Identifier Name, Expr Value, SourceSpan Span) : Statement(Span);
