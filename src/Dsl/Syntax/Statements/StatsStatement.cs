namespace MmuDsl.Dsl.Syntax;

/// <summary><c>stats</c>: prints the counters (an output statement).</summary>
public sealed record StatsStatement(SourceSpan Span) : Statement(Span);
