namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// The <c>@NAME</c> prefix of a statement (<c>@legacy</c>, <c>@eager</c>, a plug-in's name): the
/// statement runs under that algorithm only. The parser takes any identifier; the runner checks
/// that it names an algorithm (a built-in, or a plug-in the run loaded).
/// </summary>
/// <param name="Name">The algorithm's name, without the <c>@</c>.</param>
/// <param name="Span">Where <c>@NAME</c> is written.</param>
public sealed record AlgorithmQualifier(string Name, SourceSpan Span);
