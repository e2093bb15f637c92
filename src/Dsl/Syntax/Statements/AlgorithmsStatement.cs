using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary><c>algorithms legacy recursive</c>: narrows the algorithms the script runs under. The parser checks neither the names nor where the statement stands.</summary>
public sealed record AlgorithmsStatement(ImmutableArray<Identifier> Names, SourceSpan Span) : Statement(Span);
