namespace MmuDsl.Dsl.Syntax;

/// <summary><c>unsync L</c>: the guest wrote to L.</summary>
public sealed record UnsyncStatement(PageName Page, SourceSpan Span) : Statement(Span);
