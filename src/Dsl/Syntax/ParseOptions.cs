namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// Limits of the parser, so that no input, however deep, overflows the stack: a line beyond a
/// limit gets a diagnostic instead. Vary with <c>ParseOptions.Default with { ... }</c>.
/// </summary>
public sealed record ParseOptions
{
    /// <summary>The limits a scenario run uses.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>How many blocks (<c>for</c>, <c>proc</c>) may be nested in one another.</summary>
    public int MaxBlockDepth { get; init; } = 64;

    /// <summary>
    /// How deep one statement may nest: parentheses, set braces, <c>${</c>, indexes, unary
    /// operators applied to one another, and <c>trace</c> applied to <c>trace</c>, counted together.
    /// </summary>
    public int MaxExpressionDepth { get; init; } = 256;

    /// <summary>How many operators one statement may hold (a long chain nests as deep as it is long).</summary>
    public int MaxOperatorsPerStatement { get; init; } = 1000;

    /// <summary>
    /// How many tokens the front end pre-scans, parses and lowers at once (at least: a chunk ends
    /// only after a whole top-level line). Bounds the memory a large file's parse needs; the result
    /// does not depend on it (tests parse with 1 and with no limit and compare).
    /// </summary>
    public int TokensPerChunk { get; init; } = 4096;
}
