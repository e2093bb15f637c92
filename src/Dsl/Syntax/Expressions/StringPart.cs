namespace MmuDsl.Dsl.Syntax;

/// <summary>One part of a <see cref="StringExpr"/>.</summary>
public abstract record StringPart(SourceSpan Span);
