using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>A set of integers: <c>{0, 7}</c>, <c>{}</c>.</summary>
public sealed record SetLiteral(ImmutableArray<Expr> Elements, SourceSpan Span) : Expr(Span);
