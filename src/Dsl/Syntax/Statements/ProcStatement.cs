using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary><c>proc name(a, b) { ... }</c>: declares a procedure.</summary>
public sealed record ProcStatement(Identifier Name, ImmutableArray<Identifier> Parameters, Block Body, SourceSpan Span) : Statement(Span);
