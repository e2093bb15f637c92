namespace MmuDsl.Explore.Results;

/// <summary>
/// One finding class in a results file: how often it was seen, and for the instance kept (the
/// smallest, <see cref="Key"/>) what it showed and its repro's text, shrunk when shrinking ran.
/// </summary>
public sealed record ClassResult
{
    /// <summary>Transitions that showed it.</summary>
    public required long Count { get; init; }

    /// <summary>Which instance was kept; null when none was seen.</summary>
    public FindingKey? Key { get; init; }

    /// <summary>What it showed.</summary>
    public string? Seen { get; init; }

    /// <summary>The .mmu repro (null in a checkpoint: a resumed shard makes it when it ends).</summary>
    public string? Repro { get; init; }

    /// <summary>The repro's statements.</summary>
    public int Statements { get; init; }
}
