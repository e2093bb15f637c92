namespace MmuDsl.Dsl.Syntax;

/// <summary>One part of a <see cref="PageName"/>.</summary>
public abstract record NamePart(SourceSpan Span);
