namespace MmuDsl.Dsl.Syntax;

/// <summary><c>zap P</c>: prepare-zap and commit.</summary>
public sealed record ZapStatement(PageName Page, SourceSpan Span) : Statement(Span);
