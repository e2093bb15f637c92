namespace MmuDsl.Dsl.Syntax;

/// <summary>A name written in the source (a variable, procedure, parameter, setting, algorithm or field), with its place.</summary>
public sealed record Identifier(string Name, SourceSpan Span);
