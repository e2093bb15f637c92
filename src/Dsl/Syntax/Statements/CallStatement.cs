using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary><c>call name(1, "P")</c>: runs a procedure.</summary>
public sealed record CallStatement(Identifier Name, ImmutableArray<Expr> Arguments, SourceSpan Span) : Statement(Span);
