namespace MmuDsl.Dsl.Syntax;

/// <summary>A variable's value in a page name: <c>$i</c> in <c>L$i</c>, or <c>${$i}</c> (<see cref="Name"/> is <c>i</c>).</summary>
public sealed record NameVariablePart(string Name, SourceSpan Span) : NamePart(Span);
