namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// The expected output written after an output statement, between two lines of exactly
/// <c>----</c>. <see cref="Text"/> is the raw text between the delimiter lines, line breaks as
/// written (CRLF included): exactly <c>ScenarioFile.Text[Content.Start..Content.End]</c>, so a
/// rewriter replaces that range and touches nothing else.
/// </summary>
/// <param name="Span">The whole block, from its opening <c>----</c> to the end of its closing line, line break included.</param>
/// <param name="Opening">The opening <c>----</c>.</param>
/// <param name="Content">The lines between the delimiters (empty for an empty block: Start == End, at the closing line).</param>
/// <param name="Text">The raw content.</param>
public sealed record GoldenBlock(SourceSpan Span, SourceSpan Opening, SourceSpan Content, string Text);
