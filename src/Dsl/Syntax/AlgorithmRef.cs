namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// One entry of an <c>algorithms</c> statement: a name (<c>legacy</c>) or, as a string, the path
/// of a plug-in's C# file, relative to the script (<c>"walks/my-walk.cs"</c>). Exactly one of
/// <see cref="Name"/> and <see cref="Path"/> is set.
/// </summary>
/// <param name="Name">The algorithm's name, or null.</param>
/// <param name="Path">The plug-in file's path as written, or null.</param>
/// <param name="Span">Where the entry is written.</param>
public sealed record AlgorithmRef(Identifier? Name, StringExpr? Path, SourceSpan Span);
