namespace MmuDsl.Dsl.Syntax;

/// <summary>Literal text of a string, escapes resolved (<c>\$</c> is <c>$</c>).</summary>
public sealed record StringTextPart(string Text, SourceSpan Span) : StringPart(Span);
