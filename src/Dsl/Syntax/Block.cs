using System.Collections.Immutable;

namespace MmuDsl.Dsl.Syntax;

/// <summary>The statements of a <c>for</c> or <c>proc</c> body, between its <c>{</c> and its <c>}</c> (both in <see cref="Span"/>).</summary>
public sealed record Block(ImmutableArray<Statement> Statements, SourceSpan Span);
