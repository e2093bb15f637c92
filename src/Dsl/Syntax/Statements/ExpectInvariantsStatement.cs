namespace MmuDsl.Dsl.Syntax;

/// <summary><c>expect invariants</c>: checks the metadata invariants.</summary>
public sealed record ExpectInvariantsStatement(SourceSpan Span) : Statement(Span);
