namespace MmuDsl.Dsl.Syntax;

/// <summary>
/// A statement: one line of a scenario (a <c>for</c> or <c>proc</c> spans its block's lines too).
/// Its <see cref="Span"/> runs from its first token (the <c>@NAME</c> prefix when there is one) to
/// its last; the golden block is not in it.
/// </summary>
public abstract record Statement(SourceSpan Span)
{
    /// <summary>The <c>@NAME</c> prefix, or null: the statement runs under that algorithm only.</summary>
    public AlgorithmQualifier? Qualifier { get; init; }

    /// <summary>The expected output written after the statement, for output statements only.</summary>
    public GoldenBlock? Golden { get; init; }

    /// <summary>True for the output statements (<c>show</c>, <c>stats</c>, <c>echo</c>, <c>trace</c>), which may carry a golden block.</summary>
    public bool IsOutput => this is ShowStatement or StatsStatement or EchoStatement or TraceStatement;
}
