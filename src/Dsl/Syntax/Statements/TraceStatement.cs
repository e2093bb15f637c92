namespace MmuDsl.Dsl.Syntax;

/// <summary><c>trace S</c>: runs S and prints the engine events it caused (an output statement). The parser accepts any statement as S.</summary>
public sealed record TraceStatement(Statement Inner, SourceSpan Span) : Statement(Span);
