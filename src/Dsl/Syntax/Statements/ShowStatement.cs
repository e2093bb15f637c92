namespace MmuDsl.Dsl.Syntax;

/// <summary><c>show</c> (every root) or <c>show P</c> (P's subtree): an output statement.</summary>
public sealed record ShowStatement(PageName? Page, SourceSpan Span) : Statement(Span);
