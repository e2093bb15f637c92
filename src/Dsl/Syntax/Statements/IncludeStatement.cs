namespace MmuDsl.Dsl.Syntax;

/// <summary><c>include "common/two-roots.mmu"</c>: runs another file, its path relative to this one.</summary>
public sealed record IncludeStatement(StringExpr Path, SourceSpan Span) : Statement(Span);
