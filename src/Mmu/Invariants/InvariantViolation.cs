namespace MmuDsl.Mmu.Invariants;

/// <summary>A broken invariant (docs/model.md#invariants): its number (1..4) and what is wrong, naming the page.</summary>
public sealed record InvariantViolation(int Number, string Message)
{
    /// <summary>The invariant's short title.</summary>
    public string Title => Number switch
    {
        1 => "unsync_children == popcount(unsync_child_bitmap)",
        2 => "no false negatives",
        3 => "only level-1 pages are unsync; stat.unsync counts them",
        4 => "a sync that returned 0 left nothing unsync below its page",
        _ => "invariant",
    };

    /// <inheritdoc/>
    public override string ToString() => $"invariant {Number} ({Title}): {Message}";
}
