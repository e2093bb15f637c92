namespace MmuDsl.Dsl.Syntax;

/// <summary>Literal text of a page name: <c>L</c> in <c>L$i</c>.</summary>
public sealed record NameTextPart(string Text, SourceSpan Span) : NamePart(Span);
