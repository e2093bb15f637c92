namespace MmuDsl.Dsl.Syntax;

/// <summary>An integer: <c>42</c>, <c>0x2a</c>; <c>-9223372036854775808</c> is one literal too.</summary>
public sealed record IntLiteral(long Value, SourceSpan Span) : Expr(Span);
